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
