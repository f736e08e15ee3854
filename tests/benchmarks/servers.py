"""What the benchmarks that start servers share: a free port, one raw HTTP
exchange per connection (gunicorn's sync workers close each one), gunicorn
and Celery processes started from a given environment and always stopped,
and the CPU time a process tree has used (from /proc: psutil is not
installed), so a figure can say which process spent the machine's time.
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN_WORKERS = 2
START_TIMEOUT_SECONDS = 60


def say(text: str) -> None:
    print(text, flush=True)  # noqa: T201


def quantile(values: list[float], q: int) -> float:
    """The q-th percentile of `values` (NaN for none)."""
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def exchange(port: int, request: bytes) -> tuple[int, int]:
    """Send one raw HTTP/1.1 request on a new connection: (status, bytes received)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    response = b"".join(chunks)
    return int(response[9:12]), len(response)


def get_request(path: str) -> bytes:
    return (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nConnection: close\r\n\r\n"
    ).encode()


def fetch(port: int, path: str) -> tuple[int, int]:
    """One GET on a new connection: (status, bytes received)."""
    return exchange(port, get_request(path))


@contextmanager
def gunicorn(environment: Mapping[str, str], *, workers: int = GUNICORN_WORKERS):
    """gunicorn (sync workers) serving config.wsgi on a free port with
    `environment`; yields the port once /bench/floor/ answers."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "config.wsgi:application"]
    command += ["--workers", str(workers), "--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=ROOT, env=dict(environment))
    try:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while True:
            try:
                if fetch(port, "/bench/floor/")[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.2)
        yield port, process.pid
    finally:
        stop(process)


@contextmanager
def background(command: list[str], environment: Mapping[str, str], *, log: Path):
    """A process in a session of its own (so it and its pool children can
    be stopped together), output to `log`; yields the Popen."""
    with log.open("w") as out:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=dict(environment),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield process
    finally:
        stop(process, group=True)


def stop(process: subprocess.Popen, *, group: bool = False, timeout: float = 30) -> None:
    """SIGTERM (a Celery worker's warm shutdown), then SIGKILL after `timeout`."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        if group:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.wait(timeout=10)


# --- CPU time -------------------------------------------------------------------

_TICKS = os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with suppress(OSError):
            found += [int(child) for child in task.read_text().split()]
    return found


def process_tree(pid: int) -> list[int]:
    """`pid` and all its descendants now alive."""
    tree, pending = [], [pid]
    while pending:
        current = pending.pop()
        tree.append(current)
        pending += _children(current)
    return tree


def cpu_seconds(pids: Iterable[int]) -> dict[int, tuple[float, float]]:
    """For each of `pids` still alive: (user + system CPU seconds used, and
    seconds its threads have waited, runnable, for a CPU: the machine's
    contention, from /proc/PID/task/*/schedstat; threads that ended are
    not in the second figure)."""
    used = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
            waited = sum(
                int(task.read_text().split()[1]) for task in Path(f"/proc/{pid}/task").glob("*/schedstat")
            )
        except OSError:
            continue
        used[pid] = ((int(fields[11]) + int(fields[12])) / _TICKS, waited / 1e9)
    return used


# --- load -------------------------------------------------------------------------


@dataclass
class Figures:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


def load(
    port: int,
    request_for: Callable[[], bytes],
    *,
    seconds: float,
    concurrency: int,
    warm_up_seconds: float,
    ok: tuple[int, ...] = (200,),
) -> Figures:
    """`concurrency` threads send `request_for()` back to back, each on a new
    connection, for `seconds` (after an unmeasured warm-up)."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def run(until: float, record: bool) -> None:
        while time.monotonic() < until:
            request = request_for()
            start = time.perf_counter()
            status, _size = exchange(port, request)
            elapsed = time.perf_counter() - start
            if record:
                with lock:
                    latencies.append(elapsed)
                    errors[0] += status not in ok

    for record, duration in ((False, warm_up_seconds), (True, seconds)):
        until = time.monotonic() + duration
        threads = [threading.Thread(target=run, args=(until, record)) for _ in range(concurrency)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    p50, p99 = (quantile(latencies, q) * 1000 for q in (50, 99))
    return Figures(len(latencies) / elapsed, p50, p99, errors[0])
