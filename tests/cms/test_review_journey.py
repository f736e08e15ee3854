"""The clinical review journey through Wagtail's real admin views: what an
editor and a reviewer are told at each step, and that the words never
contradict what happened (issue 13)."""

import datetime as dt
import html
import json

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import WorkflowState

from cms.models import ArticlePage
from cms.review_views import ArticleEditView

pytestmark = pytest.mark.django_db

NOT_SUBMITTED_ALL_THREE = (
    "add a medical reviewer, the date it was last reviewed and the date its next review is due"
)


def _form_data(article=None, **extra):
    """The article editor's POST, as the browser sends it."""
    data = {
        "title": article.title if article else "New article",
        "slug": article.slug if article else "new-article",
        "standfirst": article.standfirst if article else "",
        "body-count": "0",
        "tags": "",
        "author": "",
        "medical_reviewer": (article.medical_reviewer_id or "") if article else "",
        "last_reviewed": article.last_reviewed.isoformat() if article and article.last_reviewed else "",
        "next_review_due": article.next_review_due.isoformat() if article and article.next_review_due else "",
    }
    for formset in ("related_links", "comments"):
        data.update(
            {
                f"{formset}-TOTAL_FORMS": "0",
                f"{formset}-INITIAL_FORMS": "0",
                f"{formset}-MIN_NUM_FORMS": "0",
                f"{formset}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(extra)
    return data


def _messages(response) -> list[tuple[str, str]]:
    """(level, text) of every message this request left for the user, as
    read on screen (Wagtail renders messages to HTML)."""
    return [
        (message.level_tag, " ".join(html.unescape(strip_tags(str(message.message))).split()))
        for message in get_messages(response.wsgi_request)
    ]


def _texts(response, level: str) -> list[str]:
    return [text for message_level, text in _messages(response) if message_level == level]


def _edit_url(article) -> str:
    return reverse("wagtailadmin_pages:edit", args=[article.pk])


def _workflow_state(article) -> WorkflowState | None:
    return WorkflowState.objects.filter(object_id=str(article.pk)).order_by("-created_at").first()


def _submit(article, user):
    article.get_workflow().start(article, user)
    article.refresh_from_db()
    return article.current_workflow_state.current_task_state


# --- submitting ---------------------------------------------------------------


def test_submitting_without_review_fields_is_refused_naming_all_three(
    client, editor, reviewed_tree, make_article
):
    article = make_article(title="Incomplete", reviewed=False, publish=False)
    client.force_login(editor)

    response = client.post(_edit_url(article), _form_data(article, **{"action-submit": "Submit"}))

    assert response.status_code == 200
    assert _workflow_state(article) is None
    [error] = _texts(response, "error")
    assert "'Incomplete' was not submitted for clinical review." in error
    assert NOT_SUBMITTED_ALL_THREE in error
    assert "could not be saved" not in error
    assert not _texts(response, "success")
    content = response.content.decode()
    assert "Needed to submit for clinical review: a medical reviewer." in content
    assert "could not be saved" not in content and content.count("was not submitted for clinical review") == 1
    # No "Saved" badge beside the refusal (the editor shows one otherwise).
    assert "w-autosave-indicator" not in content
    assert "w-autosave-indicator" in client.get(_edit_url(article)).content.decode()


def test_submitting_names_only_what_is_missing(client, editor, reviewed_tree, make_article, person_factory):
    article = make_article(title="Almost", reviewed=False, publish=False)
    client.force_login(editor)
    data = _form_data(
        article,
        medical_reviewer=person_factory().pk,
        last_reviewed="2026-01-01",
        **{"action-submit": "Submit"},
    )

    response = client.post(_edit_url(article), data)

    [error] = _texts(response, "error")
    assert (
        "Not submitted for clinical review: add the date its next review is due, then submit again." in error
    )
    assert "add a medical reviewer" not in error
    assert error.count("Needed to submit for clinical review") == 1  # the one field error
    assert _workflow_state(article) is None


def test_saving_a_draft_without_review_fields_still_works(client, editor, reviewed_tree, make_article):
    article = make_article(title="Draft", reviewed=False, publish=False)
    client.force_login(editor)

    response = client.post(_edit_url(article), _form_data(article, title="Draft, second go"))

    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object().title == "Draft, second go"
    assert _messages(response) == [("success", "'Draft, second go' has been saved as a draft.")]
    assert _workflow_state(article) is None


def test_complete_submission_starts_clinical_review_and_says_so(client, editor, reviewed_tree, make_article):
    article = make_article(title="Complete", publish=False)
    client.force_login(editor)

    response = client.post(_edit_url(article), _form_data(article, **{"action-submit": "Submit"}))

    assert response.status_code == 302
    assert _workflow_state(article).status == WorkflowState.STATUS_IN_PROGRESS
    [success] = _texts(response, "success")
    assert "'Complete' has been submitted for clinical review." in success
    assert "moderation" not in success
    assert not _texts(response, "error")


def test_creating_and_submitting_incomplete_is_refused_and_creates_nothing(client, editor, reviewed_tree):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["cms", "articlepage", reviewed_tree.pk])

    response = client.post(url, _form_data(**{"action-submit": "Submit"}))

    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="new-article").exists()
    [error] = _texts(response, "error")
    assert "'New article' was not submitted for clinical review." in error
    assert NOT_SUBMITTED_ALL_THREE in error


def test_creating_and_submitting_complete_says_clinical_review(client, editor, reviewed_tree, person_factory):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["cms", "articlepage", reviewed_tree.pk])
    data = _form_data(
        medical_reviewer=person_factory().pk,
        last_reviewed="2026-01-01",
        next_review_due="2027-01-01",
        **{"action-submit": "Submit"},
    )

    response = client.post(url, data)

    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="new-article")
    assert _workflow_state(article).status == WorkflowState.STATUS_IN_PROGRESS
    [success] = _texts(response, "success")
    assert "has been submitted for clinical review" in success


# --- the reviewer -------------------------------------------------------------


def test_reviewer_is_told_what_approving_does(client, editor, reviewer, reviewed_tree, make_article):
    article = make_article(title="Ready", publish=False)
    task_state = _submit(article, editor)
    task = task_state.task.specific
    labels = [label for name, label, _modal in task.get_actions(article, reviewer) if name == "approve"]
    assert labels == ["Approve and publish", "Approve and publish with comment"]

    client.force_login(reviewer)
    response = client.get(_edit_url(article))

    assert response.status_code == 200
    [info] = _texts(response, "info")
    assert "'Approve and publish' publishes it at once" in info
    assert not _texts(response, "warning") and not _texts(response, "error")


def test_reviewer_is_told_what_approval_still_needs(client, editor, reviewer, reviewed_tree, make_article):
    # Sent to review before submission was held to the review fields.
    article = make_article(title="Legacy", reviewed=False, publish=False)
    _submit(article, editor)
    client.force_login(reviewer)

    response = client.get(_edit_url(article))

    [warning] = _texts(response, "warning")
    assert "approving needs a medical reviewer and the date it was last reviewed" in warning
    assert "press 'Save draft'" in warning
    assert not _texts(response, "info")


def test_approving_in_the_editor_publishes_and_says_approved_and_published(
    client, editor, reviewer, reviewed_tree, make_article
):
    article = make_article(title="Approve me", publish=False)
    _submit(article, editor)
    client.force_login(reviewer)
    data = _form_data(
        article,
        **{
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": "{}",
        },
    )

    response = client.post(_edit_url(article), data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live and not article.has_unpublished_changes
    assert _workflow_state(article).status == WorkflowState.STATUS_APPROVED
    assert _messages(response) == [("success", "'Approve me' has been approved and published.")]


def test_requesting_changes_in_the_editor_says_changes_requested(
    client, editor, reviewer, reviewed_tree, make_article
):
    article = make_article(title="Not yet", publish=False)
    _submit(article, editor)
    client.force_login(reviewer)
    data = _form_data(
        article,
        **{
            "action-workflow-action": "true",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": json.dumps({"comment": "Cite the 2024 guidance."}),
        },
    )

    response = client.post(_edit_url(article), data)

    assert response.status_code == 302
    assert _workflow_state(article).status == WorkflowState.STATUS_NEEDS_CHANGES
    [(level, text)] = _messages(response)
    assert level == "success" and text.startswith("Changes requested on 'Not yet'")
    article.refresh_from_db()
    assert not article.live


def test_approving_from_the_dashboard_publishes_and_says_so(
    client, editor, reviewer, reviewed_tree, make_article
):
    article = make_article(title="From the dashboard", publish=False)
    task_state = _submit(article, editor)
    client.force_login(reviewer)

    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk]),
        {"comment": "Checked."},
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
    assert _texts(response, "success") == ["'From the dashboard' has been approved and published."]


def test_approving_from_the_dashboard_when_blocked_sends_the_reviewer_to_the_fields(
    client, editor, reviewer, reviewed_tree, make_article
):
    article = make_article(title="Blocked", reviewed=False, publish=False)
    task_state = _submit(article, editor)
    client.force_login(reviewer)

    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk]),
        {"comment": ""},
    )

    assert response.status_code == 302
    assert response.url == _edit_url(article)
    [error] = _texts(response, "error")
    assert (
        "'Blocked' was not approved: it needs a medical reviewer and the date it was last reviewed." in error
    )
    article.refresh_from_db()
    assert not article.live
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS


def test_reviewer_fills_in_saves_then_approval_publishes(
    client, editor, reviewer, reviewed_tree, make_article, person_factory
):
    """The journey the warning describes works as it says."""
    article = make_article(title="Fill in", reviewed=False, publish=False)
    _submit(article, editor)
    client.force_login(reviewer)
    filled = _form_data(
        article,
        medical_reviewer=person_factory().pk,
        last_reviewed="2026-01-01",
        next_review_due="2027-01-01",
    )

    saved = client.post(_edit_url(article), filled)
    assert saved.status_code == 302
    assert _texts(saved, "success") == ["'Fill in' has been saved as a draft."]
    assert "approving needs" not in " ".join(_texts(client.get(_edit_url(article)), "warning"))

    approved = client.post(
        _edit_url(article),
        {**filled, "action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    assert approved.status_code == 302
    article.refresh_from_db()
    assert article.live and article.last_reviewed == dt.date(2026, 1, 1)


# --- every state, read together ------------------------------------------------


def _states_journey(client, editor, reviewer, article):
    """Walk one article through draft, in review, changes requested, in review
    again and approved; yield (state, who, messages on opening the editor).
    Each action follows its redirect, as a browser does, so its message is
    shown there and does not carry over into the next page opened."""

    def opened(user):
        client.force_login(user)
        response = client.get(_edit_url(article))
        assert response.status_code == 200
        return _messages(response)

    def act(user, url, data):
        client.force_login(user)
        assert client.post(url, data, follow=True).status_code == 200

    def task_action_url(action):
        task_state = ArticlePage.objects.get(pk=article.pk).current_workflow_task_state
        return reverse("wagtailadmin_pages:workflow_action", args=[article.pk, action, task_state.pk])

    yield "draft", "editor", opened(editor)
    act(editor, _edit_url(article), _form_data(article, **{"action-submit": "Submit"}))
    yield "in review", "editor", opened(editor)
    yield "in review", "reviewer", opened(reviewer)
    act(reviewer, task_action_url("reject"), {"comment": "More detail, please."})
    yield "changes requested", "editor", opened(editor)
    yield "changes requested", "reviewer", opened(reviewer)
    act(editor, _edit_url(article), _form_data(article, **{"action-submit": "Resubmit"}))
    act(reviewer, task_action_url("approve"), {})
    yield "published", "editor", opened(editor)
    yield "published", "reviewer", opened(reviewer)


def test_no_state_shows_messages_that_contradict_each_other(
    client, editor, reviewer, reviewed_tree, make_article
):
    article = make_article(title="Every state", publish=False)
    seen = {(state, who): shown for state, who, shown in _states_journey(client, editor, reviewer, article)}

    for (state, who), shown in seen.items():
        levels = {level for level, _text in shown}
        text = " ".join(message for _level, message in shown)
        # Good news and bad news never share a page, nor do generic and specific words.
        assert not ({"success", "error"} <= levels), (state, who, shown)
        assert "could not be saved" not in text, (state, who, shown)
        assert "moderation" not in text, (state, who, shown)

    assert seen["draft", "editor"] == []
    # The editor is told the article is waiting for someone else, nothing more.
    assert seen["in review", "editor"] == [
        (
            "warning",
            "'Every state' is in clinical review: a clinical reviewer will approve and publish it, "
            "or request changes. Until then only clinical reviewers can edit it.",
        )
    ]
    assert [level for level, _ in seen["in review", "reviewer"]] == ["info"]
    assert "'Approve and publish' publishes it at once" in seen["in review", "reviewer"][0][1]
    assert seen["changes requested", "editor"] == [
        (
            "info",
            "Changes requested on 'Every state': read the reviewer's comment under Status, "
            "make the changes, then resubmit it for clinical review.",
        )
    ]
    # The reviewer has nothing to do while the editor works on the changes.
    assert seen["changes requested", "reviewer"] == []
    assert seen["published", "editor"] == [] and seen["published", "reviewer"] == []
    assert ArticlePage.objects.get(pk=article.pk).live


def test_reviewer_note_costs_a_few_queries(
    client, editor, reviewer, reviewed_tree, make_article, monkeypatch
):
    """The note on the reviewer's editor (what approval needs and does) adds
    a handful of queries to the page, not one per block or per revision."""
    article = make_article(title="Budget", publish=False)
    _submit(article, editor)
    client.force_login(reviewer)
    client.get(_edit_url(article))  # warm per-process caches (content types, site root)

    with monkeypatch.context() as patched:
        patched.setattr(ArticleEditView, "explain_review_state", lambda self: None)
        with CaptureQueriesContext(connection) as without_note:
            assert "Clinical review:" not in client.get(_edit_url(article)).content.decode()
    with CaptureQueriesContext(connection) as with_note:
        assert "Clinical review:" in client.get(_edit_url(article)).content.decode()

    # The task state, its task, the workflow's last step, and the latest
    # draft's check (which the action menu then reuses).
    assert len(with_note) - len(without_note) <= 6


def test_approval_checks_cost_nothing_for_people_who_cannot_review(
    editor, reviewed_tree, make_article, django_assert_max_num_queries
):
    article = make_article(title="Not yours", publish=False)
    task = _submit(article, editor).task.specific

    with django_assert_max_num_queries(1):  # the group membership check only
        assert task.get_actions(article, editor) == []
