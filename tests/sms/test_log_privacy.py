"""What people text never reaches a log, nor does their number.

The masking filter catches numbers that slip into a log line; nothing can
catch a message body, so the code must never log one. Two checks: texts
(an answer, an emergency, an opt-out, a reply Twilio refuses with an error
that names the number) go through the webhook and the whole pipeline in
process, and nothing logged holds their words; and a scan of our source
finds no log call that passes a body, a request's POST data, a number or
the screening reasons that quote a text.

The worker's side, in a real process, is tests/integration/test_worker_logs_are_private.py.
"""

from __future__ import annotations

import ast
import logging
from pathlib import Path

import phonenumbers
import pytest

from sms.models import OutboundMessage
from tests.sms.conftest import INBOUND_PATH

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]

# Ofcom drama-range numbers and words no reply or log line would hold.
TEXTS = {
    "+447700900456": "how can i tell if my flatmate Quillan is on ket",
    "+447700900789": (
        "my boyf Tiberius did loads of k n now i cant get him to wake up, hes making a weird snoring noise"
    ),
    "+447700900321": "STOP",
}
MARKERS = ["Quillan", "Tiberius", "snoring"]


def number_forms(e164: str) -> list[str]:
    """The ways a number could be written into a log line."""
    parsed = phonenumbers.parse(e164)
    national = phonenumbers.national_significant_number(parsed)
    return [
        e164,
        e164.removeprefix("+"),
        national,
        phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
        phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL),
    ]


def assert_private(logged: str, *, numbers, bodies, replies) -> None:
    for e164 in numbers:
        for form in number_forms(e164):
            assert form not in logged, f"a form of the number {e164!r} was logged"
    for body in bodies:
        assert body not in logged, "a message body was logged"
    for marker in MARKERS:
        assert marker not in logged, f"a word of a text ({marker}) was logged"
    for reply in replies:
        first_line = reply.splitlines()[0]
        assert first_line not in logged, "a reply was logged"


def test_texts_through_the_pipeline_leave_no_body_and_no_number_in_the_log(
    text_in, sms_content, post_signed, caplog, settings
):
    settings.SMS_ONCALL_EMAILS = ["oncall@example.org"]
    caplog.set_level(logging.DEBUG)

    inbound = [text_in(body, sender=sender) for sender, body in TEXTS.items()]
    # A request the webhook refuses: Django logs it, by its path only.
    refused = post_signed(INBOUND_PATH, {"From": "+447700900654", "To": "+447700900000", "Body": "Quillan"})

    assert refused.status_code == 400
    logged = caplog.text
    # The pipeline did log about these texts (by their SIDs): the check below
    # is about what those lines hold.
    for message in inbound:
        assert message.message_sid in logged
    replies = [reply.body for reply in OutboundMessage.objects.all()]
    assert len(replies) >= 2
    assert_private(logged, numbers=[*TEXTS, "+447700900654"], bodies=TEXTS.values(), replies=replies)


def test_a_twilio_error_naming_the_number_is_logged_masked(
    text_in, sms_content, twilio_backend, fake_twilio, caplog
):
    caplog.set_level(logging.DEBUG)
    fake_twilio.respond((400, 21211))  # "the 'To' number +44... is not a valid phone number"

    text_in(TEXTS["+447700900456"], sender="+447700900456")

    [request] = fake_twilio.messages()
    assert request.status == 400
    logged = caplog.text
    assert "is not a valid phone number" in logged
    assert "[phone ***456]" in logged
    assert_private(
        logged,
        numbers=["+447700900456"],
        bodies=[TEXTS["+447700900456"]],
        replies=[reply.body for reply in OutboundMessage.objects.all()],
    )


# --- No log call in our code passes a text ----------------------------------

LOG_METHODS = {"debug", "info", "warning", "warn", "error", "exception", "critical", "log"}
LOGGER_NAMES = {"logger", "logging", "log", "self.logger"}
# Names whose values are what someone texted or typed, their number, or a
# request's raw fields.
SENSITIVE = {"body", "Body", "POST", "phone", "from_number", "screening_reasons", "understanding_reasons"}
# Calls that reduce such a value to something safe to log.
REDUCING = {"len", "mask", "bool", "type"}
SOURCE_DIRS = ["api", "cms", "sms", "config"]


def _sensitive_names(node: ast.AST) -> list[str]:
    """Sensitive names `node` reads, outside calls that reduce them."""
    found = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.Call):
            called = (
                current.func.attr
                if isinstance(current.func, ast.Attribute)
                else getattr(current.func, "id", "")
            )
            if called in REDUCING:
                continue
        if isinstance(current, ast.Name) and current.id in SENSITIVE:
            found.append(current.id)
        if isinstance(current, ast.Attribute) and current.attr in SENSITIVE:
            found.append(current.attr)
        stack.extend(ast.iter_child_nodes(current))
    return found


def log_calls_passing_texts(source: str, filename: str = "<source>") -> list[str]:
    """`file:line name` for each log call whose arguments read a sensitive name."""
    problems = []
    for node in ast.walk(ast.parse(source, filename)):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in LOG_METHODS
            and ast.unparse(node.func.value) in LOGGER_NAMES
        ):
            continue
        for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
            problems += [f"{filename}:{node.lineno} {name}" for name in _sensitive_names(argument)]
    return problems


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ('logger.info("SMS to %s:\\n%s", phone_numbers.mask(to), body)', ["<source>:1 body"]),
        ('logger.warning("Rejected %s", request.POST)', ["<source>:1 POST"]),
        ('logger.info(f"from {sender.phone}")', ["<source>:1 phone"]),
        ('logging.error("reasons: %s", inbound.screening_reasons)', ["<source>:1 screening_reasons"]),
        ('logger.info("SMS to %s: %s characters", phone_numbers.mask(to), len(body))', []),
        ('logger.info("SMS %s: %s", inbound.message_sid, decision.outcome)', []),
        ("print(body)", []),
    ],
)
def test_the_scan_finds_log_calls_that_pass_a_text(source, found):
    assert log_calls_passing_texts(source) == found


def test_no_log_call_in_our_code_passes_a_text():
    files = [
        path
        for directory in SOURCE_DIRS
        for path in sorted((ROOT / directory).rglob("*.py"))
        if "migrations" not in path.parts
    ]
    assert len(files) > 50
    problems = [
        problem
        for path in files
        for problem in log_calls_passing_texts(path.read_text(), str(path.relative_to(ROOT)))
    ]
    assert problems == []
