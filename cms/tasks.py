"""Celery tasks: thin wrappers around cms.services."""

from celery import shared_task

from cms import services


@shared_task
def send_review_reminders() -> int:
    """Daily (CELERY_BEAT_SCHEDULE): email reviewers and editors about overdue articles."""
    return services.review_reminders_send()
