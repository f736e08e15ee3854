"""The inbox's sample conversations (sms.demo_inbox): added by the demo
loader once, nothing sent, the crisis first in the inbox."""

import pytest
from django.contrib.auth import get_user_model

from cms.signals import demo_content_loaded
from sms import inbox_selectors
from sms.demo_inbox import DEMO_STAFF_USERNAME, load_inbox_demo_conversations
from sms.models import ConversationNote, OutboundMessage, Sender

pytestmark = pytest.mark.django_db


def test_the_demo_adds_three_conversations_once_and_sends_nothing(sms_content, settings):
    settings.SMS_BACKEND = "twilio"  # a send would fail: there is none
    staff = get_user_model().objects.create_user(DEMO_STAFF_USERNAME, password="x")

    demo_content_loaded.send(sender=None, stdout=None)
    again = load_inbox_demo_conversations()

    assert again == 0
    assert sorted(Sender.objects.values_list("channel", "status")) == [
        ("sms", "handled"),
        ("sms", "open"),
        ("whatsapp", "claimed"),
    ]
    assert set(OutboundMessage.objects.values_list("status", flat=True)) == {"logged"}
    [first, second] = inbox_selectors.conversation_list()
    assert (first.crisis_level, first.channel, first.assignee) == ("emergency", "sms", None)
    assert (second.channel, second.assignee) == ("whatsapp", staff)
    assert ConversationNote.objects.get().author == staff
