"""Page tree: HomePage -> TopicIndexPage -> TopicPage -> ArticlePage."""

from __future__ import annotations

from django.db import models
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.models.sharing import ShareImageMixin


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


# Apps that send SMS register checks of an answer's text under this hook
# name (each returns an error message, or ""); `cms` does not import them.
CHECK_SMS_TEXT_HOOK = "check_sms_text"


class TopicPageForm(WagtailAdminPageForm):
    """One SMS answer per question type (two would leave the reply a matter
    of order), and each answer passes the SMS checks (it fits, say)."""

    def clean(self):
        cleaned = super().clean()
        seen = set()
        answers = self.formsets["sms_answers"]
        answers.is_valid()  # the page form is cleaned before its formsets: clean them now
        for form in answers.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            intent = form.cleaned_data.get("intent")
            if intent is not None and intent.pk in seen:
                form.add_error("intent", f"This topic already has an answer for '{intent}'.")
            if intent is not None:
                seen.add(intent.pk)
            for check in hooks.get_hooks(CHECK_SMS_TEXT_HOOK):
                problem = check(form.cleaned_data.get("text") or "")
                if problem:
                    form.add_error("text", problem)
        return cleaned


class TopicPage(ShareImageMixin, Page):
    """A substance or subject, e.g. Ketamine."""

    other_names = models.TextField(
        blank=True,
        help_text="Other and street names, comma-separated (e.g. K, Special K, Ket). "
        "The one list of names: website search and the SMS helpline both use it.",
    )
    summary = RichTextField(blank=True, features=["bold", "italic", "link"])
    sms_summary = models.CharField(
        max_length=320,
        blank=True,
        help_text="Short plain-text summary. SMS uses it for 'what it is' when no SMS answer says it.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("other_names"),
        FieldPanel("summary"),
        FieldPanel("sms_summary"),
        InlinePanel(
            "sms_answers",
            heading="SMS answers",
            label="SMS answer",
            help_text="Short answers the SMS helpline sends, one per question type. "
            "Reviewed and published with the topic.",
        ),
    ]
    base_form_class = TopicPageForm
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
