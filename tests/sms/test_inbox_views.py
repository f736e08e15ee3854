"""The inbox in the admin (sms.inbox_views): its own page titles, masked
numbers, the thread with the reply box (the live counter for SMS), the live
refresh, the actions with their permissions and audit entries, revealing a
number, and the dashboard panel."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from sms import audit, inbox_services
from sms.models import CannedReply, InboundMessage, OutboundMessage, Sender
from tests.sms.conftest import GB_NUMBER
from tests.sms.privacy_helpers import assert_refused, make_staff

pytestmark = pytest.mark.django_db
STAFF = ("view_inboundmessage", "change_inboundmessage")
CRISIS = "I took too much ketamine and my friend is not waking up"


@pytest.fixture
def staff(client):
    user = make_staff(*STAFF)
    client.force_login(user)
    return user


@pytest.fixture
def crisis(text_in, sms_content):
    inbound = text_in(CRISIS)
    return inbound.sender


def _thread_url(sender) -> str:
    return reverse("sms_inbox_thread", args=[sender.pk])


def _views(sender) -> int:
    return ModelLogEntry.objects.filter(action=audit.VIEW_CONVERSATION, object_id=str(sender.pk)).count()


def test_the_inbox_lists_masked_numbers_under_its_own_title(client, staff, crisis):
    page = client.get(reverse("sms_inbox")).content.decode()

    assert "<title>Inbox - " in page
    assert "+44 77** ***123" in page and "7700900123" not in page
    assert "Emergency" in page
    assert CRISIS not in page  # no texts in the list
    assert 'data-inbox-refresh-url="/admin/sms/inbox/?fragment=1"' in page
    assert "sms/js/inbox.js" in page


def test_the_live_list_is_the_rows_only(client, staff, crisis):
    response = client.get(reverse("sms_inbox"), {"fragment": "1", "channel": "sms"})

    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith("<table") and "<html" not in body
    assert _thread_url(crisis) in body


def test_a_number_is_searched_by_post_and_never_put_in_a_link(client, staff, crisis, text_in):
    text_in("hello", sender="+447700900456")

    page = client.post(reverse("sms_inbox"), {"number": "07700 900123"}).content.decode()

    assert _thread_url(crisis) in page
    assert "+44 77** ***456" not in page
    assert "data-inbox-refresh-url" not in page  # a search is not refreshed (the number would be in the URL)
    bad = client.post(reverse("sms_inbox"), {"number": "hello"}).content.decode()
    assert "Enter a valid phone number." in bad


def test_the_thread_shows_everything_in_order_with_reasons_and_status_and_is_audited(client, staff, crisis):
    page = client.get(_thread_url(crisis)).content.decode()

    assert f"<title>Texter #{crisis.pk}, SMS - " in page
    assert CRISIS in page
    assert "Call 999 now" in page  # the automatic reply
    assert "Logged (console backend)" in page  # its delivery status
    assert "Screening:" in page  # why it was read as a crisis
    assert page.index(CRISIS) < page.index("Call 999 now")
    assert _views(crisis) == 1
    entry = ModelLogEntry.objects.get(action=audit.VIEW_CONVERSATION)
    assert entry.user == staff and entry.data == {"where": "inbox"}


def test_the_sms_reply_box_has_the_live_counter_without_a_footer(client, staff, crisis, settings):
    page = client.get(_thread_url(crisis)).content.decode()

    assert "sms/js/sms_counter.js" in page
    assert "data-sms-counter" in page and 'data-sms-suffix=""' in page
    assert 'data-sms-counted-with=""' in page and "Empty: nothing to send." in page
    assert f'data-sms-max-segments="{settings.SMS_MAX_SEGMENTS}"' in page


def test_canned_replies_are_offered(client, staff, crisis):
    CannedReply.objects.create(title="Checking in", body="Just checking in: how are you now?")

    page = client.get(_thread_url(crisis)).content.decode()

    assert 'data-canned-replies-for="inbox-reply-body"' in page
    assert "Just checking in: how are you now?" in page


def test_replying_through_the_thread(client, staff, crisis, django_capture_on_commit_callbacks):
    form = {"action": "reply", "body": "Are you safe now?", "form_key": "key-1"}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_thread_url(crisis), form)
        client.post(_thread_url(crisis), form)  # a double click

    assert response.status_code == 302
    reply = OutboundMessage.objects.get(kind=InboundMessage.Outcome.STAFF_REPLY)
    assert (reply.body, reply.author, reply.status) == ("Are you safe now?", staff, "logged")


def test_an_opted_out_persons_box_says_so_and_sending_sends_nothing(client, staff, text_in, sms_content):
    sender = text_in("STOP").sender

    page = client.get(_thread_url(sender)).content.decode()
    assert "opted out (they texted STOP)" in page
    assert 'name="body"' not in page.split('id="reply"')[1].split("Internal note")[0]

    response = client.post(_thread_url(sender), {"action": "reply", "body": "hi", "form_key": "k"})
    assert "Nothing was sent." in response.content.decode()
    assert not OutboundMessage.objects.filter(kind=InboundMessage.Outcome.STAFF_REPLY).exists()


def test_outside_whatsapps_window_the_box_explains_only_a_template_can_be_sent(
    client, staff, text_in, sms_content
):
    sender = text_in("hello", sender=f"whatsapp:{GB_NUMBER}").sender
    Sender.objects.filter(pk=sender.pk).update(last_text_at=timezone.now() - dt.timedelta(hours=30))

    page = client.get(_thread_url(sender)).content.decode()

    assert "only an approved template can be sent" in page
    assert "data-sms-counter" not in page


def test_a_whatsapp_box_counts_characters_not_segments(client, staff, text_in, sms_content):
    sender = text_in("hello", sender=f"whatsapp:{GB_NUMBER}").sender

    page = client.get(_thread_url(sender)).content.decode()

    assert 'data-max-characters="1600"' in page and "data-sms-counter" not in page
    assert "WhatsApp lets us write freely until" in page


def test_claim_note_and_handle_through_the_thread(client, staff, crisis):
    client.post(_thread_url(crisis), {"action": "claim"})
    client.post(_thread_url(crisis), {"action": "note", "body": "Rang them"})
    response = client.post(_thread_url(crisis), {"action": "handle", "outcome": "Safe at A&E"})

    assert response.status_code == 302 and response.url == reverse("sms_inbox")
    crisis.refresh_from_db()
    assert (crisis.status, crisis.assignee) == ("handled", staff)
    page = client.get(_thread_url(crisis)).content.decode()
    assert "Rang them" in page and "Safe at A&amp;E" in page
    actions = set(ModelLogEntry.objects.filter(user=staff).values_list("action", flat=True))
    assert {inbox_services.CLAIM, inbox_services.NOTE, inbox_services.HANDLE} <= actions


def test_assigning_to_a_colleague(client, staff, crisis):
    colleague = make_staff(*STAFF)

    client.post(_thread_url(crisis), {"action": "assign", "assignee": colleague.pk})

    crisis.refresh_from_db()
    assert crisis.assignee == colleague


def test_staff_who_may_only_read_cannot_act(client, crisis):
    reader = make_staff("view_inboundmessage")
    client.force_login(reader)

    assert client.get(_thread_url(crisis)).status_code == 200
    assert_refused(client.post(_thread_url(crisis), {"action": "claim"}))
    crisis.refresh_from_db()
    assert crisis.assignee is None


def test_nobody_without_the_permission_sees_the_inbox(client, crisis):
    client.force_login(make_staff())

    assert_refused(client.get(reverse("sms_inbox")))
    assert_refused(client.get(_thread_url(crisis)))
    assert_refused(client.get(reverse("sms_inbox_thread_live", args=[crisis.pk])))


def test_revealing_the_number_needs_its_permission_and_is_audited(client, staff, crisis):
    assert "Reveal the full number" not in client.get(_thread_url(crisis)).content.decode()
    assert_refused(client.post(_thread_url(crisis), {"action": "reveal"}))

    revealer = make_staff(*STAFF, "reveal_number")
    client.force_login(revealer)
    page = client.post(_thread_url(crisis), {"action": "reveal"}).content.decode()

    assert GB_NUMBER in page
    entry = ModelLogEntry.objects.get(action=audit.REVEAL_NUMBER)
    assert entry.user == revealer and entry.object_id == str(crisis.pk)


def test_the_live_thread_answers_204_until_something_changes(client, staff, crisis, text_in):
    url = reverse("sms_inbox_thread_live", args=[crisis.pk])
    first = client.get(url)
    version = first["X-Inbox-Version"]
    views = _views(crisis)

    unchanged = client.get(url, {"version": version})
    assert unchanged.status_code == 204 and _views(crisis) == views  # nothing shown, nothing audited

    text_in("are you still there")
    changed = client.get(url, {"version": version})
    assert changed.status_code == 200 and "are you still there" in changed.content.decode()
    assert changed["X-Inbox-Version"] != version
    assert _views(crisis) == views + 1


def test_the_dashboard_shows_open_crisis_conversations_to_staff(client, staff, crisis):
    page = client.get("/admin/").content.decode()

    assert "Helpline inbox: open crisis conversations" in page
    assert _thread_url(crisis) in page
    client.force_login(make_staff())
    assert "Helpline inbox" not in client.get("/admin/").content.decode()


def test_the_menu_has_the_inbox(client, staff):
    page = client.get("/admin/").content.decode()

    assert reverse("sms_inbox") in page


def test_the_staff_group_can_work_the_inbox_and_read_canned_replies(client, crisis, django_user_model):
    from django.contrib.auth.models import Group, Permission

    user = django_user_model.objects.create_user("group-staff", password="x")
    group = Group.objects.get(name="SMS helpline staff")
    user.groups.add(group)
    client.force_login(user)

    assert client.get(_thread_url(crisis)).status_code == 200
    assert group.permissions.filter(codename="view_cannedreply").exists()
    editors = Group.objects.get(name="Editors")
    assert set(
        editors.permissions.filter(codename__endswith="_cannedreply").values_list("codename", flat=True)
    ) == {f"{action}_cannedreply" for action in ("add", "change", "delete", "view")}
    assert Permission.objects.filter(codename="reveal_number").exists()
