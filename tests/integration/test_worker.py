import os
import uuid

import pytest

from tests.integration.conftest import wait_for
from tests.probe.models import TaskProbe
from tests.probe.tasks import record_probe

pytestmark = pytest.mark.django_db(transaction=True)


def test_task_travels_through_redis_to_a_worker_process_and_writes_the_database(live_celery):
    token = uuid.uuid4().hex

    record_probe.delay(token)

    probe = wait_for(lambda: TaskProbe.objects.filter(token=token).first())
    assert probe.worker_pid != os.getpid()


def test_healthz_sees_the_worker(live_celery, client):
    response = client.get("/healthz/")

    assert response.status_code == 200, response.json()
    assert response.json()["checks"]["worker"] == {"ok": True}
