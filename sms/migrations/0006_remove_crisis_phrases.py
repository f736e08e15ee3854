from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("sms", "0005_crisis_phrases_to_screening")]

    operations = [
        migrations.DeleteModel(name="CrisisPhrase"),
        migrations.RemoveField(model_name="inboundmessage", name="crisis_phrase"),
    ]
