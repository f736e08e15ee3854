"""What kind of page a row is, without loading the specific page.

Sync and the sitemap read plain `Page` rows (one table, one query) and name
each by its content type: `type` in their answers, and which detail route
(if any) serves it in this API.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from wagtail.models import Page

from api.pages import api_url
from cms.models import ArticlePage, HomePage, TopicIndexPage, TopicPage

PAGE_TYPES: dict[type[Page], str] = {
    HomePage: "home",
    TopicIndexPage: "topic_index",
    TopicPage: "topic",
    ArticlePage: "article",
}
OTHER_PAGE_TYPE = "page"
# The types this API serves alone, by the route that serves them.
DETAIL_ROUTES = {"topic": "topic-detail", "article": "article-detail"}


def type_names(models: list[type[Page]] | None = None) -> dict[int, str]:
    """Content type id -> type name, for `models` (default: every page type
    above). ContentType's cache answers once warm: no query per page."""
    models = models or list(PAGE_TYPES)
    content_types = ContentType.objects.get_for_models(*models)
    return {content_types[model].pk: PAGE_TYPES[model] for model in models}


def detail_api_url(kind: str, slug: str, *, request: HttpRequest | None) -> str | None:
    """The page's detail in this API, or None for kinds it has no detail for."""
    route = DETAIL_ROUTES.get(kind)
    return api_url(route, slug, request=request) if route else None
