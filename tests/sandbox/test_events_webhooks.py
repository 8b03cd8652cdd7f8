"""Events for every state change, listed like Stripe; webhooks signed like Stripe and
verified with stripe.Webhook.construct_event; retries, and chaos (duplicates, disorder)."""

from __future__ import annotations

import time

import pytest
import stripe

from posdesk.sandbox.server import SandboxServer

from .conftest import WebhookReceiver, make_client

WHSEC = "whsec_" + "s" * 32


def _flow(client: stripe.StripeClient) -> dict[str, str]:
    c = client.v1.customers.create(params={"email": "e@example.com"})
    client.v1.customers.update(c.id, params={"name": "Eve"})
    pm = client.v1.payment_methods.attach("pm_card_visa", params={"customer": c.id})
    pi = client.v1.payment_intents.create(
        params={"amount": 1000, "currency": "usd", "customer": c.id, "payment_method": pm.id,
                "confirm": True, "off_session": True},
        options={"idempotency_key": "flow-key"},
    )  # fmt: skip
    client.v1.refunds.create(params={"payment_intent": pi.id, "amount": 100})
    with pytest.raises(stripe.CardError):
        client.v1.payment_intents.create(
            params={"amount": 1000, "currency": "usd", "payment_method": "pm_card_chargeDeclined",
                    "confirm": True}
        )  # fmt: skip
    client.v1.payment_methods.detach(pm.id)
    client.v1.customers.delete(c.id)
    return {"customer": c.id, "pi": pi.id, "pm": pm.id}


EXPECTED_TYPES = [
    "customer.created",
    "customer.updated",
    "payment_method.attached",
    "payment_intent.created",
    "charge.succeeded",
    "payment_intent.succeeded",
    "refund.created",
    "charge.refunded",
    "payment_intent.created",
    "charge.failed",
    "payment_intent.payment_failed",
    "payment_method.detached",
    "customer.deleted",
]


def test_events_shape_and_order(client: stripe.StripeClient) -> None:
    ids = _flow(client)
    events = client.v1.events.list(params={"limit": 100}).data
    assert [e.type for e in events] == EXPECTED_TYPES[::-1]
    succeeded = next(e for e in events if e.type == "payment_intent.succeeded")
    assert succeeded.id.startswith("evt_") and succeeded.object == "event"
    assert succeeded.livemode is False and succeeded.api_version
    assert succeeded.data.object.id == ids["pi"]
    assert succeeded.data.previous_attributes.status == "requires_confirmation"
    assert succeeded.request.idempotency_key == "flow-key"
    assert succeeded.request.id.startswith("req_")
    updated = next(e for e in events if e.type == "customer.updated")
    assert updated.data.previous_attributes.to_dict() == {"name": None}
    refunded = next(e for e in events if e.type == "charge.refunded")
    assert refunded.data.object.amount_refunded == 100


def test_events_filters_and_cursors(client: stripe.StripeClient, sandbox: SandboxServer) -> None:
    _flow(client)
    only = client.v1.events.list(params={"type": "payment_intent.created"}).data
    assert [e.type for e in only] == ["payment_intent.created"] * 2
    wildcard = client.v1.events.list(params={"type": "charge.*"}).data
    assert [e.type for e in wildcard] == ["charge.failed", "charge.refunded", "charge.succeeded"]
    several = client.v1.events.list(params={"types": ["customer.created", "customer.deleted"]})
    assert [e.type for e in several.data] == ["customer.deleted", "customer.created"]
    page = client.v1.events.list(params={"limit": 5})
    nxt = client.v1.events.list(params={"limit": 5, "starting_after": page.data[-1].id})
    prev = client.v1.events.list(params={"limit": 5, "ending_before": nxt.data[0].id})
    assert [e.id for e in prev.data] == [e.id for e in page.data]
    every = [e.type for e in client.v1.events.list(params={"limit": 4}).auto_paging_iter()]
    assert every == EXPECTED_TYPES[::-1]
    sandbox.state.clock = lambda: time.time() + 3600
    client.v1.customers.create()
    later = client.v1.events.list(params={"created": {"gt": int(time.time()) + 60}}).data
    assert [e.type for e in later] == ["customer.created"]


def _verify(delivery) -> stripe.Event:
    return stripe.Webhook.construct_event(
        delivery.body.decode(), delivery.headers["Stripe-Signature"], WHSEC
    )


def test_webhooks_signed_and_verified(
    client: stripe.StripeClient, sandbox: SandboxServer, receiver: WebhookReceiver
) -> None:
    sandbox.set_webhook(receiver.url, WHSEC)
    _flow(client)
    got = receiver.wait_for(lambda ds: len(ds) >= len(EXPECTED_TYPES))
    events = [_verify(d) for d in got]
    assert sorted(e.type for e in events) == sorted(EXPECTED_TYPES)
    listed = {e.id for e in client.v1.events.list(params={"limit": 100}).data}
    assert {e.id for e in events} == listed
    tampered = got[0].body.replace(b"evt_", b"evt_x", 1)
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(tampered.decode(), got[0].headers["Stripe-Signature"], WHSEC)
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(
            got[0].body.decode(), got[0].headers["Stripe-Signature"], "whsec_other"
        )


def test_webhook_retried_after_failure(
    client: stripe.StripeClient, sandbox: SandboxServer, receiver: WebhookReceiver
) -> None:
    receiver.fail_first = 2
    sandbox.set_webhook(receiver.url, WHSEC)
    c = client.v1.customers.create()
    got = receiver.wait_for(lambda ds: len(ds) >= 1)
    assert receiver.refused == 2
    assert _verify(got[0]).data.object.id == c.id


def test_webhook_chaos_duplicates_and_reorders(
    client: stripe.StripeClient, sandbox: SandboxServer, receiver: WebhookReceiver
) -> None:
    sandbox.set_webhook(receiver.url, WHSEC, chaos=True)
    for i in range(6):
        client.v1.customers.create(params={"name": f"c{i}"})
    got = receiver.wait_for(lambda ds: len(ds) >= 12)
    ids = [_verify(d).id for d in got]
    assert len(set(ids)) == 6 and len(ids) == 12
    created_order = [e.id for e in reversed(client.v1.events.list().data)]
    first_seen = list(dict.fromkeys(ids))
    assert first_seen != created_order


def test_webhook_config_from_constructor(receiver: WebhookReceiver, secret_key: str) -> None:
    server = SandboxServer(webhook_url=receiver.url, webhook_secret=WHSEC).start()
    try:
        make_client(server.base_url, secret_key).v1.customers.create()
        got = receiver.wait_for(lambda ds: len(ds) >= 1)
        assert _verify(got[0]).type == "customer.created"
    finally:
        server.stop()
