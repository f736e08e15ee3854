"""Move editors' SMS keywords to topics' SMS answers: nothing they wrote is lost.

For each keyword, in its old menu order:
- its topic is the keyword's linked topic, else the first topic in the tree;
- a keyword that names the topic (KETAMINE, or an alias such as K) is the
  topic's "what it is" answer, and its words join the topic's other names
  (the one list of names search and SMS share);
- a keyword that is a built-in question type's word (EFFECTS, SIGNS,
  TREATMENT...) is that type's answer, its aliases that type's examples;
- any other keyword (ADVICE, say) becomes a question type of its own, with
  the keyword and its aliases as example questions;
- its reply, if it has one, is the answer's text (a keyword that only
  borrowed the topic's SMS summary needs no answer: "what it is" falls back
  to the summary). Inactive keywords are moved too; editors can delete them.

The answers are rows of the live topic, as the keywords were live replies.
A topic with an unpublished draft also gets them in that draft, so
publishing the draft keeps them. Safe to run twice (an answer already there
is left alone).
"""

from django.db import migrations
from django.utils.text import slugify

from cms.models.sms_answers import builtin_intents_ensure
from sms.text import normalise

INTENT_WORDS = {
    "effects": ("EFFECTS", "EFFECT", "SIDE EFFECTS", "RISKS"),
    "signs": ("SIGNS", "SIGN", "SYMPTOMS", "WARNING SIGNS"),
    "getting_help": ("TREATMENT", "TREAT", "SUPPORT", "STOPPING", "QUIT", "REHAB", "DETOX", "GETTING HELP"),
    "safer_use": ("SAFER", "SAFETY", "SAFER USE", "HARM REDUCTION"),
    "overdose_info": ("OVERDOSE", "OD"),
}
WHAT_IS = "what_is"


def _split(names: str) -> list[str]:
    return [name.strip() for name in names.split(",") if name.strip()]


def _builtin_intent(word: str) -> str | None:
    wanted = normalise(word)
    for slug, words in INTENT_WORDS.items():
        if wanted in {normalise(w) for w in words}:
            return slug
    return None


def _own_intent(SmsIntent, keyword) -> object:
    base = slugify(keyword.keyword)[:36] or "keyword"
    slug, number = base, 1
    while SmsIntent.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return SmsIntent.objects.create(
        slug=slug,
        name=keyword.keyword.capitalize()[:60],
        example_questions="\n".join([keyword.keyword, *_split(keyword.aliases)]),
        sort_order=100 + keyword.sort_order,
    )


def _add_to_draft(Revision, topic, answer) -> None:
    if not topic.has_unpublished_changes or not topic.latest_revision_id:
        return
    revision = Revision.objects.get(pk=topic.latest_revision_id)
    answers = revision.content.setdefault("sms_answers", [])
    if any(item.get("intent") == answer.intent_id for item in answers):
        return
    answers.append(
        {
            "pk": answer.pk,
            "sort_order": answer.sort_order,
            "topic": topic.pk,
            "intent": answer.intent_id,
            "text": answer.text,
        }
    )
    revision.save(update_fields=["content"])


def keywords_to_answers(apps, schema_editor):
    SmsKeyword = apps.get_model("sms", "SmsKeyword")
    TopicPage = apps.get_model("cms", "TopicPage")
    SmsIntent = apps.get_model("cms", "SmsIntent")
    TopicSmsAnswer = apps.get_model("cms", "TopicSmsAnswer")
    Revision = apps.get_model("wagtailcore", "Revision")

    keywords = list(SmsKeyword.objects.order_by("sort_order", "keyword"))
    if not keywords:
        return
    builtin_intents_ensure(apps=apps)
    first_topic = TopicPage.objects.order_by("path").first()
    if first_topic is None:
        raise RuntimeError(
            "SMS keywords exist but there is no topic page to move them to: "
            "add a topic in the admin, then run the migrations again."
        )
    for keyword in keywords:
        topic = TopicPage.objects.filter(pk=keyword.topic_id).first() or first_topic
        names = {normalise(name) for name in [topic.title, *_split(topic.other_names)]}
        terms = [keyword.keyword, *_split(keyword.aliases)]
        builtin = _builtin_intent(keyword.keyword)
        if builtin is None and any(normalise(term) in names for term in terms):
            builtin = WHAT_IS
        intent = SmsIntent.objects.filter(slug=builtin).first() if builtin else None
        text = keyword.reply.strip()
        taken = intent is not None and TopicSmsAnswer.objects.filter(topic=topic, intent=intent).exists()
        if intent is None or (taken and text):
            intent = _own_intent(SmsIntent, keyword)
        if builtin == WHAT_IS and intent.slug == WHAT_IS:
            new_names = [t for t in terms if normalise(t) not in names and not _builtin_intent(t)]
            if new_names:
                topic.other_names = ", ".join([*_split(topic.other_names), *(n.title() for n in new_names)])
                topic.save(update_fields=["other_names"])
        elif intent.is_builtin:
            examples = intent.example_questions.splitlines()
            extra = [t for t in terms if t not in examples]
            intent.example_questions = "\n".join([*examples, *extra]).strip()
            intent.save(update_fields=["example_questions"])
        if not text or TopicSmsAnswer.objects.filter(topic=topic, intent=intent).exists():
            continue
        order = TopicSmsAnswer.objects.filter(topic=topic).count()
        answer = TopicSmsAnswer.objects.create(topic=topic, intent=intent, text=text, sort_order=order)
        _add_to_draft(Revision, topic, answer)


class Migration(migrations.Migration):
    dependencies = [
        ("sms", "0007_conversation_state"),
        ("cms", "0007_builtin_sms_intents"),
    ]

    operations = [migrations.RunPython(keywords_to_answers, migrations.RunPython.noop)]
