"""Callback requests' names and messages become EncryptedTextFields (the
name's column widens from varchar(120) to text for the token). The data step
encrypts the rows earlier versions stored in plain. It skips values that are
already tokens, so it can run twice, and the way back decrypts them again
before the column narrows."""

from django.db import migrations

import cms.fields
from cms import encrypted_columns

COLUMNS = {"callbackrequest": ["name", "message"]}


def encrypt_plain_callbacks(apps, schema_editor):
    encrypted_columns.encrypt_existing(apps, "cms", COLUMNS)


def decrypt_callbacks(apps, schema_editor):
    encrypted_columns.decrypt_existing(apps, "cms", COLUMNS)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_share_image"),
    ]

    operations = [
        migrations.AlterField(
            model_name="callbackrequest",
            name="message",
            field=cms.fields.EncryptedTextField(blank=True, help_text="Encrypted at rest."),
        ),
        migrations.AlterField(
            model_name="callbackrequest",
            name="name",
            field=cms.fields.EncryptedTextField(help_text="Encrypted at rest.", max_length=120),
        ),
        migrations.RunPython(encrypt_plain_callbacks, decrypt_callbacks),
    ]
