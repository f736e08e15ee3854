import os

from celery import shared_task

from tests.probe.models import TaskProbe


@shared_task
def record_probe(token: str) -> None:
    TaskProbe.objects.get_or_create(token=token, defaults={"worker_pid": os.getpid()})
