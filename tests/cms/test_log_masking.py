"""The log filter that masks phone numbers (cms.phone_numbers).

Every number-shaped run is masked, in whatever format it reaches a log line:
spaced, bracketed, international or national, behind ``whatsapp:``, or
form-encoded as Twilio posts it. Identifiers that are digits and dashes but
no number stay whole, above all Celery's task ids, so a task can be traced
through the worker's log. The filter also covers what a formatter adds after
filters run: a logged exception's traceback and a stack.

The numbers here are from Ofcom's drama ranges (07700 900xxx) or plainly
made up; none is anyone's.
"""

from __future__ import annotations

import io
import logging
import random
import re
import uuid

import pytest

from cms.phone_numbers import PhoneNumberMaskingFilter, mask_phone_numbers_in

NUMBER = "+447700900456"
NATIONAL_DIGITS = "7700900456"
TASK_ID = "5f3c1a2e-1234-4567-89ab-123456789012"
MASK = re.compile(r"\[phone \*\*\*\d{3}\]")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # E.164 and the ways people and systems write it.
        ("+447700900456", "[phone ***456]"),
        ("+44 7700 900456", "[phone ***456]"),
        ("+44 7700 900 456", "[phone ***456]"),
        ("447700900456", "[phone ***456]"),
        ("07700900456", "[phone ***456]"),
        ("07700 900456", "[phone ***456]"),
        ("07700 900 456", "[phone ***456]"),
        ("07700-900-456", "[phone ***456]"),
        ("07700.900.456", "[phone ***456]"),
        ("+44 (0) 7700 900456", "[phone ***456]"),
        ("+44 (0)7700 900456", "[phone ***456]"),
        ("(07700) 900456", "([phone ***456]"),
        ("+1 (415) 555-0100", "[phone ***100]"),
        ("+1-415-555-0100", "[phone ***100]"),
        ("415.555.0100", "[phone ***100]"),
        ("+33 6 12 34 56 78", "[phone ***678]"),
        ("+91 98765 43210", "[phone ***210]"),
        # Behind a scheme, a key or glued to a word by its +.
        ("whatsapp:+447700900456", "whatsapp:[phone ***456]"),
        ("whatsapp:+44 7700 900456", "whatsapp:[phone ***456]"),
        ("tel:+447700900456", "tel:[phone ***456]"),
        ("sender+447700900456", "sender[phone ***456]"),
        ("{'From': '+447700900456'}", "{'From': '[phone ***456]'}"),
        # Form-encoded, as Twilio posts it: %2B for +, %20 or + for a space.
        ("From=%2B447700900456&To=%2B447700900000", "From=[phone ***456]&To=[phone ***000]"),
        ("From=%2b447700900456", "From=[phone ***456]"),
        ("%2B44%207700%20900456", "[phone ***456]"),
        ("%2B44+7700+900456", "[phone ***456]"),
        # Inside sentences, punctuation and several lines.
        ("texter +447700900456.", "texter [phone ***456]."),
        ("call 07700900456, or 07700900123", "call [phone ***456], or [phone ***123]"),
        ("first line\n07700900456\nlast line", "first line\n[phone ***456]\nlast line"),
        ("(+447700900456)", "([phone ***456])"),
        # Digits of other scripts are digits.
        ("٠٧٧٠٠٩٠٠٤٥٦", "[phone ***٤٥٦]"),
    ],
)
def test_number_shaped_runs_are_masked(text, expected):
    assert mask_phone_numbers_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Celery task ids, as the worker logs them, in any case and wrapping.
        f"Task sms.tasks.process_inbound[{TASK_ID}] received",
        f"Task sms.tasks.send_outbound[{TASK_ID}] succeeded in 0.0123456789s: None",
        TASK_ID,
        TASK_ID.upper(),
        f"({TASK_ID})",
        f"'{TASK_ID}'",
        f"celery-task-meta-{TASK_ID}",
        # A UUID can be all digits: still a UUID, never a number.
        "Task x[12345678-1234-1234-1234-123456789012] received",
        "id 123 12345678-1234-1234-1234-123456789012",
        # Twilio SIDs: two letters and 32 hex digits, even when they are all digits.
        "SMS SM9d1c12faf5034d83b42da02e374d7531 already received",
        "SM00000000000000000000000000000001",
        "MG1234567890abcdef1234567890abcdef",
        "AC00000000000000000000000000000000",
        # Hex tokens and digests.
        "5f3c1a2e1234456789ab123456789012",
        "1234567890abcdef1234567890abcdef",
        "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        # Short numbers that are not personal: codes, ports, helplines, times.
        "Twilio 400: error 21211",
        "redis://127.0.0.1:6379/14",
        "Samaritans: call 116 123",
        "will retry in 30s (attempt 3 of 200)",
        "succeeded in 0.012345678901s",
    ],
)
def test_identifiers_and_short_numbers_are_left_whole(text):
    assert mask_phone_numbers_in(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"Task sms.tasks.send_outbound[{TASK_ID}] retry: Twilio 400: the 'To' number "
            "+447700900456 is not a valid phone number",
            f"Task sms.tasks.send_outbound[{TASK_ID}] retry: Twilio 400: the 'To' number "
            "[phone ***456] is not a valid phone number",
        ),
        (f"{TASK_ID} 07700900456", f"{TASK_ID} [phone ***456]"),
        (f"07700900456 {TASK_ID}", f"[phone ***456] {TASK_ID}"),
        (f"[{TASK_ID}]+447700900456", f"[{TASK_ID}][phone ***456]"),
    ],
)
def test_a_task_id_and_a_number_on_one_line(text, expected):
    assert mask_phone_numbers_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Review reminders for 2026-12-07", "Review reminders for [phone ***207]"),
        ("from 10.120.33.201", "from [phone ***201]"),
        ("at 1733541234", "at [phone ***234]"),
    ],
)
def test_masking_too_much_is_the_safe_mistake(text, expected):
    # Dates with dashes, long IP addresses and epoch seconds are
    # number-shaped: told apart they could let a number through.
    assert mask_phone_numbers_in(text) == expected


# Generated cases, from a fixed seed so a failure can be replayed.
GENERATED = 500


def test_generated_task_ids_are_never_touched():
    rng = random.Random(12)
    for _ in range(GENERATED):
        task_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        line = f"Task sms.tasks.process_inbound[{task_id}] succeeded in 0.01s: None"
        assert mask_phone_numbers_in(line) == line


def test_generated_sids_and_hex_tokens_are_never_touched():
    rng = random.Random(13)
    for _ in range(GENERATED):
        token = f"{rng.getrandbits(128):032x}"
        for text in (token, f"SM{token}", f"outbound SM{token} queued"):
            assert mask_phone_numbers_in(text) == text


def _gb_mobile_formats(national: str) -> list[str]:
    """One UK mobile (10 digits after the 0) written the ways it turns up."""
    local = "0" + national
    return [
        f"+44{national}",
        f"44{national}",
        local,
        f"{local[:5]} {local[5:]}",
        f"{local[:5]} {local[5:8]} {local[8:]}",
        f"+44 {national[:4]} {national[4:]}",
        f"+44 (0) {national[:4]} {national[4:]}",
        f"({local[:5]}) {local[5:]}",
        f"whatsapp:+44{national}",
        f"From=%2B44{national}&Body=hi",
        f"%2B44%20{national[:4]}%20{national[4:]}",
        f"texter {local}.",
    ]


def test_generated_numbers_in_every_format_leave_no_digit_behind():
    rng = random.Random(14)
    for _ in range(GENERATED):
        national = "7" + "".join(rng.choice("0123456789") for _ in range(9))
        for text in _gb_mobile_formats(national):
            masked = mask_phone_numbers_in(text)
            assert f"[phone ***{national[-3:]}]" in masked, text
            assert not any(character.isdigit() for character in MASK.sub("", masked)), (text, masked)


# --- The filter on log records ---------------------------------------------


@pytest.fixture
def logged():
    """A logger writing through the masking filter into a string."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.addFilter(PhoneNumberMaskingFilter())
    logger = logging.getLogger("tests.cms.log_masking")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    yield logger, stream
    logger.removeHandler(handler)
    logger.propagate = True


def test_a_number_in_the_arguments_is_masked(logged):
    logger, stream = logged

    logger.info("texter %s asked about %s", NUMBER, "ketamine")
    logger.info("texter %(number)s", {"number": NUMBER})

    assert stream.getvalue().splitlines() == [
        "INFO texter [phone ***456] asked about ketamine",
        "INFO texter [phone ***456]",
    ]


def test_an_exception_logged_as_the_message_is_masked(logged):
    logger, stream = logged

    logger.error(ValueError(f"bad number {NUMBER}"))

    assert stream.getvalue() == "ERROR bad number [phone ***456]\n"


def test_a_record_without_a_number_is_left_as_it_was():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "Outbound %s queued", (42,), None)

    assert PhoneNumberMaskingFilter().filter(record) is True
    assert (record.msg, record.args) == ("Outbound %s queued", (42,))


def test_a_masked_record_keeps_no_arguments_to_format_again():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "texter %s", (NUMBER,), None)

    assert PhoneNumberMaskingFilter().filter(record) is True
    assert (record.msg, record.args) == ("texter [phone ***456]", None)


def test_a_logged_exceptions_traceback_is_masked(logged):
    logger, stream = logged

    try:
        try:
            raise ConnectionError(f"lost while sending to {NUMBER}")
        except ConnectionError as cause:
            raise ValueError(f"the 'To' number {NUMBER} is not a valid phone number") from cause
    except ValueError:
        logger.exception("Outbound %s failed", 7)

    output = stream.getvalue()
    assert output.startswith("ERROR Outbound 7 failed\nTraceback (most recent call last):")
    assert "ConnectionError: lost while sending to [phone ***456]" in output
    assert "ValueError: the 'To' number [phone ***456] is not a valid phone number" in output
    assert NATIONAL_DIGITS not in output


def test_a_traceback_another_handler_already_rendered_is_masked_too():
    # logging caches the rendered traceback on the record: a handler without
    # the filter that runs first leaves it there for ours to mask.
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), None)
    record.exc_text = f"Traceback (most recent call last):\nValueError: {NUMBER}"

    PhoneNumberMaskingFilter().filter(record)

    assert record.exc_text == "Traceback (most recent call last):\nValueError: [phone ***456]"


def test_a_stack_is_masked(logged):
    logger, stream = logged

    # The stack quotes the calling line, number and all.
    logger.info("texter %s", "+44 7700 900456", stack_info=True)

    output = stream.getvalue()
    assert output.startswith("INFO texter [phone ***456]\nStack (most recent call last):")
    assert 'logger.info("texter %s", "[phone ***456]", stack_info=True)' in output
    assert "7700 900456" not in output


def test_arguments_that_do_not_fit_are_dropped_not_printed_raw(logged, capsys):
    logger, stream = logged

    logger.info("texter %s asked about %s", NUMBER)

    assert stream.getvalue() == "INFO texter %s asked about %s [arguments dropped: they did not fit]\n"
    # logging's own error report ("--- Logging error ---") would print them.
    assert NATIONAL_DIGITS not in capsys.readouterr().err


def test_two_filtered_handlers_write_the_same_masked_line(logged):
    logger, first = logged
    second = io.StringIO()
    handler = logging.StreamHandler(second)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.addFilter(PhoneNumberMaskingFilter())
    logger.addHandler(handler)
    try:
        logger.warning("texter %s", NUMBER)
    finally:
        logger.removeHandler(handler)

    assert first.getvalue() == second.getvalue() == "WARNING texter [phone ***456]\n"


# --- The logging set-up in settings.LOGGING ---------------------------------


@pytest.fixture
def console_output():
    """What the configured root console handler writes during the test."""
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "name", None) == "console")
    stream = io.StringIO()
    old_stream = handler.setStream(stream)
    yield stream
    handler.setStream(old_stream)


def _is_pytests(handler: logging.Handler) -> bool:
    return type(handler).__module__.startswith("_pytest")


def test_every_handler_that_writes_masks_numbers():
    """No logger writes around the mask: Django's own handlers (its DEBUG
    console, runserver's, mail_admins) are replaced by the root one."""
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    unmasked = [
        (getattr(logger, "name", "?"), handler)
        for logger in loggers
        for handler in getattr(logger, "handlers", [])
        if not _is_pytests(handler)
        and not isinstance(handler, logging.NullHandler)
        and not any(isinstance(f, PhoneNumberMaskingFilter) for f in handler.filters)
    ]
    assert unmasked == []


FRAMEWORK_LOGGERS = ["django.request", "django.server", "django.security.csrf", "celery.app.trace"]


@pytest.mark.parametrize("name", FRAMEWORK_LOGGERS)
def test_framework_loggers_reach_the_masked_console(console_output, name):
    logging.getLogger(name).warning('"GET /admin/?q=%s HTTP/1.1" 400', "07700900456")

    assert f'WARNING {name} "GET /admin/?q=[phone ***456] HTTP/1.1" 400' in console_output.getvalue()


def test_the_twilio_sdk_does_not_log_each_request():
    # At INFO it logs every request's headers and a GET's query (messages
    # listed by "To" would name a number).
    assert logging.getLogger("twilio.http_client").getEffectiveLevel() == logging.WARNING
