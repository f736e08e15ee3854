"""The "Reviews due" report and the daily reminder task."""

import csv
import datetime as dt
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from cms import tasks
from cms.selectors import (
    DUE_SOON,
    NOT_DUE,
    OVERDUE,
    REVIEW_FIELDS_ANCHOR,
    UNSCHEDULED,
    articles_due_for_review,
    articles_overdue_for_review,
    review_urgency,
)

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


def test_failed_send_releases_only_that_persons_daily_lock(mailoutbox, monkeypatch, articles):
    """A mail server that drops the second email: the first person keeps
    today's email, the retry sends only the second person theirs."""
    import smtplib

    from django.core.mail.backends.locmem import EmailBackend

    from cms import services

    real_send = EmailBackend.send_messages
    attempts = []

    def second_fails(self, messages):
        attempts.append(messages[0].to)
        if len(attempts) == 2:
            raise smtplib.SMTPServerDisconnected("mail server went away")
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", second_fails)
    with pytest.raises(smtplib.SMTPServerDisconnected):
        services.review_reminders_send()
    assert [m.to for m in mailoutbox] == [["reviewer-a@example.org"]]
    monkeypatch.undo()
    assert services.review_reminders_send() == 1  # the one that failed; no editors in this test
    assert [m.to for m in mailoutbox] == [["reviewer-a@example.org"], ["reviewer-b@example.org"]]
    assert services.review_reminders_send() == 0


def test_a_reviewer_who_is_also_an_editor_gets_one_email(mailoutbox, django_user_model, articles):
    both = django_user_model.objects.create_user("reviewer-a", "Reviewer-A@example.org", "pw")
    both.groups.add(Group.objects.get(name="Editors"))

    assert tasks.send_review_reminders.delay().get() == 2

    recipients = sorted(address.casefold() for m in mailoutbox for address in m.to)
    assert recipients == ["reviewer-a@example.org", "reviewer-b@example.org"]
    to_both = next(m for m in mailoutbox if m.to[0].casefold() == "reviewer-a@example.org")
    assert to_both.subject == "2 article(s) overdue for clinical review"
    mine, others = to_both.body.split("Other published articles")
    assert "You are the medical reviewer" in mine and "Overdue article" in mine
    assert "Overdue for B" in others and "Overdue article" not in others
    assert "10 day(s) ago" in to_both.body
    assert f"/admin/pages/{articles['overdue'].pk}/edit/#{REVIEW_FIELDS_ANCHOR}" in to_both.body


def test_reminder_plan_lists_each_persons_articles_once(articles, today):
    from cms.services import review_reminders_plan

    overdue = list(articles_overdue_for_review(today=today))
    plan = review_reminders_plan(
        overdue=overdue, editor_emails=["editor@example.org", "REVIEWER-B@example.org"]
    )
    by_email = {r.email.casefold(): r for r in plan}
    assert sorted(by_email) == ["editor@example.org", "reviewer-a@example.org", "reviewer-b@example.org"]
    assert [a.title for a in by_email["editor@example.org"].articles] == ["Overdue article", "Overdue for B"]
    assert [a.title for a in by_email["reviewer-a@example.org"].articles] == ["Overdue article"]
    reviewer_b = by_email["reviewer-b@example.org"]
    assert [a.title for a in reviewer_b.reviewed] == ["Overdue for B"]
    assert [a.title for a in reviewer_b.others] == ["Overdue article"]


def test_review_urgency_boundaries(today):
    day = dt.timedelta(days=1)
    assert review_urgency(next_review_due=None, today=today) == UNSCHEDULED
    assert review_urgency(next_review_due=today - day, today=today) == OVERDUE
    assert review_urgency(next_review_due=today, today=today) == DUE_SOON
    assert review_urgency(next_review_due=today + 30 * day, today=today) == DUE_SOON
    assert review_urgency(next_review_due=today + 31 * day, today=today) == NOT_DUE


def _rows(html: str) -> list[str]:
    """Each row of the report's results table, in order (the page has other
    tables, such as the keyboard shortcuts dialog)."""
    results = html[html.index('id="listing-results"') :]
    body = re.search(r"<tbody[^>]*>(.*?)</tbody>", results, flags=re.S)
    return re.findall(r"<tr[^>]*>(.*?)</tr>", body.group(1), flags=re.S) if body else []


def _titles(html: str) -> list[str]:
    return [re.search(r'<a [^>]*href="[^"]*"[^>]*>\s*([^<]+?)\s*</a>', row).group(1) for row in _rows(html)]


@pytest.fixture
def admin_client_(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "pw"))
    return client


def test_report_tells_overdue_from_due_soon_and_says_what_to_do(admin_client_, articles):
    html = admin_client_.get(reverse("cms_reviews_due")).content.decode()
    rows = dict(zip(_titles(html), _rows(html), strict=True))
    overdue, soon = rows["Overdue article"], rows["Due soon"]
    assert re.search(r'class="w-status w-status--primary"[^>]*>\s*Overdue by 10 day\(s\)', overdue)
    assert re.search(r'class="w-status\s*"[^>]*>\s*Due in 29 day\(s\)', soon)
    assert "Review now" in overdue and "Plan the review" in soon
    assert "data-reviews-due-guidance" in html and "submit it for clinical review" in html


def test_report_links_open_the_articles_review_fields(admin_client_, articles):
    html = admin_client_.get(reverse("cms_reviews_due")).content.decode()
    article = articles["overdue"]
    link = reverse("wagtailadmin_pages:edit", args=[article.pk]) + "#" + REVIEW_FIELDS_ANCHOR
    assert f'href="{link}"' in html
    # The anchor is the section holding the reviewer and both dates on the edit page.
    edit = admin_client_.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    section = edit[edit.index(f'id="{REVIEW_FIELDS_ANCHOR}"') :]
    section = section[: section.index("</section>")]
    for field in ("medical_reviewer", "last_reviewed", "next_review_due"):
        assert f'name="{field}"' in section


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("", ["Overdue article", "Overdue for B", "Due soon"]),
        ("-next_review_due", ["Due soon", "Overdue for B", "Overdue article"]),
        ("title", ["Due soon", "Overdue article", "Overdue for B"]),
        ("-medical_reviewer__name", ["Overdue for B", "Due soon", "Overdue article"]),  # ties by title
    ],
)
def test_report_sorts_by_its_columns(admin_client_, articles, ordering, expected):
    html = admin_client_.get(reverse("cms_reviews_due"), {"ordering": ordering}).content.decode()
    assert _titles(html) == expected


def test_report_filters_by_status(admin_client_, articles, make_article):
    make_article(title="Never scheduled", next_review_due=None)
    url = reverse("cms_reviews_due")
    assert _titles(admin_client_.get(url, {"urgency": OVERDUE}).content.decode()) == [
        "Overdue article",
        "Overdue for B",
    ]
    assert _titles(admin_client_.get(url, {"urgency": DUE_SOON}).content.decode()) == ["Due soon"]
    assert _titles(admin_client_.get(url, {"urgency": UNSCHEDULED}).content.decode()) == ["Never scheduled"]


def test_export_says_status_and_what_to_do(admin_client_, articles):
    response = admin_client_.get(reverse("cms_reviews_due"), {"export": "csv", "urgency": OVERDUE})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == [
        "Title",
        "Medical reviewer",
        "Last reviewed",
        "Next review due",
        "Status",
        "What to do",
    ]
    assert [row[0] for row in rows[1:]] == ["Overdue article", "Overdue for B"]
    assert rows[1][4] == "Overdue by 10 day(s)" and rows[1][5].startswith("Review now")
