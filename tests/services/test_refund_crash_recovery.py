"""The process dies mid-refund; the next start settles the request to exactly one refund at
Stripe and one record here, with the key it was written with."""

from __future__ import annotations

import time
import uuid
from pathlib import Path
from typing import Any

from posdesk.domain.money import Money
from posdesk.domain.refunds import RefundState
from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.ledger.refunds import METADATA_REFUND_ID
from posdesk.services.charges import ChargeService
from posdesk.services.refunds import RefundService
from posdesk.store.database import default_database_url, open_store
from posdesk.store.payments import PaymentRepository
from posdesk.store.refund_requests import RefundRequestRepository
from posdesk.store.this_terminal import Terminal
from tests.gateway.sandbox_api import call
from tests.services import killed_process

TILL = Terminal(str(uuid.uuid4()), "till 1", "localhost")
MANAGER = StaffMember(id="staff-9", name="Mo Manager", role=Role.MANAGER)


def paid(data_dir: Path, sandbox: Any, secret_key: str, customer_id: str) -> str:
    store = open_store(default_database_url(data_dir))
    try:
        charges = ChargeService(store, StripeGateway(secret_key, sandbox.base_url, timeout=5))
        return charges.charge_saved_card(MANAGER, customer_id, "pm_card_visa",
                                         Money(2000, "USD")).payment_id
    finally:
        store.close()


def run_and_die(data_dir: Path, sandbox: Any, secret_key: str, payment_id: str,
                mode: str) -> int:
    return killed_process.run_and_die("refund_then_die.py", data_dir, sandbox, secret_key,
                                      payment_id, mode, TILL.id)


def restarted_till(store: Any, secret_key: str, sandbox: Any) -> RefundService:
    """The same terminal starting again: the claims of its earlier run are over."""
    service = RefundService(store, StripeGateway(secret_key, sandbox.base_url, timeout=5),
                            terminal=TILL)
    service.ledger.claims.release_stale()
    return service


def assert_one_refund(store: Any, sandbox: Any, secret_key: str, payment_id: str) -> None:
    [request] = RefundRequestRepository(store).list_for_payment(payment_id)
    assert request.state == RefundState.SUCCEEDED
    record = PaymentRepository(store).get(payment_id)
    assert record is not None
    [refund] = call(sandbox.base_url, secret_key, "GET",
                    f"/v1/refunds?payment_intent={record.intent_id}")["data"]
    assert sandbox.count("refund") == 1
    assert refund["id"] == request.stripe_refund_id and refund["amount"] == 700
    assert refund["metadata"][METADATA_REFUND_ID] == request.id
    assert record.amount_refunded == 700


def test_killed_after_the_refund_was_written(data_dir, sandbox, secret_key, customer_id) -> None:
    payment_id = paid(data_dir, sandbox, secret_key, customer_id)
    assert run_and_die(data_dir, sandbox, secret_key, payment_id, "before-send") == 17
    assert sandbox.count("refund") == 0
    store = open_store(default_database_url(data_dir))
    try:
        [written] = RefundRequestRepository(store).list_unsettled()
        assert written.state == RefundState.SENDING
        # Another terminal leaves it alone while the dead process's claim is live.
        other = RefundService(store, StripeGateway(secret_key, sandbox.base_url, timeout=5))
        assert other.settle_unconfirmed() == []
        # And it still counts: nobody refunds past it.
        assert other.ledger.refundable(payment_id).left == 1300
        service = restarted_till(store, secret_key, sandbox)
        [result] = service.settle_unconfirmed()
        assert result.state is RefundState.SUCCEEDED
        assert_one_refund(store, sandbox, secret_key, payment_id)
        assert service.settle_unconfirmed() == []
    finally:
        store.close()


def test_killed_while_the_refund_is_in_flight(data_dir, sandbox, secret_key, customer_id) -> None:
    payment_id = paid(data_dir, sandbox, secret_key, customer_id)
    sandbox.hold(3.0, path_prefix="/v1/refunds")
    assert run_and_die(data_dir, sandbox, secret_key, payment_id, "in-flight") == 18
    assert sandbox.count("refund") == 0  # Stripe is still working on it
    store = open_store(default_database_url(data_dir))
    try:
        service = restarted_till(store, secret_key, sandbox)
        deadline = time.monotonic() + 15
        while RefundRequestRepository(store).list_unsettled():
            assert time.monotonic() < deadline, "refund still unsettled"
            service.settle_unconfirmed()
            time.sleep(0.2)
        assert_one_refund(store, sandbox, secret_key, payment_id)
    finally:
        store.close()
