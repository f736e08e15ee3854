"""Signal receivers (connected in CmsConfig.ready)."""

from __future__ import annotations

from wagtail.search import index
from wagtail.signals import page_published


def reindex_articles_of_topic(sender, instance, **kwargs) -> None:
    """Articles index their topic's other names (search synonyms), so
    re-index them when the topic is published with new names."""
    from cms.models import ArticlePage

    for article in ArticlePage.objects.child_of(instance):
        index.insert_or_update_object(article)


def connect() -> None:
    from cms.demo.loader import demo_accounts_report
    from cms.models import TopicPage
    from cms.signals import demo_content_loaded

    # Sample staff accounts come with the demo content (DEBUG only).
    demo_content_loaded.connect(demo_accounts_report, dispatch_uid="cms_demo_accounts")

    page_published.connect(
        reindex_articles_of_topic, sender=TopicPage, dispatch_uid="cms-reindex-topic-articles"
    )
