"""The integration tier: real PostgreSQL, real Redis, a real Celery worker.

The worker is a separate process started once per session with the test
settings, pointed at pytest-django's `test_` database and this run's own
Redis db index and queue, so it never picks up anyone else's tasks.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection

from tests.conftest import redis_available, require_service

ROOT = Path(__file__).resolve().parents[2]
# The worker's stdout and stderr, for tests that read what it logged. Removed
# when the session's worker stops.
WORKER_LOG_PATH = ROOT / ".pytest-worker.log"
WORKER_START_TIMEOUT_SECONDS = 45
# Extra environment for the worker process. Test modules add to it when they
# are imported: collection finishes before the session's worker starts.
WORKER_EXTRA_ENV: dict[str, str] = {}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def worker_sends_to_fake_twilio(**extra_env: str) -> None:
    """Call at import: the session's worker sends with the real twilio SDK to
    a fake Twilio, on one port chosen by whichever module asks first (the
    `worker_fake_twilio` fixture starts the fake there)."""
    WORKER_EXTRA_ENV.setdefault("TEST_SMS_BACKEND", "twilio")
    WORKER_EXTRA_ENV.setdefault("TWILIO_API_BASE_URL", f"http://127.0.0.1:{free_port()}")
    for name, value in extra_env.items():
        WORKER_EXTRA_ENV.setdefault(name, value)


@pytest.fixture(scope="module")
def worker_fake_twilio():
    from tests.sms.fake_twilio import FakeTwilio

    fake = FakeTwilio().start(port=urlsplit(WORKER_EXTRA_ENV["TWILIO_API_BASE_URL"]).port)
    yield fake
    fake.stop()


@pytest.fixture
def fake(worker_fake_twilio):
    """The worker's fake Twilio, with nothing received yet."""
    worker_fake_twilio.requests.clear()
    return worker_fake_twilio


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.integration)


def worker_database_url() -> str:
    """pytest-django's test database as a URL, for processes the tests start."""
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker):
    """A `celery worker` process consuming this run's queues; yields its name."""
    require_service(redis_available(), "integration tier needs Redis: set REDIS_URL to a reachable server")
    with django_db_blocker.unblock():
        require_service(
            connection.vendor == "postgresql",
            "integration tier needs PostgreSQL: set DATABASE_URL=postgres://...",
        )
        database_url = worker_database_url()

    hostname = f"test-{settings.TEST_RUN_ID}@localhost"
    try:
        with running_worker(
            pool=("--pool=solo",),
            queue=",".join(settings.TASK_QUEUES.values()),
            hostname=hostname,
            run_id=settings.TEST_RUN_ID,
            database_url=database_url,
            log_path=WORKER_LOG_PATH,
        ):
            yield hostname
    finally:
        WORKER_LOG_PATH.unlink(missing_ok=True)


@contextmanager
def running_worker(
    *, pool: tuple[str, ...], queue: str, hostname: str, run_id: str, database_url: str, log_path: Path
):
    """Start `celery worker` with the test settings on `queue` (or several,
    comma-separated, most urgent first), logging to `log_path`; wait until
    it answers a ping; stop it on exit."""
    from config.celery import app

    env = {
        **os.environ,
        **WORKER_EXTRA_ENV,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url,
        "TEST_RUN_ID": run_id,
        "TEST_CELERY_WORKER": "1",
    }
    command = [
        sys.executable,
        *("-m", "celery", "-A", "config", "worker", *pool),
        *("--loglevel=INFO", "--without-gossip", "--without-mingle"),
        *("-Q", queue, "-n", hostname),
    ]
    with log_path.open("w") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + WORKER_START_TIMEOUT_SECONDS
        while not app.control.ping(destination=[hostname], timeout=1):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Celery worker did not start; its log:\n{log_path.read_text()[-3000:]}")
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def through_the_broker():
    """Tasks go through the broker, not in-process, for one test."""
    from config.celery import app

    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = True


@pytest.fixture
def live_celery(celery_worker_process, through_the_broker):
    """Send tasks through the broker to the session's real worker for one test."""
    return celery_worker_process


def wait_for(predicate, *, timeout: float = 20.0, interval: float = 0.1):
    """Poll until `predicate()` is truthy; return its value or fail."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"condition not met within {timeout}s")
