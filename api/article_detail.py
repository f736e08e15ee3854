"""Article detail: everything a frontend renders for one article.

`article_detail()` loads what the article refers to in a fixed number of
queries and returns the serialized data. It serves both the public detail
(a live page) and the preview (a revision's page object, never saved).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db.models import Q, prefetch_related_objects
from django.http import HttpRequest
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api import blocks, helplines, seo
from api.block_shapes import RICH_TEXT_SCHEMA
from api.pages import public_url
from api.references import References
from api.serializers import (
    ArticleListSerializer,
    HelplineSerializer,
    PersonSerializer,
)
from cms.blocks import FAQBlock, KeyTakeawaysBlock, SectionHeadingBlock
from cms.models import ArticlePage, Helpline, Person, TopicPage


class StreamBodyField(serializers.ListField):
    """The body as typed blocks; its OpenAPI schema is generated from the
    block definitions (`api.schema.StreamBodyFieldExtension`)."""

    def __init__(self, stream_block, **kwargs):
        self.stream_block = stream_block
        super().__init__(child=serializers.DictField(), **kwargs)

    def __deepcopy__(self, memo):
        # DRF deep-copies declared fields for every serializer instance, and
        # its default copy would rebuild the whole block tree each time (a
        # millisecond a request). Block definitions are never changed: share it.
        return type(self)(self.stream_block, **copy.deepcopy(self._kwargs, memo))

    def to_representation(self, data):
        return data  # already rendered by api.blocks


class TocEntrySerializer(serializers.Serializer):
    anchor = serializers.CharField()
    heading = serializers.CharField()


class FaqEntrySerializer(serializers.Serializer):
    question = serializers.CharField()
    answer = serializers.CharField(help_text=RICH_TEXT_SCHEMA["description"])


_JSON_LD_PERSON = {
    "type": "object",
    "nullable": True,
    "properties": {
        "@type": {"type": "string", "enum": ["Person"]},
        "name": {"type": "string"},
        "jobTitle": {"type": "string"},
        "honorificSuffix": {"type": "string"},
    },
    "required": ["@type", "name"],
}
JSON_LD_SCHEMA = {
    "type": "object",
    "description": "schema.org JSON-LD for the page's <head>: a MedicalWebPage and, with FAQs, an FAQPage.",
    "properties": {
        "@context": {"type": "string", "enum": ["https://schema.org"]},
        "@graph": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "@type": {"type": "string", "enum": ["MedicalWebPage", "FAQPage"]},
                    "@id": {"type": "string"},
                    "url": {"type": "string"},
                    "name": {"type": "string"},
                    "headline": {"type": "string"},
                    "description": {"type": "string"},
                    "image": {"type": "string", "format": "uri", "description": "The share image."},
                    "datePublished": {"type": "string", "format": "date-time", "nullable": True},
                    "dateModified": {"type": "string", "format": "date-time", "nullable": True},
                    "lastReviewed": {"type": "string", "format": "date", "nullable": True},
                    "reviewedBy": _JSON_LD_PERSON,
                    "author": _JSON_LD_PERSON,
                    "mainEntity": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "@type": {"type": "string", "enum": ["Question"]},
                                "name": {"type": "string"},
                                "acceptedAnswer": {
                                    "type": "object",
                                    "properties": {
                                        "@type": {"type": "string", "enum": ["Answer"]},
                                        "text": {"type": "string"},
                                    },
                                    "required": ["@type", "text"],
                                },
                            },
                            "required": ["@type", "name", "acceptedAnswer"],
                        },
                    },
                },
                "required": ["@type"],
            },
        },
    },
    "required": ["@context", "@graph"],
}


class ArticleDetailSerializer(ArticleListSerializer):
    body = StreamBodyField(ArticlePage.body.field.stream_block)
    table_of_contents = TocEntrySerializer(many=True)
    key_takeaways = serializers.ListField(child=serializers.CharField())
    faq = FaqEntrySerializer(many=True)
    author = PersonSerializer(allow_null=True)
    medical_reviewer = PersonSerializer(allow_null=True)
    next_review_due = serializers.DateField(allow_null=True)
    related_articles = ArticleListSerializer(many=True)
    helplines_country = serializers.CharField(help_text="Country whose helplines are listed.")
    helplines = HelplineSerializer(many=True)
    json_ld = serializers.SerializerMethodField()

    class Meta(ArticleListSerializer.Meta):
        fields = [
            *ArticleListSerializer.Meta.fields,
            "body",
            "table_of_contents",
            "key_takeaways",
            "faq",
            "author",
            "medical_reviewer",
            "next_review_due",
            "related_articles",
            "helplines_country",
            "helplines",
            "json_ld",
        ]

    @extend_schema_field(JSON_LD_SCHEMA)
    def get_json_ld(self, data) -> dict:
        return data.json_ld


def _person_ld(person: Person | None) -> dict[str, str] | None:
    if person is None:
        return None
    out = {"@type": "Person", "name": person.name}
    if person.role:
        out["jobTitle"] = person.role
    if person.credentials:
        out["honorificSuffix"] = person.credentials
    return out


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def json_ld(
    article: ArticlePage, faq: list[dict[str, str]], share_image: dict[str, Any] | None = None
) -> dict[str, Any]:
    url = public_url(article.url_path)
    page = {
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": article.title,
        "headline": article.seo_title or article.title,
        "description": article.search_description or article.standfirst,
        "datePublished": _iso(article.first_published_at),
        "dateModified": _iso(article.last_published_at),
        "lastReviewed": _iso(article.last_reviewed),
        "reviewedBy": _person_ld(article.medical_reviewer),
        "author": _person_ld(article.author),
    }
    if share_image:
        page["image"] = share_image["url"]
    graph = [page]
    if faq:
        graph.append(
            {
                "@type": "FAQPage",
                "@id": f"{url}#faq",
                "url": url,
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": entry["question"],
                        "acceptedAnswer": {"@type": "Answer", "text": entry["answer"]},
                    }
                    for entry in faq
                ],
            }
        )
    return {"@context": "https://schema.org", "@graph": graph}


class _Detail:
    """Attribute bag the serializer reads: the article's own fields plus the
    derived ones."""

    def __init__(self, article: ArticlePage, **derived):
        self._article = article
        self.__dict__.update(derived)

    def __getattr__(self, name):
        return getattr(self._article, name)


def _derived_sections(body_block, body: list[dict]) -> tuple[list, list, list]:
    toc, takeaways, faq = [], [], []
    for item in body:
        child = body_block.child_blocks[item["type"]]
        if isinstance(child, SectionHeadingBlock):
            toc.append({"anchor": item["value"]["anchor"], "heading": item["value"]["heading"]})
        elif isinstance(child, KeyTakeawaysBlock):
            takeaways += item["value"]["items"]
        elif isinstance(child, FAQBlock):
            faq += [{"question": e["question"], "answer": e["answer"]} for e in item["value"]["items"]]
    return toc, takeaways, faq


def article_detail(
    *,
    article: ArticlePage,
    visible: Q,
    country: str,
    related: list[ArticlePage],
    topics: Mapping[str, TopicPage],
    every_helpline: Mapping[int, Helpline] | None = None,
    request: HttpRequest | None = None,
) -> tuple[dict[str, Any], int | None]:
    """Serialized detail and how long it stays true (seconds until a shown
    helpline opens or closes; None: until the content changes). `topics`:
    public topics by path (`selectors.topics_by_path`), where the article's
    and the related articles' are; `every_helpline`, when the caller keeps
    them (`References`). API URLs are on `request`'s host (`api.pages`)."""
    now = timezone.now()
    prefetch_related_objects([a for a in related if not hasattr(a, "_prefetched_objects_cache")], "tags")

    body_block = ArticlePage.body.field.stream_block
    raw_body = list(article.body.raw_data)
    refs = References(
        visible=visible,
        rendition_filter=settings.API_IMAGE_RENDITION,
        request=request,
        every_helpline=every_helpline,
    )
    refs.countries = sorted({country, settings.API_DEFAULT_COUNTRY})
    blocks.collect_article(article, refs)
    refs.load()
    share_images = seo.share_images(pages=[article, *related], topics_by_path=topics, request=request)

    context = {
        "refs": refs,
        "now": now,
        "topics_by_path": topics,
        "share_images": share_images,
        "request": request,
    }
    helpline_data = HelplineSerializer(context=context)
    body = blocks.render(body_block, raw_body, refs, helpline=helpline_data.to_representation)
    toc, takeaways, faq = _derived_sections(body_block, body)
    shown_country = country if refs.helplines_in(country) else settings.API_DEFAULT_COUNTRY
    shown = refs.helplines_in(shown_country)
    detail = _Detail(
        article,
        body=body,
        table_of_contents=toc,
        key_takeaways=takeaways,
        faq=faq,
        related_articles=related,
        helplines_country=shown_country,
        helplines=shown,
        json_ld=json_ld(article, faq, share_images.get(seo.share_image_id(article, topics_by_path=topics))),
    )
    data = ArticleDetailSerializer(detail, context=context).data
    max_age = helplines.seconds_until_change(refs.helplines.values(), now=now)
    return data, max_age
