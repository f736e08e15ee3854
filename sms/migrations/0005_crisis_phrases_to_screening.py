"""Carry what editors and the old phrase matcher left over to the screener.

- Each crisis phrase becomes an editors' crisis pattern (its words, txt-speak
  spelt out as the screener reads them), with a category guessed from its
  words and a note saying so: nothing an editor wrote is lost.
- Texts flagged by a phrase keep that as their screening (emergency, with
  the phrase as the reason); open ones get a crisis follow-up item each.
- Editors and Moderators manage patterns and examples; helpline staff also
  label texts and read follow-ups.
Safe to run twice.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import F

from sms.text import words

CATEGORY_WORDS = [
    ("self_harm", ("harm", "cut", "cutting", "hurt")),
    ("suicide", ("die", "kill", "suicide", "suicidal", "life", "end")),
    ("overdose", ("overdose", "overdosed", "took", "taken", "much", "many")),
]
CONTENT_MODELS = ("crisispattern", "crisisexample")
STAFF_PERMISSIONS = ["view_followup", "change_followup", "add_screeninglabel", "view_screeninglabel"]


def _category(pattern: str) -> str:
    pattern_words = set(pattern.split())
    for category, hints in CATEGORY_WORDS:
        if pattern_words & set(hints):
            return category
    return "medical"


def forwards(apps, schema_editor):
    CrisisPhrase = apps.get_model("sms", "CrisisPhrase")
    CrisisPattern = apps.get_model("sms", "CrisisPattern")
    InboundMessage = apps.get_model("sms", "InboundMessage")
    FollowUp = apps.get_model("sms", "FollowUp")

    for phrase in CrisisPhrase.objects.all():
        pattern = " ".join(words(phrase.phrase))
        if not pattern:
            continue
        CrisisPattern.objects.get_or_create(
            pattern=pattern,
            defaults={
                "category": _category(pattern),
                "level": "emergency",
                "is_active": phrase.is_active,
                "notes": (f"From the crisis phrase '{phrase.phrase}' (category guessed). {phrase.notes}")[:255],
            },
        )

    flagged = InboundMessage.objects.exclude(crisis_phrase="").filter(screening_level="none")
    for inbound in flagged.select_related("sender"):
        inbound.screening_level = "emergency"
        inbound.screening_reasons = f"crisis phrase '{inbound.crisis_phrase}' (before the screener)"
        if inbound.handled_at is None and inbound.follow_up_id is None:
            inbound.follow_up = FollowUp.objects.create(
                sender=inbound.sender, level="emergency", last_message_at=inbound.received_at
            )
        inbound.save(update_fields=["screening_level", "screening_reasons", "follow_up"])
    FollowUp.objects.filter(opened_at__gt=F("last_message_at")).update(opened_at=F("last_message_at"))

    app_config = apps.get_app_config("sms")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    sms_permissions = Permission.objects.filter(content_type__app_label="sms")
    content = [f"{action}_{model}" for model in CONTENT_MODELS for action in ("add", "change", "delete", "view")]
    for name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(*sms_permissions.filter(codename__in=content))
    staff = Group.objects.filter(name="SMS helpline staff").first()
    if staff:
        staff.permissions.add(*sms_permissions.filter(codename__in=[*STAFF_PERMISSIONS, "view_crisisexample"]))


class Migration(migrations.Migration):
    dependencies = [("sms", "0004_screening")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
