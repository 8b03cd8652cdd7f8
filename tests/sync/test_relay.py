"""The webhook relay over real HTTP: what it accepts, what it refuses, and that a sandbox
delivering duplicates out of order ends with the right store, each event applied once."""

from __future__ import annotations

import http.client
import json
import socket
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from posdesk.domain.payment_state import PaymentState
from posdesk.sandbox.server import SandboxServer
from posdesk.store.customers import CustomerRepository
from posdesk.store.payment_methods import PaymentMethodRepository
from posdesk.store.payments import PaymentRepository
from posdesk.store.sync_state import ProcessedEvents, WebhookInbox
from posdesk.sync.applier import EventApplier
from posdesk.sync.relay import MAX_BODY, WebhookRelay
from posdesk.sync.signature import compute_signature, signature_header
from tests.conftest import TEST_SECRET_KEY, TEST_WEBHOOK_SECRET
from tests.gateway.sandbox_api import attach_card, call, new_customer
from tests.sync.conftest import deliver, event, intent, post

T = int(time.time())


@pytest.fixture
def relay(tmp_store) -> Iterator[WebhookRelay]:
    relay = WebhookRelay(tmp_store, EventApplier(tmp_store), TEST_WEBHOOK_SECRET).start()
    try:
        yield relay
    finally:
        relay.stop()


def wait_for(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


def nothing_stored(store) -> bool:
    return ProcessedEvents(store).count() == 0 and WebhookInbox(store).count() == 0


def test_a_signed_event_is_stored_then_applied(relay, tmp_store) -> None:
    e = event("payment_intent.succeeded", intent("pi_1", "succeeded"), T)
    assert deliver(relay.url, e) == (200, {"received": True})
    wait_for(lambda: ProcessedEvents(tmp_store).contains(e["id"]))
    [record] = PaymentRepository(tmp_store).list_recent()
    assert record.state == PaymentState.SUCCEEDED
    # The inbox row goes right after the effect committed (a crash in between re-applies,
    # which the processed-event record makes a no-op).
    wait_for(lambda: WebhookInbox(tmp_store).count() == 0)


def test_forged_signature_is_refused(relay, tmp_store) -> None:
    e = event("payment_intent.succeeded", intent("pi_2", "succeeded"), T)
    body = json.dumps(e).encode()
    header = f"t={int(time.time())},v1={'0' * 64}"
    status, answer = post(relay.url, body, {"Stripe-Signature": header})
    assert status == 400 and "signature" in answer["error"].lower()
    # A valid signature of other bytes does not cover these.
    other = signature_header(TEST_WEBHOOK_SECRET, body + b" ")
    assert post(relay.url, body, {"Stripe-Signature": other})[0] == 400
    assert nothing_stored(tmp_store)


def test_wrong_secret_is_refused(relay, tmp_store) -> None:
    e = event("customer.created", {"id": "cus_1", "object": "customer"}, T)
    status, _ = deliver(relay.url, e, secret="whsec_" + "f" * 32)
    assert status == 400 and nothing_stored(tmp_store)


def test_stale_timestamp_is_refused(relay, tmp_store) -> None:
    e = event("customer.created", {"id": "cus_1", "object": "customer"}, T)
    status, answer = deliver(relay.url, e, timestamp=int(time.time()) - 301)
    assert status == 400 and "tolerance" in answer["error"]
    assert nothing_stored(tmp_store)
    assert deliver(relay.url, e, timestamp=int(time.time()) - 290)[0] == 200


def test_missing_header_is_refused(relay, tmp_store) -> None:
    body = json.dumps(event("customer.created", {"id": "cus_1", "object": "customer"}, T))
    status, answer = post(relay.url, body.encode(), {"Content-Type": "application/json"})
    assert status == 400 and "Missing Stripe-Signature" in answer["error"]
    assert post(relay.url, body.encode(), {"Stripe-Signature": "v1=abc"})[0] == 400
    assert nothing_stored(tmp_store)


def test_any_of_several_v1_signatures_may_match(relay, tmp_store) -> None:
    e = event("customer.created", {"id": "cus_r", "object": "customer", "name": "Rot"}, T)
    body = json.dumps(e).encode()
    now = int(time.time())
    good = compute_signature(TEST_WEBHOOK_SECRET, now, body)
    header = f"t={now},v1={'ab' * 32},v1={good},v0=zzz"
    assert post(relay.url, body, {"Stripe-Signature": header})[0] == 200


def test_malformed_json_is_refused(relay, tmp_store) -> None:
    for body in (b"{not json", b"\xff\xfe", b"[1, 2]", b'{"id": "evt_1"}'):
        assert deliver(relay.url, body)[0] == 400
    assert nothing_stored(tmp_store)


def test_a_signed_body_nested_200000_deep_gets_an_answer(relay, tmp_store) -> None:
    # Once a RecursionError that dropped the connection without any answer.
    body = b"[" * 200_000 + b"]" * 200_000
    status, answer = deliver(relay.url, body)
    assert status == 400 and "nested" in answer["error"]
    assert nothing_stored(tmp_store)


@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "post", "PoSt"])
def test_every_other_method_gets_a_405_not_the_501_page(relay, method: str) -> None:
    parts = urlsplit(relay.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        conn.request(method, parts.path, body=b"{}" if method != "HEAD" else None)
        response = conn.getresponse()
        raw = response.read()
    finally:
        conn.close()
    assert response.status == 405 and response.getheader("Allow") == "POST"
    if method != "HEAD":
        assert json.loads(raw) == {"error": "Only POST is accepted here."}


def test_connect_and_a_garbled_request_line_get_json_answers(relay) -> None:
    for request in (b"CONNECT example.com:443 HTTP/1.1\r\nHost: x\r\n\r\n",
                    b"\x00\x01 garbage\r\n\r\n"):
        with socket.create_connection((relay.host, relay.port), timeout=5) as sock:
            sock.sendall(request)
            answer = sock.recv(4096)
        # (A line that is not HTTP/1.x is answered the HTTP/0.9 way: the body alone.)
        assert answer.startswith((b"HTTP/1.1 405", b"{")) and b'"error"' in answer
        assert b"<html" not in answer.lower() and b"<!doctype" not in answer.lower()


def test_a_body_over_one_mib_is_refused_unread(relay, tmp_store) -> None:
    body = b" " * (MAX_BODY + 1)
    status, answer = post(relay.url, body, {"Stripe-Signature": signature_header(
        TEST_WEBHOOK_SECRET, body)})
    assert status == 413 and "1 MiB" in answer["error"]
    # Refused from the header alone: a sender announcing too much is answered before sending.
    with socket.create_connection((relay.host, relay.port), timeout=5) as sock:
        sock.sendall(
            b"POST /webhooks/stripe HTTP/1.1\r\nHost: x\r\n"
            + f"Content-Length: {MAX_BODY + 1}\r\n\r\n".encode()
        )
        assert sock.recv(100).startswith(b"HTTP/1.1 413")
    # Exactly 1 MiB is judged on its content (here: not JSON).
    body = b" " * MAX_BODY
    header = signature_header(TEST_WEBHOOK_SECRET, body)
    assert post(relay.url, body, {"Stripe-Signature": header})[0] == 400
    assert nothing_stored(tmp_store)


def test_unknown_type_is_accepted_and_ignored(relay, tmp_store) -> None:
    e = event("invoice.paid", {"id": "in_1", "object": "invoice"}, T)
    assert deliver(relay.url, e)[0] == 200
    wait_for(lambda: relay.counters.applied.received == 1)
    assert ProcessedEvents(tmp_store).contains(e["id"])
    assert relay.counters.applied.ignored == 1 and relay.counters.applied.applied == 0
    assert PaymentRepository(tmp_store).list_recent() == []


def test_an_event_for_an_unknown_object_is_accepted_and_harmless(relay, tmp_store) -> None:
    charge = {"id": "ch_1", "object": "charge", "payment_intent": "pi_nobody",
              "amount_refunded": 100}
    e = event("charge.refunded", charge, T)
    assert deliver(relay.url, e)[0] == 200
    wait_for(lambda: ProcessedEvents(tmp_store).contains(e["id"]))
    assert PaymentRepository(tmp_store).list_recent() == []


def test_other_paths_and_methods(relay) -> None:
    e = json.dumps(event("invoice.paid", {"id": "in_1", "object": "invoice"}, T)).encode()
    header = signature_header(TEST_WEBHOOK_SECRET, e)
    assert post(relay.url.replace("/webhooks/stripe", "/other"), e,
                {"Stripe-Signature": header})[0] == 404


def test_sandbox_duplicates_out_of_order_end_correct_and_once(tmp_store, source) -> None:
    relay = WebhookRelay(tmp_store, EventApplier(tmp_store, source), TEST_WEBHOOK_SECRET)
    relay.start()
    sandbox = SandboxServer(webhook_url=relay.url, webhook_secret=TEST_WEBHOOK_SECRET,
                            webhook_chaos=True).start()
    try:
        base, key = sandbox.base_url, TEST_SECRET_KEY
        relay.applier.fetcher = type(source)(key, base, timeout=5)
        ann = new_customer(base, key, "Ann Chaos", email="ann@example.com")
        bob = new_customer(base, key, "Bob Chaos")
        call(base, key, "POST", f"/v1/customers/{ann}", {"name": "Ann Final"})
        ann_card = attach_card(base, key, ann)
        bob_card = attach_card(base, key, bob, "pm_card_mastercard")
        call(base, key, "POST", f"/v1/payment_methods/{bob_card}/detach")
        paid = call(base, key, "POST", "/v1/payment_intents", {
            "amount": 2000, "currency": "usd", "customer": ann, "payment_method": ann_card,
            "confirm": "true", "off_session": "true"})
        call(base, key, "POST", "/v1/refunds", {"payment_intent": paid["id"], "amount": 500})
        call(base, key, "POST", "/v1/refunds", {"payment_intent": paid["id"], "amount": 700})
        held = call(base, key, "POST", "/v1/payment_intents", {
            "amount": 3000, "currency": "usd", "customer": ann, "payment_method": ann_card,
            "confirm": "true", "off_session": "true", "capture_method": "manual"})
        call(base, key, "POST", f"/v1/payment_intents/{held['id']}/cancel")
        call(base, key, "DELETE", f"/v1/customers/{bob}")
        total = sandbox.count("event")
        counted = relay.counters.applied

        def settled() -> bool:
            # Every event delivered at least twice, and each taken exactly once.
            return (sandbox.webhooks.delivered >= 2 * total
                    and counted.applied + counted.stale + counted.ignored >= total
                    and WebhookInbox(tmp_store).count() == 0)

        wait_for(settled, timeout=20)
        assert ProcessedEvents(tmp_store).count() == total
        assert counted.applied + counted.stale + counted.ignored == total
        assert counted.duplicates == counted.received - total

        by_intent = {p.intent_id: p for p in PaymentRepository(tmp_store).list_recent()}
        assert by_intent[paid["id"]].state == PaymentState.SUCCEEDED
        assert by_intent[paid["id"]].amount_refunded == 1200
        assert by_intent[held["id"]].state == PaymentState.CANCELED
        customers = CustomerRepository(tmp_store)
        assert customers.get(ann).name == "Ann Final" and not customers.get(ann).deleted
        assert customers.get(bob).deleted
        assert [c.id for c in PaymentMethodRepository(tmp_store).list_for_customer(ann)] == [
            ann_card]
        assert PaymentMethodRepository(tmp_store).list_for_customer(bob) == []
    finally:
        sandbox.stop()
        relay.stop()
