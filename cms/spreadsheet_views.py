"""Admin pages for spreadsheet import and export of helplines and SMS answers.

Import is upload -> preview -> confirm. The preview parses the file, shows
the plan (`cms.spreadsheet_import`) and keeps the parsed rows and the plan's
digest in the session; confirming re-plans those rows and writes only if the
digest still matches, so what is written is exactly what was shown. The
rules live in `cms.spreadsheet_import` and `cms.spreadsheet_sms_answers`;
these views check permissions and move files and rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.views.snippets import IndexView

from cms import spreadsheets
from cms.models import Helpline
from cms.spreadsheet_import import (
    HELPLINE_COLUMNS,
    ImportPlan,
    PlanChangedError,
    helpline_apply,
    helpline_export_rows,
    helpline_plan,
)
from cms.spreadsheet_sms_answers import (
    SMS_ANSWER_COLUMNS,
    sms_answer_apply,
    sms_answer_export_rows,
    sms_answer_plan,
)

_SESSION_KEY = "cms_spreadsheet_import:{}"


@dataclass(frozen=True)
class SpreadsheetKind:
    slug: str
    title: str
    noun: str  # as a sentence says it
    columns: tuple[str, ...]
    export_rows: Callable[[], list[dict[str, str]]]
    plan: Callable[..., ImportPlan]  # (rows, user) -> plan
    apply: Callable[..., ImportPlan]  # (rows=, digest=, user=) -> plan
    can_export: Callable[..., bool]
    can_import: Callable[..., bool]
    done_message: str
    done_url_name: str


def _helpline_policy() -> ModelPermissionPolicy:
    return ModelPermissionPolicy(Helpline)


KINDS = {
    "helplines": SpreadsheetKind(
        slug="helplines",
        title="Helplines",
        noun="helplines",
        columns=HELPLINE_COLUMNS,
        export_rows=helpline_export_rows,
        plan=lambda rows, user: helpline_plan(rows),
        apply=helpline_apply,
        can_export=lambda user: _helpline_policy().user_has_any_permission(user, ["view", "add", "change"]),
        # An import both adds and changes helplines: it needs both.
        can_import=lambda user: (
            _helpline_policy().user_has_permission(user, "add")
            and _helpline_policy().user_has_permission(user, "change")
        ),
        done_message="Helplines imported: {created} added, {changed} changed, {unchanged} left alone.",
        done_url_name="wagtailsnippets_cms_helpline:list",
    ),
    "sms-answers": SpreadsheetKind(
        slug="sms-answers",
        title="SMS answers",
        noun="SMS answers",
        columns=SMS_ANSWER_COLUMNS,
        export_rows=sms_answer_export_rows,
        plan=lambda rows, user: sms_answer_plan(rows, user=user),
        apply=sms_answer_apply,
        can_export=lambda user: PagePermissionPolicy().user_has_any_permission(
            user, ["add", "change", "publish"]
        ),
        can_import=lambda user: PagePermissionPolicy().user_has_permission(user, "change"),
        done_message="SMS answers saved as drafts of their topics: {created} added, {changed} changed, "
        "{unchanged} left alone. Submit each topic for clinical review to publish them.",
        done_url_name="cms_spreadsheets",
    ),
}


def _kind(slug: str) -> SpreadsheetKind:
    try:
        return KINDS[slug]
    except KeyError:
        raise Http404 from None


def spreadsheet_export(request, kind: str, file_format: str):
    """The whole table as a CSV or XLSX download."""
    spreadsheet = _kind(kind)
    if file_format not in spreadsheets.FORMATS:
        raise Http404
    if not spreadsheet.can_export(request.user):
        raise PermissionDenied
    rows = spreadsheet.export_rows()
    if file_format == spreadsheets.CSV:
        content = spreadsheets.write_csv(spreadsheet.columns, rows)
    else:
        content = spreadsheets.write_xlsx(spreadsheet.columns, rows, title=spreadsheet.title)
    response = HttpResponse(content, content_type=spreadsheets.CONTENT_TYPES[file_format])
    filename = f"{spreadsheet.slug}-{timezone.localdate():%Y-%m-%d}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class UploadForm(forms.Form):
    file = forms.FileField(label="Spreadsheet (.csv or .xlsx)")


class SpreadsheetsIndexView(WagtailAdminTemplateMixin, TemplateView):
    """Links to every export and import the user may use."""

    page_title = "Spreadsheets"
    header_icon = "table"
    template_name = "cms/spreadsheets/index.html"

    def dispatch(self, request, *args, **kwargs):
        if not any(k.can_export(request.user) or k.can_import(request.user) for k in KINDS.values()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        kinds = [
            {"kind": kind, "export": kind.can_export(user), "import": kind.can_import(user)}
            for kind in KINDS.values()
        ]
        return {**super().get_context_data(**kwargs), "kinds": kinds}


class SpreadsheetImportView(WagtailAdminTemplateMixin, TemplateView):
    """Upload (GET), preview (POST with a file), confirm (POST with the digest)."""

    header_icon = "upload"
    template_name = "cms/spreadsheets/import.html"

    def dispatch(self, request, *args, kind: str, **kwargs):
        self.spreadsheet = _kind(kind)
        if not self.spreadsheet.can_import(request.user):
            raise PermissionDenied
        self.session_key = _SESSION_KEY.format(kind)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Import {self.spreadsheet.noun}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("cms_spreadsheets"), "label": "Spreadsheets"},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "spreadsheet": self.spreadsheet,
            "columns": ", ".join(self.spreadsheet.columns),
            "form": kwargs.get("form") or UploadForm(),
        }

    def post(self, request, *args, **kwargs):
        if "digest" in request.POST:
            return self._confirm(request)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["file"]
        try:
            rows = spreadsheets.read_rows(upload.read(), filename=upload.name)
        except spreadsheets.SpreadsheetError as exc:
            form.add_error("file", str(exc))
            return self.render_to_response(self.get_context_data(form=form))
        plan = self.spreadsheet.plan(rows, request.user)
        request.session[self.session_key] = {"rows": rows, "digest": plan.digest, "filename": upload.name}
        return self.render_to_response(self.get_context_data(plan=plan, filename=upload.name))

    def _confirm(self, request):
        pending = request.session.get(self.session_key)
        if not pending or pending["digest"] != request.POST["digest"]:
            messages.error(request, "That preview has expired: upload the file again.")
            return redirect(request.path)
        try:
            plan = self.spreadsheet.apply(rows=pending["rows"], digest=pending["digest"], user=request.user)
        except PlanChangedError:
            messages.error(
                request,
                "Nothing was imported: the content changed since the preview. Upload the file again "
                "to see the new preview.",
            )
            return redirect(request.path)
        del request.session[self.session_key]
        counts = {name: len(getattr(plan, name)) for name in ("created", "changed", "unchanged")}
        messages.success(request, self.spreadsheet.done_message.format(**counts))
        return redirect(reverse(self.spreadsheet.done_url_name))


class HelplineIndexView(IndexView):
    """The helpline listing, with export and import in its "more" menu."""

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        kind = KINDS["helplines"]
        if kind.can_export(self.request.user):
            for file_format in spreadsheets.FORMATS:
                url = reverse("cms_spreadsheet_export", args=[kind.slug, file_format])
                buttons.append(Button(f"Download {file_format.upper()}", url=url, icon_name="download"))
        if kind.can_import(self.request.user):
            url = reverse("cms_spreadsheet_import", args=[kind.slug])
            buttons.append(Button("Import from a spreadsheet", url=url, icon_name="upload"))
        return buttons
