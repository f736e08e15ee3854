"""ArticlePage: publication rules, table of contents, related articles."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from cms.models import ArticlePage, ArticleRelatedLink

pytestmark = pytest.mark.django_db


def test_published_article_has_reviewer_dates_and_toc(make_article):
    article = make_article(
        title="What is ketamine?",
        body=[
            ("heading", {"heading": "What is ketamine?", "anchor": ""}),
            ("paragraph", "<p>A dissociative anaesthetic.</p>"),
            ("heading", {"heading": "How is it used?", "anchor": "uses"}),
        ],
    )
    assert article.live
    assert article.medical_reviewer is not None
    assert article.table_of_contents() == [
        {"anchor": "what-is-ketamine", "heading": "What is ketamine?"},
        {"anchor": "uses", "heading": "How is it used?"},
    ]


def test_cannot_publish_without_medical_reviewer_or_last_reviewed(make_article):
    draft = make_article(title="Draft", reviewed=False, publish=False)
    assert not draft.live
    with pytest.raises(ValidationError) as excinfo:
        draft.get_latest_revision().publish()
    errors = excinfo.value.message_dict
    assert errors["medical_reviewer"] == ["An article cannot be published without a medical reviewer."]
    assert "last reviewed" in errors["last_reviewed"][0]
    draft.refresh_from_db()
    assert not draft.live


def test_draft_without_reviewer_can_be_saved(make_article):
    draft = make_article(title="Work in progress", reviewed=False, publish=False)
    draft.standfirst = "Changed"
    draft.save_revision()
    assert draft.get_latest_revision().as_object().standfirst == "Changed"


def test_next_review_must_be_after_last_review(make_article):
    article = make_article(title="Dates")
    article.next_review_due = article.last_reviewed
    with pytest.raises(ValidationError) as excinfo:
        article.full_clean()
    assert "must be due after the last review" in excinfo.value.message_dict["next_review_due"][0]
    article.next_review_due = article.last_reviewed + dt.timedelta(days=1)
    article.full_clean()


def test_duplicate_heading_anchors_are_rejected():
    block = ArticlePage._meta.get_field("body").stream_block
    value = block.to_python(
        [
            {"type": "heading", "value": {"heading": "Effects", "anchor": ""}},
            {"type": "heading", "value": {"heading": "Other", "anchor": "effects"}},
        ]
    )
    with pytest.raises(ValidationError) as excinfo:
        block.clean(value)
    assert 1 in excinfo.value.block_errors
    assert 0 not in excinfo.value.block_errors


def test_related_articles_hand_picked_first_then_shared_tags_then_topic(
    make_article, topic_index_page, add_page
):
    from cms.models import TopicPage

    other_topic = add_page(topic_index_page, TopicPage(title="Alcohol", slug="alcohol"))
    main = make_article(title="Main", tags=["treatment"])
    sibling = make_article(title="Sibling")
    tagged_elsewhere = make_article(title="Tagged elsewhere", parent=other_topic, tags=["treatment"])
    chosen = make_article(title="Chosen", parent=other_topic)
    make_article(title="Unrelated", parent=other_topic)
    draft = make_article(title="Draft sibling", publish=False)

    assert [a.title for a in main.related_articles_resolved()] == [tagged_elsewhere.title, sibling.title]

    ArticleRelatedLink.objects.create(source=main, article=chosen, sort_order=0)
    ArticleRelatedLink.objects.create(source=main, article=draft, sort_order=1)
    main = ArticlePage.objects.get(pk=main.pk)
    assert [a.title for a in main.related_articles_resolved(limit=3)] == [
        "Chosen",
        "Tagged elsewhere",
        "Sibling",
    ]


def test_related_articles_query_count_is_bounded(make_article, django_assert_max_num_queries):
    main = make_article(title="Main", tags=["a", "b"])
    for i in range(6):
        make_article(title=f"Other {i}", tags=["a"])
    main = ArticlePage.objects.get(pk=main.pk)
    # View restrictions (`.public()`), hand-picked links, tags, the
    # candidates, the three shown.
    with django_assert_max_num_queries(5):
        assert len(main.related_articles_resolved(limit=3)) == 3


def test_hand_picked_related_articles_come_first_however_many_share_more_tags(make_article):
    main = make_article(title="Main", tags=["a", "b"])
    for i in range(5):
        make_article(title=f"Shares both {i}", tags=["a", "b"])
    chosen = make_article(title="Chosen, no tags")
    ArticleRelatedLink.objects.create(source=main, article=chosen, sort_order=0)
    main = ArticlePage.objects.get(pk=main.pk)

    assert [a.title for a in main.related_articles_resolved(limit=3)] == [
        "Chosen, no tags",
        "Shares both 4",
        "Shares both 3",
    ]


@pytest.mark.skipif(
    not connection.features.supports_slicing_ordering_in_compound,
    reason="SQLite ranks every candidate (no bounded query)",
)
def test_related_articles_are_ranked_among_the_newest_few_of_each_source(
    make_article, add_page, topic_index_page, monkeypatch
):
    """However many articles share a tag, the query reads the newest few: an
    older one sharing more tags is passed over for them."""
    from cms.models import TopicPage, articles

    monkeypatch.setattr(articles, "CANDIDATES_PER_SOURCE", 2)
    elsewhere = add_page(topic_index_page, TopicPage(title="Alcohol", slug="alcohol"))
    main = make_article(title="Main", tags=["a", "b"])
    make_article(title="Oldest, both tags", parent=elsewhere, tags=["a", "b"])
    for tag in ("a", "b"):
        for i in range(2):
            make_article(title=f"Newer, tag {tag} {i}", parent=elsewhere, tags=[tag])
    main = ArticlePage.objects.get(pk=main.pk)

    assert [a.title for a in main.related_articles_resolved(limit=5)] == [
        "Newer, tag b 1",
        "Newer, tag b 0",
        "Newer, tag a 1",
        "Newer, tag a 0",
    ]


def test_related_articles_leave_out_private_pages(make_article):
    from wagtail.models import PageViewRestriction

    main = make_article(title="Main")
    private = make_article(title="Private sibling")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    public = make_article(title="Public sibling")
    ArticleRelatedLink.objects.create(source=main, article=private, sort_order=0)
    main = ArticlePage.objects.get(pk=main.pk)
    assert [a.pk for a in main.related_articles_resolved()] == [public.pk]


def test_article_slug_must_be_unique_across_topics(make_article, add_page, topic_index_page):
    from cms.models import TopicPage

    make_article(title="Signs", slug="signs")
    other_topic = add_page(topic_index_page, TopicPage(title="Cocaine", slug="cocaine"))

    with pytest.raises(ValidationError) as excinfo:
        make_article(title="Signs", slug="signs", parent=other_topic)

    assert "article slugs must be unique" in excinfo.value.message_dict["slug"][0]
