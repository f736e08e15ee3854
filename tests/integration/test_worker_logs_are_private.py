"""A real worker's log holds no phone number and no message text, and keeps
task ids whole.

Texts with numbers and words chosen here go the whole way: a signed webhook
POST, PostgreSQL, Redis, the session's worker process, the real twilio SDK
and a local fake Twilio. One is answered, one is an emergency, and one gets a
reply Twilio refuses with an error that names the number (21211). A task
then fails with a number in its exception, so the worker logs a traceback.
The worker's log (everything it wrote to stdout and stderr) must name none of
the numbers in any common format and none of the texts or replies, and must
name every task id unmangled.

Production runs the prefork pool, where tasks run in forked children: a
second worker with `--pool=prefork` checks that they log through the same
masking.
"""

from __future__ import annotations

import re
import uuid

import phonenumbers
import pytest

from cms.models import Helpline
from sms.models import OutboundMessage
from tests.conftest import redis_available, require_service
from tests.integration.conftest import (
    WORKER_LOG_PATH,
    running_worker,
    wait_for,
    worker_database_url,
    worker_sends_to_fake_twilio,
)
from tests.probe.tasks import (
    PROBE_PHONE_NUMBER,
    fail_naming_a_phone_number,
    log_probe_phone_number,
    record_probe,
)
from tests.sms.conftest import INBOUND_PATH, publish_answers, sign

pytestmark = pytest.mark.django_db(transaction=True)

# Ofcom drama-range numbers, and words that no reply or log line would hold.
ANSWERED, CRISIS, REFUSED = "+447700900512", "+447700900634", "+447700900871"
TEXTS = {
    ANSWERED: "how can i tell if my flatmate Quillan is on ket",
    CRISIS: "my boyf Tiberius did loads of k n now i cant wake him up, hes making a weird snoring noise",
    REFUSED: "is it ok to take mdma with my sertraline, asking for Perpetua",
}
MARKERS = ["Quillan", "Tiberius", "snoring", "Perpetua", "sertraline"]
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


worker_sends_to_fake_twilio()


def number_forms(e164: str) -> list[str]:
    """The ways a number could be written into a log line."""
    parsed = phonenumbers.parse(e164)
    return [
        e164,
        e164.removeprefix("+"),
        phonenumbers.national_significant_number(parsed),
        phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
        phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL),
    ]


def assert_no_number_in(log: str, numbers: list[str]) -> None:
    for e164 in numbers:
        for form in number_forms(e164):
            assert form not in log, f"the worker logged the number ending {e164[-3:]} in plain"


def _text_in(client, sender: str) -> str:
    """POST one signed text to the webhook; its MessageSid."""
    sid = "SM" + uuid.uuid4().hex
    data = {"MessageSid": sid, "From": sender, "To": "+447700900000", "Body": TEXTS[sender]}
    response = client.post(INBOUND_PATH, data, HTTP_X_TWILIO_SIGNATURE=sign(INBOUND_PATH, data))
    assert response.status_code == 200
    return sid


def _reply_to(sid: str, **state):
    return OutboundMessage.objects.filter(inbound__message_sid=sid, **state).first()


def test_texts_the_worker_processes_leave_no_number_and_no_text_in_its_log(
    live_celery, worker_fake_twilio, client, topic_page
):
    fake = worker_fake_twilio
    fake.requests.clear()
    Helpline.objects.create(
        name="FRANK", country="GB", category="drugs", phone_number="0300 123 6600", is_24_7=True
    )
    Helpline.objects.create(name="Samaritans", country="GB", category="crisis", phone_number="116 123")
    publish_answers(
        topic_page, {"signs": "Signs of regular ketamine use: needing to wee often, pain, cramps."}
    )

    # One at a time, so the refusal scripted below meets the third reply.
    answered = _text_in(client, ANSWERED)
    wait_for(lambda: _reply_to(answered, twilio_sid__isnull=False), timeout=30)
    crisis = _text_in(client, CRISIS)
    wait_for(lambda: _reply_to(crisis, twilio_sid__isnull=False), timeout=30)
    fake.respond((400, 21211))  # "the 'To' number +44... is not a valid phone number"
    refused = _text_in(client, REFUSED)
    wait_for(lambda: _reply_to(refused, status=OutboundMessage.Status.FAILED), timeout=30)
    token = uuid.uuid4().hex
    failed = fail_naming_a_phone_number.delay(token)
    # The worker takes tasks in order: once this one is logged, all are.
    last = record_probe.delay(token)
    wait_for(lambda: f"[{failed.id}] raised" in WORKER_LOG_PATH.read_text(), timeout=30)
    wait_for(lambda: f"[{last.id}] succeeded" in WORKER_LOG_PATH.read_text(), timeout=30)

    log = WORKER_LOG_PATH.read_text()
    # The worker did log about each text (by its SID) and the failures, so
    # what follows checks lines that exist.
    for sid in (answered, crisis, refused):
        assert sid in log
    assert "the 'To' number [phone ***871] is not a valid phone number" in log
    assert f"ValueError: probe {token}: the 'To' number [phone ***123] is not a valid phone number" in log
    # Task ids whole: ours, and every one the SMS tasks logged.
    for result in (failed, last):
        assert f"[{result.id}] received" in log
    sms_task_ids = re.findall(r"Task sms\.tasks\.\w+\[([^\]]*)\]", log)
    assert len(sms_task_ids) >= 6  # three texts and three replies, received and done
    assert [task_id for task_id in sms_task_ids if not UUID.fullmatch(task_id)] == []
    # Nothing of the people: their numbers, texts, or what we replied.
    assert_no_number_in(log, [ANSWERED, CRISIS, REFUSED, PROBE_PHONE_NUMBER])
    for body in TEXTS.values():
        assert body not in log
    for marker in MARKERS:
        assert marker not in log, f"a word of a text ({marker}) was logged"
    replies = [_reply_to(sid).body for sid in (answered, crisis, refused)]
    for reply in replies:
        assert reply.splitlines()[0] not in log, "a reply was logged"


@pytest.fixture(scope="module")
def prefork_worker(django_db_setup, django_db_blocker, tmp_path_factory):
    """A second worker with the prefork pool, on a queue of its own (its own
    TEST_RUN_ID); yields the queue and the path of its log."""
    require_service(redis_available(), "integration tier needs Redis: set REDIS_URL to a reachable server")
    with django_db_blocker.unblock():
        database_url = worker_database_url()
    run_id = f"pf{uuid.uuid4().hex[:6]}"
    queue, hostname = f"test-{run_id}", f"prefork-{run_id}@localhost"
    log_path = tmp_path_factory.mktemp("prefork-worker") / "worker.log"
    with running_worker(
        pool=("--pool=prefork", "--concurrency=1"),
        queue=queue,
        hostname=hostname,
        run_id=run_id,
        database_url=database_url,
        log_path=log_path,
    ):
        yield queue, log_path


def test_a_prefork_child_logs_through_the_same_masking(prefork_worker, through_the_broker):
    queue, log_path = prefork_worker
    token = uuid.uuid4().hex

    logged = log_probe_phone_number.apply_async((token,), queue=queue)
    failed = fail_naming_a_phone_number.apply_async((token,), queue=queue)

    wait_for(lambda: f"[{failed.id}] raised" in log_path.read_text(), timeout=30)
    log = log_path.read_text()
    # The probe's own line and the failure's traceback come from the child.
    assert f"INFO tests.probe.tasks probe {token} texter [phone ***123]" in log
    assert f"ValueError: probe {token}: the 'To' number [phone ***123] is not a valid phone number" in log
    for result in (logged, failed):
        assert f"[{result.id}] received" in log
    assert_no_number_in(log, [PROBE_PHONE_NUMBER])
