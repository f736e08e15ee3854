"""Rewriting stored `EncryptedTextField` values in batches, below the ORM's
automatic encryption: the migrations that encrypt text stored in plain by
earlier versions, and `manage.py rotate_encryption_keys`, which moves every
value to the first FIELD_ENCRYPTION_KEY key.

Values are read raw (cast to plain text, so the field does not decrypt
them) and written back only where the row still holds what was read: a row
that the application changed in between is already under the first key, and
is left alone. Batches walk the primary key upwards, so memory stays flat and
a run that stops part-way can simply be started again.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.apps import apps as installed_apps
from django.db import models
from django.db.models.functions import Cast
from django.db.models.lookups import Exact

from cms import phone_numbers
from cms.fields import EncryptedTextField

DEFAULT_BATCH_SIZE = 500


@dataclass(frozen=True)
class Column:
    model: type[models.Model]
    field: str

    @property
    def label(self) -> str:
        return f"{self.model._meta.label}.{self.field}"


@dataclass(frozen=True)
class Batch:
    """How far a rewrite has got: rows with a value looked at, rows rewritten."""

    checked: int
    changed: int


def encrypted_columns() -> list[Column]:
    """Every `EncryptedTextField` of every model with its own table, found by
    walking the models, so a field added later is covered without a list to
    keep up to date."""
    columns = []
    for model in installed_apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        for field in meta.local_concrete_fields:
            if isinstance(field, EncryptedTextField):
                columns.append(Column(model, field.name))
    return sorted(columns, key=lambda column: column.label)


def rewrite(
    column: Column,
    change: Callable[[str], str | None],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[Batch]:
    """Replace each stored value `v` of `column` with `change(v)`, where that
    is not None; yields the running totals after each batch.

    `change` sees and returns raw stored values (tokens or, before the
    encrypting migrations, plain text): it decides what to do, this only
    reads and writes. Empty and NULL values are skipped."""
    model, name = column.model, column.field
    raw = Cast(name, output_field=models.TextField())
    rows = model._base_manager.exclude(**{f"{name}__isnull": True}).exclude(**{name: ""}).order_by("pk")
    checked = changed = 0
    last_pk = None
    while True:
        page = rows if last_pk is None else rows.filter(pk__gt=last_pk)
        batch = list(page.values_list("pk", raw)[:batch_size])
        if not batch:
            return
        last_pk = batch[-1][0]
        updates = {pk: new for pk, old in batch if (new := change(old)) is not None}
        olds = dict(batch)
        if updates:
            changed += _write(model, name, {pk: (olds[pk], new) for pk, new in updates.items()})
        checked += len(batch)
        yield Batch(checked=checked, changed=changed)


def _write(model: type[models.Model], name: str, updates: dict) -> int:
    """One UPDATE for a batch: each row gets its new value only if it still
    holds the old one (compare-and-set). Returns the rows written."""
    raw = Cast(name, output_field=models.TextField())
    still = {pk: models.Q(Exact(raw, old), pk=pk) for pk, (old, _) in updates.items()}
    value = models.Case(
        *[
            models.When(still[pk], then=models.Value(new, output_field=models.TextField()))
            for pk, (_, new) in updates.items()
        ],
        default=models.F(name),
        output_field=models.TextField(),
    )
    return model._base_manager.filter(functools.reduce(operator.or_, still.values())).update(**{name: value})


# --- for the migrations that encrypt what earlier versions stored in plain ---


def _encrypt_if_plain(value: str) -> str | None:
    # A token one of our keys wrote is left alone: running twice is safe.
    return None if phone_numbers.is_encrypted(value) else phone_numbers.encrypt(value)


def _decrypt_if_token(value: str) -> str | None:
    return phone_numbers.decrypt(value) if phone_numbers.is_encrypted(value) else None


def encrypt_existing(registry, app_label: str, columns: dict[str, list[str]]) -> None:
    """Encrypt the plain values of `columns` ({model name: [field names]})
    of a migration's historical `registry`; values that are already tokens
    are skipped."""
    _rewrite_all(registry, app_label, columns, _encrypt_if_plain)


def decrypt_existing(registry, app_label: str, columns: dict[str, list[str]]) -> None:
    """The way back: tokens in `columns` become plain text again, so the
    previous version of the code can read them after a rollback."""
    _rewrite_all(registry, app_label, columns, _decrypt_if_token)


def _rewrite_all(registry, app_label: str, columns: dict[str, list[str]], change) -> None:
    for model_name, fields in columns.items():
        model = registry.get_model(app_label, model_name)
        for field in fields:
            for _ in rewrite(Column(model, field), change):
                pass
