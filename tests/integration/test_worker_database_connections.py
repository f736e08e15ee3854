"""The worker keeps its database connection between tasks (CONN_MAX_AGE),
replaces one the database dropped (CONN_HEALTH_CHECKS), and a forked pool
process never shares its parent's or a sibling's connection
(config/celery.py)."""

from __future__ import annotations

import uuid
from collections import defaultdict

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from tests.integration.conftest import running_worker, wait_for, worker_database_url
from tests.probe.tasks import note_database_session

pytestmark = pytest.mark.django_db(transaction=True)


def _session_of(token: str) -> tuple[int, int]:
    """(worker process id, database backend pid) the probe task noted."""
    noted = wait_for(lambda: cache.get(f"probe:database-session:{token}"))
    return tuple(noted)


def _probe(**options) -> tuple[int, int]:
    token = uuid.uuid4().hex
    note_database_session.apply_async(args=[token], **options)
    return _session_of(token)


def test_a_connection_is_kept_between_tasks_and_a_dropped_one_replaced(live_celery):
    first = _probe()
    second = _probe()
    assert second == first, "the second task opened a new connection"

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [first[1]])
    third = _probe()

    assert third[0] == first[0]
    assert third[1] != first[1], "the dropped connection was not replaced"


@pytest.fixture(scope="module")
def prefork_queue(celery_worker_process, django_db_blocker, tmp_path_factory):
    """A worker with two forked pool processes on a queue of its own."""
    with django_db_blocker.unblock():
        database_url = worker_database_url()
    queue = f"{settings.CELERY_TASK_DEFAULT_QUEUE}-prefork"
    with running_worker(
        pool=("--pool=prefork", "--concurrency=2"),
        queue=queue,
        hostname=f"prefork-{settings.TEST_RUN_ID}@localhost",
        run_id=settings.TEST_RUN_ID,
        database_url=database_url,
        log_path=tmp_path_factory.mktemp("prefork") / "worker.log",
    ):
        yield queue


def test_forked_pool_processes_each_keep_a_connection_of_their_own(prefork_queue, through_the_broker):
    tokens = [uuid.uuid4().hex for _ in range(8)]
    for token in tokens:
        # Each task holds its process a while, so both processes take some.
        note_database_session.apply_async(args=[token, 0.3], queue=prefork_queue)
    backends_by_process = defaultdict(set)
    for token in tokens:
        process, backend = _session_of(token)
        backends_by_process[process].add(backend)

    assert len(backends_by_process) == 2
    assert all(len(backends) == 1 for backends in backends_by_process.values()), backends_by_process
    first, second = backends_by_process.values()
    assert first.isdisjoint(second), "two pool processes used one connection"
