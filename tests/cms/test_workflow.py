"""Clinical review workflow: editors cannot publish, reviewers approve."""

import datetime as dt

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from cms.models import ArticlePage, ClinicalReviewTask
from cms.workflow import GROUP_NAME, WORKFLOW_NAME

pytestmark = pytest.mark.django_db


def _post_data(article, **extra):
    data = {
        "title": article.title,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "body-count": "0",
        "related_links-TOTAL_FORMS": "0",
        "related_links-INITIAL_FORMS": "0",
        "related_links-MIN_NUM_FORMS": "0",
        "related_links-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "tags": "",
        "author": article.author_id or "",
        "medical_reviewer": article.medical_reviewer_id or "",
        "last_reviewed": article.last_reviewed.isoformat() if article.last_reviewed else "",
        "next_review_due": article.next_review_due.isoformat() if article.next_review_due else "",
    }
    data.update(extra)
    return data


def test_migration_created_workflow_with_reviewers_group_task(reviewed_tree, make_article):
    article = make_article(title="Under review", publish=False)
    workflow = article.get_workflow()
    assert workflow is not None and workflow.name == WORKFLOW_NAME
    task = workflow.tasks.get().specific
    assert isinstance(task, ClinicalReviewTask)
    assert [g.name for g in task.groups.all()] == [GROUP_NAME]


def test_editor_cannot_publish_directly_but_can_submit_for_review(
    client, editor, reviewed_tree, make_article
):
    article = make_article(title="Needs review", publish=False)
    assert not article.permissions_for_user(editor).can_publish()

    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    response = client.post(url, _post_data(article, **{"action-publish": "Publish"}))
    assert response.status_code in (302, 200)
    article.refresh_from_db()
    assert not article.live, "an editor's publish button must not publish"

    response = client.post(url, _post_data(article, **{"action-submit": "Submit"}))
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME
    article.refresh_from_db()
    assert not article.live


def test_reviewer_approval_publishes(client, editor, reviewer, reviewed_tree, make_article):
    article = make_article(title="Approve me", publish=False)
    assert article.permissions_for_user(reviewer).can_publish()
    article.get_workflow().start(article, editor)
    state = article.current_workflow_state
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(article, reviewer)
    assert not task_state.task.specific.user_can_access_editor(article, editor)

    client.force_login(reviewer)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[article.pk, "approve", task_state.pk],
        ),
        {"comment": "Checked against the evidence."},
    )
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_publish_button_shows_reviewer_errors(client, django_user_model, reviewed_tree, make_article):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    article = make_article(title="No reviewer yet", reviewed=False, publish=False)
    client.force_login(admin)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        _post_data(article, **{"action-publish": "Publish"}),
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "An article cannot be published without a medical reviewer." in content
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_reviewers_group_can_only_act_within_topic_tree(reviewer, reviewed_tree, home_page):
    assert not Page.objects.get(pk=home_page.pk).permissions_for_user(reviewer).can_publish()


def test_approve_not_offered_until_article_has_reviewer(
    client, editor, reviewer, reviewed_tree, make_article, person_factory
):
    article = make_article(title="Missing reviewer", reviewed=False, publish=False)
    article.get_workflow().start(article, editor)
    task_state = article.current_workflow_state.current_task_state
    task = task_state.task.specific
    assert [name for name, *_ in task.get_actions(article, reviewer)] == ["reject"]

    client.force_login(reviewer)
    url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code == 302  # refused: Wagtail redirects with a permission message
    article.refresh_from_db()
    assert not article.live

    # The reviewer records the clinical review in a new draft; now approval is offered and publishes.
    draft = article.get_latest_revision_as_object()
    draft.medical_reviewer = person_factory()
    draft.last_reviewed = dt.date(2026, 1, 1)
    draft.save_revision(user=reviewer)
    article.refresh_from_db()
    assert "approve" in [name for name, *_ in task.get_actions(article, reviewer)]
    client.post(url, {"comment": "Reviewed."})
    article.refresh_from_db()
    assert article.live and article.medical_reviewer is not None


def test_ensure_keeps_steps_an_admin_added_to_the_workflow(reviewed_tree):
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    from cms.workflow import clinical_review_ensure

    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    sign_off = GroupApprovalTask.objects.create(name="Legal sign-off")
    WorkflowTask.objects.create(workflow=workflow, task=sign_off, sort_order=1)

    clinical_review_ensure()  # as load_demo_content does on every run

    assert [t.specific.__class__ for t in workflow.tasks.order_by("workflow_tasks__sort_order")] == [
        ClinicalReviewTask,
        GroupApprovalTask,
    ]
    sign_off.refresh_from_db()
    assert sign_off.active


def test_ensure_replaces_the_superseded_plain_task_of_the_same_name(reviewed_tree):
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    from cms.workflow import TASK_NAME, clinical_review_ensure

    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    old = GroupApprovalTask.objects.create(name=TASK_NAME)
    WorkflowTask.objects.create(workflow=workflow, task=old, sort_order=1)

    clinical_review_ensure()

    assert [t.specific.__class__ for t in workflow.tasks.all()] == [ClinicalReviewTask]
    old.refresh_from_db()
    assert not old.active
