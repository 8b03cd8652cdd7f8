"""Two terminals, two real processes, one store (SQLite file and PostgreSQL), capturing the
same authorisation at the same moment (the same amount, or different amounts): Stripe
captures once, the payment is recorded once, and the other terminal is told in words."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from posdesk.domain.money import Money
from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.services.charges import ChargeService
from posdesk.store.payments import PaymentRepository
from posdesk.store.this_terminal import Terminal
from tests.gateway.sandbox_api import attach_card, call, new_customer

MANAGER = StaffMember(id="staff-m", name="Mo Manager", role=Role.MANAGER)


def authorised(shared_store: Any, sandbox: Any, secret_key: str, amount: int) -> str:
    customer = new_customer(sandbox.base_url, secret_key, "Cal Capture")
    card = attach_card(sandbox.base_url, secret_key, customer)
    charges = ChargeService(shared_store, StripeGateway(secret_key, sandbox.base_url),
                            terminal=Terminal(str(uuid.uuid4()), "till C", "localhost"))
    return charges.charge_saved_card(MANAGER, customer, card, Money(amount, "USD"),
                                     authorise_only=True).payment_id


@pytest.mark.parametrize("amounts", [(None, None), (3000, 4500)],
                         ids=["both-all", "different-amounts"])
def test_two_terminals_capturing_at_once_capture_once(
    tills, shared_store, sandbox, secret_key, amounts
) -> None:
    payment_id = authorised(shared_store, sandbox, secret_key, 5000)
    record = PaymentRepository(shared_store).get(payment_id)
    assert record is not None and record.intent_id
    # Each capture waits a moment at Stripe, so the second arrives while the first is out.
    sandbox.hold(0.8, count=2, path_prefix=f"/v1/payment_intents/{record.intent_id}/capture")
    for till, amount in zip(tills, amounts, strict=True):
        till.send("capture", payment=payment_id, amount=amount)
    answers = [till._read() for till in tills]
    captured = [a for a in answers if a.get("kind") == "captured"]
    others = [a for a in answers if a.get("kind") != "captured"]
    assert len(captured) == 1 and len(others) == 1, answers
    # The other one was stopped before sending (the claim), or Stripe refused a second
    # capture; either way in words, and nothing moved.
    words = others[0].get("refused") or others[0].get("reason")
    assert words, answers
    intent = call(sandbox.base_url, secret_key, "GET",
                  f"/v1/payment_intents/{record.intent_id}")
    assert intent["status"] == "succeeded"
    assert intent["amount_received"] == captured[0]["captured"]
    after = PaymentRepository(shared_store).get(payment_id)
    assert after is not None
    assert (after.state, after.amount_received) == ("succeeded", captured[0]["captured"])
    assert after.capture_key is None
