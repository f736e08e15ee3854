"""SEO fields on every page in the API: seo_title, search_description,
canonical_url and share_image (own, else the topic's, else null)."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from api import preview
from api.seo import share_rendition_warm
from cms.models import ArticlePage, TopicPage

pytestmark = pytest.mark.django_db
SEO_FIELDS = {"seo_title", "search_description", "canonical_url", "share_image"}


@pytest.fixture
def wide_image(root_collection):
    """Larger than Open Graph's 1200x630, so the rendition is exactly that."""

    def make(title, description=""):
        return get_image_model().objects.create(
            title=title, description=description, file=get_test_image_file(f"{title}.png", size=(1600, 1000))
        )

    return make


@pytest.fixture
def topic_with_image(topic_page, wide_image):
    topic_page.share_image = wide_image("Topic card", "Ketamine, in white on teal")
    topic_page.seo_title = "Ketamine: effects and help"
    topic_page.search_description = "All about ketamine."
    topic_page.save_revision().publish()
    return topic_page


def get(api_client, url, **params):
    response = api_client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_article_carries_its_own_seo_fields_in_list_and_detail(
    api_client, make_article, wide_image, settings
):
    settings.FRONTEND_BASE_URL = "https://www.example.org"
    image = wide_image("Bladder card", "A bladder diagram")
    article = make_article(
        title="Ketamine and the bladder",
        seo_title="Ketamine bladder damage: signs and help",
        search_description="How ketamine harms the bladder.",
        share_image=image,
    )
    detail = get(api_client, f"/api/v1/articles/{article.slug}/")
    listed = get(api_client, "/api/v1/articles/")["results"][0]
    for data in (detail, listed):
        assert data["seo_title"] == "Ketamine bladder damage: signs and help"
        assert data["search_description"] == "How ketamine harms the bladder."
        assert (
            data["canonical_url"] == data["url"] == f"https://www.example.org/topics/ketamine/{article.slug}/"
        )
        share = data["share_image"]
        assert share["id"] == image.pk
        assert (share["width"], share["height"]) == (1200, 630)  # fill-1200x630: Open Graph's size
        assert share["alt"] == "A bladder diagram"
        assert share["url"].startswith("http://testserver/media/images/")
        assert ".fill-1200x630" in share["url"]
    assert detail["json_ld"]["@graph"][0]["image"] == detail["share_image"]["url"]


def test_article_without_a_share_image_borrows_its_topics(api_client, topic_with_image, make_article):
    article = make_article(title="No picture")
    data = get(api_client, f"/api/v1/articles/{article.slug}/")
    assert data["share_image"]["id"] == topic_with_image.share_image_id
    assert data["share_image"]["alt"] == "Ketamine, in white on teal"
    assert get(api_client, "/api/v1/topics/ketamine/")["articles"][0]["share_image"] == data["share_image"]


def test_with_no_image_anywhere_share_image_is_null_and_text_fields_empty(api_client, make_article):
    article = make_article(title="Plain")
    data = get(api_client, f"/api/v1/articles/{article.slug}/")
    assert data["share_image"] is None
    assert (data["seo_title"], data["search_description"]) == ("", "")  # the frontend falls back
    assert "image" not in data["json_ld"]["@graph"][0]


def test_topics_carry_seo_fields_in_list_and_detail(api_client, topic_with_image, settings):
    listed = get(api_client, "/api/v1/topics/")["results"][0]
    for data in (listed, get(api_client, "/api/v1/topics/ketamine/")):
        assert set(data) >= SEO_FIELDS
        assert data["seo_title"] == "Ketamine: effects and help"
        assert data["search_description"] == "All about ketamine."
        assert data["canonical_url"] == f"{settings.FRONTEND_BASE_URL}/topics/ketamine/"
        assert data["share_image"]["alt"] == "Ketamine, in white on teal"


def test_related_articles_carry_their_share_images(api_client, topic_with_image, make_article, wide_image):
    own = make_article(title="Own picture", share_image=wide_image("Own"))
    other = make_article(title="Topic's picture")
    main = make_article(title="Main")
    related = get(api_client, f"/api/v1/articles/{main.slug}/")["related_articles"]
    images = {item["slug"]: item["share_image"]["id"] for item in related}
    assert images == {own.slug: own.share_image_id, other.slug: topic_with_image.share_image_id}


def test_alt_text_falls_back_to_the_image_title(api_client, make_article, wide_image):
    article = make_article(share_image=wide_image("Pills on a table"))
    assert get(api_client, f"/api/v1/articles/{article.slug}/")["share_image"]["alt"] == "Pills on a table"


def test_a_share_image_whose_file_is_gone_is_left_out(api_client, make_article, wide_image):
    image = wide_image("Lost")
    article = make_article(share_image=image)
    image.renditions.all().delete()
    image.file.delete(save=False)  # and now no rendition can be made
    assert get(api_client, f"/api/v1/articles/{article.slug}/")["share_image"] is None


def test_warming_makes_the_rendition_once(make_article, wide_image):
    # Unpublished: publishing would warm it already.
    article = make_article(share_image=wide_image("Warm"), publish=False)
    renditions = get_image_model().get_rendition_model().objects.filter(image=article.share_image)
    assert not renditions.exists()
    share_rendition_warm(article)
    share_rendition_warm(article)
    assert [r.filter_spec for r in renditions] == ["fill-1200x630"]


def test_preview_shows_the_drafts_new_share_image(api_client, make_article, wide_image):
    article = make_article(title="Live")
    article.share_image = wide_image("Draft card")
    article.seo_title = "Draft SEO title"
    token = preview.preview_token_create(revision=article.save_revision())
    data = get(api_client, "/api/v1/preview/", token=token)
    assert data["share_image"]["id"] == article.share_image_id
    assert data["seo_title"] == "Draft SEO title"
    live = get(api_client, f"/api/v1/articles/{article.slug}/")
    assert (live["share_image"], live["seo_title"]) == (None, "")


@pytest.mark.parametrize("model", [ArticlePage, TopicPage])
def test_share_image_is_on_the_promote_tab(model):
    promote = next(tab for tab in model.get_edit_handler().children if tab.heading == "Promote")
    assert {"seo_title", "search_description", "share_image"} <= set(promote.get_form_options()["fields"])


def test_the_editor_shows_the_share_image_chooser(client, django_user_model, make_article):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@example.org", "pw"))
    for page in (make_article(), TopicPage.objects.get()):
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200
        assert b'name="share_image"' in response.content
