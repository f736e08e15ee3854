import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cms.models import SmsIntent
from sms.models import InboundMessage
from tests.sms.conftest import ANSWERS, publish_answers

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/snippets/cms/smsintent/add/"


def _topic_form(topic, answers: list[dict]) -> dict:
    """The topic's edit form as the admin posts it (save draft)."""
    return nested_form_data(
        {
            "title": topic.title,
            "slug": topic.slug,
            "other_names": topic.other_names,
            "summary": rich_text(topic.summary),
            "sms_summary": topic.sms_summary,
            "sms_answers": inline_formset(answers),
            "comments": inline_formset([]),
        }
    )


def _intent(slug: str) -> int:
    return SmsIntent.objects.get(slug=slug).pk


def test_topic_edit_form_has_sms_answers_with_the_live_counter(admin_client, helplines, topic_page, settings):
    page = admin_client.get(f"/admin/pages/{topic_page.pk}/edit/").content.decode()

    assert "SMS answers" in page
    assert "sms/js/sms_counter.js" in page
    assert "data-sms-counter" in page
    assert f'data-sms-max-segments="{settings.SMS_MAX_SEGMENTS}"' in page
    # The longest footer in use (GB's, here) is what the counter adds.
    assert 'data-sms-suffix="\nFRANK: call 0300 123 6600 or text 82111 (24/7)"' in page
    assert "data-gsm-extension" in page


def test_an_answer_saved_in_the_admin_is_a_draft_until_published(admin_client, helplines, topic_page):
    url = f"/admin/pages/{topic_page.pk}/edit/"
    answers = [{"intent": _intent("effects"), "text": "Ketamine can disturb sleep."}]

    response = admin_client.post(url, _topic_form(topic_page, answers))

    assert response.status_code == 302, response.content.decode()[:3000]
    assert not topic_page.sms_answers.exists()  # the live page: nothing until approved
    topic_page.refresh_from_db()
    draft = topic_page.get_latest_revision_as_object()
    assert [answer.text for answer in draft.sms_answers.all()] == ["Ketamine can disturb sleep."]


def test_an_answer_that_can_never_fit_is_refused_saying_by_how_much(
    admin_client, helplines, topic_page, settings
):
    settings.SMS_MAX_SEGMENTS = 1
    url = f"/admin/pages/{topic_page.pk}/edit/"
    # The longest footer, GB's "\nFRANK: call 0300 123 6600 or text 82111 (24/7)", is 47
    # characters: 113 are left of 160.
    response = admin_client.post(
        url, _topic_form(topic_page, [{"intent": _intent("effects"), "text": "a" * 118}])
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Too long by 5 characters" in page
    assert "GB helpline" in page

    ok = admin_client.post(url, _topic_form(topic_page, [{"intent": _intent("effects"), "text": "a" * 113}]))
    assert ok.status_code == 302


def test_a_topic_cannot_answer_one_question_type_twice(admin_client, helplines, topic_page):
    answers = [{"intent": _intent("signs"), "text": "One."}, {"intent": _intent("signs"), "text": "Two."}]

    response = admin_client.post(f"/admin/pages/{topic_page.pk}/edit/", _topic_form(topic_page, answers))

    assert response.status_code == 200
    assert "already has an answer for" in response.content.decode()


def test_counter_script_is_shipped_with_the_app(client):
    from django.contrib.staticfiles import finders

    path = finders.find("sms/js/sms_counter.js")
    assert path
    source = open(path).read()  # noqa: SIM115, PTH123
    assert "153" in source and "67" in source
    assert "http" not in source  # no CDN, nothing fetched


def test_editors_question_type_examples_teach_the_matcher(admin_client, text_in, sms_content, topic_page):
    response = admin_client.post(
        ADD_URL,
        {
            "name": "sleep",
            "slug": "sleep",
            "example_questions": "cant sleep after a sesh\nno sleep",
            "sort_order": "70",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    publish_answers(topic_page, {**ANSWERS, "sleep": "Ketamine can disturb sleep."})

    inbound = text_in("cant sleep after a sesh")

    assert inbound.intent.slug == "sleep"
    assert inbound.reply.body.startswith("Ketamine can disturb sleep.")


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

    page = admin_client.get("/admin/sms/log/?outcome=answer").content.decode()

    assert "Ketamine (K, Ket) is a dissociative anaesthetic" in page
    assert "Ketamine / what it is" in page  # the topic and question type, and why:
    assert "the intent model: what_is" in page
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

    [today] = selectors.figures_report(days=1)["days"]
    assert today["inbound"] == 4
    assert today["replies"] == 4
    assert today["opt_outs"] == 1
    assert today["failed"] == 1
    assert selectors.figures_report()["top_questions"][0] == {
        "topic__title": "Ketamine",
        "intent__name": "signs of a problem",
        "count": 2,
    }
    assert "signs of a problem" in page.content.decode()


def test_admin_menu_lists_sms_pages(admin_client):
    page = admin_client.get("/admin/").content.decode()

    for url in [
        "/admin/sms/log/",
        "/admin/sms/follow-up/",
        "/admin/sms/figures/",
        "/admin/snippets/cms/smsintent/",
    ]:
        assert url in page


@pytest.fixture
def sms_groups(db):
    """The groups sms/migrations/0002 and cms.workflow set up (again, if a transactional test
    elsewhere flushed them): Wagtail's Editors, and SMS helpline staff."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group

    Group.objects.get_or_create(name="Editors")
    importlib.import_module("sms.migrations.0002_sms_groups").add_groups(apps, None)
    from cms.workflow import staff_groups_ensure

    staff_groups_ensure()  # Editors' question type permissions


def test_helpline_staff_group_can_work_the_queue_but_not_edit_question_types(
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
    assert client.get(ADD_URL).status_code == 302  # no question type permissions: back to the dashboard


def test_editors_manage_question_types(client, django_user_model, helplines, sms_groups):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("ed", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    if not editor.has_perm("wagtailadmin.access_admin"):  # Wagtail's own grant, flushed by another test
        from django.contrib.auth.models import Permission

        editor.groups.get().permissions.add(Permission.objects.get(codename="access_admin"))
        editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)

    assert client.get(ADD_URL).status_code == 200
    assert client.post(ADD_URL, {"name": "sleep", "slug": "sleep", "sort_order": "70"}).status_code == 302
