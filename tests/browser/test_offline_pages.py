"""The API docs and the Wagtail admin work with no internet: every request a
real browser makes while loading them goes to our own server.

This is the only proof that counts. The HTML drf-spectacular and Wagtail serve
is a small part of it; the bundles they load (Swagger UI, Redoc, the admin's
JavaScript) can reach out on their own (Redoc's sidebar logo, Gravatar
avatars), and only a browser that runs them sees it. Each test also checks
that the page actually rendered, so a blank page cannot pass.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.django_db(transaction=True)

# An endpoint every version of the schema has (api.views.HelplineListView).
HELPLINES_PATH = "/api/v1/helplines/"


def _record_requests(page: Page) -> list[str]:
    """Every URL the page asks for, including those that fail."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def _foreign(urls: list[str], live_server_url: str) -> list[str]:
    """The URLs that go anywhere but the live server (data: and blob: URLs
    never leave the browser)."""
    own = urlsplit(live_server_url).netloc
    return [
        url for url in urls if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != own
    ]


def test_swagger_ui_renders_the_api_from_our_own_host_only(page, live_server):
    requests = _record_requests(page)
    page.goto(f"{live_server.url}/api/v1/docs/", wait_until="networkidle")

    expect(page.get_by_role("heading", name=settings.SPECTACULAR_SETTINGS["TITLE"])).to_be_visible()
    expect(page.locator(".opblock-summary-path", has_text=HELPLINES_PATH)).to_be_visible()
    assert any(url.endswith("/api/v1/schema/") for url in requests)
    assert _foreign(requests, live_server.url) == []


def test_redoc_renders_the_api_from_our_own_host_only(page, live_server):
    requests = _record_requests(page)
    page.goto(f"{live_server.url}/api/v1/redoc/", wait_until="networkidle")

    expect(page.get_by_role("heading", name=settings.SPECTACULAR_SETTINGS["TITLE"])).to_be_visible()
    expect(page.get_by_text(HELPLINES_PATH).first).to_be_visible()
    assert any(url.endswith("/api/v1/schema/") for url in requests)
    assert _foreign(requests, live_server.url) == []


def test_the_admin_dashboard_asks_no_other_host_for_avatars(admin_page, live_server):
    requests = _record_requests(admin_page)
    admin_page.goto(f"{live_server.url}/admin/", wait_until="networkidle")

    expect(admin_page.get_by_role("heading", level=1)).to_be_visible()
    # The sidebar, which shows the signed-in user's avatar, is drawn by the admin's JavaScript.
    expect(admin_page.get_by_role("button", name="Toggle sidebar")).to_be_visible()
    # Wagtail's own default avatar, from our static files, instead of Gravatar's.
    assert any("/static/wagtailadmin/images/default-user-avatar" in url for url in requests)
    assert _foreign(requests, live_server.url) == []
