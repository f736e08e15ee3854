"""Twilio webhooks. Thin: check the signature, validate, hand to a service.

Both views answer fast and never call Twilio or match keywords themselves:
the reply is made by a Celery task queued after the message is committed.
"""

from __future__ import annotations

import logging
from functools import wraps

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from cms.storable import storable
from sms import sending, services

logger = logging.getLogger(__name__)

INBOUND_REQUIRED_FIELDS = ("MessageSid", "From", "To", "Body")


def _signature_valid(request: HttpRequest) -> bool:
    # The URL Twilio signed is the public one (TLS ends at the proxy), so
    # rebuild it from PUBLIC_BASE_URL rather than trusting Host headers.
    url = settings.PUBLIC_BASE_URL + request.get_full_path()
    signature = request.headers.get("X-Twilio-Signature", "")
    if not signature or not settings.TWILIO_AUTH_TOKEN:
        return False
    validator = RequestValidator(settings.TWILIO_AUTH_TOKEN)
    # A URL fragment (Twilio's connection overrides, "#rc=3&rp=all") never
    # reaches us: accept a signature over the URL as configured in Twilio,
    # with the fragment, as well as without it.
    urls = [url]
    if settings.TWILIO_WEBHOOK_URL_FRAGMENT:
        urls.append(f"{url}#{settings.TWILIO_WEBHOOK_URL_FRAGMENT.lstrip('#')}")
    return any(validator.validate(candidate, request.POST, signature) for candidate in urls)


def twilio_signed(view):
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if settings.TWILIO_VALIDATE_SIGNATURE and not _signature_valid(request):
            logger.warning("Rejected %s: missing or invalid X-Twilio-Signature", request.path)
            return HttpResponseForbidden("Invalid signature")
        return view(request, *args, **kwargs)

    return csrf_exempt(require_POST(wrapper))


def _empty_twiml() -> HttpResponse:
    return HttpResponse(str(MessagingResponse()), content_type="text/xml")


@twilio_signed
def twilio_inbound(request: HttpRequest) -> HttpResponse:
    missing = [name for name in INBOUND_REQUIRED_FIELDS if name not in request.POST]
    if missing:
        return HttpResponseBadRequest(f"Missing fields: {', '.join(missing)}")
    # After the signature check, which is over the fields exactly as sent.
    fields = {name: storable(request.POST[name]) for name in INBOUND_REQUIRED_FIELDS}
    if not fields["MessageSid"] or not fields["From"]:
        return HttpResponseBadRequest("Missing fields: MessageSid/From")
    _receive_retrying_once(
        message_sid=fields["MessageSid"],
        from_number=fields["From"],
        to_number=fields["To"],
        body=fields["Body"],
    )
    return _empty_twiml()


def _receive_retrying_once(**fields: str) -> None:
    """Store the text; on a dropped database connection, once more on a
    fresh one. Twilio does not retry an SMS webhook by default, so a 500
    here loses the text. Storing twice is harmless: the MessageSid is
    unique and a duplicate is ignored."""
    try:
        services.inbound_message_receive(**fields)
    except (OperationalError, InterfaceError):
        logger.warning("Database error while storing a text; trying once more on a fresh connection")
        connection.close()
        services.inbound_message_receive(**fields)


@twilio_signed
def twilio_status(request: HttpRequest) -> HttpResponse:
    sid, status, error_code = (
        storable(request.POST.get(name, "")) for name in ("MessageSid", "MessageStatus", "ErrorCode")
    )
    if not sid or not status:
        return HttpResponseBadRequest("Missing fields: MessageSid, MessageStatus")
    sending.outbound_status_update(sid=sid, status=status, error_code=error_code)
    return HttpResponse(status=200)
