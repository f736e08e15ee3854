"""Reads for the SMS side: helplines from `cms`, keywords, crisis phrases,
and the figures the admin shows."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from cms.models import Helpline
from sms.matching import KeywordCandidate, normalise
from sms.models import CrisisPhrase, InboundMessage, OutboundMessage, Sender, SmsKeyword


def _country_or_default(country: str | None) -> list[str]:
    default = settings.SMS_DEFAULT_COUNTRY.upper()
    country = (country or "").upper()
    return [country, default] if country and country != default else [default]


def _helplines_for(country: str | None, **filters) -> list[Helpline]:
    """Helplines of `country` then of SMS_DEFAULT_COUNTRY (each in the model's
    order), in one query."""
    codes = _country_or_default(country)
    helplines = Helpline.objects.filter(country__in=codes, **filters)
    return sorted(helplines, key=lambda helpline: codes.index(helpline.country))


def drugs_helpline(*, country: str | None) -> Helpline | None:
    """The first drugs helpline for `country`, else for SMS_DEFAULT_COUNTRY."""
    return next(iter(_helplines_for(country, category=Helpline.Category.DRUGS)), None)


def crisis_helplines(*, country: str | None) -> tuple[Helpline | None, Helpline | None]:
    """(emergency number, crisis line) for `country`, each falling back to
    SMS_DEFAULT_COUNTRY when the country has none."""
    helplines = _helplines_for(country)
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


def keyword_candidates() -> list[KeywordCandidate]:
    candidates = []
    for keyword in SmsKeyword.objects.filter(is_active=True):
        for term in [keyword.keyword, *keyword.alias_list]:
            candidates.append(KeywordCandidate(keyword.pk, normalise(term), keyword.sort_order))
    return candidates


def menu_keywords() -> list[str]:
    return list(
        SmsKeyword.objects.filter(is_active=True, show_in_menu=True).values_list("keyword", flat=True)
    )


def crisis_phrases() -> list[str]:
    return list(CrisisPhrase.objects.filter(is_active=True).values_list("phrase", flat=True))


def sender_get(*, phone_hash: str) -> Sender | None:
    return Sender.objects.filter(phone_hash=phone_hash).first()


def replies_since(*, sender: Sender, since: dt.datetime) -> int:
    return OutboundMessage.objects.filter(sender=sender, created_at__gte=since).count()


def same_text_count_since(*, inbound: InboundMessage, since: dt.datetime) -> int:
    """Earlier texts from the same sender with the same words (normalised)."""
    target = normalise(inbound.body)
    earlier = InboundMessage.objects.filter(
        sender=inbound.sender, received_at__gte=since, received_at__lte=inbound.received_at
    ).exclude(pk=inbound.pk)
    return sum(1 for body in earlier.values_list("body", flat=True) if normalise(body) == target)


def daily_figures(*, days: int = 14) -> list[dict]:
    """Per day, newest first: inbound, replies, opt-outs, failed sends, crisis."""
    since = (timezone.now() - dt.timedelta(days=days - 1)).replace(hour=0, minute=0, second=0, microsecond=0)
    inbound = (
        InboundMessage.objects.filter(received_at__gte=since)
        .annotate(day=TruncDate("received_at"))
        .values("day")
        .annotate(
            inbound=Count("id"),
            opt_outs=Count("id", filter=Q(outcome=InboundMessage.Outcome.OPT_OUT)),
            crisis=Count("id", filter=Q(outcome=InboundMessage.Outcome.CRISIS)),
        )
    )
    outbound = (
        OutboundMessage.objects.filter(created_at__gte=since)
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(
            replies=Count("id"),
            failed=Count("id", filter=Q(status__in=["failed", "undelivered"])),
        )
    )
    rows: dict[str, dict] = {}
    for row in inbound:
        rows.setdefault(str(row["day"]), {}).update(row)
    for row in outbound:
        rows.setdefault(str(row["day"]), {}).update(row)
    keys = ("inbound", "replies", "opt_outs", "failed", "crisis")
    return [
        {"day": day, **{key: values.get(key, 0) for key in keys}}
        for day, values in sorted(rows.items(), reverse=True)
    ]


def top_keywords(*, days: int = 14, limit: int = 10) -> list[dict]:
    since = timezone.now() - dt.timedelta(days=days)
    return list(
        InboundMessage.objects.filter(received_at__gte=since, keyword__isnull=False)
        .values("keyword__keyword")
        .annotate(count=Count("id"))
        .order_by("-count", "keyword__keyword")[:limit]
    )
