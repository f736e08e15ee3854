"""Celery tasks: thin wrappers around cms.services."""

import smtplib

from celery import shared_task

from cms import services


# Mail server trouble is usually brief: retry with backoff. The service sends
# nothing twice in a day, so a retry after a partial failure is safe.
@shared_task(autoretry_for=(smtplib.SMTPException, OSError), retry_backoff=60, max_retries=5)
def send_review_reminders() -> int:
    """Daily (CELERY_BEAT_SCHEDULE): email reviewers and editors about overdue articles."""
    return services.review_reminders_send()
