"""POST /api/v1/callback-requests/: validated, consented, encrypted, throttled."""

import pytest
from django.core.cache import cache
from django.db import connection

from cms import phone_numbers
from cms.models import CallbackRequest
from tests.conftest import redis_available, require_service

pytestmark = pytest.mark.django_db
URL = "/api/v1/callback-requests/"


def valid(**overrides):
    data = {
        "name": "Alex",
        "phone": "07911 123456",
        "preferred_time": "Evenings",
        "message": "About my brother",
        "consent": True,
    }
    return {**data, **overrides}


def test_creates_a_request_with_the_number_in_e164_encrypted(api_client):
    response = api_client.post(URL, valid(), format="json")
    assert response.status_code == 201
    request = CallbackRequest.objects.get()
    assert request.phone == "+447911123456"
    assert request.phone_hash == phone_numbers.phone_hash("+447911123456")
    assert request.consent_given is True
    assert (request.name, request.preferred_time, request.message) == ("Alex", "Evenings", "About my brother")
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone FROM cms_callbackrequest WHERE id = %s", [request.pk])
        stored = cursor.fetchone()[0]
    assert "7911123456" not in stored


def test_response_echoes_no_personal_data(api_client):
    response = api_client.post(URL, valid(), format="json")
    text = response.content.decode()
    assert response.json()["status"] == "received"
    for personal in ("Alex", "7911", "123456", "Evenings", "brother"):
        assert personal not in text
    assert response["Cache-Control"] == "private, no-store"


def test_form_encoded_posts_work_too(api_client):
    response = api_client.post(URL, valid(consent="true"))
    assert response.status_code == 201


def test_international_numbers_are_accepted(api_client):
    assert api_client.post(URL, valid(phone="+1 415 555 2671"), format="json").status_code == 201
    assert CallbackRequest.objects.get().phone == "+14155552671"


@pytest.mark.parametrize("phone", ["12", "not a number", "+44 1234", ""])
def test_invalid_numbers_are_field_errors(api_client, phone):
    response = api_client.post(URL, valid(phone=phone), format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["phone"]
    assert not CallbackRequest.objects.exists()


@pytest.mark.parametrize("consent", [False, None])
def test_consent_is_required(api_client, consent):
    data = (
        valid(consent=consent)
        if consent is not None
        else {k: v for k, v in valid().items() if k != "consent"}
    )
    response = api_client.post(URL, data, format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["consent"]
    assert not CallbackRequest.objects.exists()


def test_honeypot_silently_drops_bots(api_client):
    response = api_client.post(URL, valid(website="http://spam.example"), format="json")
    assert response.status_code == 201
    assert response.json()["status"] == "received"
    assert not CallbackRequest.objects.exists()


def test_get_is_not_allowed(api_client):
    assert api_client.get(URL).status_code == 405


def test_number_is_not_logged(api_client, caplog):
    caplog.set_level("DEBUG")
    api_client.post(URL, valid(), format="json")
    assert "7911123456" not in caplog.text
    assert "123456" not in caplog.text


def test_throttled_per_client(api_client, settings):
    settings.API_CALLBACK_THROTTLE_RATE = "2/minute"
    for _ in range(2):
        assert api_client.post(URL, valid(), format="json").status_code == 201
    response = api_client.post(URL, valid(), format="json")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "throttled"
    assert int(response["Retry-After"]) > 0
    assert CallbackRequest.objects.count() == 2
    # Another client address has its own allowance.
    other = api_client.post(URL, valid(), format="json", REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 201


def test_forged_forwarded_for_does_not_dodge_the_throttle(api_client, settings):
    settings.API_CALLBACK_THROTTLE_RATE = "1/minute"
    assert (
        api_client.post(URL, valid(), format="json", HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 201
    )
    response = api_client.post(URL, valid(), format="json", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert response.status_code == 429


def test_throttle_counts_live_in_shared_redis(api_client, settings):
    """The counter is in Redis (not process memory), so every web process
    sees the same limit: read it back through a separate connection."""
    require_service(redis_available(), "needs Redis: set REDIS_URL")
    import redis

    settings.API_CALLBACK_THROTTLE_RATE = "1/minute"
    assert api_client.post(URL, valid(), format="json").status_code == 201
    key = cache.make_key("throttle_callback_requests_127.0.0.1")
    other_connection = redis.Redis.from_url(settings.REDIS_URL)
    assert other_connection.exists(key)
    assert api_client.post(URL, valid(), format="json").status_code == 429


def test_control_characters_are_dropped_not_refused_or_a_500(api_client):
    response = api_client.post(
        URL,
        valid(name="Al\x00ex\x07", preferred_time="Even\x1bings", message="About my\x00 brother\nthanks"),
        format="json",
    )

    assert response.status_code == 201
    request = CallbackRequest.objects.get()
    assert (request.name, request.preferred_time, request.message) == (
        "Alex",
        "Evenings",
        "About my brother\nthanks",
    )


def test_a_name_of_only_control_characters_is_a_clear_error(api_client):
    response = api_client.post(URL, valid(name="\x00\x01"), format="json")

    assert response.status_code == 400
    assert [(error["field"], error["code"]) for error in response.json()["errors"]] == [("name", "blank")]
