"""Where a text's time goes, for `bench_sms.py`: the three steps of the
pipeline (the webhook through Django's test client, signed; deciding the
reply, the service inbound_message_process; sending it, to the fake Twilio,
outbound_message_send: the task process_inbound runs both) each
under cProfile in this process, with the servers stopped, for a few hundred
texts. Per step: wall and CPU time per text, database queries and broker
publishes per text (unprofiled), then under cProfile (wall clock: waiting
for PostgreSQL shows in psycopg, for Redis in redis, for sockets in
built-ins) the own time by package and the heaviest of our calls and of all.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from tests.benchmarks import sms_traffic
from tests.benchmarks.sms_traffic import Text, Traffic

WARM_UP_TEXTS = 10
# The steps that first look their text up count that statement too.
HARNESS = {name: " (one statement finds the text)" for name in ("process_inbound", "send_outbound")}
ROOT = str(Path(__file__).resolve().parents[2])


def _package(filename: str) -> str:
    """Where a profiled function lives: an installed package, one of our
    apps, the standard library, or C built-ins."""
    if "site-packages/" in filename:
        return filename.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if filename.startswith(ROOT):
        return "ours: " + filename[len(ROOT) + 1 :].split("/", 1)[0]
    if filename == "~":
        return "built-ins (C: sockets, sorted...)"
    return "standard library"


def by_package(stats: pstats.Stats, *, texts: int, top: int = 9) -> str:
    """Own (not cumulative) time per text, by package."""
    own: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        own[_package(filename)] += tottime
    ranked = sorted(own.items(), key=lambda item: -item[1])
    return "  ".join(f"{name} {seconds * 1000 / texts:.1f}" for name, seconds in ranked[:top])


def _steps() -> list[Callable[[Text], None]]:
    from django.conf import settings
    from django.test import Client

    from sms import sending, services
    from sms.models import InboundMessage, OutboundMessage

    client = Client(HTTP_HOST="127.0.0.1")

    def webhook(text: Text) -> None:
        fields = text.fields()
        url = settings.PUBLIC_BASE_URL + sms_traffic.WEBHOOK_PATH
        response = client.post(
            sms_traffic.WEBHOOK_PATH,
            urlencode(fields),
            content_type="application/x-www-form-urlencoded",
            HTTP_X_TWILIO_SIGNATURE=sms_traffic.signature(url, fields),
        )
        if response.status_code != 200:
            raise RuntimeError(f"webhook answered {response.status_code}")

    def process_inbound(text: Text) -> None:
        inbound_id = InboundMessage.objects.values_list("pk", flat=True).get(message_sid=text.sid)
        services.inbound_message_process(inbound_id=inbound_id)

    def send_outbound(text: Text) -> None:
        replies = OutboundMessage.objects.filter(inbound__message_sid=text.sid).values_list("pk", flat=True)
        for outbound_id in replies:
            sending.outbound_message_send(outbound_id=outbound_id)

    return [webhook, process_inbound, send_outbound]


class _Counter:
    """Counts its calls: as a receiver of after_task_publish, tasks
    published; as a database execute wrapper, SQL statements run."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute=None, sql=None, params=None, many=None, context=None, **kwargs):
        self.count += 1
        return execute(sql, params, many, context) if execute else None


def profile(traffic: Traffic, *, texts: int) -> str:
    """Each step over `texts` texts unprofiled (the times, statements and
    publishes per text), then over as many more under cProfile."""
    from celery.signals import after_task_publish
    from django.db import connection

    warm = [traffic.one_off("profile") for _ in range(WARM_UP_TEXTS)]
    timed = [traffic.one_off("profile") for _ in range(texts)]
    profiled = [traffic.one_off("profile") for _ in range(texts)]
    out = io.StringIO()
    publishes, statements = _Counter(), _Counter()
    after_task_publish.connect(publishes, weak=False)
    try:
        for step in _steps():
            for text in warm:  # the content caches, connections, the twilio client
                step(text)
            publishes.count, statements.count = 0, 0
            with connection.execute_wrapper(statements):
                wall, cpu = time.perf_counter(), time.process_time()
                for text in timed:
                    step(text)
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            published, executed = publishes.count, statements.count
            profiler = cProfile.Profile()
            profiler.enable()
            for text in profiled:
                step(text)
            profiler.disable()
            out.write(
                f"\n{step.__name__}: {wall * 1000 / texts:.1f} ms wall, {cpu * 1000 / texts:.1f} ms CPU "
                f"per text; {executed / texts:.1f} SQL statements (and BEGIN, COMMIT), "
                f"{published / texts:.1f} task publishes per text, unprofiled"
                f"{HARNESS.get(step.__name__, '')}\n"
            )
            stats = pstats.Stats(profiler, stream=out)
            out.write(f"Own wall ms per text by package, profiled: {by_package(stats, texts=texts)}\n")
            stats.sort_stats("cumulative").print_stats(r"/(sms|cms|config|api)/", 18)
            stats.sort_stats("tottime").print_stats(8)
    finally:
        after_task_publish.disconnect(publishes)
    return out.getvalue()
