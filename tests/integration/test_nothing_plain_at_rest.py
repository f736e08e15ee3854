"""After people text in by SMS and WhatsApp (signed webhook, the in-process
pipeline: screening, replies, a crisis follow-up, an opt-out) and ask to be
called back (the public API), and staff work both in the admin (a label, a
note, a reply, an outcome), no column of any table in the
PostgreSQL test database holds a plain phone number, message body or
callback name or message used. Every text, varchar and JSON column is
scanned (information_schema, then a SELECT per column)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import TextField
from django.db.models.functions import Cast
from django.urls import reverse

from cms import phone_numbers
from cms.encrypted_columns import encrypted_columns
from cms.models import CallbackRequest, Helpline
from sms import inbox_services, services
from sms.models import InboundMessage, Sender
from tests.sms.conftest import ANSWERS, GB_NUMBER, INBOUND_PATH, US_NUMBER, new_sid, publish_answers, sign

pytestmark = pytest.mark.django_db(transaction=True)

WHATSAPP_NUMBER = "+447700900456"
TEXTS = [
    (GB_NUMBER, "what are the signs somebody is on ket"),
    (GB_NUMBER, "i took too much of my mums tramadol and feel sick"),
    (US_NUMBER, "is it safe mixing ket with vodka tonight"),
    (US_NUMBER, "STOP"),
    (f"whatsapp:{WHATSAPP_NUMBER}", "my flatmate Rosalind wont wake up after ket"),
]
NOTE = "Spoke to Rosalind's flatmate, ambulance on its way"
STAFF_REPLY = "This is Sam at the helpline. Is Rosalind breathing?"
OUTCOME = "Rosalind taken to hospital by ambulance"
CALLBACK = {
    "name": "Marigold Testperson",
    "phone": "07911 123456",
    "preferred_time": "Evenings",
    "message": "Asking about rehab for my partner Juniper",
    "consent": True,
}
# Every form a number could be stored in contains its national digits.
PLAIN = [
    WHATSAPP_NUMBER,
    "7700900456",
    "Rosalind",
    NOTE,
    STAFF_REPLY,
    OUTCOME,
    GB_NUMBER,
    "7700900123",
    US_NUMBER,
    "2025550123",
    "7911123456",
    "Marigold",
    "Testperson",
    "Juniper",
    CALLBACK["message"],
    *[body for _, body in TEXTS if body != "STOP"],  # STOP is a word the content uses too
    "tramadol",
    "vodka",
]
TEXT_TYPES = ("text", "character varying", "character", "json", "jsonb")


def _plain_text_in_database(needles: list[str]) -> list[str]:
    """'table.column: needle' for every needle found in any text-like column."""
    found = []
    patterns = [
        "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for needle in needles
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND data_type = ANY(%s) ORDER BY table_name, column_name",
            [list(TEXT_TYPES)],
        )
        columns = cursor.fetchall()
        assert len(columns) > 100, "the scan must cover the whole schema"
        for table, column in columns:
            quoted_table, quoted_column = connection.ops.quote_name(table), connection.ops.quote_name(column)
            cursor.execute(
                f"SELECT {quoted_column}::text FROM {quoted_table} "  # noqa: S608 (names from the catalogue)
                f"WHERE {quoted_column}::text ILIKE ANY(%s)",
                [patterns],
            )
            for (value,) in cursor.fetchall():
                found += [f"{table}.{column}: {n}" for n in needles if n.lower() in value.lower()]
    return found


def _text_in(client, sender: str, body: str) -> None:
    data = {"MessageSid": new_sid(), "From": sender, "To": "+447700900000", "Body": body}
    response = client.post(INBOUND_PATH, data, HTTP_X_TWILIO_SIGNATURE=sign(INBOUND_PATH, data))
    assert response.status_code == 200


@pytest.fixture
def helpline_content(topic_page):
    for country, name, number in [("GB", "FRANK", "0300 123 6600"), ("US", "SAMHSA", "1-800-662-4357")]:
        Helpline.objects.create(
            name=name, country=country, category="drugs", phone_number=number, is_24_7=True
        )
    Helpline.objects.create(
        name="Emergency services", country="GB", category="emergency", is_emergency=True, phone_number="999"
    )
    publish_answers(topic_page, ANSWERS)


def test_no_plain_number_text_or_callback_is_stored_anywhere(
    client, settings, django_user_model, helpline_content
):
    settings.SMS_ONCALL_EMAILS = ["oncall@example.org"]
    # People text in; tasks run in-process when each request commits.
    for sender, body in TEXTS:
        _text_in(client, sender, body)
    assert InboundMessage.objects.filter(processed_at__isnull=False).count() == len(TEXTS)
    crisis = InboundMessage.objects.get(outcome=InboundMessage.Outcome.CRISIS, channel="sms")
    assert crisis.follow_up is not None and crisis.reply.body
    # Someone asks to be called back.
    assert (
        client.post("/api/v1/callback-requests/", CALLBACK, content_type="application/json").status_code
        == 201
    )

    # Staff read the conversation, label a text, and work the callback.
    staff = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(staff)
    assert TEXTS[1][1] in client.get("/admin/sms/log/").content.decode()
    services.screening_label_record(
        inbound=crisis, verdict="missed_emergency", category="overdose", user=staff
    )
    # ... and answer the WhatsApp texter from the inbox.
    whatsapp = Sender.objects.get(channel="whatsapp")
    inbox_services.note_add(sender=whatsapp, user=staff, body=NOTE)
    inbox_services.staff_reply_send(
        sender=whatsapp, user=staff, body=STAFF_REPLY, form_key=inbox_services.new_form_key()
    )
    inbox_services.conversation_mark_handled(sender=whatsapp, user=staff, outcome=OUTCOME)
    assert whatsapp.notes.count() == 2 and whatsapp.outbound_messages.filter(author=staff).exists()
    request = CallbackRequest.objects.get()
    edit = reverse("wagtailsnippets_cms_callbackrequest:edit", args=[request.pk])
    assert "Marigold Testperson" in client.get(edit).content.decode()
    assert client.post(edit, {"status": "contacted"}).status_code == 302

    assert _plain_text_in_database(PLAIN) == []
    # The scan does find what is stored in plain (it is not blind).
    assert {"cms_helpline.name: FRANK", "cms_helpline.phone_number: 0300 123 6600"} <= set(
        _plain_text_in_database(["FRANK", "0300 123 6600"])
    )
    # And every value of every encrypted column is a token our key wrote.
    columns = encrypted_columns()
    assert len(columns) >= 8
    for column in columns:
        stored = column.model._base_manager.exclude(**{column.field: ""}).values_list(
            Cast(column.field, output_field=TextField()), flat=True
        )
        assert all(phone_numbers.is_encrypted(value) for value in stored), column.label
