"""What a page needs in its <head>, beyond its content: the canonical URL and
the share image (seo_title and search_description are Wagtail's own fields).

- The canonical URL is the page's public URL (`api.pages.public_url`): a page
  has one address on the website, whichever topic list or search led to it.
- The share image is the page's own (`cms.models.sharing`); an article
  without one borrows its topic's, which suits the article and is cheap (the
  topic is loaded anyway); with neither it is null, and the frontend uses its
  own site-wide image. It is cropped to API_SHARE_IMAGE_RENDITION (1200x630,
  Open Graph's size).

Share images are loaded for a whole response at once (`share_images()`), as
`api.references` loads body images: one query when the renditions exist,
which `share_rendition_warm()` makes ahead of publication; one missing is
made on first read.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from wagtail.images import get_image_model
from wagtail.models import Page

from api.pages import parent_path
from api.references import References

logger = logging.getLogger(__name__)


def share_image_id(page: Page, *, topics_by_path: Mapping[str, Page]) -> int | None:
    """The image a page is shared with: its own, else its topic's (articles)."""
    own = getattr(page, "share_image_id", None)
    if own:
        return own
    topic = topics_by_path.get(parent_path(page))
    return getattr(topic, "share_image_id", None) if topic is not None else None


def share_images(
    *, pages: Iterable[Page], topics_by_path: Mapping[str, Page], request: HttpRequest | None = None
) -> dict[int, dict[str, Any]]:
    """Image id -> `{id, url, width, height, alt}` for the pages' share images
    (none: no query). Serializers look theirs up with `share_image_id()`."""
    refs = References(visible=Q(), rendition_filter=settings.API_SHARE_IMAGE_RENDITION, request=request)
    for page in pages:
        refs.add("image", share_image_id(page, topics_by_path=topics_by_path))
    if not refs.image_ids:
        return {}
    refs.load()
    found = {image_id: refs.image(image_id) for image_id in refs.image_ids}
    return {image_id: data for image_id, data in found.items() if data is not None}


def renditions_warm(image_ids, filter_spec: str) -> None:
    """Make the `filter_spec` renditions of these images (when a page is
    published), so reading the API never has to: that would be a write, and
    queries, per image. An image whose file is gone is logged and left out."""
    for image in get_image_model().objects.filter(pk__in=[pk for pk in image_ids if pk]):
        try:
            image.get_rendition(filter_spec)
        except OSError:  # incl. Wagtail's SourceImageIOError
            logger.warning("Image %s has no readable file; the API leaves it out", image.pk)


def share_rendition_warm(page: Page) -> None:
    """The page's own share image's rendition (see `renditions_warm`)."""
    renditions_warm([getattr(page, "share_image_id", None)], settings.API_SHARE_IMAGE_RENDITION)
