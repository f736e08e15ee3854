"""Draft preview: GET /api/v1/preview/?token=... with signed, expiring,
revision-bound tokens; drafts never appear without one."""

import json
import time

import pytest
from django.core import signing

from api import preview

pytestmark = pytest.mark.django_db
URL = "/api/v1/preview/"


@pytest.fixture
def draft_edit(make_article):
    """A live article with a newer, unpublished draft revision."""
    article = make_article(title="Live title")
    article.title = "Draft title"
    article.standfirst = "Draft standfirst."
    revision = article.save_revision()
    return article, revision


def test_valid_token_returns_the_draft_in_detail_shape(api_client, draft_edit):
    article, revision = draft_edit
    token = preview.preview_token_create(revision=revision)
    response = api_client.get(URL, {"token": token})
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Draft title"
    assert data["standfirst"] == "Draft standfirst."
    assert data["body"][0]["type"] == "heading"
    assert response["Cache-Control"] == "private, no-store"
    # The public detail still shows the live version.
    assert api_client.get(f"/api/v1/articles/{article.slug}/").json()["title"] == "Live title"


def test_never_published_page_can_be_previewed(api_client, make_article):
    draft = make_article(title="Brand new", publish=False)
    token = preview.preview_token_create(revision=draft.latest_revision)
    assert api_client.get(URL, {"token": token}).json()["title"] == "Brand new"
    assert api_client.get(f"/api/v1/articles/{draft.slug}/").status_code == 404
    assert api_client.get("/api/v1/articles/").json()["count"] == 0
    assert api_client.get("/api/v1/search/", {"q": "brand"}).json()["count"] == 0


def test_token_is_tied_to_its_revision(api_client, draft_edit):
    article, first = draft_edit
    token = preview.preview_token_create(revision=first)
    article.title = "Even newer draft"
    article.save_revision()
    # Still the revision the token was made for, not the latest one.
    assert api_client.get(URL, {"token": token}).json()["title"] == "Draft title"


def test_expired_token_is_refused(api_client, draft_edit, settings, monkeypatch):
    _, revision = draft_edit
    token = preview.preview_token_create(revision=revision)
    settings.API_PREVIEW_TOKEN_MAX_AGE = 3600
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 3601)
    response = api_client.get(URL, {"token": token})
    assert response.status_code == 403
    assert response.json()["code"] == "preview_token_expired"


def test_tampered_token_is_refused(api_client, draft_edit):
    _, revision = draft_edit
    token = preview.preview_token_create(revision=revision)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = api_client.get(URL, {"token": tampered})
    assert response.status_code == 403
    assert response.json()["code"] == "preview_token_invalid"


def test_token_for_another_revision_id_is_refused(api_client, draft_edit, make_article):
    article, revision = draft_edit
    other = make_article(title="Other article")
    # Validly signed, but naming a revision of a different page.
    forged = signing.dumps({"page": article.pk, "revision": other.latest_revision.pk}, salt=preview.SALT)
    response = api_client.get(URL, {"token": forged})
    assert response.status_code == 403
    assert response.json()["code"] == "preview_revision_gone"


def test_token_signed_with_another_salt_is_refused(api_client, draft_edit):
    _, revision = draft_edit
    token = signing.dumps({"page": int(revision.object_id), "revision": revision.pk}, salt="other")
    assert api_client.get(URL, {"token": token}).status_code == 403


def test_deleted_revision_is_refused(api_client, draft_edit):
    _, revision = draft_edit
    token = preview.preview_token_create(revision=revision)
    revision.delete()
    assert api_client.get(URL, {"token": token}).json()["code"] == "preview_revision_gone"


def test_missing_token_is_a_400(api_client):
    response = api_client.get(URL)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "token"


def test_only_articles_can_be_previewed(api_client, topic_page):
    token = preview.preview_token_create(revision=topic_page.save_revision())
    assert api_client.get(URL, {"token": token}).status_code == 404


def test_preview_url_for_the_frontend(draft_edit, settings):
    _, revision = draft_edit
    settings.FRONTEND_PREVIEW_URL = ""
    assert preview.preview_url(revision=revision) == ""
    settings.FRONTEND_PREVIEW_URL = "https://www.example.org/preview"
    url = preview.preview_url(revision=revision)
    assert url.startswith("https://www.example.org/preview?token=")
    token = url.split("token=")[1]
    from urllib.parse import unquote

    assert preview.preview_revision_get(token=unquote(token)) == revision


def test_draft_with_a_new_image_renders_it(api_client, make_article, image_factory):
    """Renditions are made at publish; a draft's new image gets one on read."""
    article = make_article(title="Live")
    image = image_factory()
    article.body = json.dumps(
        [{"type": "image", "value": {"image": image.pk, "alt_text": "New", "caption": ""}, "id": "i"}]
    )
    token = preview.preview_token_create(revision=article.save_revision())
    value = api_client.get(URL, {"token": token}).json()["body"][0]["value"]
    assert value["image"]["alt"] == "New"
    assert value["image"]["width"] == 640
