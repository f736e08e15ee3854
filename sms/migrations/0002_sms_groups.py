"""Who may do what with the SMS helpline in the admin.

- Wagtail's "Editors" and "Moderators" groups manage keywords and crisis phrases.
- A new "SMS helpline staff" group (on-call staff) can reach the admin, read
  the conversation log and figures, and mark follow-ups as handled.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STAFF_GROUP = "SMS helpline staff"
CONTENT_PERMISSIONS = [
    f"{action}_{model}" for model in ("smskeyword", "crisisphrase") for action in ("add", "change", "delete", "view")
]
STAFF_PERMISSIONS = ["view_inboundmessage", "change_inboundmessage", "view_outboundmessage"]


def add_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure ours exist now.
    app_config = apps.get_app_config("sms")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    sms_permissions = Permission.objects.filter(content_type__app_label="sms")

    for name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(*sms_permissions.filter(codename__in=CONTENT_PERMISSIONS))

    staff, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    staff.permissions.add(*sms_permissions.filter(codename__in=STAFF_PERMISSIONS))
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if admin_access:
        staff.permissions.add(admin_access)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=STAFF_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("sms", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(add_groups, remove_groups)]
