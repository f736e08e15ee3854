"""The Redoc bundle the docs page loads from us (api.docs_views). That the
pages then ask no other host is proved in a real browser:
tests/browser/test_offline_pages.py."""

import re

from api.docs_views import REDOC_REMOTE_LOGO


def _bundle_url(client) -> str:
    html = client.get("/api/v1/redoc/").content.decode()
    match = re.search(r'<script src="([^"]*redoc\.standalone\.js[^"]*)"', html)
    assert match, html
    return match.group(1)


def test_the_redoc_page_loads_the_bundle_from_us_with_no_font_cdn(client):
    html = client.get("/api/v1/redoc/").content.decode()
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert _bundle_url(client).startswith("/api/v1/redoc/redoc.standalone.js?v=")


def test_the_bundle_is_redoc_without_its_remote_logo(client):
    response = client.get(_bundle_url(client))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    body = response.content.decode()
    assert "Redoc" in body and len(body) > 500_000
    assert REDOC_REMOTE_LOGO not in body and "cdn.redoc.ly" not in body


def test_the_bundle_is_cached_for_good_and_revalidates_with_a_304(client):
    url = _bundle_url(client)
    first = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert first["Content-Encoding"] == "gzip"
    assert "immutable" in first["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"], HTTP_ACCEPT_ENCODING="gzip")
    assert again.status_code == 304
    assert again.content == b""
