"""`manage.py check --deploy` warns when live texts have nobody to alert."""

from django.core.checks import run_checks

from sms.checks import check_oncall_emails


def test_twilio_without_oncall_emails_warns(settings):
    settings.SMS_BACKEND = "twilio"
    settings.SMS_ONCALL_EMAILS = []

    [warning] = check_oncall_emails()

    assert warning.id == "sms.W001"
    assert warning.is_serious() is False  # a warning, not an error
    assert "SMS_ONCALL_EMAILS" in warning.msg
    assert "SMS_ONCALL_EMAILS" in warning.hint


def test_twilio_with_oncall_emails_is_silent(settings):
    settings.SMS_BACKEND = "twilio"
    settings.SMS_ONCALL_EMAILS = ["oncall@example.org"]

    assert check_oncall_emails() == []


def test_console_backend_without_oncall_emails_is_silent(settings):
    settings.SMS_BACKEND = "console"
    settings.SMS_ONCALL_EMAILS = []

    assert check_oncall_emails() == []


def test_check_is_registered_for_deploy_only(settings):
    settings.SMS_BACKEND = "twilio"
    settings.SMS_ONCALL_EMAILS = []

    deploy_ids = [message.id for message in run_checks(include_deployment_checks=True)]
    plain_ids = [message.id for message in run_checks()]

    assert "sms.W001" in deploy_ids
    assert "sms.W001" not in plain_ids
