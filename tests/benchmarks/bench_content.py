"""Ten thousand articles in seconds, for `make bench` (bench_api.py).

The demo articles are the templates: each new article copies one's body,
standfirst, people, review dates and tags, under the same topic (the worst
case for anything that reads a topic's articles), published a minute apart
and older than the demo's own. They are inserted in bulk
(`tests.api.bulk_pages`) and indexed for search in bulk, so search finds
them as it would published ones; no revisions are made (nothing read by the
API needs them).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import prefetch_related_objects
from wagtail.search.backends import get_search_backend

from cms.models import ArticlePage, ArticlePageTag, TopicPage
from tests.api.bulk_pages import add_live_articles

BATCH_SIZE = 1000
PREFIX = "bench"


def articles_load(*, count: int, topic: TopicPage) -> int:
    """Add `count` articles under `topic`, modelled on its live ones; returns
    how many articles the topic has afterwards."""
    templates = list(ArticlePage.objects.live().child_of(topic).order_by("path"))
    if not templates:
        raise RuntimeError(f"{topic} has no live articles to copy (load the demo content first)")
    tags = {
        template.pk: list(
            ArticlePageTag.objects.filter(content_object=template).values_list("tag_id", flat=True)
        )
        for template in templates
    }
    oldest = min(template.first_published_at for template in templates)
    added = 0

    def fields_for(n: int) -> dict:
        template = templates[(added + n) % len(templates)]
        published = oldest - dt.timedelta(minutes=added + n + 1)
        return {
            "title": f"{template.title} ({added + n + 1})",
            "standfirst": template.standfirst,
            "body": list(template.body.raw_data),
            "author_id": template.author_id,
            "medical_reviewer_id": template.medical_reviewer_id,
            "last_reviewed": template.last_reviewed,
            "next_review_due": template.next_review_due,
            "seo_title": template.seo_title,
            "search_description": template.search_description,
            "first_published_at": published,
            "last_published_at": published,
        }

    def tag_ids_for(n: int) -> list[int]:
        return tags[templates[(added + n) % len(templates)].pk]

    search = get_search_backend()
    while added < count:
        batch = min(BATCH_SIZE, count - added)
        with transaction.atomic():
            articles = add_live_articles(
                topic, batch, prefix=PREFIX, fields_for=fields_for, tag_ids_for=tag_ids_for
            )
            for article in articles:
                article._cached_parent_obj = topic  # the search fields read the topic's names
            prefetch_related_objects(articles, "tags")
            search.add_bulk(ArticlePage, articles)
        added += batch
    return ArticlePage.objects.child_of(topic).count()


def demo_topic() -> TopicPage:
    """The demo topic with the articles (Ketamine)."""
    return TopicPage.objects.live().filter(slug="ketamine").get()
