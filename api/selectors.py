"""Reads for the API: public pages only, with what serializers need loaded
in a fixed number of queries.

Every function takes `visible` (`api.pages.visible_q()`): the caller
computes it once per request.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, When
from django.http import Http404
from wagtail.models import Page

from api.pages import parent_path
from cms.models import ArticlePage, ArticleRelatedLink, TopicPage, TopicSmsAnswer
from cms.selectors import search_query_clean

# Wagtail search returns the best matches; more than this is noise, and the
# ids are re-applied to a queryset as a ranked IN (...) list.
SEARCH_MAX_RESULTS = 500


def article_queryset(*, visible: Q) -> QuerySet[ArticlePage]:
    """Articles for lists: without the body, which lists never show (it is
    most of a row, and parsing it most of the time to load one)."""
    return ArticlePage.objects.filter(visible).defer("body").prefetch_related("tags")


def topics_by_path(*, paths: Iterable[str], visible: Q) -> dict[str, TopicPage]:
    paths = set(paths)
    if not paths:
        return {}
    return {topic.path: topic for topic in TopicPage.objects.filter(visible, path__in=paths)}


def topics_for_articles(*, articles: Iterable[ArticlePage], visible: Q) -> dict[str, TopicPage]:
    return topics_by_path(paths={parent_path(article) for article in articles}, visible=visible)


def ranked_ids(*, queryset: QuerySet, q: str) -> list[int]:
    """Ids matching `q` with Wagtail search, best first (one query)."""
    q = search_query_clean(q)
    if not q:
        return []
    # Only the ids: the rows (an article's body) would be read and thrown away.
    results = queryset.only("pk").search(q, operator="and")[:SEARCH_MAX_RESULTS]
    return [obj.pk for obj in results]


def order_by_ids(queryset: QuerySet, ids: list[int]) -> QuerySet:
    if not ids:
        return queryset.none()
    rank = Case(*[When(pk=pk, then=position) for position, pk in enumerate(ids)], output_field=IntegerField())
    return queryset.filter(pk__in=ids).order_by(rank)


def article_search(*, queryset: QuerySet[ArticlePage], q: str) -> QuerySet[ArticlePage]:
    """`queryset` narrowed to articles matching `q`, most relevant first."""
    # Search the plain live articles (filters such as tags or tree position
    # are not search-index filter fields), then intersect with `queryset`.
    return order_by_ids(queryset, ranked_ids(queryset=ArticlePage.objects.live(), q=q))


def article_get(*, slug: str, visible: Q) -> ArticlePage:
    """The public article with this slug, with tags and hand-picked related
    links loaded. Slugs are unique within a topic; on a clash across topics
    the first in the tree wins."""
    links = Prefetch("related_links", queryset=ArticleRelatedLink.objects.order_by("sort_order"))
    article = (
        ArticlePage.objects.filter(visible, slug=slug)
        .select_related("author", "medical_reviewer")
        .prefetch_related(links, "tags")
        .order_by("path")
        .first()
    )
    if article is None:
        raise Http404("No such article.")
    return article


def related_articles(*, article: ArticlePage, visible: Q, limit: int = 3) -> list[ArticlePage]:
    """`ArticlePage.related_articles_resolved` over the visible articles."""
    return article.related_articles_resolved(limit=limit, pool=ArticlePage.objects.filter(visible))


def topic_queryset(*, visible: Q) -> QuerySet[TopicPage]:
    """Visible topics with their SMS answers in menu order. The answer rows of
    a live page are its published version (drafts live in revisions)."""
    answers = TopicSmsAnswer.objects.select_related("intent").order_by("intent__sort_order", "intent__name")
    return (
        TopicPage.objects.filter(visible).order_by("path").prefetch_related(Prefetch("sms_answers", answers))
    )


def topic_get(*, slug: str, visible: Q) -> TopicPage:
    topic = topic_queryset(visible=visible).filter(slug=slug).first()
    if topic is None:
        raise Http404("No such topic.")
    return topic


def articles_by_topic(*, topics: Iterable[TopicPage], visible: Q) -> dict[str, list[ArticlePage]]:
    """Each topic's public articles in tree order, keyed by the topic's path
    (two queries however many topics: articles, then their tags)."""
    topics = list(topics)
    if not topics:
        return {}
    children = Q(pk__in=[])
    for topic in topics:
        children |= Q(path__startswith=topic.path, depth=topic.depth + 1)
    grouped: dict[str, list[ArticlePage]] = {topic.path: [] for topic in topics}
    for article in article_queryset(visible=visible).filter(children).order_by("path"):
        grouped[parent_path(article)].append(article)
    return grouped


def site_search(*, q: str, visible: Q) -> list[Page]:
    """Public topics and articles matching `q`, best first, as specific
    pages (three queries: the search, topics, articles).

    A topic's other names are synonyms: when `q` names a topic ("special k"),
    that topic and then its articles come first, as in
    `cms.selectors.content_search`; the rest keep the search ranking."""
    ids = ranked_ids(queryset=Page.objects.live().type(TopicPage, ArticlePage), q=q)
    if not ids:
        return []
    topics = TopicPage.objects.filter(visible, pk__in=ids).in_bulk()
    articles = ArticlePage.objects.filter(visible, pk__in=ids).defer("body").in_bulk()
    found = {**topics, **articles}
    ranked = [found[pk] for pk in ids if pk in found]
    named_paths = [topic.path for topic in topics.values() if topic.is_called(q)]

    def synonym_rank(page: Page) -> int:
        if page.path in named_paths:
            return 0
        return 1 if any(page.path.startswith(path) for path in named_paths) else 2

    return sorted(ranked, key=synonym_rank)  # stable: search order within each rank
