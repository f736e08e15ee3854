"""The "Clinical review" workflow and the "Clinical reviewers" group.

Articles under a topic index go draft -> clinical review -> published: editors
submit, a member of "Clinical reviewers" approves (which publishes) or asks
for changes. Used by a data migration (with historical models) and by
`load_demo_content` (with the real ones), so it only uses `apps.get_model`.
"""

from __future__ import annotations

from django.apps import apps as global_apps

WORKFLOW_NAME = "Clinical review"
TASK_NAME = "Clinical review"
GROUP_NAME = "Clinical reviewers"

# Reviewers edit and publish within the topic tree; publishing an article
# still needs its medical reviewer and review date (ArticlePage.clean).
REVIEWER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")

ADMISSIONS_GROUP_NAME = "Admissions"
# Model permissions per group: (app_label, model, codename). "view" is what
# Wagtail's snippet choosers need, so editors can pick authors and helplines.
GROUP_MODEL_PERMISSIONS = {
    "Editors": [
        ("cms", "person", "view_person"),
        ("cms", "helpline", "view_helpline"),
        # SMS question types and their example questions (answers are topics' content).
        ("cms", "smsintent", "view_smsintent"),
        ("cms", "smsintent", "add_smsintent"),
        ("cms", "smsintent", "change_smsintent"),
        ("cms", "articlefeedback", "view_articlefeedback"),
    ],
    GROUP_NAME: [
        ("cms", "smsintent", "view_smsintent"),
        ("cms", "articlefeedback", "view_articlefeedback"),
        ("cms", "person", "view_person"),
        ("cms", "person", "add_person"),
        ("cms", "person", "change_person"),
        ("cms", "helpline", "view_helpline"),
    ],
    # The admissions team works the callback queue and nothing else.
    ADMISSIONS_GROUP_NAME: [
        ("cms", "callbackrequest", "view_callbackrequest"),
        ("cms", "callbackrequest", "change_callbackrequest"),
    ],
}


def _permission(apps, *, app_label: str, model: str, codename: str, name: str):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = permission_model.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def clinical_review_ensure(*, apps=global_apps):
    """Create (once) the reviewers group, the group approval task and the
    workflow, and assign the workflow to every topic index. Returns the workflow."""
    group_model = apps.get_model("auth", "Group")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    task_model = apps.get_model("cms", "ClinicalReviewTask")
    workflow_task_model = apps.get_model("wagtailcore", "WorkflowTask")

    group, _ = group_model.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(
        _permission(
            apps,
            app_label="wagtailadmin",
            model="admin",
            codename="access_admin",
            name="Can access Wagtail admin",
        )
    )

    task = task_model.objects.filter(name=TASK_NAME).first()
    if task is None:
        # Historical models do not set the polymorphic content type themselves.
        task_type, _ = content_type_model.objects.get_or_create(app_label="cms", model="clinicalreviewtask")
        task = task_model.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(group)

    workflow, _ = workflow_model.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    # Databases migrated before ClinicalReviewTask existed have a plain group
    # approval task of the same name in this workflow: replace it (only it:
    # steps an admin added to the workflow stay).
    superseded = workflow_task_model.objects.filter(workflow=workflow, task__name=TASK_NAME)
    for old in superseded.exclude(task_id=task.pk):
        apps.get_model("wagtailcore", "Task").objects.filter(pk=old.task_id).update(active=False)
        old.delete()
    workflow_task_model.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    for topic_index in apps.get_model("cms", "TopicIndexPage").objects.all():
        clinical_review_assign(page_id=topic_index.pk, apps=apps)
    return workflow


def staff_groups_ensure(*, apps=global_apps) -> None:
    """Give the editors, clinical reviewers and admissions groups the model
    permissions they need in the admin (creating the groups if missing)."""
    group_model = apps.get_model("auth", "Group")
    access_admin = _permission(
        apps,
        app_label="wagtailadmin",
        model="admin",
        codename="access_admin",
        name="Can access Wagtail admin",
    )
    for group_name, permissions in GROUP_MODEL_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=group_name)
        group.permissions.add(access_admin)
        for app_label, model, codename in permissions:
            group.permissions.add(
                _permission(apps, app_label=app_label, model=model, codename=codename, name=codename)
            )


def clinical_review_assign(*, page_id: int, apps=global_apps) -> None:
    """Put the page's subtree (a topic index) under the workflow and give the
    reviewers group its page permissions there. Idempotent."""
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    workflow_page_model = apps.get_model("wagtailcore", "WorkflowPage")
    group_page_permission_model = apps.get_model("wagtailcore", "GroupPagePermission")
    group = apps.get_model("auth", "Group").objects.get(name=GROUP_NAME)

    workflow = workflow_model.objects.get(name=WORKFLOW_NAME)
    workflow_page_model.objects.update_or_create(page_id=page_id, defaults={"workflow": workflow})
    for codename in REVIEWER_PAGE_PERMISSIONS:
        permission = _permission(
            apps, app_label="wagtailcore", model="page", codename=codename, name=codename.replace("_", " ")
        )
        group_page_permission_model.objects.get_or_create(group=group, page_id=page_id, permission=permission)
