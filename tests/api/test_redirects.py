"""/api/v1/redirects/: Wagtail's redirects for a frontend, one path at a
time or as a list to preload."""

from __future__ import annotations

import jsonschema
import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from api.pages import page_path, public_url

pytestmark = pytest.mark.django_db
# Measured: 3 (restrictions, count, page), whatever the number of redirects.
LIST_BUDGET = 3
LOOKUP_BUDGET = 2  # restrictions, the redirect with its page


@pytest.fixture
def article(make_article):
    return make_article(title="New home")


def lookup(client, path):
    return client.get("/api/v1/redirects/", {"path": path})


def test_a_redirect_to_a_page_answers_its_public_url(api_client, article):
    Redirect.add_redirect("/old-page/", redirect_to=article, is_permanent=True)
    response = lookup(api_client, "/old-page/")
    assert response.status_code == 200
    assert response.json() == {
        "old_path": "/old-page",
        "target_url": public_url(article.url_path),
        "is_permanent": True,
    }


def test_a_redirect_to_a_link_answers_the_link(api_client, home_page):
    Redirect.add_redirect("/partner", redirect_to="https://example.org/help", is_permanent=False)
    assert lookup(api_client, "/partner").json() == {
        "old_path": "/partner",
        "target_url": "https://example.org/help",
        "is_permanent": False,
    }


def test_paths_are_matched_as_wagtail_matches_them(api_client, article):
    Redirect.add_redirect("/legacy", redirect_to=article)
    Redirect.add_redirect("/promo?b=2&a=1", redirect_to="https://example.org/promo")
    # Trailing slash, then without the query string when nothing matches with it.
    assert lookup(api_client, "/legacy/?utm_source=x").json()["old_path"] == "/legacy"
    # Query parameters in any order.
    assert lookup(api_client, "/promo/?a=1&b=2").json()["target_url"] == "https://example.org/promo"


def test_the_page_route_path_is_kept(api_client, article):
    redirect = Redirect.add_redirect("/old-section", redirect_to=article, page_route_path="/extra/")
    assert redirect.redirect_page_route_path == "/extra/"
    target = lookup(api_client, "/old-section").json()["target_url"]
    assert target == public_url(article.url_path).rstrip("/") + "/extra/"


def test_no_redirect_is_a_404_problem(api_client, home_page):
    response = lookup(api_client, "/nothing-here/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "No redirect for this path."


def test_a_redirect_to_a_page_not_shown_is_left_out(api_client, article):
    Redirect.add_redirect("/to-unpublished", redirect_to=article)
    article.unpublish()
    assert lookup(api_client, "/to-unpublished").status_code == 404
    assert api_client.get("/api/v1/redirects/").json()["count"] == 0


def test_the_sites_own_redirect_wins_and_other_sites_are_left_out(api_client, home_page):
    site = Site.objects.get(is_default_site=True)
    Redirect.add_redirect("/dup", redirect_to="https://example.org/all-sites")
    Redirect.add_redirect("/dup", redirect_to="https://example.org/this-site", site=site)
    other_root = Page.get_first_root_node().add_child(instance=Page(title="Other", slug="other-site"))
    other = Site.objects.create(hostname="other.test", root_page=other_root)
    Redirect.add_redirect("/elsewhere", redirect_to="https://example.org/other", site=other)

    assert lookup(api_client, "/dup").json()["target_url"] == "https://example.org/this-site"
    assert lookup(api_client, "/elsewhere").status_code == 404
    listed = api_client.get("/api/v1/redirects/").json()["results"]
    assert [(r["old_path"], r["target_url"]) for r in listed] == [("/dup", "https://example.org/this-site")]


def test_moving_a_page_makes_a_redirect_the_frontend_sees(api_client, article, add_page, topic_index_page):
    from cms.models import TopicPage

    old_url_path = article.url_path
    other_topic = add_page(topic_index_page, TopicPage(title="Cannabis", slug="cannabis"))
    article.move(other_topic, pos="last-child")
    article.refresh_from_db()
    # Wagtail made it (WAGTAILREDIRECTS_AUTO_CREATE, on by default).
    found = lookup(api_client, page_path(old_url_path)).json()
    assert found["target_url"] == public_url(article.url_path)


def test_the_list_is_paged_by_old_path(api_client, home_page):
    for n in (3, 1, 2):
        Redirect.add_redirect(f"/old-{n}", redirect_to=f"https://example.org/{n}")
    first = api_client.get("/api/v1/redirects/", {"page_size": 2}).json()
    assert first["count"] == 3
    assert [r["old_path"] for r in first["results"]] == ["/old-1", "/old-2"]
    assert [r["old_path"] for r in api_client.get(first["next"]).json()["results"]] == ["/old-3"]


def test_answers_are_conditional(api_client, home_page):
    Redirect.add_redirect("/etag", redirect_to="https://example.org/")
    first = lookup(api_client, "/etag")
    again = api_client.get("/api/v1/redirects/", {"path": "/etag"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    # A new redirect shows at once: saving one invalidates the response cache.
    before = api_client.get("/api/v1/redirects/").json()["count"]
    Redirect.add_redirect("/fresh", redirect_to="https://example.org/fresh")
    assert lookup(api_client, "/fresh").status_code == 200
    assert api_client.get("/api/v1/redirects/").json()["count"] == before + 1


@pytest.mark.parametrize("path", ["", "/a\x00b", "/" + "a" * 2000])
def test_a_bad_path_is_a_400(api_client, path):
    response = lookup(api_client, path)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "path"


def _json_schema(node):
    """OpenAPI 3.0's `nullable` as JSON Schema says it."""
    if isinstance(node, list):
        return [_json_schema(value) for value in node]
    if not isinstance(node, dict):
        return node
    node = {key: _json_schema(value) for key, value in node.items()}
    if node.pop("nullable", False) and "type" in node:
        node["type"] = [node["type"], "null"]
    return node


def test_both_forms_match_the_schema(api_client, article):
    Redirect.add_redirect("/old-page", redirect_to=article)
    schema = api_client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    answer = schema["paths"]["/api/v1/redirects/"]["get"]["responses"]["200"]["content"]["application/json"]
    document = _json_schema({"components": schema["components"], **answer["schema"]})
    for body in (lookup(api_client, "/old-page").json(), api_client.get("/api/v1/redirects/").json()):
        jsonschema.validate(body, document)  # oneOf: exactly one of the two shapes matches
    assert "oneOf" in schema["components"]["schemas"]["RedirectAnswer"]


def test_query_budget_at_10_and_1000_redirects(api_client, article, django_assert_max_num_queries, settings):
    settings.API_CACHE_TIMEOUT = 0  # bulk_create sends no signals: measure the build itself
    made = 0
    for size in (10, 1000):
        Redirect.objects.bulk_create(
            Redirect(old_path=f"/old/{n:04d}", redirect_page=article) for n in range(made, size)
        )
        made = size
        with django_assert_max_num_queries(LIST_BUDGET):
            body = api_client.get("/api/v1/redirects/", {"page_size": 2000}).json()
        assert body["count"] == len(body["results"]) == size
        with django_assert_max_num_queries(LOOKUP_BUDGET):
            found = lookup(api_client, f"/old/{size - 1:04d}").json()
        assert found["target_url"] == public_url(article.url_path)
