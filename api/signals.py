"""Invalidate cached API responses when published content changes.

Connected in `ApiConfig.ready()`. Drafts and revisions being saved change
nothing public, so they do not invalidate; publishing does.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_delete
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from api.caching import invalidate_now_and_on_commit


def _invalidate(**kwargs) -> None:
    invalidate_now_and_on_commit()


def _invalidate_if_page(sender, instance=None, **kwargs) -> None:
    # pre/post_delete fire for every model; only pages concern the API here.
    if isinstance(instance, Page):
        invalidate_now_and_on_commit()


def _warm_renditions(sender, instance=None, **kwargs) -> None:
    """Make the renditions a page shows when it is published (its share image;
    an article's body images too), so reading it never has to create them
    (that would be a write, and queries, per image)."""
    from django.conf import settings
    from django.db.models import Q

    from api import blocks
    from api.references import References
    from api.seo import renditions_warm, share_rendition_warm
    from cms.models import ArticlePage

    share_rendition_warm(instance)
    if not isinstance(instance, ArticlePage):
        return
    refs = References(visible=Q(), rendition_filter=settings.API_IMAGE_RENDITION)
    blocks.collect_article(instance, refs)
    renditions_warm(refs.image_ids, settings.API_IMAGE_RENDITION)


def snippet_models() -> list[type]:
    """Non-page models whose data appears in API responses."""
    from cms import models as cms_models

    names = ["Person", "Helpline", "HelplineOpeningHours"]
    models = [getattr(cms_models, name) for name in names if hasattr(cms_models, name)]
    return [*models, get_image_model(), PageViewRestriction, Tag, Redirect]


def connect() -> None:
    uid = "api-cache-invalidation"
    page_published.connect(_invalidate, dispatch_uid=f"{uid}-published")
    page_published.connect(_warm_renditions, dispatch_uid="api-warm-renditions")
    page_unpublished.connect(_invalidate, dispatch_uid=f"{uid}-unpublished")
    post_page_move.connect(_invalidate, dispatch_uid=f"{uid}-moved")
    pre_delete.connect(_invalidate_if_page, dispatch_uid=f"{uid}-pre-delete")
    post_delete.connect(_invalidate_if_page, dispatch_uid=f"{uid}-post-delete")
    for model in snippet_models():
        post_save.connect(_invalidate, sender=model, dispatch_uid=f"{uid}-save-{model._meta.label}")
        post_delete.connect(_invalidate, sender=model, dispatch_uid=f"{uid}-delete-{model._meta.label}")
