"""The sandbox's receipts: setting receipt_email on a payment that went through is allowed
(as at Stripe, which then emails its receipt) and lands in the outbox at
`GET /_sandbox/receipts`; other fields of a paid intent still cannot change."""

from __future__ import annotations

import pytest
import requests

from tests.gateway.sandbox_api import attach_card, call, new_customer


def _outbox(base_url: str) -> list[dict]:
    response = requests.get(base_url + "/_sandbox/receipts", timeout=5)
    response.raise_for_status()
    return response.json()["data"]


def test_receipt_email_on_a_paid_intent_is_sent_and_kept_in_the_outbox(
    sandbox, secret_key: str
) -> None:
    base = sandbox.base_url
    customer = new_customer(base, secret_key, "Ann Example")
    pm = attach_card(base, secret_key, customer)
    intent = call(base, secret_key, "POST", "/v1/payment_intents", {
        "amount": 1234, "currency": "usd", "customer": customer, "payment_method": pm,
        "confirm": "true", "off_session": "true", "description": "Tea"})
    assert intent["status"] == "succeeded"
    before = len(_outbox(base))
    updated = call(base, secret_key, "POST", f"/v1/payment_intents/{intent['id']}",
                   {"receipt_email": "ann@example.com"})
    assert updated["receipt_email"] == "ann@example.com"
    [sent] = _outbox(base)[before:]
    assert (sent["to"], sent["payment_intent"], sent["amount"], sent["currency"]) == (
        "ann@example.com", intent["id"], 1234, "usd")
    assert sent["card_last4"] == "4242" and sent["description"] == "Tea"
    charge = call(base, secret_key, "GET", f"/v1/charges/{intent['latest_charge']}")
    assert charge["receipt_email"] == "ann@example.com"
    with pytest.raises(requests.HTTPError):
        call(base, secret_key, "POST", f"/v1/payment_intents/{intent['id']}", {"amount": 99})
    assert len(_outbox(base)) == before + 1
