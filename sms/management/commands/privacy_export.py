"""`python manage.py privacy_export --number "+44 7911 123456" [--output FILE]`:
everything held about a number, as JSON (a subject access request).

The number is looked up by its keyed hash (sms.privacy). The export is
recorded in the audit log without the number. A file is created readable by
its owner only; without --output the JSON goes to standard output and the
summary to standard error, so the output can be piped.
"""

from __future__ import annotations

import json
import os

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from cms import phone_numbers
from sms import privacy


class Command(BaseCommand):
    help = "Write, as JSON, everything held about one phone number (subject access)."

    def add_arguments(self, parser):
        parser.add_argument("--number", required=True, help='The number, e.g. "+44 7911 123456".')
        parser.add_argument("--output", help="File to write (default: standard output).")

    def handle(self, *args, number: str, output: str | None, **options):
        try:
            document = privacy.personal_data_export(number=number, via="command line")
        except phone_numbers.InvalidPhoneNumber as exc:
            raise CommandError("That is not a valid phone number.") from exc
        text = json.dumps(document, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
        summary = privacy.describe_counts(document["about"]["counts"])
        if not output:
            self.stdout.write(text)
            self.stderr.write(f"Exported: {summary}.")
            return
        try:
            descriptor = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError as exc:
            raise CommandError(f"{output} exists: choose a new file name.") from exc
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text + "\n")
        self.stdout.write(f"Exported: {summary}. Written to {output} (readable by you only).")
