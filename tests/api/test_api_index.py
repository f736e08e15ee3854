"""GET /api/v1/: where everything is, as JSON and as a page for people."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def test_lists_every_endpoint_and_the_docs(api_client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = api_client.get("/api/v1/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["schema"] == "http://testserver/api/v1/schema/"
    assert body["docs"] == "http://testserver/api/v1/docs/"
    assert body["redoc"] == "http://testserver/api/v1/redoc/"
    assert body["endpoints"]["sync"] == "http://testserver/api/v1/sync/"
    assert set(body["endpoints"]) == {
        "topics",
        "articles",
        "search",
        "helplines",
        "callback_requests",
        "preview",
        "sync",
        "sitemap",
        "redirects",
    }


def test_every_url_it_lists_is_served(api_client, topic_page):
    body = api_client.get("/api/v1/").json()
    for url in [*body["endpoints"].values(), body["schema"], body["docs"], body["redoc"]]:
        # Some need parameters (400) or a POST (405); none is missing.
        assert api_client.get(url).status_code in {200, 400, 405}, url


def test_urls_are_on_the_host_asked(api_client):
    body = api_client.get("/api/v1/", HTTP_HOST="localhost:9000").json()
    assert body["endpoints"]["topics"] == "http://localhost:9000/api/v1/topics/"


def test_a_browser_gets_a_page_that_loads_nothing_from_elsewhere(client):
    response = client.get("/api/v1/", HTTP_ACCEPT="text/html,application/xhtml+xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "http://testserver/api/v1/sync/" in html  # the JSON, shown
    # Scripts, styles and images are all our own static files.
    loaded = re.findall(r'<(?:script|img)[^>]+src="([^"]+)"|<link[^>]+href="([^"]+)"', html)
    assets = [src or href for src, href in loaded]
    assert assets and all(asset.startswith("/static/") for asset in assets), assets
