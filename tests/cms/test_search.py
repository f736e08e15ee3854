"""Search: a topic's other names are synonyms ("special k" finds ketamine)."""

import pytest

from cms.models import ArticlePage, TopicPage
from cms.selectors import content_search, topics_matching_alias

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(make_article, topic_index_page, add_page):
    alcohol = add_page(topic_index_page, TopicPage(title="Alcohol", slug="alcohol", other_names="booze"))
    return {
        "effects": make_article(title="Short-term effects", standfirst="What happens after a dose."),
        "treatment": make_article(title="Getting treatment", standfirst="Detox, therapy and aftercare."),
        "alcohol": make_article(title="Alcohol and sleep", parent=alcohol, standfirst="Sleep after a drink."),
        "draft": make_article(title="Unpublished effects", publish=False),
    }


@pytest.mark.parametrize("query", ["special k", "Special K", "  SPECIAL   k ", "kit kat", "ket"])
def test_alias_finds_the_topic_and_its_articles(content, topic_page, query):
    results = content_search(query=query)
    assert results[0].pk == topic_page.pk
    found = {page.pk for page in results}
    assert {content["effects"].pk, content["treatment"].pk} <= found
    assert content["alcohol"].pk not in found
    assert content["draft"].pk not in found


def test_backend_search_indexes_topic_other_names_on_articles(content):
    # No synonym expansion here: the articles are found through their
    # indexed topic_other_names.
    found = {p.pk for p in ArticlePage.objects.live().search("special k", operator="and")}
    assert content["effects"].pk in found and content["treatment"].pk in found
    assert content["alcohol"].pk not in found


def test_topic_found_by_other_name_in_full_text(content, topic_page):
    assert topic_page.pk in {p.pk for p in TopicPage.objects.live().search("vitamin k")}


def test_plain_words_still_search_full_text(content):
    results = content_search(query="aftercare")
    assert [p.pk for p in results] == [content["treatment"].pk]


def test_alias_match_is_exact_not_substring(content):
    assert not topics_matching_alias(query="k special").exists()
    assert not topics_matching_alias(query="").exists()
    assert content_search(query="   ") == []


def test_new_topic_alias_reaches_articles_when_topic_is_published(content, topic_page):
    assert not ArticlePage.objects.live().search("wonky", operator="and")
    topic_page.other_names += ", Wonky"
    topic_page.save_revision().publish()
    found = {p.pk for p in ArticlePage.objects.live().search("wonky", operator="and")}
    assert content["effects"].pk in found and content["treatment"].pk in found


def test_private_articles_are_not_found(content):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=content["treatment"], restriction_type="password", password="x")
    found = {p.pk for p in content_search(query="special k")} | {
        p.pk for p in content_search(query="aftercare")
    }
    assert content["treatment"].pk not in found
    assert content["effects"].pk in found
