"""Permissions for acting on one person's data as a whole (sms.privacy):
export it (subject access), erase it, reveal a texter's full number. No group
gets them here: an administrator grants them (Settings > Groups) to the few
who answer data requests or must call a texter back."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("sms", "0012_daily_figures"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="sender",
            options={
                "permissions": [
                    ("export_personal_data", "Can export everything held about a phone number"),
                    ("erase_personal_data", "Can erase everything held about a phone number"),
                    ("reveal_number", "Can reveal a texter's full phone number"),
                ]
            },
        ),
    ]
