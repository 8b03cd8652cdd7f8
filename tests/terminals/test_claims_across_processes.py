"""Two terminals, two real processes, one store (SQLite file and PostgreSQL): a payment a
terminal is deciding is left alone by the other; a terminal that dies mid-flow has its
payment settled by the other to what Stripe says, once."""

from __future__ import annotations

import time
import uuid
from datetime import timedelta
from typing import Any

import pytest
import requests

from posdesk.domain.money import Money
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.events import StripeEventSource
from posdesk.services.charges import ChargeService
from posdesk.store.audit import AuditLog
from posdesk.store.payments import PaymentRepository
from posdesk.store.this_terminal import Terminal
from posdesk.sync.applier import EventApplier
from posdesk.sync.reconcile import StartupReconciler
from tests.gateway.sandbox_api import call, intents, new_customer
from tests.terminals.tills import CLAIM_TTL_S

PUBLISHABLE_KEY = "pk_test_" + "c" * 24


@pytest.fixture
def till_b(shared_store: Any, sandbox: Any, secret_key: str) -> ChargeService:
    """Till B, in this process: its settle timer is `settle_unconfirmed`."""
    return ChargeService(
        shared_store, StripeGateway(secret_key, sandbox.base_url, timeout=10),
        terminal=Terminal(str(uuid.uuid4()), "till B", "localhost"),
        claim_ttl=timedelta(seconds=CLAIM_TTL_S),
    )


def customer_confirms(sandbox: Any, intent_id: str, client_secret: str) -> dict[str, Any]:
    """What Stripe.js does when the customer presses Pay with a working card."""
    response = requests.post(
        f"{sandbox.base_url}/v1/payment_intents/{intent_id}/confirm",
        data={"client_secret": client_secret, "payment_method": "pm_card_visa"},
        auth=(PUBLISHABLE_KEY, ""), timeout=10,
    )
    return response.json()


def state_of(store: Any, payment_id: str) -> str:
    record = PaymentRepository(store).get(payment_id)
    assert record is not None
    return record.state


def wait_for_claim_to_lapse() -> None:
    time.sleep(CLAIM_TTL_S + 0.5)


def test_a_card_entry_in_progress_survives_the_other_terminals_settling(
    till_a, till_b, shared_store, sandbox, secret_key
) -> None:
    customer = new_customer(sandbox.base_url, secret_key, "Wendy Waiting")
    started = till_a.ask("start_payment", customer=customer, amount=2000)
    # The customer takes their time at till A; till B settles and reconciles meanwhile,
    # for longer than a claim lasts unrenewed.
    reconciler = StartupReconciler(
        shared_store, till_b.ledger, StripeEventSource(secret_key, sandbox.base_url),
        EventApplier(shared_store),
    )
    deadline = time.monotonic() + CLAIM_TTL_S * 2
    while time.monotonic() < deadline:
        assert till_b.settle_unconfirmed() == []
        assert reconciler.run().settled == []
        time.sleep(0.2)
    assert state_of(shared_store, started["payment_id"]) == PaymentState.WAITING
    intent = call(sandbox.base_url, secret_key, "GET",
                  f"/v1/payment_intents/{started['intent_id']}")
    assert intent["status"] == "requires_payment_method"  # not cancelled under A's feet

    assert customer_confirms(sandbox, started["intent_id"], started["client_secret"])[
        "status"] == "succeeded"
    assert till_a.ask("finish") == {"state": PaymentState.SUCCEEDED}
    assert state_of(shared_store, started["payment_id"]) == PaymentState.SUCCEEDED
    assert len(intents(sandbox.base_url, secret_key, customer)) == 1


@pytest.mark.parametrize("customer_paid", [True, False])
def test_a_terminal_killed_mid_flow_is_settled_by_the_other_once(
    till_a, till_b, shared_store, sandbox, secret_key, customer_paid
) -> None:
    customer = new_customer(sandbox.base_url, secret_key, "Kim Killed")
    started = till_a.ask("start_payment", customer=customer, amount=2000)
    if customer_paid:
        customer_confirms(sandbox, started["intent_id"], started["client_secret"])
    till_a.kill()  # before A could record anything
    assert till_b.settle_unconfirmed() == []  # A's claim is still live
    wait_for_claim_to_lapse()
    [settled] = till_b.settle_unconfirmed()
    expected = PaymentState.SUCCEEDED if customer_paid else PaymentState.CANCELED
    assert settled.state is expected
    assert state_of(shared_store, started["payment_id"]) == expected
    [intent] = intents(sandbox.base_url, secret_key, customer)
    assert intent["status"] == ("succeeded" if customer_paid else "canceled")
    assert till_b.settle_unconfirmed() == []  # once
    settles = [e for e in AuditLog(shared_store).list_recent() if e.action == "settle_charge"]
    assert len(settles) == 1 and settles[0].terminal_id == till_b.terminal.id


def test_the_other_terminal_settling_during_a_create_in_flight_changes_nothing(
    till_a, till_b, shared_store, sandbox, secret_key
) -> None:
    customer = new_customer(sandbox.base_url, secret_key, "Rita Race")
    sandbox.hold(CLAIM_TTL_S * 2, path_prefix="/v1/payment_intents")
    till_a.send("start_payment", customer=customer, amount=2000)  # answer comes late
    deadline = time.monotonic() + CLAIM_TTL_S * 1.5
    while time.monotonic() < deadline:
        assert till_b.settle_unconfirmed() == []
        time.sleep(0.1)
    started = till_a._read()
    assert customer_confirms(sandbox, started["intent_id"], started["client_secret"])[
        "status"] == "succeeded"
    assert till_a.ask("finish") == {"state": PaymentState.SUCCEEDED}
    assert len(intents(sandbox.base_url, secret_key, customer)) == 1


def test_two_terminals_charging_saved_cards_at_once_each_charge_once(
    till_a, till_b, shared_store, sandbox, secret_key
) -> None:
    customer = new_customer(sandbox.base_url, secret_key, "Tom Twice")
    card = call(sandbox.base_url, secret_key, "POST", "/v1/payment_methods/pm_card_visa/attach",
                {"customer": customer})["id"]
    sandbox.hold(0.5, count=2, path_prefix="/v1/payment_intents")
    till_a.send("charge", customer=customer, card=card, amount=1250)
    staff = StaffMember(id="staff-b", name="Bo at till B", role=Role.CASHIER)
    b_result = till_b.charge_saved_card(staff, customer, card, Money(1250, "USD"))
    a_result = till_a._read()
    assert b_result.state is PaymentState.SUCCEEDED
    assert a_result["state"] == PaymentState.SUCCEEDED
    assert len(intents(sandbox.base_url, secret_key, customer)) == 2  # two sales, not three
    assert till_b.settle_unconfirmed() == []
