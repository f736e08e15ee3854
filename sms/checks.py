"""Deploy-time checks (`manage.py check --deploy`) for the SMS helpline.

Settings that are valid but dangerous in production warn here rather than
refusing to start: the site still works, but someone should look.
"""

from __future__ import annotations

from django.conf import settings
from django.core import checks


@checks.register("sms", deploy=True)
def check_oncall_emails(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Live texts with nobody to alert: a crisis text would go unseen."""
    if settings.SMS_BACKEND != "twilio" or settings.SMS_ONCALL_EMAILS:
        return []
    return [
        checks.Warning(
            "SMS_BACKEND is 'twilio' but SMS_ONCALL_EMAILS is empty: texts that look "
            "like a crisis will alert nobody.",
            hint="Set SMS_ONCALL_EMAILS to a comma-separated list of on-call addresses.",
            id="sms.W001",
        )
    ]
