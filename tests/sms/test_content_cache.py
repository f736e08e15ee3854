"""What every text reads is kept per process until an editor changes it
(sms.content_cache, sms.signals)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sms import content_cache, services
from sms.models import InboundMessage
from tests.sms.conftest import ANSWERS, new_sid, publish_answers

pytestmark = pytest.mark.django_db

Outcome = InboundMessage.Outcome
# Read per text before: crisis patterns, crisis examples, live topics, their
# SMS answers, question types, the default topic, and the helplines (twice).
CONTENT_TABLES = (
    "sms_crisispattern",
    "sms_crisisexample",
    "cms_smsintent",
    "cms_topicsmsanswer",
    "sms_smssettings",
    "cms_helpline",
)
senders = iter(f"+4477009{n:05d}" for n in range(1, 99999))


@pytest.fixture
def process(django_capture_on_commit_callbacks):
    """Receive one text from a new sender and decide its reply (the send is
    left queued); return the text and the queries deciding it made."""

    def _process(body: str) -> tuple[InboundMessage, list[str]]:
        sid = new_sid()
        with django_capture_on_commit_callbacks(execute=False):
            services.inbound_message_receive(
                message_sid=sid, from_number=next(senders), to_number="+447700900000", body=body
            )
        inbound = InboundMessage.objects.get(message_sid=sid)
        with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=False):
            services.inbound_message_process(inbound_id=inbound.pk)
        inbound.refresh_from_db()
        return inbound, [query["sql"] for query in queries.captured_queries]

    return _process


def _reads_content(queries: list[str]) -> list[str]:
    return [sql for sql in queries if any(f'"{table}"' in sql for table in CONTENT_TABLES)]


def test_a_text_reads_the_content_only_once_per_version(sms_content, process):
    _, first = process("ketamine signs")
    _, second = process("ketamine signs")

    assert _reads_content(first), "the first text builds the content"
    assert _reads_content(second) == []
    assert len(first) - len(second) == 8


def test_an_editors_new_and_deleted_crisis_pattern_is_seen_by_the_next_text(sms_content, process):
    from sms.models import CrisisPattern

    assert process("code purple at the tent")[0].outcome != Outcome.CRISIS

    pattern = CrisisPattern.objects.create(pattern="code purple", category="medical")

    assert process("code purple at the tent")[0].outcome == Outcome.CRISIS

    pattern.delete()

    assert process("code purple at the tent")[0].outcome != Outcome.CRISIS


def test_a_changed_helpline_is_in_the_next_reply(sms_content, process):
    process("ketamine signs")
    frank = sms_content["helplines"]["gb_drugs"]
    frank.phone_number = "0300 999 9999"
    frank.save()

    inbound, _ = process("ketamine signs")

    assert "0300 999 9999" in inbound.reply.body


def test_a_published_sms_answer_is_the_next_reply(sms_content, process):
    assert process("ketamine signs")[0].reply.body.startswith(ANSWERS["signs"])

    publish_answers(sms_content["topic"], {**ANSWERS, "signs": "Newly reviewed signs of use."})

    assert process("ketamine signs")[0].reply.body.startswith("Newly reviewed signs of use.")


def test_a_change_in_another_process_is_seen_through_the_shared_version():
    builds = []

    def build():
        builds.append(1)
        return len(builds)

    assert content_cache.built("probe", build) == 1
    assert content_cache.built("probe", build) == 1

    content_cache.bump_version()  # what another process's save does

    assert content_cache.built("probe", build) == 2


def test_a_text_reads_the_shared_version_once(sms_content, process, monkeypatch):
    process("ketamine")  # built for the current version
    reads = []
    real_get = content_cache.cache.get
    monkeypatch.setattr(
        content_cache.cache, "get", lambda key, *args: reads.append(key) or real_get(key, *args)
    )

    process("what are the effects of ket")

    assert reads.count(content_cache.VERSION_KEY) == 1


def test_inside_one_version_a_change_waits_for_the_next_text():
    builds = []

    def build():
        builds.append(1)
        return len(builds)

    with content_cache.one_version():
        assert content_cache.built("probe-pinned", build) == 1
        content_cache.bump_version()
        assert content_cache.built("probe-pinned", build) == 1

    assert content_cache.built("probe-pinned", build) == 2
