"""`python manage.py sms_intent_eval [--split tuning|heldout]`

Scores the SMS understanding (topic and intent, `sms.understanding`) on the
labelled corpus in sms/understanding/corpus/: accuracy, how often it asked
instead (the menu) and how often it answered wrongly, per intent, and every
miss with its reasons. The tuning half is what the intent model learnt from
and the matcher's built-in examples, so its figures flatter; the held-out
half is two other writers. Exit status 1 when a scored half misses the gate.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from sms.understanding import builtin
from sms.understanding.evaluation import SPLITS, evaluate, format_report, load_corpus


class Command(BaseCommand):
    help = "Score the SMS topic and intent matcher on the labelled corpus and list every miss."

    def add_arguments(self, parser):
        parser.add_argument("--split", choices=SPLITS, help="Only this half (default: both).")

    def handle(self, *args, split: str | None, **options):
        failed = False
        for name in [split] if split else SPLITS:
            report = evaluate(load_corpus(name), context=builtin.context(), name=name)
            self.stdout.write(format_report(report) + "\n")
            failed |= not report.passes_gate
        if failed:
            raise SystemExit(1)
