"""Scheduled publishing runs from Celery beat instead of a cron job."""

import datetime as dt

import pytest
from django.utils import timezone

from cms import tasks

pytestmark = pytest.mark.django_db


def test_publish_scheduled_task_publishes_due_revisions(make_article, settings):
    draft = make_article(title="Scheduled", publish=False)
    revision = draft.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - dt.timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])

    tasks.publish_scheduled.delay().get()

    draft.refresh_from_db()
    assert draft.live
    assert settings.CELERY_BEAT_SCHEDULE["cms-publish-scheduled"]["task"] == tasks.publish_scheduled.name
