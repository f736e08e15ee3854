"""The "Article feedback" admin report and one article's feedback page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from cms.models import ArticleFeedback

pytestmark = pytest.mark.django_db


def _answer(article, helpful, *, comment="", reason="", days_ago=0):
    row = ArticleFeedback.objects.create(article=article, helpful=helpful, comment=comment, reason=reason)
    ArticleFeedback.objects.filter(pk=row.pk).update(created_at=timezone.now() - dt.timedelta(days=days_ago))
    return row


@pytest.fixture
def user_in(django_user_model):
    def make(group_name):
        user = django_user_model.objects.create_user(group_name.lower().replace(" ", "-"), password="pw")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def answered(make_article):
    liked = make_article(title="Liked article", slug="liked")
    disliked = make_article(title="Disliked article", slug="disliked")
    for _ in range(4):
        _answer(liked, True)
    _answer(liked, True, comment="Very clear", days_ago=40)
    for _ in range(3):
        _answer(disliked, False, reason="out_of_date")
    _answer(disliked, False, comment="The dose advice is old", reason="out_of_date", days_ago=1)
    return {"liked": liked, "disliked": disliked}


@pytest.mark.parametrize("group_name", ["Editors", "Clinical reviewers"])
def test_editors_and_reviewers_see_the_report(client, user_in, answered, group_name):
    client.force_login(user_in(group_name))
    response = client.get(reverse("cms_article_feedback"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "<title>Article feedback" in content
    assert "Needs attention" in content
    assert "4 of 4 helpful (100%)" in content
    assert "0 of 4 helpful (0%)" in content
    assert "High: 4 not helpful" in content
    # Latest comments, newest first, each linked to its article's page.
    assert content.index("The dose advice is old") < content.index("Very clear")
    detail = reverse("cms_article_feedback_detail", args=[answered["disliked"].pk])
    assert f'href="{detail}"' in content


def test_needs_attention_comes_first_and_every_column_sorts(admin_client, answered):
    response = admin_client.get(reverse("cms_article_feedback"))
    content = response.content.decode()
    assert content.index("Disliked article") < content.index("Liked article")
    response = admin_client.get(reverse("cms_article_feedback"), {"ordering": "title"})
    content = response.content.decode()
    assert content.index("Disliked article") < content.index("Liked article")
    response = admin_client.get(reverse("cms_article_feedback"), {"ordering": "-title"})
    content = response.content.decode()
    assert content.index("Liked article") < content.index("Disliked article")
    response = admin_client.get(reverse("cms_article_feedback"), {"ordering": "attention"})
    content = response.content.decode()
    assert content.index("Liked article") < content.index("Disliked article")
    # Liked has 5 answers, one of them 40 days ago; Disliked 4, all recent.
    for key in ("previous_total", "feedback_total"):
        for ordering, first, second in ((f"-{key}", "Liked", "Disliked"), (key, "Disliked", "Liked")):
            content = admin_client.get(
                reverse("cms_article_feedback"), {"ordering": ordering}
            ).content.decode()
            assert content.index(f"{first} article") < content.index(f"{second} article"), ordering
    for key in ("recent_total", "last_feedback_at"):  # equal for both articles: the column still sorts
        assert admin_client.get(reverse("cms_article_feedback"), {"ordering": f"-{key}"}).status_code == 200


def test_report_query_count_does_not_grow_with_articles(
    admin_client, make_article, django_assert_max_num_queries
):
    for number in range(12):
        article = make_article(title=f"Article {number}", slug=f"article-{number}")
        _answer(article, number % 2 == 0, comment=f"Comment {number}")
    with django_assert_max_num_queries(30):
        response = admin_client.get(reverse("cms_article_feedback"))
    assert response.status_code == 200
    assert "Article 11" in response.content.decode()


def test_report_downloads_as_csv(admin_client, answered):
    response = admin_client.get(reverse("cms_article_feedback"), {"export": "csv"})
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("Title,Answers (all time),Helpful (all time)")
    assert lines[1].startswith("Disliked article,4,0,4,0,0,0,")


def test_people_without_the_permission_are_refused(client, user_in, answered):
    client.force_login(user_in("Admissions"))
    assert client.get(reverse("cms_article_feedback")).status_code in (302, 403)
    detail = reverse("cms_article_feedback_detail", args=[answered["liked"].pk])
    assert client.get(detail).status_code in (302, 403)
    # And the Reports menu does not offer it.
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("cms_article_feedback") not in home


def test_reports_menu_offers_it_to_editors(client, user_in):
    client.force_login(user_in("Editors"))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("cms_article_feedback") in home


def test_article_page_shows_weeks_reasons_and_comments(client, user_in, answered):
    client.force_login(user_in("Editors"))
    article = answered["disliked"]
    response = client.get(reverse("cms_article_feedback_detail", args=[article.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "<title>Feedback: Disliked article" in content
    assert "0 of 4 helpful (0%)" in content
    assert "Out of date or wrong: 4" in content
    assert "The dose advice is old" in content
    assert content.count("<td>0</td>") >= 10  # empty weeks are shown, not skipped
    assert reverse("wagtailadmin_pages:edit", args=[article.pk]) in content


def test_article_page_for_an_unknown_article_is_a_404(admin_client):
    assert admin_client.get(reverse("cms_article_feedback_detail", args=[999999])).status_code == 404
