"""The change feed: writers record typed changes in their own transaction, and a feed on any
Store object of the same database (another terminal) delivers each committed one, once, in
order; SQLite and, when POSDESK_TEST_DATABASE_URL is set, PostgreSQL."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event, func, insert, select, text

from posdesk.domain.changes import EVERY, Change, ChangeKind
from posdesk.store import changes as change_log
from posdesk.store.customers import CustomerData, CustomerRepository
from posdesk.store.database import Store
from posdesk.store.models import ChangeRecord, PaymentRecord, utcnow
from posdesk.store.payment_methods import PaymentMethodData, PaymentMethodRepository
from posdesk.store.payments import PaymentRepository
from posdesk.sync.applier import EventApplier
from posdesk.sync.feed import ChangeFeed
from tests.sync.conftest import event as stripe_event
from tests.sync.conftest import intent

WAIT_S = 5.0
CHANGES = ChangeRecord.__table__  # type: ignore[attr-defined]


class Collector:
    """Subscriber that keeps every delivered change and lets a test wait for them."""

    def __init__(self) -> None:
        self.changes: list[Change] = []
        self.deliveries = 0
        self._cond = threading.Condition()

    def __call__(self, found: list[Change]) -> None:
        with self._cond:
            self.changes.extend(found)
            self.deliveries += 1
            self._cond.notify_all()

    def wait_for(self, count: int, timeout: float = WAIT_S) -> list[Change]:
        with self._cond:
            assert self._cond.wait_for(lambda: len(self.changes) >= count, timeout), (
                f"{len(self.changes)} of {count} changes delivered: {self.changes}"
            )
            return list(self.changes)


@pytest.fixture
def watch() -> Iterator[Callable[..., tuple[ChangeFeed, Collector]]]:
    """Starts a feed on a store with a collecting subscriber; stopped after the test."""
    feeds: list[ChangeFeed] = []

    def _watch(store: Store, **options: Any) -> tuple[ChangeFeed, Collector]:
        feed = ChangeFeed(store, **options)
        collector = Collector()
        feed.subscribe(collector)
        feed.start()
        assert feed.ready.wait(WAIT_S)
        feeds.append(feed)
        return feed, collector

    yield _watch
    for feed in feeds:
        feed.stop()


def payment(customer_id: str = "cus_ann", terminal_id: str | None = "till-1") -> PaymentRecord:
    return PaymentRecord(
        id=str(uuid.uuid4()), idempotency_key=str(uuid.uuid4()), customer_id=customer_id,
        amount=1250, currency="USD", state="pending", staff_id="staff-7",
        terminal_id=terminal_id, claimed_by=terminal_id,
    )


def stored_changes(store: Store) -> list[tuple[str, str, str | None]]:
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(CHANGES.c.kind, CHANGES.c.entity_id, CHANGES.c.customer_id)
            .order_by(CHANGES.c.id)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def settle(seconds: float = 1.3) -> None:
    """Longer than a SQLite poll: a duplicate delivery would have happened by now."""
    time.sleep(seconds)


# --- the feed ------------------------------------------------------------------------------


def test_a_committed_payment_is_delivered_once_in_order(
    open_test_store: Callable[[], Store], watch: Any
) -> None:
    writer, reader = open_test_store(), open_test_store()
    _, seen = watch(reader)
    payments = PaymentRepository(writer)
    first = payments.add(payment())
    payments.update(first.id, state="succeeded")
    second = payments.add(payment("cus_bob", terminal_id=None))
    found = seen.wait_for(3)
    settle()
    assert seen.changes == found and len(found) == 3
    assert [(c.kind, c.entity_id, c.customer_id, c.terminal_id) for c in found] == [
        (ChangeKind.PAYMENT, first.id, "cus_ann", "till-1"),
        (ChangeKind.PAYMENT, first.id, "cus_ann", "till-1"),  # its claim holder wrote it
        (ChangeKind.PAYMENT, second.id, "cus_bob", None),
    ]
    assert [c.id for c in found] == sorted(c.id for c in found)
    assert all(c.at is not None and c.at.tzinfo is not None for c in found)


def test_a_rolled_back_transaction_delivers_nothing(
    open_test_store: Callable[[], Store], watch: Any
) -> None:
    writer, reader = open_test_store(), open_test_store()
    _, seen = watch(reader)
    with pytest.raises(RuntimeError), writer.session() as session:
        change_log.record(session, [change_log.customer_change("cus_rolled_back")])
        raise RuntimeError("the writer failed after recording")
    CustomerRepository(writer).upsert(CustomerData(id="cus_kept", name="Kept"))
    [only] = seen.wait_for(1)
    settle()
    assert only.entity_id == "cus_kept" and seen.changes == [only]
    assert stored_changes(writer) == [("customer", "cus_kept", "cus_kept")]


def without_in_process_wake_ups(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in another process: only NOTIFY (PostgreSQL) or polling (SQLite) tells the feed."""
    monkeypatch.setattr(change_log, "on_commit", lambda engine, callback: lambda: None)


def test_another_store_on_the_same_database_receives_the_change(
    open_test_store: Callable[[], Store], watch: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another terminal: its own Store object (engine, pool) and, as if in another process,
    no wake-up from the writer's commit."""
    without_in_process_wake_ups(monkeypatch)
    writer, other = open_test_store(), open_test_store()
    feed, seen = watch(other, poll_interval_s=1.0)
    assert feed.listens == (other.dialect == "postgresql")
    started = time.monotonic()
    CustomerRepository(writer, terminal_id="till-2").upsert(CustomerData(id="cus_new", name="N"))
    [change] = seen.wait_for(1)
    elapsed = time.monotonic() - started
    assert (change.kind, change.entity_id, change.terminal_id) == (
        ChangeKind.CUSTOMER, "cus_new", "till-2"
    )
    assert elapsed < (1.0 if other.dialect == "postgresql" else 2.0)


def test_the_feed_starts_at_the_newest_change(
    open_test_store: Callable[[], Store], watch: Any
) -> None:
    store = open_test_store()
    customers = CustomerRepository(store)
    customers.upsert(CustomerData(id="cus_before", name="Before"))
    _, seen = watch(store)
    customers.upsert(CustomerData(id="cus_after", name="After"))
    assert [c.entity_id for c in seen.wait_for(1)] == ["cus_after"]
    settle()
    assert len(seen.changes) == 1


def test_a_commit_in_this_process_wakes_the_feed_at_once(
    open_test_store: Callable[[], Store], watch: Any
) -> None:
    store = open_test_store()
    _, seen = watch(store, poll_interval_s=30.0, safety_interval_s=30.0)
    started = time.monotonic()
    PaymentRepository(store).add(payment())
    seen.wait_for(1, timeout=2.0)
    assert time.monotonic() - started < 0.5


def test_a_feed_restarts_and_stops_delivering_when_stopped(
    open_test_store: Callable[[], Store], watch: Any
) -> None:
    store = open_test_store()
    feed, seen = watch(store)
    feed.stop()
    PaymentRepository(store).add(payment())
    settle()
    assert seen.changes == []
    feed.start()
    assert feed.ready.wait(WAIT_S)
    PaymentRepository(store).add(payment())
    assert len(seen.wait_for(1)) == 1


def test_a_late_commit_of_a_lower_id_is_still_delivered(
    open_test_store: Callable[[], Store], watch: Any
) -> None:
    """PostgreSQL hands out ids before commit: the transaction that took id n may commit
    after the one that took n + 1 was read."""
    store = open_test_store()
    if store.dialect != "postgresql":
        pytest.skip("SQLite has one writer at a time: ids are taken in commit order")
    _, seen = watch(store)
    slow = store.session()
    with slow as slow_session:
        change_log.record(slow_session, [change_log.customer_change("cus_slow")])
        CustomerRepository(store).upsert(CustomerData(id="cus_fast", name="Fast"))
        assert [c.entity_id for c in seen.wait_for(1)] == ["cus_fast"]
    found = seen.wait_for(2)
    settle()
    assert [c.entity_id for c in seen.changes] == ["cus_fast", "cus_slow"]
    assert found[1].id < found[0].id


def test_the_feed_listens_again_after_its_connection_drops(
    open_test_store: Callable[[], Store], watch: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_test_store()
    if store.dialect != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    without_in_process_wake_ups(monkeypatch)
    feed, seen = watch(store, safety_interval_s=60.0)

    def listener() -> Any:
        return feed._reader.listener if feed._reader is not None else None

    first = listener()
    assert first is not None
    backend = first._connection.info.backend_pid
    with store.engine.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
        conn.commit()
    deadline = time.monotonic() + WAIT_S
    while listener() in (None, first):
        assert time.monotonic() < deadline, "no new LISTEN connection"
        time.sleep(0.05)
    started = time.monotonic()
    PaymentRepository(store).add(payment())
    seen.wait_for(1)
    assert time.monotonic() - started < 1.0


def test_old_changes_are_pruned_but_the_newest_row_stays(store: Store) -> None:
    old = utcnow() - timedelta(days=2)
    with store.engine.begin() as conn:
        conn.execute(insert(CHANGES), [
            {"kind": "customer", "entity_id": f"cus_{i}", "at": old} for i in range(3)
        ])
    assert change_log.prune(store) == 2
    CustomerRepository(store).upsert(CustomerData(id="cus_recent", name="Recent"))
    assert change_log.prune(store) == 1  # the old row kept as newest before is old now
    assert [entity for _, entity, _ in stored_changes(store)] == ["cus_recent"]
    with store.engine.connect() as conn:
        assert conn.execute(select(func.max(CHANGES.c.id))).scalar() == 4  # ids never go back


# --- what writers record -----------------------------------------------------------------------


def test_customer_writes_record_only_real_changes(store: Store) -> None:
    customers = CustomerRepository(store, terminal_id="till-1")
    ann = CustomerData(id="cus_ann", name="Ann", email="ann@example.com")
    customers.upsert(ann)
    customers.upsert(ann)  # e.g. a customer page opened again: Stripe says the same
    customers.upsert(CustomerData(id="cus_ann", name="Ann Lee", email="ann@example.com"))
    assert customers.mark_deleted("cus_ann") and customers.mark_deleted("cus_ann")
    assert stored_changes(store) == [("customer", "cus_ann", "cus_ann")] * 3


def test_a_bulk_refresh_records_one_change_per_batch_not_one_per_customer(store: Store) -> None:
    customers = CustomerRepository(store)
    many = [CustomerData(id=f"cus_{i:04d}", name=f"Customer {i}") for i in range(1200)]
    assert customers.upsert_many(many) == 1200
    assert stored_changes(store) == [("customer", EVERY, None)] * 3  # batches of 500
    customers.upsert_many(many)  # nothing new
    customers.upsert_many(many[:2] + [CustomerData(id="cus_0002", name="Renamed")])
    assert stored_changes(store)[3:] == [("customer", "cus_0002", "cus_0002")]


def test_card_writes_record_changes_for_their_customers(store: Store) -> None:
    cards = PaymentMethodRepository(store)

    def card(pm: str, customer: str, last4: str = "4242") -> PaymentMethodData:
        return PaymentMethodData(id=pm, customer_id=customer, brand="visa", last4=last4)

    cards.replace_for_customer("cus_ann", [card("pm_1", "cus_ann"), card("pm_2", "cus_ann")])
    cards.replace_for_customer("cus_ann", [card("pm_1", "cus_ann"), card("pm_2", "cus_ann")])
    assert stored_changes(store) == [
        ("payment_method", "pm_1", "cus_ann"), ("payment_method", "pm_2", "cus_ann")
    ]
    cards.replace_for_customer("cus_ann", [card("pm_1", "cus_ann", "1111")])  # pm_2 gone
    cards.upsert(card("pm_1", "cus_bob", "1111"))  # moved to Bob
    assert cards.remove("pm_1") and not cards.remove("pm_1")
    assert stored_changes(store)[2:] == [
        ("payment_method", "pm_1", "cus_ann"),
        ("payment_method", "pm_2", "cus_ann"),
        ("payment_method", "pm_1", "cus_bob"),
        ("payment_method", "pm_1", "cus_ann"),
        ("payment_method", "pm_1", "cus_bob"),
    ]


def test_the_applier_records_what_a_batch_changed_in_one_insert(store: Store) -> None:
    inserts: list[int] = []

    def count(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
              executemany: bool) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO CHANGES"):
            inserts.append(len(parameters) if executemany else 1)

    event.listen(store.engine, "before_cursor_execute", count)
    applier = EventApplier(store)
    created = 1_700_000_100
    customer = {"id": "cus_dash", "object": "customer", "name": "Dash", "email": None,
                "phone": None, "created": created, "invoice_settings": {}}
    card = {"id": "pm_dash", "object": "payment_method", "type": "card", "customer": "cus_dash",
            "card": {"brand": "visa", "last4": "4242", "exp_month": 1, "exp_year": 2030},
            "created": created}
    paid = intent("pi_dash", "succeeded", customer="cus_dash")
    refund = {"id": "re_dash", "object": "refund", "payment_intent": "pi_dash",
              "amount": 500, "currency": "usd", "status": "succeeded", "created": created}
    events = [
        stripe_event("customer.created", customer, created),
        stripe_event("payment_method.attached", card, created),
        stripe_event("payment_intent.succeeded", paid, created),
    ]
    try:
        applier.apply(events)
        [payment_id] = [p.id for p in PaymentRepository(store).list_for_customer("cus_dash")]
        assert sorted(stored_changes(store)) == sorted([
            ("payment", payment_id, "cus_dash"),
            ("customer", "cus_dash", "cus_dash"),
            ("payment_method", "pm_dash", "cus_dash"),
        ])
        assert inserts == [3]
        applier.apply([stripe_event("refund.created", refund, created + 1)])
        assert sorted(stored_changes(store)[3:]) == [
            ("payment", payment_id, "cus_dash"), ("refund", "re_dash", "cus_dash")
        ]
        # A catch-up that reads the same objects again changes nothing a screen shows.
        applier.apply_objects([customer, card, paid, refund], read_at=created + 60)
        assert len(stored_changes(store)) == 5
        assert inserts == [3, 2]
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
