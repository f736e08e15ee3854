"""Model fields for personal data."""

from django.db import models

from cms import phone_numbers


class EncryptedTextField(models.TextField):
    """Text stored Fernet-encrypted (FIELD_ENCRYPTION_KEY), read back in plain.

    Not searchable or filterable by value: pair it with a `phone_hash` column
    for look-ups.
    """

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return phone_numbers.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return phone_numbers.encrypt(value)


class SmsTextField(models.TextField):
    """Plain text sent by SMS. Its own class so the SMS app can give it the
    live segment counter in the admin (`register_form_field_override` in
    `sms/wagtail_hooks.py`) without `cms` importing `sms`."""
