"""Reader feedback through the API: `POST /api/v1/articles/{slug}/feedback/`
for everyone, `GET` (the figures) for editors only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.feedback import EMAIL_REMOVED, PHONE_REMOVED
from cms.models import ArticleFeedback

pytestmark = pytest.mark.django_db


def url(slug: str = "facts") -> str:
    return f"/api/v1/articles/{slug}/feedback/"


@pytest.fixture
def article(make_article):
    return make_article(title="Facts", slug="facts")


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


# --- POST: anyone ---


def test_an_answer_is_stored(api_client, article):
    response = api_client.post(
        url(), {"helpful": False, "reason": "out_of_date", "comment": "Old."}, format="json"
    )
    assert response.status_code == 201
    assert response.json() == {"status": "received", "detail": "Thank you for your feedback."}
    assert response["Cache-Control"] == "private, no-store"
    answer = ArticleFeedback.objects.get()
    assert (answer.article_id, answer.helpful, answer.reason, answer.comment) == (
        article.pk,
        False,
        "out_of_date",
        "Old.",
    )


def test_only_helpful_is_required(api_client, article):
    assert api_client.post(url(), {"helpful": True}, format="json").status_code == 201
    answer = ArticleFeedback.objects.get()
    assert (answer.helpful, answer.reason, answer.comment) == (True, "", "")


def test_nothing_about_the_client_is_stored(api_client, article, django_user_model):
    # The row has no column that could hold an address, an agent or a person.
    fields = {field.name for field in ArticleFeedback._meta.get_fields()}
    assert fields == {"id", "article", "helpful", "reason", "comment", "created_at"}
    # A signed-in editor's answer is as anonymous as anyone's: no authentication runs.
    staff = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    api_client.force_login(staff)
    response = api_client.post(
        url(), {"helpful": True}, format="json", REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Agent/1.0"
    )
    assert response.status_code == 201
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM cms_articlefeedback")
        row = " ".join(str(value) for value in cursor.fetchone())
    assert "203.0.113.7" not in row
    assert "Agent" not in row


def test_phone_numbers_and_emails_are_removed_from_the_comment(api_client, article):
    comment = "Call me on 07700 900123 or +1 415 555 0100, or write to sam.smith+k@example.co.uk. Ta"
    response = api_client.post(url(), {"helpful": False, "comment": comment}, format="json")
    assert response.status_code == 201
    stored = ArticleFeedback.objects.get().comment
    assert stored == f"Call me on {PHONE_REMOVED} or {PHONE_REMOVED}, or write to {EMAIL_REMOVED}. Ta"


def test_the_comment_is_encrypted_at_rest(api_client, article):
    api_client.post(url(), {"helpful": False, "comment": "The dosage table is confusing"}, format="json")
    with connection.cursor() as cursor:
        cursor.execute("SELECT comment FROM cms_articlefeedback")
        (raw,) = cursor.fetchone()
    assert "dosage" not in raw
    assert ArticleFeedback.objects.get().comment == "The dosage table is confusing"


@pytest.mark.parametrize(
    ("body", "field", "code"),
    [
        ({}, "helpful", "required"),
        ({"helpful": "yes"}, "helpful", "invalid"),
        ({"helpful": 1}, "helpful", "invalid"),
        ({"helpful": True, "reason": "boring"}, "reason", "invalid_choice"),
        ({"helpful": True, "comment": "x" * 501}, "comment", "max_length"),
    ],
)
def test_invalid_answers_are_problems(api_client, article, body, field, code):
    response = api_client.post(url(), body, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == "invalid"
    assert {"field": field, "code": code} == {key: problem["errors"][0][key] for key in ("field", "code")}
    assert not ArticleFeedback.objects.exists()


def test_a_comment_at_the_limit_is_kept_within_it(api_client, article):
    # Markers are longer than some numbers: the stored text still fits.
    comment = ("ring 0300 123 6600 " * 30)[:500]
    assert api_client.post(url(), {"helpful": False, "comment": comment}, format="json").status_code == 201
    stored = ArticleFeedback.objects.get().comment
    assert len(stored) <= 500
    assert "6600" not in stored


def test_form_encoded_bodies_are_refused(api_client, article):
    response = api_client.post(url(), {"helpful": "true"})
    assert response.status_code == 415
    assert response["Content-Type"] == "application/problem+json"


def test_unknown_article_is_a_404_problem(api_client, article):
    response = api_client.post(url("no-such-article"), {"helpful": True}, format="json")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "not_found"


def test_draft_and_private_articles_take_no_answers(api_client, make_article):
    make_article(title="Draft", slug="draft", publish=False)
    private = make_article(title="Private", slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")  # noqa: S106
    for slug in ("draft", "private"):
        assert api_client.post(url(slug), {"helpful": True}, format="json").status_code == 404
    assert not ArticleFeedback.objects.exists()


def test_throttled_per_client(api_client, article, settings):
    settings.API_FEEDBACK_THROTTLE_RATE = "2/minute"
    for _ in range(2):
        assert api_client.post(url(), {"helpful": True}, format="json").status_code == 201
    response = api_client.post(url(), {"helpful": True}, format="json")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "throttled"
    assert ArticleFeedback.objects.count() == 2
    other = api_client.post(url(), {"helpful": True}, format="json", REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 201


def test_post_runs_a_bounded_number_of_queries(api_client, article, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):  # the article, the insert (and a savepoint at most)
        response = api_client.post(url(), {"helpful": True}, format="json")
    assert response.status_code == 201


# --- GET: editors only ---


def test_the_public_cannot_read_the_figures(api_client, article):
    response = api_client.get(url())
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"


def test_a_user_without_the_permission_cannot_read_the_figures(api_client, article, django_user_model):
    user = django_user_model.objects.create_user("someone", "someone@example.org", "pw")
    user.groups.add(Group.objects.get(name="Admissions"))
    api_client.force_login(user)
    assert api_client.get(url()).status_code == 403


def test_editors_read_the_figures(api_client, article, editor, django_assert_max_num_queries):
    now = timezone.now()
    answers = [
        (True, "answered", "", now),
        (False, "out_of_date", "Dose advice is old", now - dt.timedelta(days=8)),
        (False, "out_of_date", "", now - dt.timedelta(days=8)),
        (True, "", "Clear, thanks", now - dt.timedelta(days=200)),  # older than 12 weeks
    ]
    for helpful, reason, comment, created_at in answers:
        row = ArticleFeedback.objects.create(article=article, helpful=helpful, reason=reason, comment=comment)
        ArticleFeedback.objects.filter(pk=row.pk).update(created_at=created_at)
    api_client.force_login(editor)
    with django_assert_max_num_queries(12):
        response = api_client.get(url())
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    data = response.json()
    assert data["article"] == {"id": article.pk, "slug": "facts", "title": "Facts"}
    assert (data["total"], data["helpful"], data["not_helpful"], data["helpful_share"]) == (4, 2, 2, 0.5)
    assert len(data["weeks"]) == 12
    assert sum(week["helpful"] + week["not_helpful"] for week in data["weeks"]) == 3
    assert (
        data["weeks"][-1]["week_start"]
        == (timezone.localdate() - dt.timedelta(days=timezone.localdate().weekday())).isoformat()
    )
    assert data["reasons"][0] == {"reason": "out_of_date", "label": "Out of date or wrong", "count": 2}
    assert [c["comment"] for c in data["latest_comments"]] == ["Dose advice is old", "Clear, thanks"]


def test_editors_read_figures_of_an_unpublished_article(api_client, make_article, editor):
    draft = make_article(title="Draft", slug="draft", publish=False)
    ArticleFeedback.objects.create(article=draft, helpful=False)
    api_client.force_login(editor)
    response = api_client.get(url("draft"))
    assert response.status_code == 200
    assert response.json()["total"] == 1
