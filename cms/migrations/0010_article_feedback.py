"""Reader feedback on articles ("Was this page helpful?"), and the right to
see it for editors and clinical reviewers (the admin report and the
editors-only figures in the API)."""

import django.db.models.deletion
from django.db import migrations, models

import cms.fields

FEEDBACK_READERS = ("Editors", "Clinical reviewers")


def grant_view_feedback(apps, schema_editor):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    group_model = apps.get_model("auth", "Group")
    content_type, _ = content_type_model.objects.get_or_create(app_label="cms", model="articlefeedback")
    permission, _ = permission_model.objects.get_or_create(
        content_type=content_type,
        codename="view_articlefeedback",
        defaults={"name": "Can view article feedback"},
    )
    for group in group_model.objects.filter(name__in=FEEDBACK_READERS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0009_encrypt_callbacks"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleFeedback",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("helpful", models.BooleanField()),
                (
                    "reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("answered", "It answered my question"),
                            ("easy_to_understand", "Easy to understand"),
                            ("hard_to_understand", "Hard to understand"),
                            ("missing_information", "Something I needed was missing"),
                            ("out_of_date", "Out of date or wrong"),
                            ("other", "Something else"),
                        ],
                        max_length=30,
                    ),
                ),
                (
                    "comment",
                    cms.fields.EncryptedTextField(
                        blank=True,
                        help_text="Phone numbers and email addresses removed; encrypted at rest.",
                        max_length=500,
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, db_index=True)),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="feedback",
                        to="cms.articlepage",
                    ),
                ),
            ],
            options={
                "verbose_name": "article feedback",
                "verbose_name_plural": "article feedback",
                "ordering": ["-created_at"],
                "indexes": [models.Index(fields=["article", "created_at"], name="cms_feedback_article_time")],
            },
        ),
        migrations.RunPython(grant_view_feedback, migrations.RunPython.noop),
    ]
