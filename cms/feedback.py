"""Reader feedback ("Was this page helpful?"): scrubbing, recording, reading.

Business rules live here so the public API (`api/feedback.py`) and the admin
report (`cms/feedback_views.py`) share them (HackSoft style: keyword-only,
typed). A comment loses its phone numbers and email addresses before it is
stored: readers are anonymous, and a comment that names a way to reach
someone would make the row personal data.

"Needs attention" ranks articles by their share of "no" answers in the last
`FEEDBACK_RECENT_DAYS` days, smoothed as (no + 1) / (answers + 2) so that one
unhappy reader does not outrank twenty; articles with no recent answers
come last.
"""

from __future__ import annotations

import datetime as dt
import re

import phonenumbers
from django.conf import settings
from django.db.models import Case, Count, F, FloatField, Max, Q, QuerySet, Value, When
from django.db.models.functions import Cast, TruncWeek
from django.utils import timezone

from cms.models import ArticleFeedback, ArticlePage
from cms.models.feedback import FEEDBACK_COMMENT_MAX_LENGTH

FEEDBACK_RECENT_DAYS = 30
VIEW_FEEDBACK_PERMISSION = "cms.view_articlefeedback"
# Comments shown in the report and given by the API, newest first.
LATEST_COMMENTS_SHOWN = 20


def user_can_view_feedback(user) -> bool:
    """Editors and reviewers read what readers said: the admin report and
    the API's figures alike."""
    return bool(user and user.is_active and user.has_perm(VIEW_FEEDBACK_PERMISSION))


FEEDBACK_WEEKS_SHOWN = 12
PHONE_REMOVED = "[phone number removed]"
EMAIL_REMOVED = "[email removed]"

# Generous on purpose: removing a look-alike is the safe mistake.
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Seven or more digits, optionally led by + or a bracket and split by up to
# three spaces, dots, dashes, slashes or brackets: what PhoneNumberMatcher does not
# recognise as a valid number of DEFAULT_PHONE_REGION (a foreign number
# without its +, a fictional or mistyped one). Dates written 12.03.2024 go
# too: the safe mistake. Years, doses and 111 or 999 stay.
_DIGIT_RUN = re.compile(r"\+?\(?\d(?:[\s()./-]{0,3}\d){6,}")


def comment_scrub(text: str, *, region: str | None = None) -> str:
    """`text` with email addresses and phone numbers replaced by a marker.

    Emails first (their digits would otherwise read as numbers), then every
    valid number phonenumbers finds in `region` (DEFAULT_PHONE_REGION), then
    any remaining run of seven or more digits."""
    text = _EMAIL.sub(EMAIL_REMOVED, text)
    # VALID, not POSSIBLE: POSSIBLE reads a year ("in 2024") as a number.
    matches = phonenumbers.PhoneNumberMatcher(text, region or settings.DEFAULT_PHONE_REGION)
    pieces, last = [], 0
    for match in matches:
        pieces += [text[last : match.start], PHONE_REMOVED]
        last = match.end
    text = "".join([*pieces, text[last:]])
    return _DIGIT_RUN.sub(PHONE_REMOVED, text).strip()


def article_feedback_record(
    *, article: ArticlePage, helpful: bool, reason: str = "", comment: str = ""
) -> ArticleFeedback:
    """Store one reader's answer, the comment scrubbed (and cut to the model's
    limit: the markers can make it longer than what was sent)."""
    return ArticleFeedback.objects.create(
        article=article,
        helpful=helpful,
        reason=reason,
        comment=comment_scrub(comment)[:FEEDBACK_COMMENT_MAX_LENGTH],
    )


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def articles_with_feedback(*, now: dt.datetime | None = None) -> QuerySet[ArticlePage]:
    """Articles that have any feedback, each annotated with counts all-time,
    in the last `FEEDBACK_RECENT_DAYS` days and in the same span before, the
    time of the latest answer and `attention` (see the module docstring).
    Not ordered: the report sorts."""
    now = now or timezone.now()
    recent_since = now - dt.timedelta(days=FEEDBACK_RECENT_DAYS)
    previous_since = recent_since - dt.timedelta(days=FEEDBACK_RECENT_DAYS)
    recent = Q(feedback__created_at__gte=recent_since)
    previous = Q(feedback__created_at__gte=previous_since, feedback__created_at__lt=recent_since)
    no = Q(feedback__helpful=False)
    return (
        ArticlePage.objects.annotate(
            feedback_total=Count("feedback"),
            feedback_helpful=Count("feedback", filter=Q(feedback__helpful=True)),
            recent_total=Count("feedback", filter=recent),
            recent_helpful=Count("feedback", filter=recent & Q(feedback__helpful=True)),
            recent_not_helpful=Count("feedback", filter=recent & no),
            previous_total=Count("feedback", filter=previous),
            previous_helpful=Count("feedback", filter=previous & Q(feedback__helpful=True)),
            last_feedback_at=Max("feedback__created_at"),
        )
        .filter(feedback_total__gt=0)
        .annotate(
            attention=Case(
                When(recent_total=0, then=Value(0.0)),
                default=(Cast(F("recent_not_helpful"), FloatField()) + 1.0)
                / (Cast(F("recent_total"), FloatField()) + 2.0),
                output_field=FloatField(),
            )
        )
    )


def feedback_summary(*, article: ArticlePage) -> dict:
    """All-time counts for one article, and its helpful share (None without answers)."""
    counts = ArticleFeedback.objects.filter(article=article).aggregate(
        total=Count("pk"), yes=Count("pk", filter=Q(helpful=True))
    )
    total, helpful = counts["total"], counts["yes"]
    return {
        "total": total,
        "helpful": helpful,
        "not_helpful": total - helpful,
        "helpful_share": _share(helpful, total),
    }


def feedback_by_week(
    *, article: ArticlePage, weeks: int = FEEDBACK_WEEKS_SHOWN, today: dt.date | None = None
) -> list[dict]:
    """Answers per week (weeks start on Monday) for the last `weeks` weeks,
    oldest first, weeks without answers included as zeros."""
    today = today or timezone.localdate()
    this_monday = today - dt.timedelta(days=today.weekday())
    first_monday = this_monday - dt.timedelta(weeks=weeks - 1)
    since = timezone.make_aware(dt.datetime.combine(first_monday, dt.time.min))
    rows = (
        ArticleFeedback.objects.filter(article=article, created_at__gte=since)
        .annotate(week=TruncWeek("created_at"))
        .values("week")
        # Not named `helpful`: the annotation would shadow the field in the filters.
        .annotate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
        .order_by()
    )
    # TruncWeek gives the Monday's midnight in the current time zone.
    by_week = {timezone.localdate(row["week"]): row for row in rows}
    out = []
    for number in range(weeks):
        monday = first_monday + dt.timedelta(weeks=number)
        row = by_week.get(monday, {"yes": 0, "no": 0})
        out.append(
            {
                "week_start": monday,
                "helpful": row["yes"],
                "not_helpful": row["no"],
                "helpful_share": _share(row["yes"], row["yes"] + row["no"]),
            }
        )
    return out


def feedback_reasons(*, article: ArticlePage) -> list[dict]:
    """How often each reason was given for the article, most frequent first."""
    labels = dict(ArticleFeedback.Reason.choices)
    rows = (
        ArticleFeedback.objects.filter(article=article)
        .exclude(reason="")
        .values("reason")
        .annotate(count=Count("pk"))
        .order_by("-count", "reason")
    )
    return [
        {"reason": row["reason"], "label": labels.get(row["reason"], row["reason"]), "count": row["count"]}
        for row in rows
    ]


def feedback_latest_comments(
    *, article: ArticlePage | None = None, limit: int = LATEST_COMMENTS_SHOWN
) -> list[ArticleFeedback]:
    """The newest answers that have a comment, for one article or all."""
    answers = ArticleFeedback.objects.exclude(comment="").select_related("article")
    if article is not None:
        answers = answers.filter(article=article)
    return list(answers.order_by("-created_at", "-pk")[:limit])


def article_feedback_figures(*, article: ArticlePage) -> dict:
    """One article's figures as editors read them (the admin page and the
    API alike): all-time `summary`, `weeks`, `reasons`, `latest_comments`."""
    return {
        "summary": feedback_summary(article=article),
        "weeks": feedback_by_week(article=article),
        "reasons": feedback_reasons(article=article),
        "latest_comments": feedback_latest_comments(article=article),
    }
