"""`python manage.py sms_simulate --from +447700900123 "what are the signs"`
(add `--channel whatsapp` to send it as a WhatsApp message)

Runs one text through the whole pipeline: a signed request to the inbound
webhook view, storage, the reply decision and sending, all in this process
with the console backend (nothing leaves the machine), then prints the
screening, how the question was read (topic, question type, why), the menu
state, the reply, its encoding and segment count. The conversation is kept
in the database like a real one: run it again from the same number to reply
"2" to a menu, or to ask "what about the signs" after naming a drug.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import RequestFactory, override_settings
from django.urls import reverse
from twilio.request_validator import RequestValidator

from cms.models import SmsIntent
from config.celery import app as celery_app
from sms import channels, views
from sms.models import Channel, InboundMessage, OutboundMessage

SIMULATION_TOKEN = "sms-simulate-local-token"  # noqa: S105 - only signs requests made in this process


class Command(BaseCommand):
    help = "Simulate an inbound SMS through the whole pipeline (console backend) and print the reply."

    def add_arguments(self, parser):
        parser.add_argument("body", help="The text, e.g. 'what are the signs'")
        parser.add_argument("--from", dest="from_number", default="+447700900123", help="Sender, E.164")
        parser.add_argument("--to", dest="to_number", default="+447700900000", help="Our number")
        parser.add_argument(
            "--channel",
            choices=Channel.values,
            default=Channel.SMS,
            help="sms, or whatsapp: sent as Twilio sends a WhatsApp message (whatsapp:+44...)",
        )

    def handle(self, *args, body: str, from_number: str, to_number: str, channel: str, **options):
        message_sid = "SM" + uuid.uuid4().hex
        token = settings.TWILIO_AUTH_TOKEN or SIMULATION_TOKEN
        path = reverse("sms:twilio-inbound")
        data = {
            "MessageSid": message_sid,
            "From": channels.address(channel, from_number),
            "To": channels.address(channel, to_number),
            "Body": body,
        }
        signature = RequestValidator(token).compute_signature(settings.PUBLIC_BASE_URL + path, data)

        was_eager = celery_app.conf.task_always_eager
        celery_app.conf.task_always_eager = True
        try:
            with override_settings(SMS_BACKEND="console", TWILIO_AUTH_TOKEN=token):
                request = RequestFactory().post(path, data, HTTP_X_TWILIO_SIGNATURE=signature)
                response = views.twilio_inbound(request)
        finally:
            celery_app.conf.task_always_eager = was_eager
        if response.status_code != 200:
            raise CommandError(f"webhook answered {response.status_code}: {response.content.decode()}")

        inbound = InboundMessage.objects.get(message_sid=message_sid)
        self.stdout.write(f"Channel: {inbound.get_channel_display()}")
        self.stdout.write(f"Outcome: {inbound.get_outcome_display()}")
        self.stdout.write(
            f"Screening: {inbound.get_screening_level_display()}"
            + (f", {inbound.get_screening_category_display()}" if inbound.screening_category else "")
        )
        for reason in inbound.screening_reasons.splitlines():
            self.stdout.write(f"  - {reason}")
        self.stdout.write(
            f"Topic: {inbound.topic.title if inbound.topic else '-'}; "
            f"question type: {inbound.intent.name if inbound.intent else '-'}"
        )
        for reason in inbound.understanding_reasons.splitlines():
            self.stdout.write(f"  - {reason}")
        if inbound.menu:
            names = dict(SmsIntent.objects.filter(slug__in=inbound.menu).values_list("slug", "name"))
            options = ", ".join(
                f"{n}={names.get(slug, slug)}" for n, slug in enumerate(inbound.menu, start=1)
            )
            self.stdout.write(f"Menu open for {settings.SMS_MENU_WINDOW_MINUTES} minutes: {options}")
        else:
            self.stdout.write("Menu: none open")
        if inbound.follow_up_id:
            self.stdout.write(f"Crisis follow-up: #{inbound.follow_up_id}")
        if inbound.needs_follow_up:
            self.stdout.write(f"Flagged for follow-up: {inbound.follow_up_reason}")
        reply = OutboundMessage.objects.filter(inbound=inbound).first()
        if reply is None:
            self.stdout.write("No reply sent.")
            return
        self.stdout.write("Reply:\n" + reply.body)
        if reply.channel == Channel.WHATSAPP:
            self.stdout.write(
                f"\nWhatsApp: {len(reply.body)} characters (limit {channels.WHATSAPP_MAX_CHARACTERS}); "
                f"status: {reply.get_status_display()}"
            )
            return
        self.stdout.write(
            f"\nEncoding: {reply.encoding}, {len(reply.body)} characters, "
            f"{reply.segments} segment{'s' if reply.segments != 1 else ''} "
            f"(limit {settings.SMS_MAX_SEGMENTS}); status: {reply.get_status_display()}"
        )
