"""Many live articles, fast: for query budgets at a thousand pages, and the
benchmark's ten thousand (tests/benchmarks/bench_content.py).

Inserted in bulk (a few statements) rather than one at a time through
treebeard's `add_child` and a revision each (about 30 s for a thousand): the
read path is what is measured, and it reads plain rows. Nothing else is
made (no revisions, search or reference index entries).
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from cms.models import ArticlePage, ArticlePageTag


def add_live_articles(
    parent: Page,
    count: int,
    *,
    prefix: str = "bulk",
    fields_for: Callable[[int], dict] | None = None,
    tag_ids_for: Callable[[int], list[int]] | None = None,
) -> list[ArticlePage]:
    """`count` live articles added after `parent`'s last child. The n-th
    (from 0) gets `fields_for(n)` over the defaults, and the tags
    `tag_ids_for(n)`."""
    parent.refresh_from_db()
    last = parent.get_last_child()
    first_step = ArticlePage._str2int(last.path[-ArticlePage.steplen :]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(ArticlePage)
    now = timezone.now()
    articles = []
    for n, step in enumerate(range(first_step, first_step + count)):
        slug = f"{prefix}-{step}"
        fields = {
            "title": f"Bulk article {step}",
            "first_published_at": now,
            "last_published_at": now,
            "standfirst": "Bulk.",
            **(fields_for(n) if fields_for else {}),
        }
        articles.append(
            ArticlePage(
                draft_title=fields["title"],
                slug=slug,
                content_type=content_type,
                locale_id=parent.locale_id,
                path=ArticlePage._get_path(parent.path, parent.depth + 1, step),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                **fields,
            )
        )
    # Multi-table inheritance: the page rows first (Postgres returns their
    # ids), then the article rows that point at them.
    Page.objects.bulk_create(articles)
    for article in articles:
        article.page_ptr_id = article.id
    ArticlePage._base_manager._insert(articles, fields=ArticlePage._meta.local_concrete_fields)
    if tag_ids_for:
        ArticlePageTag.objects.bulk_create(
            ArticlePageTag(content_object_id=article.id, tag_id=tag_id)
            for n, article in enumerate(articles)
            for tag_id in tag_ids_for(n)
        )
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    parent.refresh_from_db()
    return articles
