"""Helpers for the data request and audit tests: staff members holding given
permissions, callback requests, and a stdout that keeps what commands wrote."""

from __future__ import annotations

import itertools

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Permission

from cms import phone_numbers
from cms.models import CallbackRequest

_serial = itertools.count(1)


def make_staff(*codenames: str, app_label: str = "sms"):
    """A staff member with admin access and these permissions of `app_label`."""
    if not Permission.objects.filter(codename="access_admin").exists():
        # An earlier transactional test flushed the tables, and with them the
        # permissions migrate made: make them again, as post_migrate does.
        for app_config in apps.get_app_configs():
            create_permissions(app_config, verbosity=0)
    user = get_user_model().objects.create_user(username=f"staff-{next(_serial)}", password="unused")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames),
    )
    return user


def callback_request(number: str, *, name: str, message: str = "") -> CallbackRequest:
    """As the public API stores one (api.services.callback_request_create).
    The API would refuse the test numbers (a fictional range), so they are
    read as the privacy look-up reads them."""
    e164 = phone_numbers.normalise_received(number)
    return CallbackRequest.objects.create(
        name=name, phone=e164, phone_hash=phone_numbers.phone_hash(e164), message=message, consent_given=True
    )


def assert_refused(response) -> None:
    """Wagtail turns a PermissionDenied into a redirect to the dashboard."""
    assert (response.status_code, response.url) == (302, "/admin/")


class Output:
    """A stdout for call_command that keeps what was written."""

    def __init__(self):
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass
