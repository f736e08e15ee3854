"""`python manage.py sms_screen_eval [--split tuning|heldout] [--include-labels]`

Scores the crisis screener on the labelled corpus (sms/screening/corpus/):
recall and false-alarm rate, overall and per category, and every miss and
false alarm. Uses the built-in patterns plus the editors' patterns and
examples in the database (what the worker runs), unless --built-in-only.
The gate is the held-out half with the built-in patterns only.
Exit status 1 when a scored half misses the gate.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from sms import selectors
from sms.models import ScreeningLabel
from sms.screening import ScreeningContext, screen
from sms.screening.evaluation import SPLITS, LabelledText, evaluate, format_report, load_corpus


class Command(BaseCommand):
    help = "Score the crisis screener on the labelled corpus (and staff labels) and list every mistake."

    def add_arguments(self, parser):
        parser.add_argument("--split", choices=SPLITS, help="Only this half (default: both).")
        parser.add_argument(
            "--include-labels",
            action="store_true",
            help="Also score it on texts staff labelled in the admin.",
        )
        parser.add_argument(
            "--built-in-only",
            action="store_true",
            help="Ignore editors' patterns and examples (as the gate does).",
        )

    def handle(self, *args, split: str | None, include_labels: bool, built_in_only: bool, **options):
        context = ScreeningContext() if built_in_only else selectors.screening_context()

        def screener(text: str):
            return screen(text, context=context)

        failed = False
        for name in [split] if split else SPLITS:
            report = evaluate(load_corpus(name), name=name, screener=screener)
            self.stdout.write(format_report(report) + "\n")
            failed |= not report.passes_gate
        if include_labels:
            report = evaluate(_staff_labels(), name="staff labels", screener=screener)
            self.stdout.write(format_report(report, show_concerns=False) + "\n")
        if failed:
            raise SystemExit(1)


def _staff_labels() -> list[LabelledText]:
    items = []
    # The texts are encrypted at rest: decrypted here, one column only.
    labels = ScreeningLabel.objects.select_related("inbound").only(
        "verdict", "category", "inbound__body", "inbound__screening_category"
    )
    for label in labels:
        if label.verdict == ScreeningLabel.Verdict.MISSED_EMERGENCY:
            level, category = "emergency", label.category or label.inbound.screening_category or "unknown"
        else:
            level, category = "none", ""
        items.append(LabelledText(level, category, label.inbound.body, f"staff label {label.pk}"))
    return items
