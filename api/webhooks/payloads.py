"""What a webhook says: one flat JSON object per event.

Every payload has the same keys, so a receiver can revalidate without
looking at the event first:

- ``event``: e.g. ``page.published`` (`api.models.WebhookEvent`);
- ``type``: the page's type as sync and the sitemap name it (``article``,
  ``topic``... `api.page_types`), or ``helpline``;
- ``id``, ``slug``: the item (helplines have no slug);
- ``old_url``: the public URL before the change (null if it had none:
  a first publish);
- ``url``: the public URL after it (null if it has none now: unpublished,
  deleted);
- ``api_url``: where the item is (or was) in this API;
- ``occurred_at``: when the change happened (ISO 8601, UTC).

URLs come from the functions the API uses (`api.pages`, `api.page_types`),
so a webhook names a page exactly as the API does; with no request to take
a host from, API URLs are on PUBLIC_BASE_URL.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from api import page_types
from api.pages import absolute_url, public_url
from cms.models import Helpline, SmsIntent, TopicPage


def _now() -> str:
    return timezone.now().isoformat()


def page_payload(*, event: str, page: Page, url_path_before: str | None, url_path_after: str | None) -> dict:
    """A page event. `url_path_before`/`after` are Wagtail url_paths (None:
    not public on that side of the change)."""
    kind = page_types.PAGE_TYPES.get(page.specific_class or type(page), page_types.OTHER_PAGE_TYPE)
    return {
        "event": event,
        "type": kind,
        "id": page.pk,
        "slug": page.slug,
        "old_url": public_url(url_path_before) if url_path_before else None,
        "url": public_url(url_path_after) if url_path_after else None,
        "api_url": page_types.detail_api_url(kind, page.slug, request=None),
        "occurred_at": _now(),
    }


def helpline_payload(*, event: str, helpline: Helpline, deleted: bool) -> dict:
    """A helpline saved or deleted. Helplines have no page of their own:
    `api_url` is the list they appear in, for their country."""
    listing = absolute_url(reverse("api:helpline-list"))
    return {
        "event": event,
        "type": "helpline",
        "id": helpline.pk,
        "slug": None,
        "old_url": None,
        "url": None,
        "api_url": f"{listing}?country={helpline.country}",
        "occurred_at": _now(),
        "country": helpline.country,
        "deleted": deleted,
    }


def sms_answers_payload(*, event: str, topic: TopicPage, url_path_before: str | None) -> dict:
    """A topic's SMS answers as just published, named by their question
    types (the page event says where the topic is)."""
    payload = page_payload(
        event=event, page=topic, url_path_before=url_path_before, url_path_after=topic.url_path
    )
    intent_ids = {answer.intent_id for answer in topic.sms_answers.all()}
    payload["intents"] = sorted(SmsIntent.objects.filter(pk__in=intent_ids).values_list("slug", flat=True))
    return payload
