"""The fault tier: the whole SMS pipeline as real processes, broken on purpose.

A module's `stack` is: a private `redis-server` on its own port (the broker
and cache, killed and restarted by the tests; the shared Redis is never
touched), gunicorn serving the webhook, a Celery worker and Celery beat, all
with the test settings against pytest-django's test database, and the fake
Twilio (tests/sms/fake_twilio.py) that the real twilio SDK in the worker
talks to. The tests send signed texts over HTTP, break one part, and check
that every text is answered exactly once, in time.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.conftest import redis_available, require_service
from tests.integration.conftest import worker_database_url
from tests.sms.fake_twilio import FakeTwilio

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_SECONDS = 45
# What each fault test measured, printed at the end of the run.
FAULT_FIGURES: list[dict] = []


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.faults)


def pytest_terminal_summary(terminalreporter):
    if FAULT_FIGURES:
        terminalreporter.section("fault tier figures")
        for figures in FAULT_FIGURES:
            terminalreporter.write_line(", ".join(f"{key}: {value}" for key, value in figures.items()))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(predicate, *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} within {timeout}s")
        time.sleep(0.1)


@dataclass
class Process:
    name: str
    command: list[str]
    env: dict[str, str]
    log_path: Path
    ready_text: str = ""
    popen: subprocess.Popen | None = None
    starts: list[float] = field(default_factory=list)

    def start(self) -> float:
        """Start and wait until ready; returns when it became ready (time.time())."""
        offset = self.log_path.stat().st_size if self.log_path.exists() else 0  # earlier starts' lines
        with self.log_path.open("a") as log:
            self.popen = subprocess.Popen(
                self.command,
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        if self.ready_text:
            _wait(
                lambda: (
                    self.ready_text in self.log_path.read_text()[offset:] or self.popen.poll() is not None
                ),
                timeout=START_TIMEOUT_SECONDS,
                what=f"{self.name} did not start",
            )
            if self.popen.poll() is not None:
                pytest.fail(f"{self.name} exited; its log:\n{self.log_path.read_text()[-3000:]}")
        self.starts.append(time.time())
        return self.starts[-1]

    def kill(self) -> None:
        """SIGKILL, no goodbye: the process and everything it started."""
        if self.popen and self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=10)

    def stop(self) -> None:
        if self.popen and self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    @property
    def alive(self) -> bool:
        return bool(self.popen) and self.popen.poll() is None

    def log(self) -> str:
        return self.log_path.read_text()[-4000:]


@dataclass
class Stack:
    redis: Process
    web: Process
    worker: Process
    beat: Process
    twilio: FakeTwilio
    web_url: str

    def processes(self) -> list[Process]:
        return [self.beat, self.worker, self.web, self.redis]


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker, tmp_path_factory):
    require_service(redis_available(), "the fault tier needs redis-server (and Redis for the test session)")
    with django_db_blocker.unblock():
        require_service(
            connection.vendor == "postgresql", "the fault tier needs PostgreSQL: set DATABASE_URL"
        )
        database_url = worker_database_url()
    redis_server = subprocess.run(["which", "redis-server"], capture_output=True, text=True).stdout.strip()
    require_service(bool(redis_server), "the fault tier needs the redis-server program")

    logs = tmp_path_factory.mktemp("faults")
    redis_port, web_port = _free_port(), _free_port()
    twilio = FakeTwilio().start()
    run_id = f"faults-{settings.TEST_RUN_ID}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url,
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "TEST_RUN_ID": run_id,
        "TEST_CELERY_WORKER": "1",
        "TEST_SMS_BACKEND": "twilio",
        "TWILIO_API_BASE_URL": twilio.base_url,
        "PYTHONUNBUFFERED": "1",
    }
    celery = [sys.executable, "-m", "celery", "-A", "config"]
    redis = Process(
        "redis",
        [redis_server, "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        env,
        logs / "redis.log",
        ready_text="Ready to accept connections",
    )
    web = Process(
        "web",
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{web_port}",
            "--workers",
            "2",
            "--timeout",
            "30",
        ],
        env,
        logs / "web.log",
        ready_text="Booting worker",
    )
    worker = Process(
        "worker",
        [
            *celery,
            "worker",
            "--loglevel=INFO",
            "--concurrency=2",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-Q",
            # The queues of test settings' TASK_QUEUES under this run id.
            ",".join(f"test-{run_id}-{role}" for role in settings.TASK_QUEUES),
            "-n",
            f"{run_id}@localhost",
        ],
        env,
        logs / "worker.log",
        ready_text="ready.",
    )
    beat = Process(
        "beat",
        [*celery, "beat", "--loglevel=INFO", f"--schedule={logs / 'beat-schedule'}"],
        env,
        logs / "beat.log",
        ready_text="beat: Starting",
    )
    the_stack = Stack(redis, web, worker, beat, twilio, f"http://127.0.0.1:{web_port}")
    try:
        for process in (redis, web, worker, beat):
            process.start()
        yield the_stack
    finally:
        for process in the_stack.processes():
            process.stop()
        twilio.stop()
