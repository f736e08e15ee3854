"""The "Preview on frontend" admin hint."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from api import preview

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def test_redirects_to_the_frontend_with_a_token_for_the_latest_revision(admin_client, make_article, settings):
    settings.FRONTEND_PREVIEW_URL = "https://www.example.org/preview"
    article = make_article(title="Live")
    article.title = "Draft"
    latest = article.save_revision()
    response = admin_client.get(reverse("api_preview_on_frontend", args=[article.pk]))
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == settings.FRONTEND_PREVIEW_URL
    token = parse_qs(location.query)["token"][0]
    assert preview.preview_revision_get(token=token) == latest


def test_not_configured_is_a_404(admin_client, make_article, settings):
    settings.FRONTEND_PREVIEW_URL = ""
    response = admin_client.get(reverse("api_preview_on_frontend", args=[make_article().pk]))
    assert response.status_code == 404


def test_needs_an_admin_login(client, make_article, settings):
    settings.FRONTEND_PREVIEW_URL = "https://www.example.org/preview"
    response = client.get(reverse("api_preview_on_frontend", args=[make_article().pk]))
    assert response.status_code == 302
    assert "example.org" not in response["Location"]


def test_button_in_the_page_editor(admin_client, make_article, settings):
    settings.FRONTEND_PREVIEW_URL = "https://www.example.org/preview"
    article = make_article()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "Preview on frontend" in html
    assert reverse("api_preview_on_frontend", args=[article.pk]) in html
