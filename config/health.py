"""`GET /healthz/`: is every part this deployment needs up?

200 when all are, 503 naming the failing part when not. Used by compose
health checks and load balancers, so it is cheap and never cached.

With a broker, it also reports the SMS backlog (`sms.recovery.backlog`):
queue depth, the oldest unprocessed text and unsent reply, and when beat
last ran. Above the HEALTH_* thresholds the status is "degraded", still
200 (the parts are up; work is slow), with the reasons: alert on it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from config.celery import app as celery_app
from sms import recovery

WORKER_PING_TIMEOUT_SECONDS = 1.0


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("value written was not read back")
    cache.delete(key)


def _check_worker() -> None:
    replies = celery_app.control.ping(timeout=WORKER_PING_TIMEOUT_SECONDS)
    if not replies:
        raise RuntimeError("no Celery worker answered a ping")


def service_checks() -> dict:
    checks = {"database": _check_database, "cache": _check_cache}
    if settings.REDIS_URL:
        checks["worker"] = _check_worker
    return checks


@never_cache
@require_GET
def healthz(request):
    results = {}
    for name, check in service_checks().items():
        try:
            check()
        except Exception as exc:  # noqa: BLE001 - any failure means "down"
            results[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
        else:
            results[name] = {"ok": True}
    failing = [name for name, result in results.items() if not result["ok"]]
    body = {"status": "error" if failing else "ok", "failing": failing, "checks": results}
    if settings.REDIS_URL and not failing:
        body["backlog"] = recovery.backlog()
        body["degraded"] = recovery.backlog_problems(body["backlog"])
        if body["degraded"]:
            body["status"] = "degraded"
    return JsonResponse(body, status=503 if failing else 200)
