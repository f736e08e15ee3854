"""The six built-in SMS question types (intents), and editors' permissions
on question types (`cms.models.sms_answers.BUILTIN_INTENTS`). Editors may
rename them; the slugs stay."""

from django.db import migrations


def add_builtin_intents(apps, schema_editor):
    from cms.models.sms_answers import builtin_intents_ensure
    from cms.workflow import staff_groups_ensure

    builtin_intents_ensure(apps=apps)
    staff_groups_ensure(apps=apps)


class Migration(migrations.Migration):
    dependencies = [("cms", "0006_sms_answers")]

    operations = [migrations.RunPython(add_builtin_intents, migrations.RunPython.noop)]
