"""Admin forms whose validation needs the screener (models stay below it)."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from sms.screening import PatternError, compile_rule


class CrisisPatternForm(WagtailAdminModelForm):
    """Compiles the pattern and each 'unless' line, so a pattern that cannot
    work is refused with the reason instead of being silently skipped."""

    def clean(self):
        cleaned = super().clean()
        pattern = cleaned.get("pattern", "")
        if pattern:
            try:
                compile_rule(category=cleaned.get("category") or "overdose", pattern=pattern, origin="form")
            except PatternError as exc:
                self.add_error("pattern", str(exc))
        for number, line in enumerate((cleaned.get("unless") or "").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                compile_rule(category="overdose", pattern=line, origin="form")
            except PatternError as exc:
                self.add_error("unless", f"Line {number}: {exc}")
        return cleaned


class TryTextForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=1600)
    country = forms.CharField(
        max_length=2, required=False, initial="GB", help_text="Sender's country (ISO code), e.g. GB, AU."
    )
