"""Signal receivers that turn content changes into webhook events.

Connected in `ApiConfig.ready()`. Each receiver builds a payload and calls
`outbox.event_record`, which writes the deliveries in the transaction that
made the change; nothing here waits for an endpoint.

- page.published: Wagtail's `page_published`, when the page is live (a
  publish scheduled for later sends it then). `old_url` is where the page
  was public before: a publish that changed the slug moved it.
- page.unpublished: `page_unpublished` (once per page, descendants too),
  when the unpublish is saved.
- page.deleted: a live page deleted, once per page (pre_delete of the base
  `Page` row; deleting a page deletes the pages below it, each reported).
  Not also page.unpublished: Wagtail unpublishes a page it is about to
  delete only in memory.
- page.moved: `post_page_move` of a live page (a reorder among its siblings
  too: listings change order). Pages below it move with it; their URLs
  start with the new `url`.
- helpline.changed: a Helpline snippet saved or deleted.
- sms_answers.published: a topic published with SMS answers that differ
  from those it had live (first publish: any answers). The answers are
  inline rows of the topic, written when it is published: that is when an
  answer is published.

Pages under a view restriction are reported like any other: receivers are
set up by admins, and a frontend that revalidates one finds it absent from
the API.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from api.models import WebhookEvent
from api.webhooks import outbox, payloads
from cms.models import Helpline, TopicPage, TopicSmsAnswer

# What a page looked like in the database just before a full save (set by
# `_remember_before_save`, read by `_page_published`).
_BEFORE = "_webhook_state_before_save"


def _answers(rows) -> set[tuple[int, str]]:
    return {(answer.intent_id, answer.text) for answer in rows}


def _remember_before_save(sender, instance=None, update_fields=None, raw=False, **kwargs) -> None:
    """Before a page's full save (publishing is one), note where it was and
    whether it was live, and a topic's SMS answers: what the publish event
    compares with. Revision and metadata saves (update_fields) are skipped."""
    if raw or not isinstance(instance, Page) or instance.pk is None or update_fields is not None:
        return
    row = Page.objects.filter(pk=instance.pk).values("url_path", "live").first()
    if row is None:
        return
    before = {"url_path": row["url_path"], "live": row["live"], "answers": None}
    if isinstance(instance, TopicPage):
        before["answers"] = _answers(TopicSmsAnswer.objects.filter(topic_id=instance.pk))
    setattr(instance, _BEFORE, before)


def _page_published(sender, instance: Page, **kwargs) -> None:
    before = instance.__dict__.pop(_BEFORE, None) or {"url_path": None, "live": False, "answers": None}
    if not instance.live:
        return  # scheduled for later: Wagtail says "published" again when it goes live
    old_path = before["url_path"] if before["live"] else None
    outbox.event_record(
        event=WebhookEvent.PAGE_PUBLISHED,
        payload=payloads.page_payload(
            event=WebhookEvent.PAGE_PUBLISHED,
            page=instance,
            url_path_before=old_path,
            url_path_after=instance.url_path,
        ),
    )
    if isinstance(instance, TopicPage):
        answers = _answers(instance.sms_answers.all())
        changed = answers != before["answers"] if before["live"] else bool(answers)
        if changed:
            outbox.event_record(
                event=WebhookEvent.SMS_ANSWERS_PUBLISHED,
                payload=payloads.sms_answers_payload(
                    event=WebhookEvent.SMS_ANSWERS_PUBLISHED, topic=instance, url_path_before=old_path
                ),
            )


def _live_in_database(page: Page) -> bool:
    return Page.objects.filter(pk=page.pk, live=True).exists()


def _page_unpublished(sender, instance: Page, **kwargs) -> None:
    instance.__dict__.pop(_BEFORE, None)
    if _live_in_database(instance):
        # Unpublished in memory only, not saved: Wagtail does this to a page
        # just before deleting it, and page.deleted reports that.
        return
    outbox.event_record(
        event=WebhookEvent.PAGE_UNPUBLISHED,
        payload=payloads.page_payload(
            event=WebhookEvent.PAGE_UNPUBLISHED,
            page=instance,
            url_path_before=instance.url_path,
            url_path_after=None,
        ),
    )


def _page_deleted(sender, instance: Page, **kwargs) -> None:
    # Sender is exactly Page: deleting a page collects its base row once,
    # besides its specific row (ArticlePage...), which would be a duplicate.
    # Wagtail's own pre_delete receiver unpublishes the instance in memory
    # (live=False); if it ran first, the database still knows.
    if not (instance.live or _live_in_database(instance)):
        return
    outbox.event_record(
        event=WebhookEvent.PAGE_DELETED,
        payload=payloads.page_payload(
            event=WebhookEvent.PAGE_DELETED,
            page=instance,
            url_path_before=instance.url_path,
            url_path_after=None,
        ),
    )


def _page_moved(sender, instance: Page, url_path_before: str, url_path_after: str, **kwargs) -> None:
    instance.__dict__.pop(_BEFORE, None)
    if not instance.live:
        return
    outbox.event_record(
        event=WebhookEvent.PAGE_MOVED,
        payload=payloads.page_payload(
            event=WebhookEvent.PAGE_MOVED,
            page=instance,
            url_path_before=url_path_before,
            url_path_after=url_path_after,
        ),
    )


def _helpline_changed(helpline: Helpline, *, deleted: bool) -> None:
    outbox.event_record(
        event=WebhookEvent.HELPLINE_CHANGED,
        payload=payloads.helpline_payload(
            event=WebhookEvent.HELPLINE_CHANGED, helpline=helpline, deleted=deleted
        ),
    )


def _helpline_saved(sender, instance: Helpline, raw=False, **kwargs) -> None:
    if not raw:  # loaddata: not an edit
        _helpline_changed(instance, deleted=False)


def _helpline_deleted(sender, instance: Helpline, **kwargs) -> None:
    _helpline_changed(instance, deleted=True)


def connect() -> None:
    uid = "api-webhooks"
    pre_save.connect(_remember_before_save, dispatch_uid=f"{uid}-pre-save")
    page_published.connect(_page_published, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(_page_unpublished, dispatch_uid=f"{uid}-unpublished")
    pre_delete.connect(_page_deleted, sender=Page, dispatch_uid=f"{uid}-deleted")
    post_page_move.connect(_page_moved, dispatch_uid=f"{uid}-moved")
    post_save.connect(_helpline_saved, sender=Helpline, dispatch_uid=f"{uid}-helpline-saved")
    post_delete.connect(_helpline_deleted, sender=Helpline, dispatch_uid=f"{uid}-helpline-deleted")
