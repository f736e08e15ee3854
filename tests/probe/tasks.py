import logging
import os
import time

from celery import shared_task
from django.core.cache import cache
from django.db import connection

from tests.probe.models import TaskProbe

logger = logging.getLogger(__name__)

# A number from Ofcom's drama range: never a real texter.
PROBE_PHONE_NUMBER = "+447700900123"


@shared_task
def record_probe(token: str) -> None:
    TaskProbe.objects.get_or_create(token=token, defaults={"worker_pid": os.getpid()})


@shared_task
def log_probe_phone_number(token: str) -> None:
    """Log a line holding a phone number, as careless code might, so a test
    can check what the worker's logging writes."""
    logger.info("probe %s texter %s", token, PROBE_PHONE_NUMBER)


@shared_task
def fail_naming_a_phone_number(token: str) -> None:
    """Fail with a number in the exception's text, as Twilio's error 21211
    does, so a test can check the traceback the worker logs."""
    raise ValueError(f"probe {token}: the 'To' number {PROBE_PHONE_NUMBER} is not a valid phone number")


@shared_task
def note_database_session(token: str, hold_seconds: float = 0.0) -> None:
    """Note in the cache which process ran this and on which database
    connection (the server's backend pid), then hold the process a while, so
    a test can see connections kept, replaced and never shared."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (backend_pid,) = cursor.fetchone()
    time.sleep(hold_seconds)
    cache.set(f"probe:database-session:{token}", [os.getpid(), backend_pid], timeout=300)
