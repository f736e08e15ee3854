"""The daily review reminder runs on a real Celery worker."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from cms import services, tasks
from tests.integration.conftest import wait_for

# Transactional, as every test with the worker is: it must see the rows
# committed. Not serialized_rollback: after another transactional test's
# flush has re-created the content types under new ids, reloading the
# serialized ones collides with them (a setup error that depended on which
# tests ran first). The rows it needs (root page, locale) are put back by
# tests/conftest.py's _wagtail_base_rows; the reminder groups, absent, only
# mean no one but the reviewer is emailed.
pytestmark = pytest.mark.django_db(transaction=True)


def test_review_reminder_task_runs_on_the_worker(live_celery, make_article, person_factory):
    today = timezone.localdate()
    make_article(
        title="Overdue on the worker",
        medical_reviewer=person_factory(email="reviewer@example.org"),
        last_reviewed=today - dt.timedelta(days=400),
        next_review_due=today - dt.timedelta(days=3),
    )
    lock_key = services._reminder_lock_key("reviewer@example.org", today)
    assert cache.get(lock_key) is None

    tasks.send_review_reminders.delay()

    # The worker shares this run's Redis db and key prefix: the reviewer's
    # once-a-day lock appears once it has found the overdue article and
    # emailed them.
    assert wait_for(lambda: cache.get(lock_key)) == 1
    cache.delete(lock_key)
