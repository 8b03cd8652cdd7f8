"""The process dies mid-capture; the next start settles it to exactly one capture at Stripe
and the payment recorded once, with the key that was written before sending."""

from __future__ import annotations

import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from posdesk.domain.money import Money
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.ledger.captures import CaptureRequests, capture_key
from posdesk.services.charges import ChargeService
from posdesk.store.audit import AuditLog
from posdesk.store.database import default_database_url, open_store
from posdesk.store.payments import PaymentRepository
from posdesk.store.this_terminal import Terminal
from tests.gateway.sandbox_api import call
from tests.services import killed_process

TILL = Terminal(str(uuid.uuid4()), "till 1", "localhost")
MANAGER = StaffMember(id="staff-9", name="Mo Manager", role=Role.MANAGER)


def authorised(data_dir: Path, sandbox: Any, secret_key: str, customer_id: str) -> str:
    store = open_store(default_database_url(data_dir))
    try:
        charges = ChargeService(store, StripeGateway(secret_key, sandbox.base_url, timeout=5))
        return charges.charge_saved_card(MANAGER, customer_id, "pm_card_visa",
                                         Money(2000, "USD"), authorise_only=True).payment_id
    finally:
        store.close()


def run_and_die(data_dir: Path, sandbox: Any, secret_key: str, payment_id: str,
                mode: str) -> int:
    return killed_process.run_and_die("capture_then_die.py", data_dir, sandbox, secret_key,
                                      payment_id, mode, TILL.id)


def restarted_till(store: Any, secret_key: str, sandbox: Any) -> ChargeService:
    """The same terminal starting again: the claims of its earlier run are over."""
    charges = ChargeService(store, StripeGateway(secret_key, sandbox.base_url, timeout=5),
                            terminal=TILL)
    charges.ledger.claims.release_stale()
    return charges


def intent_of(store: Any, sandbox: Any, secret_key: str, payment_id: str) -> dict[str, Any]:
    record = PaymentRepository(store).get(payment_id)
    assert record is not None
    return call(sandbox.base_url, secret_key, "GET", f"/v1/payment_intents/{record.intent_id}")


def assert_captured_once(store: Any, sandbox: Any, secret_key: str, payment_id: str) -> None:
    record = PaymentRepository(store).get(payment_id)
    assert record is not None
    assert record.state == PaymentState.SUCCEEDED and record.amount_received == 1500
    assert record.capture_key is None and record.capture_amount is None
    intent = intent_of(store, sandbox, secret_key, payment_id)
    assert (intent["status"], intent["amount_received"]) == ("succeeded", 1500)
    assert sandbox.count("charge") == 1


def test_killed_after_the_capture_was_written(data_dir, sandbox, secret_key, customer_id) -> None:
    payment_id = authorised(data_dir, sandbox, secret_key, customer_id)
    assert run_and_die(data_dir, sandbox, secret_key, payment_id, "before-send") == 17
    store = open_store(default_database_url(data_dir))
    try:
        record = PaymentRepository(store).get(payment_id)
        assert record is not None and record.state == PaymentState.REQUIRES_CAPTURE
        assert record.capture_key == capture_key(record, 1500) and record.capture_amount == 1500
        assert intent_of(store, sandbox, secret_key, payment_id)["status"] == "requires_capture"
        # Another terminal leaves it alone while the dead process's claim is live.
        other = ChargeService(store, StripeGateway(secret_key, sandbox.base_url, timeout=5))
        assert CaptureRequests(other.ledger).settle() == []
        # Starting again, the same request is sent with the same key, once.
        charges = restarted_till(store, secret_key, sandbox)
        [settled] = [r for r in charges.settle_unconfirmed() if r.payment_id == payment_id]
        assert settled.state is PaymentState.SUCCEEDED
        assert_captured_once(store, sandbox, secret_key, payment_id)
        assert charges.settle_unconfirmed() == []
        actions = [e.action for e in AuditLog(store).list_recent(20)]
        assert "settle_capture" in actions
    finally:
        store.close()


@pytest.mark.parametrize(("mode", "code"), [("in-flight", 18), ("unrecorded", 19)])
def test_killed_once_stripe_has_the_capture(
    data_dir, sandbox, secret_key, customer_id, mode: str, code: int
) -> None:
    payment_id = authorised(data_dir, sandbox, secret_key, customer_id)
    if mode == "in-flight":
        store = open_store(default_database_url(data_dir))
        intent_id = PaymentRepository(store).get(payment_id).intent_id  # type: ignore[union-attr]
        store.close()
        sandbox.hold(3.0, path_prefix=f"/v1/payment_intents/{intent_id}/capture")
    assert run_and_die(data_dir, sandbox, secret_key, payment_id, mode) == code
    store = open_store(default_database_url(data_dir))
    try:
        charges = restarted_till(store, secret_key, sandbox)
        deadline = time.monotonic() + 15
        while PaymentRepository(store).get(payment_id).capture_key:  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "capture still unsettled"
            charges.settle_unconfirmed()
            time.sleep(0.2)
        assert_captured_once(store, sandbox, secret_key, payment_id)
    finally:
        store.close()
