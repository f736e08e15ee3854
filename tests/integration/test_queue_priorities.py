"""A free worker takes the most urgent waiting task first: crisis, then
replies, then new texts, then housekeeping (README "Workers and queues").

Celery's Redis transport polls a worker's queues round robin by default;
the settings' queue_order_strategy "priority" makes it ask in the order
the worker lists them. Tasks wait in all four queues, least urgent queued
first, before a worker with one process starts: it must run them in order
of urgency."""

from __future__ import annotations

import uuid

import pytest
from django.conf import settings

from tests.conftest import redis_available, require_service
from tests.integration.conftest import running_worker, wait_for, worker_database_url
from tests.probe.models import TaskProbe
from tests.probe.tasks import record_probe

pytestmark = pytest.mark.django_db(transaction=True)
TASKS_PER_QUEUE = 3


def test_a_free_worker_takes_the_most_urgent_queue_first(through_the_broker, tmp_path):
    require_service(redis_available(), "needs Redis (REDIS_URL) as the broker")
    run_id = f"pq{uuid.uuid4().hex[:6]}"
    roles = list(settings.TASK_QUEUES)  # most urgent first
    queues = {role: f"test-{run_id}-{role}" for role in roles}
    for role in reversed(roles):
        for number in range(TASKS_PER_QUEUE):
            record_probe.apply_async((f"{run_id}-{role}-{number}",), queue=queues[role])

    with running_worker(
        pool=("--pool=solo",),
        queue=",".join(queues.values()),
        hostname=f"priorities-{run_id}@localhost",
        run_id=run_id,
        database_url=worker_database_url(),
        log_path=tmp_path / "worker.log",
    ):
        ran = wait_for(
            lambda: (
                probes
                if len(probes := list(TaskProbe.objects.filter(token__startswith=run_id).order_by("pk")))
                == len(roles) * TASKS_PER_QUEUE
                else None
            ),
            timeout=30,
        )

    order = [probe.token.split("-")[1] for probe in ran]
    assert order == [role for role in roles for _ in range(TASKS_PER_QUEUE)]
