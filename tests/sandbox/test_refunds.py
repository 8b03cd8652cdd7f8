"""The sandbox's refunds as PosDesk relies on them: partial refunds up to what was captured and
no further (Stripe's refusal), idempotency keys replayed, the events Stripe sends, and the
steering that keeps refunds pending and then lets one succeed or fail (refund.failed)."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest
import stripe

from posdesk.sandbox.server import SandboxServer


def _paid(client: stripe.StripeClient, amount: int = 2000) -> str:
    customer = client.v1.customers.create({"name": "Rita"})
    intent = client.v1.payment_intents.create({
        "amount": amount, "currency": "usd", "customer": customer.id,
        "payment_method": "pm_card_visa", "confirm": True, "off_session": True,
        "allowed_payment_method_types": ["card"],
    })
    assert intent.status == "succeeded"
    return intent.id


def _control(sandbox: SandboxServer, path: str, data: dict[str, Any] | None = None) -> Any:
    body = json.dumps(data or {}).encode()
    request = urllib.request.Request(sandbox.base_url + path, data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


def _types(client: stripe.StripeClient) -> list[str]:
    return [e.type for e in client.v1.events.list({"limit": 100}).data]


def test_partial_refunds_up_to_the_amount_and_no_further(
    client: stripe.StripeClient,
) -> None:
    intent = _paid(client)
    first = client.v1.refunds.create({"payment_intent": intent, "amount": 1500})
    rest = client.v1.refunds.create({"payment_intent": intent})
    assert (first.amount, rest.amount) == (1500, 500)
    with pytest.raises(stripe.InvalidRequestError) as refused:
        client.v1.refunds.create({"payment_intent": intent, "amount": 1})
    assert refused.value.code == "charge_already_refunded"
    intent2 = _paid(client)
    with pytest.raises(stripe.InvalidRequestError) as too_much:
        client.v1.refunds.create({"payment_intent": intent2, "amount": 2001})
    assert too_much.value.param == "amount"
    assert {"refund.created", "charge.refunded"} <= set(_types(client))


def test_the_same_key_replays_the_same_refund(client: stripe.StripeClient) -> None:
    intent = _paid(client)
    params = {"payment_intent": intent, "amount": 700, "reason": "duplicate"}
    one = client.v1.refunds.create(params, {"idempotency_key": "refund-key-1"})
    two = client.v1.refunds.create(params, {"idempotency_key": "refund-key-1"})
    assert one.id == two.id
    assert len(client.v1.refunds.list({"payment_intent": intent}).data) == 1


def test_a_held_refund_stays_pending_then_fails_with_refund_failed(
    sandbox: SandboxServer, client: stripe.StripeClient
) -> None:
    intent = _paid(client)
    _control(sandbox, "/_sandbox/refunds/pending", {"count": 1})
    refund = client.v1.refunds.create({"payment_intent": intent, "amount": 1200})
    assert refund.status == "pending"
    failed = _control(sandbox, f"/_sandbox/refunds/{refund.id}/fail")
    assert failed["status"] == "failed"
    assert {"refund.updated", "refund.failed"} <= set(_types(client))
    # Its money stays with the merchant: all of it can be refunded again.
    again = client.v1.refunds.create({"payment_intent": intent})
    assert again.amount == 2000 and again.status == "succeeded"


def test_a_held_refund_can_succeed_later(
    sandbox: SandboxServer, client: stripe.StripeClient
) -> None:
    intent = _paid(client)
    sandbox.hold_refunds_pending(1)
    refund = client.v1.refunds.create({"payment_intent": intent, "amount": 300})
    assert sandbox.settle_refund(refund.id, succeed=True)["status"] == "succeeded"
    assert client.v1.refunds.retrieve(refund.id).status == "succeeded"
