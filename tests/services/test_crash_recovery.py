"""The process dies mid-charge; the next start settles the payment to exactly one charge."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

from posdesk.domain.payment_state import PaymentState
from posdesk.gateway.client import StripeGateway
from posdesk.ledger.payments import METADATA_PAYMENT_ID
from posdesk.services.charges import ChargeService
from posdesk.store.database import default_database_url, open_store
from posdesk.store.payments import PaymentRepository
from posdesk.store.this_terminal import Terminal
from tests.gateway.sandbox_api import intents

SCRIPT = Path(__file__).with_name("charge_then_die.py")
REPO_ROOT = Path(__file__).resolve().parents[2]


TILL = Terminal(str(uuid.uuid4()), "till 1", "localhost")


def run_and_die(data_dir: Path, sandbox, secret_key: str, customer_id: str, mode: str) -> int:
    env = {**os.environ, "POSDESK_TEST_SECRET_KEY": secret_key}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    process = subprocess.run(
        [sys.executable, str(SCRIPT), default_database_url(data_dir), sandbox.base_url,
         customer_id, "pm_card_visa", mode, TILL.id],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert secret_key not in process.stdout + process.stderr
    return process.returncode


def restarted_till(store, secret_key: str, sandbox) -> ChargeService:
    """The same terminal starting again: the claims of its earlier run are over."""
    service = ChargeService(store, StripeGateway(secret_key, sandbox.base_url, timeout=5),
                            terminal=TILL)
    service.claims.release_stale()
    return service


def settle_until_final(service: ChargeService, deadline_s: float = 15.0) -> None:
    deadline = time.monotonic() + deadline_s
    while service.payments.list_needing_settlement():
        assert time.monotonic() < deadline, "payment still unsettled"
        service.settle_unconfirmed()
        time.sleep(0.2)


def assert_one_charge(store, sandbox, secret_key: str, customer_id: str) -> None:
    [record] = PaymentRepository(store).list_recent(10)
    assert record.state == PaymentState.SUCCEEDED
    [intent] = intents(sandbox.base_url, secret_key, customer_id)
    assert sandbox.count("payment_intent") == 1
    assert record.intent_id == intent["id"]
    assert intent["metadata"][METADATA_PAYMENT_ID] == record.id
    assert intent["status"] == "succeeded" and intent["amount"] == 1250


def test_killed_after_pending_written(data_dir, sandbox, secret_key, customer_id) -> None:
    assert run_and_die(data_dir, sandbox, secret_key, customer_id, "before-send") == 17
    assert sandbox.count("payment_intent") == 0
    store = open_store(default_database_url(data_dir))
    try:
        [pending] = PaymentRepository(store).list_needing_settlement()
        assert pending.state == PaymentState.PENDING and pending.claimed_by == TILL.id
        # Another terminal leaves it alone while the dead process's claim is live.
        other = ChargeService(store, StripeGateway(secret_key, sandbox.base_url, timeout=5))
        assert other.settle_unconfirmed() == []
        service = restarted_till(store, secret_key, sandbox)
        [result] = service.settle_unconfirmed()
        assert result.state is PaymentState.SUCCEEDED
        assert_one_charge(store, sandbox, secret_key, customer_id)
        assert service.settle_unconfirmed() == []
        assert sandbox.count("payment_intent") == 1
    finally:
        store.close()


def test_killed_while_the_request_is_in_flight(data_dir, sandbox, secret_key, customer_id) -> None:
    sandbox.hold(3.0, path_prefix="/v1/payment_intents")
    started = time.monotonic()
    assert run_and_die(data_dir, sandbox, secret_key, customer_id, "in-flight") == 18
    # The process is gone but Stripe is still working on its request.
    assert sandbox.count("payment_intent") == 0
    assert time.monotonic() - started < 30
    store = open_store(default_database_url(data_dir))
    try:
        [pending] = PaymentRepository(store).list_needing_settlement()
        assert pending.state == PaymentState.PENDING
        service = restarted_till(store, secret_key, sandbox)
        # Settling at once meets the original request still running (409) or its result;
        # either way the same key never makes a second intent.
        first = service.settle_unconfirmed()
        settle_until_final(service)
        assert_one_charge(store, sandbox, secret_key, customer_id)
        assert first and first[0].outcome.retryable  # it was caught mid-flight
    finally:
        store.close()
