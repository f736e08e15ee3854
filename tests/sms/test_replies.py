"""The reply logic, end to end through the webhook with the console backend."""

import pytest
from django.core import mail

from cms.models import Helpline
from sms import matching, segments
from sms.models import InboundMessage, OutboundMessage, Sender
from tests.sms.conftest import ANSWERS, US_NUMBER, publish_answers

pytestmark = pytest.mark.django_db
Outcome = InboundMessage.Outcome
GB_FOOTER = "\nFRANK: call 0300 123 6600 or text 82111 (24/7)"


def _sender() -> Sender:
    return Sender.objects.get()


@pytest.mark.parametrize("word", sorted(matching.OPT_OUT_KEYWORDS))
def test_each_opt_out_keyword_opts_out_with_one_confirmation(text_in, sms_content, word):
    inbound = text_in(word.lower())

    assert inbound.outcome == Outcome.OPT_OUT
    assert _sender().opted_out is True
    assert "unsubscribed" in inbound.reply.body
    assert "Reply START" in inbound.reply.body

    again = text_in(word)

    assert again.outcome == Outcome.OPT_OUT
    assert not OutboundMessage.objects.filter(inbound=again).exists()
    assert OutboundMessage.objects.count() == 1


def test_opted_out_sender_gets_nothing_until_opting_back_in(text_in, sms_content):
    text_in("STOP")

    for body in ["ketamine", "HELP", "hello", "I took too much"]:
        assert not OutboundMessage.objects.filter(inbound=text_in(body)).exists()

    crisis = next(text for text in InboundMessage.objects.all() if text.body == "I took too much")
    assert crisis.outcome == Outcome.IGNORED_OPTED_OUT
    assert crisis.screening_level == "emergency" and crisis.screening_category == "overdose"
    assert crisis.follow_up is not None and crisis.follow_up.handled_at is None

    back = text_in("start")

    assert back.outcome == Outcome.OPT_IN
    assert _sender().opted_out is False
    assert "resubscribed" in back.reply.body
    # Their crisis follow-up is still open: they get the short reply, not the menu.
    assert text_in("ketamine").outcome == Outcome.FOLLOW_UP
    crisis.follow_up.handled_at = crisis.received_at
    crisis.follow_up.save()
    assert text_in("what are the signs").outcome == Outcome.ANSWER


@pytest.mark.parametrize("word", ["START", "YES", "UNSTOP"])
def test_opt_in_keywords(text_in, sms_content, word):
    text_in("STOP")

    inbound = text_in(word)

    assert inbound.outcome == Outcome.OPT_IN
    assert not _sender().opted_out
    assert inbound.reply.body.startswith("You're resubscribed")


def test_provider_handles_opt_out_records_state_without_confirmations(text_in, sms_content, settings):
    settings.SMS_PROVIDER_HANDLES_OPT_OUT = True

    assert text_in("STOP").outcome == Outcome.OPT_OUT
    assert _sender().opted_out
    assert text_in("ketamine").outcome == Outcome.IGNORED_OPTED_OUT
    assert text_in("START").outcome == Outcome.OPT_IN
    assert not _sender().opted_out
    assert text_in("HELP").outcome == Outcome.HELP
    assert not OutboundMessage.objects.exists()
    assert text_in("ketamine").outcome == Outcome.ANSWER


@pytest.mark.parametrize("word", ["HELP", "info"])
def test_help_reply_content(text_in, sms_content, settings, word):
    settings.SMS_PROGRAMME_NAME = "Test Drug Line"

    body = text_in(word).reply.body

    assert body.startswith("Test Drug Line")
    assert "Msg&data rates may apply" in body
    assert "Reply STOP to opt out" in body
    assert body.endswith(GB_FOOTER)


def test_crisis_is_screened_before_questions(text_in, sms_content, settings):
    settings.SMS_ONCALL_EMAILS = ["oncall@example.org"]

    inbound = text_in("I took too much ketamine and my friend is not waking up")

    assert inbound.outcome == Outcome.CRISIS
    assert inbound.intent is None
    assert inbound.follow_up is not None and inbound.follow_up.level == "emergency"
    body = inbound.reply.body
    assert body.startswith("Call 999 now")
    assert "Samaritans: call 116 123" in body
    assert inbound.reply.segments <= 2
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["oncall@example.org"]
    assert "/admin/sms/follow-up/" in mail.outbox[0].body
    assert "emergency reply was sent" in mail.outbox[0].body
    # The alert carries neither the number nor the text.
    assert "7700900123" not in mail.outbox[0].body
    assert "ketamine" not in mail.outbox[0].body


def test_crisis_reply_uses_the_senders_country(text_in, sms_content):
    body = text_in("cant breathe", sender=US_NUMBER).reply.body

    assert body.startswith("Call 911 now")
    assert "988 Lifeline: call 988 or text 988" in body


@pytest.mark.parametrize(
    ("number", "emergency"),
    [
        ("+61491570156", "000"),  # AU
        ("+353851234567", "112 or 999"),  # IE
        ("+33612345678", "112 or 15"),  # FR
        ("+16135550123", "911"),  # CA
        ("+64211234567", "111"),  # NZ
        ("+919812345678", "112"),  # IN
    ],
)
def test_crisis_reply_gives_the_senders_own_emergency_number_and_never_another_countrys_line(
    text_in, sms_content, number, emergency
):
    reply = text_in("my mates fitting on the floor", sender=number).reply

    assert reply.body.startswith(f"Call {emergency} now")
    assert reply.body.index(emergency) < 70
    assert "findahelpline.com" in reply.body
    for foreign in ("999 now", "Samaritans", "116 123", "FRANK", "988", "SAMHSA"):
        if not (foreign == "999 now" and emergency == "112 or 999"):
            assert foreign not in reply.body
    assert reply.segments <= 2


def test_crisis_reply_for_an_unknown_country_says_call_your_local_number(text_in, sms_content):
    body = text_in("shes turning blue", sender="12345").reply.body

    assert body.startswith("Call your local emergency number now")
    assert "Samaritans" not in body and "999" not in body


def test_editors_crisis_line_for_a_country_adds_to_the_table(text_in, sms_content):
    Helpline.objects.create(name="Lifeline", country="AU", category="crisis", phone_number="13 11 14")

    body = text_in("i want to end it all", sender="+61491570156").reply.body

    assert body.startswith("Call 000 now")
    assert "Lifeline: call 13 11 14" in body


@pytest.mark.parametrize(
    "text", ["Im SUICIDAL", "i want to kil myself", "i think i took an overdoes", "He's UNCONSIOUS!!"]
)
def test_crisis_tolerates_misspellings(text_in, sms_content, text):
    assert text_in(text).outcome == Outcome.CRISIS


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("what are the signs?", "signs"),
        ("KETAMINE", "what_is"),
        ("special k", "what_is"),
        ("Ket", "what_is"),
        ("ketamin", "what_is"),
        ("kit kat", "what_is"),
        ("effects", "effects"),
        ("effects of ketamine", "effects"),
        ("signs of ketamine abuse", "signs"),
        ("what does ket do to u", "effects"),
        ("how do i know if my son is on k", "signs"),
        ("how do i get off ket", "getting_help"),
        ("rehab?", "getting_help"),
        ("detox", "getting_help"),
    ],
)
def test_questions_get_their_topics_published_answer(text_in, sms_content, topic_page, text, intent):
    inbound = text_in(text)

    assert inbound.outcome == Outcome.ANSWER
    assert (inbound.topic, inbound.intent.slug) == (topic_page, intent)
    expected = topic_page.sms_summary if intent == "what_is" else ANSWERS[intent]
    assert inbound.reply.body == expected + GB_FOOTER
    assert inbound.understanding_reasons


MENU = "Ketamine: reply 1 for what it is, 2 for effects, 3 for signs of a problem, 4 for getting help."


@pytest.mark.parametrize("text", ["hello", "thanks x", "ok", "MENU", "0"])
def test_greetings_and_menu_requests_get_the_numbered_menu(text_in, sms_content, text):
    inbound = text_in(text)

    assert inbound.outcome == Outcome.MENU
    assert inbound.reply.body.startswith(MENU.removesuffix("."))
    assert "Sorry" not in inbound.reply.body
    assert inbound.menu == ["what_is", "effects", "signs", "getting_help"]
    assert inbound.reply.body.endswith(GB_FOOTER)


def test_a_question_type_without_an_answer_gets_the_topics_menu(text_in, sms_content):
    inbound = text_in("how can i stay safe on ket")

    assert inbound.outcome == Outcome.MENU
    assert inbound.reply.body.startswith("Sorry, we're not sure what you asked. Ketamine: reply 1 for")
    assert "staying safer" not in inbound.reply.body


def test_only_the_published_answer_is_sent_never_a_draft(text_in, sms_content, topic_page):
    draft = topic_page.get_latest_revision_as_object()
    effects = next(answer for answer in draft.sms_answers.all() if answer.intent.slug == "effects")
    effects.text = "An unreviewed draft."
    draft.save_revision()

    assert text_in("effects").reply.body == ANSWERS["effects"] + GB_FOOTER

    topic_page.refresh_from_db()
    topic_page.get_latest_revision().publish()

    assert text_in("what are the effects").reply.body == "An unreviewed draft." + GB_FOOTER


def test_an_unpublished_topics_answers_are_never_sent(text_in, sms_content, topic_page):
    topic_page.unpublish()

    inbound = text_in("what are the effects of ket")

    assert inbound.outcome == Outcome.MENU
    assert "detached" not in inbound.reply.body


def test_footer_is_the_first_drugs_helpline_of_the_country(text_in, sms_content):
    assert text_in("ketamine", sender=US_NUMBER).reply.body.endswith("\nSAMHSA: call 1-800-662-4357 (24/7)")


def test_a_country_without_a_drugs_line_gets_no_other_countrys_line(text_in, sms_content, settings):
    assert "FRANK" not in text_in("ketamine", sender="+33612345678").reply.body

    # The default country is for senders whose country is unknown (short codes).
    settings.SMS_DEFAULT_COUNTRY = "US"
    assert "SAMHSA" in text_in("signs", sender="12345").reply.body


def test_long_reply_is_shortened_to_the_budget_keeping_the_helpline(
    text_in, sms_content, settings, topic_page
):
    publish_answers(topic_page, {"effects": "Effects include many things. " * 30})

    body = text_in("effects").reply.body

    assert body.endswith("..." + GB_FOOTER)
    info = segments.analyse(body)
    assert info.segments == settings.SMS_MAX_SEGMENTS
    assert OutboundMessage.objects.get().segments == info.segments


def test_typographic_characters_are_replaced_in_replies(text_in, sms_content, topic_page):
    publish_answers(topic_page, {"effects": "It’s “numbing” – and risky…"})

    inbound = text_in("effects")

    assert inbound.reply.body.startswith('It\'s "numbing" - and risky...')
    assert inbound.reply.encoding == "GSM-7"


def test_rate_limit_stores_and_flags_without_answering(text_in, sms_content, settings):
    settings.SMS_RATE_LIMIT_COUNT = 2

    first, second, third = text_in("ketamine"), text_in("signs"), text_in("effects")

    assert first.reply and second.reply
    assert third.outcome == Outcome.RATE_LIMITED
    assert third.needs_follow_up
    assert not OutboundMessage.objects.filter(inbound=third).exists()
    assert InboundMessage.objects.count() == 3
    # Another sender is not affected.
    assert text_in("effects", sender=US_NUMBER).outcome == Outcome.ANSWER


def test_stop_still_works_over_the_rate_limit(text_in, sms_content, settings):
    settings.SMS_RATE_LIMIT_COUNT = 1
    text_in("ketamine")

    assert text_in("STOP").outcome == Outcome.OPT_OUT
    assert _sender().opted_out


def test_crisis_over_the_limit_is_flagged_and_staff_alerted(text_in, sms_content, settings):
    settings.SMS_RATE_LIMIT_COUNT = 1
    settings.SMS_ONCALL_EMAILS = ["oncall@example.org"]
    text_in("ketamine")

    inbound = text_in("i want to die")

    assert inbound.outcome == Outcome.CRISIS
    assert inbound.reply.body.startswith("Call 999 now")
    assert inbound.follow_up.level == "emergency"
    assert len(mail.outbox) == 1


def test_a_repeated_crisis_text_is_answered_each_time(text_in, sms_content):
    outcomes = [text_in("please help I took too much").outcome for _ in range(3)]

    assert outcomes == [Outcome.CRISIS] * 3
    assert OutboundMessage.objects.count() == 3


def test_auto_responder_loop_is_not_answered(text_in, sms_content):
    auto = "I'm driving right now - I'll get back to you."

    replies = [text_in(auto) for _ in range(3)]

    assert [r.outcome for r in replies] == [Outcome.MENU, Outcome.MENU, Outcome.LOOP]
    assert replies[2].needs_follow_up
    assert OutboundMessage.objects.count() == 2


def test_processing_twice_makes_one_reply(text_in, sms_content):
    from sms.services import inbound_message_process

    inbound = text_in("ketamine")

    again = inbound_message_process(inbound_id=inbound.pk)

    assert again == inbound.reply
    assert OutboundMessage.objects.count() == 1


def test_processing_query_count(text_in, sms_content, django_assert_max_num_queries, post_signed):
    from sms.services import inbound_message_process

    inbound = text_in("ketamine")
    InboundMessage.objects.filter(pk=inbound.pk).update(outcome=Outcome.PENDING)
    OutboundMessage.objects.all().delete()

    # The content is read once per process and content version (warm after the
    # first text): the text and its sender locked, their recent activity, the
    # conversation, the text saved, the reply, and a savepoint's two.
    with django_assert_max_num_queries(7):
        inbound_message_process(inbound_id=inbound.pk)


def test_crisis_patterns_and_examples_are_editor_managed(text_in, sms_content):
    from sms.models import CrisisExample, CrisisPattern

    # A code word a partner service tells people to text, and a phrase agreed with one texter.
    assert text_in("code purple at the tent").outcome != Outcome.CRISIS
    assert text_in("the usual thing is happening again").outcome != Outcome.CRISIS

    CrisisPattern.objects.create(pattern="code purple", category="medical")
    CrisisExample.objects.create(
        text="the usual thing is happening again", level="emergency", category="medical"
    )

    assert text_in("CODE PURPLE at the tent!").outcome == Outcome.CRISIS
    assert text_in("The usual thing is happening AGAIN").outcome == Outcome.CRISIS


# --- WhatsApp: the same screening, answers, opt-out and crisis handling -------

WHATSAPP_FROM = "whatsapp:+447700900123"


def test_a_whatsapp_crisis_gets_the_same_emergency_reply_and_follow_up(text_in, sms_content):
    inbound = text_in("I took too much ketamine and my friend is not waking up", sender=WHATSAPP_FROM)

    assert inbound.outcome == Outcome.CRISIS
    assert inbound.follow_up is not None and inbound.follow_up.level == "emergency"
    assert inbound.reply.body.startswith("Call 999 now")
    assert inbound.reply.channel == "whatsapp"


def test_stop_on_whatsapp_opts_out_of_whatsapp_only(text_in, sms_content):
    stop = text_in("STOP", sender=WHATSAPP_FROM)
    later = text_in("ketamine effects", sender=WHATSAPP_FROM)
    on_sms = text_in("ketamine effects")

    assert stop.outcome == Outcome.OPT_OUT and stop.sender.opted_out
    assert later.outcome == Outcome.IGNORED_OPTED_OUT and not hasattr(later, "reply")
    assert on_sms.outcome == Outcome.ANSWER  # consent is per channel


def test_a_long_whatsapp_answer_is_not_held_to_the_sms_segment_budget(
    text_in, sms_content, settings, topic_page
):
    settings.SMS_MAX_SEGMENTS = 1
    long_answer = "Effects include many things. " * 20  # ~580 characters: 4 SMS segments
    publish_answers(topic_page, {"effects": long_answer})

    on_whatsapp = text_in("effects", sender=WHATSAPP_FROM).reply.body
    on_sms = text_in("effects").reply.body

    assert on_whatsapp == long_answer.strip() + GB_FOOTER
    assert on_sms.endswith("..." + GB_FOOTER) and segments.analyse(on_sms).segments == 1
