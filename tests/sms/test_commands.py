from io import StringIO

import pytest
from django.core.management import call_command

from cms.demo.sms_answers import SMS_ANSWERS_BY_TOPIC
from cms.models.sms_answers import SMS_ANSWER_MAX_LENGTH
from cms.signals import demo_content_loaded
from sms import replies, segments
from sms.models import CrisisExample, InboundMessage, SmsSettings

pytestmark = pytest.mark.django_db


# As the command really runs: committing as it goes (so on_commit tasks run).
transactional = pytest.mark.django_db(transaction=True)


@transactional
def test_sms_simulate_runs_the_pipeline_and_prints_the_reply(capsys, sms_content):
    call_command("sms_simulate", "--from", "+447700900123", "what are the signs")

    output = capsys.readouterr().out
    assert "Outcome: Answer" in output
    assert "Topic: Ketamine; question type: signs of a problem" in output
    assert "Menu: none open" in output
    assert "Signs of regular use" in output
    assert "FRANK: call 0300 123 6600" in output
    assert "Encoding: GSM-7" in output
    assert "1 segment " in output or "2 segments" in output
    inbound = InboundMessage.objects.get()
    assert inbound.intent.slug == "signs"
    assert inbound.reply.status == "logged"


@transactional
def test_sms_simulate_keeps_the_conversation_so_a_menu_number_works(capsys, sms_content):
    call_command("sms_simulate", "hello")
    menu = capsys.readouterr().out
    call_command("sms_simulate", "2")
    picked = capsys.readouterr().out

    assert "Menu open for 60 minutes: 1=what it is, 2=effects, 3=signs of a problem, 4=getting help" in menu
    assert "Outcome: Answer" in picked
    assert "question type: effects" in picked
    assert "Effects: feeling detached and numb." in picked


@transactional
def test_sms_simulate_prints_the_screening_and_its_reasons(capsys, sms_content):
    call_command(
        "sms_simulate", "--from", "+61491570156", "cant wake my boyfriend up he did a lot of ketamine"
    )

    output = capsys.readouterr().out
    assert "Outcome: Crisis" in output
    assert "Screening: Emergency (danger now), Medical emergency" in output
    assert "  - medical: 'can not wake'" in output
    assert "Crisis follow-up: #" in output
    assert "Call 000 now" in output


@transactional
def test_sms_simulate_sends_a_whatsapp_message_on_request(capsys, sms_content):
    call_command("sms_simulate", "--channel", "whatsapp", "--from", "+447700900123", "what are the signs")

    output = capsys.readouterr().out
    assert "Channel: WhatsApp" in output
    assert "Signs of regular use" in output
    assert "WhatsApp: " in output and "(limit 1600)" in output
    inbound = InboundMessage.objects.select_related("sender").get()
    assert (inbound.channel, inbound.sender.channel, inbound.reply.channel) == ("whatsapp",) * 3
    assert inbound.sender.phone == "+447700900123"


@transactional
def test_sms_simulate_never_uses_twilio(capsys, sms_content, settings):
    settings.SMS_BACKEND = "twilio"
    settings.TWILIO_API_BASE_URL = "http://127.0.0.1:9"  # nothing listens: a send would fail

    call_command("sms_simulate", "hello")

    assert "status: Logged (console backend)" in capsys.readouterr().out


def test_demo_sms_settings_are_added_once(helplines, topic_page):
    demo_content_loaded.send(sender=None, stdout=None)

    assert SmsSettings.load().default_topic_id == topic_page.pk
    SmsSettings.objects.update(default_topic=None)
    other = CrisisExample.objects.count()
    demo_content_loaded.send(sender=None, stdout=None)

    assert SmsSettings.load().default_topic_id == topic_page.pk  # unset again: the demo's choice
    assert CrisisExample.objects.count() == other
    assert CrisisExample.objects.filter(text="i want to end my ket use", level="none").count() == 1


@pytest.mark.parametrize("topic", sorted(SMS_ANSWERS_BY_TOPIC))
def test_demo_sms_answers_fit_the_budget_with_every_helpline(helplines, topic):
    for intent, text in SMS_ANSWERS_BY_TOPIC[topic].items():
        assert replies.reply_overflow(text) == "", intent
        assert segments.analyse(text).encoding == segments.GSM7
        assert len(text) <= SMS_ANSWER_MAX_LENGTH


def test_beat_alive_fails_until_beat_queues_a_sweep_then_passes():
    from django.core.management.base import CommandError

    from sms import recovery

    with pytest.raises(CommandError, match="has not queued the SMS sweep yet"):
        call_command("beat_alive")

    recovery.sweep_published()
    out = StringIO()
    call_command("beat_alive", stdout=out)

    assert "queued the SMS sweep 0s ago" in out.getvalue()
