"""Who looked at or acted on whose personal data: entries in Wagtail's audit
log (`ModelLogEntry`), one action name per kind of access.

Texts are health data (GDPR Article 9), so reading a conversation, revealing
a number, exporting and erasing a person's data each leave an entry: who,
what, when. An entry points at the texter's `Sender` row by id and is titled
"Texter #12"; it never holds the number or the text, so the audit log itself
stays free of personal data, and keeps its meaning after an erasure (the id
then points at nothing).

Actions are registered with Wagtail through the `register_log_actions` hook
in sms/wagtail_hooks.py; `cms` registers its own (a callback request opened)
in cms/wagtail_hooks.py, since `cms` may not import `sms`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from sms.models import Sender

VIEW_CONVERSATION = "sms.privacy.view_conversation"
REVEAL_NUMBER = "sms.privacy.reveal_number"
EXPORT = "sms.privacy.export"
ERASE = "sms.privacy.erase"
# Registered by cms/wagtail_hooks.py (cms cannot import this module).
CALLBACK_REQUEST_VIEW = "cms.callback_request.view"

# action: (label in the report's filter, message in the report's rows)
SMS_ACTIONS = {
    VIEW_CONVERSATION: ("View a texter's conversation", "Viewed a texter's texts"),
    REVEAL_NUMBER: ("Reveal a texter's number", "Revealed a texter's full number"),
    EXPORT: ("Export a person's data", "Exported everything held about a number (subject access)"),
    ERASE: ("Erase a person's data", "Erased everything held about a number"),
}
PRIVACY_ACTIONS = (*SMS_ACTIONS, CALLBACK_REQUEST_VIEW)

# The subject of an export or erasure that never texted us: entries need an
# object id, and 0 matches no row (Wagtail's history views then show no link).
NOT_A_TEXTER_ID = 0


def register_actions(actions) -> None:
    """For the `register_log_actions` hook."""
    for action, (label, message) in SMS_ACTIONS.items():
        actions.register_action(action, label, message)


def texter_title(sender_id: int) -> str:
    """The entry's title: an id, never the number (not even masked)."""
    return f"Texter #{sender_id}" if sender_id else "Not a texter (callback requests only, or nothing held)"


def record(*, action: str, user, sender: Sender | None, data: dict | None = None) -> ModelLogEntry:
    """One entry about one texter (or, for an export or erasure of a number
    that never texted, about nobody in particular)."""
    subject = sender if sender is not None and sender.pk else Sender(pk=NOT_A_TEXTER_ID)
    return log(subject, action, user=user, title=texter_title(subject.pk), data=data or {})


def conversations_viewed(*, senders: Iterable[Sender], user, where: str) -> int:
    """A listing showed these people's texts: one entry per person, written in
    one query whatever the page size (the listings show up to 150 texts).

    `bulk_create` skips `full_clean`, which only checks the action is
    registered: these are (see the tests)."""
    sender_ids = sorted({sender.pk for sender in senders})
    if not sender_ids:
        return 0
    content_type = ContentType.objects.get_for_model(Sender)
    now, shared = timezone.now(), uuid.uuid4()
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type=content_type,
            object_id=str(sender_id),
            label=texter_title(sender_id),
            action=VIEW_CONVERSATION,
            user=user,
            uuid=shared,
            timestamp=now,
            data={"where": where},
        )
        for sender_id in sender_ids
    )
    return len(sender_ids)


def privacy_log_entries():
    """Every privacy entry, newest first, for the audit report."""
    return (
        ModelLogEntry.objects.filter(action__in=PRIVACY_ACTIONS)
        .select_related("user", "content_type")
        .order_by("-timestamp", "-id")
    )
