"""Reader feedback rules (cms.feedback): scrubbing comments, recording
answers, and the "needs attention" ranking."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from cms import feedback
from cms.feedback import EMAIL_REMOVED, PHONE_REMOVED, comment_scrub
from cms.models import ArticleFeedback

P, E = PHONE_REMOVED, EMAIL_REMOVED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Really clear, thanks", "Really clear, thanks"),
        ("text me 07911 123456 pls", f"text me {P} pls"),
        ("ring 0300 123 6600", f"ring {P}"),
        ("my number is +44 20 7946 0958.", f"my number is {P}."),
        ("US: +1 (415) 555-0100", f"US: {P}"),
        ("US: (415) 555-0100", f"US: {P}"),
        # Fictional (Ofcom drama) numbers are not valid ones, but still go.
        ("Call me on 07700 900123", f"Call me on {P}"),
        ("ring 111 or 999", "ring 111 or 999"),
        # A foreign number without its +, which the GB matcher does not read: the digit run catches it.
        ("whatsapp 4915112345678 ok", f"whatsapp {P} ok"),
        ("mail jo.bloggs+ket@example.co.uk or JO@EXAMPLE.ORG", f"mail {E} or {E}"),
        # The email goes whole, digits and all, before numbers are looked for.
        ("07911123456@example.com", E),
        # Doses, years and short numbers stay.
        ("took 2 x 50mg in 2024, 3 times", "took 2 x 50mg in 2024, 3 times"),
    ],
)
def test_comment_scrub(text, expected):
    assert comment_scrub(text) == expected


def test_comment_scrub_reads_numbers_in_any_region(settings):
    # National numbers of the configured region (phonenumbers), and of any
    # other (the digit-run fallback), split by slashes too.
    for region in ("GB", "AU"):
        settings.DEFAULT_PHONE_REGION = region
        assert comment_scrub("call 020 / 7946 / 0958 now") == f"call {P} now"
        assert comment_scrub("call 0412/345/678 now") == f"call {P} now"
    assert comment_scrub("call 0412 / 345 / 678", region="AU") == f"call {P}"


@pytest.mark.django_db
def test_record_scrubs_and_stores(make_article):
    article = make_article()
    answer = feedback.article_feedback_record(
        article=article, helpful=False, reason="other", comment="  call 07911 123456  "
    )
    answer.refresh_from_db()
    assert (answer.helpful, answer.reason, answer.comment) == (False, "other", f"call {P}")


def _answer(article, helpful, *, days_ago=0):
    row = ArticleFeedback.objects.create(article=article, helpful=helpful)
    ArticleFeedback.objects.filter(pk=row.pk).update(created_at=timezone.now() - dt.timedelta(days=days_ago))


@pytest.mark.django_db
def test_needs_attention_ranks_by_smoothed_recent_share(make_article):
    one_no = make_article(title="One no", slug="one-no")
    many_no = make_article(title="Many no", slug="many-no")
    mostly_yes = make_article(title="Mostly yes", slug="mostly-yes")
    old_only = make_article(title="Old only", slug="old-only")
    make_article(title="No answers", slug="no-answers")
    _answer(one_no, False)
    for _ in range(8):
        _answer(many_no, False)
    _answer(many_no, True)
    for _ in range(5):
        _answer(mostly_yes, True)
    _answer(old_only, False, days_ago=45)

    rows = {row.title: row for row in feedback.articles_with_feedback()}
    assert set(rows) == {"One no", "Many no", "Mostly yes", "Old only"}
    # (8 + 1) / (9 + 2) beats (1 + 1) / (1 + 2): many unhappy readers outrank one.
    assert rows["Many no"].attention > rows["One no"].attention > rows["Mostly yes"].attention
    assert rows["Old only"].attention == 0
    assert (rows["Old only"].recent_total, rows["Old only"].previous_total) == (0, 1)
    assert (rows["Many no"].feedback_total, rows["Many no"].feedback_helpful) == (9, 1)
    ranked = [row.title for row in feedback.articles_with_feedback().order_by("-attention")]
    assert ranked == ["Many no", "One no", "Mostly yes", "Old only"]


@pytest.mark.django_db
def test_by_week_fills_empty_weeks(make_article):
    article = make_article()
    _answer(article, True)
    _answer(article, False, days_ago=14)
    weeks = feedback.feedback_by_week(article=article, weeks=4)
    assert [week["week_start"].weekday() for week in weeks] == [0, 0, 0, 0]
    assert sum(week["helpful"] for week in weeks) == 1
    assert sum(week["not_helpful"] for week in weeks) == 1
    assert weeks[-1]["helpful"] == 1
    assert any(week["helpful_share"] is None for week in weeks)
