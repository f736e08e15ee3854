"""The browser tier: Debian's Chromium driven by Playwright for Python,
against pytest-django's live server. Nothing is downloaded: Playwright is
pointed at /usr/bin/chromium (`.ci/run` installs it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import require_service

CHROMIUM = Path("/usr/bin/chromium")
# Playwright's sync API runs an event loop in this thread; the tests' own
# database calls are synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    require_service(CHROMIUM.exists(), "browser tests need Debian's chromium at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def admin_page(page, live_server, django_user_model):
    """A page signed in to the Wagtail admin as a superuser, through the sign-in form."""
    django_user_model.objects.create_superuser("browser-admin", "admin@example.org", "pw-browser")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "browser-admin")
    page.fill("input[name=password]", "pw-browser")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.base_url = live_server.url
    return page
