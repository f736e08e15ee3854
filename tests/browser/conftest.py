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
def sign_in(page, live_server):
    """sign_in(username, password) -> page: signs `page` in to the Wagtail
    admin through the sign-in form, as that user."""

    def sign_in_as(username: str, password: str):
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")
        page.base_url = live_server.url
        return page

    return sign_in_as


@pytest.fixture
def admin_page(sign_in, django_user_model):
    """A page signed in to the Wagtail admin as a superuser, through the sign-in form."""
    django_user_model.objects.create_superuser("browser-admin", "admin@example.org", "pw-browser")
    return sign_in("browser-admin", "pw-browser")


@pytest.fixture
def staff_groups(home_page, topic_index_page):
    """The Editors and Clinical reviewers groups with their permissions, and
    the Clinical review workflow on the topics. Wagtail's and our data migrations create
    them, but the browser tier's transactional tests flush the database, so
    they are put back here (every step is idempotent)."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from cms.workflow import clinical_review_ensure, staff_groups_ensure

    staff_groups_ensure()
    clinical_review_ensure()
    # Wagtail's initial data lets Editors add and change pages; ours is the home page.
    editors = Group.objects.get(name="Editors")
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=editors,
            page=home_page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    return {group.name: group for group in Group.objects.all()}


@pytest.fixture
def reader(chromium, live_server):
    """An anonymous API client (Playwright's request context in a fresh
    browser context: no admin session, so no CSRF and no editor's view)."""
    context = chromium.new_context(base_url=live_server.url)
    yield context.request
    context.close()


@pytest.fixture
def topic_with_answer(topic_page, helpline_factory):
    """The Ketamine topic with one SMS answer ("effects") in its latest
    revision (what the editor shows), and a drugs helpline for the footer."""
    from cms.models import SmsIntent, TopicPage, TopicSmsAnswer
    from cms.models.sms_answers import builtin_intents_ensure

    helpline_factory()
    builtin_intents_ensure()  # a data migration's rows: flushed by earlier browser tests
    TopicSmsAnswer.objects.create(
        topic=topic_page, intent=SmsIntent.objects.get(slug="effects"), text="Ketamine numbs pain."
    )
    TopicPage.objects.get(pk=topic_page.pk).save_revision()
    return topic_page
