"""Audited access (sms.audit): viewing texts or a callback request, revealing
a number, exporting and erasing each leave a Wagtail audit-log entry (who,
what, when) that holds neither the number nor the text; the report lists
them for those who answer data requests."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from sms import audit, privacy
from sms.models import Sender
from tests.sms.conftest import GB_NUMBER, US_NUMBER
from tests.sms.privacy_helpers import Output, assert_refused, callback_request, make_staff

pytestmark = pytest.mark.django_db
DIGITS = "7700900123"
TEXT = "i want to end it all"
NAME = "Robin Example"


def _entries(action: str):
    return list(ModelLogEntry.objects.filter(action=action).order_by("id"))


def assert_holds_no_personal_data(entry: ModelLogEntry) -> None:
    stored = f"{entry.label} {json.dumps(entry.data)}"
    for personal in (DIGITS, "900123", "***123", TEXT, NAME, "Alex Other"):
        assert personal not in stored, (personal, stored)


def test_every_privacy_action_is_registered_with_a_label():
    for action in audit.PRIVACY_ACTIONS:
        assert log_registry.action_exists(action), action
        assert log_registry.get_action_label(action)


@pytest.fixture
def texts(text_in, sms_content):
    crisis = text_in(TEXT)
    text_in("signs of ketamine", sender=US_NUMBER)
    return crisis


def test_the_conversation_log_records_one_entry_per_person_shown(client, texts):
    staff = make_staff("view_inboundmessage")
    client.force_login(staff)

    assert client.get("/admin/sms/log/").status_code == 200

    entries = _entries(audit.VIEW_CONVERSATION)
    assert {entry.object_id for entry in entries} == {
        str(pk) for pk in Sender.objects.values_list("pk", flat=True)
    }
    assert all(entry.user_id == staff.pk and entry.data == {"where": "conversation log"} for entry in entries)
    assert len({entry.uuid for entry in entries}) == 1  # one page view
    for entry in entries:
        assert_holds_no_personal_data(entry)
        assert entry.message == "Viewed a texter's texts"


def test_the_follow_up_queue_records_who_saw_whose_crisis(client, texts):
    client.force_login(make_staff("view_inboundmessage"))

    client.get("/admin/sms/follow-up/")

    entries = _entries(audit.VIEW_CONVERSATION)
    assert [(entry.object_id, entry.data["where"]) for entry in entries] == [
        (str(texts.sender_id), "follow-up queue")
    ]


def test_the_audit_costs_one_query_however_many_people_a_page_shows(client, text_in, sms_content):
    client.force_login(make_staff("view_inboundmessage"))
    text_in("ketamine")
    client.get("/admin/sms/log/")  # warm the caches (content types, settings)
    with CaptureQueriesContext(connection) as one_person:
        client.get("/admin/sms/log/")
    for number in range(6):
        text_in("ketamine", sender=f"+4477009002{number:02d}")
    with CaptureQueriesContext(connection) as seven_people:
        client.get("/admin/sms/log/")

    inserts = [
        q["sql"]
        for q in seven_people.captured_queries
        if "INSERT" in q["sql"] and "modellogentry" in q["sql"]
    ]
    assert len(inserts) == 1
    assert len(seven_people.captured_queries) == len(one_person.captured_queries)
    assert (
        ModelLogEntry.objects.filter(action=audit.VIEW_CONVERSATION).values("object_id").distinct().count()
        == 7
    )


def test_viewing_one_conversation_is_recorded_and_the_number_stays_masked(client, texts):
    staff = make_staff("view_inboundmessage")
    client.force_login(staff)

    response = client.get(f"/admin/sms/conversation/{texts.sender_id}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert TEXT in page and "+44 77** ***123" in page and DIGITS not in page
    assert "Reveal the full number" not in page  # not theirs to reveal
    assert "signs of ketamine" not in page  # someone else's
    [entry] = _entries(audit.VIEW_CONVERSATION)
    assert (entry.object_id, entry.user_id, entry.label) == (
        str(texts.sender_id),
        staff.pk,
        f"Texter #{texts.sender_id}",
    )
    assert_holds_no_personal_data(entry)


def test_a_conversation_needs_the_sms_view_permission(client, texts):
    client.force_login(make_staff("reveal_number"))

    assert_refused(client.get(f"/admin/sms/conversation/{texts.sender_id}/"))
    assert not _entries(audit.VIEW_CONVERSATION)


def test_revealing_a_number_needs_its_permission_and_is_recorded(client, texts):
    url = f"/admin/sms/conversation/{texts.sender_id}/reveal/"
    client.force_login(make_staff("view_inboundmessage"))
    assert_refused(client.post(url))
    assert not _entries(audit.REVEAL_NUMBER)

    revealer = make_staff("view_inboundmessage", "reveal_number")
    client.force_login(revealer)
    assert (
        "Reveal the full number" in client.get(f"/admin/sms/conversation/{texts.sender_id}/").content.decode()
    )
    assert client.get(url).status_code == 405  # never in a URL or a link
    response = client.post(url)

    assert response.status_code == 200
    assert GB_NUMBER in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    [entry] = _entries(audit.REVEAL_NUMBER)
    assert (entry.object_id, entry.user_id) == (str(texts.sender_id), revealer.pk)
    assert_holds_no_personal_data(entry)


def test_opening_a_callback_request_is_recorded_without_the_name(admin_client, admin_user, db):
    request = callback_request(GB_NUMBER, name=NAME, message="about my texts")

    response = admin_client.get(f"/admin/snippets/cms/callbackrequest/edit/{request.pk}/")

    assert response.status_code == 200
    [entry] = _entries(audit.CALLBACK_REQUEST_VIEW)
    assert (entry.object_id, entry.user_id, entry.label) == (
        str(request.pk),
        admin_user.pk,
        f"Callback request #{request.pk}",
    )
    assert_holds_no_personal_data(entry)


def test_exports_and_erasures_are_recorded_with_counts_never_the_number(texts):
    callback_request(GB_NUMBER, name=NAME)
    sender_id = texts.sender_id

    call_command("privacy_export", number=GB_NUMBER, stdout=Output(), stderr=Output())
    call_command("privacy_erase", number=GB_NUMBER, yes=True, stdout=Output())
    call_command("privacy_erase", number=GB_NUMBER, yes=True, stdout=Output())  # nothing held by now

    [export] = _entries(audit.EXPORT)
    first, second = _entries(audit.ERASE)
    assert export.object_id == first.object_id == str(sender_id)
    assert export.user is None  # the command line: "system" in the report
    assert first.data["texts"] == 1 and first.data["callback_requests"] == 1
    assert first.data["via"] == "command line"
    assert second.object_id == str(audit.NOT_A_TEXTER_ID)
    assert not any(value for key, value in second.data.items() if key != "via")
    for entry in (export, first, second):
        assert_holds_no_personal_data(entry)


def test_an_erasure_in_the_admin_records_who(client, texts):
    staff = make_staff("erase_personal_data")
    client.force_login(staff)

    client.post("/admin/sms/privacy/erase/", {"number": GB_NUMBER, "confirmation": "erase"})

    [entry] = _entries(audit.ERASE)
    assert (entry.user_id, entry.data["via"]) == (staff.pk, "admin")


# --- The report ----------------------------------------------------------------------


@pytest.fixture
def audit_trail(texts, admin_client):
    """A view, a reveal, an export and a callback request opened, by two people."""
    viewer = make_staff("view_inboundmessage", "reveal_number")
    sender = texts.sender
    audit.record(action=audit.VIEW_CONVERSATION, user=viewer, sender=sender, data={"where": "conversation"})
    privacy.number_reveal(sender=sender, user=viewer)
    request = callback_request(GB_NUMBER, name=NAME)
    admin_client.get(f"/admin/snippets/cms/callbackrequest/edit/{request.pk}/")
    privacy.personal_data_export(number=GB_NUMBER, via="test")
    return {"viewer": viewer}


REPORT = "/admin/reports/privacy-audit/"
# Measured at 12 with four entries by two people: the session, user and
# permissions (5), Wagtail's own (4), the user filter, the count, the page.
REPORT_BUDGET = 12


def test_the_report_lists_the_entries_and_none_of_the_data(
    client, audit_trail, django_assert_max_num_queries
):
    client.force_login(make_staff("export_personal_data"))

    with django_assert_max_num_queries(REPORT_BUDGET):
        response = client.get(REPORT)

    page = response.content.decode()
    assert response.status_code == 200
    for message in [
        "Viewed a texter&#x27;s texts",
        "Revealed a texter&#x27;s full number",
        "Viewed a callback request",
        "Exported everything held about a number",
    ]:
        assert message in page, message
    assert audit_trail["viewer"].username in page
    for personal in (DIGITS, TEXT, NAME):
        assert personal not in page


def test_the_report_costs_the_same_however_many_entries_and_people(
    client, audit_trail, texts, django_assert_max_num_queries
):
    for _ in range(10):
        audit.record(action=audit.VIEW_CONVERSATION, user=make_staff(), sender=texts.sender)
    client.force_login(make_staff("export_personal_data"))

    with django_assert_max_num_queries(REPORT_BUDGET):
        assert client.get(REPORT).status_code == 200


def test_the_report_filters_by_action_and_by_user(client, audit_trail):
    client.force_login(make_staff("erase_personal_data"))

    by_action = client.get(REPORT + "results/", {"action": audit.REVEAL_NUMBER}).content.decode()
    by_user = client.get(REPORT + "results/", {"user": audit_trail["viewer"].pk}).content.decode()

    assert "Revealed a texter" in by_action and "Viewed a callback request" not in by_action
    assert "Revealed a texter" in by_user and "Viewed a texter" in by_user
    assert "Exported everything" not in by_user  # that was the command line


def test_the_report_is_only_for_those_who_answer_data_requests(client, audit_trail):
    client.force_login(make_staff("view_inboundmessage", "reveal_number"))

    assert_refused(client.get(REPORT))
    assert "Personal data access" not in client.get("/admin/").content.decode()
