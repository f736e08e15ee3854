"""Editors' changes that alter how a text is answered: every process
rebuilds what it kept (sms.content_cache). Connected in `SmsConfig.ready()`.

Drafts change nothing a text reads (a topic's SMS answers and names are its
published version), so saving one does not invalidate; publishing does.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from sms import content_cache


def _invalidate(**kwargs) -> None:
    content_cache.invalidate_now_and_on_commit()


def _invalidate_if_topic(sender, instance=None, **kwargs) -> None:
    from cms.models import TopicPage

    if isinstance(instance, TopicPage):
        content_cache.invalidate_now_and_on_commit()


def content_models() -> list[type]:
    """The rows, besides live topic pages, that every text reads."""
    from cms.models import Helpline, SmsIntent, TopicSmsAnswer
    from sms.models import CrisisExample, CrisisPattern, SmsSettings

    return [CrisisPattern, CrisisExample, SmsSettings, Helpline, SmsIntent, TopicSmsAnswer]


def connect() -> None:
    uid = "sms-content-invalidation"
    page_published.connect(_invalidate, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(_invalidate, dispatch_uid=f"{uid}-unpublished")
    post_page_move.connect(_invalidate, dispatch_uid=f"{uid}-moved")
    post_delete.connect(_invalidate_if_topic, dispatch_uid=f"{uid}-page-delete")
    for model in content_models():
        post_save.connect(_invalidate, sender=model, dispatch_uid=f"{uid}-save-{model._meta.label}")
        post_delete.connect(_invalidate, sender=model, dispatch_uid=f"{uid}-delete-{model._meta.label}")
    # A topic made private (or public again) leaves (or joins) what texts are answered from.
    post_save.connect(_invalidate, sender=PageViewRestriction, dispatch_uid=f"{uid}-save-restriction")
    post_delete.connect(_invalidate, sender=PageViewRestriction, dispatch_uid=f"{uid}-delete-restriction")
