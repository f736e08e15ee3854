"""Snippets in the admin: people, helplines, and the callback queue."""

import pytest
from django.db import connection
from django.urls import reverse

from cms import phone_numbers
from cms.models import CallbackRequest, Helpline

pytestmark = pytest.mark.django_db

PHONE = "+447700900123"


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "pw"))
    return client


def _callback(name, status=CallbackRequest.Status.NEW, phone=PHONE):
    return CallbackRequest.objects.create(
        name=name, phone=phone, phone_hash=phone_numbers.phone_hash(phone), status=status, consent_given=True
    )


def test_callback_phone_is_encrypted_at_rest():
    request = _callback("Alex")
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone FROM cms_callbackrequest WHERE id = %s", [request.pk])
        stored = cursor.fetchone()[0]
    assert PHONE not in stored and "7700900123" not in stored
    assert CallbackRequest.objects.get(pk=request.pk).phone == PHONE


def test_callback_listing_masks_phone_and_filters_by_status(admin_client):
    _callback("Alex")
    _callback("Blake", status=CallbackRequest.Status.CLOSED, phone="+447700900456")
    url = reverse("wagtailsnippets_cms_callbackrequest:list")

    content = admin_client.get(url).content.decode()
    assert "Alex" in content and "Blake" in content
    assert PHONE not in content and "7700900123" not in content and "0900123" not in content
    assert phone_numbers.mask(PHONE) in content
    assert "Mark contacted" in content and "Mark closed" in content  # bulk status changes

    filtered = admin_client.get(url, {"status": "new"}).content.decode()
    assert "Alex" in filtered and "Blake" not in filtered


def test_callback_status_change_through_edit_view(admin_client):
    request = _callback("Alex")
    url = reverse("wagtailsnippets_cms_callbackrequest:edit", args=[request.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    response = admin_client.post(url, {"status": "contacted"})
    assert response.status_code == 302, response.content.decode()[:2000]
    request.refresh_from_db()
    assert request.status == CallbackRequest.Status.CONTACTED
    assert request.phone == PHONE, "read-only fields are left alone"


def test_callback_requests_cannot_be_added_in_admin(admin_client):
    # Wagtail turns PermissionDenied into a redirect to the dashboard.
    response = admin_client.get(reverse("wagtailsnippets_cms_callbackrequest:add"))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_helpline_listing_filters_by_country(admin_client, helpline_factory):
    helpline_factory(name="Sample GB line", country="GB")
    helpline_factory(name="Sample US line", country="US", category=Helpline.Category.CRISIS)
    url = reverse("wagtailsnippets_cms_helpline:list")
    content = admin_client.get(url, {"country": "US"}).content.decode()
    assert "Sample US line" in content and "Sample GB line" not in content
    content = admin_client.get(url, {"category": "crisis"}).content.decode()
    assert "Sample US line" in content and "Sample GB line" not in content


def test_person_listing(admin_client, person_factory):
    person_factory(name="Sample Reviewer", credentials="MBBS")
    content = admin_client.get(reverse("wagtailsnippets_cms_person:list")).content.decode()
    assert "Sample Reviewer" in content


def test_article_preview_shows_toc(admin_client, make_article, helpline_factory):
    helpline = helpline_factory(name="Sample line", text_number="82111")
    article = make_article(
        title="Preview me",
        body=[
            ("heading", {"heading": "What is ketamine?", "anchor": ""}),
            ("paragraph", "<p>Text.</p>"),
            ("key_takeaways", {"title": "Key takeaways", "items": ["Bladder damage is common"]}),
            ("helpline_cta", {"helpline": helpline, "text": "Talk to someone"}),
            (
                "table",
                {
                    "caption": "Signs",
                    "table": {
                        "data": [["Sign", "Meaning"], ["Tolerance", "Needing more"]],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                    },
                },
            ),
        ],
    )
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Jump to section" in content
    assert 'href="#what-is-ketamine"' in content and 'id="what-is-ketamine"' in content
    assert "Medically reviewed by Sample Reviewer" in content
    assert "Bladder damage is common" in content
    assert "Sample line: call 0300 123 6600, text 82111" in content
    assert "<table" in content and "Needing more" in content and "{&#x27;data&#x27;" not in content


def test_admissions_group_works_callbacks_only(client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("admissions", "a@example.org", "pw")
    user.groups.add(Group.objects.get(name="Admissions"))
    request = _callback("Alex")
    client.force_login(user)
    assert client.get(reverse("wagtailsnippets_cms_callbackrequest:list")).status_code == 200
    edit = reverse("wagtailsnippets_cms_callbackrequest:edit", args=[request.pk])
    assert client.post(edit, {"status": "closed"}).status_code == 302
    request.refresh_from_db()
    assert request.status == CallbackRequest.Status.CLOSED
    assert client.get(reverse("wagtailsnippets_cms_person:list")).status_code == 302  # no permission


def test_editors_can_choose_people_and_helplines(client, django_user_model, person_factory):
    from django.contrib.auth.models import Group

    person_factory(name="Sample Reviewer")
    user = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    chooser = client.get(reverse("wagtailsnippetchoosers_cms_person:choose"))
    assert chooser.status_code == 200 and "Sample Reviewer" in chooser.content.decode()
    assert client.get(reverse("wagtailsnippetchoosers_cms_helpline:choose")).status_code == 200


def test_topic_preview_renders(admin_client, topic_page, make_article):
    make_article(title="Listed article")
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[topic_page.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Special K" in content and "Listed article" in content


def test_bulk_mark_contacted(admin_client):
    first, second, untouched = _callback("Alex"), _callback("Blake"), _callback("Casey")
    url = reverse("wagtail_bulk_action", args=["cms", "callbackrequest", "mark_contacted"])
    query = f"?id={first.pk}&id={second.pk}"
    confirm = admin_client.get(url + query)
    assert confirm.status_code == 200
    content = confirm.content.decode()
    assert "Callback for Alex" in content and PHONE not in content
    response = admin_client.post(url + query, {})
    assert response.status_code == 302
    statuses = dict(CallbackRequest.objects.values_list("name", "status"))
    assert statuses == {"Alex": "contacted", "Blake": "contacted", untouched.name: "new"}
