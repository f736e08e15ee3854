"""The SMS text area with a live length counter (sms/static/sms/js/sms_counter.js)."""

from __future__ import annotations

import json

from django import forms
from django.conf import settings

from sms import replies, segments, selectors


def longest_footer() -> str:
    footers = [replies.footer_for(helpline) for helpline in selectors.all_drugs_helplines()]
    return max(footers, key=lambda footer: segments.analyse(footer).units, default="")


class SmsReplyTextarea(forms.Textarea):
    """Passes the GSM-7 alphabet (from gsm0338), typographic replacements, the
    longest helpline footer and the segment budget to the counter script, so
    the browser counts exactly as `sms.segments` does.

    `with_footer=False` counts the text as written (a staff reply has no
    helpline footer and no topic summary to fall back on)."""

    class Media:
        js = ["sms/js/sms_counter.js"]

    def __init__(self, attrs=None, *, with_footer: bool = True):
        super().__init__(attrs)
        self.with_footer = with_footer

    def get_context(self, name, value, attrs):
        basic, extension = segments._alphabets()
        wording = (
            {
                "data-sms-counted-with": " with the helpline",
                "data-sms-empty": "Empty: the linked topic's SMS summary is used.",
            }
            if self.with_footer
            else {"data-sms-counted-with": "", "data-sms-empty": "Empty: nothing to send."}
        )
        attrs = {
            **(attrs or {}),
            **wording,
            "data-sms-counter": "",
            "data-sms-suffix": longest_footer() if self.with_footer else "",
            "data-sms-max-segments": str(settings.SMS_MAX_SEGMENTS),
            "data-gsm-basic": "".join(sorted(basic)),
            "data-gsm-extension": "".join(sorted(extension)),
            "data-sms-replacements": json.dumps(segments.TYPOGRAPHIC_REPLACEMENTS),
        }
        return super().get_context(name, value, attrs)
