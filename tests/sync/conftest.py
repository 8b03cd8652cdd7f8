from __future__ import annotations

import http.client
import json
import secrets
from typing import Any
from urllib.parse import urlsplit

import pytest

from posdesk.gateway.events import StripeEventSource
from posdesk.sync.signature import signature_header
from tests.conftest import TEST_WEBHOOK_SECRET

# The store fixtures of the store tests: SQLite, and PostgreSQL too when
# POSDESK_TEST_DATABASE_URL is set (`store` is parametrised over both).
from tests.store.conftest import open_test_store, store  # noqa: F401


def event(type_: str, obj: dict[str, Any], created: int, event_id: str | None = None) -> dict:
    return {
        "id": event_id or "evt_" + secrets.token_hex(12),
        "object": "event",
        "type": type_,
        "created": created,
        "livemode": False,
        "data": {"object": obj},
    }


def intent(intent_id: str, status: str, **fields: Any) -> dict[str, Any]:
    base = {
        "id": intent_id,
        "object": "payment_intent",
        "amount": 1250,
        "amount_received": 1250 if status == "succeeded" else 0,
        "currency": "usd",
        "customer": "cus_elsewhere",
        "payment_method": "pm_elsewhere",
        "status": status,
        "created": 1_700_000_000,
        "livemode": False,
        "metadata": {},
        "last_payment_error": None,
    }
    base.update(fields)
    return base


def post(
    url: str,
    body: bytes,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, Any]]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=15)
    try:
        conn.request("POST", parts.path, body=body, headers=headers or {})
        response = conn.getresponse()
        raw = response.read()
        return response.status, (json.loads(raw) if raw else {})
    finally:
        conn.close()


def deliver(
    url: str, payload: dict[str, Any] | bytes, secret: str = TEST_WEBHOOK_SECRET,
    timestamp: int | None = None,
) -> tuple[int, dict[str, Any]]:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    header = signature_header(secret, body, timestamp)
    return post(url, body, {"Stripe-Signature": header, "Content-Type": "application/json"})


@pytest.fixture
def source(sandbox, secret_key: str) -> StripeEventSource:
    return StripeEventSource(secret_key, sandbox.base_url, timeout=5)
