"""Model fields for personal data."""

from django.core.exceptions import FieldError
from django.db import models
from django.db.models.lookups import Exact

from cms import phone_numbers


class _EmptyOnlyExact(Exact):
    """`field=""` only: a token is new on every write, so comparing any other
    value with the stored one can never match. Refusing it loudly beats a
    filter that silently finds nothing."""

    def get_prep_lookup(self):
        if self.rhs != "":
            raise FieldError(
                f"{self.lhs.output_field.name} is encrypted: it can only be compared with ''. "
                "Look rows up by a derived column (a hash, the outcome, the topic) instead."
            )
        return super().get_prep_lookup()


class EncryptedTextField(models.TextField):
    """Text stored Fernet-encrypted (FIELD_ENCRYPTION_KEY), read back in plain.

    Not searchable, filterable or sortable by value (each write is a new
    token): pair it with a `phone_hash` column, or with what was derived
    when the text came in (outcome, topic, screening level), for look-ups.
    Only `isnull` and `=""` lookups exist, so code that still filters on the
    text fails loudly. An empty value is stored empty. `max_length` only
    limits forms and serializers. `rotate_encryption_keys` finds every field
    of this class.
    """

    def get_lookup(self, lookup_name):
        if lookup_name == "exact":
            return _EmptyOnlyExact
        if lookup_name == "isnull":
            return super().get_lookup(lookup_name)
        return None

    def get_transform(self, lookup_name):
        return None

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
