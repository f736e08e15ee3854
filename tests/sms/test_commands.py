import pytest
from django.core.management import call_command

from cms.signals import demo_content_loaded
from sms import replies, segments
from sms.models import CrisisExample, InboundMessage, SmsKeyword

pytestmark = pytest.mark.django_db


# As the command really runs: committing as it goes (so on_commit tasks run).
transactional = pytest.mark.django_db(transaction=True)


@transactional
def test_sms_simulate_runs_the_pipeline_and_prints_the_reply(capsys, sms_content):
    call_command("sms_simulate", "--from", "+447700900123", "what are the signs")

    output = capsys.readouterr().out
    assert "Outcome: Keyword" in output
    assert "Signs of regular use" in output
    assert "FRANK: call 0300 123 6600" in output
    assert "Encoding: GSM-7" in output
    assert "1 segment " in output or "2 segments" in output
    inbound = InboundMessage.objects.get()
    assert inbound.keyword.keyword == "SIGNS"
    assert inbound.reply.status == "logged"


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
def test_sms_simulate_never_uses_twilio(capsys, sms_content, settings):
    settings.SMS_BACKEND = "twilio"
    settings.TWILIO_API_BASE_URL = "http://127.0.0.1:9"  # nothing listens: a send would fail

    call_command("sms_simulate", "hello")

    assert "status: Logged (console backend)" in capsys.readouterr().out


def test_demo_content_is_added_once(helplines, topic_page):
    demo_content_loaded.send(sender=None, stdout=None)
    SmsKeyword.objects.filter(keyword="SIGNS").update(reply="Edited by an editor.")
    demo_content_loaded.send(sender=None, stdout=None)

    assert set(SmsKeyword.objects.values_list("keyword", flat=True)) >= {
        "KETAMINE",
        "EFFECTS",
        "SIGNS",
        "TREATMENT",
    }
    assert SmsKeyword.objects.get(keyword="SIGNS").reply == "Edited by an editor."
    ketamine = SmsKeyword.objects.get(keyword="KETAMINE")
    assert ketamine.topic == topic_page.specific or ketamine.topic_id == topic_page.pk
    assert {"K", "KET", "SPECIAL K", "KETAMIN"} <= set(ketamine.alias_list)
    assert CrisisExample.objects.filter(text="i want to end my ket use", level="none").count() == 1


def test_demo_replies_fit_the_budget_with_every_helpline(helplines, topic_page):
    demo_content_loaded.send(sender=None, stdout=None)

    for keyword in SmsKeyword.objects.all():
        keyword.full_clean()
        assert replies.reply_overflow(keyword.reply_text()) == "", keyword.keyword
        assert segments.analyse(keyword.reply).encoding == segments.GSM7
