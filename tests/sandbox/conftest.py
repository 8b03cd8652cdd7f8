"""Fixtures for the sandbox's own tests: a stripe-python client pointed at the sandbox and a
tiny webhook receiver."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import stripe

from posdesk.sandbox.server import SandboxServer


def make_client(base_url: str, key: str) -> stripe.StripeClient:
    return stripe.StripeClient(key, base_addresses={"api": base_url}, max_network_retries=0)


@pytest.fixture
def client(sandbox: SandboxServer, secret_key: str) -> stripe.StripeClient:
    return make_client(sandbox.base_url, secret_key)


def card_pm(client: stripe.StripeClient, number: str, cvc: str | None = "123") -> Any:
    card: dict[str, Any] = {"number": number, "exp_month": 12, "exp_year": 2034}
    if cvc is not None:
        card["cvc"] = cvc
    return client.v1.payment_methods.create(params={"type": "card", "card": card})


@dataclass
class Delivery:
    headers: dict[str, str]
    body: bytes

    @property
    def event(self) -> dict[str, Any]:
        return json.loads(self.body)


@dataclass
class WebhookReceiver:
    """Collects POSTed webhooks; answers 500 to the first `fail_first` deliveries."""

    fail_first: int = 0
    deliveries: list[Delivery] = field(default_factory=list)
    refused: int = 0
    url: str = ""
    cond: threading.Condition = field(default_factory=threading.Condition)

    def wait_for(self, predicate, timeout: float = 10.0) -> list[Delivery]:
        with self.cond:
            ok = self.cond.wait_for(lambda: predicate(self.deliveries), timeout)
        assert ok, f"webhooks not delivered in time: {[d.event['type'] for d in self.deliveries]}"
        return list(self.deliveries)


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    rec = WebhookReceiver()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            with rec.cond:
                if rec.refused < rec.fail_first:
                    rec.refused += 1
                    status = 500
                else:
                    rec.deliveries.append(Delivery(dict(self.headers.items()), body))
                    status = 200
                rec.cond.notify_all()
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    rec.url = f"http://127.0.0.1:{httpd.server_address[1]}/webhooks"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield rec
    finally:
        httpd.shutdown()
        httpd.server_close()
