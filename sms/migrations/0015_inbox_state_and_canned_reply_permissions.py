"""The inbox's starting state for conversations that exist already, and who
manages canned replies.

- Each sender's `last_text_at` is their latest text. A conversation is open
  when it has an unhandled crisis follow-up or an unhandled flagged text
  (what staff had still to look at); the others are marked handled, so the
  inbox does not start with every past texter in it.
- Editors and Moderators manage canned replies (like the other SMS
  content); SMS helpline staff may view them.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Exists, Max, OuterRef

CANNED_REPLY_PERMISSIONS = [f"{action}_cannedreply" for action in ("add", "change", "delete", "view")]


def forwards(apps, schema_editor):
    Sender = apps.get_model("sms", "Sender")
    InboundMessage = apps.get_model("sms", "InboundMessage")
    FollowUp = apps.get_model("sms", "FollowUp")
    for sender_id, latest in (
        InboundMessage.objects.values("sender_id").annotate(latest=Max("received_at")).values_list("sender_id", "latest")
    ):
        Sender.objects.filter(pk=sender_id).update(last_text_at=latest)
    open_follow_up = FollowUp.objects.filter(sender=OuterRef("pk"), handled_at__isnull=True)
    flagged = InboundMessage.objects.filter(sender=OuterRef("pk"), needs_follow_up=True, handled_at__isnull=True)
    Sender.objects.exclude(Exists(open_follow_up) | Exists(flagged)).update(status="handled")

    app_config = apps.get_app_config("sms")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    canned = Permission.objects.filter(content_type__app_label="sms", codename__in=CANNED_REPLY_PERMISSIONS)
    for name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(*canned)
    staff = Group.objects.filter(name="SMS helpline staff").first()
    if staff:
        staff.permissions.add(*canned.filter(codename="view_cannedreply"))


class Migration(migrations.Migration):
    dependencies = [("sms", "0014_inbox_and_whatsapp")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
