"""Two terminals, two real processes, one store (SQLite file and PostgreSQL), refunding the
same payment at the same moment for more than is left between them: exactly what is left is
refunded, once; the other terminal is refused in words and sends nothing."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from posdesk.domain.money import Money
from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.services.charges import ChargeService
from posdesk.store.payments import PaymentRepository
from posdesk.store.refund_requests import RefundRequestRepository
from posdesk.store.this_terminal import Terminal
from tests.gateway.sandbox_api import attach_card, call, new_customer
from tests.terminals.tills import TerminalProcess

MANAGER = StaffMember(id="staff-m", name="Mo Manager", role=Role.MANAGER)


def paid(shared_store: Any, sandbox: Any, secret_key: str, amount: int) -> str:
    customer = new_customer(sandbox.base_url, secret_key, "Rita Refund")
    card = attach_card(sandbox.base_url, secret_key, customer)
    charges = ChargeService(shared_store, StripeGateway(secret_key, sandbox.base_url),
                            terminal=Terminal(str(uuid.uuid4()), "till C", "localhost"))
    return charges.charge_saved_card(MANAGER, customer, card, Money(amount, "USD")).payment_id


def refund_both_at_once(tills: list[TerminalProcess], sandbox: Any, payment_id: str,
                        amount: int | None) -> list[dict[str, Any]]:
    # Each refund waits a moment at Stripe, so the second arrives while the first is out.
    sandbox.hold(0.8, count=2, path_prefix="/v1/refunds")
    for till in tills:
        till.send("refund", payment=payment_id, amount=amount)
    return [till._read() for till in tills]


def stripe_refunds(sandbox: Any, secret_key: str, store: Any, payment_id: str) -> list[Any]:
    record = PaymentRepository(store).get(payment_id)
    assert record is not None and record.intent_id
    return call(sandbox.base_url, secret_key, "GET",
                f"/v1/refunds?payment_intent={record.intent_id}&limit=100")["data"]


@pytest.mark.parametrize("amount", [None, 3000], ids=["both-the-rest", "both-3000-of-5000"])
def test_two_terminals_refunding_at_once_never_refund_more_than_is_left(
    tills, shared_store, sandbox, secret_key, amount
) -> None:
    payment_id = paid(shared_store, sandbox, secret_key, 5000)
    answers = refund_both_at_once(tills, sandbox, payment_id, amount)
    made = [a for a in answers if "state" in a]
    refused = [a for a in answers if "refused" in a]
    assert len(made) == 1 and len(refused) == 1, answers
    assert made[0]["state"] == "succeeded"
    expected = 5000 if amount is None else 3000
    assert made[0]["amount"] == expected
    left = 5000 - expected
    assert refused[0]["refused"] == (
        "This payment has been refunded in full. Nothing was refunded." if left == 0
        else f"Only ${left / 100:.2f} is left to refund on this payment. Nothing was refunded."
    )
    at_stripe = stripe_refunds(sandbox, secret_key, shared_store, payment_id)
    assert [r["amount"] for r in at_stripe] == [expected]
    [request] = RefundRequestRepository(shared_store).list_for_payment(payment_id)
    assert (request.state, request.stripe_refund_id) == ("succeeded", at_stripe[0]["id"])
    record = PaymentRepository(shared_store).get(payment_id)
    assert record is not None and record.amount_refunded == expected
