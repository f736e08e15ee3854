"""Retention (sms.retention): what is past its time goes, what is inside it
stays, crisis conversations keep to their own limit, opt-outs are
remembered, and the daily figures read the same before and after."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api.services import callback_request_create
from cms.models import CallbackRequest
from sms import retention, selectors, tasks
from sms.models import DailyFigure, FollowUp, InboundMessage, OutboundMessage, ScreeningLabel, Sender
from tests.sms.conftest import GB_NUMBER, US_NUMBER

pytestmark = pytest.mark.django_db
Outcome = InboundMessage.Outcome
OTHER_GB_NUMBER = "+447700900456"
FIGURES_URL = "/admin/sms/figures/"


@pytest.fixture
def limits(settings):
    settings.SMS_RETENTION_DAYS = 30
    settings.SMS_CRISIS_RETENTION_DAYS = 60
    settings.CALLBACK_RETENTION_DAYS = 30
    return settings


def backdate(inbound: InboundMessage, *, days: float = 0, hours: float = 0) -> InboundMessage:
    """Move a text, its reply, its follow-up and its sender back in time, as
    if it had come in that long ago."""
    when = timezone.now() - dt.timedelta(days=days, hours=hours)
    InboundMessage.objects.filter(pk=inbound.pk).update(received_at=when, processed_at=when)
    OutboundMessage.objects.filter(inbound=inbound).update(created_at=when, next_attempt_at=when)
    if inbound.follow_up_id:
        follow_up = FollowUp.objects.get(pk=inbound.follow_up_id)
        FollowUp.objects.filter(pk=follow_up.pk).update(
            opened_at=min(follow_up.opened_at, when), last_message_at=when
        )
    Sender.objects.filter(pk=inbound.sender_id, created_at__gt=when).update(created_at=when)
    return inbound


def exists(row) -> bool:
    return type(row).objects.filter(pk=row.pk).exists()


def row_counts() -> dict[str, int]:
    models = (InboundMessage, OutboundMessage, ScreeningLabel, FollowUp, Sender, CallbackRequest, DailyFigure)
    return {model.__name__: model.objects.count() for model in models}


def callback(*, days: float) -> CallbackRequest:
    request = callback_request_create(
        name="Test Caller", phone_e164="+447700900777", preferred_time="evenings", message="Please call"
    )
    CallbackRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - dt.timedelta(days=days))
    return request


def test_texts_past_their_time_go_with_their_replies_and_senders(text_in, sms_content, limits):
    old = backdate(text_in("what are the signs"), days=31)
    recent = backdate(text_in("ketamine effects", sender=US_NUMBER), days=29)
    old_sender, recent_sender = old.sender, recent.sender

    report = retention.retention_apply()

    assert not exists(old) and not OutboundMessage.objects.filter(sender=old_sender).exists()
    assert not exists(old_sender)  # nothing of theirs is left and they never opted out
    assert exists(recent) and exists(recent.reply) and exists(recent_sender)
    assert report.deleted["inbound messages"] == 1
    assert report.deleted["outbound messages"] == 1
    assert report.deleted["senders"] == 1
    assert report.finished


def test_a_person_whose_sender_row_went_is_answered_as_new(text_in, sms_content, limits):
    backdate(text_in("what are the signs"), days=31)
    retention.retention_apply()

    again = text_in("what are the signs")

    assert again.outcome == Outcome.ANSWER and again.reply is not None


def test_crisis_conversations_are_kept_to_their_own_limit(text_in, sms_content, limits):
    texts = [text_in(body) for body in ("what are the signs", "ketamine effects", "i want to end it all")]
    texts.append(text_in("are you there"))  # joins the crisis follow-up
    before, lead_up, crisis, later = texts
    assert crisis.follow_up_id and later.follow_up_id == crisis.follow_up_id
    backdate(before, days=43)  # days before the crisis: an ordinary text
    backdate(lead_up, days=40, hours=1)  # what led to it
    backdate(crisis, days=40)
    backdate(later, days=39, hours=23)
    stranger = backdate(text_in("ketamine effects", sender=US_NUMBER), days=40)
    old_crisis = backdate(text_in("took too many pills", sender=OTHER_GB_NUMBER), days=61)

    retention.retention_apply()

    assert not exists(before) and not exists(stranger)
    assert exists(lead_up) and exists(crisis) and exists(later) and exists(crisis.reply)
    assert exists(crisis.follow_up) and exists(crisis.sender)
    # Past the crisis limit, the conversation, its follow-up and its sender go.
    assert not exists(old_crisis) and not exists(old_crisis.reply)
    assert not FollowUp.objects.filter(sender_id=old_crisis.sender_id).exists()
    assert not Sender.objects.filter(pk=old_crisis.sender_id).exists()


def test_a_crisis_limit_shorter_than_the_ordinary_one_is_raised_to_it(text_in, sms_content, limits):
    limits.SMS_CRISIS_RETENTION_DAYS = 10
    crisis = backdate(text_in("i want to end it all"), days=20)

    retention.retention_apply()

    assert exists(crisis)


def test_a_staff_label_goes_with_its_text(text_in, sms_content, limits, admin_user):
    from sms import services

    inbound = text_in("i want to end it all")
    services.screening_label_record(inbound=inbound, verdict="not_emergency", category="", user=admin_user)
    backdate(inbound, days=61)

    report = retention.retention_apply()

    assert not ScreeningLabel.objects.exists()
    assert report.deleted["screening labels"] == 1


def test_an_opt_out_is_remembered_after_the_texts_go(text_in, sms_content, limits):
    stop = backdate(text_in("STOP"), days=31)
    sender = stop.sender

    retention.retention_apply()

    assert not exists(stop)
    sender.refresh_from_db()
    assert sender.opted_out and sender.phone == GB_NUMBER
    later = text_in("what are the signs")
    assert later.sender_id == sender.pk
    assert later.outcome == Outcome.IGNORED_OPTED_OUT
    assert not OutboundMessage.objects.filter(inbound=later).exists()


def test_callback_requests_past_their_time_go(db, limits):
    old, recent = callback(days=31), callback(days=29)

    report = retention.retention_apply()

    assert not exists(old) and exists(recent)
    assert report.deleted["callback requests"] == 1


def test_texts_wait_until_the_figures_of_their_day_are_stored(text_in, sms_content, settings):
    settings.SMS_RETENTION_DAYS = settings.SMS_CRISIS_RETENTION_DAYS = 1
    today = timezone.localdate()
    yesterday, settled = today - dt.timedelta(days=1), today - dt.timedelta(days=2)
    kept, gone = text_in("what are the signs"), text_in("ketamine effects")
    for inbound, day in [(kept, yesterday), (gone, settled)]:
        moment = selectors.day_start(day) + dt.timedelta(hours=12)
        InboundMessage.objects.filter(pk=inbound.pk).update(received_at=moment)
        OutboundMessage.objects.filter(inbound=inbound).update(created_at=moment)

    report = retention.retention_apply()

    # Yesterday is past one day's retention, but its figures are not stored yet.
    assert report.cutoffs.texts == selectors.day_start(yesterday)
    assert list(DailyFigure.objects.values_list("day", flat=True)) == [settled]
    assert exists(kept) and not exists(gone)


@pytest.fixture
def two_weeks_of_texts(text_in, sms_content, settings):
    """Texts on several days of the report's fortnight: answers, an opt-out,
    a failed send, crises; with limits that delete most of them."""
    settings.SMS_RETENTION_DAYS = 3
    settings.SMS_CRISIS_RETENTION_DAYS = 6
    for days, body, sender in [
        (12, "what are the signs", GB_NUMBER),
        (12, "ketamine effects", US_NUMBER),
        (11, "STOP", OTHER_GB_NUMBER),
        (9, "ketamine effects", GB_NUMBER),
        (7, "took too many pills", US_NUMBER),
        (5, "what are the signs", "+447700900999"),
        (4, "i want to end it all", "+447700900888"),
        (1, "what are the signs", "+447700900777"),
        (0, "ketamine effects", "+447700900666"),
    ]:
        backdate(text_in(body, sender=sender), days=days)
    failed = InboundMessage.objects.order_by("received_at")[3].reply
    OutboundMessage.objects.filter(pk=failed.pk).update(status=OutboundMessage.Status.FAILED)


def test_the_figures_read_the_same_after_old_texts_go(admin_client, two_weeks_of_texts):
    before = admin_client.get(FIGURES_URL).context
    before_days, before_questions = before["days"], before["top_questions"]
    assert sum(day["failed"] for day in before_days) == 1 and before_questions

    report = retention.retention_apply()

    assert report.deleted["inbound messages"] >= 5  # most of the fortnight went
    assert DailyFigure.objects.count() >= 11
    after = admin_client.get(FIGURES_URL).context
    assert after["days"] == before_days
    assert after["top_questions"] == before_questions
    assert selectors.figures_report(days=14) == {"days": before_days, "top_questions": before_questions}


def test_the_figures_read_stored_days_as_stored(two_weeks_of_texts):
    retention.retention_apply()
    stored = DailyFigure.objects.filter(inbound__gt=0).first()

    DailyFigure.objects.filter(pk=stored.pk).update(inbound=999)

    [row] = [row for row in selectors.figures_report(days=14)["days"] if row["day"] == str(stored.day)]
    assert row["inbound"] == 999


def test_the_figures_page_queries_do_not_grow_with_days(
    admin_client, text_in, sms_content, django_assert_max_num_queries
):
    backdate(text_in("what are the signs"), days=5)
    retention.retention_apply()
    with CaptureQueriesContext(connection) as few:
        admin_client.get(FIGURES_URL)
    budget = len(few.captured_queries)  # now: the next request resets the query log
    for days in range(6, 13):
        backdate(text_in("ketamine effects", sender=f"+4477009001{days:02d}"), days=days)
    DailyFigure.objects.all().delete()
    retention.retention_apply()
    text_in("what are the signs")  # today: counted from the rows

    with django_assert_max_num_queries(budget):
        response = admin_client.get(FIGURES_URL)
    assert len(response.context["days"]) == 9


def test_dry_run_counts_what_would_go_and_changes_nothing(two_weeks_of_texts, settings):
    settings.CALLBACK_RETENTION_DAYS = 30
    callback(days=31)
    held = row_counts()
    out = StringIO()

    call_command("privacy_retention", "--dry-run", stdout=out)

    assert row_counts() == held
    plan = retention.retention_plan()
    printed = out.getvalue()
    assert f"Would store the figures of {plan.figure_days} day(s)." in printed
    for kind, count in plan.deleted.items():
        assert f"  {kind}: {count}\n" in printed
    for personal in (GB_NUMBER, US_NUMBER, "signs", "Test Caller"):
        assert personal not in printed
    # The plan is what a run then does.
    report = retention.retention_apply()
    assert report.figure_days == plan.figure_days
    assert {kind: report.deleted[kind] for kind in plan.deleted} == plan.deleted
    assert plan.deleted["inbound messages"] >= 5 and plan.deleted["callback requests"] == 1


def test_a_second_run_is_a_no_op(two_weeks_of_texts):
    call_command("privacy_retention", stdout=StringIO())
    held = row_counts()

    report = retention.retention_apply()

    assert report.figure_days == 0 and not any(report.deleted.values())
    assert row_counts() == held


def test_a_run_stopped_by_its_time_budget_goes_on_from_there(two_weeks_of_texts):
    plan = retention.retention_plan()

    stopped = retention.retention_apply(batch_size=2, time_budget=0)
    resumed = retention.retention_apply(batch_size=2)

    assert not stopped.finished and not any(stopped.deleted.values())
    assert resumed.finished
    assert {kind: resumed.deleted[kind] for kind in plan.deleted} == plan.deleted


def test_the_beat_task_queues_itself_again_until_finished(monkeypatch, db):
    runs = []

    def apply(*, time_budget):
        runs.append(time_budget)
        return retention.Report(figure_days=0, deleted={}, cutoffs=None, finished=len(runs) > 1)

    monkeypatch.setattr(retention, "retention_apply", apply)

    tasks.apply_retention.delay()

    assert runs == [retention.TASK_TIME_BUDGET_SECONDS] * 2


def test_beat_runs_retention_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["sms-retention"]
    assert entry["task"] == tasks.apply_retention.name
    assert entry["schedule"].hour == {3}


def test_a_retention_of_zero_days_is_refused(db, settings):
    settings.SMS_RETENTION_DAYS = 0
    with pytest.raises(ImproperlyConfigured, match="SMS_RETENTION_DAYS"):
        retention.retention_apply()
