"""Reads for the SMS side: helplines and SMS answers from `cms`, the
conversation's state, the screener's editor content, and the figures the
admin shows."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
from collections import Counter

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from cms.models import Helpline, SmsIntent, TopicPage, TopicSmsAnswer
from sms import content_cache
from sms.models import (
    CrisisExample,
    CrisisPattern,
    DailyFigure,
    FollowUp,
    InboundMessage,
    OutboundMessage,
    ScreeningLevel,
    Sender,
    SmsSettings,
)
from sms.screening import PatternError, ScreeningContext, compile_rule, example_key
from sms.text import normalise
from sms.understanding import builtin
from sms.understanding.answers import WHAT_IS, AnswerBook, Conversation, TopicAnswers
from sms.understanding.matcher import Example, UnderstandingContext, topic_named

logger = logging.getLogger(__name__)


def _country_or_default(country: str | None) -> str:
    """The sender's own country; SMS_DEFAULT_COUNTRY only when it is unknown
    (short codes). Never another country's line for a known country."""
    return (country or settings.SMS_DEFAULT_COUNTRY).upper()


def _helplines() -> list[Helpline]:
    """Every helpline, in their order (country, sort order, name); kept per
    process until an editor changes one (sms.content_cache)."""
    return content_cache.built("helplines", lambda: list(Helpline.objects.all()))


def drugs_helpline(*, country: str | None) -> Helpline | None:
    """The first drugs helpline of the sender's country (see _country_or_default)."""
    country = _country_or_default(country)
    return next(
        (
            helpline
            for helpline in _helplines()
            if helpline.country == country and helpline.category == Helpline.Category.DRUGS
        ),
        None,
    )


def crisis_helplines(*, country: str | None) -> tuple[Helpline | None, Helpline | None]:
    """(editors' emergency number, crisis line) of `country` itself;
    (None, None) for an unknown country. No fallback to another country:
    the caller uses the national emergency numbers table instead."""
    if not country:
        return None, None
    helplines = [helpline for helpline in _helplines() if helpline.country == country.upper()]
    emergency = next((helpline for helpline in helplines if helpline.is_emergency), None)
    crisis = next(
        (
            helpline
            for helpline in helplines
            if helpline.category == Helpline.Category.CRISIS and not helpline.is_emergency
        ),
        None,
    )
    return emergency, crisis


def all_drugs_helplines() -> list[Helpline]:
    """The drugs helpline each country's texters would get (for the admin's
    worst-case length check)."""
    seen: dict[str, Helpline] = {}
    for helpline in Helpline.objects.filter(category=Helpline.Category.DRUGS):
        seen.setdefault(helpline.country, helpline)
    return list(seen.values())


def _live_topics():
    return TopicPage.objects.live().public().order_by("path")


def sms_content() -> tuple[UnderstandingContext, AnswerBook]:
    """What the SMS helpline can understand and answer: `sms_content_read`,
    kept per process until an editor changes it (sms.content_cache)."""
    return content_cache.built("sms-content", sms_content_read)


def sms_content_read() -> tuple[UnderstandingContext, AnswerBook]:
    """What the SMS helpline can understand and answer, in four queries:
    the live topics with their names (title and other names, the list
    website search uses too) and their published SMS answers, the question
    types with editors' example questions, and the default topic.

    A live page's answer rows are its published version (drafts live in
    revisions). "What it is" falls back to the topic's SMS summary."""
    live = list(_live_topics().only("pk", "slug", "title", "other_names", "sms_summary"))
    intents = list(
        SmsIntent.objects.order_by("sort_order", "name").values_list(
            "pk", "slug", "name", "example_questions"
        )
    )
    answered: dict[int, dict[str, str]] = {}
    rows = TopicSmsAnswer.objects.filter(topic_id__in=[topic.pk for topic in live]).values_list(
        "topic_id", "intent__slug", "text"
    )
    for topic_id, intent, text in rows:
        if text.strip():
            answered.setdefault(topic_id, {})[intent] = text.strip()
    topics = []
    for topic in live:
        texts = answered.get(topic.pk, {})
        if WHAT_IS not in texts and topic.sms_summary.strip():
            texts[WHAT_IS] = topic.sms_summary.strip()
        in_menu_order = {slug: texts[slug] for _, slug, _, _ in intents if slug in texts}
        topics.append(TopicAnswers(topic.slug, topic.title, in_menu_order, pk=topic.pk))
    default = SmsSettings.objects.values_list("default_topic_id", flat=True).first()
    book = AnswerBook(
        topics=tuple(topics),
        intent_names={slug: name for _, slug, name, _ in intents},
        default_topic=next((topic.slug for topic in live if topic.pk == default), None),
        intent_ids={slug: pk for pk, slug, _, _ in intents},
    )
    names = tuple(topic_named(topic.slug, [topic.title, *topic.other_names_list]) for topic in live)
    editors = tuple(
        Example(slug, line.strip())
        for _, slug, _, questions in intents
        for line in questions.splitlines()
        if line.strip()
    )
    return _understanding_context(names, editors), book


@functools.lru_cache(maxsize=4)
def _understanding_context(topics: tuple, editors: tuple) -> UnderstandingContext:
    # The example index is built once per version of the content, not per text.
    return UnderstandingContext(topics=topics, examples=builtin.context().examples + editors)


def conversation(*, sender: Sender, exclude: InboundMessage | None = None) -> Conversation:
    """The sender's last topic (SMS_CONVERSATION_WINDOW_HOURS) and the menu
    we last sent them (SMS_MENU_WINDOW_MINUTES), from their earlier texts."""
    now = timezone.now()
    recent = InboundMessage.objects.filter(
        sender=sender,
        processed_at__isnull=False,
        received_at__gte=now - dt.timedelta(hours=settings.SMS_CONVERSATION_WINDOW_HOURS),
    )
    if exclude is not None:
        recent = recent.exclude(pk=exclude.pk)
    texts = list(recent.order_by("-received_at", "-pk").values("menu", "topic__slug", "received_at")[:50])
    if not texts:
        return Conversation()
    last_topic = next((text["topic__slug"] for text in texts if text["topic__slug"]), None)
    latest = texts[0]
    menu_since = now - dt.timedelta(minutes=settings.SMS_MENU_WINDOW_MINUTES)
    if latest["menu"] and latest["received_at"] >= menu_since:
        return Conversation(
            last_topic=last_topic, menu_topic=latest["topic__slug"], menu=tuple(latest["menu"])
        )
    return Conversation(last_topic=last_topic)


def screening_context() -> ScreeningContext:
    """Editors' active crisis patterns and examples, ready for `screen`:
    `screening_context_read`, kept per process until an editor changes them
    (sms.content_cache)."""
    return content_cache.built("screening", screening_context_read)


def screening_context_read() -> ScreeningContext:
    """Editors' active crisis patterns and examples, ready for `screen`, in
    two queries.

    A pattern saved before a change to the language made it invalid is
    skipped with a warning, never fatal: screening must run for every text
    (the admin form says what is wrong when it is next edited)."""
    rules = []
    for pattern in CrisisPattern.objects.filter(is_active=True):
        try:
            rules.append(
                compile_rule(
                    category=pattern.category,
                    level=pattern.level,
                    pattern=pattern.pattern,
                    unless=tuple(pattern.unless_list),
                    origin=f"editors' pattern '{pattern.pattern}'",
                )
            )
        except PatternError as exc:
            logger.warning("Crisis pattern %s skipped: %s", pattern.pk, exc)
    examples = {
        example_key(example.text): (example.level, example.category or None)
        for example in CrisisExample.objects.filter(is_active=True)
    }
    return ScreeningContext(rules=tuple(rules), examples=examples)


def _open_crisis_follow_ups(*, since: dt.datetime):
    """Unhandled crisis follow-ups whose latest text came after `since`, newest first."""
    return FollowUp.objects.filter(
        handled_at__isnull=True,
        last_message_at__gte=since,
        level__in=[ScreeningLevel.EMERGENCY, ScreeningLevel.CONCERN],
    ).order_by("-last_message_at")


def _has_open_crisis_follow_up(sender: OuterRef, *, since: dt.datetime) -> Exists:
    """Whether the sender `sender` refers to has an unhandled crisis
    follow-up with a text after `since`."""
    return Exists(_open_crisis_follow_ups(since=since).filter(sender=sender))


def texts_unprocessed(
    *, received_before: dt.datetime, follow_up_since: dt.datetime
) -> list[tuple[int, str, bool]]:
    """Texts still waiting to be processed that arrived before
    `received_before`, oldest first, as (id, body, whether their sender has
    an unhandled crisis follow-up with a text after `follow_up_since`): what
    the webhook knew when it queued them, so they go to the same queue."""
    return list(
        InboundMessage.objects.filter(outcome=InboundMessage.Outcome.PENDING, received_at__lt=received_before)
        .order_by("received_at")
        .values_list("pk", "body", _has_open_crisis_follow_up(OuterRef("sender"), since=follow_up_since))
    )


def sender_get(*, phone_hash: str, channel: str, follow_up_since: dt.datetime) -> Sender | None:
    """The number's conversation on `channel` (one Sender per number and
    channel), with `has_open_follow_up`: whether an unhandled crisis
    follow-up of theirs had a text after `follow_up_since`."""
    return (
        Sender.objects.filter(phone_hash=phone_hash, channel=channel)
        .annotate(has_open_follow_up=_has_open_crisis_follow_up(OuterRef("pk"), since=follow_up_since))
        .first()
    )


@dataclasses.dataclass(frozen=True)
class RecentActivity:
    """What deciding a reply needs to know about the sender's recent past."""

    replies: int  # automatic replies in the rate window
    same_text_repeats: int  # earlier texts in the window with the same words
    open_follow_up_id: int | None  # the open crisis follow-up, if any


def recent_activity(
    *, inbound: InboundMessage, since: dt.datetime, follow_up_since: dt.datetime
) -> RecentActivity:
    """One query: the sender's automatic replies since `since` (for the
    rate limit; what staff wrote is a conversation, not a loop, so it does
    not count), their earlier texts since `since` with the same words as
    `inbound` (loop protection), and their open crisis follow-up.

    Texts are encrypted at rest, so they are compared here after decrypting,
    never in SQL; the sender and the window keep that to a few rows. Run it
    after locking the sender: each statement reads what was committed when
    it started, so a count made while waiting for the lock could miss the
    reply of the text that held it."""
    replies = (
        OutboundMessage.objects.filter(sender=OuterRef("pk"), created_at__gte=since)
        .exclude(kind=InboundMessage.Outcome.STAFF_REPLY)
        .order_by()
        .values("sender")
        .annotate(count=Count("pk"))
        .values("count")
    )
    earlier_texts = (
        InboundMessage.objects.filter(
            sender=OuterRef("pk"), received_at__gte=since, received_at__lte=inbound.received_at
        )
        .exclude(pk=inbound.pk)
        .values("body")
    )
    follow_up = _open_crisis_follow_ups(since=follow_up_since).filter(sender=OuterRef("pk")).values("pk")[:1]
    replies_count, bodies, follow_up_id = (
        Sender.objects.filter(pk=inbound.sender_id)
        .annotate(
            replies=Coalesce(Subquery(replies), 0),
            bodies=ArraySubquery(earlier_texts),
            follow_up_id=Subquery(follow_up),
        )
        .values_list("replies", "bodies", "follow_up_id")
        .get()
    )
    target = normalise(inbound.body)
    return RecentActivity(
        replies=replies_count,
        same_text_repeats=sum(1 for body in bodies if normalise(body) == target),
        open_follow_up_id=follow_up_id,
    )


# --- The daily figures ----------------------------------------------------------
#
# A finished day's figures are stored as anonymous counts (sms.DailyFigure)
# before retention may delete its texts; the report reads stored days and
# counts from the rows only the days not stored yet (today, yesterday, and
# any day retention has not reached), so it never changes when old rows go.

FIGURE_KEYS = ("inbound", "replies", "opt_outs", "failed", "crisis")
FAILED_STATUSES = (OutboundMessage.Status.FAILED, OutboundMessage.Status.UNDELIVERED)


def day_start(day: dt.date) -> dt.datetime:
    """The midnight that starts `day` (UTC): the boundary TruncDate groups by."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def no_figures() -> dict:
    """A day with nothing counted."""
    return {**dict.fromkeys(FIGURE_KEYS, 0), "questions": {}}


def counted_days(*, first_day: dt.date, last_day: dt.date | None = None) -> dict[dt.date, dict]:
    """Each day's figures counted from the rows held now, `first_day` to
    `last_day` (or today), in three queries: FIGURE_KEYS, and "questions",
    {(topic id, question type id): texts}. Days without rows are absent."""
    received = Q(received_at__gte=day_start(first_day))
    created = Q(created_at__gte=day_start(first_day))
    if last_day is not None:
        received &= Q(received_at__lt=day_start(last_day + dt.timedelta(days=1)))
        created &= Q(created_at__lt=day_start(last_day + dt.timedelta(days=1)))
    texts = InboundMessage.objects.filter(received).annotate(day=TruncDate("received_at"))
    inbound = texts.values("day").annotate(
        inbound=Count("id"),
        opt_outs=Count("id", filter=Q(outcome=InboundMessage.Outcome.OPT_OUT)),
        crisis=Count("id", filter=Q(outcome=InboundMessage.Outcome.CRISIS)),
    )
    outbound = (
        OutboundMessage.objects.filter(created)
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(replies=Count("id"), failed=Count("id", filter=Q(status__in=FAILED_STATUSES)))
    )
    questions = (
        texts.filter(topic__isnull=False, intent__isnull=False)
        .values("day", "topic_id", "intent_id")
        .annotate(count=Count("id"))
        .values_list("day", "topic_id", "intent_id", "count")
    )
    days: dict[dt.date, dict] = {}
    for row in [*inbound, *outbound]:
        day = row.pop("day")
        days.setdefault(day, no_figures()).update(row)
    for day, topic_id, intent_id, count in questions:
        days.setdefault(day, no_figures())["questions"][(topic_id, intent_id)] = count
    return days


def stored_figures_from(stored: DailyFigure) -> dict:
    """A stored day in counted_days' shape."""
    counts = {key: getattr(stored, key) for key in FIGURE_KEYS}
    return {**counts, "questions": {(topic, intent): count for topic, intent, count in stored.questions}}


def _figures_by_day(*, first_day: dt.date) -> dict[dt.date, dict]:
    """Stored days as stored; the others from `first_day` on counted from
    the rows, starting at the first day not stored (four queries)."""
    stored = {row.day: stored_figures_from(row) for row in DailyFigure.objects.filter(day__gte=first_day)}
    count_from = first_day
    while count_from in stored:
        count_from += dt.timedelta(days=1)
    counted = counted_days(first_day=count_from)
    return {**{day: figures for day, figures in counted.items() if day not in stored}, **stored}


def _top_questions(days: list[dict], *, limit: int) -> list[dict]:
    totals: Counter = Counter()
    for figures in days:
        totals.update(figures["questions"])
    if not totals:
        return []
    titles = dict(TopicPage.objects.filter(pk__in={t for t, _ in totals}).values_list("pk", "title"))
    names = dict(SmsIntent.objects.filter(pk__in={i for _, i in totals}).values_list("pk", "name"))
    rows = [
        {"topic__title": titles[topic], "intent__name": names[intent], "count": count}
        for (topic, intent), count in totals.items()
        if topic in titles and intent in names  # a deleted topic or question type drops out
    ]
    rows.sort(key=lambda row: (-row["count"], row["topic__title"], row["intent__name"]))
    return rows[:limit]


def figures_report(*, days: int = 14, limit: int = 10) -> dict:
    """The report for the last `days` days (today included, UTC), in at
    most six queries: "days", newest first, each with FIGURE_KEYS (days
    with no texts and no replies left out), and "top_questions", the most
    asked topic and question type pairs answered in those days."""
    by_day = _figures_by_day(first_day=timezone.localdate() - dt.timedelta(days=days - 1))
    rows = [
        {"day": str(day), **{key: figures[key] for key in FIGURE_KEYS}}
        for day, figures in sorted(by_day.items(), reverse=True)
        if any(figures[key] for key in FIGURE_KEYS)
    ]
    return {"days": rows, "top_questions": _top_questions(list(by_day.values()), limit=limit)}
