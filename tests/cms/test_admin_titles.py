"""Admin polish: every page in the admin menu has its own browser-tab title,
the dashboard is greeted by the site's name (not "localhost"), and every
icon our blocks and menus ask for exists in Wagtail 8."""

import re
from collections import Counter

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import RequestFactory
from wagtail import hooks
from wagtail.admin.menu import SubmenuMenuItem, admin_menu
from wagtail.models import Site

from cms.blocks import BaseStreamBlock
from cms.demo.loader import _home_page

pytestmark = pytest.mark.django_db

# Titles that say nothing about the page they name.
MEANINGLESS = {"", "home", "localhost", "wagtail", "dashboard - localhost"}


# Wagtail's own pages that share a title, left as Wagtail ships them: its
# workflow settings and its workflow reports are both called "Workflows" and
# "Workflow tasks" (the menu tells them apart: Settings vs Reports).
WAGTAIL_SHARED_TITLES = {"Workflows - Wagtail", "Workflow tasks - Wagtail"}


def _title(html: str) -> str:
    match = re.search(r"<title>\s*(.*?)\s*</title>", html, flags=re.S)
    assert match, "no <title>"
    return " ".join(match.group(1).split())


def _menu_urls(user) -> list[tuple[str, str]]:
    """(label, url) of every page the admin menu offers a superuser."""
    request = RequestFactory().get("/admin/")
    request.user = user
    found = []

    def walk(menu):
        for item in menu.menu_items_for_request(request):
            if isinstance(item, SubmenuMenuItem):
                walk(item.menu)
            elif item.url.startswith("/admin/"):
                found.append((str(item.label), item.url))

    walk(admin_menu)
    return found


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")


def test_every_admin_menu_page_has_its_own_title(client, superuser):
    client.force_login(superuser)
    titles = {}
    for label, url in _menu_urls(superuser):
        response = client.get(url, follow=True)
        assert response.status_code == 200, (label, url)
        titles[url] = _title(response.content.decode())
    ours = ["/admin/reports/reviews-due/", "/admin/snippets/cms/person/", "/admin/snippets/cms/helpline/"]
    assert set(ours) <= set(titles), sorted(titles)
    assert titles["/admin/reports/reviews-due/"].startswith("Reviews due")
    for url, title in titles.items():
        assert title.casefold() not in MEANINGLESS, (url, title)
        assert "localhost" not in title.casefold(), (url, title)
    repeated = {
        title
        for title, count in Counter(titles.values()).items()
        if count > 1 and title not in WAGTAIL_SHARED_TITLES
    }
    assert not repeated, {url: title for url, title in titles.items() if title in repeated}


def test_demo_site_is_named_so_the_dashboard_does_not_say_localhost(client, superuser):
    from collections import Counter as Created

    home = _home_page(Created())
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    assert site.site_name == settings.WAGTAIL_SITE_NAME
    client.force_login(superuser)
    html = client.get("/admin/").content.decode()
    heading = re.search(r"<h1[^>]*>\s*(.*?)\s*</h1>", html, flags=re.S).group(1)
    assert heading == settings.WAGTAIL_SITE_NAME


def _wagtail_icon_names() -> set[str]:
    icons: list[str] = []
    for register in hooks.get_hooks("register_icons"):
        icons = register(icons)
    names = set()
    for template in icons:
        names.update(re.findall(r'id="icon-([\w-]+)"', render_to_string(template)))
    return names


def _block_icons(block, path="body") -> dict[str, str]:
    icons = {path: block.meta.icon}
    for name, child in getattr(block, "child_blocks", {}).items():
        icons.update(_block_icons(child, f"{path}.{name}"))
    return icons


def test_every_block_icon_exists_in_wagtail():
    available = _wagtail_icon_names()
    assert {"check", "title", "date"} <= available  # the lookup itself works
    assert "tick" not in available  # why key takeaways changed icon
    stream = BaseStreamBlock()
    missing = {
        path: icon
        for name, block in stream.child_blocks.items()
        for path, icon in _block_icons(block, name).items()
        if icon not in available
    }
    assert not missing


def test_every_admin_menu_icon_exists_in_wagtail(superuser):
    available = _wagtail_icon_names()
    request = RequestFactory().get("/admin/")
    request.user = superuser
    missing = []

    def walk(menu):
        for item in menu.menu_items_for_request(request):
            if item.icon_name and item.icon_name not in available:
                missing.append((str(item.label), item.icon_name))
            if isinstance(item, SubmenuMenuItem):
                walk(item.menu)

    walk(admin_menu)
    assert not missing
