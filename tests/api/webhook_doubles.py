"""Test doubles for the webhook tests: a receiver on a local port, and a
broker that queues tasks and runs them as a worker would."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from celery.exceptions import Retry
from standardwebhooks import Webhook

from api import tasks


class Receiver:
    """A webhook receiver on a free local port. Answers each POST with the
    next of `answers` (200 once they run out) and keeps what it was sent."""

    def __init__(self):
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.answers: list[int] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body))
                status = receiver.answers.pop(0) if receiver.answers else 200
                self.send_response(status)
                self.end_headers()
                self.wfile.write(b'{"error": "receiver says no"}' if status >= 300 else b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/revalidate"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def verified(self, secret: str) -> list[dict]:
        """Every payload received, each checked with the standardwebhooks library."""
        return [Webhook(secret).verify(body, headers) for headers, body in self.requests]

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class FakeBroker:
    """Queues what `deliver_webhook` is sent; `work()` runs the queue as a
    worker does, a retry going back in the queue with its arguments."""

    def __init__(self):
        self.queue: list[tuple] = []
        self.countdowns: list[int] = []
        self.retry_options: list[bool] = []

    def apply_async(self, args=None, kwargs=None, retry=True, **options):
        self.queue.append(tuple(args))
        self.retry_options.append(retry)

    def work(self) -> None:
        while self.queue:
            args = self.queue.pop(0)
            try:
                tasks.deliver_webhook.apply(args=args)
            except Retry as retry:
                self.countdowns.append(retry.when)
                self.queue.append(tuple(retry.sig.args))


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/hooks"  # nothing listens there now
