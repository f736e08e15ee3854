"""Reads for the API: public pages only, with what serializers need loaded
in a fixed number of queries.

Every function takes `visible` (`api.pages.visible_q()`): the caller
computes it once per request.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from wagtail.models import Page

from api.pages import parent_path
from cms.models import ArticlePage, ArticleRelatedLink, TopicPage, TopicSmsAnswer
from cms.selectors import search_query_clean

# Search ranks only the newest SEARCH_CANDIDATES matching articles (and every
# topic: a site has tens; `site_search`). Relevance (PostgreSQL's ts_rank) is
# computed per matching row from its whole index vector, so ranking every
# match costs time in proportion to how many pages a word is in (half a
# second for a word in all of 10,000 articles). The newest matches are found
# through indexes, a few rows' work however many match: walking pages newest
# first (`cms_page_last_published_idx`) and checking each one's index entry
# for a common word, the GIN index on the entries' vectors (`api` migration
# 0002) for a rare one.
#
# The trade-off: when more than this many articles match, an older one,
# however relevant, is not among the results. A content site of hundreds of
# articles has that many matches only for a word nearly every article uses
# (the topic's own name); the newest hundred, best first, are five pages of
# results at the default page size, and a topic named by the query comes
# first whatever its date. The API showed at most 500 results before this
# bound too; more than that was noise.
SEARCH_CANDIDATES = 100


def article_queryset(*, visible: Q) -> QuerySet[ArticlePage]:
    """Articles for lists: without the body, which lists never show (it is
    most of a row, and parsing it most of the time to load one)."""
    return ArticlePage.objects.filter(visible).defer("body").prefetch_related("tags")


def topics_by_path(*, visible: Q) -> dict[str, TopicPage]:
    """Every public topic by its tree path, where its articles look theirs
    up (`parent_path`). A site has tens; views keep them per content
    generation (`api.views.CachedGetMixin.topics_by_path`)."""
    return {topic.path: topic for topic in TopicPage.objects.filter(visible)}


def ranked_rows(
    *, model: type[Page], candidates: QuerySet | list[int], q: str, fields: tuple[str, ...]
) -> list[tuple]:
    """`fields` of the `model` pages among `candidates` (ids) matching the
    cleaned query `q`, best first by Wagtail search's relevance (one query)."""
    ranked = model.objects.filter(pk__in=candidates).search(q, operator="and")
    return list(_search_queryset(ranked).values_list(*fields))


def newest_matches(*, queryset: QuerySet, q: str) -> QuerySet:
    """The ids of the newest SEARCH_CANDIDATES live pages of `queryset`
    matching the cleaned query `q`, no relevance computed: a query to read,
    or a subquery.

    `queryset` may filter by anything (visibility, tags, tree position): it
    narrows the search by primary key, the one filter Wagtail search takes
    whatever the search index's filter fields are."""
    model = queryset.model
    newest_first = (
        model.objects.live().filter(pk__in=queryset.values("pk")).order_by("-last_published_at", "path")
    )
    matches = newest_first.search(q, operator="and", order_by_relevance=False)[:SEARCH_CANDIDATES]
    return _search_queryset(matches).values_list("pk", flat=True)


def _search_queryset(results) -> QuerySet:
    """The queryset Wagtail's database search backends (PostgreSQL, SQLite,
    MySQL, the fallback; the one `WAGTAILSEARCH_BACKENDS` names) run for
    `results`: to read only the ids from it, not the model instances nor the
    index vector each matched row carries (kilobytes a page)."""
    return results.get_queryset()


def article_search(*, queryset: QuerySet[ArticlePage], q: str) -> RankedPages:
    """The articles of `queryset` matching `q`, most relevant first among
    the newest SEARCH_CANDIDATES matches: the candidates, then their ranking
    (two queries), then the articles a page of results at a time.

    The candidates are read rather than given to the ranking as a subquery:
    PostgreSQL then hashes every article to join the two (a table scan that
    grows with the site), where a list of ids is a few index look-ups."""
    q = search_query_clean(q)
    candidates = list(newest_matches(queryset=queryset, q=q)) if q else []
    if not candidates:
        return RankedPages.none()
    ranked = ranked_rows(model=ArticlePage, candidates=candidates, q=q, fields=("pk",))
    return RankedPages(ids=[pk for (pk,) in ranked], topics={}, articles=queryset)


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


def site_search(*, q: str, visible: Q, topics: Iterable[TopicPage]) -> RankedPages:
    """Public topics and articles matching `q`, best first, as specific
    pages: the candidate articles and the ranking of both with the public
    `topics` (`topics_by_path`; two queries), then the articles a page of
    results at a time (one query per page read).

    A topic's other names are synonyms: when `q` names a topic ("special k"),
    that topic and then its articles come first, as in
    `cms.selectors.content_search`; the rest keep the search ranking."""
    q_clean = search_query_clean(q)
    if not q_clean:
        return RankedPages.none()
    # Every topic is a candidate, so that however many newer articles match,
    # a matching topic is ranked too: a site has tens of topics, and the
    # ranking drops those that do not match. The article candidates are read
    # first rather than given to the ranking as a subquery beside the
    # topics: PostgreSQL cannot tell how few rows an ORed subquery with a
    # LIMIT leaves, plans for thousands, and reads every search entry.
    topics = {topic.pk: topic for topic in topics}
    candidates = [*topics, *newest_matches(queryset=ArticlePage.objects.filter(visible), q=q_clean)]
    if not candidates:
        return RankedPages.none()
    rows = ranked_rows(model=Page, candidates=candidates, q=q_clean, fields=("pk", "path"))
    ranked_pks = {pk for pk, _path in rows}
    named_paths = [topic.path for topic in topics.values() if topic.pk in ranked_pks and topic.is_called(q)]

    def synonym_rank(row: tuple[int, str]) -> int:
        _pk, path = row
        if path in named_paths:
            return 0
        return 1 if any(path.startswith(named) for named in named_paths) else 2

    ranked = sorted(rows, key=synonym_rank)  # stable: search order within each rank
    return RankedPages(
        ids=[pk for pk, _path in ranked],
        topics=topics,
        articles=ArticlePage.objects.filter(visible).defer("body"),
    )


class RankedPages(Sequence):
    """Search results in rank order that load their articles a slice at a
    time: pagination takes the length, then one page; making a hundred
    articles' model instances to show five would take longer than the
    search."""

    def __init__(self, *, ids: list[int], topics: dict[int, TopicPage], articles: QuerySet[ArticlePage]):
        self.ids = ids
        self.topics = topics
        self.articles = articles

    @classmethod
    def none(cls) -> RankedPages:
        return cls(ids=[], topics={}, articles=ArticlePage.objects.none())

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self):
        return iter(self._pages(self.ids))  # one query, not one per item

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._pages(self.ids[index])
        return self._pages([self.ids[index]])[0]

    def _pages(self, ids: list[int]) -> list[Page]:
        articles = self.articles.in_bulk([pk for pk in ids if pk not in self.topics])
        found = {**self.topics, **articles}
        return [found[pk] for pk in ids if pk in found]
