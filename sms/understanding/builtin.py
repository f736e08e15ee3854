"""What the matcher knows before editors add anything: the intents, the demo
topics' names, and example questions (the tuning half of the corpus).

The topics' names here are the demo's; in the product they come from each
topic's other names in the CMS, the list website search uses too.
"""

from __future__ import annotations

from functools import cache

from sms.understanding.evaluation import load_corpus
from sms.understanding.matcher import OTHER, Example, Topic, UnderstandingContext

# Built-in intents, in menu order: slug -> what the menu calls it.
INTENTS = {
    "what_is": "what it is",
    "effects": "effects",
    "signs": "signs of a problem",
    "getting_help": "getting help",
    "safer_use": "staying safer",
    "overdose_info": "overdose",
}

DEMO_TOPICS = (
    Topic(
        "ketamine",
        (
            "ketamine", "k", "special k", "kit kat", "kitkat", "vitamin k", "cat valium", "horse tranq",
            "horse tranquilliser", "horse tranquillizer", "horse tranquiliser", "keta", "ketamin", "kitty",
        ),
    ),
    Topic("cocaine", ("cocaine", "coke", "charlie", "blow", "snow", "sniff", "cocain", "crack")),
)  # fmt: skip


@cache
def context() -> UnderstandingContext:
    """The demo topics and the corpus's tuning half as examples."""
    examples = tuple(Example(item.intent, item.text) for item in load_corpus("tuning"))
    return UnderstandingContext(topics=DEMO_TOPICS, examples=examples)


__all__ = ["DEMO_TOPICS", "INTENTS", "OTHER", "context"]
