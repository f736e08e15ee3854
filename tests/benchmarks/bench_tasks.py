"""A benchmark-only Celery task, loaded by the workers `bench_sms.py` starts
(`celery worker --include tests.benchmarks.bench_tasks`), never by the
project's own workers.

`count` is the least a task can do and still be seen to have run: one
Redis INCR on the cache, so the benchmark knows when N have finished. It
has the SMS tasks' options (acks_late; the worker's prefetch and
serialiser are the settings'), so its rate is Celery's own ceiling on this
broker and these workers, the peer of the SMS pipeline's rate.
"""

from celery import shared_task
from django.core.cache import cache

COUNTER_KEY = "bench-sms:no-op-tasks"


@shared_task(acks_late=True)
def count() -> None:
    cache.incr(COUNTER_KEY)
