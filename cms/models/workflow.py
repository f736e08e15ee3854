"""The clinical review task: a group approval task that will not approve an
article that breaks the publication rules, and says what approving does."""

from __future__ import annotations

from wagtail.models import AbstractGroupApprovalTask, Task

APPROVE_LABELS = {
    # Wagtail's two "approve" actions (plain, and with a comment in a modal),
    # relabelled when approving is the workflow's last step and so publishes.
    False: "Approve and publish",
    True: "Approve and publish with comment",
}


class ClinicalReviewTask(AbstractGroupApprovalTask):
    """Members of the task's groups (Clinical reviewers) approve or request
    changes. "Approve" is offered only once the latest draft has a medical
    reviewer and a review date, so approval never fails half-way through
    publishing; until then the article editor tells reviewers what is missing
    (cms.review_views) and they can add it or request changes."""

    def approval_blockers(self, obj) -> dict[str, str]:
        """Field -> message for each publication rule the latest draft breaks
        (empty when approving can publish it).

        Building the latest draft costs about ten queries and Wagtail asks for
        the actions several times per page, so the answer is kept on `obj`
        for its latest revision (as Wagtail keeps group checks on the user)."""
        cache = obj.__dict__.setdefault("_clinical_review_blockers", {})
        key = getattr(obj, "latest_revision_id", None)
        if key not in cache:
            latest = (
                obj.get_latest_revision_as_object() if hasattr(obj, "get_latest_revision_as_object") else obj
            )
            check = getattr(latest, "publication_errors", None)
            cache[key] = check() if check is not None else {}
        return cache[key]

    def publishes_on_approval(self, obj) -> bool:
        """True when no active step follows this one in the object's workflow,
        so approving publishes (Wagtail publishes when a workflow finishes)."""
        state = getattr(obj, "current_workflow_state", None)
        if state is None:
            return True
        last_task_id = (
            Task.objects.filter(workflow_tasks__workflow=state.workflow_id, active=True)
            .order_by("-workflow_tasks__sort_order")
            .values_list("pk", flat=True)
            .first()
        )
        return last_task_id in (None, self.pk)

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions:
            return actions
        if self.approval_blockers(obj):
            return [action for action in actions if action[0] != "approve"]
        if not self.publishes_on_approval(obj):
            return actions
        return [
            (name, APPROVE_LABELS[modal], modal) if name == "approve" else (name, label, modal)
            for name, label, modal in actions
        ]

    @classmethod
    def get_description(cls):
        return "Clinical reviewers approve (publishing) or request changes; articles need a medical reviewer."

    class Meta:
        verbose_name = "clinical review task"
