"""The texts `bench_sms.py` sends, as Twilio would send them, and what
came back: which inbound each reply at the fake Twilio answers.

Texts are real ones from the labelled corpora: questions from the
understanding corpus's held-out half, a few bare keywords, and ~5%
emergencies from the crisis screener's held-out half (`emergency/...`
lines). Most senders text once, from numbers of their own (mostly UK
mobiles, some Irish and Australian), so the per-sender rate limit and loop
protection are not what is measured. A few text repeatedly, to show a burst
does not break those rules: they are what each such sender must get back
(`expected`), exactly.

A webhook is form-encoded with the fields Twilio sends and signed with
`RequestValidator` over the URL Twilio would have been given
(PUBLIC_BASE_URL + path), with the token the server has.
"""

from __future__ import annotations

import itertools
import random
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

from sms.corpus import labelled_lines

ROOT = Path(__file__).resolve().parents[2]
SCREENING_CORPUS = ROOT / "sms" / "screening" / "corpus" / "heldout.txt"
UNDERSTANDING_CORPUS = ROOT / "sms" / "understanding" / "corpus" / "heldout.txt"
KEYWORDS = ("ket", "KETAMINE", "cocaine", "Coke?", "MENU", "HELP", "info", "hi", "2")
CRISIS_SHARE = 0.05
KEYWORD_SHARE = 0.15
ACCOUNT_SID = "AC" + "b" * 32
AUTH_TOKEN = "bench-auth-token"  # noqa: S105 - a benchmark's own fake Twilio
OUR_NUMBER = "+447700900000"
PUBLIC_BASE_URL = "https://helpline.bench.invalid"
WEBHOOK_PATH = "/sms/twilio/inbound/"
# Senders' numbers: (prefix, digits after it, FromCountry), by share.
COUNTRIES = (("+4474", 8, "GB"),) * 18 + (("+35385", 7, "IE"), ("+614", 8, "AU"))


@dataclass
class Text:
    sid: str
    number: str
    country: str
    body: str
    emergency: bool  # labelled an emergency in the corpus (the screener decides what it is)
    phase: str
    posted_at: float = 0.0
    acked_at: float = 0.0
    status: int = 0

    def fields(self) -> dict[str, str]:
        """The form Twilio posts for an incoming SMS."""
        return {
            "ToCountry": "GB",
            "ToState": "",
            "SmsMessageSid": self.sid,
            "NumMedia": "0",
            "ToCity": "",
            "FromZip": "",
            "SmsSid": self.sid,
            "FromState": "",
            "SmsStatus": "received",
            "FromCity": "",
            "Body": self.body,
            "FromCountry": self.country,
            "To": OUR_NUMBER,
            "ToZip": "",
            "NumSegments": "1",
            "MessageSid": self.sid,
            "AccountSid": ACCOUNT_SID,
            "From": self.number,
            "ApiVersion": "2010-04-01",
        }


_validator = RequestValidator(AUTH_TOKEN)


def signature(url: str, fields: dict[str, str]) -> str:
    """X-Twilio-Signature for a POST of `fields` to `url`."""
    return _validator.compute_signature(url, fields)


def webhook_request(text: Text) -> bytes:
    """The raw POST Twilio makes for `text`, signed."""
    fields = text.fields()
    body = urlencode(fields).encode()
    signed = signature(PUBLIC_BASE_URL + WEBHOOK_PATH, fields)
    head = (
        f"POST {WEBHOOK_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: TwilioProxy/1.1\r\n"
        "Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\n"
        f"X-Twilio-Signature: {signed}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body


class Traffic:
    """Makes texts and remembers them, and how many replies each number must get."""

    def __init__(self, *, seed: int = 14):
        self.random = random.Random(seed)
        self.questions = [text for _label, text, _where in labelled_lines(UNDERSTANDING_CORPUS)]
        self.emergencies = [
            text for label, text, _where in labelled_lines(SCREENING_CORPUS) if label.startswith("emergency/")
        ]
        self.texts: list[Text] = []
        self.expected: dict[str, int] = {}  # replies each number must get
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()

    def _number(self) -> tuple[str, str]:
        prefix, digits, country = self.random.choice(COUNTRIES)
        return f"{prefix}{next(self._numbers):0{digits}d}", country

    def _body(self) -> tuple[str, bool]:
        draw = self.random.random()
        if draw < CRISIS_SHARE:
            return self.random.choice(self.emergencies), True
        if draw < CRISIS_SHARE + KEYWORD_SHARE:
            return self.random.choice(KEYWORDS), False
        return self.random.choice(self.questions), False

    def _add(self, number: str, country: str, body: str, *, emergency: bool, phase: str) -> Text:
        text = Text("SM" + uuid.uuid4().hex, number, country, body, emergency, phase)
        self.texts.append(text)
        return text

    def one_off(self, phase: str) -> Text:
        """A text from a new sender: exactly one reply, whatever it says."""
        with self._lock:
            number, country = self._number()
            body, emergency = self._body()
            self.expected[number] = 1
            return self._add(number, country, body, emergency=emergency, phase=phase)

    def repeated(self, phase: str, *, texts: int, ordinary: list[str], limit: int) -> list[Text]:
        """`texts` different ordinary texts (screened as nothing, no keyword)
        from one sender: the rate limit answers `limit` of them."""
        with self._lock:
            number, country = self._number()
            bodies = self.random.sample(ordinary, texts)
            self.expected[number] = min(texts, limit)
            return [self._add(number, country, body, emergency=False, phase=phase) for body in bodies]

    def looping(self, phase: str, *, texts: int, body: str, answered: int) -> list[Text]:
        """The same text `texts` times from one sender (an auto-responder):
        loop protection answers the first `answered`."""
        with self._lock:
            number, country = self._number()
            self.expected[number] = min(texts, answered)
            return [self._add(number, country, body, emergency=False, phase=phase) for _ in range(texts)]

    def ordinary(self) -> list[str]:
        """Questions the screener reads as nothing, that are no keyword or
        menu choice: what repeating senders send, so that only the rate
        limit and loop protection decide their replies."""
        from sms import matching, selectors
        from sms.screening import Level, screen

        context = selectors.screening_context()
        return [
            text
            for text in dict.fromkeys(self.questions)
            if screen(text, context=context).level == Level.NONE
            and matching.compliance_keyword(text, opted_out=False) is None
            and not matching.is_menu_request(text)
            and matching.menu_choice(text) is None
        ]

    def burst(self, size: int, *, repeating: tuple[int, int], looping: int) -> list[Text]:
        """`size` texts: one-off senders, with the texts of `repeating`
        (senders, texts each) rate-limited senders and of one sender sending
        the same text `looping` times spread evenly through them."""
        from django.conf import settings

        from sms.services import LOOP_REPEATS

        ordinary = self.ordinary()
        senders, each = repeating
        repeated = [
            text
            for _ in range(senders)
            for text in self.repeated(
                "burst", texts=each, ordinary=ordinary, limit=settings.SMS_RATE_LIMIT_COUNT
            )
        ]
        repeated += self.looping("burst", texts=looping, body=ordinary[0], answered=LOOP_REPEATS - 1)
        texts = [self.one_off("burst") for _ in range(size - len(repeated))]
        for index, text in enumerate(repeated):
            texts.insert((index + 1) * len(texts) // (len(repeated) + 1), text)
        return texts

    def single_senders(self) -> set[str]:
        return {number for number, count in self.expected.items() if count == 1}


def post(port: int, text: Text, exchange: Callable[[int, bytes], tuple[int, int]]) -> None:
    request = webhook_request(text)
    text.posted_at = time.time()
    try:
        text.status = exchange(port, request)[0]
    except OSError:
        text.status = -1
    text.acked_at = time.time()


@dataclass
class Matched:
    """Replies matched to texts: reply arrival times per number, in order."""

    replies: dict[str, list[float]]
    latency: dict[str, float]  # sid -> seconds from POST to the reply at the fake (one-off senders)
    lost: int
    duplicates: int
    strays: int  # replies to numbers we never texted from
    over_limit: int  # replies beyond what a repeating sender's limit allows


def match(traffic: Traffic, arrivals: list[tuple[str, float]]) -> Matched:
    """`arrivals`: (To, time) of each message the fake accepted."""
    replies: dict[str, list[float]] = defaultdict(list)
    for number, at in arrivals:
        replies[number].append(at)
    lost = duplicates = strays = over_limit = 0
    for number, got in replies.items():
        if number not in traffic.expected:
            strays += len(got)
    singles = traffic.single_senders()
    for number, expected in traffic.expected.items():
        got = len(replies.get(number, ()))
        lost += max(0, expected - got)
        if number in singles:
            duplicates += max(0, got - expected)
        else:
            over_limit += max(0, got - expected)
    latency = {}
    for text in traffic.texts:
        if text.number in singles and replies.get(text.number):
            latency[text.sid] = min(replies[text.number]) - text.posted_at
    return Matched(dict(replies), latency, lost, duplicates, strays, over_limit)
