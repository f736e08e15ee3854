"""Retention: what people texted us, our replies, crisis follow-ups, senders
and callback requests are deleted once past their time; the daily figures
are kept, as anonymous counts, before any of a day's texts can go.

Deleted, not anonymised: a text without its words still carries its sender,
its times and what it was about (a crisis, a drug), which together still
describe a person. What the helpline needs once that time is over is the
counts, and `sms.DailyFigure` keeps those with nothing that points to anyone.

What goes, and when (settings in config/settings/base.py):
- A text, its reply and any staff label on it: `SMS_RETENTION_DAYS` after
  the text came in.
- A crisis conversation's texts: `SMS_CRISIS_RETENTION_DAYS` (never less
  than the above), for safeguarding review. That is a text screened as an
  emergency or a concern or answered as one, a text that joined a crisis
  follow-up, and the same person's texts in the `SMS_FOLLOW_UP_WINDOW_HOURS`
  before a follow-up opened: a review reads what led to the crisis too.
- A reply with no text (none today) by its own age, by the same rules.
- A crisis follow-up once none of its texts is left.
- A sender once nothing of theirs is left, unless they opted out: the row
  stays (the keyed hash, the opt-out and the encrypted number), since
  forgetting it would text someone who said STOP. The number stays because
  `sms.services.sender_get_or_create` finds the row by its hash and replies
  to a later START with the number it holds.
- A callback request: `CALLBACK_RETENTION_DAYS` after it was made, whatever
  its status. It serves one call; the admissions team's own records are
  elsewhere.

The figures: a day is stored once a whole day has passed since it ended
(`SETTLE_DAYS`), so late delivery reports and texts processed after
midnight are counted; and no text is deleted from a day not stored yet, so
with `SMS_RETENTION_DAYS` below that, texts wait for their day to be stored.

Runs daily from beat (`sms.tasks.apply_retention`) and from
`manage.py privacy_retention` (`--dry-run` counts what would go). Rows go in
batches of `BATCH_SIZE`, each batch its own short transaction; a run that
stops (the task's time budget, a worker killed) leaves whole batches, and
the next run goes on from there; a second run finds nothing to do.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import time
from collections import Counter

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.db.models import Exists, ExpressionWrapper, Max, Min, OuterRef, Q
from django.utils import timezone

from cms.models import CallbackRequest
from sms import selectors
from sms.models import (
    DailyFigure,
    FollowUp,
    InboundMessage,
    OutboundMessage,
    ScreeningLabel,
    ScreeningLevel,
    Sender,
)

logger = logging.getLogger(__name__)

Outcome = InboundMessage.Outcome
BATCH_SIZE = 500
# A day's figures are stored once this many days have passed since it began
# (a whole day after it ended): late delivery reports have come in by then.
SETTLE_DAYS = 2
# The beat task's share of a worker before it queues itself again, behind
# the texts waiting (sms.tasks.apply_retention).
TASK_TIME_BUDGET_SECONDS = 30
CRISIS_OUTCOMES = (Outcome.CRISIS, Outcome.CONCERN, Outcome.FOLLOW_UP)
# Before any row: the cut-off for texts while no day's figures are stored.
_NOTHING = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclasses.dataclass(frozen=True)
class Cutoffs:
    """Rows from before these moments go."""

    texts: dt.datetime  # ordinary texts and replies
    crisis: dt.datetime  # crisis conversations
    figures_until: dt.datetime  # the end of the last day whose figures are stored
    callbacks: dt.datetime


@dataclasses.dataclass(frozen=True)
class Report:
    """What a run did (or, dry, would do)."""

    figure_days: int  # days whose figures were (would be) stored
    deleted: dict[str, int]  # rows per kind ("inbound messages": 3), all kinds listed
    cutoffs: Cutoffs
    finished: bool = True  # False: the time budget ran out; the next run goes on


def _days(name: str) -> int:
    days = getattr(settings, name)
    if days < 1:
        raise ImproperlyConfigured(f"{name} must be at least 1 (days), not {days}.")
    return days


def cutoffs(*, figures_through: dt.date | None, now: dt.datetime | None = None) -> Cutoffs:
    """The cut-offs from the settings, never later than the end of
    `figures_through`, the last day whose figures are stored."""
    now = now or timezone.now()
    figures_until = (
        selectors.day_start(figures_through + dt.timedelta(days=1)) if figures_through else _NOTHING
    )
    ordinary = _days("SMS_RETENTION_DAYS")
    crisis = max(_days("SMS_CRISIS_RETENTION_DAYS"), ordinary)
    return Cutoffs(
        texts=min(now - dt.timedelta(days=ordinary), figures_until),
        crisis=min(now - dt.timedelta(days=crisis), figures_until),
        figures_until=figures_until,
        callbacks=now - dt.timedelta(days=_days("CALLBACK_RETENTION_DAYS")),
    )


# --- What goes --------------------------------------------------------------------


def _crisis_text() -> Q:
    """A text of a crisis conversation (see the module docstring)."""
    lead_up = FollowUp.objects.filter(
        sender=OuterRef("sender"),
        opened_at__gte=OuterRef("received_at"),
        opened_at__lte=ExpressionWrapper(
            OuterRef("received_at") + dt.timedelta(hours=settings.SMS_FOLLOW_UP_WINDOW_HOURS),
            output_field=models.DateTimeField(),
        ),
    )
    return (
        ~Q(screening_level=ScreeningLevel.NONE)
        | Q(outcome__in=CRISIS_OUTCOMES)
        | Q(follow_up__isnull=False)
        | Exists(lead_up)
    )


def _expired_texts(c: Cutoffs):
    # A text whose reply was made on a day not stored yet waits for it.
    past = Q(received_at__lt=c.crisis) | (Q(received_at__lt=c.texts) & ~_crisis_text())
    return InboundMessage.objects.filter(past).exclude(reply__created_at__gte=c.figures_until)


def _expired_lone_replies(c: Cutoffs):
    past = Q(created_at__lt=c.crisis) | (Q(created_at__lt=c.texts) & ~Q(kind__in=CRISIS_OUTCOMES))
    return OutboundMessage.objects.filter(past, inbound__isnull=True)


def _empty_follow_ups(c: Cutoffs, *, texts):
    """Follow-ups none of whose texts is among `texts` (the ones that stay)."""
    return FollowUp.objects.filter(last_message_at__lt=c.crisis).filter(
        ~Exists(texts.filter(follow_up=OuterRef("pk")))
    )


def _lone_senders(c: Cutoffs, *, texts, replies, follow_ups):
    """Senders, not opted out, with none of `texts`, `replies` or `follow_ups` (what stays)."""
    return Sender.objects.filter(opted_out=False, created_at__lt=c.texts).filter(
        ~Exists(texts.filter(sender=OuterRef("pk"))),
        ~Exists(replies.filter(sender=OuterRef("pk"))),
        ~Exists(follow_ups.filter(sender=OuterRef("pk"))),
    )


def _expired_callbacks(c: Cutoffs):
    return CallbackRequest.objects.filter(created_at__lt=c.callbacks)


# --- The figures ------------------------------------------------------------------


def _figure_days_to_store() -> list[dt.date]:
    """Settled days not stored yet: from the day after the last stored one
    (or the first day with a row) on, days without rows included, so the
    stored days run unbroken and their last one says how far they go."""
    last = timezone.localdate() - dt.timedelta(days=SETTLE_DAYS)
    latest = DailyFigure.objects.aggregate(day=Max("day"))["day"]
    if latest:
        first = latest + dt.timedelta(days=1)
    else:
        earliest = [
            moment
            for moment in (
                InboundMessage.objects.aggregate(at=Min("received_at"))["at"],
                OutboundMessage.objects.aggregate(at=Min("created_at"))["at"],
            )
            if moment
        ]
        if not earliest:
            return []
        first = timezone.localtime(min(earliest)).date()
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def daily_figures_store() -> int:
    """Store the figures of each settled day not stored yet; return how many."""
    days = _figure_days_to_store()
    if not days:
        return 0
    counted = selectors.counted_days(first_day=days[0], last_day=days[-1])
    rows = []
    for day in days:
        figures = counted.get(day) or selectors.no_figures()
        rows.append(
            DailyFigure(
                day=day,
                **{key: figures[key] for key in selectors.FIGURE_KEYS},
                questions=sorted([t, i, n] for (t, i), n in figures["questions"].items()),
            )
        )
    # A concurrent run stores the same counts: the first one's stay.
    DailyFigure.objects.bulk_create(rows, batch_size=BATCH_SIZE, ignore_conflicts=True)
    return len(days)


# --- Running it -------------------------------------------------------------------

_KINDS = (InboundMessage, OutboundMessage, ScreeningLabel, FollowUp, Sender, CallbackRequest)


def _kind(model) -> str:
    return str(model._meta.verbose_name_plural)


def retention_plan(*, now: dt.datetime | None = None) -> Report:
    """What `retention_apply` would store and delete now; changes nothing."""
    days = _figure_days_to_store()
    latest = DailyFigure.objects.aggregate(day=Max("day"))["day"]
    c = cutoffs(figures_through=days[-1] if days else latest, now=now)
    texts = _expired_texts(c)
    replies = OutboundMessage.objects.filter(
        Q(inbound__in=texts.values("pk")) | Q(pk__in=_expired_lone_replies(c).values("pk"))
    )
    kept_texts = InboundMessage.objects.exclude(pk__in=texts.values("pk"))
    kept_replies = OutboundMessage.objects.exclude(pk__in=replies.values("pk"))
    follow_ups = _empty_follow_ups(c, texts=kept_texts)
    kept_follow_ups = FollowUp.objects.exclude(pk__in=follow_ups.values("pk"))
    going = {
        InboundMessage: texts,
        OutboundMessage: replies,
        ScreeningLabel: ScreeningLabel.objects.filter(inbound__in=texts.values("pk")),
        FollowUp: follow_ups,
        Sender: _lone_senders(c, texts=kept_texts, replies=kept_replies, follow_ups=kept_follow_ups),
        CallbackRequest: _expired_callbacks(c),
    }
    return Report(
        figure_days=len(days),
        deleted={_kind(model): queryset.count() for model, queryset in going.items()},
        cutoffs=c,
    )


def _delete_in_batches(
    queryset, *, deleted: Counter, batch_size: int, deadline: float | None, first=None
) -> bool:
    """Delete `queryset`'s rows a batch at a time (and `first(pks)`'s
    querysets before each batch); count them into `deleted` by model.
    True once none is left; False when `deadline` came first."""
    model = queryset.model
    while deadline is None or time.monotonic() < deadline:
        with transaction.atomic():
            pks = list(queryset.order_by("pk").values_list("pk", flat=True)[:batch_size])
            if not pks:
                return True
            # only("pk"): nothing is decrypted just to be deleted.
            for related in [*(first(pks) if first else []), model.objects.filter(pk__in=pks)]:
                deleted.update(related.only("pk").delete()[1])
    return False


def retention_apply(*, batch_size: int = BATCH_SIZE, time_budget: float | None = None) -> Report:
    """Store the settled days' figures, then delete what is past its time
    (see the module docstring); stop between batches once `time_budget`
    seconds have passed."""
    deadline = None if time_budget is None else time.monotonic() + time_budget
    figure_days = daily_figures_store()
    c = cutoffs(figures_through=DailyFigure.objects.aggregate(day=Max("day"))["day"])
    deleted: Counter = Counter()
    batches = dict(deleted=deleted, batch_size=batch_size, deadline=deadline)
    # In this order: a reply before its text, texts before their follow-up
    # and sender (all PROTECT), so each step sees only what stays.
    finished = (
        _delete_in_batches(
            _expired_texts(c),
            first=lambda pks: [OutboundMessage.objects.filter(inbound_id__in=pks)],
            **batches,
        )
        and _delete_in_batches(_expired_lone_replies(c), **batches)
        and _delete_in_batches(_empty_follow_ups(c, texts=InboundMessage.objects.all()), **batches)
        and _delete_in_batches(
            _lone_senders(
                c,
                texts=InboundMessage.objects.all(),
                replies=OutboundMessage.objects.all(),
                follow_ups=FollowUp.objects.all(),
            ),
            **batches,
        )
        and _delete_in_batches(_expired_callbacks(c), **batches)
    )
    by_kind = {_kind(model): deleted.pop(model._meta.label, 0) for model in _KINDS}
    by_kind.update(deleted)  # rows of other models deleted with them (cascades), by label
    report = Report(figure_days=figure_days, deleted=by_kind, cutoffs=c, finished=finished)
    if figure_days or any(by_kind.values()):
        logger.info("Retention: stored figures of %s days; deleted %s", figure_days, by_kind)
    return report
