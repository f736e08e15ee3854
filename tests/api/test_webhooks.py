"""Publish webhooks: events, Standard Webhooks signatures, retries, the outbox
and its sweep, against a real HTTP receiver on 127.0.0.1.

Publishing happens inside `committed()`, as deliveries are queued only
after the transaction commits. Tasks then run in-process
(CELERY_TASK_ALWAYS_EAGER), where a failed attempt is not retried; the
`broker` fixture stands in for Redis and a worker instead, so retries run
as a worker runs them (their countdowns noted, not waited for).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.db import connection
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError
from standardwebhooks import Webhook, WebhookVerificationError

from api import tasks
from api.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from api.pages import api_url, public_url
from api.webhooks import outbox, sending
from cms.models import TopicPage, TopicSmsAnswer
from cms.models.sms_answers import SmsIntent, builtin_intents_ensure
from tests.api.webhook_doubles import FakeBroker, Receiver, closed_port_url

pytestmark = pytest.mark.django_db
Status = WebhookDelivery.Status


@pytest.fixture
def receiver():
    running = Receiver()
    yield running
    running.stop()


@pytest.fixture
def broker(monkeypatch):
    fake = FakeBroker()
    monkeypatch.setattr(tasks.deliver_webhook, "apply_async", fake.apply_async)
    return fake


@pytest.fixture(autouse=True)
def _quick_webhooks(settings):
    settings.WEBHOOK_CONNECT_TIMEOUT_SECONDS = 2
    settings.WEBHOOK_READ_TIMEOUT_SECONDS = 2
    settings.WEBHOOK_MAX_ATTEMPTS = 4


@pytest.fixture
def endpoint_for(db):
    def make(url: str, **fields) -> WebhookEndpoint:
        fields.setdefault("name", "Website revalidation")
        return WebhookEndpoint.objects.create(url=url, **fields)

    return make


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the block, then its on-commit callbacks (the sends), as a commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


# --- Events -------------------------------------------------------------------------


def test_publish_sends_one_signed_delivery(receiver, endpoint_for, committed, make_article, topic_page):
    endpoint = endpoint_for(receiver.url)
    with committed():
        article = make_article(title="Ketamine and the bladder")

    [payload] = receiver.verified(endpoint.secret)
    assert payload == {
        "event": "page.published",
        "type": "article",
        "id": article.pk,
        "slug": article.slug,
        "old_url": None,  # not public before
        "url": public_url(article.url_path),
        "api_url": api_url("article-detail", article.slug),
        "occurred_at": payload["occurred_at"],
    }
    headers, _ = receiver.requests[0]
    delivery = WebhookDelivery.objects.get()
    assert headers["webhook-id"] == delivery.message_id
    assert (delivery.status, delivery.response_status_code, delivery.attempts) == (Status.DELIVERED, 200, 1)


def test_a_wrong_secret_does_not_verify(receiver, endpoint_for, committed, make_article):
    endpoint_for(receiver.url)
    with committed():
        make_article()
    headers, body = receiver.requests[0]
    other = WebhookEndpoint(url=receiver.url).secret  # a freshly generated one
    with pytest.raises(WebhookVerificationError):
        Webhook(other).verify(body, headers)


def test_publish_with_a_new_slug_names_the_old_url(receiver, endpoint_for, committed, make_article):
    article = make_article(title="Old name")
    old_url = public_url(article.url_path)
    endpoint = endpoint_for(receiver.url)
    article.slug = "new-name"
    with committed():
        article.save_revision().publish()

    [payload] = receiver.verified(endpoint.secret)
    assert (payload["event"], payload["old_url"]) == ("page.published", old_url)
    assert payload["url"] == public_url(TopicPage.objects.get().url_path + "new-name/")


def test_unpublish_sends_one_delivery(receiver, endpoint_for, committed, make_article):
    article = make_article()
    endpoint = endpoint_for(receiver.url)
    with committed():
        article.unpublish()

    [payload] = receiver.verified(endpoint.secret)
    assert (payload["event"], payload["id"], payload["url"]) == ("page.unpublished", article.pk, None)
    assert payload["old_url"] == public_url(article.url_path)


def test_move_sends_one_delivery(receiver, endpoint_for, committed, make_article, add_page, topic_index_page):
    article = make_article(title="Mixing drugs")
    other_topic = add_page(topic_index_page, TopicPage(title="Cannabis", slug="cannabis"))
    old_url = public_url(article.url_path)
    endpoint = endpoint_for(receiver.url)
    with committed():
        article.move(other_topic, pos="last-child")

    [payload] = receiver.verified(endpoint.secret)
    article.refresh_from_db()
    assert payload["event"] == "page.moved"
    assert (payload["old_url"], payload["url"]) == (old_url, public_url(article.url_path))
    assert "/cannabis/" in payload["url"]


def test_delete_sends_one_delivery_per_live_page(receiver, endpoint_for, committed, make_article, topic_page):
    live = [make_article(title="One"), make_article(title="Two")]
    make_article(title="Draft", publish=False)
    endpoint = endpoint_for(receiver.url)
    with committed():
        TopicPage.objects.get(pk=topic_page.pk).delete()

    payloads = receiver.verified(endpoint.secret)
    assert {p["event"] for p in payloads} == {"page.deleted"}
    assert sorted(p["id"] for p in payloads) == sorted([topic_page.pk, *(page.pk for page in live)])
    assert all(p["url"] is None and p["old_url"] for p in payloads)


def test_helpline_saved_and_deleted(receiver, endpoint_for, committed, helpline_factory):
    endpoint = endpoint_for(receiver.url)
    with committed():
        helpline = helpline_factory(country="IE")
        helpline_pk = helpline.pk
        helpline.delete()

    saved, deleted = receiver.verified(endpoint.secret)
    assert (saved["event"], saved["type"], saved["id"], saved["deleted"]) == (
        "helpline.changed",
        "helpline",
        helpline_pk,
        False,
    )
    assert saved["api_url"].endswith("/api/v1/helplines/?country=IE")
    assert (deleted["id"], deleted["deleted"]) == (helpline_pk, True)


def test_sms_answers_published_only_when_they_change(receiver, endpoint_for, committed, topic_page):
    builtin_intents_ensure()
    endpoint = endpoint_for(receiver.url, events=[WebhookEvent.SMS_ANSWERS_PUBLISHED])

    def publish(texts: dict[str, str]) -> None:
        topic = TopicPage.objects.get(pk=topic_page.pk)
        topic.sms_answers = [
            TopicSmsAnswer(intent=SmsIntent.objects.get(slug=slug), text=text) for slug, text in texts.items()
        ]
        with committed():
            topic.save_revision().publish()

    publish({"effects": "Numbness, feeling detached."})
    publish({"effects": "Numbness, feeling detached."})  # the same answers again: nothing
    publish({"effects": "Numbness.", "signs": "Bladder pain."})

    first, second = receiver.verified(endpoint.secret)
    assert (first["event"], first["type"], first["id"]) == ("sms_answers.published", "topic", topic_page.pk)
    assert (first["intents"], second["intents"]) == (["effects"], ["effects", "signs"])


def test_endpoints_get_only_their_events_and_only_when_active(
    receiver, endpoint_for, committed, make_article
):
    unpublish_only = endpoint_for(receiver.url, events=[WebhookEvent.PAGE_UNPUBLISHED])
    endpoint_for(receiver.url, is_active=False)
    with committed():
        article = make_article()
        article.unpublish()

    assert [p["event"] for p in receiver.verified(unpublish_only.secret)] == ["page.unpublished"]
    assert WebhookDelivery.objects.count() == 1


# --- Delivery: retries, bounds, a receiver that is down ------------------------------


def test_a_500_is_retried_then_delivered(receiver, endpoint_for, committed, make_article, broker, settings):
    endpoint = endpoint_for(receiver.url)
    receiver.answers = [500]
    with committed():
        make_article()
    broker.work()

    first, second = receiver.verified(endpoint.secret)
    assert first == second
    assert receiver.requests[0][0]["webhook-id"] == receiver.requests[1][0]["webhook-id"]
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status_code) == (Status.DELIVERED, 2, 200)
    [countdown] = broker.countdowns
    assert settings.WEBHOOK_RETRY_BACKOFF_SECONDS / 2 <= countdown <= settings.WEBHOOK_RETRY_BACKOFF_SECONDS


def test_attempts_are_bounded(receiver, endpoint_for, committed, make_article, broker, settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    endpoint_for(receiver.url)
    receiver.answers = [500] * 10
    with committed():
        make_article()
    broker.work()

    assert len(receiver.requests) == 3
    assert len(broker.countdowns) == 2
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status_code) == (Status.FAILED, 3, 500)
    assert delivery.last_error == 'HTTP 500 {"error": "receiver says no"}'


def test_retry_delays_grow_and_are_capped(settings):
    settings.WEBHOOK_RETRY_BACKOFF_SECONDS, settings.WEBHOOK_RETRY_BACKOFF_MAX_SECONDS = 10, 60
    settings.WEBHOOK_MAX_ATTEMPTS = 10
    assert 5 <= sending.retry_delay(attempts=1) <= 10
    assert 20 <= sending.retry_delay(attempts=3) <= 40
    assert 30 <= sending.retry_delay(attempts=9) <= 60
    assert sending.retry_delay(attempts=10) is None


def test_publishing_only_records_and_enqueues(
    endpoint_for, make_article, django_capture_on_commit_callbacks, broker, monkeypatch
):
    """A receiver that is down cannot slow publishing: publishing makes no
    HTTP call, and after commit it only hands ids to the broker, without
    the broker's publish retries. The attempts happen in the worker."""
    http_calls = []
    monkeypatch.setattr(sending.requests, "post", lambda *args, **kwargs: http_calls.append(args))
    endpoint_for(closed_port_url())
    endpoint_for(closed_port_url())

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article = make_article()
    pending = list(WebhookDelivery.objects.filter(payload__id=article.pk).values_list("pk", "status"))
    assert [status for _, status in pending] == [Status.PENDING, Status.PENDING]
    assert broker.queue == []  # nothing before the commit

    for callback in callbacks:
        callback()
    assert http_calls == []
    assert sorted(broker.queue) == sorted((pk, 0) for pk, _ in pending)
    assert broker.retry_options == [False, False]


def test_recording_an_event_costs_two_queries_whatever_the_endpoints(endpoint_for, django_assert_num_queries):
    for count in (1, 5):
        while WebhookEndpoint.objects.count() < count:
            endpoint_for(closed_port_url())
        with django_assert_num_queries(2):  # endpoints, one insert
            ids = outbox.event_record(event=WebhookEvent.PAGE_PUBLISHED, payload={"id": 1})
        assert len(ids) == count


def test_a_receiver_that_is_down_fails_the_delivery_not_the_publish(
    endpoint_for, committed, make_article, broker
):
    endpoint_for(closed_port_url())
    with committed():
        article = make_article()
    assert article.live
    broker.work()

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status_code) == (Status.FAILED, 4, None)
    assert delivery.last_error.startswith("ConnectionError")


def test_without_a_broker_one_attempt_runs_after_commit(endpoint_for, committed, make_article):
    """Tasks in-process (no REDIS_URL): the first attempt runs after commit;
    a failed one waits for the sweep rather than retrying in the request."""
    endpoint_for(closed_port_url())
    with committed():
        article = make_article()

    assert article.live
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (Status.PENDING, 1)
    assert delivery.next_attempt_at > timezone.now()


def test_the_url_query_string_stays_out_of_errors(endpoint_for, committed, make_article):
    endpoint_for(closed_port_url() + "?secret=top-secret-token")
    with committed():
        make_article()
    assert "top-secret-token" not in WebhookDelivery.objects.get().last_error


def test_410_gone_turns_the_endpoint_off(receiver, endpoint_for, committed, make_article):
    endpoint = endpoint_for(receiver.url)
    receiver.answers = [410]
    with committed():
        make_article()

    assert len(receiver.requests) == 1
    assert WebhookDelivery.objects.get().status == Status.FAILED
    endpoint.refresh_from_db()
    assert not endpoint.is_active


# --- Lost tasks: broker down, the sweep, stale copies --------------------------------


def test_broker_down_at_publish_then_the_sweep_sends_it(
    receiver, endpoint_for, committed, make_article, monkeypatch, settings
):
    endpoint = endpoint_for(receiver.url)

    def broker_down(*args, **kwargs):
        raise BrokerError("Error 111 connecting to redis:6379. Connection refused.")

    with monkeypatch.context() as patch:
        patch.setattr(tasks.deliver_webhook, "apply_async", broker_down)
        with committed():
            article = make_article()
    assert article.live
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.PENDING and receiver.requests == []

    assert outbox.stalled_deliveries_requeue() == {"overdue": 0, "stale_claims": 0}  # not overdue yet
    overdue = timezone.now() - dt.timedelta(seconds=settings.WEBHOOK_STALLED_AFTER_SECONDS + 1)
    WebhookDelivery.objects.update(next_attempt_at=overdue)
    assert outbox.stalled_deliveries_requeue() == {"overdue": 1, "stale_claims": 0}

    [payload] = receiver.verified(endpoint.secret)
    assert payload["id"] == article.pk
    assert WebhookDelivery.objects.get().status == Status.DELIVERED


def test_enqueueing_tries_a_broker_that_is_down_once(endpoint_for, monkeypatch, caplog):
    """No connection retries, no publish retries: the request that published
    is not held up, and the deliveries stay pending for the sweep."""
    app = tasks.deliver_webhook.app
    dead_redis = closed_port_url().replace("http", "redis", 1).replace("/hooks", "/0")
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setitem(app.conf, "broker_url", dead_redis)
    endpoint_for(closed_port_url())
    endpoint_for(closed_port_url())
    ids = outbox.event_record(event=WebhookEvent.PAGE_PUBLISHED, payload={"id": 7})

    assert outbox.deliveries_enqueue(ids) == 0
    assert "2 webhook deliveries wait for the sweep" in caplog.text
    assert set(WebhookDelivery.objects.values_list("status", "attempts")) == {(Status.PENDING, 0)}


def test_the_sweep_resends_a_claim_whose_worker_died(receiver, endpoint_for):
    endpoint = endpoint_for(receiver.url)
    [delivery_id] = outbox.event_record(event=WebhookEvent.PAGE_PUBLISHED, payload={"id": 7})
    long_ago = timezone.now() - sending.STALE_CLAIM_AFTER - dt.timedelta(seconds=1)
    WebhookDelivery.objects.filter(pk=delivery_id).update(
        status=Status.SENDING, attempts=1, last_attempt_at=long_ago, next_attempt_at=None
    )
    assert outbox.stalled_deliveries_requeue() == {"overdue": 0, "stale_claims": 1}
    assert receiver.verified(endpoint.secret) == [{"id": 7}]
    assert WebhookDelivery.objects.get().attempts == 2


def test_a_stale_task_copy_does_nothing(receiver, endpoint_for):
    endpoint_for(receiver.url)
    [delivery_id] = outbox.event_record(event=WebhookEvent.PAGE_PUBLISHED, payload={"id": 7})
    tasks.deliver_webhook.apply(args=(delivery_id, 0))
    tasks.deliver_webhook.apply(args=(delivery_id, 0))  # a second copy, e.g. re-queued by the sweep
    assert len(receiver.requests) == 1


def test_the_secret_is_encrypted_at_rest(endpoint_for):
    endpoint = endpoint_for("https://example.org/hooks")
    assert endpoint.secret.startswith("whsec_")
    with connection.cursor() as cursor:
        cursor.execute("SELECT secret FROM api_webhookendpoint WHERE id = %s", [endpoint.pk])
        stored = cursor.fetchone()[0]
    assert endpoint.secret not in stored
    assert WebhookEndpoint.objects.get().secret == endpoint.secret


def test_payloads_are_json_the_same_on_every_attempt(endpoint_for):
    endpoint_for("https://example.org/hooks")
    [delivery_id] = outbox.event_record(event=WebhookEvent.PAGE_PUBLISHED, payload={"id": 7, "slug": "é"})
    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    # The exact signed text: compact, UTF-8 as is; read back from the row.
    assert sending.body_of(delivery) == '{"id":7,"slug":"é"}'
    assert json.loads(sending.body_of(delivery)) == {"id": 7, "slug": "é"}
