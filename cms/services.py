"""Actions on the content model (HackSoft style: keyword-only, typed)."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import EmailMessage, get_connection
from django.utils import timezone

from cms.models import ArticlePage
from cms.selectors import article_review_fields_path, articles_overdue_for_review

logger = logging.getLogger(__name__)

# Groups whose members hear about every overdue article; each article's own
# medical reviewer hears about theirs. A person in both (the same address)
# gets one email listing both.
REMINDER_GROUPS = ("Editors",)
# Each address is emailed at most once a day, even if the beat task is
# delivered twice (acks_late) or retried after a partial failure: the key
# carries the date, so it only has to outlive the day.
REMINDER_LOCK_SECONDS = 36 * 60 * 60


@dataclass(frozen=True)
class ReviewReminder:
    """One email: the overdue articles `email` is medical reviewer of, and
    (for editors) the other overdue articles."""

    email: str
    reviewed: tuple[ArticlePage, ...]
    others: tuple[ArticlePage, ...]

    @property
    def articles(self) -> tuple[ArticlePage, ...]:
        return self.reviewed + self.others


def _review_url(article) -> str:
    return settings.WAGTAILADMIN_BASE_URL + article_review_fields_path(article_id=article.pk)


def _lines(articles, *, today: dt.date) -> str:
    return "\n".join(
        f"- {a.title}: review was due {a.next_review_due:%d %B %Y} "
        f"({(today - a.next_review_due).days} day(s) ago). {_review_url(a)}"
        for a in articles
    )


def editor_emails() -> list[str]:
    users = (
        get_user_model().objects.filter(is_active=True, groups__name__in=REMINDER_GROUPS).exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def review_reminders_plan(*, overdue: list[ArticlePage], editor_emails: list[str]) -> list[ReviewReminder]:
    """One reminder per address (compared case-insensitively): reviewers get
    the articles they reviewed, editors every overdue article, and someone
    who is both gets one reminder with theirs listed first."""
    addresses: dict[str, str] = {}
    reviewed: dict[str, list[ArticlePage]] = defaultdict(list)
    for article in overdue:
        reviewer = article.medical_reviewer
        if reviewer and reviewer.email:
            key = reviewer.email.strip().casefold()
            addresses.setdefault(key, reviewer.email.strip())
            reviewed[key].append(article)
    editors = set()
    for email in editor_emails:
        key = email.strip().casefold()
        addresses.setdefault(key, email.strip())
        editors.add(key)
    reminders = []
    for key in sorted(addresses):
        mine = tuple(reviewed.get(key, ()))
        others = tuple(a for a in overdue if a not in mine) if key in editors else ()
        reminders.append(ReviewReminder(email=addresses[key], reviewed=mine, others=others))
    return reminders


def review_reminder_message(reminder: ReviewReminder, *, today: dt.date) -> EmailMessage:
    parts = []
    if reminder.reviewed:
        mine = _lines(reminder.reviewed, today=today)
        parts.append(f"You are the medical reviewer of these overdue articles:\n\n{mine}")
    if reminder.others:
        heading = "Other published articles" if reminder.reviewed else "These published articles"
        parts.append(f"{heading} are past their next review date:\n\n{_lines(reminder.others, today=today)}")
    parts.append(
        "Each link opens the article at its review fields: check it with its medical reviewer, "
        "update Last reviewed and Next review due, and submit it for clinical review."
    )
    return EmailMessage(
        subject=f"{len(reminder.articles)} article(s) overdue for clinical review",
        body="\n\n".join(parts) + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[reminder.email],
    )


def _reminder_lock_key(email: str, today: dt.date) -> str:
    # Hashed: addresses stay out of the cache's key space.
    digest = hashlib.sha256(email.casefold().encode()).hexdigest()[:32]
    return f"cms:review-reminder:{today.isoformat()}:{digest}"


def review_reminders_send(*, today: dt.date | None = None) -> int:
    """Email each person (reviewer, editor, or both) one reminder listing all
    their overdue articles. Each address is emailed at most once per day;
    returns the number of emails sent now (0 when nothing is overdue or
    everyone has had today's)."""
    today = today or timezone.localdate()
    overdue = list(articles_overdue_for_review(today=today))
    if not overdue:
        return 0
    reminders = review_reminders_plan(overdue=overdue, editor_emails=editor_emails())
    sent = 0
    with get_connection() as connection:
        for reminder in reminders:
            lock_key = _reminder_lock_key(reminder.email, today)
            if not cache.add(lock_key, 1, timeout=REMINDER_LOCK_SECONDS):
                continue
            message = review_reminder_message(reminder, today=today)
            message.connection = connection
            try:
                message.send(fail_silently=False)
            except Exception:
                # Not sent: let a retry (or tomorrow's run) send this one.
                cache.delete(lock_key)
                raise
            sent += 1
    logger.info(
        "Sent %s of %s review reminder email(s) about %s overdue article(s)",
        sent,
        len(reminders),
        len(overdue),
    )
    return sent
