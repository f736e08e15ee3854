"""What the matcher knows before editors add anything: the demo topics'
names, and example questions (the tuning half of the corpus). The intents
are the CMS's built-in question types (`cms.models.sms_answers`).

The topics' names here are the demo site's (`cms.demo`); in the product they
come from each live topic's other names in the CMS, the list website search
uses too.
"""

from __future__ import annotations

from functools import cache

from cms.demo.sms_answers import COCAINE, KETAMINE_OTHER_NAMES
from sms.understanding.evaluation import load_corpus
from sms.understanding.matcher import OTHER, Example, Topic, UnderstandingContext, topic_named


def _demo_topic(spec: dict) -> Topic:
    return topic_named(spec["slug"], [spec["title"], *spec["other_names"].split(",")])


# The demo site's topics, with the names editors gave them (the product reads
# each live topic's names from the CMS, see `sms.selectors`).
DEMO_TOPICS = (
    _demo_topic({"slug": "ketamine", "title": "Ketamine", "other_names": KETAMINE_OTHER_NAMES}),
    _demo_topic(COCAINE),
)


@cache
def context() -> UnderstandingContext:
    """The demo topics and the corpus's tuning half as examples."""
    examples = tuple(Example(item.intent, item.text) for item in load_corpus("tuning"))
    return UnderstandingContext(topics=DEMO_TOPICS, examples=examples)


__all__ = ["DEMO_TOPICS", "OTHER", "context"]
