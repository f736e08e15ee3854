"""Spreadsheet import and export of helplines and SMS answers: round trips,
previews, row errors, all-or-nothing writes and permissions."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from openpyxl import load_workbook

from cms import spreadsheets
from cms.models import Helpline, SmsIntent, TopicSmsAnswer
from cms.spreadsheet_import import PlanChangedError, helpline_apply, helpline_plan
from cms.spreadsheet_sms_answers import SMS_ANSWER_COLUMNS, sms_answer_plan

pytestmark = pytest.mark.django_db

IMPORT_HELPLINES = reverse("cms_spreadsheet_import", args=["helplines"])
IMPORT_SMS = reverse("cms_spreadsheet_import", args=["sms-answers"])


def export_url(kind: str, file_format: str) -> str:
    return reverse("cms_spreadsheet_export", args=[kind, file_format])


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def directory(helpline_factory):
    """Two helplines with the awkward cells: opening hours, a short code that
    a spreadsheet would read as a number, and notes that look like a formula."""
    office = helpline_factory(
        name="Sample drugs line",
        phone_number="0300 123 6600",
        text_number="82111",
        notes='=HYPERLINK("http://example.org")',
        opening_hours=[(0, "09:00", "17:00"), (4, "20:00", "02:00")],
    )
    emergency = helpline_factory(
        name="Emergency services", phone_number="999", category="emergency", is_emergency=True
    )
    return office, emergency


def post_file(client, url, columns, rows, name="sheet.csv"):
    handle = io.BytesIO(spreadsheets.write_csv(columns, rows))
    handle.name = name
    return client.post(url, {"file": handle})


@pytest.mark.parametrize("file_format", spreadsheets.FORMATS)
def test_helpline_export_then_import_changes_nothing(admin_client, directory, file_format):
    response = admin_client.get(export_url("helplines", file_format))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{file_format}"')
    rows = spreadsheets.read_rows(response.content, filename=f"helplines.{file_format}")
    office = next(row for row in rows if row["name"] == "Sample drugs line")
    assert office["opening_hours"] == "Mon 09:00-17:00; Fri 20:00-02:00"
    assert office["notes"] == '=HYPERLINK("http://example.org")'
    assert next(row for row in rows if row["name"] == "Emergency services")["phone_number"] == "999"

    plan = helpline_plan(rows)

    assert (len(plan.created), len(plan.changed), len(plan.unchanged), plan.errors) == (0, 0, 2, [])
    assert not plan.can_apply


def test_exports_never_hold_a_formula(admin_client, directory):
    csv_text = admin_client.get(export_url("helplines", "csv")).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text  # quoted: a spreadsheet shows it, never runs it
    workbook = load_workbook(io.BytesIO(admin_client.get(export_url("helplines", "xlsx")).content))
    cells = [cell for row in workbook.active.iter_rows() for cell in row]
    assert cells and all(cell.data_type == "s" for cell in cells if cell.value is not None)


def test_preview_counts_and_nothing_is_written_until_confirmed(admin_client, directory):
    office, emergency = directory
    # A sheet without a notes column: every helpline keeps its notes.
    hours = "mon 09:00-17:00; Fri 20:00-02:00"  # the same hours, written loosely
    columns = ["id", "name", "country", "phone_number", "is_24_7", "opening_hours", "time_zone"]
    rows = [
        ["  " + str(office.pk), office.name, "GB", "0300 123 6601", "no", hours, "Europe/London"],
        ["", emergency.name, "gb", "999", "Yes", "", "Europe/London"],  # matched by country and name
        ["", "Sample US line", "US", "1-800-662-4357", "no", "Sat 10:00-14:00", "America/New_York"],
    ]  # fmt: skip
    rows = [dict(zip(columns, row, strict=True)) for row in rows]

    preview = post_file(admin_client, IMPORT_HELPLINES, columns, rows)

    page = preview.content.decode()
    assert preview.status_code == 200
    assert "1 to add" in page and "1 to change" in page and "1 left alone" in page
    assert "0300 123 6600" in page and "0300 123 6601" in page  # the change, old and new
    assert Helpline.objects.count() == 2
    office.refresh_from_db()
    assert office.phone_number == "0300 123 6600"
    digest = admin_client.session["cms_spreadsheet_import:helplines"]["digest"]

    confirmed = admin_client.post(IMPORT_HELPLINES, {"digest": digest})

    assert confirmed.status_code == 302
    office.refresh_from_db()
    assert office.phone_number == "0300 123 6601"
    assert office.notes == '=HYPERLINK("http://example.org")'  # not in the file: kept
    assert office.opening_hours.count() == 2
    added = Helpline.objects.get(name="Sample US line")
    assert not added.is_24_7 and [str(h) for h in added.opening_hours.all()] == ["Saturday 10:00-14:00"]
    assert "cms_spreadsheet_import:helplines" not in admin_client.session


def test_row_errors_name_the_row_and_block_the_whole_import(admin_client, directory):
    office, _ = directory
    columns = ["id", "name", "country", "phone_number", "opening_hours"]
    rows = [
        {"name": "Fine new line", "country": "GB", "phone_number": "0300 123 6602"},
        {"name": "Bad country", "country": "XX", "phone_number": "0300 123 6603"},
        {"name": "Bad number", "country": "GB", "phone_number": "12345"},
        {"name": "Bad hours", "country": "GB", "phone_number": "111", "opening_hours": "Mondays 9-5"},
        {"id": "999999", "name": "Unknown id", "country": "GB", "phone_number": "111"},
        {"id": str(office.pk), "name": office.name, "country": "GB"},
        {"id": str(office.pk), "name": office.name, "country": "GB"},
    ]

    plan = helpline_plan([{c: row.get(c, "") for c in columns} for row in rows])

    problems = {error.row: error.message for error in plan.errors}
    assert set(problems) == {3, 4, 5, 6, 8}
    assert "'XX' is not an ISO country code" in problems[3]
    assert "'12345' is not a valid number in GB" in problems[4]
    assert "cannot read 'Mondays 9-5'" in problems[5]
    assert "there is no helpline '999999'" in problems[6]
    assert "the same helpline as row 7" in problems[8]
    assert not plan.can_apply

    preview = post_file(admin_client, IMPORT_HELPLINES, columns, rows)
    assert "5 error(s)" in preview.content.decode()
    assert 'name="digest"' not in preview.content.decode()  # no confirm button
    digest = admin_client.session["cms_spreadsheet_import:helplines"]["digest"]
    admin_client.post(IMPORT_HELPLINES, {"digest": digest})
    assert not Helpline.objects.filter(name="Fine new line").exists()


def test_a_failed_write_rolls_back_every_row(directory, superuser, monkeypatch):
    rows = [
        {"name": f"New line {n}", "country": "GB", "phone_number": f"0300 123 66{n}0", "is_24_7": "yes"}
        for n in range(1, 4)
    ]
    plan = helpline_plan(rows)
    assert len(plan.created) == 3
    saved = []
    original_save = Helpline.save

    def save_then_fail_on_the_third(self, *args, **kwargs):
        if len(saved) == 2:
            raise RuntimeError("disk full")
        saved.append(self.name)
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(Helpline, "save", save_then_fail_on_the_third)

    with pytest.raises(RuntimeError):
        helpline_apply(rows=rows, digest=plan.digest, user=superuser)

    assert saved == ["New line 1", "New line 2"]
    assert not Helpline.objects.filter(name__startswith="New line").exists()


def test_confirm_is_refused_when_the_data_changed_after_the_preview(admin_client, directory):
    office, _ = directory
    rows = [{"id": str(office.pk), "name": office.name, "country": "GB", "cost": "Free"}]
    post_file(admin_client, IMPORT_HELPLINES, ["id", "name", "country", "cost"], rows)
    digest = admin_client.session["cms_spreadsheet_import:helplines"]["digest"]
    Helpline.objects.filter(pk=office.pk).update(cost="Someone else's edit")

    response = admin_client.post(IMPORT_HELPLINES, {"digest": digest}, follow=True)

    assert "content changed since the preview" in response.content.decode()
    office.refresh_from_db()
    assert office.cost == "Someone else's edit"
    with pytest.raises(PlanChangedError):
        helpline_apply(rows=rows, digest=digest, user=None)


def test_planning_reads_a_fixed_number_of_queries(directory, django_assert_max_num_queries):
    rows = [
        {
            "name": f"Line {n}",
            "country": "GB",
            "phone_number": "0300 123 6600",
            "opening_hours": "Mon 09:00-17:00",
        }
        for n in range(30)
    ]
    with django_assert_max_num_queries(2):  # helplines, then their opening hours
        plan = helpline_plan(rows)
    assert len(plan.created) == 30


def test_unreadable_files_are_refused_with_a_reason(admin_client):
    bad = io.BytesIO(b"not a zip")
    bad.name = "sheet.xlsx"
    response = admin_client.post(IMPORT_HELPLINES, {"file": bad})
    assert "The XLSX file cannot be read." in response.content.decode()
    other = io.BytesIO(b"a,b")
    other.name = "sheet.txt"
    assert (
        "Upload a .csv or .xlsx file."
        in admin_client.post(IMPORT_HELPLINES, {"file": other}).content.decode()
    )


def test_short_rows_read_as_empty_cells():
    rows = spreadsheets.read_rows(b"Name,Country,notes\nA,GB\n,,\n", filename="x.CSV")
    assert rows == [{"name": "A", "country": "GB", "notes": ""}]


# ---- SMS answers ---------------------------------------------------------


@pytest.fixture
def published_answers(topic_page):
    intents = SmsIntent.objects.in_bulk(["effects", "signs"], field_name="slug")
    topic_page.sms_answers = [
        TopicSmsAnswer(intent=intents["effects"], text="Effects: feeling detached and numb."),
        TopicSmsAnswer(intent=intents["signs"], text="Signs of regular use: needing to wee often."),
    ]
    topic_page.save_revision().publish()
    return topic_page


@pytest.mark.parametrize("file_format", spreadsheets.FORMATS)
def test_sms_answers_export_then_import_changes_nothing(
    admin_client, superuser, published_answers, file_format
):
    response = admin_client.get(export_url("sms-answers", file_format))
    rows = spreadsheets.read_rows(response.content, filename=f"answers.{file_format}")
    assert [(r["topic"], r["question_type"]) for r in rows] == [
        ("ketamine", "effects"),
        ("ketamine", "signs"),
    ]

    plan = sms_answer_plan(rows, user=superuser)

    assert (len(plan.created), len(plan.changed), len(plan.unchanged), plan.errors) == (0, 0, 2, [])


def test_imported_sms_answers_become_a_draft_for_clinical_review(admin_client, published_answers):
    rows = [
        {"topic": "ketamine", "question_type": "effects", "answer": "Effects: detached, numb, sleepy."},
        {"topic": "ketamine", "question_type": "getting help", "answer": "See your GP: it is confidential."},
        {
            "topic": "ketamine",
            "question_type": "signs",
            "answer": "Signs of regular use: needing to wee often.",
        },
    ]
    preview = post_file(admin_client, IMPORT_SMS, SMS_ANSWER_COLUMNS, rows)
    assert "1 to add" in preview.content.decode() and "1 to change" in preview.content.decode()
    digest = admin_client.session["cms_spreadsheet_import:sms-answers"]["digest"]

    admin_client.post(IMPORT_SMS, {"digest": digest})

    published_answers.refresh_from_db()
    live = {a.intent.slug: a.text for a in published_answers.sms_answers.all()}
    assert live["effects"] == "Effects: feeling detached and numb."  # unchanged until approved
    assert "getting_help" not in live
    assert published_answers.has_unpublished_changes
    draft = published_answers.get_latest_revision_as_object()
    drafted = {a.intent.slug: a.text for a in draft.sms_answers.all()}
    assert drafted == {
        "effects": "Effects: detached, numb, sleepy.",
        "signs": "Signs of regular use: needing to wee often.",
        "getting_help": "See your GP: it is confidential.",
    }


def test_sms_answer_rows_are_checked_like_the_topic_editor(superuser, topic_page, settings):
    settings.SMS_MAX_SEGMENTS = 2
    too_long = "Ketamine 💊 " * 20  # UCS-2: 220 code units, more than two segments
    rows = [
        {"topic": "ketamine", "question_type": "effects", "answer": too_long},
        {"topic": "no-such-topic", "question_type": "effects", "answer": "Fine."},
        {"topic": "ketamine", "question_type": "astrology", "answer": "Fine."},
        {"topic": "ketamine", "question_type": "signs", "answer": ""},
    ]

    plan = sms_answer_plan(rows, user=superuser)

    problems = {error.row: error.message for error in plan.errors}
    assert "Too long by" in problems[2] and "the limit is 2" in problems[2]
    assert "no single topic has the slug 'no-such-topic'" in problems[3]
    assert "there is no question type 'astrology'" in problems[4]
    assert "the answer is empty" in problems[5]
    assert not plan.can_apply


# ---- permissions ---------------------------------------------------------


def _member(django_user_model, group_name: str):
    user = django_user_model.objects.create_user(group_name.lower().replace(" ", "-"), password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def refused(response) -> bool:
    """Wagtail answers a PermissionDenied in the admin with a redirect home."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_editors_may_export_helplines_but_not_import_them(client, django_user_model, directory, topic_page):
    client.force_login(_member(django_user_model, "Editors"))
    assert client.get(export_url("helplines", "csv")).status_code == 200
    assert refused(client.get(IMPORT_HELPLINES))
    assert refused(client.post(IMPORT_HELPLINES, {"digest": "x"}))
    # Editors edit topics, so they may bring in SMS answers (saved as drafts).
    assert client.get(IMPORT_SMS).status_code == 200
    index = client.get(reverse("cms_spreadsheets")).content.decode()
    assert export_url("helplines", "xlsx") in index and IMPORT_HELPLINES not in index


def test_staff_without_content_permissions_see_no_spreadsheets(client, django_user_model):
    client.force_login(_member(django_user_model, "Admissions"))
    assert refused(client.get(reverse("cms_spreadsheets")))
    assert refused(client.get(export_url("helplines", "csv")))
    assert refused(client.get(export_url("sms-answers", "csv")))
    assert refused(client.get(IMPORT_SMS))


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(export_url("helplines", "csv"))
    assert response.status_code == 302 and response.url.startswith(reverse("wagtailadmin_login"))


def test_helpline_listing_offers_download_and_import(admin_client, directory):
    listing = admin_client.get(reverse("wagtailsnippets_cms_helpline:list")).content.decode()
    assert export_url("helplines", "csv") in listing
    assert export_url("helplines", "xlsx") in listing
    assert IMPORT_HELPLINES in listing


def test_opening_hours_text_round_trips():
    from cms.spreadsheet_import import opening_hours_parse, opening_hours_text

    windows = [(0, dt.time(9), dt.time(17)), (6, dt.time(22), dt.time(2))]
    assert opening_hours_parse(opening_hours_text(windows)) == windows
    assert opening_hours_parse("mon 09:00 - 17:00;\nSun 22:00-02:00") == windows


@pytest.mark.parametrize("group_name", ["Editors", "Admissions"])
def test_the_menu_item_costs_at_most_the_permission_cache(
    django_user_model, home_page, group_name, django_assert_max_num_queries
):
    """It is checked on every admin page: only the user's model permissions
    (Django caches them on the user for the request) and page permissions
    (cached by Wagtail) may be read."""
    from django.test.client import RequestFactory

    from cms.wagtail_hooks import SpreadsheetsMenuItem

    request = RequestFactory().get("/admin/")
    request.user = _member(django_user_model, group_name)
    item = SpreadsheetsMenuItem("Spreadsheets", reverse("cms_spreadsheets"))
    with django_assert_max_num_queries(3):
        shown = item.is_shown(request)
    assert shown == (group_name == "Editors")
    with django_assert_max_num_queries(0):
        item.is_shown(request)
