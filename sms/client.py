"""Outbound SMS backends: `twilio` (the SDK) and `console` (log + record).

A WhatsApp reply goes through the same Messages API, from
TWILIO_WHATSAPP_FROM, with `whatsapp:` on both addresses (sms.channels).

`TWILIO_API_BASE_URL` points the real SDK at another host (tests run a local
fake Twilio): twilio-python builds absolute `https://api.twilio.com/...` URLs
per domain, so the one place to redirect them is its HTTP client, which we
subclass to rewrite scheme and host before each request.
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import requests
from django.conf import settings
from django.urls import reverse
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client
from urllib3.exceptions import NewConnectionError

from cms import phone_numbers
from sms import channels
from sms.models import Channel

logger = logging.getLogger(__name__)

HTTP_TIMEOUT_SECONDS = 10
OPTED_OUT_ERROR_CODE = 21610  # "Attempt to send to unsubscribed recipient"
UNKNOWN_OUTCOME = "unknown"  # our code: Twilio may or may not have the message


@dataclass(frozen=True)
class SendResult:
    sid: str
    status: str


class SendError(Exception):
    """Sending failed. `retryable` for 429, 5xx and connection errors."""

    def __init__(self, message: str, *, retryable: bool, code: str = "", status: int | None = None):
        super().__init__(message)
        self.retryable = retryable
        self.code = code
        self.status = status


class BaseUrlHttpClient(TwilioHttpClient):
    """TwilioHttpClient that sends every request to `base_url` instead."""

    def __init__(self, base_url: str, **kwargs):
        super().__init__(**kwargs)
        self.base = urlsplit(base_url)

    def request(self, method, url, *args, **kwargs):
        parts = urlsplit(url)
        url = urlunsplit(
            parts._replace(
                scheme=self.base.scheme,
                netloc=self.base.netloc,
                path=self.base.path.rstrip("/") + parts.path,
            )
        )
        return super().request(method, url, *args, **kwargs)


def _never_reached_twilio(exc: requests.RequestException) -> bool:
    """True when the connection itself failed (refused, DNS, connect
    timeout), so Twilio cannot have received the message: safe to retry."""
    if isinstance(exc, requests.ConnectTimeout):
        return True
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(exc, requests.ConnectionError) and isinstance(reason, NewConnectionError)


def twilio_client() -> Client:
    """This process's Twilio client. One per process and settings: each
    send then reuses its HTTP session and kept-alive connection instead of
    building a client and a TLS connection per reply."""
    return _twilio_client(
        # Keyed on the process: a pool process forked from one that had
        # a client builds its own rather than share the parent's sockets.
        pid=os.getpid(),
        account_sid=settings.TWILIO_ACCOUNT_SID,
        auth_token=settings.TWILIO_AUTH_TOKEN,
        base_url=settings.TWILIO_API_BASE_URL,
    )


# A few entries: settings change in tests (each fake Twilio has its own port).
@functools.lru_cache(maxsize=4)
def _twilio_client(*, pid: int, account_sid: str, auth_token: str, base_url: str) -> Client:
    http_client = (
        BaseUrlHttpClient(base_url, timeout=HTTP_TIMEOUT_SECONDS)
        if base_url
        else TwilioHttpClient(timeout=HTTP_TIMEOUT_SECONDS)
    )
    return Client(account_sid, auth_token, http_client=http_client)


def status_callback_url() -> str:
    return settings.PUBLIC_BASE_URL + reverse("sms:twilio-status")


def _twilio_sender(channel: str) -> dict[str, str]:
    if channel == Channel.WHATSAPP:
        if not settings.TWILIO_WHATSAPP_FROM:
            raise SendError("TWILIO_WHATSAPP_FROM is not set: cannot answer on WhatsApp", retryable=False)
        return {"from_": channels.address(Channel.WHATSAPP, settings.TWILIO_WHATSAPP_FROM)}
    if settings.TWILIO_MESSAGING_SERVICE_SID:
        return {"messaging_service_sid": settings.TWILIO_MESSAGING_SERVICE_SID}
    return {"from_": settings.TWILIO_FROM_NUMBER}


def _send_twilio(*, to: str, body: str, channel: str) -> SendResult:
    sender = _twilio_sender(channel)
    try:
        message = twilio_client().messages.create(
            to=channels.address(channel, to), body=body, status_callback=status_callback_url(), **sender
        )
    except TwilioRestException as exc:
        retryable = exc.status == 429 or exc.status >= 500
        raise SendError(
            f"Twilio {exc.status}: {exc.msg}",
            retryable=retryable,
            code=str(exc.code or ""),
            status=exc.status,
        ) from exc
    except requests.RequestException as exc:
        if _never_reached_twilio(exc):
            raise SendError(f"connection error: {type(exc).__name__}", retryable=True) from exc
        # The request may have reached Twilio (read timeout, connection dropped
        # mid-answer): a retry could send it twice, so a person checks instead.
        raise SendError(
            f"no answer from Twilio: {type(exc).__name__}", retryable=False, code=UNKNOWN_OUTCOME
        ) from exc
    return SendResult(sid=message.sid, status=message.status or "queued")


def _send_console(*, to: str, body: str, channel: str) -> SendResult:
    # Never the body: a reply tells what someone asked about, a crisis reply
    # that they are in crisis (`sms_simulate` and the admin show replies).
    # The number is masked here; the logging filter would catch it anyway.
    logger.info(
        "%s to %s (console backend, not sent): %s characters",
        Channel(channel).label,
        phone_numbers.mask(to),
        len(body),
    )
    return SendResult(sid="", status="logged")


def send(*, to: str, body: str, channel: str = Channel.SMS) -> SendResult:
    """Send `body` to the E.164 number `to` on `channel`."""
    if settings.SMS_BACKEND == "twilio":
        return _send_twilio(to=to, body=body, channel=channel)
    if settings.SMS_BACKEND == "console":
        return _send_console(to=to, body=body, channel=channel)
    raise SendError(f"unknown SMS_BACKEND {settings.SMS_BACKEND!r}", retryable=False)
