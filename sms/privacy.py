"""Subject access and erasure: everything held about one phone number.

GDPR gives a person the right to a copy of their data (Article 15) and to
have it erased (Article 17). Staff answer with `privacy_export` /
`privacy_erase` (management commands) or the same forms in the admin.

A number is found by its keyed HMAC (`cms.phone_numbers.phone_hash`), the
way it was stored: never by decrypting and scanning. What is held about it:

- the texter (`Sender`, one per channel the number used: SMS, WhatsApp): the
  number, its country, opt-out state, the inbox conversation's state;
- their texts and our replies, with how each text was read (outcome, topic,
  screening) and any staff label;
- their crisis follow-ups, and staff's notes in their conversations;
- their callback requests (`cms.CallbackRequest`, matched by the same hash);
- screener examples that staff promoted from their texts (the text, copied).

Erasure deletes all of it in one transaction. Entries in the audit log stay
(they hold ids, never numbers or texts); Wagtail's own entries about an erased
callback request are retitled, since those written before issue 12 carry the
person's name. Both actions leave an audit entry of their own (sms.audit).
"""

from __future__ import annotations

import contextlib
import dataclasses
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms import phone_numbers
from cms.models import CallbackRequest
from sms import audit
from sms.models import (
    ConversationNote,
    CrisisExample,
    FollowUp,
    InboundMessage,
    OutboundMessage,
    ScreeningLabel,
    Sender,
)

# What staff type to confirm an erasure (command and admin alike).
CONFIRM_WORD = "erase"


def is_confirmed(answer: str) -> bool:
    """The person asking typed the confirmation word (any case, spaces around)."""
    return answer.strip().lower() == CONFIRM_WORD


class ErasureInterrupted(Exception):
    """A new text from the number arrived while it was being erased; nothing
    was erased. Running the erasure again finishes it."""


@dataclasses.dataclass(frozen=True)
class PersonalData:
    """Everything held about one number, read through the ORM (encrypted
    fields arrive decrypted)."""

    number: str
    senders: list[Sender]  # one per channel (SMS, WhatsApp) the number used
    texts: list[InboundMessage]
    replies: list[OutboundMessage]
    follow_ups: list[FollowUp]
    notes: list[ConversationNote]
    callback_requests: list[CallbackRequest]
    example_ids: list[int]

    @property
    def sender(self) -> Sender | None:
        """The first (the one an audit entry names; the others are listed in it)."""
        return self.senders[0] if self.senders else None

    def counts(self) -> dict[str, int]:
        return {
            "texter": len(self.senders),
            "texts": len(self.texts),
            "replies": len(self.replies),
            "crisis_follow_ups": len(self.follow_ups),
            "conversation_notes": len(self.notes),
            "callback_requests": len(self.callback_requests),
            "screener_examples": len(self.example_ids),
        }

    @property
    def is_empty(self) -> bool:
        return not any(self.counts().values())


def describe_counts(counts: dict[str, int]) -> str:
    """{"texter": 1, "texts": 3, "replies": 0, ...} -> "1 texter, 3 texts"."""
    held = [f"{count} {name.replace('_', ' ')}" for name, count in counts.items() if count]
    return ", ".join(held) if held else "nothing held"


def personal_data_find(*, number: str) -> PersonalData:
    """Everything held about `number` (typed any way), on every channel, in
    six queries however much there is."""
    e164 = phone_numbers.normalise_received(number)
    digest = phone_numbers.phone_hash(e164)
    senders = list(Sender.objects.filter(phone_hash=digest).order_by("created_at", "pk"))
    return _collect(e164=e164, digest=digest, senders=senders)


def personal_data_of(*, sender: Sender) -> PersonalData:
    """Everything held about a texter's number on their channel (the admin's
    conversation page)."""
    return _collect(e164=sender.phone, digest=sender.phone_hash, senders=[sender])


def _collect(*, e164: str, digest: str, senders: list[Sender]) -> PersonalData:
    texts, replies, follow_ups, notes, example_ids = [], [], [], [], []
    if senders:
        texts = list(
            InboundMessage.objects.filter(sender__in=senders)
            .select_related("topic", "intent", "screening_label", "reply")
            .order_by("received_at", "pk")
        )
        replies = list(OutboundMessage.objects.filter(sender__in=senders).order_by("created_at", "pk"))
        follow_ups = list(FollowUp.objects.filter(sender__in=senders).order_by("opened_at", "pk"))
        notes = list(ConversationNote.objects.filter(sender__in=senders).order_by("created_at", "pk"))
        example_ids = sorted(label.example_id for label in _labels(texts) if label.example_id is not None)
    callback_requests = list(CallbackRequest.objects.filter(phone_hash=digest).order_by("created_at", "pk"))
    return PersonalData(
        number=e164,
        senders=senders,
        texts=texts,
        replies=replies,
        follow_ups=follow_ups,
        notes=notes,
        callback_requests=callback_requests,
        example_ids=example_ids,
    )


def _labels(texts: list[InboundMessage]) -> list[ScreeningLabel]:
    labels = []
    for text in texts:
        with contextlib.suppress(ScreeningLabel.DoesNotExist):
            labels.append(text.screening_label)
    return labels


# --- Export -----------------------------------------------------------------

# Not the person's data: the keyed digest is derived from the number (which is
# exported), and which staff member handled or labelled a text is staff data.
_NOT_EXPORTED = {"phone_hash"}


def _fields(instance: models.Model, *, skip: set[str] = frozenset()) -> dict[str, Any]:
    """Every stored field of a row, so a field added later is exported
    without anyone remembering to add it here. Relations are given as ids;
    relations to staff users are left out."""
    row = {}
    for field in instance._meta.concrete_fields:
        if field.name in _NOT_EXPORTED or field.name in skip:
            continue
        if field.is_relation:
            if field.related_model is get_user_model():
                continue
            row[field.attname] = getattr(instance, field.attname)
        else:
            row[field.name] = field.value_from_object(instance)
    return row


def _text(text: InboundMessage) -> dict[str, Any]:
    row = _fields(text, skip={"sender"})
    row["topic"] = text.topic.title if text.topic else None
    row["question_type"] = text.intent.name if text.intent else None
    labels = _labels([text])
    row["staff_label"] = _fields(labels[0], skip={"inbound"}) if labels else None
    return row


def personal_data_document(data: PersonalData) -> dict[str, Any]:
    """The export as a JSON-ready dict (datetimes need DjangoJSONEncoder)."""
    return {
        "about": {
            "number": data.number,
            "generated_at": timezone.now(),
            "counts": data.counts(),
            "notes": [
                "Everything this helpline holds about the number above.",
                "Numbers, texts and callback details are stored encrypted; they are shown here in plain.",
                "Staff members' names are left out; ids link texts, replies and follow-ups.",
            ],
        },
        "texter": _fields(data.sender) if data.sender else None,
        # Every channel the number used (the first is "texter" above).
        "texters": [_fields(sender) for sender in data.senders],
        "texts": [_text(text) for text in data.texts],
        "replies": [_fields(reply, skip={"sender"}) for reply in data.replies],
        "crisis_follow_ups": [_fields(follow_up, skip={"sender"}) for follow_up in data.follow_ups],
        "conversation_notes": [_fields(note, skip={"sender"}) for note in data.notes],
        "callback_requests": [_fields(request) for request in data.callback_requests],
    }


def personal_data_export(*, number: str, user=None, via: str) -> dict[str, Any]:
    """Everything held about `number`, as a document; audited (who, when,
    how much, never the number). `via` says where it was asked for."""
    data = personal_data_find(number=number)
    audit.record(action=audit.EXPORT, user=user, sender=data.sender, data=_audit_data(data, via=via))
    return personal_data_document(data)


def _audit_data(data: PersonalData, *, via: str) -> dict[str, Any]:
    return {
        "via": via,
        **data.counts(),
        "callback_request_ids": [request.pk for request in data.callback_requests],
        "texter_ids": [sender.pk for sender in data.senders],
    }


# --- Erasure ----------------------------------------------------------------


def personal_data_erase(*, number: str, user=None, via: str) -> dict[str, int]:
    """Delete everything held about `number`; returns what went (counts).

    Other people's rows are untouched: everything is selected by this
    number's sender or hash. The audit entry is written in the same
    transaction, so an erasure is never unrecorded, nor recorded but undone.
    """
    try:
        with transaction.atomic():
            data = personal_data_find(number=number)
            audit.record(action=audit.ERASE, user=user, sender=data.sender, data=_audit_data(data, via=via))
            _delete(data)
    except (models.ProtectedError, IntegrityError) as exc:
        raise ErasureInterrupted("A new text arrived from this number while erasing: run it again.") from exc
    return data.counts()


def _delete(data: PersonalData) -> None:
    senders = data.senders
    if senders:
        # Children first: replies and texts PROTECT their sender (and texts
        # their replies); staff labels go with their texts, notes with the sender.
        OutboundMessage.objects.filter(sender__in=senders).delete()
        InboundMessage.objects.filter(sender__in=senders).delete()
        FollowUp.objects.filter(sender__in=senders).delete()
        CrisisExample.objects.filter(pk__in=data.example_ids).delete()
        Sender.objects.filter(pk__in=[sender.pk for sender in senders]).delete()
    request_ids = [request.pk for request in data.callback_requests]
    if request_ids:
        CallbackRequest.objects.filter(pk__in=request_ids).delete()
        _retitle_log_entries(CallbackRequest, request_ids)


def _retitle_log_entries(model: type[models.Model], ids: list[int]) -> None:
    """Wagtail titles its own entries (e.g. "edited") with `str(instance)`,
    which for a callback request included the person's name until it was
    changed; entries written before then still do."""
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=[str(pk) for pk in ids]
    ).update(
        label=Concat(Value(f"{model._meta.verbose_name.capitalize()} #"), F("object_id"), Value(" (erased)"))
    )


# --- Revealing a number -------------------------------------------------------


def number_reveal(*, sender: Sender, user) -> str:
    """A texter's full number, for staff who must call them (safeguarding);
    audited."""
    audit.record(action=audit.REVEAL_NUMBER, user=user, sender=sender)
    return sender.phone
