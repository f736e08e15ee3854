"""Editors' and clinical reviewers' journeys through the real admin, in real
Chromium (issue 13): each step is what a person clicks and reads, and each
test checks what the database or the public API then holds.

"An article with every block" would make the first journey long and brittle
(tables, images and choosers each have their own widget): the editor adds a
section heading and a rich text paragraph through the StreamField menu, the
two kinds every article has. Every block's editor is covered by the
accessibility checks (test_accessibility.py), which open an article holding
all of them.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import Page, expect
from wagtail.models import WorkflowState

from cms.feedback_views import share_text
from cms.models import ArticleFeedback, ArticlePage
from cms.selectors import REVIEW_FIELDS_ANCHOR
from cms.workflow import GROUP_NAME as REVIEWERS
from sms import segments
from sms.widgets import longest_footer

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "pw-journeys"  # noqa: S105 (a test user's password)


def _staff(django_user_model, username: str, group: str):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


def _add_block(page: Page, label: str) -> None:
    """Append a block to the article body through the "+" menu."""
    page.locator("#panel-child-content-body-section button.c-sf-add-button").last.click()
    page.locator(".w-combobox__option", has_text=label).first.click()


def _page_action(page: Page, button_selector: str) -> None:
    """Press an action in the editor's footer menu ("More actions"), as a
    person does: open the menu, then click (the page reloads)."""
    button = page.locator(button_selector)
    page.locator(".w-dropdown-button", has=button).get_by_role("button", name="More actions").click()
    with page.expect_navigation():
        button.click()


def _messages(page: Page):
    """The banner messages at the top of an admin page."""
    return page.locator("div.messages[role=status]")


# --- 1. the editor submits -----------------------------------------------------


def test_editor_is_told_what_review_needs_then_submits(
    sign_in, staff_groups, topic_page, person_factory, django_user_model
):
    person_factory(name="Dr Ada Reviewer")
    _staff(django_user_model, "editor", "Editors")
    page = sign_in("editor", PASSWORD)
    page.goto(f"{page.base_url}/admin/pages/add/cms/articlepage/{topic_page.pk}/")

    page.fill("input[name=title]", "Ketamine and your bladder")
    page.fill("textarea[name=standfirst]", "What regular use does, and when to get help.")
    _add_block(page, "Section heading")
    page.fill("input[name='body-0-value-heading']", "What happens")
    _add_block(page, "Rich text")
    page.locator("#panel-child-content-body-section .public-DraftEditor-content").last.click()
    page.keyboard.type("Regular use can scar the bladder.")
    expect(page.locator("input[name='body-1-value']")).to_have_value(re.compile("Regular use can scar"))

    _page_action(page, "button[name=action-submit]")

    messages = _messages(page)
    expect(messages).to_contain_text("'Ketamine and your bladder' was not submitted for clinical review.")
    expect(messages).to_contain_text(
        "add a medical reviewer, the date it was last reviewed and the date its next review is due"
    )
    expect(messages).not_to_contain_text("could not be saved")
    expect(messages.locator(".success")).to_have_count(0)
    expect(
        page.locator(".error-message", has_text="Needed to submit for clinical review: a medical reviewer.")
    ).to_be_visible()
    assert not ArticlePage.objects.exists()

    page.locator("#id_medical_reviewer-chooser .unchosen [data-chooser-action-choose]").click()
    page.locator(".modal").get_by_role("link", name="Dr Ada Reviewer").first.click()
    expect(page.locator("#id_medical_reviewer-chooser [data-chooser-title]")).to_contain_text(
        "Dr Ada Reviewer"
    )
    today = timezone.localdate()
    page.fill("input[name=last_reviewed]", today.isoformat())
    page.fill("input[name=next_review_due]", (today + dt.timedelta(days=365)).isoformat())
    page.keyboard.press("Escape")  # close the date picker

    _page_action(page, "button[name=action-submit]")

    expect(_messages(page)).to_contain_text(
        "'Ketamine and your bladder' has been submitted for clinical review."
    )
    expect(_messages(page).locator(".error")).to_have_count(0)
    article = ArticlePage.objects.get(title="Ketamine and your bladder")
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    draft = article.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["heading", "paragraph"]
    assert draft.body[0].value["heading"] == "What happens"
    assert "Regular use can scar the bladder." in draft.body[1].value.source
    assert draft.medical_reviewer.name == "Dr Ada Reviewer"
    assert not article.live


# --- 2. the reviewer approves ---------------------------------------------------


APPROVE = "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"


@pytest.fixture
def article_in_review(staff_groups, make_article, django_user_model):
    """A live article whose editor changed the standfirst and submitted the
    change for clinical review; a reviewer exists."""
    article = make_article(title="Ketamine and the bladder")
    editor = _staff(django_user_model, "editor", "Editors")
    _staff(django_user_model, "reviewer", REVIEWERS)
    return article, editor


def _submit_change(article, editor) -> None:
    draft = article.get_latest_revision_as_object()
    draft.standfirst = "Updated after the 2026 review."
    draft.save_revision(user=editor)
    article.refresh_from_db()
    article.get_workflow().start(article, editor)


def test_reviewer_approves_and_the_api_serves_the_new_version_with_a_new_etag(
    sign_in, reader, article_in_review
):
    article, editor = article_in_review
    api_path = f"/api/v1/articles/{article.slug}/"
    before = reader.get(api_path)
    assert before.status == 200
    _submit_change(article, editor)
    # A draft in review is not public.
    assert reader.get(api_path).headers["etag"] == before.headers["etag"]

    page = sign_in("reviewer", PASSWORD)
    page.goto(f"{page.base_url}/admin/pages/{article.pk}/edit/")
    expect(_messages(page)).to_contain_text("'Approve and publish' publishes it at once")
    _page_action(page, APPROVE)

    expect(_messages(page)).to_contain_text("'Ketamine and the bladder' has been approved and published.")
    expect(_messages(page)).not_to_contain_text("has been updated")
    after = reader.get(api_path)
    assert after.status == 200
    assert after.headers["etag"] != before.headers["etag"]
    assert after.json()["standfirst"] == "Updated after the 2026 review."
    assert before.json()["standfirst"] != "Updated after the 2026 review."


def test_reviewer_reads_approve_and_publish_once(sign_in, article_in_review):
    article, editor = article_in_review
    _submit_change(article, editor)
    page = sign_in("reviewer", PASSWORD)
    page.goto(f"{page.base_url}/admin/pages/{article.pk}/edit/")
    approve = page.locator(APPROVE)
    expect(approve).to_have_count(1)
    assert approve.inner_text().strip() == "Approve and publish"


# --- 3. the SMS answer counter ----------------------------------------------------


def _counter_text(text: str) -> str:
    """What the counter should say, from the server's own segment count
    (sms.segments), so the browser's count is checked against the sender's."""
    body = segments.replace_typography(text.strip())
    whole = body + longest_footer()
    info = segments.analyse(whole)
    budget = settings.SMS_MAX_SEGMENTS
    words = (
        f"{len(whole)} characters with the helpline, {info.encoding}, {info.segments} of {budget} segments"
    )
    if info.encoding == segments.UCS2:
        words += " (a character outside GSM-7 halves the space)"
    return words


def test_sms_answer_counter_follows_typing_a_curly_quote_then_an_emoji(
    admin_page, topic_with_answer, settings
):
    admin_page.goto(f"{admin_page.base_url}/admin/pages/{topic_with_answer.pk}/edit/")
    textarea = admin_page.locator("textarea[name='sms_answers-0-text']")
    counter = textarea.locator("xpath=following-sibling::p[contains(@class, 'sms-counter')]")
    expect(counter).to_have_text(_counter_text("Ketamine numbs pain."))

    textarea.fill("")
    textarea.press_sequentially("It\u2019s safer")
    # The curly quote is sent as a straight one: still GSM-7.
    expect(counter).to_have_text(_counter_text("It\u2019s safer"))
    assert "GSM-7" in counter.inner_text()

    textarea.press_sequentially(" \U0001f642")
    expect(counter).to_have_text(_counter_text("It\u2019s safer \U0001f642"))
    assert "UCS-2" in counter.inner_text()


def test_sms_answer_counter_also_counts_a_newly_added_answer(admin_page, topic_with_answer):
    admin_page.goto(f"{admin_page.base_url}/admin/pages/{topic_with_answer.pk}/edit/")
    admin_page.get_by_role("button", name="Add SMS answer").click()
    textarea = admin_page.locator("textarea[name='sms_answers-1-text']")
    textarea.press_sequentially("Hi \U0001f642")
    counter = textarea.locator("xpath=following-sibling::p[contains(@class, 'sms-counter')]")
    expect(counter).to_have_text(_counter_text("Hi \U0001f642"), timeout=2000)


# --- 4. reviews due -----------------------------------------------------------------


def test_reviews_due_tells_overdue_from_due_soon_and_opens_the_review_fields(admin_page, make_article):
    today = timezone.localdate()
    overdue = make_article(
        title="Overdue article",
        last_reviewed=today - dt.timedelta(days=400),
        next_review_due=today - dt.timedelta(days=3),
    )
    make_article(
        title="Soon article",
        last_reviewed=today - dt.timedelta(days=300),
        next_review_due=today + dt.timedelta(days=10),
    )
    make_article(title="Reviewed article")  # next review in 335 days: not listed

    admin_page.goto(f"{admin_page.base_url}/admin/reports/reviews-due/")
    rows = admin_page.locator("#listing-results tbody tr")
    expect(rows.filter(has_text="Overdue article")).to_contain_text("Overdue by 3 day(s)")
    expect(rows.filter(has_text="Soon article")).to_contain_text("Due in 10 day(s)")
    expect(rows.filter(has_text="Reviewed article")).to_have_count(0)

    rows.filter(has_text="Overdue article").get_by_role("link", name="Overdue article").first.click()

    admin_page.wait_for_url(f"**/admin/pages/{overdue.pk}/edit/#{REVIEW_FIELDS_ANCHOR}")
    # The link lands on, and scrolls to, the section that holds both review fields.
    review_fields = admin_page.locator(f"#{REVIEW_FIELDS_ANCHOR}")
    expect(review_fields).to_be_in_viewport()
    next_review = review_fields.locator("input[name=next_review_due]")
    expect(next_review).to_be_visible()
    expect(next_review).to_have_value(overdue.next_review_due.isoformat())
    expect(review_fields.locator("input[name=last_reviewed]")).to_be_visible()


# --- 5. reader feedback ---------------------------------------------------------------


def test_feedback_posted_through_the_api_shows_in_the_report(admin_page, reader, make_article):
    article = make_article(title="Ketamine and driving")
    comment = "Nothing on driving the next day. Call me on 07700 900123 or write to sam@example.org"
    feedback_path = f"/api/v1/articles/{article.slug}/feedback/"

    answers = [
        {"helpful": False, "reason": "missing_information", "comment": comment},
        {"helpful": True},
    ]
    for answer in answers:
        response = reader.post(feedback_path, data=answer)
        assert response.status == 201, response.text()

    admin_page.goto(f"{admin_page.base_url}/admin/reports/article-feedback/")
    row = admin_page.locator("#listing-results tbody tr", has_text="Ketamine and driving")
    expect(row).to_contain_text(share_text(1, 2))
    stored = ArticleFeedback.objects.get(helpful=False).comment
    assert "07700 900123" not in stored and "sam@example.org" not in stored
    comments = admin_page.locator("[data-latest-comments]")
    expect(comments).to_contain_text(stored)
    expect(comments).to_contain_text("Something I needed was missing")
    expect(comments).not_to_contain_text("07700 900123")
    expect(comments).not_to_contain_text("sam@example.org")
