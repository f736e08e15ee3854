"""Encryption at rest: the Fernet helper with several keys, the field that
refuses look-ups by value, callback requests' names and messages, and the
migration that encrypts what earlier versions stored in plain."""

import importlib

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms import phone_numbers
from cms.models import CallbackRequest

# Keys made for this run only.
KEY_A = Fernet.generate_key().decode()
KEY_B = Fernet.generate_key().decode()
PHONE = "+447700900123"


def _callback(name="Quinn Example", message="About my brother's drinking", status=CallbackRequest.Status.NEW):
    return CallbackRequest.objects.create(
        name=name,
        phone=PHONE,
        phone_hash=phone_numbers.phone_hash(PHONE),
        message=message,
        status=status,
        consent_given=True,
    )


def _stored(pk: int) -> tuple[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, message FROM cms_callbackrequest WHERE id = %s", [pk])
        return cursor.fetchone()


# --- the helper --------------------------------------------------------------


def test_the_first_key_encrypts_and_every_key_decrypts(settings):
    settings.FIELD_ENCRYPTION_KEY = f"{KEY_B},{KEY_A}"

    token = phone_numbers.encrypt("took two of nan's pills")

    assert Fernet(KEY_B).decrypt(token.encode()) == b"took two of nan's pills"
    with pytest.raises(InvalidToken):
        Fernet(KEY_A).decrypt(token.encode())
    written_under_a = Fernet(KEY_A).encrypt(b"written before the change").decode()
    assert phone_numbers.decrypt(written_under_a) == "written before the change"
    assert phone_numbers.field_key_count() == 2


def test_spaces_around_the_keys_are_ignored(settings):
    settings.FIELD_ENCRYPTION_KEY = f" {KEY_B} ,\n{KEY_A} "

    assert phone_numbers.decrypt(Fernet(KEY_A).encrypt(b"hello").decode()) == "hello"
    assert Fernet(KEY_B).decrypt(phone_numbers.encrypt("hello").encode()) == b"hello"


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("not-a-key", "FIELD_ENCRYPTION_KEY must be a urlsafe base64-encoded 32-byte key"),
        (f"{KEY_B},not-a-key", "key 2 of 2 in FIELD_ENCRYPTION_KEY must be a urlsafe base64-encoded"),
        (f"{KEY_B},", "key 2 of 2 in FIELD_ENCRYPTION_KEY must be"),
        ("", "FIELD_ENCRYPTION_KEY is not set."),
    ],
)
def test_a_bad_key_setting_is_one_line_that_never_shows_a_key(settings, setting, expected):
    settings.FIELD_ENCRYPTION_KEY = setting

    with pytest.raises(ImproperlyConfigured) as raised:
        phone_numbers.encrypt("x")

    message = str(raised.value)
    assert message.startswith(expected)
    assert "\n" not in message
    assert "not-a-key" not in message and KEY_B not in message


def test_is_encrypted_tells_our_tokens_from_plain_text(settings):
    settings.FIELD_ENCRYPTION_KEY = f"{KEY_B},{KEY_A}"
    token = phone_numbers.encrypt("hello")
    foreign = Fernet(Fernet.generate_key()).encrypt(b"hello").decode()

    assert phone_numbers.is_encrypted(token)
    assert phone_numbers.is_encrypted(Fernet(KEY_A).encrypt(b"old key").decode())
    for plain in ["hello", "gAAAAAB" + "A" * 90, "café ☕ +447700900123", token[:-4], foreign]:
        assert not phone_numbers.is_encrypted(plain), plain


def test_rotate_moves_a_token_to_the_first_key_keeping_its_text(settings):
    settings.FIELD_ENCRYPTION_KEY = f"{KEY_B},{KEY_A}"
    old = Fernet(KEY_A).encrypt(b"under A").decode()

    new = phone_numbers.rotate(old)

    assert Fernet(KEY_B).decrypt(new.encode()) == b"under A"
    assert phone_numbers.rotate(new) is None  # already under the first key: nothing to do
    settings.FIELD_ENCRYPTION_KEY = KEY_B
    with pytest.raises(ImproperlyConfigured):
        phone_numbers.rotate(old)


# --- the field and callback requests -----------------------------------------


@pytest.mark.django_db
def test_callback_name_and_message_are_encrypted_at_rest_and_read_back_plain():
    request = _callback()

    name, message = _stored(request.pk)

    assert phone_numbers.is_encrypted(name) and phone_numbers.is_encrypted(message)
    assert "Quinn" not in name and "brother" not in message
    fresh = CallbackRequest.objects.get(pk=request.pk)
    assert (fresh.name, fresh.message) == ("Quinn Example", "About my brother's drinking")


@pytest.mark.django_db
def test_an_empty_message_is_stored_empty():
    request = _callback(message="")

    assert _stored(request.pk)[1] == ""
    assert CallbackRequest.objects.filter(message="").get() == request


@pytest.mark.django_db
def test_encrypted_fields_refuse_lookups_by_value_loudly():
    _callback()

    with pytest.raises(FieldError, match="name is encrypted"):
        CallbackRequest.objects.filter(name="Quinn Example").exists()
    with pytest.raises(FieldError):
        CallbackRequest.objects.filter(message__icontains="brother")
    with pytest.raises(FieldError):
        CallbackRequest.objects.filter(name__startswith="Quinn")
    assert CallbackRequest.objects.filter(message__isnull=False).count() == 1


@pytest.mark.django_db
def test_a_callback_request_str_never_holds_the_name():
    request = _callback()

    assert "Quinn" not in str(request)
    assert str(request) == f"Callback request {request.pk} (New)"


@pytest.mark.django_db
def test_editing_a_callback_leaves_an_audit_entry_without_the_name(admin_client):
    request = _callback()
    url = reverse("wagtailsnippets_cms_callbackrequest:edit", args=[request.pk])

    response = admin_client.post(url, {"status": "contacted"})

    assert response.status_code == 302
    entry = ModelLogEntry.objects.get(object_id=str(request.pk), action="wagtail.edit")
    assert "Quinn" not in entry.label and "Quinn" not in str(entry.data)
    request.refresh_from_db()
    assert (request.name, request.status) == ("Quinn Example", "contacted")


@pytest.mark.django_db
def test_the_callback_listing_shows_names_but_cannot_search_or_sort_by_them(admin_client):
    _callback()
    url = reverse("wagtailsnippets_cms_callbackrequest:list")

    content = admin_client.get(url).content.decode()

    assert "Quinn Example" in content
    assert "ordering=status" in content  # a sortable column offers the link...
    assert "ordering=name" not in content  # ...the encrypted name does not
    assert 'name="q"' not in content  # no search box
    # An ordering asked for by hand is ignored, not run against tokens.
    assert admin_client.get(url, {"ordering": "name"}).status_code == 200


# --- the migration -----------------------------------------------------------

BEFORE = [("cms", "0008_share_image")]
ENCRYPTING = ("cms", "0009_encrypt_callbacks")


def _migrate_to_latest():
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def callbacks_stored_in_plain():
    """Two requests as the previous version stored them (name and message in
    plain, the number already encrypted), and one already encrypted, as a
    half-finished earlier run would leave it; migrated forward afterwards."""
    MigrationExecutor(connection).migrate(BEFORE)
    token_name, token_message = phone_numbers.encrypt("Already Encrypted"), phone_numbers.encrypt("done")
    rows = [("Robin Plain", "Worried about my son"), ("Sam Plain", ""), (token_name, token_message)]
    with connection.cursor() as cursor:
        for name, message in rows:
            cursor.execute(
                "INSERT INTO cms_callbackrequest (name, phone, phone_hash, preferred_time, message, "
                "consent_given, status, created_at, updated_at) "
                "VALUES (%s, %s, %s, 'Evenings', %s, true, 'new', now(), now())",
                [name, phone_numbers.encrypt(PHONE), phone_numbers.phone_hash(PHONE), message],
            )
    try:
        yield token_name, token_message
    finally:
        _migrate_to_latest()


def _all_stored() -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, message FROM cms_callbackrequest ORDER BY id")
        return list(cursor.fetchall())


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_plain_callbacks_and_a_second_run_changes_nothing(callbacks_stored_in_plain):
    token_name, token_message = callbacks_stored_in_plain

    _migrate_to_latest()

    stored = _all_stored()
    assert all(phone_numbers.is_encrypted(name) for name, _ in stored)
    assert [message == "" or phone_numbers.is_encrypted(message) for _, message in stored] == [True] * 3
    assert stored[2] == (token_name, token_message)  # a token is never encrypted twice
    readable = [(r.name, r.message) for r in CallbackRequest.objects.order_by("pk")]
    assert readable == [
        ("Robin Plain", "Worried about my son"),
        ("Sam Plain", ""),
        ("Already Encrypted", "done"),
    ]

    migration = importlib.import_module("cms.migrations.0009_encrypt_callbacks")
    state_apps = MigrationExecutor(connection).loader.project_state(ENCRYPTING).apps
    migration.encrypt_plain_callbacks(state_apps, None)

    assert _all_stored() == stored


@pytest.mark.django_db(transaction=True)
def test_migrating_back_decrypts_callbacks_for_the_previous_version(callbacks_stored_in_plain):
    _migrate_to_latest()

    MigrationExecutor(connection).migrate(BEFORE)

    assert [name for name, _ in _all_stored()] == ["Robin Plain", "Sam Plain", "Already Encrypted"]
