"""`load_demo_content` with DEBUG on creates one sample account per staff
group and prints how to log in; with DEBUG off it creates none."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from cms.demo.loader import DEMO_ACCOUNTS, demo_accounts_ensure, demo_accounts_report

pytestmark = pytest.mark.django_db

GROUPS = {
    "demo-editor": "Editors",
    "demo-reviewer": "Clinical reviewers",
    "demo-admissions": "Admissions",
    "demo-sms-staff": "SMS helpline staff",
}


def _report() -> str:
    out = io.StringIO()
    demo_accounts_report(stdout=out)
    return out.getvalue()


def test_one_account_per_group_with_a_printed_password_that_logs_in(settings, client):
    settings.DEBUG = True
    output = _report()

    users = get_user_model().objects.filter(username__in=GROUPS).prefetch_related("groups")
    assert {user.username: [g.name for g in user.groups.all()] for user in users} == {
        username: [group] for username, group in GROUPS.items()
    }
    passwords = dict(re.findall(r"username '([\w-]+)', password '([^']+)'", output))
    assert sorted(passwords) == sorted(GROUPS)
    assert len(set(passwords.values())) == len(GROUPS)  # generated, not one shared password
    for username, password in passwords.items():
        assert client.login(username=username, password=password), username
        assert client.get("/admin/").status_code == 200, username  # each group may use the admin
        client.logout()


def test_a_second_run_creates_nothing_and_prints_no_password(settings):
    settings.DEBUG = True
    demo_accounts_ensure()
    before = {u.username: u.password for u in get_user_model().objects.all()}

    output = _report()

    assert {u.username: u.password for u in get_user_model().objects.all()} == before
    assert "password '" not in output
    for username in GROUPS:
        assert f"username '{username}' (already existed" in output


def test_refused_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(RuntimeError, match="DEBUG"):
        demo_accounts_ensure()
    assert "not created" in _report()
    assert not get_user_model().objects.filter(username__in=GROUPS).exists()


def test_the_reviewer_account_gets_the_demo_reviewers_reminders():
    from cms.demo.people_helplines import PEOPLE

    reviewer = next(p for p in PEOPLE if p["name"] == "Sample Reviewer")
    assert dict((a[0], a[4]) for a in DEMO_ACCOUNTS)["demo-reviewer"] == reviewer["email"]


def test_load_demo_content_prints_the_accounts(settings, tmp_path):
    settings.DEBUG = True
    settings.MEDIA_ROOT = str(tmp_path / "media")
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert "username 'demo-reviewer', password '" in out.getvalue()
    assert get_user_model().objects.filter(username__in=GROUPS).count() == len(GROUPS)
