"""Page tree: HomePage -> TopicIndexPage -> TopicPage -> ArticlePage."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class HomePage(Page):
    """Root of the site. Headless: frontends read the API."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    subpage_types = ["cms.TopicIndexPage"]
    max_count = 1


class TopicIndexPage(Page):
    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.TopicPage"]


class TopicPage(Page):
    """A substance or subject, e.g. Ketamine."""

    other_names = models.TextField(
        blank=True,
        help_text="Other and street names, comma-separated (e.g. K, Special K, Ket). "
        "Used as search synonyms and SMS aliases.",
    )
    summary = RichTextField(blank=True, features=["bold", "italic", "link"])
    sms_summary = models.CharField(
        max_length=320,
        blank=True,
        help_text="Short plain-text summary for SMS replies; the helpline is appended automatically.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("other_names"),
        FieldPanel("summary"),
        FieldPanel("sms_summary"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("other_names", boost=3),
        index.SearchField("summary"),
        index.AutocompleteField("other_names"),
    ]
    parent_page_types = ["cms.TopicIndexPage"]
    subpage_types = ["cms.ArticlePage"]

    @property
    def other_names_list(self) -> list[str]:
        return [name.strip() for name in self.other_names.split(",") if name.strip()]

    def is_called(self, query: str) -> bool:
        """`query` is this topic's name or one of its other names, ignoring
        case and spacing: the synonym rule search ranks by."""
        wanted = " ".join(query.split()).casefold()
        names = [self.title, *self.other_names_list]
        return bool(wanted) and any(wanted == name.casefold() for name in names)
