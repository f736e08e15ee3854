"""What can be answered: the published SMS answers per topic, as values the
reply decision reads (no database here; `sms.selectors` builds them), and
the conversation's state.
"""

from __future__ import annotations

from dataclasses import dataclass, field

WHAT_IS = "what_is"
OVERDOSE_INFO = "overdose_info"


@dataclass(frozen=True)
class TopicAnswers:
    slug: str
    title: str
    texts: dict[str, str]  # intent slug -> the published answer, in menu order
    pk: int | None = None

    @property
    def intents(self) -> tuple[str, ...]:
        return tuple(self.texts)


@dataclass(frozen=True)
class AnswerBook:
    topics: tuple[TopicAnswers, ...] = ()
    intent_names: dict[str, str] = field(default_factory=dict)  # slug -> as the menu says it
    default_topic: str | None = None
    intent_ids: dict[str, int] = field(default_factory=dict)

    def text(self, topic: str | None, intent: str | None) -> str:
        answers = self.topic(topic)
        return answers.texts.get(intent, "") if answers and intent else ""

    def topic(self, slug: str | None) -> TopicAnswers | None:
        return next((topic for topic in self.topics if topic.slug == slug), None)

    def has(self, topic: str | None, intent: str | None) -> bool:
        return bool(self.text(topic, intent))

    def menu(self, topic: str | None) -> tuple[str, ...]:
        answers = self.topic(topic)
        return answers.intents if answers else ()


@dataclass(frozen=True)
class Conversation:
    """The sender's recent state: the topic they last asked about, and the
    numbered menu we last sent them (each within its window)."""

    last_topic: str | None = None
    menu_topic: str | None = None
    menu: tuple[str, ...] = ()
