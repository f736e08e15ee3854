# The daily figures kept as anonymous counts (sms.retention), written by hand.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("sms", "0011_encrypt_texts"),
    ]

    operations = [
        migrations.CreateModel(
            name="DailyFigure",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("day", models.DateField(help_text="A UTC day, as the report groups them.", unique=True)),
                ("inbound", models.PositiveIntegerField(default=0, help_text="Texts received.")),
                ("replies", models.PositiveIntegerField(default=0, help_text="Replies created.")),
                ("opt_outs", models.PositiveIntegerField(default=0, help_text="Texts that opted out.")),
                ("failed", models.PositiveIntegerField(default=0, help_text="Replies failed or undelivered.")),
                ("crisis", models.PositiveIntegerField(default=0, help_text="Texts answered as a crisis.")),
                (
                    "questions",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text="[topic id, question type id, texts] for each pair answered that day.",
                    ),
                ),
                ("stored_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "ordering": ["-day"],
            },
        ),
    ]
