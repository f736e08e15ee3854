"""SMS answers: short replies per topic and intent, reviewed with the topic.

An answer is an inline child of its `TopicPage`, so it is drafted, revised
and approved with the page through the Clinical review workflow. The rows
are the published version (drafts live in the page's revisions), so reading
the rows of live, public topics never reads anything unapproved.
"""

from __future__ import annotations

from django.apps import apps as global_apps
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from cms.fields import SmsTextField

# An answer plus the longest helpline footer must fit the SMS budget; the
# admin counter shows the exact count, this bounds what can be stored.
SMS_ANSWER_MAX_LENGTH = 480

# The built-in question types, in menu order: (slug, what the menu calls it).
# The slugs are the intents the SMS matcher's model was trained on (the
# corpus's labels; a test checks they agree).
BUILTIN_INTENTS = (
    ("what_is", "what it is"),
    ("effects", "effects"),
    ("signs", "signs of a problem"),
    ("getting_help", "getting help"),
    ("safer_use", "staying safer"),
    ("overdose_info", "overdose"),
)


def builtin_intents_ensure(*, apps=global_apps) -> None:
    """Create the built-in question types that are missing (editors' renames
    are kept). Used by the data migration, and wherever a flushed database
    must be whole again."""
    intent_model = apps.get_model("cms", "SmsIntent")
    for order, (slug, name) in enumerate(BUILTIN_INTENTS, start=1):
        intent_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "is_builtin": True, "sort_order": order * 10}
        )


class SmsIntent(index.Indexed, models.Model):
    """What someone asks about a topic: its effects, the signs of a problem...

    The six built-in intents come with the product (a data migration); the
    SMS matcher already knows how people ask them. Editors can add more,
    and teach the matcher with example questions.
    """

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=60, help_text="As the numbered menu says it, e.g. 'effects'.")
    example_questions = models.TextField(
        blank=True,
        help_text="One question a line, as people text it (e.g. 'wat does it do to u'). "
        "A text that is all but the same question gets this intent.",
    )
    is_builtin = models.BooleanField(default=False, editable=False)
    sort_order = models.PositiveSmallIntegerField(default=100, help_text="Lower shows first in the menu.")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("example_questions"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("example_questions")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "SMS question type"

    def __str__(self) -> str:
        return self.name

    @property
    def example_list(self) -> list[str]:
        return [line.strip() for line in self.example_questions.splitlines() if line.strip()]


class TopicSmsAnswer(Orderable):
    """The short answer to one intent about one topic, e.g. Ketamine x effects."""

    topic = ParentalKey("cms.TopicPage", on_delete=models.CASCADE, related_name="sms_answers")
    intent = models.ForeignKey(SmsIntent, on_delete=models.PROTECT, related_name="answers")
    text = SmsTextField(
        max_length=SMS_ANSWER_MAX_LENGTH,
        help_text="Plain text. The helpline is appended automatically.",
    )

    panels = [FieldPanel("intent"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = "SMS answer"

    def __str__(self) -> str:
        return f"{self.topic_id} / {self.intent_id}"
