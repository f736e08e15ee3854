"""What people text, the reasons that quote it and our replies are encrypted
at rest; staff, the evaluation and the worker read them decrypted; the
migration encrypts rows the previous version stored in plain."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cms import phone_numbers
from sms import services
from sms.management.commands.sms_screen_eval import _staff_labels
from sms.models import InboundMessage, OutboundMessage, ScreeningLabel

CRISIS_TEXT = "i took too much of nans tramadol and feel weird"


def _stored(sql: str, params: list) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


@pytest.mark.django_db
def test_texts_reasons_and_replies_are_encrypted_at_rest_and_read_back_plain(text_in, sms_content):
    inbound = text_in(CRISIS_TEXT)

    body, screening, understanding = _stored(
        "SELECT body, screening_reasons, understanding_reasons FROM sms_inboundmessage WHERE id = %s",
        [inbound.pk],
    )
    (reply,) = _stored("SELECT body FROM sms_outboundmessage WHERE inbound_id = %s", [inbound.pk])
    for stored in [body, screening, reply]:
        assert phone_numbers.is_encrypted(stored)
        assert "took too much" not in stored and "tramadol" not in stored
    assert understanding == "" or phone_numbers.is_encrypted(understanding)

    fresh = InboundMessage.objects.select_related("reply").get(pk=inbound.pk)
    assert fresh.body == CRISIS_TEXT
    assert fresh.screening_level == "emergency" and "took too much" in fresh.screening_reasons
    assert "999" in fresh.reply.body


@pytest.mark.django_db
def test_staff_read_texts_and_replies_decrypted_in_the_admin(admin_client, text_in, sms_content):
    inbound = text_in(CRISIS_TEXT)

    page = admin_client.get("/admin/sms/log/").content.decode()

    assert CRISIS_TEXT in page
    assert OutboundMessage.objects.get(inbound=inbound).body.startswith("Call 999 now")
    assert "Call 999 now" in page


@pytest.mark.django_db
def test_a_repeated_text_is_still_recognised_as_a_loop(text_in, sms_content):
    outcomes = [text_in("Thanks for your message, I am away").outcome for _ in range(3)]

    assert outcomes[-1] == InboundMessage.Outcome.LOOP


@pytest.mark.django_db
def test_the_screener_evaluation_reads_staff_labels_decrypted(
    text_in, sms_content, django_user_model, django_assert_num_queries
):
    staff = django_user_model.objects.create_user("staff")
    missed = text_in("hes gone a funny colour and wont talk")
    services.screening_label_record(
        inbound=missed, verdict="missed_emergency", category="medical", user=staff
    )

    with django_assert_num_queries(1):
        [item] = _staff_labels()

    assert (item.level, item.category) == ("emergency", "medical")
    assert item.text == "hes gone a funny colour and wont talk"


@pytest.mark.django_db
def test_a_screening_label_never_quotes_the_text(text_in, sms_content, django_user_model):
    inbound = text_in(CRISIS_TEXT)
    label = services.screening_label_record(
        inbound=inbound, verdict="not_emergency", category="", user=django_user_model.objects.create_user("s")
    )

    assert "tramadol" not in str(ScreeningLabel.objects.get(pk=label.pk))


# --- the migration -----------------------------------------------------------

BEFORE = [("sms", "0010_outbound_next_attempt_and_failure_alert")]
ENCRYPTING = ("sms", "0011_encrypt_texts")
PHONE = "+447700900123"


def _migrate_to_latest():
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def texts_stored_in_plain():
    """A conversation as the previous version stored it (the number already
    encrypted, everything else in plain) plus a reply that is already a token,
    as a half-finished earlier run would leave it; migrated forward afterwards."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    sender = old.get_model("sms", "Sender").objects.create(
        phone=PHONE, phone_hash=phone_numbers.phone_hash(PHONE), country="GB"
    )
    inbound_model, outbound_model = (
        old.get_model("sms", "InboundMessage"),
        old.get_model("sms", "OutboundMessage"),
    )
    first = inbound_model.objects.create(
        message_sid="SM" + "1" * 32,
        sender=sender,
        to_number="+447700900000",
        body="took too many pills",
        screening_level="emergency",
        screening_category="overdose",
        screening_reasons="overdose: 'too many pills'",
        understanding_reasons="topic: none",
    )
    second = inbound_model.objects.create(
        message_sid="SM" + "2" * 32, sender=sender, to_number="+447700900000", body="thanks"
    )
    outbound_model.objects.create(
        inbound=first, sender=sender, kind="crisis", body="Call 999 now.", encoding="GSM-7", segments=1
    )
    already = phone_numbers.encrypt("You're welcome.")
    outbound_model.objects.create(
        inbound=second, sender=sender, kind="answer", body=already, encoding="GSM-7", segments=1
    )
    try:
        yield already
    finally:
        _migrate_to_latest()


def _all_stored() -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.body, i.screening_reasons, i.understanding_reasons, o.body "
            "FROM sms_inboundmessage i JOIN sms_outboundmessage o ON o.inbound_id = i.id ORDER BY i.id"
        )
        return list(cursor.fetchall())


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_plain_texts_and_a_second_run_changes_nothing(texts_stored_in_plain):
    already = texts_stored_in_plain

    _migrate_to_latest()

    stored = _all_stored()
    values = [value for row in stored for value in row if value]
    assert len(values) == 6 and all(phone_numbers.is_encrypted(value) for value in values)
    assert stored[1][3] == already  # a token is never encrypted twice
    texts = InboundMessage.objects.select_related("reply").order_by("pk")
    assert [(t.body, t.screening_reasons, t.understanding_reasons, t.reply.body) for t in texts] == [
        ("took too many pills", "overdose: 'too many pills'", "topic: none", "Call 999 now."),
        ("thanks", "", "", "You're welcome."),
    ]

    migration = importlib.import_module("sms.migrations.0011_encrypt_texts")
    migration.encrypt_plain_texts(MigrationExecutor(connection).loader.project_state(ENCRYPTING).apps, None)

    assert _all_stored() == stored


@pytest.mark.django_db(transaction=True)
def test_migrating_back_decrypts_texts_for_the_previous_version(texts_stored_in_plain):
    _migrate_to_latest()

    MigrationExecutor(connection).migrate(BEFORE)

    assert [row[0] for row in _all_stored()] == ["took too many pills", "thanks"]
    assert _all_stored()[1][3] == "You're welcome."
