from django.db import migrations


# Superseded by 0004, which sets the workflow up with ClinicalReviewTask (and
# replaces the plain group approval task on databases where this ran before).
class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_article_body_review_tags"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = []
