"""Article pages: the body, the people behind them and their review dates."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Count, Q, QuerySet, Value
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import BaseStreamBlock
from cms.models.sharing import ShareImageMixin

# Related articles are ranked among this many of the newest articles of each
# source (the topic, each tag): `ArticlePage.related_articles_resolved`.
CANDIDATES_PER_SOURCE = 50

# Submit buttons in the page editor that make an article public.
PUBLISHING_ACTIONS = ("action-publish",)
# Submit buttons that send an article to clinical review ("Submit to Clinical
# review", and "Restart workflow" after changes were requested).
SUBMITTING_ACTIONS = ("action-submit", "action-restart-workflow")

# What clinical review needs from an editor, named as the editor reads it: the
# reviewer approves what was submitted, so the editor names the reviewer and
# both dates up front (publishing needs the first two; reviews due the third).
REVIEW_FIELDS_NEEDED = {
    "medical_reviewer": "a medical reviewer",
    "last_reviewed": "the date it was last reviewed",
    "next_review_due": "the date its next review is due",
}


def needed_in_words(fields) -> str:
    """The fields named as an editor reads them, joined: "a medical reviewer and the date ..."."""
    names = [REVIEW_FIELDS_NEEDED[field] for field in REVIEW_FIELDS_NEEDED if field in fields]
    return "".join(names) if len(names) <= 1 else ", ".join(names[:-1]) + " and " + names[-1]


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("cms.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticleRelatedLink(Orderable):
    """A related article chosen by hand; shown before the automatic fallbacks."""

    source = ParentalKey("cms.ArticlePage", on_delete=models.CASCADE, related_name="related_links")
    article = models.ForeignKey("cms.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]

    def __str__(self) -> str:
        return str(self.article)


class ArticlePageForm(WagtailAdminPageForm):
    """Shows the publication rules as field errors when an editor presses Publish,
    or a reviewer approves, and the review fields as errors (and one message
    naming them) when an editor submits to clinical review. "Save draft" is
    never held to either."""

    def clean(self):
        cleaned_data = super().clean()
        approving = self.data.get("action-workflow-action") and self.data.get("workflow-action-name") == (
            "approve"
        )
        if any(action in self.data for action in PUBLISHING_ACTIONS) or approving:
            for field, message in ArticlePage.publication_errors_for(
                medical_reviewer=cleaned_data.get("medical_reviewer"),
                last_reviewed=cleaned_data.get("last_reviewed"),
            ).items():
                if field not in self.errors:
                    self.add_error(field, message)
        elif any(self.data.get(action) for action in SUBMITTING_ACTIONS):
            self._require_review_fields(cleaned_data)
        return cleaned_data

    def _require_review_fields(self, cleaned_data) -> None:
        # A field that failed its own validation (a mistyped date) already
        # carries an error and is absent from cleaned_data: name it too.
        missing = [field for field in REVIEW_FIELDS_NEEDED if cleaned_data.get(field) in (None, "")]
        if not missing:
            return
        for field in missing:
            if field not in self.errors:
                self.add_error(field, f"Needed to submit for clinical review: {REVIEW_FIELDS_NEEDED[field]}.")
        self.add_error(
            None,
            f"Not submitted for clinical review: add {needed_in_words(missing)}, then submit again. "
            "Saving a draft works without them.",
        )


class ArticlePage(ShareImageMixin, Page):
    """An article under a topic, reviewed by a clinician before it is published."""

    standfirst = models.TextField(blank=True, help_text="One or two sentences under the title.")
    body = StreamField(BaseStreamBlock(), blank=True)
    author = models.ForeignKey(
        "cms.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="authored_articles"
    )
    medical_reviewer = models.ForeignKey(
        "cms.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
        help_text="Required to publish.",
    )
    last_reviewed = models.DateField(null=True, blank=True, help_text="Required to publish.")
    next_review_due = models.DateField(null=True, blank=True, help_text="Must be after the last review.")
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)

    base_form_class = ArticlePageForm
    # Headless: this template only serves Wagtail's preview, so reviewers can
    # read what they approve.
    template = "cms/article_preview.html"
    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("author"), FieldPanel("medical_reviewer")]),
                FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("next_review_due")]),
            ],
            heading="Clinical review",
        ),
        InlinePanel("related_links", label="Related articles", heading="Related articles (chosen by hand)"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst", boost=2),
        index.SearchField("body"),
        # The database backend has no synonyms: index the topic's other names
        # on each article so "special k" finds ketamine articles.
        index.SearchField("topic_other_names", boost=2),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("last_reviewed"),
        index.FilterField("next_review_due"),
    ]
    parent_page_types = ["cms.TopicPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "article"
        # For `?ordering=last_reviewed` in the API (the other orderings are
        # Page columns, indexed by migration 0011).
        indexes = [models.Index(fields=["last_reviewed"], name="cms_article_last_reviewed_idx")]

    # --- validation ---------------------------------------------------------

    @staticmethod
    def publication_errors_for(*, medical_reviewer, last_reviewed: dt.date | None) -> dict[str, str]:
        """Field -> message for each rule an article breaks that blocks publication."""
        errors = {}
        if medical_reviewer is None:
            errors["medical_reviewer"] = "An article cannot be published without a medical reviewer."
        if last_reviewed is None:
            errors["last_reviewed"] = "An article cannot be published without the date it was last reviewed."
        return errors

    def publication_errors(self) -> dict[str, str]:
        return self.publication_errors_for(
            medical_reviewer=self.medical_reviewer, last_reviewed=self.last_reviewed
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.last_reviewed and self.next_review_due and self.next_review_due <= self.last_reviewed:
            errors["next_review_due"] = (
                f"The next review must be due after the last review ({self.last_reviewed:%d %B %Y})."
            )
        # Wagtail sets `live` just before saving a published revision; a new,
        # unsaved page is live only by the field's default, so a draft is not
        # held to the publication rules.
        if self.live and self.pk is not None:
            errors.update(self.publication_errors())
        # The API addresses articles by slug alone (/api/v1/articles/<slug>/),
        # so a slug must not repeat under another topic.
        if self.slug and ArticlePage.objects.filter(slug=self.slug).exclude(pk=self.pk).exists():
            errors["slug"] = (
                f"Another article already uses the slug '{self.slug}'; article slugs must be unique."
            )
        if errors:
            raise ValidationError(errors)

    # --- derived content ----------------------------------------------------

    @property
    def topic(self):
        """The TopicPage this article sits under (None if misplaced)."""
        from cms.models.pages import TopicPage

        parent = self.get_parent()
        return parent.specific if parent and parent.specific_class is TopicPage else None

    def topic_other_names(self) -> str:
        topic = self.topic
        return topic.other_names if topic else ""

    def table_of_contents(self) -> list[dict[str, str]]:
        """'Jump to section' entries, one per section heading, in body order."""
        return [
            {"anchor": child.value.anchor_id, "heading": child.value["heading"]}
            for child in self.body
            if child.block_type == "heading"
        ]

    def related_articles_resolved(self, *, limit: int = 3, pool: QuerySet | None = None) -> list[ArticlePage]:
        """Related articles from `pool` (default: live, public articles): those
        chosen by hand first, in their order, then those sharing the most
        tags, or the topic, newest first.

        Ranked among the newest CANDIDATES_PER_SOURCE of each source (the
        topic, each of the article's tags), so what is read is bounded, through
        indexes, however large a topic or tag grows; while every source has
        fewer articles, that is the same as ranking them all. Two queries when
        `related_links` and `tags` are prefetched (the API does, and passes its
        own `pool`, so visibility is computed once per request): the
        candidates' keys, one row per source each is in (so a candidate's
        rows from tags count the tags it shares), then the few shown, without
        their body (lists do not show it).
        """
        pool = ArticlePage.objects.live().public() if pool is None else pool
        chosen_ids = list(
            dict.fromkeys(link.article_id for link in self.related_links.all() if link.article_id != self.pk)
        )
        tag_ids = [tag.pk for tag in self.tags.all()]
        others = pool.exclude(pk=self.pk)
        keys = others.values_list("pk", "first_published_at", "title")

        def newest(source: QuerySet) -> QuerySet:
            return source.order_by("-first_published_at")[:CANDIDATES_PER_SOURCE]

        in_topic = Q(path__startswith=self.path[: -self.steplen], depth=self.depth)
        if connection.features.supports_slicing_ordering_in_compound:
            sources = [
                keys.filter(pk__in=chosen_ids).annotate(from_tag=Value(0)),
                newest(keys.filter(in_topic).annotate(from_tag=Value(0))),
                *(newest(keys.filter(tagged_items__tag_id=pk).annotate(from_tag=Value(1))) for pk in tag_ids),
            ]
            rows = list(sources[0].union(*sources[1:], all=True))
        else:
            # SQLite (`make run` without PostgreSQL) cannot take the newest
            # few of each source in one query: every candidate, with the
            # number of tags it shares (a development database is small).
            shares = Q(tagged_items__tag_id__in=tag_ids)
            every = keys.filter(Q(pk__in=chosen_ids) | in_topic | shares)
            rows = list(every.annotate(from_tag=Count("tagged_items", filter=shares, distinct=True)))

        shared_tags: Counter[int] = Counter()
        sort_keys = {}
        for pk, published, title, from_tag in rows:
            shared_tags[pk] += from_tag
            sort_keys[pk] = (-published.timestamp() if published else math.inf, title)
        chosen_order = {pk: n for n, pk in enumerate(chosen_ids)}
        shown = sorted(
            sort_keys,
            key=lambda pk: (chosen_order.get(pk, len(chosen_ids)), -shared_tags[pk], *sort_keys[pk]),
        )[:limit]
        found = others.defer("body").in_bulk(shown)
        return [found[pk] for pk in shown if pk in found]
