"""`python manage.py rotate_encryption_keys [--batch-size N]`

Re-encrypts every stored `EncryptedTextField` value (phone numbers, what
people text, replies, callback names and messages: every field of that class
on every model, found by walking the models) under the first
FIELD_ENCRYPTION_KEY key. A key change, step by step:

1. Generate key B. Set FIELD_ENCRYPTION_KEY="B,A" for the web, worker and
   beat processes and restart them: new values are written under B, and
   values under A still read.
2. Run this command. It prints its progress per column and batch. It can be
   stopped and run again: a value already under B costs one check, no write.
3. When it reports every value readable and none left to move, set
   FIELD_ENCRYPTION_KEY="B" and restart. A is no longer needed.

A value no configured key can read is counted and reported, never printed,
and the command then exits with an error: nothing is lost by stopping there.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from cms import phone_numbers
from cms.encrypted_columns import DEFAULT_BATCH_SIZE, encrypted_columns, rewrite


class Command(BaseCommand):
    help = "Re-encrypt every encrypted field under the first FIELD_ENCRYPTION_KEY key (resumable)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=f"Rows read and written per query (default {DEFAULT_BATCH_SIZE}).",
        )

    def handle(self, *args, batch_size: int, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        try:
            keys = phone_numbers.field_key_count()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from None
        if keys == 1:
            self.stdout.write("One key is configured: checking that every value reads with it.")
        total_checked = total_changed = total_unreadable = 0
        for column in encrypted_columns():
            unreadable = 0

            def under_first_key(token: str) -> str | None:
                nonlocal unreadable
                try:
                    return phone_numbers.rotate(token)
                except ImproperlyConfigured:
                    unreadable += 1
                    return None

            checked = changed = 0
            for batch in rewrite(column, under_first_key, batch_size=batch_size):
                checked, changed = batch.checked, batch.changed
                self.stdout.write(f"{column.label}: {checked} checked, {changed} re-encrypted")
            if not checked:
                self.stdout.write(f"{column.label}: nothing stored")
            if unreadable:
                self.stderr.write(f"{column.label}: {unreadable} value(s) no configured key can read")
            total_checked += checked
            total_changed += changed
            total_unreadable += unreadable
        summary = f"{total_checked} value(s) checked, {total_changed} re-encrypted under the first key."
        if total_unreadable:
            raise CommandError(
                f"{summary} {total_unreadable} value(s) could not be read with any FIELD_ENCRYPTION_KEY "
                "key: put back the key that wrote them and run again."
            )
        self.stdout.write(self.style.SUCCESS(f"{summary} Every value now reads with the first key alone."))
