from django.db import migrations


def forwards(apps, schema_editor):
    from cms.workflow import clinical_review_ensure

    clinical_review_ensure(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_article_body_review_tags"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
