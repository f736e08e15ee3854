"""Subject access and erasure (sms.privacy): an export holds exactly one
person's data; an erasure leaves nothing of it and touches nobody else's;
both are refused without their permission."""

from __future__ import annotations

import json
import stat

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from cms import phone_numbers
from cms.models import CallbackRequest
from sms import privacy, services
from sms.models import CrisisExample, FollowUp, InboundMessage, OutboundMessage, ScreeningLabel, Sender
from tests.sms.conftest import GB_NUMBER, US_NUMBER
from tests.sms.privacy_helpers import Output, assert_refused, callback_request, make_staff

pytestmark = pytest.mark.django_db
# How staff type the GB test number: national format, spaces.
TYPED = "07700 900123"
OTHER_GB = "+447700900456"


@pytest.fixture
def two_people(text_in, sms_content, admin_user):
    """The GB texter (a crisis with a follow-up, a staff label promoted to a
    screener example, a callback request) and two others who texted and asked
    for callbacks too."""
    crisis = text_in("i want to end it all")
    text_in("are you there")
    text_in("STOP")
    label = services.screening_label_record(
        inbound=crisis, verdict=ScreeningLabel.Verdict.MISSED_EMERGENCY, category="suicide", user=admin_user
    )
    services.screening_label_promote(label=label)
    callback_request(GB_NUMBER, name="Robin Example", message="about my texts")

    text_in("what are the signs of ketamine", sender=US_NUMBER)
    text_in("ketamine effects", sender=OTHER_GB)
    other_crisis = text_in("took too many pills", sender=OTHER_GB)
    other_label = services.screening_label_record(
        inbound=other_crisis,
        verdict=ScreeningLabel.Verdict.MISSED_EMERGENCY,
        category="overdose",
        user=admin_user,
    )
    services.screening_label_promote(label=other_label)
    callback_request(OTHER_GB, name="Alex Other", message="for my brother")
    callback_request("+12025550199", name="Sam Unrelated")
    return {"texts": ["i want to end it all", "are you there", "STOP"], "crisis": crisis}


def test_a_number_typed_any_way_finds_the_same_person(two_people):
    found = {
        privacy.personal_data_find(number=typed).sender for typed in [GB_NUMBER, TYPED, "+44 (0)7700 900123"]
    }

    assert len(found) == 1
    assert found.pop().phone == GB_NUMBER


def test_the_export_holds_exactly_that_persons_data(two_people, django_assert_max_num_queries):
    # Six reads, however much is held; the audit entry is three (content type, check, insert).
    with django_assert_max_num_queries(9):
        document = privacy.personal_data_export(number=TYPED, via="test")

    assert document["about"]["number"] == GB_NUMBER
    assert document["texter"]["phone"] == GB_NUMBER
    assert document["texter"]["opted_out"] is True
    assert "phone_hash" not in document["texter"]
    assert [text["body"] for text in document["texts"]] == two_people["texts"]
    assert document["texts"][0]["screening_level"] == "emergency"
    assert document["texts"][0]["staff_label"]["verdict"] == "missed_emergency"
    assert "labelled_by_id" not in document["texts"][0]["staff_label"]  # staff data, not theirs
    assert {reply["inbound_id"] for reply in document["replies"]} <= {t["id"] for t in document["texts"]}
    assert (
        len(document["replies"])
        == OutboundMessage.objects.filter(sender__phone_hash=_hash(GB_NUMBER)).count()
    )
    assert len(document["crisis_follow_ups"]) == 1
    assert [request["name"] for request in document["callback_requests"]] == ["Robin Example"]
    assert document["about"]["counts"] == {
        "texter": 1,
        "texts": 3,
        "replies": len(document["replies"]),
        "crisis_follow_ups": 1,
        "conversation_notes": 0,
        "callback_requests": 1,
        "screener_examples": 1,
    }

    dumped = json.dumps(document, default=str)
    for someone_else in [
        "signs of ketamine",
        "took too many pills",
        "Alex Other",
        "Sam Unrelated",
        "900456",
        "5550",
    ]:
        assert someone_else not in dumped


def test_a_number_never_seen_exports_an_empty_document(two_people):
    document = privacy.personal_data_export(number="+447700900999", via="test")

    assert document["texter"] is None
    assert document["texts"] == document["callback_requests"] == []
    assert not any(document["about"]["counts"].values())


def test_someone_who_only_asked_for_a_callback_gets_it_exported(db):
    callback_request("+12025550199", name="Sam Unrelated", message="call me")

    document = privacy.personal_data_export(number="+1 202 555 0199", via="test")

    assert document["texter"] is None
    assert [(r["name"], r["message"]) for r in document["callback_requests"]] == [
        ("Sam Unrelated", "call me")
    ]


def test_the_export_command_writes_a_file_only_its_owner_can_read(two_people, tmp_path):
    target = tmp_path / "export.json"

    call_command("privacy_export", number=TYPED, output=str(target), stdout=(out := Output()))

    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    document = json.loads(target.read_text())
    assert [text["body"] for text in document["texts"]] == two_people["texts"]
    assert "3 texts" in out.text and "900123" not in out.text
    with pytest.raises(CommandError, match="exists"):
        call_command("privacy_export", number=TYPED, output=str(target), stdout=Output())


def test_the_export_command_prints_json_to_stdout_and_the_summary_apart(two_people):
    out, err = Output(), Output()

    call_command("privacy_export", number=GB_NUMBER, stdout=out, stderr=err)

    assert json.loads(out.text)["texter"]["phone"] == GB_NUMBER
    assert "1 callback requests" in err.text


def test_a_number_that_is_not_one_is_refused_without_echoing_it(db):
    with pytest.raises(CommandError) as refused:
        call_command("privacy_export", number="call me maybe", stdout=Output())
    assert "call me" not in str(refused.value)
    with pytest.raises(CommandError):
        call_command("privacy_erase", number="12", yes=True, stdout=Output())


# --- Erasure ---------------------------------------------------------------------


def _hash(number: str) -> str:
    return phone_numbers.phone_hash(number)


def _others_rows() -> dict[str, int]:
    others = Sender.objects.exclude(phone_hash=_hash(GB_NUMBER))
    return {
        "senders": others.count(),
        "texts": InboundMessage.objects.filter(sender__in=others).count(),
        "replies": OutboundMessage.objects.filter(sender__in=others).count(),
        "follow_ups": FollowUp.objects.filter(sender__in=others).count(),
        "labels": ScreeningLabel.objects.filter(inbound__sender__in=others).count(),
        "examples": CrisisExample.objects.filter(text="took too many pills").count(),
        "callbacks": CallbackRequest.objects.exclude(phone_hash=_hash(GB_NUMBER)).count(),
    }


def test_erasure_leaves_nothing_of_that_person_and_others_untouched(two_people):
    before = _others_rows()
    assert before == {
        "senders": 2,
        "texts": 3,
        "replies": 3,
        "follow_ups": 1,
        "labels": 1,
        "examples": 1,
        "callbacks": 2,
    }

    call_command("privacy_erase", number=TYPED, yes=True, stdout=(out := Output()))

    assert not Sender.objects.filter(phone_hash=_hash(GB_NUMBER)).exists()
    assert not CallbackRequest.objects.filter(phone_hash=_hash(GB_NUMBER)).exists()
    assert InboundMessage.objects.count() == before["texts"]
    assert OutboundMessage.objects.count() == before["replies"]
    assert FollowUp.objects.count() == before["follow_ups"]
    assert ScreeningLabel.objects.count() == before["labels"]
    bodies = {message.body for message in InboundMessage.objects.all()}
    assert not bodies & set(two_people["texts"])
    assert not CrisisExample.objects.filter(text__in=two_people["texts"]).exists()
    assert not [r for r in CallbackRequest.objects.all() if r.name == "Robin Example"]
    assert _others_rows() == before
    assert privacy.personal_data_find(number=GB_NUMBER).is_empty
    assert "Erased: 1 texter, 3 texts" in out.text


def test_erasure_retitles_wagtail_entries_that_named_the_person(two_people):
    request = CallbackRequest.objects.get(phone_hash=_hash(GB_NUMBER))
    other = CallbackRequest.objects.get(phone_hash=_hash(OTHER_GB))
    # As Wagtail titled its own entries with str(), which once held the name.
    log(request, "wagtail.edit", title="Callback for Robin Example (Contacted)")
    log(other, "wagtail.edit", title="Callback for Alex Other (Contacted)")

    privacy.personal_data_erase(number=GB_NUMBER, via="test")

    labels = set(ModelLogEntry.objects.filter(action="wagtail.edit").values_list("label", flat=True))
    assert labels == {f"Callback request #{request.pk} (erased)", "Callback for Alex Other (Contacted)"}


def test_erasure_asks_for_the_typed_word(two_people, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    with pytest.raises(CommandError, match="Not erased"):
        call_command("privacy_erase", number=GB_NUMBER, stdout=(out := Output()))
    assert "1 texter, 3 texts" in out.text
    assert Sender.objects.filter(phone_hash=_hash(GB_NUMBER)).exists()

    def no_terminal(prompt):
        raise EOFError

    monkeypatch.setattr("builtins.input", no_terminal)
    with pytest.raises(CommandError, match="--yes"):
        call_command("privacy_erase", number=GB_NUMBER, stdout=Output())
    assert Sender.objects.filter(phone_hash=_hash(GB_NUMBER)).exists()

    monkeypatch.setattr("builtins.input", lambda prompt: " Erase ")
    call_command("privacy_erase", number=GB_NUMBER, stdout=Output())
    assert not Sender.objects.filter(phone_hash=_hash(GB_NUMBER)).exists()


def test_a_new_text_after_erasure_starts_afresh(two_people, text_in):
    privacy.personal_data_erase(number=GB_NUMBER, via="test")

    text = text_in("ketamine")

    assert text.sender.phone == GB_NUMBER
    assert not text.sender.opted_out  # the opt-out went with everything else
    assert InboundMessage.objects.filter(sender=text.sender).count() == 1


# --- The admin forms ---------------------------------------------------------------


def test_the_export_form_downloads_json_named_without_the_number(client, two_people):
    client.force_login(make_staff("export_personal_data"))

    response = client.post("/admin/sms/privacy/export/", {"number": TYPED})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="personal-data-') and "900123" not in disposition
    assert "no-store" in response["Cache-Control"]
    assert [text["body"] for text in json.loads(response.content)["texts"]] == two_people["texts"]


def test_the_export_form_refuses_a_bad_number_without_echoing_it_in_the_error(client, db):
    client.force_login(make_staff("export_personal_data"))

    response = client.post("/admin/sms/privacy/export/", {"number": "not a number"})

    assert response.status_code == 200
    assert "Enter a valid phone number." in response.content.decode()


def test_the_erase_form_shows_counts_first_then_erases_on_the_typed_word(client, two_people):
    client.force_login(make_staff("erase_personal_data"))
    url = "/admin/sms/privacy/erase/"

    preview = client.post(url, {"number": TYPED})
    page = preview.content.decode()
    assert preview.status_code == 200
    assert "Texts: 3" in page and "Callback requests: 1" in page
    assert "i want to end it all" not in page  # counts only
    assert Sender.objects.filter(phone_hash=_hash(GB_NUMBER)).exists()

    wrong = client.post(url, {"number": TYPED, "confirmation": "delete"})
    assert "to confirm" in wrong.content.decode()
    assert Sender.objects.filter(phone_hash=_hash(GB_NUMBER)).exists()

    done = client.post(url, {"number": TYPED, "confirmation": "erase"}, follow=True)
    assert "Erased: 1 texter, 3 texts" in done.content.decode()
    assert privacy.personal_data_find(number=GB_NUMBER).is_empty
    assert _others_rows()["senders"] == 2


@pytest.mark.parametrize(
    ("url", "codename"),
    [
        ("/admin/sms/privacy/export/", "export_personal_data"),
        ("/admin/sms/privacy/erase/", "erase_personal_data"),
    ],
)
def test_each_form_needs_its_own_permission(client, two_people, url, codename):
    # Reading the SMS admin, or holding the other data permission, is not enough.
    other = {"export_personal_data": "erase_personal_data", "erase_personal_data": "export_personal_data"}[
        codename
    ]
    client.force_login(make_staff("view_inboundmessage", "change_inboundmessage", other))

    assert_refused(client.get(url))
    assert_refused(client.post(url, {"number": TYPED, "confirmation": "erase"}))
    assert Sender.objects.filter(phone_hash=_hash(GB_NUMBER)).exists()

    client.force_login(make_staff(codename))
    assert client.get(url).status_code == 200


def test_the_menu_shows_data_requests_only_to_those_who_may(client, two_people):
    client.force_login(make_staff("view_inboundmessage"))
    assert "Data requests: export" not in client.get("/admin/sms/log/").content.decode()

    client.force_login(make_staff("view_inboundmessage", "export_personal_data"))
    page = client.get("/admin/sms/log/").content.decode()
    assert "Data requests: export" in page and "Data requests: erase" not in page


def test_administrators_can_grant_the_data_permissions_to_a_group(admin_client):
    page = admin_client.get(reverse("wagtailusers_groups:add")).content.decode()

    for name in [
        "Can export everything held about a phone number",
        "Can erase everything held about a phone number",
        "Can reveal a texter&#x27;s full phone number",
    ]:
        assert name in page, name


def test_one_number_on_sms_and_whatsapp_is_exported_and_erased_whole(two_people, text_in, admin_user):
    """Two conversations (one per channel), one person: a data request by
    number finds both, staff notes included, and erasing takes both."""
    from sms import inbox_services

    text_in("hello on whatsapp", sender=f"whatsapp:{GB_NUMBER}")
    whatsapp = Sender.objects.get(phone_hash=_hash(GB_NUMBER), channel="whatsapp")
    inbox_services.note_add(sender=whatsapp, user=admin_user, body="Asked about their mum")

    document = privacy.personal_data_export(number=TYPED, via="test")

    assert sorted(texter["channel"] for texter in document["texters"]) == ["sms", "whatsapp"]
    assert document["about"]["counts"]["texter"] == 2
    assert [note["body"] for note in document["conversation_notes"]] == ["Asked about their mum"]
    assert "hello on whatsapp" in [text["body"] for text in document["texts"]]
    assert "author_id" not in document["conversation_notes"][0]  # staff data, not theirs

    erased = privacy.personal_data_erase(number=TYPED, via="test")

    assert erased["texter"] == 2 and erased["conversation_notes"] == 1
    assert not Sender.objects.filter(phone_hash=_hash(GB_NUMBER)).exists()
    assert _others_rows()["senders"] == 2
