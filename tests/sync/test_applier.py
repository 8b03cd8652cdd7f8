"""The one applier: once per event id, never backwards, unknown things handled."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
import requests
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy import func, select

from posdesk.domain.payment_state import PaymentState
from posdesk.ledger.payments import METADATA_PAYMENT_ID
from posdesk.store.customers import CustomerRepository
from posdesk.store.models import PaymentRecord
from posdesk.store.payment_methods import PaymentMethodRepository
from posdesk.store.payments import PaymentRepository
from posdesk.store.sync_state import ProcessedEvents, RefundRepository, SyncValues
from posdesk.sync.applier import STAFF_ID_STRIPE, EventApplier
from tests.gateway.sandbox_api import attach_card, call, new_customer
from tests.sync.conftest import event, intent

T = 1_790_000_000


def payments(store) -> list[PaymentRecord]:
    return PaymentRepository(store).list_recent(100)


def test_each_event_applied_once_whatever_the_order(store) -> None:
    applier = EventApplier(store)
    created = event("payment_intent.created", intent("pi_A", "requires_confirmation"), T)
    succeeded = event("payment_intent.succeeded", intent("pi_A", "succeeded"), T + 2)
    stats = applier.apply([succeeded, succeeded])
    assert (stats.received, stats.applied, stats.duplicates) == (2, 1, 1)
    late = applier.apply([created])  # the older event arrives last
    assert (late.applied, late.stale) == (0, 1)
    [record] = payments(store)
    assert record.state == PaymentState.SUCCEEDED and record.stripe_status == "succeeded"
    assert record.staff_id == STAFF_ID_STRIPE and record.amount_received == 1250
    assert record.currency == "USD" and record.customer_id == "cus_elsewhere"
    assert stats.payments == {record.id}
    assert ProcessedEvents(store).ids() == {created["id"], succeeded["id"]}

    again = applier.apply([created, succeeded])
    assert (again.duplicates, again.applied) == (2, 0) and not again.changed
    [same] = payments(store)
    assert same.updated_at == record.updated_at


def test_a_final_state_is_never_left(store) -> None:
    applier = EventApplier(store)
    applier.apply([event("payment_intent.canceled", intent("pi_B", "canceled"), T)])
    stats = applier.apply(
        [event("payment_intent.requires_action", intent("pi_B", "requires_action"), T + 60)]
    )
    assert stats.stale == 1
    [record] = payments(store)
    assert record.state == PaymentState.CANCELED


def test_an_older_event_never_overwrites_a_newer_one(store) -> None:
    applier = EventApplier(store)
    applier.apply([event("payment_intent.requires_action", intent("pi_C", "requires_action"), T)])
    error = {"code": "card_declined", "decline_code": "generic_decline"}
    stale = event(
        "payment_intent.payment_failed",
        intent("pi_C", "requires_payment_method", last_payment_error=error), T - 5,
    )
    assert applier.apply([stale]).stale == 1
    [record] = payments(store)
    assert record.stripe_status == "requires_action"
    assert record.state == PaymentState.AUTHENTICATION_REQUIRED


def test_same_second_disagreement_is_settled_by_reading_stripe(
    sandbox, secret_key, store, source
) -> None:
    customer = new_customer(sandbox.base_url, secret_key, "Sam Second")
    card = attach_card(sandbox.base_url, secret_key, customer, "pm_card_authenticationRequired")
    response = requests.post(
        sandbox.base_url + "/v1/payment_intents", auth=(secret_key, ""), timeout=10,
        data={"amount": 900, "currency": "usd", "customer": customer, "payment_method": card,
              "confirm": "true", "off_session": "true"},
    )
    assert response.status_code == 402
    events = call(sandbox.base_url, secret_key, "GET", "/v1/events?limit=100")["data"]
    intent_events = [e for e in events if e["type"].startswith("payment_intent.")]
    assert [e["type"] for e in intent_events] == [
        "payment_intent.payment_failed", "payment_intent.created"
    ]
    for e in intent_events:  # the same second, as two events of one request usually are
        e["created"] = T
    applier = EventApplier(store, source)
    # Newest first, one batch each: the older event arrives second and disagrees.
    applier.apply([intent_events[0]])
    stats = applier.apply([intent_events[1]])
    assert stats.rereads == 1
    [record] = payments(store)
    assert record.stripe_status == "requires_payment_method"
    assert record.state == PaymentState.AUTHENTICATION_REQUIRED
    assert record.error_code == "authentication_required"


def test_a_local_payment_is_found_by_its_metadata(store) -> None:
    repo = PaymentRepository(store)
    local = repo.add(
        PaymentRecord(
            id="11111111-2222-3333-4444-555555555555", idempotency_key="key-1",
            customer_id="cus_1", payment_method_id="pm_1", amount=1250, currency="USD",
            state=PaymentState.UNCONFIRMED.value, staff_id="staff-7", staff_name="Cory",
        )
    )
    obj = intent("pi_D", "succeeded", metadata={METADATA_PAYMENT_ID: local.id})
    stats = EventApplier(store).apply([event("payment_intent.succeeded", obj, T)])
    assert stats.payments == {local.id}
    [record] = payments(store)
    assert record.id == local.id and record.intent_id == "pi_D"
    assert record.state == PaymentState.SUCCEEDED and record.staff_id == "staff-7"


def test_a_payment_claimed_by_a_live_terminal_is_only_linked_to_its_intent(store) -> None:
    # A customer at another till's card form: their first card was declined, they may try
    # another. Sync must not call the payment declined under that till's feet.
    repo = PaymentRepository(store)
    local = repo.add(
        PaymentRecord(
            id="22222222-2222-3333-4444-555555555555", idempotency_key="key-2",
            customer_id="cus_1", amount=2000, currency="USD",
            state=PaymentState.PENDING.value, staff_id="staff-7", staff_name="Cory",
            claimed_by="terminal-a", claim_expires_at=datetime.now(UTC) + timedelta(seconds=30),
        )
    )
    error = {"code": "card_declined", "decline_code": "insufficient_funds"}
    obj = intent("pi_W", "requires_payment_method", last_payment_error=error,
                 metadata={METADATA_PAYMENT_ID: local.id})
    EventApplier(store).apply([event("payment_intent.payment_failed", obj, T)])
    [record] = payments(store)
    assert record.intent_id == "pi_W" and record.state == PaymentState.PENDING
    assert record.error_code is None

    # Once the claim has lapsed (the terminal died), events apply as usual.
    repo.update(local.id, claim_expires_at=datetime.now(UTC) - timedelta(seconds=1))
    later = intent("pi_W", "succeeded", metadata={METADATA_PAYMENT_ID: local.id})
    EventApplier(store).apply([event("payment_intent.succeeded", later, T + 5)])
    assert payments(store)[0].state == PaymentState.SUCCEEDED


def test_unknown_types_are_recorded_and_ignored(store) -> None:
    invoice = event("invoice.paid", {"id": "in_1", "object": "invoice", "amount_paid": 5}, T)
    stats = EventApplier(store).apply([invoice])
    assert (stats.applied, stats.ignored) == (0, 1) and not stats.changed
    assert ProcessedEvents(store).contains(invoice["id"])
    assert payments(store) == []


def test_events_for_unknown_objects_change_nothing_they_should_not(store) -> None:
    applier = EventApplier(store)
    charge = {"id": "ch_X", "object": "charge", "payment_intent": "pi_unknown",
              "amount": 500, "amount_refunded": 500}
    deleted = {"id": "cus_gone", "object": "customer", "deleted": True}
    detached = {"id": "pm_gone", "object": "payment_method", "type": "card", "customer": None}
    stats = applier.apply([
        event("charge.refunded", charge, T),
        event("customer.deleted", deleted, T),
        event("payment_method.detached", detached, T),
    ])
    assert stats.received == 3 and stats.malformed == 0
    assert payments(store) == []
    assert CustomerRepository(store).get("cus_gone") is None
    assert ProcessedEvents(store).count() == 3
    # A customer the cache has never seen is simply added.
    new = {"id": "cus_new", "object": "customer", "name": "Nia New", "email": "nia@example.com",
           "created": T}
    applier.apply([event("customer.updated", new, T + 1)])
    assert CustomerRepository(store).get("cus_new").name == "Nia New"
    assert [c.id for c in CustomerRepository(store).search("nia")] == ["cus_new"]


def test_malformed_events_are_not_recorded(store) -> None:
    stats = EventApplier(store).apply(
        [{"id": "evt_1", "type": "customer.updated"}, {"type": "x"}, "nonsense"]  # type: ignore[list-item]
    )
    assert stats.malformed == 3 and ProcessedEvents(store).count() == 0


def test_customers_never_come_back_from_deletion(store) -> None:
    applier = EventApplier(store)
    cust = {"id": "cus_1", "object": "customer", "name": "Ann New", "created": T}
    applier.apply([
        event("customer.updated", {**cust, "name": "Ann Newer"}, T + 10),
        event("customer.created", cust, T),
    ])
    assert CustomerRepository(store).get("cus_1").name == "Ann Newer"
    applier.apply([
        event("customer.deleted", {**cust, "deleted": True}, T + 20),
        event("customer.updated", {**cust, "name": "Ann Zombie"}, T + 30),
    ])
    record = CustomerRepository(store).get("cus_1")
    assert record.deleted and record.name == "Ann Newer"
    assert CustomerRepository(store).search("ann") == []


def test_cards_follow_attach_and_detach_in_any_order(store) -> None:
    applier = EventApplier(store)
    card = {"id": "pm_1", "object": "payment_method", "type": "card", "customer": "cus_1",
            "created": T, "card": {"brand": "visa", "last4": "4242", "exp_month": 12,
                                   "exp_year": 2031}}
    stats = applier.apply([event("payment_method.attached", card, T)])
    assert stats.customers == {"cus_1"}
    [cached] = PaymentMethodRepository(store).list_for_customer("cus_1")
    assert (cached.brand, cached.last4) == ("visa", "4242")
    detached = {**card, "customer": None}
    stats = applier.apply([
        event("payment_method.detached", detached, T + 5),
        event("payment_method.attached", card, T + 1),  # late duplicate of the past
    ])
    assert stats.customers == {"cus_1"}
    assert PaymentMethodRepository(store).list_for_customer("cus_1") == []


def test_refunds_only_move_forward(store) -> None:
    applier = EventApplier(store)
    applier.apply([event("payment_intent.succeeded", intent("pi_R", "succeeded"), T)])
    charge = {"id": "ch_R", "object": "charge", "payment_intent": "pi_R", "amount": 1250}
    refund = {"id": "re_1", "object": "refund", "amount": 250, "currency": "usd",
              "payment_intent": "pi_R", "charge": "ch_R", "status": "pending", "created": T + 1}
    applier.apply([
        event("charge.refunded", {**charge, "amount_refunded": 1250}, T + 9),
        event("refund.updated", {**refund, "status": "succeeded"}, T + 9),
        event("charge.refunded", {**charge, "amount_refunded": 250}, T + 1),
        event("refund.created", refund, T + 1),
    ])
    [record] = payments(store)
    assert record.amount_refunded == 1250
    assert RefundRepository(store).get("re_1").status == "succeeded"
    assert RefundRepository(store).list_open() == []


def test_refunds_seen_before_their_payment_still_count(store) -> None:
    # Webhooks arrive in any order: here both refunds and the newer charge event come
    # before the payment itself, and the older charge event comes last.
    applier = EventApplier(store)
    charge = {"id": "ch_E", "object": "charge", "payment_intent": "pi_E", "amount": 2000}
    first = {"id": "re_E1", "object": "refund", "amount": 500, "currency": "usd",
             "payment_intent": "pi_E", "charge": "ch_E", "status": "succeeded",
             "created": T + 1}
    second = {**first, "id": "re_E2", "amount": 700, "created": T + 2}
    applier.apply([event("charge.refunded", {**charge, "amount_refunded": 1200}, T + 2)])
    applier.apply([event("refund.created", first, T + 1)])
    applier.apply([event("refund.created", second, T + 2)])
    applier.apply([event("payment_intent.succeeded", intent("pi_E", "succeeded"), T)])
    [record] = payments(store)
    assert record.amount_refunded == 1200
    late = applier.apply([event("charge.refunded", {**charge, "amount_refunded": 500}, T + 1)])
    assert late.stale == 1
    [record] = payments(store)
    assert record.amount_refunded == 1200


def test_a_customer_deleted_before_we_knew_them_never_appears(store) -> None:
    applier = EventApplier(store)
    customer = {"id": "cus_gone", "object": "customer", "name": "Bob Gone", "created": T}
    applier.apply([event("customer.deleted", customer, T + 5)])
    assert applier.apply([event("customer.created", customer, T)]).stale == 1
    assert CustomerRepository(store).get("cus_gone") is None
    assert CustomerRepository(store).search("Bob") == []


def test_a_succeeded_refund_that_fails_later_stops_counting(store) -> None:
    # A bank can return a refund it had taken: Stripe then marks it failed.
    applier = EventApplier(store)
    applier.apply([event("payment_intent.succeeded", intent("pi_F", "succeeded"), T)])
    refund = {"id": "re_F", "object": "refund", "amount": 400, "currency": "usd",
              "payment_intent": "pi_F", "charge": "ch_F", "status": "succeeded", "created": T}
    applier.apply([event("refund.created", refund, T + 1)])
    [record] = payments(store)
    assert record.amount_refunded == 400
    failed = applier.apply([event("refund.failed", {**refund, "status": "failed"}, T + 600)])
    assert failed.applied == 1
    assert RefundRepository(store).get("re_F").status == "failed"
    [record] = payments(store)
    assert record.amount_refunded == 0
    late = applier.apply([event("refund.updated", refund, T + 5)])  # the older news
    assert late.stale == 1
    assert RefundRepository(store).get("re_F").status == "failed"


def test_a_saved_card_is_read_when_its_attach_event_is_missing(
    sandbox, secret_key, store, source
) -> None:
    customer = new_customer(sandbox.base_url, secret_key, "Sue Setup")
    card = attach_card(sandbox.base_url, secret_key, customer)
    setup = {"id": "seti_1", "object": "setup_intent", "status": "succeeded",
             "customer": customer, "payment_method": card}
    stats = EventApplier(store, source).apply([event("setup_intent.succeeded", setup, T)])
    assert stats.rereads == 1
    [cached] = PaymentMethodRepository(store).list_for_customer(customer)
    assert cached.id == card and cached.last4 == "4242"


def test_one_transaction_per_batch(store) -> None:
    events = [
        event("payment_intent.succeeded", intent(f"pi_{i}", "succeeded"), T + i)
        for i in range(1200)
    ]
    commits: list[object] = []

    def count(connection: object) -> None:
        commits.append(connection)

    sqlalchemy_event.listen(store.engine, "commit", count)
    try:
        stats = EventApplier(store, batch_size=500).apply(events)
    finally:
        sqlalchemy_event.remove(store.engine, "commit", count)
    assert stats.applied == 1200
    assert len(commits) == 3  # 500 + 500 + 200
    with store.session() as session:
        assert session.execute(select(func.count()).select_from(PaymentRecord)).scalar() == 1200


class ProbingFetcher:
    """Answers re-reads from a dict; each read first writes to the store, which would wait
    for the write lock if the applier held it while asking Stripe."""

    def __init__(self, store, objects: dict[str, dict] | None = None) -> None:
        self.store = store
        self.objects = objects or {}
        self.reads: list[str] = []

    def fetch(self, object_type: str, object_id: str) -> dict | None:
        started = time.monotonic()
        SyncValues(self.store).set("probe", object_id)
        assert time.monotonic() - started < 2, "the applier held the write lock"
        self.reads.append(object_id)
        if object_id not in self.objects:
            raise ConnectionError("Stripe unreachable")
        return self.objects[object_id]


def test_rereads_happen_with_no_lock_held(store) -> None:
    fetcher = ProbingFetcher(store, {"pi_L": intent("pi_L", "requires_action")})
    applier = EventApplier(store, fetcher)
    applier.apply([event("payment_intent.processing", intent("pi_L", "processing"), T)])
    stats = applier.apply([event("payment_intent.requires_action",
                                 intent("pi_L", "requires_action"), T)])
    assert stats.rereads == 1 and fetcher.reads == ["pi_L"]
    [record] = payments(store)
    assert record.stripe_status == "requires_action"


def test_when_stripe_cannot_be_asked_the_store_keeps_the_state_further_along(store) -> None:
    fetcher = ProbingFetcher(store)  # every read fails
    applier = EventApplier(store, fetcher)
    applier.apply([event("payment_intent.processing", intent("pi_F", "processing"), T)])
    behind = applier.apply([event("payment_intent.requires_action",
                                  intent("pi_F", "requires_action"), T)])
    assert behind.stale == 1 and fetcher.reads == ["pi_F"]
    assert payments(store)[0].stripe_status == "processing"
    ahead = applier.apply([event("payment_intent.requires_capture",
                                 intent("pi_F", "requires_capture"), T)])
    assert ahead.applied == 1
    assert payments(store)[0].state == PaymentState.REQUIRES_CAPTURE


@pytest.mark.parametrize("amount", [10**20, "abc"])
def test_an_event_the_store_cannot_hold_is_set_aside_and_the_rest_applied(store, amount) -> None:
    # A correctly signed event with values no Stripe object has once blocked every event
    # after it in the inbox: its batch failed again and again.
    bad = event("payment_intent.succeeded", intent("pi_BAD", "succeeded", amount=amount), T)
    good = event("payment_intent.succeeded", intent("pi_OK", "succeeded"), T + 1)
    applier = EventApplier(store)
    stats = applier.apply([bad, good])
    assert stats.malformed == 1 and stats.applied == 1
    assert [r.intent_id for r in payments(store)] == ["pi_OK"]
    assert {bad["id"], good["id"]} <= ProcessedEvents(store).ids()  # never retried
    assert applier.apply([bad]).duplicates == 1
