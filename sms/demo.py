"""Demo SMS keywords and crisis phrases, added when `load_demo_content` runs
(via `cms.signals.demo_content_loaded`). Idempotent: existing entries keep
their editors' changes.

The wording is ours, kept factual and cautious; a clinical reviewer should
check it before real use.
"""

from __future__ import annotations

from cms.models import TopicPage
from sms.models import CrisisPhrase, SmsKeyword

# keyword -> (aliases, reply, link the ketamine topic)
DEMO_KEYWORDS: dict[str, tuple[str, str, bool]] = {
    "KETAMINE": (
        "K, KET, SPECIAL K, KETAMIN, VITAMIN K",
        "Ketamine is an anaesthetic that blocks NMDA receptors in the brain. It can cause "
        "numbness, confusion and the 'K-hole'. Regular use can badly damage the bladder. "
        "Text EFFECTS, SIGNS or TREATMENT.",
        True,
    ),
    "EFFECTS": (
        "EFFECT, SIDE EFFECTS, RISKS",
        "Ketamine effects: feeling detached, numb or confused, trouble moving or speaking, sickness. "
        "Risks: injuries you don't feel, choking, and with alcohol or other drugs, slowed breathing. "
        "Heavy use harms bladder and kidneys.",
        False,
    ),
    "SIGNS": (
        "SIGN, SYMPTOMS, WARNING SIGNS",
        "Signs of regular ketamine use: needing to wee often or urgently, pain when weeing or blood in it, "
        "stomach cramps ('K cramps'), memory problems, low mood. See a doctor about bladder pain early.",
        False,
    ),
    "TREATMENT": (
        "TREAT, STOPPING, QUIT K, SUPPORT",
        "Help to cut down or stop is free and confidential: talk to your GP or a local drug service. "
        "Stopping early gives the bladder the best chance to recover. Bladder pain needs a doctor.",
        False,
    ),
    "ADVICE": (
        "SUPPORT LINE, TALK",
        "Worried about yourself or someone else? You can talk it through in confidence, without "
        "judgement. Call or text the number below. In an emergency call 999.",
        False,
    ),
}

DEMO_CRISIS_PHRASES = [
    "overdose",
    "overdosed",
    "took too much",
    "taken too much",
    "cant breathe",
    "not breathing",
    "unconscious",
    "not waking up",
    "wont wake up",
    "passed out",
    "suicidal",
    "suicide",
    "kill myself",
    "want to die",
    "end my life",
    "self harm",
    "hurt myself",
]


def load_sms_demo_content(sender=None, stdout=None, **kwargs) -> None:
    ketamine = TopicPage.objects.filter(slug="ketamine").first()
    created = 0
    for order, (word, (aliases, reply, link_topic)) in enumerate(DEMO_KEYWORDS.items()):
        _, was_created = SmsKeyword.objects.get_or_create(
            keyword=word,
            defaults={
                "aliases": aliases,
                "reply": reply,
                "topic": ketamine if link_topic else None,
                "sort_order": (order + 1) * 10,
            },
        )
        created += was_created
    for phrase in DEMO_CRISIS_PHRASES:
        created += CrisisPhrase.objects.get_or_create(phrase=phrase)[1]
    if stdout is not None:
        stdout.write(f"SMS demo content: {created} keywords and crisis phrases added.")
