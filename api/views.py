"""API views: thin. Selectors read, serializers shape, `api.caching` caches.

Every GET except the preview is served through `cached_json_response`
(Redis cache, ETag, Last-Modified, 304s). Serializers get the request in
their context: API URLs in the body are on the host it came in on.
"""

from __future__ import annotations

import functools
import logging

from django.conf import settings
from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import cached_property
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from api import caching, helplines, params, selectors, seo, services
from api.article_detail import ArticleDetailSerializer, article_detail
from api.caching import PRIVATE_CACHE_CONTROL, cached_json_response
from api.filters import TAG_PARAMETER, ArticleFilter, HelplineFilter
from api.pages import api_url, parent_path, public_url, visible_q
from api.preview import PreviewTokenError, preview_page, preview_revision_get
from api.references import References
from api.serializers import (
    ArticleListSerializer,
    CallbackRequestReceivedSerializer,
    CallbackRequestSerializer,
    HelplineSerializer,
    SearchResultSerializer,
    TopicSerializer,
)
from api.throttles import CallbackRequestThrottle
from cms.models import ArticlePage, Helpline, TopicPage

logger = logging.getLogger(__name__)


class CountCachedPaginator(DjangoPaginator):
    """Counts a queryset once per content generation (`api.caching`): at ten
    thousand articles the count costs more than the page it numbers."""

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, QuerySet):
            return caching.cached_count(self.object_list)
        return len(self.object_list)


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    django_paginator_class = CountCachedPaginator

    def page_size_limits(self) -> tuple[int, int]:
        """(default, most) results per page; read at request time, so the
        settings can change."""
        return settings.API_PAGE_SIZE, settings.API_MAX_PAGE_SIZE

    def get_page_size(self, request):
        self.page_size, self.max_page_size = self.page_size_limits()
        return super().get_page_size(request)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        default, most = self.page_size_limits()
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = most
                parameter["description"] = f"Results per page (default {default}, at most {most})."
        return parameters


class CachedGetMixin:
    """GET through the response cache. The view's usual GET builds the data;
    a view sets `self.max_age` when its data holds only for a while (helplines'
    `open_now`), and `cache_vary_on()` adds request-derived values to the key.

    A hit is served before REST framework runs (`as_view`): authentication,
    permissions and throttles are all open for these GETs, and content
    negotiation could only pick JSON, so what it would do is known; any
    request it might answer otherwise (an Accept without JSON, `?format=`,
    an invalid vary value) goes through it. That keeps a hit within a cache
    round trip of a bare Django view.
    """

    vary_headers: tuple[str, ...] = ()

    @cached_property
    def visible(self):
        # Which pages are private changes only with content, and every change
        # to it (a view restriction saved or deleted) replaces the generation.
        return self._kept("visible", visible_q)

    @cached_property
    def topics_by_path(self) -> dict[str, TopicPage]:
        # Every public topic (tens), where a miss finds its articles' topics
        # without a query; publishing, moving or unpublishing one replaces
        # the generation.
        return self._kept("topics", lambda: selectors.topics_by_path(visible=self.visible))

    @cached_property
    def every_helpline(self) -> dict[int, Helpline]:
        # Helplines with their hours (tens): a detail miss reads its
        # country's without a query; saving one (a snippet) replaces the
        # generation.
        return self._kept("helplines", lambda: {h.pk: h for h in helplines.helpline_list()})

    def _kept(self, name: str, build):
        """`build()`'s value, kept in this process for the content generation
        this request's cache lookup read (`caching.built_for_generation`)."""
        found = getattr(self.request, "api_cache_lookup", None)
        return caching.built_for_generation(name, found, build)

    @classmethod
    def cache_vary_on(cls, request) -> tuple[str, ...]:
        """Request-derived values the response depends on, beside the URL."""
        return ()

    @classmethod
    def as_view(cls, **initkwargs):
        rest_framework_view = super().as_view(**initkwargs)

        def view(request, *args, **kwargs):
            found = _cache_lookup_before_rest_framework(cls, request)
            hit = caching.cached_hit(request, found, vary_headers=cls.vary_headers)
            if hit is not None:
                return hit
            request.api_cache_lookup = found  # a miss: built by the view, stored under it
            return rest_framework_view(request, *args, **kwargs)

        return functools.wraps(rest_framework_view)(view)

    def get(self, request, *args, **kwargs):
        self.max_age = None

        def build():
            response = super(CachedGetMixin, self).get(request, *args, **kwargs)
            return response.data, self.max_age

        return cached_json_response(
            request,
            build=build,
            vary_on=self.cache_vary_on(request),
            vary_headers=self.vary_headers,
            found=getattr(request, "api_cache_lookup", None),
        )


def _cache_lookup_before_rest_framework(view_class, request) -> caching.Lookup | None:
    if request.method != "GET" or "format" in request.GET:
        return None
    accept = request.headers.get("Accept", "*/*")
    if not any(kind in accept for kind in ("*/*", "application/*", "application/json")):
        return None
    try:
        vary_on = view_class.cache_vary_on(request)
    except ValidationError:
        return None
    return caching.response_lookup(request, vary_on=vary_on)


# --- topics -------------------------------------------------------------------


def _topic_context(topics: list[TopicPage], visible, request) -> dict:
    refs = References(visible=visible, rendition_filter=settings.API_IMAGE_RENDITION, request=request)
    for topic in topics:
        refs.collect_rich_text(topic.summary)
    refs.load()
    articles_by_topic = selectors.articles_by_topic(topics=topics, visible=visible)
    articles = [article for shown in articles_by_topic.values() for article in shown]
    share_images = seo.share_images(
        pages=[*topics, *articles], topics_by_path={topic.path: topic for topic in topics}, request=request
    )
    return {
        "refs": refs,
        "articles_by_topic": articles_by_topic,
        "share_images": share_images,
        "request": request,
    }


class TopicListView(CachedGetMixin, generics.ListAPIView):
    """Published topics (substances and subjects) in tree order, each with
    its published articles."""

    serializer_class = TopicSerializer
    pagination_class = Pagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return TopicPage.objects.none()
        return selectors.topic_queryset(visible=self.visible)

    def get_serializer(self, *args, **kwargs):
        if not args:  # schema generation
            return super().get_serializer(*args, **kwargs)
        topics = list(args[0])
        kwargs["context"] = {
            **self.get_serializer_context(),
            **_topic_context(topics, self.visible, self.request),
        }
        return self.get_serializer_class()(topics, *args[1:], **kwargs)


class TopicDetailView(CachedGetMixin, generics.RetrieveAPIView):
    """A topic with its published articles."""

    serializer_class = TopicSerializer

    def retrieve(self, request, *args, **kwargs):
        topic = selectors.topic_get(slug=kwargs["slug"], visible=self.visible)
        context = _topic_context([topic], self.visible, request)
        return Response(TopicSerializer(topic, context=context).data)


# --- articles -----------------------------------------------------------------


@extend_schema(parameters=[params.Q_PARAMETER, params.TOPIC_PARAMETER, TAG_PARAMETER])
class ArticleListView(CachedGetMixin, generics.ListAPIView):
    """Published articles, newest first (by relevance with `q`)."""

    serializer_class = ArticleListSerializer
    pagination_class = Pagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = ArticleFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no database
            return ArticlePage.objects.none()
        return selectors.article_queryset(visible=self.visible).order_by("-last_published_at", "path")

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        q = params.search_words(self.request, required=False)
        if not q:
            return queryset
        searched = selectors.article_search(queryset=queryset, q=q)
        if "ordering" in self.request.query_params:  # an explicit ordering beats relevance
            return queryset.filter(pk__in=searched.ids)
        return searched

    def get_serializer(self, *args, **kwargs):
        if not args:  # schema generation
            return super().get_serializer(*args, **kwargs)
        articles = list(args[0])
        topics = self.topics_by_path
        kwargs["context"] = {
            **self.get_serializer_context(),
            "topics_by_path": topics,
            "share_images": seo.share_images(pages=articles, topics_by_path=topics, request=self.request),
        }
        return self.get_serializer_class()(articles, *args[1:], **kwargs)


@extend_schema(parameters=[params.COUNTRY_PARAMETER, params.ACCEPT_LANGUAGE_PARAMETER])
class ArticleDetailView(CachedGetMixin, generics.RetrieveAPIView):
    """Everything a frontend renders for one article."""

    serializer_class = ArticleDetailSerializer
    vary_headers = ("Accept-Language",)

    @classmethod
    def cache_vary_on(cls, request):
        return (params.country(request),)

    def retrieve(self, request, *args, **kwargs):
        article = selectors.article_get(slug=kwargs["slug"], visible=self.visible)
        related = selectors.related_articles(article=article, visible=self.visible)
        data, self.max_age = article_detail(
            article=article,
            visible=self.visible,
            country=params.country(request),
            related=related,
            topics=self.topics_by_path,
            every_helpline=self.every_helpline,
            request=request,
        )
        return Response(data)


@extend_schema(
    parameters=[
        OpenApiParameter(
            "token",
            {"type": "string", "minLength": 1},
            required=True,
            description="Signed token from the preview link.",
        ),
        params.COUNTRY_PARAMETER,
        params.ACCEPT_LANGUAGE_PARAMETER,
    ],
    responses={200: ArticleDetailSerializer},
)
class PreviewView(APIView):
    """A draft revision of an article, in the detail shape, for a valid token."""

    def get(self, request):
        token = request.query_params.get("token", "")
        if not token:
            raise ValidationError({"token": ["This parameter is required."]})
        try:
            revision = preview_revision_get(token=token)
        except PreviewTokenError as exc:
            raise PermissionDenied(str(exc), code=exc.code) from None
        page = preview_page(revision=revision)
        if not isinstance(page, ArticlePage):
            raise NotFound("Preview is available for articles only.")
        visible = visible_q()
        related = selectors.related_articles(article=page, visible=visible)
        data, _max_age = article_detail(
            article=page,
            visible=visible,
            country=params.country(request),
            related=related,
            topics=selectors.topics_by_path(visible=visible),
            request=request,
        )
        return Response(data, headers={"Cache-Control": PRIVATE_CACHE_CONTROL})


# --- search -------------------------------------------------------------------


@extend_schema(parameters=[params.Q_REQUIRED_PARAMETER])
class SearchView(CachedGetMixin, generics.ListAPIView):
    """Topics and articles together, most relevant first."""

    serializer_class = SearchResultSerializer
    pagination_class = Pagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return []
        q = params.search_words(self.request, required=True)
        return selectors.site_search(q=q, visible=self.visible, topics=self.topics_by_path.values())

    def get_serializer(self, *args, **kwargs):
        if not args:  # schema generation
            return super().get_serializer(*args, **kwargs)
        pages = list(args[0])
        results = [_search_result(page, self.topics_by_path, self.request) for page in pages]
        kwargs["context"] = self.get_serializer_context()
        return SearchResultSerializer(results, *args[1:], **kwargs)


def _search_result(page, topics: dict, request) -> dict:
    if isinstance(page, TopicPage):
        kind, summary, topic, route = "topic", page.sms_summary, None, "topic-detail"
    else:
        kind, summary, route = "article", page.standfirst, "article-detail"
        topic = topics.get(parent_path(page))
    return {
        "type": kind,
        "id": page.pk,
        "slug": page.slug,
        "title": page.title,
        "summary": summary,
        "topic": topic,
        "url": public_url(page.url_path),
        "api_url": api_url(route, page.slug, request=request),
    }


# --- helplines ----------------------------------------------------------------


@extend_schema(
    parameters=[
        OpenApiParameter(
            "country",
            str,
            description="ISO 3166-1 alpha-2 code, e.g. GB (any case).",
            pattern=helplines.COUNTRY_RE.pattern,
        )
    ]
)
class HelplineListView(CachedGetMixin, generics.ListAPIView):
    """Helplines, optionally for one country, each with `open_now`."""

    serializer_class = HelplineSerializer
    pagination_class = Pagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = HelplineFilter

    def get_queryset(self):
        return helplines.helpline_list()

    def get_serializer(self, *args, **kwargs):
        if not args:  # schema generation
            return super().get_serializer(*args, **kwargs)
        now = timezone.now()
        shown = list(args[0])
        # Cached only until one of them opens or closes.
        self.max_age = helplines.seconds_until_change(shown, now=now)
        kwargs["context"] = {**self.get_serializer_context(), "now": now}
        return self.get_serializer_class()(shown, *args[1:], **kwargs)


# --- callback requests --------------------------------------------------------


@extend_schema(
    request=CallbackRequestSerializer,
    responses={201: CallbackRequestReceivedSerializer},
)
class CallbackRequestCreateView(APIView):
    """Ask to be called back. Nothing personal is echoed back."""

    throttle_classes = [CallbackRequestThrottle]

    def post(self, request):
        serializer = CallbackRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if data["website"]:
            # Honeypot filled in: a bot. Answer as if it worked, keep nothing.
            logger.info("Callback request dropped: honeypot field filled")
        else:
            services.callback_request_create(
                name=data["name"],
                phone_e164=data["phone"],
                preferred_time=data["preferred_time"],
                message=data["message"],
            )
        body = {"status": "received", "detail": "Thank you. Someone from our team will call you back."}
        return Response(
            body, status=status.HTTP_201_CREATED, headers={"Cache-Control": PRIVATE_CACHE_CONTROL}
        )
