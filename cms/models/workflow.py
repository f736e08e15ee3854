"""The clinical review task: a group approval task that will not approve an
article that breaks the publication rules."""

from __future__ import annotations

from wagtail.models import AbstractGroupApprovalTask


class ClinicalReviewTask(AbstractGroupApprovalTask):
    """Members of the task's groups (Clinical reviewers) approve or request
    changes. "Approve" is offered only once the latest draft has a medical
    reviewer and a review date, so approval never fails half-way through
    publishing; until then reviewers can add them in the editor or request
    changes."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        latest = obj.get_latest_revision_as_object() if hasattr(obj, "get_latest_revision_as_object") else obj
        check = getattr(latest, "publication_errors", None)
        if check is not None and check():
            actions = [action for action in actions if action[0] != "approve"]
        return actions

    @classmethod
    def get_description(cls):
        return "Clinical reviewers approve (publishing) or request changes; articles need a medical reviewer."

    class Meta:
        verbose_name = "clinical review task"
