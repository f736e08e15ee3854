"""The Celery app. Settings are the `CELERY_*` names in config/settings.

Workers keep Django's LOGGING: left alone, `celery worker` replaces the root
handler with its own, and the phone-number masking filter on our console
handler stops applying to every worker log line.

Workers keep their database connections between tasks as gunicorn does
between requests (CONN_MAX_AGE, CONN_HEALTH_CHECKS): see
`reuse_database_connections`.
"""

import os

from celery import Celery, states
from celery.signals import before_task_publish, setup_logging, task_postrun, task_prerun

from config.broker import ride_through_broker_restarts

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

ride_through_broker_restarts()
app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@setup_logging.connect
def configure_worker_logging(**kwargs) -> None:
    """Apply settings.LOGGING instead of Celery's own handlers and format.

    Connecting any receiver tells Celery the logging is handled, so it also
    skips redirecting stdout/stderr into its logger.
    """
    from logging.config import dictConfig

    from django.conf import settings

    dictConfig(settings.LOGGING)


@before_task_publish.connect
def note_beat_sweep(sender=None, **kwargs) -> None:
    """Only beat queues the SMS sweep: its time is beat's heartbeat for /healthz/."""
    from sms import recovery

    if sender == recovery.SWEEP_TASK:
        recovery.sweep_published()


def _runs_in_a_worker(task) -> bool:
    # An eager task runs inside its caller's request or test transaction,
    # whose connection is not the task's to close.
    return task is not None and not getattr(task.request, "is_eager", False)


@task_prerun.connect
def reuse_database_connections(task=None, **kwargs) -> None:
    """Before a task, what Django does before a request: close connections
    older than CONN_MAX_AGE, and have the task's first query check the kept
    one (CONN_HEALTH_CHECKS), so one the database dropped is replaced.

    Celery's own fixup would close every connection around every task; the
    settings' CELERY_DB_REUSE_MAX stops that when connections persist. A
    forked pool process still closes what it inherited from its parent
    (the fixup's `on_worker_process_init`), so no two processes share one.
    """
    if _runs_in_a_worker(task):
        from django.db import close_old_connections

        close_old_connections()


@task_postrun.connect
def release_database_connections(task=None, state=None, **kwargs) -> None:
    """After a task: keep the connection only if the task finished. A task
    that failed may have been interrupted mid-query (a soft time limit
    arrives as a signal), leaving a connection Django cannot tell is broken
    (celery/celery#9824): close it; the next task opens a fresh one."""
    if not _runs_in_a_worker(task):
        return
    from django.db import close_old_connections, connections

    if state == states.SUCCESS:
        close_old_connections()
    else:
        connections.close_all()
