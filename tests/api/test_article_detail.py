"""GET /api/v1/articles/{slug}/: everything a frontend renders."""

import json

import pytest
from wagtail.models import PageViewRestriction

from cms.models import ArticleRelatedLink, TopicPage

pytestmark = pytest.mark.django_db


def detail(api_client, article, **kwargs):
    response = api_client.get(f"/api/v1/articles/{article.slug}/", **kwargs)
    assert response.status_code == 200, response.content
    return response.json()


def blocks_of(body, kind):
    return [block["value"] for block in body["body"] if block["type"] == kind]


@pytest.fixture
def rich_article(make_article, rich_body, image_factory, gb_helpline, topic_page):
    target = make_article(title="Ketamine and the bladder")
    draft = make_article(title="Unpublished draft", publish=False)
    image = image_factory()
    article = make_article(
        title="Ketamine: the facts",
        body=rich_body(images=[image], links=[target, draft, topic_page], helpline=gb_helpline),
        tags=["basics"],
    )
    return {"article": article, "target": target, "draft": draft, "image": image}


def test_body_is_typed_blocks_with_ids(api_client, rich_article):
    body = detail(api_client, rich_article["article"])["body"]
    assert [b["type"] for b in body] == [
        "heading",
        "paragraph",
        "image",
        "numbered_steps",
        "bullet_list",
        "key_takeaways",
        "callout",
        "table",
        "faq",
        "quote",
        "helpline_cta",
    ]
    assert all(len(b["id"]) == 36 for b in body)
    assert body[0]["value"] == {"heading": "Section 1", "anchor": "section-1"}
    assert body[3]["value"]["steps"] == [{"title": "Step one", "text": "Do this."}]
    assert body[7]["value"]["table"]["rows"] == [["Effect", "When"], ["Numbness", None]]
    assert body[7]["value"]["table"]["first_row_is_header"] is True


def test_rich_text_links_resolve_and_drafts_lose_their_href(api_client, rich_article, settings):
    data = detail(api_client, rich_article["article"])
    html = blocks_of(data, "paragraph")[0]
    target = rich_article["target"]
    assert f'href="{settings.FRONTEND_BASE_URL}/topics/ketamine/{target.slug}/"' in html
    assert f'data-api-url="http://testserver/api/v1/articles/{target.slug}/"' in html
    assert 'data-api-url="http://testserver/api/v1/topics/ketamine/"' in html
    assert f"<a>link {rich_article['draft'].pk}</a>" in html  # not public: no link
    assert "linktype" not in html


def test_images_are_renditions_with_alt(api_client, rich_article, settings):
    image = blocks_of(detail(api_client, rich_article["article"]), "image")[0]["image"]
    assert image["id"] == rich_article["image"].pk
    assert image["url"].startswith("http://testserver/media/images/")
    assert (image["width"], image["height"]) == (640, 480)  # within max-1200x1200
    assert image["alt"] == f"Alt for {rich_article['image'].title}"


def test_rich_text_image_embeds_become_img_tags(api_client, make_article, image_factory):
    image = image_factory()
    embed = f'<embed embedtype="image" id="{image.pk}" format="left" alt="A pill"/>'
    body = json.dumps([{"type": "paragraph", "value": embed, "id": "x"}])
    html = blocks_of(detail(api_client, make_article(title="Pics", body=body)), "paragraph")[0]
    assert html.startswith('<img src="http://testserver/media/images/')
    assert 'alt="A pill"' in html and 'width="640"' in html


def test_toc_faq_and_key_takeaways(api_client, make_article, rich_body):
    data = detail(api_client, make_article(title="Sections", body=rich_body(sections=3)))
    assert [entry["anchor"] for entry in data["table_of_contents"]] == ["section-1", "section-2", "section-3"]
    assert data["key_takeaways"] == ["Ketamine harms the bladder."]
    assert data["faq"] == [{"question": "Is ketamine addictive?", "answer": "<p>It can be.</p>"}]


def test_toc_is_the_models_table_of_contents(api_client, make_article):
    """The API derives the TOC from raw blocks (no queries); it must match
    `ArticlePage.table_of_contents()`, including anchors derived from headings."""
    body = json.dumps(
        [
            {"type": "heading", "value": {"heading": "What is ketamine?", "anchor": ""}, "id": "a"},
            {"type": "paragraph", "value": "<p>Text</p>", "id": "b"},
            {"type": "heading", "value": {"heading": "Risks", "anchor": "the-risks"}, "id": "c"},
        ]
    )
    article = make_article(title="Derived anchors", body=body)
    toc = detail(api_client, article)["table_of_contents"]
    assert toc == [
        {"anchor": "what-is-ketamine", "heading": "What is ketamine?"},
        {"anchor": "the-risks", "heading": "Risks"},
    ]
    assert toc == article.table_of_contents()


def test_people_and_review_dates(api_client, make_article, person_factory, image_factory):
    reviewer = person_factory(
        name="Dr Rao", credentials="MBBS, MRCPsych", role="Psychiatrist", photo=image_factory()
    )
    article = make_article(title="Reviewed", medical_reviewer=reviewer)
    data = detail(api_client, article)
    assert data["medical_reviewer"]["name"] == "Dr Rao"
    assert data["medical_reviewer"]["credentials"] == "MBBS, MRCPsych"
    assert data["medical_reviewer"]["photo"]["width"] == 640
    assert data["author"]["name"] == "Sample Author"
    assert data["last_reviewed"] == article.last_reviewed.isoformat()
    assert data["next_review_due"] == article.next_review_due.isoformat()


def test_json_ld_medical_web_page_and_faq(api_client, make_article, rich_body, person_factory):
    reviewer = person_factory(name="Dr Rao", credentials="MBBS", role="Psychiatrist")
    article = make_article(title="With FAQ", body=rich_body(), medical_reviewer=reviewer)
    ld = detail(api_client, article)["json_ld"]
    assert ld["@context"] == "https://schema.org"
    page, faq = ld["@graph"]
    assert page["@type"] == "MedicalWebPage"
    assert page["lastReviewed"] == article.last_reviewed.isoformat()
    assert page["reviewedBy"] == {
        "@type": "Person",
        "name": "Dr Rao",
        "jobTitle": "Psychiatrist",
        "honorificSuffix": "MBBS",
    }
    assert faq["@type"] == "FAQPage"
    assert faq["mainEntity"][0]["name"] == "Is ketamine addictive?"
    assert faq["mainEntity"][0]["acceptedAnswer"]["text"] == "<p>It can be.</p>"


def test_no_faq_page_without_faqs(api_client, make_article):
    assert [n["@type"] for n in detail(api_client, make_article())["json_ld"]["@graph"]] == ["MedicalWebPage"]


@pytest.fixture
def lines(helpline_factory):
    return {
        "GB": helpline_factory(name="UK line", country="GB"),
        "US": helpline_factory(name="US line", country="US"),
        "IE": helpline_factory(name="Irish line", country="IE"),
    }


@pytest.mark.parametrize(
    ("query", "header", "country", "names"),
    [
        ({"country": "us"}, "en-IE", "US", ["US line"]),
        ({}, "en-IE,en;q=0.5", "IE", ["Irish line"]),
        ({}, "", "GB", ["UK line"]),
        ({"country": "FR"}, "", "GB", ["UK line"]),  # none for FR: the default country's
    ],
)
def test_helplines_by_country_header_then_default(
    api_client, make_article, lines, query, header, country, names
):
    article = make_article()
    data = detail(api_client, article, data=query, HTTP_ACCEPT_LANGUAGE=header)
    assert data["helplines_country"] == country
    assert [h["name"] for h in data["helplines"]] == names


def test_bad_country_is_a_400(api_client, make_article):
    response = api_client.get(f"/api/v1/articles/{make_article().slug}/", {"country": "England"})
    assert response.status_code == 400


def test_accept_language_is_in_vary(api_client, make_article):
    response = api_client.get(f"/api/v1/articles/{make_article().slug}/")
    assert "Accept-Language" in response["Vary"]


def test_related_articles_hand_picked_first_then_fallback(
    api_client, make_article, add_page, topic_index_page
):
    other_topic = add_page(topic_index_page, TopicPage(title="Alcohol", slug="alcohol"))
    chosen = make_article(title="Chosen elsewhere", parent=other_topic)
    sibling = make_article(title="Sibling")
    hidden = make_article(title="Chosen but draft", publish=False)
    article = make_article(title="Main")
    ArticleRelatedLink.objects.create(source=article, article=hidden, sort_order=0)
    ArticleRelatedLink.objects.create(source=article, article=chosen, sort_order=1)
    article.save_revision().publish()
    related = detail(api_client, article)["related_articles"]
    assert [r["title"] for r in related] == ["Chosen elsewhere", "Sibling"]
    assert related[0]["topic"]["slug"] == "alcohol"
    assert sibling.slug == related[1]["slug"]


@pytest.mark.parametrize("state", ["draft", "unpublished", "private", "deleted"])
def test_non_public_articles_404(api_client, make_article, state):
    article = make_article(title="Hidden", publish=state != "draft")
    slug = article.slug
    if state == "unpublished":
        article.unpublish()
    elif state == "private":
        PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")
    elif state == "deleted":
        article.delete()
    response = api_client.get(f"/api/v1/articles/{slug}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_unicode_slugs_are_reachable(api_client, make_article):
    article = make_article(title="Café culture", slug="café-culture")
    data = detail(api_client, article)
    assert data["slug"] == "café-culture"
    assert data["api_url"] == "http://testserver/api/v1/articles/caf%C3%A9-culture/"


def test_document_links_are_absolute(api_client, make_article, root_collection):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Leaflet", file=ContentFile(b"pdf", name="leaflet.pdf")
    )
    body = json.dumps(
        [
            {
                "type": "paragraph",
                "value": f'<p><a linktype="document" id="{document.pk}">Leaflet</a></p>',
                "id": "d",
            }
        ]
    )
    html = blocks_of(detail(api_client, make_article(title="Docs", body=body)), "paragraph")[0]
    assert f'<a href="http://testserver/documents/{document.pk}/leaflet' in html
