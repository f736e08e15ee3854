"""The Celery app. Settings are the `CELERY_*` names in config/settings.

Workers keep Django's LOGGING: left alone, `celery worker` replaces the root
handler with its own, and the phone-number masking filter on our console
handler stops applying to every worker log line.
"""

import os

from celery import Celery
from celery.signals import before_task_publish, setup_logging

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
