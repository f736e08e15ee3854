"""Who may do what with webhooks in the admin.

Endpoints use Django's model permissions as they are. The delivery log is
written by the system, never by hand: nobody adds or edits a delivery
(viewing, deleting and "send again", a permission of its own, stay
grantable). Registered in `ApiConfig.ready()`, before Wagtail would make a
fallback policy for the model.
"""

from __future__ import annotations

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from api.models import WebhookDelivery

RESEND_PERMISSION = "api.resend_webhookdelivery"


class DeliveryLogPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)


def register() -> None:
    register_permission_policy(WebhookDelivery, DeliveryLogPermissionPolicy(WebhookDelivery))


def user_can_resend(user) -> bool:
    return user.has_perm(RESEND_PERMISSION)
