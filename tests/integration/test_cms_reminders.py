"""The daily review reminder runs on a real Celery worker."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from cms import services, tasks
from tests.integration.conftest import wait_for

# serialized_rollback: restore the migration data (groups, workflow, root page)
# that the flush after a transactional test removes, for the tests after it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


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
