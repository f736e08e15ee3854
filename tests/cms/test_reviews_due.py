"""The "Reviews due" report and the daily reminder task."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from cms import tasks
from cms.selectors import articles_due_for_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def articles(make_article, person_factory, today):
    reviewer = person_factory(name="Sample Reviewer A", email="reviewer-a@example.org")
    other_reviewer = person_factory(name="Sample Reviewer B", email="reviewer-b@example.org")

    def make(title, due, reviewer=reviewer, **kwargs):
        return make_article(
            title=title,
            medical_reviewer=reviewer,
            last_reviewed=today - dt.timedelta(days=400),
            next_review_due=due,
            **kwargs,
        )

    return {
        "overdue": make("Overdue article", today - dt.timedelta(days=10)),
        "overdue_b": make("Overdue for B", today - dt.timedelta(days=1), reviewer=other_reviewer),
        "soon": make("Due soon", today + dt.timedelta(days=29)),
        "later": make("Due later", today + dt.timedelta(days=31)),
        "draft": make("Overdue draft", today - dt.timedelta(days=5), publish=False),
    }


def test_selector_lists_past_and_within_30_days(articles):
    titles = [a.title for a in articles_due_for_review()]
    assert titles == ["Overdue article", "Overdue for B", "Due soon"]


def test_report_lists_due_articles(client, django_user_model, articles):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)
    response = client.get(reverse("cms_reviews_due"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Reviews due" in content
    for title in ("Overdue article", "Overdue for B", "Due soon"):
        assert title in content
    assert "Due later" not in content
    assert "Overdue draft" not in content
    assert "Overdue by 10 day(s)" in content
    due = articles["soon"].next_review_due
    assert f"{due.day} {due:%b %Y}" in content  # a calendar date, not "just now"


def test_report_is_in_reports_menu_and_export_works(client, django_user_model, articles):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("cms_reviews_due") in dashboard
    csv = client.get(reverse("cms_reviews_due") + "?export=csv")
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert "Overdue article" in body and "Due later" not in body


def test_report_forbidden_to_users_without_page_permissions(client, django_user_model, articles):
    user = django_user_model.objects.create_user("nobody", "n@example.org", "pw")
    user.user_permissions.add(*Group.objects.get(name="Editors").permissions.all())
    # Admin access but no page permissions.
    client.force_login(user)
    assert client.get(reverse("cms_reviews_due")).status_code in (302, 403)


def test_daily_reminder_emails_reviewers_and_editors_once(mailoutbox, django_user_model, articles):
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    django_user_model.objects.create_user("outsider", "outsider@example.org", "pw")

    sent = tasks.send_review_reminders.delay().get()

    assert sent == 3
    by_recipient = {tuple(m.to): m for m in mailoutbox}
    assert set(by_recipient) == {
        ("reviewer-a@example.org",),
        ("reviewer-b@example.org",),
        ("editor@example.org",),
    }
    to_a = by_recipient[("reviewer-a@example.org",)].body
    assert "Overdue article" in to_a and "Overdue for B" not in to_a
    assert "Due soon" not in to_a and "Overdue draft" not in to_a
    to_editor = by_recipient[("editor@example.org",)].body
    assert "Overdue article" in to_editor and "Overdue for B" in to_editor
    assert f"/admin/pages/{articles['overdue'].pk}/edit/" in to_editor

    # A second delivery the same day (beat retry, acks_late) sends nothing more.
    assert tasks.send_review_reminders.delay().get() == 0
    assert len(mailoutbox) == 3


def test_reminder_sends_nothing_when_nothing_is_overdue(mailoutbox, make_article):
    make_article(title="Fresh")
    assert tasks.send_review_reminders.delay().get() == 0
    assert mailoutbox == []


def test_beat_schedule_runs_reminders_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["cms-review-reminders"]
    assert entry["task"] == tasks.send_review_reminders.name
    assert entry["schedule"].hour == {7}


def test_report_queries_do_not_grow_with_rows(
    client, django_user_model, make_article, today, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)
    make_article(title="Due 0", next_review_due=today)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("cms_reviews_due"))
    for i in range(1, 8):
        make_article(title=f"Due {i}", next_review_due=today + dt.timedelta(days=i))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("cms_reviews_due"))
    assert "Due 7" in response.content.decode()


def test_failed_send_releases_the_daily_lock(mailoutbox, monkeypatch, articles):
    import smtplib

    from cms import services

    def broken(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("mail server went away")

    monkeypatch.setattr(services, "send_mass_mail", broken)
    with pytest.raises(smtplib.SMTPServerDisconnected):
        services.review_reminders_send()
    monkeypatch.undo()
    assert services.review_reminders_send() == 2  # the two reviewers; no editors in this test
    assert len(mailoutbox) == 2
