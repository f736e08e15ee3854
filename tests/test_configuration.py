"""Bad configuration gives one clear line naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from config.errors import redact_url

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", **env}
    environment.pop("DJANGO_TRACEBACK", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_database_on_a_closed_port_gives_one_line_naming_the_variable():
    result = run_manage("migrate", "--noinput", DATABASE_URL="postgres://u:secret@127.0.0.1:1/nothing")

    assert result.returncode == 1
    first_line = result.stderr.splitlines()[0]
    assert first_line.startswith(
        "error: DATABASE_URL: cannot connect to postgres://u:***@127.0.0.1:1/nothing"
    )
    assert "secret" not in result.stderr
    assert "Traceback" not in result.stderr


def test_production_settings_refuse_to_start_without_secrets():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="",
        FIELD_ENCRYPTION_KEY="",
        PHONE_HASH_KEY="x",
    )

    assert result.returncode == 1
    assert "SECRET_KEY, FIELD_ENCRYPTION_KEY" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgres://user:pa:ss@db:5432/app", "postgres://user:***@db:5432/app"),
        ("redis://:token@cache:6379/0", "redis://:***@cache:6379/0"),
        ("postgres://user@db/app", "postgres://user@db/app"),
    ],
)
def test_redact_url_hides_passwords(url, expected):
    assert redact_url(url) == expected


@pytest.mark.django_db
def test_ensure_dev_superuser_creates_once_and_prints_credentials(settings):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    settings.DEBUG = True
    from io import StringIO

    first, second = StringIO(), StringIO()
    call_command("ensure_dev_superuser", stdout=first)
    call_command("ensure_dev_superuser", stdout=second)

    assert get_user_model().objects.filter(is_superuser=True).count() == 1
    assert "username 'admin', password 'admin'" in first.getvalue()
    assert "as 'admin'" in second.getvalue()


@pytest.mark.django_db
def test_ensure_dev_superuser_refuses_without_debug(settings):
    from django.core.management import CommandError, call_command

    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("ensure_dev_superuser")


def test_production_settings_refuse_twilio_backend_without_credentials():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="x" * 50,
        FIELD_ENCRYPTION_KEY="dGVzdC1maWVsZC1lbmNyeXB0aW9uLWtleS0zMmJ5dGU=",
        PHONE_HASH_KEY="x",
        SMS_BACKEND="twilio",
        TWILIO_AUTH_TOKEN="",
    )

    assert result.returncode == 1
    assert "SMS_BACKEND=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN" in result.stderr
