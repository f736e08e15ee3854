"""The SMS pipeline's processes for `bench_sms.py`, and driving texts
through them: the Celery workers and beat as deployed, posting texts
(closed loop, or open loop at a rate), waiting for their replies at the fake
Twilio, the no-op task rate, and the CPU time each process spent.
"""

from __future__ import annotations

import itertools
import os
import sys
import threading
import time
from collections.abc import Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.benchmarks import servers, sms_traffic
from tests.benchmarks.sms_traffic import Text, Traffic

GENERAL_WORKER = "bench-sms-worker@localhost"
CRISIS_WORKER = "bench-sms-crisis@localhost"
# The general worker's prefork processes: 2 as deployed; more, to try.
WORKER_CONCURRENCY = int(os.environ.get("BENCH_SMS_WORKER_CONCURRENCY", "2"))
NO_OP_TASKS = 3000
TASK_TIMEOUT_SECONDS = 120
# With no new reply for this long, the replies still missing are lost.
REPLY_TIMEOUT_SECONDS = 120


@dataclass
class Processes:
    """The root pids whose CPU time is counted (with their children), by role."""

    roles: dict[str, int] = field(default_factory=dict)

    def cpu(self) -> dict[str, dict[int, tuple[float, float]]]:
        """Role -> pid -> (CPU seconds, seconds waiting for a CPU), now."""
        used = {role: servers.cpu_seconds(servers.process_tree(pid)) for role, pid in self.roles.items()}
        # Its client threads come and go: their waits cannot be added up.
        mine = servers.cpu_seconds([os.getpid()])
        used["this process (clients, fake Twilio)"] = {pid: (cpu, 0.0) for pid, (cpu, _) in mine.items()}
        # Connections are replaced after CONN_MAX_AGE: in a long phase, those gone are missing.
        used["PostgreSQL (this database's backends)"] = servers.cpu_seconds(_database_backends())
        return used


def _database_backends() -> list[int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
        return [pid for (pid,) in cursor.fetchall()]


def cpu_per_text(before: dict, after: dict, *, texts: int, wall: float) -> list[str]:
    """Lines: each role's CPU time per text, its share of a core, and how
    long its processes waited, runnable, for a CPU (per text). A process
    that started during the phase counts from zero; one that ended is left
    out (database connections are replaced after CONN_MAX_AGE)."""
    lines = []
    totals = [0.0, 0.0]
    for role, now in after.items():
        earlier = before.get(role, {})
        used = sum(cpu - earlier.get(pid, (0.0, 0.0))[0] for pid, (cpu, _) in now.items())
        waited = sum(wait - earlier.get(pid, (0.0, 0.0))[1] for pid, (_, wait) in now.items())
        totals = [totals[0] + used, totals[1] + waited]
        lines.append(_cpu_line(role, used, waited, texts=texts, wall=wall))
    lines.append(_cpu_line("total", *totals, texts=texts, wall=wall))
    return lines


def _cpu_line(role: str, used: float, waited: float, *, texts: int, wall: float) -> str:
    return (
        f"    {role:40} {used * 1000 / texts:6.1f} ms/text {used / wall * 100:4.0f}% of a core; "
        f"waited for a CPU {waited * 1000 / texts:5.1f} ms/text"
    )


@contextmanager
def workers(environment: Mapping[str, str], processes: Processes, logs: Path):
    """The general worker (every queue, most urgent first, prefork 2), the
    crisis worker (`-Q crisis`, 1) and beat, with the options of
    config/supervisord.conf and docker-compose.yml; the general one also
    loads the benchmark's no-op task. Yields once both workers answer a
    ping; stopped on exit (SIGTERM: a warm shutdown), even on failure."""
    from config.celery import app

    celery = [sys.executable, "-m", "celery", "-A", "config"]
    options = ["--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"]
    commands = {
        "Celery worker": [
            *(*celery, "worker", f"--concurrency={WORKER_CONCURRENCY}", *options, "-n", GENERAL_WORKER),
            *("--include", "tests.benchmarks.bench_tasks"),
        ],
        "Celery crisis worker": [
            *celery,
            "worker",
            "-Q",
            "crisis",
            "--concurrency=1",
            *options,
            "-n",
            CRISIS_WORKER,
        ],
        "Celery beat": [*celery, "beat", "--loglevel=WARNING", f"--schedule={logs / 'celerybeat-schedule'}"],
    }
    with ExitStack() as stack:
        for role, command in commands.items():
            log = logs / f"{role.replace(' ', '-').lower()}.log"
            processes.roles[role] = stack.enter_context(servers.background(command, environment, log=log)).pid
        deadline = time.monotonic() + servers.START_TIMEOUT_SECONDS
        for name in (GENERAL_WORKER, CRISIS_WORKER):
            while not app.control.ping(destination=[name], timeout=1):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{name} did not start; its log is in {logs}")
        yield


def wait_for_replies(fake, traffic: Traffic, texts: list[Text]) -> float:
    """Wait until the senders of `texts` have all the replies they must get
    (or none came for REPLY_TIMEOUT_SECONDS); returns the last one's time."""
    numbers = {text.number for text in texts}
    expected = sum(traffic.expected[number] for number in numbers)
    seen, last_progress = -1, time.monotonic()
    while True:
        arrivals = [r.at for r in fake.accepted() if r.form.get("To") in numbers]
        if len(arrivals) >= expected:
            return max(arrivals, default=time.time())
        if len(arrivals) != seen:
            seen, last_progress = len(arrivals), time.monotonic()
        elif time.monotonic() - last_progress > REPLY_TIMEOUT_SECONDS:
            return max(arrivals, default=time.time())
        time.sleep(0.2)


def no_op_task_rate(queue: str) -> tuple[float, float]:
    """NO_OP_TASKS no-op tasks through `queue`: (run per second, published
    per second from here). Published while the workers run, as texts are."""
    from django.core.cache import cache

    from tests.benchmarks.bench_tasks import COUNTER_KEY, count

    cache.set(COUNTER_KEY, 0, timeout=None)
    started = time.monotonic()
    for _ in range(NO_OP_TASKS):
        count.apply_async(queue=queue)
    published = time.monotonic() - started
    while (cache.get(COUNTER_KEY) or 0) < NO_OP_TASKS:
        if time.monotonic() - started > TASK_TIMEOUT_SECONDS:
            raise RuntimeError(f"the no-op tasks did not all run within {TASK_TIMEOUT_SECONDS} s")
        time.sleep(0.01)
    return NO_OP_TASKS / (time.monotonic() - started), NO_OP_TASKS / published


def _in_threads(run, clients: int) -> None:
    threads = [threading.Thread(target=run) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def post_all(port: int, texts: list[Text], *, clients: int) -> None:
    """Post `texts` in order from `clients` threads, each as soon as it can."""
    queue = iter(texts)
    lock = threading.Lock()

    def run() -> None:
        while True:
            with lock:
                text = next(queue, None)
            if text is None:
                return
            sms_traffic.post(port, text, servers.exchange)

    _in_threads(run, clients)


def post_at_rate(port: int, texts: list[Text], *, rate: float, clients: int) -> tuple[float, float]:
    """Open loop: text i is posted at start + i / rate, whatever happened to
    the ones before (up to `clients` at once). Returns the start and how far
    behind its time the latest post went (s)."""
    indices = itertools.count()
    lock = threading.Lock()
    start = time.time() + 0.2
    behind = [0.0]

    def run() -> None:
        while True:
            with lock:
                index = next(indices)
            if index >= len(texts):
                return
            due = start + index / rate
            if (wait := due - time.time()) > 0:
                time.sleep(wait)
            sms_traffic.post(port, texts[index], servers.exchange)
            behind[0] = max(behind[0], texts[index].posted_at - due)

    _in_threads(run, clients)
    return start, behind[0]
