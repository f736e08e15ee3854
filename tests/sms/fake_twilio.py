"""A local fake of Twilio's Messages API for tests.

A real HTTP server (`http.server` in a thread on 127.0.0.1) that the real
twilio SDK talks to through TWILIO_API_BASE_URL. It records every request
and answers from a per-test script: 201 with a new SID by default, or any
status with a Twilio error body (e.g. 429/20429, 500, 400/21610), or, for
an outage (`outage(seconds)`), 503 and 429 in turn until it is over.
"""

from __future__ import annotations

import base64
import itertools
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

DROP = 0  # answer "status" meaning: close the connection without a response


@dataclass
class RecordedRequest:
    method: str
    path: str
    form: dict[str, str]
    headers: dict[str, str]
    at: float = field(default_factory=time.time)
    status: int | None = None  # what the fake answered

    @property
    def basic_auth_user(self) -> str:
        value = self.headers.get("Authorization", "")
        if not value.startswith("Basic "):
            return ""
        return base64.b64decode(value[6:]).decode().split(":", 1)[0]


@dataclass
class FakeTwilio:
    """Start with `start()`; script answers with `respond()`; read `requests`."""

    requests: list[RecordedRequest] = field(default_factory=list)
    _script: list[tuple[int, int | None]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0
    server: ThreadingHTTPServer | None = None
    _outage_until: float = 0.0
    _outage_answers: itertools.cycle = field(default_factory=lambda: itertools.cycle([503, 429]))

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def respond(self, *answers: tuple[int, int | None] | int) -> None:
        """Queue answers for the next requests: 201, 429, (400, 21610), DROP...
        After the script runs out every request gets 201."""
        with self._lock:
            for answer in answers:
                self._script.append(answer if isinstance(answer, tuple) else (answer, None))

    def outage(self, seconds: float) -> float:
        """Answer every request with 503 or 429 for `seconds`; returns when it ends (time.time())."""
        with self._lock:
            self._outage_until = time.time() + seconds
            return self._outage_until

    def accepted(self) -> list[RecordedRequest]:
        """Messages the fake accepted (201): what Twilio would have sent."""
        return [r for r in self.messages() if r.status == 201]

    def messages(self) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.method == "POST" and r.path.endswith("/Messages.json")]

    def _next_answer(self, request: RecordedRequest) -> tuple[int, dict]:
        with self._lock:
            self.requests.append(request)
            if time.time() < self._outage_until:
                status, code = next(self._outage_answers), None
            else:
                status, code = self._script.pop(0) if self._script else (201, None)
            request.status = status
        if status == 201:
            sid = "SM" + uuid.uuid4().hex
            return status, {
                "sid": sid,
                "status": "queued",
                "to": request.form.get("To"),
                "body": request.form.get("Body"),
                "account_sid": request.path.split("/")[3] if request.path.count("/") > 3 else "",
                "num_segments": "1",
                "uri": f"{request.path[:-5]}/{sid}.json",
            }
        # Like Twilio's own, some error texts name the number (21211: invalid 'To').
        named = (
            f": the 'To' number {request.form.get('To')} is not a valid phone number" if code == 21211 else ""
        )
        return status, {
            "code": code or status * 100,
            "message": f"fake Twilio error {code or status}{named}",
            "more_info": f"https://www.twilio.com/docs/errors/{code or status}",
            "status": status,
        }

    def start(self, port: int = 0) -> FakeTwilio:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode()
                form = {key: values[-1] for key, values in parse_qs(raw, keep_blank_values=True).items()}
                request = RecordedRequest("POST", self.path, form, dict(self.headers))
                status, payload = fake._next_answer(request)
                if status == DROP:
                    # Read the request, then hang up without answering.
                    self.close_connection = True
                    return
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format, *args):  # noqa: A002 - keep test output quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()
