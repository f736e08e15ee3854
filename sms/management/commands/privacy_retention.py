"""`python manage.py privacy_retention [--dry-run]`: delete the texts, replies,
crisis follow-ups, senders and callback requests past their time, after
storing the daily figures of the days they came from (sms.retention).

Beat runs the same daily; this is for a data protection officer's "what
would go tonight?" (`--dry-run`: counts per kind, changes nothing) and for
running it by hand. Only counts and dates are printed, never anything a
person sent.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from sms import retention


class Command(BaseCommand):
    help = "Delete SMS and callback data past its retention time (--dry-run: only count it)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would go; change nothing.")
        parser.add_argument(
            "--batch-size", type=int, default=retention.BATCH_SIZE, help="Rows deleted per transaction."
        )

    def handle(self, *args, dry_run: bool, batch_size: int, **options):
        if dry_run:
            report = retention.retention_plan()
            stored, deleted = "Would store", "Would delete"
        else:
            report = retention.retention_apply(batch_size=max(1, batch_size))
            stored, deleted = "Stored", "Deleted"
        c = report.cutoffs
        self.stdout.write(f"{stored} the figures of {report.figure_days} day(s).")
        self.stdout.write(
            f"{deleted} what came before: texts {c.texts:%Y-%m-%d %H:%M}, crisis conversations "
            f"{c.crisis:%Y-%m-%d %H:%M}, callback requests {c.callbacks:%Y-%m-%d %H:%M} (UTC):"
        )
        if c.texts == c.figures_until:
            self.stdout.write("  (texts wait until the figures of their day are stored)")
        for kind, count in report.deleted.items():
            self.stdout.write(f"  {kind}: {count}")
