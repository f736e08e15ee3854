"""Batch resolution of everything content points at: pages, images,
documents, helplines.

Serializing is two passes: first collect every referenced id (StreamField
raw data, rich text, people's photos), then `load()` each kind with one query
(images with their renditions in a second), then render. That is what keeps
the article detail at a fixed number of queries however many blocks, images
and links it has.

URLs of this app's files (image renditions, documents) and API links are
built on the request's host when `request` is given (`api.pages`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpRequest
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

from api.pages import absolute_url, api_url, public_url
from cms.models import ArticlePage, Helpline, TopicPage

logger = logging.getLogger(__name__)
_ID = re.compile(r"^\d+$")


@dataclass
class PageRef:
    id: int
    title: str
    slug: str
    kind: str  # "article", "topic" or "page"
    url: str
    api_url: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "slug": self.slug,
            "type": self.kind,
            "url": self.url,
            "api_url": self.api_url,
        }


@dataclass
class References:
    """Ids to resolve, then what they resolved to (None: missing or not public)."""

    visible: Q
    rendition_filter: str
    request: HttpRequest | None = None
    image_ids: set[int] = field(default_factory=set)
    page_ids: set[int] = field(default_factory=set)
    document_ids: set[int] = field(default_factory=set)
    helpline_ids: set[int] = field(default_factory=set)
    images: dict[int, Any] = field(default_factory=dict)
    pages: dict[int, PageRef] = field(default_factory=dict)
    documents: dict[int, Any] = field(default_factory=dict)
    helplines: dict[int, Helpline] = field(default_factory=dict)
    countries: list[str] = field(default_factory=list)
    # Every helpline by id, with its hours, when the caller keeps them (per
    # content generation: `api.views.CachedGetMixin.every_helpline`); None:
    # `load()` reads the ones it needs.
    every_helpline: Mapping[int, Helpline] | None = None

    # --- collecting -------------------------------------------------------

    def add(self, kind: str, value: Any) -> None:
        if isinstance(value, int) or (isinstance(value, str) and _ID.match(value)):
            getattr(self, f"{kind}_ids").add(int(value))

    def collect_rich_text(self, html: str) -> None:
        for match in FIND_A_TAG.finditer(html or ""):
            attrs = extract_attrs(match.group(1))
            if attrs.get("linktype") in ("page", "document"):
                self.add(attrs["linktype"], attrs.get("id"))
        for match in FIND_EMBED_TAG.finditer(html or ""):
            attrs = extract_attrs(match.group(1))
            if attrs.get("embedtype") == "image":
                self.add("image", attrs.get("id"))

    # --- loading ----------------------------------------------------------

    def load(self) -> None:
        image_model = get_image_model()
        if self.image_ids:
            self.images = self._load_images(image_model)
        if self.page_ids:
            self.pages = page_refs(ids=self.page_ids, visible=self.visible, request=self.request)
        if self.document_ids:
            self.documents = get_document_model().objects.in_bulk(self.document_ids)
        if self.helpline_ids or self.countries:
            # Helplines chosen in the body and those for the reader's country
            # (and the fallback country).
            self.helplines = {
                h.pk: h
                for h in self._helpline_candidates()
                if h.pk in self.helpline_ids or h.country in self.countries
            }

    def _helpline_candidates(self) -> Iterable[Helpline]:
        """The kept helplines, or those wanted in one query plus one for hours."""
        if self.every_helpline is not None:
            return self.every_helpline.values()
        return (
            Helpline.objects.filter(Q(pk__in=self.helpline_ids) | Q(country__in=self.countries))
            .prefetch_related("opening_hours")
            .order_by("country", "sort_order", "name")
        )

    def _load_images(self, image_model) -> dict[int, Any]:
        """Images with their renditions for our filter: one query (renditions
        with their image) when the renditions exist, as they do once the page
        is published (`api.signals`); a second only for images without one."""
        renditions = image_model.get_rendition_model().objects.filter(
            image_id__in=self.image_ids, filter_spec=self.rendition_filter
        )
        images: dict[int, Any] = {}
        for rendition in renditions.select_related("image"):
            image = images.setdefault(rendition.image_id, rendition.image)
            rendition.image = image
            # Wagtail's own prefetch attribute: get_rendition() looks here first.
            image.prefetched_renditions = [*getattr(image, "prefetched_renditions", []), rendition]
        missing = self.image_ids - images.keys()
        if missing:
            for image in image_model.objects.filter(pk__in=missing):
                image.prefetched_renditions = []
                images[image.pk] = image
        return images

    def helplines_in(self, country: str) -> list[Helpline]:
        return [h for h in self.helplines.values() if h.country == country]

    # --- rendering ----------------------------------------------------------

    def image(self, image_id: Any, *, alt: str | None = None) -> dict[str, Any] | None:
        image = self.images.get(int(image_id)) if image_id not in (None, "") else None
        if image is None:
            return None
        try:
            rendition = _rendition(image, self.rendition_filter)
        except OSError:  # incl. Wagtail's SourceImageIOError
            # The file is gone: leave the image out rather than fail the page.
            logger.warning("Image %s has no readable file; left out of the response", image.pk)
            return None
        return {
            "id": image.pk,
            "url": absolute_url(rendition.url, request=self.request),
            "width": rendition.width,
            "height": rendition.height,
            "alt": alt if alt is not None else image.default_alt_text,
        }

    def page(self, page_id: Any) -> dict[str, Any] | None:
        ref = self.pages.get(int(page_id)) if page_id not in (None, "") else None
        return ref.as_dict() if ref else None

    def document_url(self, document) -> str:
        return document_url(document, request=self.request)

    def rich_text(self, html: str) -> str:
        """Database HTML -> HTML a frontend can show: internal links point to
        the public URL (with the API URL in `data-api-url`), links to pages
        that are not public lose their href, images become renditions."""

        def link(match: re.Match) -> str:
            attrs = extract_attrs(match.group(1))
            kind = attrs.get("linktype")
            if kind == "page":
                ref = self.pages.get(int(attrs["id"])) if _ID.match(attrs.get("id", "")) else None
                if ref is None:
                    return "<a>"
                api = f' data-api-url="{escape(ref.api_url)}"' if ref.api_url else ""
                return f'<a href="{escape(ref.url)}" data-page-id="{ref.id}"{api}>'
            if kind == "document":
                doc = self.documents.get(int(attrs["id"])) if _ID.match(attrs.get("id", "")) else None
                return f'<a href="{escape(self.document_url(doc))}">' if doc else "<a>"
            return match.group(0)

        def embed(match: re.Match) -> str:
            attrs = extract_attrs(match.group(1))
            if attrs.get("embedtype") != "image":
                return ""
            data = self.image(attrs.get("id"), alt=attrs.get("alt", ""))
            if data is None:
                return ""
            return (
                f'<img src="{escape(data["url"])}" width="{data["width"]}" height="{data["height"]}"'
                f' alt="{escape(data["alt"])}" class="richtext-image {escape(attrs.get("format", ""))}">'
            )

        return FIND_EMBED_TAG.sub(embed, FIND_A_TAG.sub(link, html or ""))


def document_url(document, *, request: HttpRequest | None = None) -> str:
    """Absolute: documents are served by this app, not the frontend."""
    return absolute_url(document.url, request=request)


def page_refs(*, ids: set[int], visible: Q, request: HttpRequest | None = None) -> dict[int, PageRef]:
    """Public pages by id, with their URLs, in one query."""
    kinds = {
        ContentType.objects.get_for_model(ArticlePage).pk: ("article", "api:article-detail"),
        ContentType.objects.get_for_model(TopicPage).pk: ("topic", "api:topic-detail"),
    }
    rows = Page.objects.filter(visible, pk__in=ids).values("pk", "title", "slug", "url_path", "content_type")
    refs = {}
    for row in rows:
        kind, route = kinds.get(row["content_type"], ("page", None))
        refs[row["pk"]] = PageRef(
            id=row["pk"],
            title=row["title"],
            slug=row["slug"],
            kind=kind,
            url=public_url(row["url_path"]),
            api_url=api_url(route.removeprefix("api:"), row["slug"], request=request) if route else None,
        )
    return refs


def _rendition(image, filter_spec: str):
    """The image's `filter_spec` rendition: the one `load()` prefetched when
    it exists, made otherwise. Not `get_rendition()` alone, which writes
    every rendition it returns to Wagtail's rendition cache, the default
    (Redis) one here: a round trip per image of every response built."""
    try:
        return image.find_existing_rendition(Filter(spec=filter_spec))
    except image.get_rendition_model().DoesNotExist:
        return image.get_rendition(filter_spec)
