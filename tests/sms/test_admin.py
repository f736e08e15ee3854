import pytest
from django.urls import reverse

from sms.models import InboundMessage, SmsKeyword

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/snippets/sms/smskeyword/add/"


def _form(**fields):
    return {
        "keyword": "SLEEP",
        "aliases": "",
        "reply": "Ketamine can disturb sleep.",
        "topic": "",
        "show_in_menu": "on",
        "is_active": "on",
        "sort_order": "100",
        **fields,
    }


def test_keyword_form_has_the_live_counter(admin_client, helplines, settings):
    page = admin_client.get(ADD_URL).content.decode()

    assert "sms/js/sms_counter.js" in page
    assert "data-sms-counter" in page
    assert f'data-sms-max-segments="{settings.SMS_MAX_SEGMENTS}"' in page
    # The longest footer in use (GB's, here) is what the counter adds.
    assert 'data-sms-suffix="\nFRANK: call 0300 123 6600 or text 82111 (24/7)"' in page
    assert "data-gsm-extension" in page


def test_counter_script_is_shipped_with_the_app(client):
    from django.contrib.staticfiles import finders

    path = finders.find("sms/js/sms_counter.js")
    assert path
    source = open(path).read()  # noqa: SIM115, PTH123
    assert "153" in source and "67" in source
    assert "http" not in source  # no CDN, nothing fetched


def test_keyword_is_saved(admin_client, helplines):
    response = admin_client.post(ADD_URL, _form())

    assert response.status_code == 302, response.content.decode()[:2000]
    assert SmsKeyword.objects.get().keyword == "SLEEP"


def test_a_reply_that_can_never_fit_is_refused_saying_by_how_much(admin_client, helplines, settings):
    settings.SMS_MAX_SEGMENTS = 1
    # The longest footer, GB's "\nFRANK: call 0300 123 6600 or text 82111 (24/7)", is 47
    # characters: 113 are left of 160.
    response = admin_client.post(ADD_URL, _form(reply="a" * 118))

    assert response.status_code == 200
    assert not SmsKeyword.objects.exists()
    page = response.content.decode()
    assert "Too long by 5 characters" in page
    assert "GB helpline" in page

    ok = admin_client.post(ADD_URL, _form(reply="a" * 113))
    assert ok.status_code == 302


@pytest.mark.parametrize("fields", [{"keyword": "stop"}, {"keyword": "Info"}, {"aliases": "SLUMBER, help"}])
def test_reserved_words_cannot_be_keywords_or_aliases(admin_client, helplines, fields):
    response = admin_client.post(ADD_URL, _form(**fields))

    assert response.status_code == 200
    assert "reserved for opt-out and help" in response.content.decode()
    assert not SmsKeyword.objects.exists()


def test_keyword_needs_a_reply_or_a_topic_summary(admin_client, helplines, topic_page):
    assert admin_client.post(ADD_URL, _form(reply="")).status_code == 200
    assert admin_client.post(ADD_URL, _form(reply="", topic=str(topic_page.pk))).status_code == 302
    assert SmsKeyword.objects.get().reply_text() == topic_page.sms_summary


def test_crisis_patterns_are_validated_when_saved(admin_client):
    from sms.models import CrisisPattern

    url = "/admin/snippets/sms/crisispattern/add/"
    form = {
        "pattern": "no pulse",
        "category": "medical",
        "level": "emergency",
        "is_active": "on",
        "notes": "",
    }

    bad = admin_client.post(url, {**form, "pattern": "no ... ... pulse", "unless": "@nobody"})
    assert bad.status_code == 200
    page = bad.content.decode()
    assert "Two &#x27;...&#x27; in a row" in page
    assert "Line 1: Unknown word class @nobody" in page

    assert admin_client.post(url, {**form, "unless": "lol"}).status_code == 302
    assert CrisisPattern.objects.get().unless_list == ["lol"]


def test_try_a_text_shows_the_decision_and_why(admin_client, sms_content):
    page = admin_client.post(
        "/admin/sms/screening/try/", {"text": "cant wake my boyfriend up", "country": "AU"}
    ).content.decode()

    assert "Emergency: Medical emergency" in page
    assert "medical: &#x27;can not wake&#x27;" in page
    assert "Call 000 now" in page

    info = admin_client.post(
        "/admin/sms/screening/try/", {"text": "what happens if you overdose on ket", "country": "GB"}
    ).content.decode()
    assert "Not a crisis (asks about overdose or poisoning)" in info
    assert "If this is happening now, call 999." in info


def test_staff_label_a_text_and_promote_it_to_an_example(admin_client, text_in, sms_content):
    from sms.models import CrisisExample, ScreeningLabel

    missed = text_in("hes gone a funny colour and wont talk")
    response = admin_client.post(
        reverse("sms_screening_label", args=[missed.pk]),
        {"verdict": "missed_emergency", "category": "medical", "next": "/admin/sms/log/"},
    )
    assert response.status_code == 302

    labels_page = admin_client.get("/admin/sms/screening/labels/").content.decode()
    assert "hes gone a funny colour" in labels_page
    assert "7700900123" not in labels_page and "***123" not in labels_page

    label = ScreeningLabel.objects.get()
    admin_client.post(reverse("sms_screening_label_promote", args=[label.pk]))
    example = CrisisExample.objects.get()
    assert (example.level, example.category) == ("emergency", "medical")
    assert text_in("Hes gone a funny colour and wont talk!!").outcome == InboundMessage.Outcome.CRISIS


def test_conversation_log_is_read_only_and_filterable(admin_client, text_in, sms_content):
    text_in("ketamine")
    text_in("hello")

    page = admin_client.get("/admin/sms/log/?outcome=keyword").content.decode()

    assert "Ketamine is an anaesthetic" in page
    assert "hello" not in page
    assert admin_client.post("/admin/sms/log/").status_code == 405


def test_crisis_queue_and_mark_handled(admin_client, text_in, sms_content, admin_user):
    from sms.models import FollowUp

    crisis = text_in("I want to die")
    later = text_in("please help me")
    text_in("ketamine", sender="+447700900999")

    page = admin_client.get("/admin/sms/follow-up/").content.decode()
    assert "I want to die" in page and "please help me" in page
    assert "Ketamine is an anaesthetic" not in page
    follow_up = FollowUp.objects.get()
    assert list(follow_up.messages.order_by("received_at")) == [crisis, later]

    response = admin_client.post(reverse("sms_follow_up_mark_handled", args=[follow_up.pk]))

    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.handled_at and follow_up.handled_by == admin_user
    assert "I want to die" not in admin_client.get("/admin/sms/follow-up/").content.decode()
    assert "I want to die" in admin_client.get("/admin/sms/follow-up/?handled=1").content.decode()


def test_sms_admin_pages_need_permission(client, django_user_model, text_in, sms_content):
    from django.contrib.auth.models import Permission

    crisis = text_in("I want to die")
    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    # Wagtail turns the PermissionDenied into a redirect to the dashboard with a message.
    for response in [
        client.get("/admin/sms/log/"),
        client.get("/admin/sms/follow-up/"),
        client.post(reverse("sms_crisis_mark_handled", args=[crisis.pk])),
    ]:
        assert (response.status_code, response.url) == (302, "/admin/")
    assert InboundMessage.objects.get(pk=crisis.pk).handled_at is None


def test_daily_figures(admin_client, text_in, sms_content, twilio_backend):
    twilio_backend.respond((400, 21211))
    text_in("ketamine")  # send fails
    text_in("signs")
    text_in("signs", sender="+12025550123")
    text_in("STOP")

    page = admin_client.get("/admin/sms/figures/")

    assert page.status_code == 200
    from sms import selectors

    [today] = selectors.daily_figures(days=1)
    assert today["inbound"] == 4
    assert today["replies"] == 4
    assert today["opt_outs"] == 1
    assert today["failed"] == 1
    assert selectors.top_keywords()[0] == {"keyword__keyword": "SIGNS", "count": 2}
    assert "SIGNS" in page.content.decode()


def test_admin_menu_lists_sms_pages(admin_client):
    page = admin_client.get("/admin/").content.decode()

    for url in [
        "/admin/sms/log/",
        "/admin/sms/follow-up/",
        "/admin/sms/figures/",
        "/admin/snippets/sms/smskeyword/",
    ]:
        assert url in page


def test_a_keyword_or_alias_cannot_belong_to_two_keywords(admin_client, helplines, keywords):
    response = admin_client.post(ADD_URL, _form(keyword="KIT", aliases="Special-K, kat"))

    assert response.status_code == 200
    assert "Special-K already used by KETAMINE" in response.content.decode()
    assert not SmsKeyword.objects.filter(keyword="KIT").exists()


def test_keyword_listing_and_edit_pages(admin_client, helplines, keywords):
    listing = admin_client.get("/admin/snippets/sms/smskeyword/")
    edit = admin_client.get(f"/admin/snippets/sms/smskeyword/edit/{keywords['signs'].pk}/")

    assert listing.status_code == edit.status_code == 200
    assert "SIGNS" in listing.content.decode()
    assert "data-sms-counter" in edit.content.decode()
    assert "Signs of regular use" in edit.content.decode()


@pytest.fixture
def sms_groups(db):
    """The groups sms/migrations/0002 sets up (again, if a transactional test
    elsewhere flushed them): Wagtail's Editors, and SMS helpline staff."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group

    Group.objects.get_or_create(name="Editors")
    importlib.import_module("sms.migrations.0002_sms_groups").add_groups(apps, None)


def test_helpline_staff_group_can_work_the_queue_but_not_edit_keywords(
    client, django_user_model, text_in, sms_content, sms_groups
):
    from django.contrib.auth.models import Group

    crisis = text_in("I want to die")
    staff = django_user_model.objects.create_user("oncall", password="pw")
    staff.groups.add(Group.objects.get(name="SMS helpline staff"))
    client.force_login(staff)

    assert client.get("/admin/sms/follow-up/").status_code == 200
    assert client.get("/admin/sms/log/").status_code == 200
    follow_up = InboundMessage.objects.get(pk=crisis.pk).follow_up
    assert client.post(reverse("sms_follow_up_mark_handled", args=[follow_up.pk])).status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.handled_by == staff
    assert client.get(ADD_URL).status_code == 302  # no keyword permissions: back to the dashboard


def test_editors_manage_keywords(client, django_user_model, helplines, sms_groups):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("ed", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    if not editor.has_perm("wagtailadmin.access_admin"):  # Wagtail's own grant, flushed by another test
        from django.contrib.auth.models import Permission

        editor.groups.get().permissions.add(Permission.objects.get(codename="access_admin"))
        editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)

    assert client.get(ADD_URL).status_code == 200
    assert client.post(ADD_URL, _form()).status_code == 302
