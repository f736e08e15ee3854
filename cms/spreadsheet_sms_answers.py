"""SMS answers in and out of spreadsheets: one row per topic and question type.

An answer is part of its topic, reviewed with it (`cms.models.sms_answers`),
so export reads each topic's latest version (its draft, if it has one) and
import saves a new draft of each topic it changes: nothing reaches texters
until the topic is approved in Clinical review. Each answer passes the same
checks as in the topic editor (the SMS segment budget among them, through
the `check_sms_text` hook that the SMS app registers), so `cms` needs no
SMS code. Plans and digests work as in `cms.spreadsheet_import`.
"""

from __future__ import annotations

from django.db import transaction
from wagtail import hooks

from cms.models import SmsIntent, TopicPage, TopicSmsAnswer
from cms.models.pages import CHECK_SMS_TEXT_HOOK
from cms.models.sms_answers import SMS_ANSWER_MAX_LENGTH
from cms.spreadsheet_import import ImportPlan, PlanChangedError, RowChange, RowError

# topic_title is for people reading the sheet; import ignores it.
SMS_ANSWER_COLUMNS = ("topic", "topic_title", "question_type", "answer")


def _latest_answers(topic: TopicPage) -> tuple[TopicPage, dict[int, str]]:
    """The topic's latest version (the draft, if any) and its answers by intent id."""
    latest = topic.get_latest_revision_as_object()
    return latest, {answer.intent_id: answer.text for answer in latest.sms_answers.all()}


def sms_answer_export_rows() -> list[dict[str, str]]:
    slugs = dict(SmsIntent.objects.values_list("pk", "slug"))
    order = {pk: position for position, pk in enumerate(SmsIntent.objects.values_list("pk", flat=True))}
    rows = []
    for topic in TopicPage.objects.order_by("path"):
        latest, answers = _latest_answers(topic)
        for intent_id in sorted(answers, key=lambda pk: order.get(pk, 0)):
            rows.append(
                {
                    "topic": topic.slug,
                    "topic_title": latest.title,
                    "question_type": slugs[intent_id],
                    "answer": answers[intent_id],
                }
            )
    return rows


def sms_text_problems(text: str) -> list[str]:
    """What the topic editor would refuse about this answer."""
    if not text:
        return ["the answer is empty."]
    if len(text) > SMS_ANSWER_MAX_LENGTH:
        return [f"the answer has {len(text)} characters; at most {SMS_ANSWER_MAX_LENGTH}."]
    return [problem for check in hooks.get_hooks(CHECK_SMS_TEXT_HOOK) if (problem := check(text))]


def sms_answer_plan(rows: list[dict[str, str]], *, user) -> ImportPlan:
    """What importing `rows` would change in topics' SMS answers (reads only).
    A topic `user` may not edit is a row error."""
    plan = ImportPlan()
    intents = {intent.slug: intent for intent in SmsIntent.objects.all()}
    intents_by_name = {intent.name.casefold(): intent for intent in intents.values()}
    topics: dict[str, tuple[TopicPage, dict[int, str]] | None] = {}
    seen: dict[tuple[str, int], int] = {}
    for number, raw in enumerate(rows, start=2):
        slug = raw.get("topic", "").strip()
        kind = raw.get("question_type", "").strip()
        text = raw.get("answer", "").strip()
        intent = intents.get(kind) or intents_by_name.get(kind.casefold())
        if slug not in topics:
            matches = list(TopicPage.objects.filter(slug=slug)[:2]) if slug else []
            topics[slug] = None if len(matches) != 1 else (matches[0], _latest_answers(matches[0])[1])
        found = topics[slug]
        problems = []
        if found is None:
            problems.append(f"topic: no single topic has the slug {slug!r}.")
        elif not found[0].permissions_for_user(user).can_edit():
            problems.append(f"topic: you may not edit {found[0].title!r}.")
        if intent is None:
            problems.append(f"question_type: there is no question type {kind!r}.")
        elif (slug, intent.pk) in seen:
            problems.append(f"the same answer as row {seen[slug, intent.pk]}.")
        else:
            seen[slug, intent.pk] = number
        problems += sms_text_problems(text)
        label = f"{slug or '(no topic)'} / {kind or '(no question type)'}"
        if problems:
            plan.errors.extend(RowError(number, f"{label}: {problem}") for problem in problems)
            continue
        topic, answers = found
        values = {"topic": slug, "question_type": intent.slug, "answer": text}
        key = f"{topic.pk}:{intent.pk}"
        if intent.pk not in answers:
            plan.created.append(RowChange(number, label, key, values))
        elif answers[intent.pk] != text:
            plan.changed.append(RowChange(number, label, key, values, {"answer": (answers[intent.pk], text)}))
        else:
            plan.unchanged.append(RowChange(number, label, key, values))
    return plan


@transaction.atomic
def sms_answer_apply(*, rows: list[dict[str, str]], digest: str, user) -> ImportPlan:
    """Save one new draft per changed topic, exactly as previewed, all or none.
    PlanChangedError when the rows now plan differently."""
    # Lock the topics first, so no editor's save slips between plan and write.
    list(TopicPage.objects.select_for_update().values_list("pk", flat=True))
    plan = sms_answer_plan(rows, user=user)
    if plan.digest != digest or not plan.can_apply:
        raise PlanChangedError
    by_topic: dict[int, dict[int, str]] = {}
    for change in [*plan.created, *plan.changed]:
        topic_id, intent_id = (int(part) for part in str(change.key).split(":"))
        by_topic.setdefault(topic_id, {})[intent_id] = change.values["answer"]
    for topic in TopicPage.objects.filter(pk__in=by_topic).order_by("pk"):
        latest = topic.get_latest_revision_as_object()
        answers = list(latest.sms_answers.all())
        wanted = by_topic[topic.pk]
        for answer in answers:
            if answer.intent_id in wanted:
                answer.text = wanted.pop(answer.intent_id)
        answers += [TopicSmsAnswer(intent_id=intent_id, text=text) for intent_id, text in wanted.items()]
        latest.sms_answers = answers
        latest.save_revision(user=user, log_action=True)
    return plan
