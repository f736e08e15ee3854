"""Celery tasks: thin wrappers around cms.services."""

import smtplib

from celery import shared_task
from django.core.management import call_command

from cms import services


# Mail server trouble is usually brief: retry with backoff. The service emails
# each address at most once a day (a per-address, per-day cache key, released
# when that email fails), so a retry sends only the reminders still unsent.
@shared_task(autoretry_for=(smtplib.SMTPException, OSError), retry_backoff=60, max_retries=5)
def send_review_reminders() -> int:
    """Daily (CELERY_BEAT_SCHEDULE): one email per reviewer or editor listing their overdue articles."""
    return services.review_reminders_send()


@shared_task
def publish_scheduled() -> None:
    """Every few minutes (CELERY_BEAT_SCHEDULE): publish revisions whose
    scheduled time has come, and unpublish expired pages. Wagtail's own
    command does the work; beat replaces the cron job it expects."""
    call_command("publish_scheduled")
