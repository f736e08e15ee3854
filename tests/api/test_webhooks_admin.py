"""The Webhooks admin: endpoints (URL, generated secret, events, active) and
the delivery log with "send again"."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from api.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from api.webhooks import outbox

pytestmark = pytest.mark.django_db
Status = WebhookDelivery.Status
ENDPOINTS = "webhook_endpoints"
DELIVERIES = "webhook_deliveries"


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "pw"))
    return client


@pytest.fixture
def endpoint(db):
    return WebhookEndpoint.objects.create(name="Website", url="https://www.example.org/api/revalidate")


@pytest.fixture
def failed_delivery(endpoint):
    [delivery_id] = outbox.event_record(
        event=WebhookEvent.PAGE_PUBLISHED, payload={"event": "page.published", "type": "article", "id": 12}
    )
    WebhookDelivery.objects.filter(pk=delivery_id).update(
        status=Status.FAILED, attempts=10, response_status_code=503, last_error="HTTP 503 try later"
    )
    return WebhookDelivery.objects.get(pk=delivery_id)


def endpoint_form(**fields) -> dict:
    data = {
        "name": "Build hook",
        "url": "https://hooks.example.org/build",
        "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "events": [WebhookEvent.PAGE_PUBLISHED, WebhookEvent.PAGE_UNPUBLISHED],
        "is_active": "on",
    }
    return {**data, **fields}


def test_endpoint_list_and_a_new_endpoint_form_with_a_generated_secret(admin_client, endpoint):
    listing = admin_client.get(reverse(f"{ENDPOINTS}:index")).content.decode()
    assert "Website" in listing and "https://www.example.org/api/revalidate" in listing

    form = admin_client.get(reverse(f"{ENDPOINTS}:add"))
    assert form.status_code == 200
    html = form.content.decode()
    assert 'value="whsec_' in html
    for event in WebhookEvent:
        assert f'value="{event.value}"' in html


def test_creating_an_endpoint(admin_client):
    response = admin_client.post(reverse(f"{ENDPOINTS}:add"), endpoint_form())
    assert response.status_code == 302, response.content.decode()
    created = WebhookEndpoint.objects.get()
    assert created.events == ["page.published", "page.unpublished"]
    assert created.secret == "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    assert created.is_active


@pytest.mark.parametrize(
    ("secret", "problem"),
    [
        ("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "starts with"),
        ("whsec_not base64!", "base64"),
        ("whsec_c2hvcnQ=", "24 to 64 bytes"),
    ],
)
def test_a_secret_must_be_a_standard_webhooks_secret(admin_client, secret, problem):
    response = admin_client.post(reverse(f"{ENDPOINTS}:add"), endpoint_form(secret=secret))
    assert response.status_code == 200
    assert problem in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_delivery_log_shows_the_outcome_and_offers_send_again(admin_client, failed_delivery):
    response = admin_client.get(reverse(f"{DELIVERIES}:index"))
    html = response.content.decode()
    assert response.status_code == 200
    for shown in ("page.published", "article 12", "Website", "Failed", "503", "HTTP 503 try later"):
        assert shown in html
    assert reverse(f"{DELIVERIES}:resend", args=[failed_delivery.pk]) in html
    assert reverse(f"{DELIVERIES}:add") not in html  # written by the system only

    inspect = admin_client.get(reverse(f"{DELIVERIES}:inspect", args=[failed_delivery.pk]))
    assert inspect.status_code == 200
    assert failed_delivery.message_id in inspect.content.decode()


def test_deliveries_cannot_be_added_or_edited_by_hand(admin_client, failed_delivery):
    for url in (
        reverse(f"{DELIVERIES}:add"),
        reverse(f"{DELIVERIES}:edit", args=[failed_delivery.pk]),
    ):
        response = admin_client.get(url)
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))


def test_send_again(admin_client, failed_delivery, django_capture_on_commit_callbacks, monkeypatch):
    sent = []
    monkeypatch.setattr(
        "api.tasks.deliver_webhook.apply_async", lambda args=None, **options: sent.append(args)
    )
    url = reverse(f"{DELIVERIES}:resend", args=[failed_delivery.pk])
    confirm = admin_client.get(url)
    assert confirm.status_code == 200
    assert failed_delivery.message_id in confirm.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url)
    assert response.status_code == 302
    again = WebhookDelivery.objects.exclude(pk=failed_delivery.pk).get()
    assert (again.message_id, again.payload, again.status, again.attempts) == (
        failed_delivery.message_id,
        failed_delivery.payload,
        Status.PENDING,
        0,
    )
    assert sent == [(again.pk, 0)]


def test_a_delivery_still_being_sent_is_not_sent_again(admin_client, endpoint):
    [delivery_id] = outbox.event_record(event=WebhookEvent.PAGE_PUBLISHED, payload={"id": 1})
    response = admin_client.post(reverse(f"{DELIVERIES}:resend", args=[delivery_id]))
    assert response.status_code == 302
    assert WebhookDelivery.objects.count() == 1


def test_send_again_needs_its_permission(client, failed_delivery):
    viewer = get_user_model().objects.create_user("viewer", "viewer@example.org", "pw")
    viewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_webhookdelivery"),
    )
    client.force_login(viewer)
    listing = client.get(reverse(f"{DELIVERIES}:index"))
    assert listing.status_code == 200
    assert "HTTP 503 try later" in listing.content.decode()
    resend_url = reverse(f"{DELIVERIES}:resend", args=[failed_delivery.pk])
    assert resend_url not in listing.content.decode()
    refused = client.post(resend_url)
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
    assert WebhookDelivery.objects.count() == 1
