"""Tags come out as {name, slug}; `?tag=` takes either."""

import pytest
from taggit.models import Tag

pytestmark = pytest.mark.django_db
URL = "/api/v1/articles/"


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def test_tags_are_name_and_slug_sorted_by_name(api_client, make_article):
    article = make_article(title="Tagged", tags=["medical use", "Basics", "bladder"])
    expected = [
        {"name": "Basics", "slug": "basics"},
        {"name": "bladder", "slug": "bladder"},
        {"name": "medical use", "slug": "medical-use"},
    ]
    assert api_client.get(URL).json()["results"][0]["tags"] == expected
    assert api_client.get(f"{URL}{article.slug}/").json()["tags"] == expected
    assert api_client.get("/api/v1/topics/ketamine/").json()["articles"][0]["tags"] == expected


def test_related_articles_carry_tags_too(api_client, make_article):
    make_article(title="Sibling", tags=["law"])
    main = make_article(title="Main")
    related = api_client.get(f"{URL}{main.slug}/").json()["related_articles"]
    assert related[0]["tags"] == [{"name": "law", "slug": "law"}]


@pytest.mark.parametrize("value", ["medical-use", "medical use", "Medical Use", "  medical use  "])
def test_filter_takes_the_slug_or_the_name_in_any_case(api_client, make_article, value):
    make_article(title="Medical", tags=["medical use"])
    make_article(title="Other", tags=["law"])
    assert titles(api_client.get(URL, {"tag": value})) == ["Medical"]


def test_filter_uses_the_slug_shown_even_when_it_is_not_the_slugified_name(api_client, make_article):
    make_article(title="Renamed", tags=["harm reduction"])
    Tag.objects.filter(name="harm reduction").update(slug="harm-reduction-advice")
    assert titles(api_client.get(URL, {"tag": "harm-reduction-advice"})) == ["Renamed"]
    assert titles(api_client.get(URL, {"tag": "harm-reduction"})) == []


def test_an_article_matching_by_slug_and_by_name_is_listed_once(api_client, make_article):
    # taggit gives "harm reduction" the slug "harm-reduction" and the tag
    # named "harm-reduction" the next free one: one value matches both.
    make_article(title="Both", tags=["harm reduction", "harm-reduction"])
    assert {tag.slug for tag in Tag.objects.all()} == {"harm-reduction", "harm-reduction_1"}
    response = api_client.get(URL, {"tag": "harm-reduction"})
    assert titles(response) == ["Both"]
    assert response.json()["count"] == 1


def test_unknown_tag_lists_nothing(api_client, make_article):
    make_article(title="Tagged", tags=["law"])
    assert titles(api_client.get(URL, {"tag": "nothing-like-it"})) == []


def test_filter_combines_with_topic_and_q(api_client, make_article):
    make_article(title="Bladder damage", standfirst="Bladder.", tags=["medical use"])
    make_article(title="Bladder care", standfirst="Bladder.", tags=["recovery"])
    params = {"tag": "Medical use", "topic": "ketamine", "q": "bladder"}
    assert titles(api_client.get(URL, params)) == ["Bladder damage"]


@pytest.mark.parametrize("value", ["x" * 101, "a\x00b"])
def test_overlong_or_nul_tag_is_a_400(api_client, value):
    response = api_client.get(URL, {"tag": value})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "tag"


def test_filter_by_name_costs_the_same_queries_for_1_and_10_articles(
    api_client, make_article, settings, django_assert_num_queries
):
    settings.API_CACHE_TIMEOUT = 0
    made = 0
    for size in (1, 10):
        while made < size:
            made += 1
            make_article(title=f"Article {made}", tags=["medical use", "law"])
        # view restrictions, count, page, tags, topics (no share images here)
        with django_assert_num_queries(5):
            response = api_client.get(URL, {"tag": "Medical use", "page_size": 100})
        assert response.json()["count"] == size
