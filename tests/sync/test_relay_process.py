"""`posdesk relay` as a process: killed mid-burst it loses no accepted event; restarted it
settles a charge whose answer was lost and picks up a refund made elsewhere."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request

from posdesk.domain.money import Money
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.sandbox.server import SandboxServer
from posdesk.services.charges import ChargeService
from posdesk.store.customers import CustomerRepository
from posdesk.store.database import default_database_url, open_store
from posdesk.store.payments import PaymentRepository
from posdesk.store.sync_state import ProcessedEvents, WebhookInbox
from posdesk.sync.signature import signature_header
from tests.conftest import TEST_WEBHOOK_SECRET
from tests.gateway.sandbox_api import attach_card, call, new_customer
from tests.sync.conftest import event
from tests.sync.relay_process import RelayProcess, free_port


def send(url: str, payload: dict) -> bool:
    """One delivery as Stripe makes it; True only for a 2xx answer."""
    body = json.dumps(payload).encode()
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json",
        "Stripe-Signature": signature_header(TEST_WEBHOOK_SECRET, body),
    })
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return 200 <= response.status < 300
    except (urllib.error.URLError, OSError):
        return False


def test_sigkill_during_a_burst_loses_no_accepted_event(
    data_dir, sandbox, secret_key
) -> None:
    port = free_port()
    args = ["--webhooks", "--port", str(port)]
    relay = RelayProcess(data_dir, sandbox.base_url, args, secret_key=secret_key,
                         webhook_secret=TEST_WEBHOOK_SECRET)
    url = relay.first_line()
    assert url == f"http://127.0.0.1:{port}/webhooks/stripe"
    now = int(time.time())
    events = [
        event("customer.created",
              {"id": f"cus_burst{i:04d}", "object": "customer", "name": f"Burst {i}"}, now)
        for i in range(600)
    ]
    acked: set[str] = set()
    killed = threading.Event()

    def burst() -> None:
        for e in events:
            if send(url, e):
                acked.add(e["id"])
            if len(acked) == 150 and not killed.is_set():
                relay.kill()
                killed.set()

    sender = threading.Thread(target=burst)
    sender.start()
    sender.join(120)
    assert killed.is_set() and 150 <= len(acked) < len(events)
    relay.assert_no_secret_printed()

    # Restart: the inbox backlog is applied before anything else.
    restarted = RelayProcess(data_dir, sandbox.base_url, args, secret_key=secret_key,
                             webhook_secret=TEST_WEBHOOK_SECRET)
    assert restarted.first_line() == url
    store = open_store(default_database_url(data_dir))
    try:
        deadline = time.monotonic() + 30
        while not acked <= ProcessedEvents(store).ids() or WebhookInbox(store).count():
            assert time.monotonic() < deadline, "accepted events missing after restart"
            time.sleep(0.1)
        # The sender redelivers what got no 2xx, and some that did (at least once).
        for e in events:
            if e["id"] not in acked or int(e["id"][-1], 16) % 4 == 0:
                assert send(url, e)
        want = {e["id"] for e in events}
        while ProcessedEvents(store).ids() != want or WebhookInbox(store).count():
            assert time.monotonic() < deadline, "redelivered events not applied"
            time.sleep(0.1)
        assert CustomerRepository(store).count() == len(events)
        assert CustomerRepository(store).get("cus_burst0599").name == "Burst 599"
        assert restarted.terminate() == 0
        assert "stopped" in restarted.output()
        restarted.assert_no_secret_printed()
    finally:
        store.close()
        if restarted.proc.poll() is None:
            restarted.kill()


def test_restart_settles_a_lost_answer_and_a_refund_made_elsewhere(
    data_dir, sandbox, secret_key
) -> None:
    base = sandbox.base_url
    customer = new_customer(base, secret_key, "Rita Restart")
    card = attach_card(base, secret_key, customer)
    args = ["--poll", "--interval", "0.2"]
    first = RelayProcess(data_dir, base, args, secret_key=secret_key)
    first.wait_for_line("polling Stripe events")
    assert first.terminate() == 0  # a cursor now exists

    store = open_store(default_database_url(data_dir))
    try:
        charges = ChargeService(store, StripeGateway(secret_key, base, timeout=5))
        staff = StaffMember(id="staff-7", name="Cory Cashier", role=Role.CASHIER)
        kept = charges.charge_saved_card(staff, customer, card, Money(4000, "USD"), "Kept")
        assert kept.state is PaymentState.SUCCEEDED
        sandbox.drop_after_processing(1, path_prefix="/v1/payment_intents")
        lost = charges.charge_saved_card(staff, customer, card, Money(2500, "USD"), "Lost")
        assert lost.state is PaymentState.UNCONFIRMED
        kept_intent = PaymentRepository(store).get(kept.payment_id).intent_id
        call(base, secret_key, "POST", "/v1/refunds",
             {"payment_intent": kept_intent, "amount": 1500})

        second = RelayProcess(data_dir, base, args, secret_key=secret_key)
        payments = PaymentRepository(store)
        deadline = time.monotonic() + 30
        while (payments.get(lost.payment_id).state != PaymentState.SUCCEEDED
               or payments.get(kept.payment_id).amount_refunded != 1500):
            assert time.monotonic() < deadline, second.output()
            time.sleep(0.1)
        assert sandbox.count("payment_intent") == 2  # settled, never charged twice
        assert len(payments.list_recent()) == 2
        assert second.terminate() == 0
        second.assert_no_secret_printed()
    finally:
        store.close()


def test_sigkill_with_the_sandbox_as_sender(data_dir, secret_key) -> None:
    """The same with the sandbox's own signed, retried deliveries: what the killed relay
    did not answer, the sandbox sends again, and the restarted relay applies it once."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/webhooks/stripe"
    sandbox = SandboxServer(webhook_url=url, webhook_secret=TEST_WEBHOOK_SECRET).start()
    args = ["--webhooks", "--port", str(port)]
    relay = restarted = None
    try:
        relay = RelayProcess(data_dir, sandbox.base_url, args, secret_key=secret_key,
                             webhook_secret=TEST_WEBHOOK_SECRET)
        assert relay.first_line() == url
        customers = [new_customer(sandbox.base_url, secret_key, f"Sent {i}") for i in range(200)]
        deadline = time.monotonic() + 20
        while sandbox.webhooks.delivered < 40:
            assert time.monotonic() < deadline
            time.sleep(0.005)
        relay.kill()
        delivered_before_kill = sandbox.webhooks.delivered
        assert delivered_before_kill < 200
        restarted = RelayProcess(data_dir, sandbox.base_url, args, secret_key=secret_key,
                                 webhook_secret=TEST_WEBHOOK_SECRET)
        assert restarted.first_line() == url
        store = open_store(default_database_url(data_dir))
        try:
            deadline = time.monotonic() + 40
            while ProcessedEvents(store).count() < 200 or WebhookInbox(store).count():
                assert time.monotonic() < deadline, "redelivered events missing"
                time.sleep(0.1)
            assert ProcessedEvents(store).count() == sandbox.count("event") == 200
            repo = CustomerRepository(store)
            assert repo.count() == 200 and repo.get(customers[-1]).name == "Sent 199"
        finally:
            store.close()
        assert restarted.terminate() == 0
    finally:
        for process in (relay, restarted):
            if process is not None and process.proc.poll() is None:
                process.kill()
        sandbox.stop()
