"""What people text, the reasons that quote it and our replies become
EncryptedTextFields. The column type stays text; the data step encrypts the
rows earlier versions stored in plain. It skips values that are already
tokens, so it can run twice, and the way back decrypts them again."""

from django.db import migrations

import cms.fields
from cms import encrypted_columns

COLUMNS = {
    "inboundmessage": ["body", "screening_reasons", "understanding_reasons"],
    "outboundmessage": ["body"],
}


def encrypt_plain_texts(apps, schema_editor):
    encrypted_columns.encrypt_existing(apps, "sms", COLUMNS)


def decrypt_texts(apps, schema_editor):
    encrypted_columns.decrypt_existing(apps, "sms", COLUMNS)


class Migration(migrations.Migration):
    dependencies = [
        ("sms", "0010_outbound_next_attempt_and_failure_alert"),
    ]

    operations = [
        migrations.AlterField(
            model_name="inboundmessage",
            name="body",
            field=cms.fields.EncryptedTextField(blank=True, help_text="What they texted, encrypted at rest."),
        ),
        migrations.AlterField(
            model_name="inboundmessage",
            name="screening_reasons",
            field=cms.fields.EncryptedTextField(
                blank=True, help_text="Why the screener decided so, one reason a line; encrypted at rest."
            ),
        ),
        migrations.AlterField(
            model_name="inboundmessage",
            name="understanding_reasons",
            field=cms.fields.EncryptedTextField(
                blank=True, help_text="How the text was read, one reason a line; encrypted at rest."
            ),
        ),
        migrations.AlterField(
            model_name="outboundmessage",
            name="body",
            field=cms.fields.EncryptedTextField(help_text="The reply as sent, encrypted at rest."),
        ),
        migrations.RunPython(encrypt_plain_texts, decrypt_texts),
    ]
