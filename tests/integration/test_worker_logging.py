"""A real Celery worker logs through our LOGGING, phone-number masking included.

Left to itself `celery worker` swaps the root handler for its own, so the
masking filter on our console handler never runs and numbers reach the logs
in plain text. config/celery.py hooks `setup_logging` to prevent that; this
reads what the session's worker actually wrote.
"""

import uuid

from cms.phone_numbers import mask_phone_numbers_in
from tests.integration.conftest import WORKER_LOG_PATH, wait_for
from tests.probe.tasks import PROBE_PHONE_NUMBER, log_probe_phone_number


def _line_containing(text: str) -> str | None:
    return next((line for line in WORKER_LOG_PATH.read_text().splitlines() if text in line), None)


def test_worker_log_masks_phone_numbers_and_uses_our_format(live_celery):
    token = f"log-{uuid.uuid4().hex}"

    log_probe_phone_number.delay(token)

    line = wait_for(lambda: _line_containing(token))
    masked = mask_phone_numbers_in(PROBE_PHONE_NUMBER)
    assert masked != PROBE_PHONE_NUMBER
    assert f"texter {masked}" in line
    national_digits = PROBE_PHONE_NUMBER.removeprefix("+44")
    assert national_digits not in WORKER_LOG_PATH.read_text()
    # The `plain` formatter from settings.LOGGING, not Celery's
    # "[time: LEVEL/MainProcess] message".
    assert f" INFO tests.probe.tasks probe {token} " in line
