"""Many live articles, fast: for query budgets at a thousand pages.

Inserted in bulk (two statements) rather than one at a time through
treebeard's `add_child` and a revision each (about 30 s for a thousand): the
read path is what is measured, and it reads plain rows. Nothing else is
made (no revisions, search or reference index entries, tags).
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from cms.models import ArticlePage


def add_live_articles(parent: Page, count: int, *, prefix: str = "bulk") -> list[ArticlePage]:
    """`count` live articles added after `parent`'s last child."""
    parent.refresh_from_db()
    last = parent.get_last_child()
    first_step = ArticlePage._str2int(last.path[-ArticlePage.steplen :]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(ArticlePage)
    now = timezone.now()
    articles = []
    for step in range(first_step, first_step + count):
        slug = f"{prefix}-{step}"
        articles.append(
            ArticlePage(
                title=f"Bulk article {step}",
                draft_title=f"Bulk article {step}",
                slug=slug,
                content_type=content_type,
                locale_id=parent.locale_id,
                path=ArticlePage._get_path(parent.path, parent.depth + 1, step),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                standfirst="Bulk.",
            )
        )
    # Multi-table inheritance: the page rows first (Postgres returns their
    # ids), then the article rows that point at them.
    Page.objects.bulk_create(articles)
    for article in articles:
        article.page_ptr_id = article.id
    ArticlePage._base_manager._insert(articles, fields=ArticlePage._meta.local_concrete_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    parent.refresh_from_db()
    return articles
