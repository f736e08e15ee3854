"""Key rotation: values written under key A read after switching to "B,A",
`rotate_encryption_keys` moves every one of them to B (in batches, resumable,
never overwriting a newer write), and they read with B alone afterwards."""

import io

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.management import CommandError, call_command
from django.db import connection

from cms import phone_numbers
from cms.encrypted_columns import Column, encrypted_columns, rewrite
from cms.models import CallbackRequest
from sms.models import InboundMessage, OutboundMessage, Sender

pytestmark = pytest.mark.django_db

KEY_A = Fernet.generate_key().decode()
KEY_B = Fernet.generate_key().decode()
PHONE = "+447700900123"
ENCRYPTED = [
    ("cms_callbackrequest", "phone"),
    ("cms_callbackrequest", "name"),
    ("cms_callbackrequest", "message"),
    ("sms_sender", "phone"),
    ("sms_inboundmessage", "body"),
    ("sms_inboundmessage", "screening_reasons"),
    ("sms_inboundmessage", "understanding_reasons"),
    ("sms_outboundmessage", "body"),
]


def _callback(n: int = 0) -> CallbackRequest:
    return CallbackRequest.objects.create(
        name=f"Caller {n}",
        phone=PHONE,
        phone_hash=phone_numbers.phone_hash(PHONE),
        message=f"About my brother ({n})",
        consent_given=True,
    )


def _conversation() -> InboundMessage:
    sender = Sender.objects.create(phone=PHONE, phone_hash=phone_numbers.phone_hash(PHONE), country="GB")
    inbound = InboundMessage.objects.create(
        message_sid="SM" + "0" * 32,
        sender=sender,
        to_number="+447700900000",
        body="i took too much",
        screening_reasons="overdose: 'took too much'",
        understanding_reasons="no topic named",
    )
    OutboundMessage.objects.create(
        inbound=inbound, sender=sender, kind="crisis", body="Call 999 now.", encoding="GSM-7", segments=1
    )
    return inbound


def _stored_values() -> list[str]:
    """Every non-empty value of every encrypted column, as stored."""
    values = []
    with connection.cursor() as cursor:
        for table, column in ENCRYPTED:
            cursor.execute(f"SELECT {column} FROM {table} WHERE {column} <> ''")  # noqa: S608 (fixed names)
            values += [value for (value,) in cursor.fetchall()]
    return values


def _readable_with(key: str, values: list[str]) -> bool:
    try:
        for value in values:
            Fernet(key).decrypt(value.encode())
    except InvalidToken:
        return False
    return True


def _rotate(**options) -> str:
    out = io.StringIO()
    call_command("rotate_encryption_keys", stdout=out, stderr=out, **options)
    return out.getvalue()


def test_every_encrypted_field_is_found_by_walking_the_models():
    found = {(column.model._meta.db_table, column.field) for column in encrypted_columns()}

    assert set(ENCRYPTED) <= found


def test_data_under_key_a_reads_after_b_a_and_after_rotating_with_b_alone(settings):
    settings.FIELD_ENCRYPTION_KEY = KEY_A
    callback, inbound = _callback(), _conversation()
    assert len(_stored_values()) == len(ENCRYPTED)
    assert _readable_with(KEY_A, _stored_values())

    settings.FIELD_ENCRYPTION_KEY = f"{KEY_B},{KEY_A}"
    assert CallbackRequest.objects.get(pk=callback.pk).name == "Caller 0"
    assert InboundMessage.objects.get(pk=inbound.pk).reply.body == "Call 999 now."

    output = _rotate()

    assert f"{len(ENCRYPTED)} value(s) checked, {len(ENCRYPTED)} re-encrypted" in output
    assert "sms.InboundMessage.body: 1 checked, 1 re-encrypted" in output
    settings.FIELD_ENCRYPTION_KEY = KEY_B
    assert _readable_with(KEY_B, _stored_values())
    fresh = InboundMessage.objects.select_related("sender", "reply").get(pk=inbound.pk)
    assert (fresh.body, fresh.screening_reasons, fresh.understanding_reasons) == (
        "i took too much",
        "overdose: 'took too much'",
        "no topic named",
    )
    assert (fresh.sender.phone, fresh.reply.body) == (PHONE, "Call 999 now.")
    callback = CallbackRequest.objects.get(pk=callback.pk)
    assert (callback.name, callback.phone, callback.message) == ("Caller 0", PHONE, "About my brother (0)")


def test_a_rotation_stopped_part_way_finishes_when_run_again(settings):
    settings.FIELD_ENCRYPTION_KEY = KEY_A
    for n in range(5):
        _callback(n)
    settings.FIELD_ENCRYPTION_KEY = f"{KEY_B},{KEY_A}"

    interrupted = rewrite(Column(CallbackRequest, "name"), phone_numbers.rotate, batch_size=2)
    assert next(interrupted).changed == 2  # then the process dies
    interrupted.close()
    names = [value for value in _stored_values() if not _readable_with(KEY_A, [value])]
    assert len(names) == 2

    output = _rotate(batch_size=2)

    assert "cms.CallbackRequest.name: 2 checked, 0 re-encrypted" in output  # the finished batch: no writes
    assert "cms.CallbackRequest.name: 5 checked, 3 re-encrypted" in output
    assert _readable_with(KEY_B, _stored_values())
    assert "15 value(s) checked, 0 re-encrypted" in _rotate(batch_size=2)  # and a third run does nothing


def test_a_row_written_during_the_rotation_is_not_overwritten(settings):
    settings.FIELD_ENCRYPTION_KEY = KEY_A
    request = _callback()
    settings.FIELD_ENCRYPTION_KEY = f"{KEY_B},{KEY_A}"

    def rotate_while_staff_edit(token: str) -> str | None:
        # Between the read and the write, the application saves a new value.
        CallbackRequest.objects.filter(pk=request.pk).update(message="Edited meanwhile")
        return phone_numbers.rotate(token)

    [batch] = rewrite(Column(CallbackRequest, "message"), rotate_while_staff_edit)

    assert batch.changed == 0
    assert CallbackRequest.objects.get(pk=request.pk).message == "Edited meanwhile"


@pytest.mark.parametrize("rows", [12, 36])
def test_rotation_queries_grow_with_batches_not_rows(settings, django_assert_max_num_queries, rows):
    settings.FIELD_ENCRYPTION_KEY = KEY_A
    for n in range(rows):
        _callback(n)
    settings.FIELD_ENCRYPTION_KEY = f"{KEY_B},{KEY_A}"

    # Per column: a read and a write per batch, and the read that finds the end.
    with django_assert_max_num_queries(3 * len(encrypted_columns())):
        _rotate(batch_size=50)

    assert _readable_with(KEY_B, _stored_values())


def test_a_value_no_key_reads_is_counted_never_shown_and_fails_the_command(settings):
    settings.FIELD_ENCRYPTION_KEY = KEY_A
    _callback()
    settings.FIELD_ENCRYPTION_KEY = KEY_B  # A was dropped too early

    with pytest.raises(CommandError, match="3 value\\(s\\) could not be read") as raised:
        _rotate()

    assert "Caller" not in str(raised.value) and "brother" not in str(raised.value)
    assert _readable_with(KEY_A, _stored_values()), "nothing was overwritten"


def test_a_bad_key_setting_stops_the_command_with_one_line(settings):
    settings.FIELD_ENCRYPTION_KEY = f"{KEY_B},oops"

    with pytest.raises(CommandError, match="^key 2 of 2 in FIELD_ENCRYPTION_KEY must be"):
        _rotate()
