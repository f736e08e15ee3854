import pytest


@pytest.mark.django_db
def test_healthz_is_ok_when_database_and_cache_answer(client, settings):
    settings.REDIS_URL = ""  # no broker in use: no worker is needed

    response = client.get("/healthz/")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["failing"] == []
    assert set(body["checks"]) == {"database", "cache"}
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_healthz_names_the_failing_cache(client, settings):
    settings.REDIS_URL = ""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5},
        }
    }

    response = client.get("/healthz/")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["failing"] == ["cache"]
    assert body["checks"]["database"]["ok"] is True
    assert "ConnectionError" in body["checks"]["cache"]["error"]


@pytest.mark.django_db
def test_healthz_reports_missing_worker_when_redis_is_the_broker(client, settings, monkeypatch):
    from config.celery import app

    settings.REDIS_URL = "redis://127.0.0.1:6379/15"
    # A broker with no worker listening: the control ping gets no reply.
    monkeypatch.setattr(app.control, "ping", lambda timeout: [])

    response = client.get("/healthz/")

    assert response.status_code == 503
    assert response.json()["failing"] == ["worker"]


def test_healthz_rejects_other_methods(client):
    assert client.post("/healthz/").status_code == 405


@pytest.fixture
def worker_answers(settings, monkeypatch):
    from config.celery import app
    from tests.conftest import redis_available, require_service

    require_service(bool(settings.REDIS_URL) and redis_available(), "needs Redis (REDIS_URL) as the broker")
    monkeypatch.setattr(app.control, "ping", lambda timeout: [{"celery@test": {"ok": "pong"}}])


@pytest.mark.django_db
def test_healthz_reports_the_sms_backlog(client, worker_answers, settings):
    from sms import recovery

    recovery.sweep_published()

    body = client.get("/healthz/").json()

    assert body["status"] == "ok"
    assert body["degraded"] == []
    backlog = body["backlog"]
    assert backlog["queues"] == {name: {"depth": 0} for name in settings.TASK_QUEUES.values()}
    assert backlog["oldest_unprocessed_text_seconds"] is None
    assert backlog["oldest_unsent_reply_seconds"] is None
    assert 0 <= backlog["beat_last_ran_seconds"] < 5


@pytest.mark.django_db
def test_healthz_is_degraded_not_down_when_texts_wait_and_beat_is_silent(
    client, worker_answers, django_capture_on_commit_callbacks
):
    import datetime as dt

    from django.utils import timezone

    from sms import services
    from sms.models import InboundMessage

    with django_capture_on_commit_callbacks(execute=False):
        services.inbound_message_receive(
            message_sid="SM" + "1" * 32, from_number="+447700900123", to_number="+447700900000", body="signs"
        )
    InboundMessage.objects.update(received_at=timezone.now() - dt.timedelta(minutes=5))

    response = client.get("/healthz/")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["backlog"]["oldest_unprocessed_text_seconds"] >= 300
    assert any(problem.startswith("a text has waited") for problem in body["degraded"])
    assert any(problem.startswith("beat has not queued a sweep") for problem in body["degraded"])
