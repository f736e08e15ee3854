"""Which setting governs which URL (`api.pages`):

- pages on the website (`url`, `canonical_url`, links in rich text, JSON-LD):
  FRONTEND_BASE_URL, whoever asks;
- this app's own URLs (`api_url`, `data-api-url`, images, documents,
  pagination): the host the request came in on; PUBLIC_BASE_URL only where
  there is no request (webhooks, tasks).
"""

import json

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from api import preview
from api.pages import absolute_url, api_url, public_url

pytestmark = pytest.mark.django_db
FRONTEND = "https://www.example.org"
HOST = "localhost:8001"


@pytest.fixture(autouse=True)
def _frontend(settings):
    settings.FRONTEND_BASE_URL = FRONTEND


def get(api_client, url, host=HOST, **params):
    response = api_client.get(url, params, HTTP_HOST=host)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def linked_article(make_article, topic_page, image_factory, root_collection):
    """An article whose body links a page, a document and an image, with a
    related article."""
    target = make_article(title="Target")
    document = get_document_model().objects.create(
        title="Leaflet", file=ContentFile(b"pdf", name="leaflet.pdf")
    )
    links = (
        f'<p><a linktype="page" id="{target.pk}">target</a> '
        f'<a linktype="page" id="{topic_page.pk}">topic</a> '
        f'<a linktype="document" id="{document.pk}">leaflet</a></p>'
    )
    image = image_factory()
    body = [
        {"type": "paragraph", "value": links, "id": "p"},
        {"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": ""}, "id": "i"},
    ]
    return make_article(title="Linked", body=json.dumps(body))


def test_article_detail_links(api_client, linked_article):
    data = get(api_client, f"/api/v1/articles/{linked_article.slug}/")
    assert data["url"] == data["canonical_url"] == f"{FRONTEND}/topics/ketamine/linked/"
    assert data["api_url"] == f"http://{HOST}/api/v1/articles/linked/"
    assert data["topic"]["url"] == f"{FRONTEND}/topics/ketamine/"
    assert data["topic"]["api_url"] == f"http://{HOST}/api/v1/topics/ketamine/"
    html = data["body"][0]["value"]
    assert f'href="{FRONTEND}/topics/ketamine/target/"' in html
    assert f'data-api-url="http://{HOST}/api/v1/articles/target/"' in html
    assert f'data-api-url="http://{HOST}/api/v1/topics/ketamine/"' in html
    assert f'href="http://{HOST}/documents/' in html
    assert data["body"][1]["value"]["image"]["url"].startswith(f"http://{HOST}/media/images/")
    assert data["medical_reviewer"] is not None
    assert data["related_articles"][0]["api_url"] == f"http://{HOST}/api/v1/articles/target/"
    assert data["json_ld"]["@graph"][0]["url"] == data["url"]


def test_lists_search_and_topics_use_the_request_host(api_client, linked_article):
    articles = get(api_client, "/api/v1/articles/", page_size=1)
    assert articles["next"].startswith(f"http://{HOST}/api/v1/articles/")
    assert articles["results"][0]["api_url"].startswith(f"http://{HOST}/api/v1/articles/")
    assert articles["results"][0]["url"].startswith(f"{FRONTEND}/topics/ketamine/")
    topic = get(api_client, "/api/v1/topics/")["results"][0]
    assert topic["api_url"] == f"http://{HOST}/api/v1/topics/ketamine/"
    assert topic["url"] == f"{FRONTEND}/topics/ketamine/"
    assert {a["api_url"] for a in topic["articles"]} == {
        f"http://{HOST}/api/v1/articles/target/",
        f"http://{HOST}/api/v1/articles/linked/",
    }
    assert topic["articles"][0]["topic"]["api_url"] == topic["api_url"]
    results = get(api_client, "/api/v1/search/", q="ketamine")["results"]
    assert results
    assert all(r["api_url"].startswith(f"http://{HOST}/api/v1/") for r in results)
    assert all(r["url"].startswith(f"{FRONTEND}/") for r in results)
    assert all(r["topic"]["api_url"].startswith(f"http://{HOST}/") for r in results if r["topic"])


def test_https_behind_a_proxy_gives_https_links(api_client, make_article, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # as in production
    article = make_article(title="Secure")
    response = api_client.get(
        f"/api/v1/articles/{article.slug}/", HTTP_HOST="helpline.test", HTTP_X_FORWARDED_PROTO="https"
    )
    assert response.json()["api_url"] == "https://helpline.test/api/v1/articles/secure/"


def test_preview_links_use_the_request_host(api_client, make_article):
    article = make_article(title="Drafted")
    token = preview.preview_token_create(revision=article.save_revision())
    data = get(api_client, "/api/v1/preview/", token=token)
    assert data["api_url"] == f"http://{HOST}/api/v1/articles/drafted/"
    assert data["url"] == f"{FRONTEND}/topics/ketamine/drafted/"


def test_each_host_gets_its_own_cached_body(api_client, make_article, settings):
    settings.API_CACHE_TIMEOUT = 60
    article = make_article(title="Cached")
    url = f"/api/v1/articles/{article.slug}/"
    first = api_client.get(url, HTTP_HOST="localhost:8001")
    other = api_client.get(url, HTTP_HOST="127.0.0.1:8002")
    again = api_client.get(url, HTTP_HOST="localhost:8001")
    assert (first["X-Cache"], other["X-Cache"], again["X-Cache"]) == ("MISS", "MISS", "HIT")
    assert other.json()["api_url"] == "http://127.0.0.1:8002/api/v1/articles/cached/"
    assert again.json()["api_url"] == "http://localhost:8001/api/v1/articles/cached/"
    assert first["ETag"] != other["ETag"]


def test_without_a_request_public_base_url_is_used(settings):
    """Webhooks and tasks have no request: API URLs fall back to PUBLIC_BASE_URL."""
    settings.PUBLIC_BASE_URL = "https://api.example.org"
    assert api_url("article-detail", "risks") == "https://api.example.org/api/v1/articles/risks/"
    assert absolute_url("/media/x.png") == "https://api.example.org/media/x.png"
    assert absolute_url("https://cdn.example.org/x.png") == "https://cdn.example.org/x.png"
    assert public_url("/home/topics/ketamine/") == f"{FRONTEND}/topics/ketamine/"
