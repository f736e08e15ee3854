"""Actions on the content model (HackSoft style: keyword-only, typed)."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils import timezone

from cms.selectors import articles_overdue_for_review

logger = logging.getLogger(__name__)

# Groups whose members hear about every overdue article; each article's own
# medical reviewer hears about theirs separately.
REMINDER_GROUPS = ("Editors",)
# One run per day even if the beat task is delivered twice (acks_late).
REMINDER_LOCK_SECONDS = 23 * 60 * 60


def _edit_url(article) -> str:
    return settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[article.pk])


def _lines(articles) -> str:
    return "\n".join(
        f"- {a.title}: review was due {a.next_review_due:%d %B %Y}. {_edit_url(a)}" for a in articles
    )


def editor_emails() -> list[str]:
    users = (
        get_user_model().objects.filter(is_active=True, groups__name__in=REMINDER_GROUPS).exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def review_reminders_send(*, today: dt.date | None = None) -> int:
    """Email each medical reviewer the overdue articles they reviewed, and the
    editors the full list. Sends at most once per day; returns the number of
    emails sent (0 when nothing is overdue or today's run already went out)."""
    today = today or timezone.localdate()
    overdue = list(articles_overdue_for_review(today=today))
    if not overdue:
        return 0
    lock_key = f"cms:review-reminders:{today.isoformat()}"
    if not cache.add(lock_key, 1, timeout=REMINDER_LOCK_SECONDS):
        logger.info("Review reminders for %s were already sent", today)
        return 0

    by_reviewer: dict[str, list] = defaultdict(list)
    for article in overdue:
        if article.medical_reviewer and article.medical_reviewer.email:
            by_reviewer[article.medical_reviewer.email].append(article)

    sender = settings.DEFAULT_FROM_EMAIL
    messages = [
        (
            f"{len(articles)} article(s) you reviewed are overdue for clinical review",
            "These articles you reviewed are past their next review date:\n\n"
            f"{_lines(articles)}\n\nPlease review them, or update the next review date.",
            sender,
            [email],
        )
        for email, articles in sorted(by_reviewer.items())
    ]
    # One message per editor, so no one sees the others' addresses.
    messages += [
        (
            f"{len(overdue)} article(s) overdue for clinical review",
            f"These published articles are past their next review date:\n\n{_lines(overdue)}\n",
            sender,
            [email],
        )
        for email in editor_emails()
    ]
    try:
        sent = send_mass_mail(messages, fail_silently=False) if messages else 0
    except Exception:
        # Let a retry (or tomorrow's run) send them: nothing went out.
        cache.delete(lock_key)
        raise
    logger.info("Sent %s review reminder email(s) about %s overdue article(s)", sent, len(overdue))
    return sent
