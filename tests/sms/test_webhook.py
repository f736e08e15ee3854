import pytest
from django.db import connection

from sms.models import InboundMessage, OutboundMessage, Sender
from tests.sms.conftest import GB_NUMBER, INBOUND_PATH, new_sid, sign

pytestmark = pytest.mark.django_db


def _data(**overrides):
    return {
        "MessageSid": new_sid(),
        "From": GB_NUMBER,
        "To": "+447700900000",
        "Body": "ketamine",
        **overrides,
    }


def test_signed_post_is_stored_and_answered_with_empty_twiml(
    client, sms_content, django_capture_on_commit_callbacks
):
    data = _data()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(INBOUND_PATH, data, HTTP_X_TWILIO_SIGNATURE=sign(INBOUND_PATH, data))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    assert response.content.decode().strip().endswith("<Response />")
    assert len(callbacks) >= 1
    inbound = InboundMessage.objects.get(message_sid=data["MessageSid"])
    assert inbound.outcome == InboundMessage.Outcome.ANSWER
    assert OutboundMessage.objects.filter(inbound=inbound).count() == 1


def test_webhook_only_stores_and_queues(client, sms_content, django_capture_on_commit_callbacks):
    data = _data()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(INBOUND_PATH, data, HTTP_X_TWILIO_SIGNATURE=sign(INBOUND_PATH, data))

    assert response.status_code == 200
    inbound = InboundMessage.objects.get(message_sid=data["MessageSid"])
    # No matching and no reply in the request: that is the task's job, after commit.
    assert inbound.outcome == InboundMessage.Outcome.PENDING
    assert not OutboundMessage.objects.exists()
    assert len(callbacks) == 1


@pytest.mark.parametrize(
    "signature",
    [
        None,
        "",
        "bm90IGEgc2lnbmF0dXJl",
        "wrong-token",
        "other-url",
        "http-scheme",
        "tampered-body",
    ],
)
def test_bad_signatures_get_403_and_store_nothing(
    client, sms_content, signature, django_capture_on_commit_callbacks
):
    data = _data()
    headers = {}
    if signature == "wrong-token":
        headers["HTTP_X_TWILIO_SIGNATURE"] = sign(INBOUND_PATH, data, token="not-the-token")
    elif signature == "other-url":
        headers["HTTP_X_TWILIO_SIGNATURE"] = sign("/sms/twilio/status/", data)
    elif signature == "http-scheme":
        # Signed for the internal URL behind the proxy, not the public one.
        headers["HTTP_X_TWILIO_SIGNATURE"] = sign(INBOUND_PATH, data, base="http://testserver")
    elif signature == "tampered-body":
        headers["HTTP_X_TWILIO_SIGNATURE"] = sign(INBOUND_PATH, data)
        data = {**data, "Body": "something else"}
    elif signature is not None:
        headers["HTTP_X_TWILIO_SIGNATURE"] = signature

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(INBOUND_PATH, data, **headers)

    assert response.status_code == 403
    assert not InboundMessage.objects.exists()
    assert not Sender.objects.exists()
    assert not OutboundMessage.objects.exists()


@pytest.mark.parametrize("signed_with_fragment", [True, False])
def test_signatures_pass_with_twilios_connection_overrides_on_the_webhook_url(
    client, settings, sms_content, signed_with_fragment
):
    """The webhook URL set in Twilio ends "#rc=3&rp=all" so Twilio retries a
    5xx; the fragment never reaches us, signed with it or not."""
    settings.TWILIO_WEBHOOK_URL_FRAGMENT = "rc=3&rp=all"
    data = _data()
    path = INBOUND_PATH + "#rc=3&rp=all" if signed_with_fragment else INBOUND_PATH

    response = client.post(INBOUND_PATH, data, HTTP_X_TWILIO_SIGNATURE=sign(path, data))

    assert response.status_code == 200
    assert InboundMessage.objects.filter(message_sid=data["MessageSid"]).exists()


def test_a_signature_over_other_overrides_is_still_refused(client, settings, sms_content):
    settings.TWILIO_WEBHOOK_URL_FRAGMENT = "rc=3&rp=all"
    data = _data()

    response = client.post(INBOUND_PATH, data, HTTP_X_TWILIO_SIGNATURE=sign(INBOUND_PATH + "#rc=5", data))

    assert response.status_code == 403
    assert not InboundMessage.objects.exists()


def test_signature_check_can_only_be_switched_off_explicitly(client, settings, sms_content):
    settings.DEBUG = True
    data = _data()
    assert client.post(INBOUND_PATH, data).status_code == 403

    settings.TWILIO_VALIDATE_SIGNATURE = False
    assert client.post(INBOUND_PATH, data).status_code == 200


@pytest.mark.parametrize("missing", ["MessageSid", "From", "To", "Body"])
def test_missing_fields_get_400(client, sms_content, missing):
    data = _data()
    del data[missing]

    response = client.post(INBOUND_PATH, data, HTTP_X_TWILIO_SIGNATURE=sign(INBOUND_PATH, data))

    assert response.status_code == 400
    assert missing in response.content.decode()
    assert not InboundMessage.objects.exists()


def test_empty_body_is_a_valid_text(text_in, sms_content):
    inbound = text_in("")

    assert inbound.outcome == InboundMessage.Outcome.MENU


def test_control_characters_in_any_field_are_stored_safely_and_the_text_answered(text_in, sms_content):
    # PostgreSQL refuses NUL in text; a 500 here would lose the text (Twilio
    # does not retry an SMS webhook by default).
    inbound = text_in("what are the\x00 signs\x07\x1b of ketamine\nuse")

    assert inbound.body == "what are the signs of ketamine\nuse"
    assert inbound.outcome == InboundMessage.Outcome.ANSWER
    assert inbound.reply is not None


def test_control_characters_in_the_sid_and_number_are_stripped(post_signed, sms_content):
    sid = new_sid()
    data = _data(MessageSid=sid + "\x00", From=GB_NUMBER + "\x00", To="+447700900000\x01")

    response = post_signed(INBOUND_PATH, data)

    assert response.status_code == 200
    inbound = InboundMessage.objects.get(message_sid=sid)
    assert inbound.to_number == "+447700900000"
    assert inbound.sender == Sender.objects.get()


# Transactional: the retry closes the connection, which must not be the one
# holding a test's wrapping transaction.
@pytest.mark.django_db(transaction=True)
def test_a_dropped_database_connection_is_retried_once_and_the_text_kept(
    post_signed, sms_content, monkeypatch
):
    from django.db import OperationalError

    from sms import services

    receive = services.inbound_message_receive
    calls = []

    def drops_once(**fields):
        calls.append(fields["message_sid"])
        if len(calls) == 1:
            raise OperationalError("terminating connection due to administrator command")
        return receive(**fields)

    monkeypatch.setattr(services, "inbound_message_receive", drops_once)
    data = _data()

    response = post_signed(INBOUND_PATH, data)

    assert response.status_code == 200
    assert len(calls) == 2
    assert InboundMessage.objects.filter(message_sid=data["MessageSid"]).exists()


def test_get_is_not_allowed(client):
    assert client.get(INBOUND_PATH).status_code == 405


def test_duplicate_message_sid_gets_200_and_no_second_reply(
    client, sms_content, django_capture_on_commit_callbacks
):
    data = _data()
    headers = {"HTTP_X_TWILIO_SIGNATURE": sign(INBOUND_PATH, data)}

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(INBOUND_PATH, data, **headers)
    with django_capture_on_commit_callbacks(execute=True) as second_callbacks:
        second = client.post(INBOUND_PATH, data, **headers)

    assert first.status_code == second.status_code == 200
    assert second.content.decode().strip().endswith("<Response />")
    assert second_callbacks == []
    assert InboundMessage.objects.count() == 1
    assert OutboundMessage.objects.count() == 1


def test_a_duplicate_message_sid_from_a_new_number_leaves_no_conversation_behind(
    client, sms_content, django_capture_on_commit_callbacks
):
    data = _data()
    again = {**data, "From": "+447700900999"}

    with django_capture_on_commit_callbacks(execute=True):
        client.post(INBOUND_PATH, data, HTTP_X_TWILIO_SIGNATURE=sign(INBOUND_PATH, data))
        response = client.post(INBOUND_PATH, again, HTTP_X_TWILIO_SIGNATURE=sign(INBOUND_PATH, again))

    assert response.status_code == 200
    assert Sender.objects.count() == 1
    assert InboundMessage.objects.count() == 1


def test_a_text_from_a_known_number_is_three_statements(
    client, sms_content, django_capture_on_commit_callbacks
):
    """Find the conversation, store the text, move the conversation up: the
    duplicate check is the transaction's own, with no savepoint around the
    insert (in a test the transaction is itself a savepoint of the test's)."""
    from django.test.utils import CaptureQueriesContext

    texts = [_data(), _data(Body="is it addictive")]
    with django_capture_on_commit_callbacks(execute=False):
        client.post(INBOUND_PATH, texts[0], HTTP_X_TWILIO_SIGNATURE=sign(INBOUND_PATH, texts[0]))
        with CaptureQueriesContext(connection) as queries:
            response = client.post(
                INBOUND_PATH, texts[1], HTTP_X_TWILIO_SIGNATURE=sign(INBOUND_PATH, texts[1])
            )

    assert response.status_code == 200
    statements = [query["sql"].split()[0] for query in queries]
    assert statements == ["SAVEPOINT", "SELECT", "INSERT", "UPDATE", "RELEASE"]


def test_a_new_senders_conversation_waits_from_its_first_text(
    client, sms_content, django_capture_on_commit_callbacks
):
    data = _data()
    with django_capture_on_commit_callbacks(execute=False):
        client.post(INBOUND_PATH, data, HTTP_X_TWILIO_SIGNATURE=sign(INBOUND_PATH, data))

    inbound = InboundMessage.objects.select_related("sender").get()
    assert inbound.sender.last_text_at == inbound.sender.waiting_since == inbound.received_at
    assert inbound.sender.status == "open"


def test_message_sid_is_unique_in_the_database():
    constraints = [
        field.name for field in InboundMessage._meta.get_fields() if getattr(field, "unique", False)
    ]
    assert "message_sid" in constraints


def test_number_is_stored_encrypted_and_hashed(text_in, sms_content):
    inbound = text_in("ketamine")

    with connection.cursor() as cursor:
        cursor.execute("SELECT phone, phone_hash FROM sms_sender WHERE id = %s", [inbound.sender_id])
        raw_phone, phone_hash = cursor.fetchone()
        cursor.execute("SELECT * FROM sms_inboundmessage")
        inbound_rows = cursor.fetchall()
        cursor.execute("SELECT * FROM sms_outboundmessage")
        outbound_rows = cursor.fetchall()
    assert GB_NUMBER not in raw_phone and "7700900123" not in raw_phone
    assert len(phone_hash) == 64 and "7700900123" not in phone_hash
    for row in [*inbound_rows, *outbound_rows]:
        assert not any("7700900123" in str(value) for value in row)
    assert inbound.sender.phone == GB_NUMBER
    assert inbound.sender.country == "GB"


def test_webhook_query_count(
    client, sms_content, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    # A new sender: the look-up (with whether a crisis follow-up of theirs is
    # open: their texts go to the crisis queue), the sender created already
    # waiting in the inbox, the message, and four savepoints (the test's
    # transaction makes the outer one a savepoint too).
    data = _data()
    with django_capture_on_commit_callbacks(execute=False), django_assert_max_num_queries(9):
        response = client.post(INBOUND_PATH, data, HTTP_X_TWILIO_SIGNATURE=sign(INBOUND_PATH, data))
    assert response.status_code == 200

    # Someone who texted before: the look-up, the message, the conversation
    # moved up the inbox (one update), three savepoints.
    data = _data(Body="and what about the comedown")
    with django_capture_on_commit_callbacks(execute=False), django_assert_max_num_queries(7):
        response = client.post(INBOUND_PATH, data, HTTP_X_TWILIO_SIGNATURE=sign(INBOUND_PATH, data))
    assert response.status_code == 200


# --- WhatsApp: the same webhook, signature check and idempotency -------------

WHATSAPP_FROM = f"whatsapp:{GB_NUMBER}"


def test_a_whatsapp_message_is_stored_with_its_channel_and_the_number_hashed_like_an_sms(
    client, sms_content, django_capture_on_commit_callbacks
):
    from cms import phone_numbers

    data = _data(From="whatsapp:+44 7700 900123", To="whatsapp:+14155238886")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(INBOUND_PATH, data, HTTP_X_TWILIO_SIGNATURE=sign(INBOUND_PATH, data))

    assert response.status_code == 200
    inbound = InboundMessage.objects.select_related("sender", "reply").get(message_sid=data["MessageSid"])
    assert inbound.channel == inbound.sender.channel == inbound.reply.channel == "whatsapp"
    assert inbound.sender.phone == GB_NUMBER  # normalised, without the prefix
    assert inbound.sender.phone_hash == phone_numbers.phone_hash(GB_NUMBER)
    assert inbound.outcome == InboundMessage.Outcome.ANSWER


def test_the_same_number_on_sms_and_whatsapp_is_two_conversations(text_in, sms_content):
    sms = text_in("ketamine")
    whatsapp = text_in("ketamine", sender=WHATSAPP_FROM)

    assert sms.sender_id != whatsapp.sender_id
    assert sms.sender.phone_hash == whatsapp.sender.phone_hash
    assert {sms.channel, whatsapp.channel} == {"sms", "whatsapp"}
    assert Sender.objects.count() == 2


def test_a_whatsapp_message_with_a_bad_signature_is_refused_and_nothing_stored(client, sms_content):
    data = _data(From=WHATSAPP_FROM)
    tampered = sign(INBOUND_PATH, {**data, "Body": "something else"})

    response = client.post(INBOUND_PATH, data, HTTP_X_TWILIO_SIGNATURE=tampered)

    assert response.status_code == 403
    assert not InboundMessage.objects.exists() and not Sender.objects.exists()


def test_a_whatsapp_message_delivered_twice_is_stored_and_answered_once(
    client, sms_content, django_capture_on_commit_callbacks
):
    data = _data(From=WHATSAPP_FROM)
    headers = {"HTTP_X_TWILIO_SIGNATURE": sign(INBOUND_PATH, data)}

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(INBOUND_PATH, data, **headers)
        second = client.post(INBOUND_PATH, data, **headers)

    assert first.status_code == second.status_code == 200
    assert InboundMessage.objects.count() == 1
    assert OutboundMessage.objects.count() == 1
