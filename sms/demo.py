"""Demo SMS settings and crisis examples, added when `load_demo_content` runs
(via `cms.signals.demo_content_loaded`), and the inbox's sample
conversations (sms.demo_inbox). Idempotent: existing entries keep their
editors' changes. The SMS answers themselves are topics' content
(`cms.demo.sms_answers`).
"""

from __future__ import annotations

from cms.models import TopicPage
from sms.demo_inbox import load_inbox_demo_conversations
from sms.models import CrisisExample, SmsSettings

# Examples editors keep beside the built-in crisis patterns: the decision
# each text must get (the screener reads them, the evaluation scores them).
DEMO_CRISIS_EXAMPLES: list[tuple[str, str, str]] = [
    ("my mates gone all floppy after a bump and wont answer me", "emergency", "medical"),
    ("i want to end my ket use", "none", ""),
]


def load_sms_demo_content(sender=None, stdout=None, **kwargs) -> None:
    created = 0
    sms_settings = SmsSettings.load()
    if sms_settings.default_topic_id is None:
        sms_settings.default_topic = TopicPage.objects.filter(slug="ketamine").first()
        sms_settings.save()
        created += sms_settings.default_topic_id is not None
    for text, level, category in DEMO_CRISIS_EXAMPLES:
        created += CrisisExample.objects.get_or_create(
            text=text, defaults={"level": level, "category": category}
        )[1]
    conversations = load_inbox_demo_conversations()
    if stdout is not None:
        stdout.write(f"SMS demo content: {created} settings and crisis examples added.")
        stdout.write(f"SMS inbox: {conversations} sample conversations added.")
