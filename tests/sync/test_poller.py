"""The poller against the sandbox: catches up from nothing, pages forward from its cursor,
backs off on errors and rate limits, and falls back to a full reconcile when the cursor is
unknown or too old."""

from __future__ import annotations

import random
import threading
import time

from posdesk.domain.payment_state import PaymentState
from posdesk.store.customers import CustomerData, CustomerRepository
from posdesk.store.payment_methods import PaymentMethodData, PaymentMethodRepository
from posdesk.store.payments import PaymentRepository
from posdesk.store.sync_state import ProcessedEvents, SyncValues
from posdesk.sync.applier import EventApplier
from posdesk.sync.poller import CURSOR, CURSOR_CREATED, NO_EVENTS_YET, Backoff, EventPoller
from posdesk.sync.status import MODE_RECONCILE, SyncObserver, SyncStatus
from tests.gateway.sandbox_api import attach_card, call, new_customer


def charge(base: str, key: str, customer: str, card: str, amount: int = 1500) -> dict:
    return call(base, key, "POST", "/v1/payment_intents", {
        "amount": amount, "currency": "usd", "customer": customer, "payment_method": card,
        "confirm": "true", "off_session": "true"})


def make_poller(tmp_store, source, **kwargs) -> EventPoller:
    return EventPoller(tmp_store, source, EventApplier(tmp_store, source), **kwargs)


def test_first_run_reconciles_then_follows_events(sandbox, secret_key, tmp_store, source) -> None:
    base = sandbox.base_url
    ann = new_customer(base, secret_key, "Ann Before")
    card = attach_card(base, secret_key, ann)
    before = charge(base, secret_key, ann, card)
    poller = make_poller(tmp_store, source)
    poller.poll_once()
    newest = call(base, secret_key, "GET", "/v1/events?limit=1")["data"][0]
    assert poller.cursor == newest["id"]
    assert CustomerRepository(tmp_store).get(ann).name == "Ann Before"
    [record] = PaymentRepository(tmp_store).list_recent()
    assert record.intent_id == before["id"] and record.state == PaymentState.SUCCEEDED
    assert ProcessedEvents(tmp_store).count() == 0  # read from the lists, not from events

    # Afterwards: only the events after the cursor, more than one page of them.
    bob = [new_customer(base, secret_key, f"Bob {i:03d}") for i in range(130)]
    call(base, secret_key, "POST", "/v1/refunds", {"payment_intent": before["id"]})
    stats = poller.poll_once()
    # 130 customers, then refund.created and charge.refunded.
    assert stats.received == 132 and stats.duplicates == 0
    assert ProcessedEvents(tmp_store).count() == 132
    assert CustomerRepository(tmp_store).get(bob[-1]).name == "Bob 129"
    [record] = PaymentRepository(tmp_store).list_recent()
    assert record.amount_refunded == 1500
    assert poller.poll_once().received == 0
    newest = call(base, secret_key, "GET", "/v1/events?limit=1")["data"][0]
    assert poller.cursor == newest["id"]


def test_unknown_cursor_falls_back_to_a_full_reconcile(
    sandbox, secret_key, tmp_store, source
) -> None:
    ann = new_customer(sandbox.base_url, secret_key, "Ann Gap")
    CustomerRepository(tmp_store).upsert(CustomerData(id="cus_deleted_meanwhile", name="Del"))
    statuses: list[SyncStatus] = []
    poller = make_poller(tmp_store, source, observer=SyncObserver(on_status=statuses.append))
    SyncValues(tmp_store).set(CURSOR, "evt_forgotten")
    SyncValues(tmp_store).set(CURSOR_CREATED, str(int(time.time())))
    poller.poll_once()
    assert CustomerRepository(tmp_store).get(ann) is not None
    assert CustomerRepository(tmp_store).get("cus_deleted_meanwhile").deleted
    assert poller.cursor != "evt_forgotten"
    assert MODE_RECONCILE in [s.mode for s in statuses]


def test_a_cursor_older_than_thirty_days_reconciles(
    sandbox, secret_key, tmp_store, source
) -> None:
    ann = new_customer(sandbox.base_url, secret_key, "Ann Weekend")
    card = attach_card(sandbox.base_url, secret_key, ann)
    events = call(sandbox.base_url, secret_key, "GET", "/v1/events?limit=1")["data"]
    SyncValues(tmp_store).set(CURSOR, events[0]["id"])
    SyncValues(tmp_store).set(CURSOR_CREATED, str(int(time.time()) - 31 * 86400))
    # A card cached for the customer is refreshed from the list too.
    PaymentMethodRepository(tmp_store).upsert(PaymentMethodData(id="pm_old", customer_id=ann))
    stats = make_poller(tmp_store, source).poll_once()
    assert stats.received >= 2
    cards = [c.id for c in PaymentMethodRepository(tmp_store).list_for_customer(ann)]
    assert cards == [card]  # pm_old is gone at Stripe: dropped from the cache


def test_backs_off_on_rate_limits_and_errors_then_recovers(
    sandbox, secret_key, tmp_store, source
) -> None:
    SyncValues(tmp_store).set(CURSOR, None)
    make_poller(tmp_store, source).poll_once()  # a cursor to start from
    sandbox.fail_next(2, status=429, path_prefix="/v1/events")
    sandbox.fail_next(1, status=500, path_prefix="/v1/events")
    ann = new_customer(sandbox.base_url, secret_key, "Ann Patient")
    seen: list[SyncStatus] = []
    recovered = threading.Event()

    def on_status(status: SyncStatus) -> None:
        seen.append(status)
        if status.error is None and any(s.error for s in seen):
            recovered.set()

    poller = make_poller(
        tmp_store, source, interval_s=0.05, backoff=Backoff(base_s=0.05, max_s=0.2),
        observer=SyncObserver(on_status=on_status), rng=random.Random(1),
    ).start()
    try:
        assert recovered.wait(10)
        deadline = time.monotonic() + 10
        while CustomerRepository(tmp_store).get(ann) is None:
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        poller.stop()
    errors = [s.error for s in seen if s.error]
    assert len(errors) >= 3
    assert any("too many requests" in e.lower() for e in errors)
    assert poller.failures == 0


def test_backoff_grows_with_jitter_and_a_ceiling() -> None:
    backoff = Backoff(base_s=1.0, max_s=30.0)
    rng = random.Random(3)
    delays = [[backoff.delay(n, rng) for _ in range(50)] for n in (1, 2, 3, 10)]
    assert all(0.5 <= d <= 1.0 for d in delays[0])
    assert all(1.0 <= d <= 2.0 for d in delays[1])
    assert all(2.0 <= d <= 4.0 for d in delays[2])
    assert all(15.0 <= d <= 30.0 for d in delays[3])
    assert len({round(d, 6) for d in delays[3]}) > 40  # jittered, not in lockstep


def test_an_account_without_events_is_followed_from_its_first_event(
    sandbox, secret_key, tmp_store, source
) -> None:
    poller = make_poller(tmp_store, source)
    assert poller.poll_once().received == 0
    assert poller.cursor == NO_EVENTS_YET
    assert poller.poll_once().received == 0  # no reconcile loop on an empty account
    ids = [new_customer(sandbox.base_url, secret_key, f"First {i}") for i in range(120)]
    stats = poller.poll_once()
    assert stats.received == 120 and stats.applied == 120
    assert CustomerRepository(tmp_store).get(ids[-1]).name == "First 119"
    newest = call(sandbox.base_url, secret_key, "GET", "/v1/events?limit=1")["data"][0]
    assert poller.cursor == newest["id"]


def test_a_library_error_reaches_the_status_bar_as_a_sentence_not_its_class_name() -> None:
    from posdesk.sync.poller import _problem

    text = _problem(KeyError("data"))
    assert "KeyError" not in text and "data" not in text and text.endswith(".")
