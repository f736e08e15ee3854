"""`python manage.py privacy_erase --number "+44 7911 123456" [--yes]`:
delete everything held about a number (an erasure request).

Shows what is held (counts only), then asks for the word "erase" to be
typed, unless --yes is given. Nobody else's data is touched (sms.privacy).
The erasure is recorded in the audit log without the number.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from cms import phone_numbers
from sms import privacy


class Command(BaseCommand):
    help = "Delete everything held about one phone number (erasure request)."

    def add_arguments(self, parser):
        parser.add_argument("--number", required=True, help='The number, e.g. "+44 7911 123456".')
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, number: str, yes: bool, **options):
        try:
            held = privacy.personal_data_find(number=number).counts()
        except phone_numbers.InvalidPhoneNumber as exc:
            raise CommandError("That is not a valid phone number.") from exc
        self.stdout.write(f"Held about this number: {privacy.describe_counts(held)}.")
        if not yes:
            try:
                answer = input(f'Type "{privacy.CONFIRM_WORD}" to delete all of it: ')
            except EOFError as exc:
                raise CommandError("Not erased: no confirmation (pass --yes to skip it).") from exc
            if not privacy.is_confirmed(answer):
                raise CommandError("Not erased.")
        try:
            erased = privacy.personal_data_erase(number=number, via="command line")
        except privacy.ErasureInterrupted as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Erased: {privacy.describe_counts(erased)}."))
