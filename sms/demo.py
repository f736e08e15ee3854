"""Demo SMS keywords and crisis examples, added when `load_demo_content` runs
(via `cms.signals.demo_content_loaded`). Idempotent: existing entries keep
their editors' changes.

The wording is ours, kept factual and cautious; a clinical reviewer should
check it before real use.
"""

from __future__ import annotations

from cms.models import TopicPage
from sms.models import CrisisExample, SmsKeyword

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

# Examples editors keep beside the built-in crisis patterns: the decision
# each text must get (the screener reads them, the evaluation scores them).
DEMO_CRISIS_EXAMPLES: list[tuple[str, str, str]] = [
    ("my mates gone all floppy after a bump and wont answer me", "emergency", "medical"),
    ("i want to end my ket use", "none", ""),
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
    for text, level, category in DEMO_CRISIS_EXAMPLES:
        created += CrisisExample.objects.get_or_create(
            text=text, defaults={"level": level, "category": category}
        )[1]
    if stdout is not None:
        stdout.write(f"SMS demo content: {created} keywords and crisis examples added.")
