"""Switching a terminal to a shared store: the URL it accepts, connecting and migrating, and
copying its local SQLite data in without losing or duplicating a row.

The target store is SQLite always and PostgreSQL too when POSDESK_TEST_DATABASE_URL is set
(a fresh schema per test, see tests/store/conftest.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from posdesk.services.store_setup import (
    COPIED_TABLES,
    STEP_CONNECTING,
    STEP_COPYING,
    STEP_MIGRATING,
    URL_EMPTY,
    URL_HAS_PASSWORD,
    URL_NO_DATABASE,
    URL_NOT_POSTGRES,
    Progress,
    StoreUnreachable,
    StoreUrlProblem,
    copy_local_data,
    data_counts,
    display_url,
    postgres_url,
    prepare_store,
    store_url_for_demo,
)
from posdesk.store import day_closes
from posdesk.store.audit import AuditLog
from posdesk.store.customers import CustomerData, CustomerRepository
from posdesk.store.database import Store, default_database_url, open_store
from posdesk.store.models import (
    AuditEntry,
    CustomerRecord,
    DayCloseRecord,
    PaymentMethodRecord,
    PaymentRecord,
    PaymentRequestRecord,
    TerminalRecord,
)
from posdesk.store.sync_models import RefundRecord
from posdesk.store.terminals import TerminalRepository
from tests.store import conftest as store_fixtures

# More stores on the database under test (`store_url` of tests/conftest.py: SQLite, and
# PostgreSQL too when POSDESK_TEST_DATABASE_URL is set).
open_test_store = store_fixtures.open_test_store

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("postgresql://pos@db-server/posdesk", "postgresql+psycopg://pos@db-server/posdesk"),
        ("postgres://pos@db:5433/shop?sslmode=require",
         "postgresql+psycopg://pos@db:5433/shop?sslmode=require"),
        ("  postgresql+psycopg://pos@db/posdesk ", "postgresql+psycopg://pos@db/posdesk"),
    ],
)
def test_a_postgresql_url_gets_the_shipped_driver(typed: str, expected: str) -> None:
    assert postgres_url(typed) == expected


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", URL_EMPTY),
        ("postgresql://pos:s3cret@db/posdesk", URL_HAS_PASSWORD),
        ("postgresql://pos@db/posdesk?password=s3cret", URL_HAS_PASSWORD),
        ("postgresql://pos@db", URL_NO_DATABASE),
        ("mysql://pos@db/posdesk", URL_NOT_POSTGRES),
        ("sqlite:////tmp/posdesk.db", URL_NOT_POSTGRES),
        ("db-server/posdesk", URL_NOT_POSTGRES),
    ],
)
def test_settings_refuse_a_url_that_is_not_postgresql_or_holds_a_password(
    typed: str, reason: str
) -> None:
    with pytest.raises(StoreUrlProblem) as refused:
        postgres_url(typed)
    assert refused.value.reason == reason
    assert "s3cret" not in str(refused.value)


def test_the_demo_takes_sqlite_or_postgresql_and_a_password_it_never_saves() -> None:
    assert store_url_for_demo("sqlite:////tmp/shared.db") == "sqlite:////tmp/shared.db"
    assert store_url_for_demo("postgresql://pos:pw@db/demo") == (
        "postgresql+psycopg://pos:pw@db/demo"
    )
    assert display_url("postgresql+psycopg://pos:pw@db/demo") == "postgresql://pos:***@db/demo"


def test_preparing_a_store_connects_then_migrates(
    store_url: str,
) -> None:
    steps: list[Progress] = []
    store = prepare_store(store_url, steps.append)
    try:
        assert [p.step for p in steps] == [STEP_CONNECTING, STEP_MIGRATING]
        assert data_counts(store) == dict.fromkeys(COPIED_TABLES, 0)
    finally:
        store.close()


def test_a_server_that_does_not_answer_is_reported_without_waiting_long() -> None:
    started = datetime.now(UTC)
    with pytest.raises(StoreUnreachable) as unreachable:
        prepare_store("postgresql+psycopg://posdesk@127.0.0.1:1/posdesk")
    assert unreachable.value.detail
    assert datetime.now(UTC) - started < timedelta(seconds=15)


# --- copying ---------------------------------------------------------------------------------


@pytest.fixture
def local(tmp_path: Path) -> Iterator[Store]:
    """This terminal's local store, with a little of everything."""
    store = open_store(default_database_url(tmp_path / "local"))
    try:
        fill_local_store(store)
        yield store
    finally:
        store.close()


def fill_local_store(store: Store) -> None:
    CustomerRepository(store).upsert_many([
        CustomerData("cus_ada", "Ada Lovelace", "ada@example.com", "+44 20 7946 0001",
                     created=1),
        CustomerData("cus_grace", "Grace Hopper", "grace@example.com", created=2),
        CustomerData("cus_gone", "Gone Away", deleted=True, created=3),
    ])
    terminal = "11111111-1111-4111-8111-111111111111"
    with store.session() as session:
        session.add(PaymentMethodRecord(id="pm_visa", customer_id="cus_ada", brand="visa",
                                        last4="4242", exp_month=12, exp_year=2030))
        for n, state in enumerate(("succeeded", "unconfirmed", "declined")):
            session.add(PaymentRecord(
                id=str(uuid.uuid4()), idempotency_key=f"key-{n}-{uuid.uuid4()}",
                intent_id=f"pi_{n}", customer_id="cus_ada", payment_method_id="pm_visa",
                amount=1000 + n, currency="usd", state=state, staff_id="staff-1",
                terminal_id=terminal, created_at=NOW + timedelta(minutes=n),
            ))
        session.add(RefundRecord(id="re_1", payment_intent_id="pi_0", amount=500,
                                 currency="usd", status="succeeded"))
        # A link still open, and one whose create lost its answer (settled after the switch).
        for n, state in enumerate(("open", "sending")):
            session.add(PaymentRequestRecord(
                id=str(uuid.uuid4()), idempotency_key=f"checkout-{uuid.uuid4()}",
                session_id=f"cs_{n}" if state == "open" else None,
                url="https://checkout.stripe.com/c/pay/cs_0" if state == "open" else None,
                amount=2500, currency="usd", description="Deposit", customer_id="cus_ada",
                expires_at=NOW + timedelta(hours=1), state=state, staff_id="staff-1",
                staff_name="Cory", terminal_id=terminal, created_at=NOW, updated_at=NOW,
            ))
    TerminalRepository(store).register(TerminalRecord(
        id=terminal, name="Till 1", host="till-1", version="0.1.0", pid=4242,
        started_at=NOW, last_seen=NOW,
    ))
    audit = AuditLog(store, terminal_id=terminal)
    audit.append("staff-1", "Cory", "charge", "cus_ada", "succeeded", {"amount": 1000})
    audit.append("staff-1", "Cory", "charge", "cus_ada", "declined", {"amount": 1002})
    audit.append("staff-1", "Cory", "detach_card", "pm_old", "succeeded")
    # Two closed days: the whole store's and this till's (their Z reports).
    for scope, sales in (("store", 1000), (f"terminal:{terminal}", 1000)):
        day_closes.close(store, closed_day(scope, date(2026, 11, 29), sales))


def closed_day(scope: str, day: date, sales: int, by: str = "staff-1") -> DayCloseRecord:
    return DayCloseRecord(
        scope=scope, terminal_id=scope.removeprefix("terminal:") if scope != "store" else None,
        business_date=day, time_zone="Europe/London", closed_at=NOW, closed_by=by,
        closed_by_name="Cory", closed_on="11111111-1111-4111-8111-111111111111",
        currency="usd", sales=sales, refunded=0, fees=None, totals=f'{{"sales": {sales}}}',
    )


def rows(store: Store, model: Any, *, leave_out: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The table's rows as comparable values, in a stable order."""
    table = model.__table__
    with store.engine.connect() as connection:
        found = [
            {k: v for k, v in row._mapping.items() if k not in leave_out}
            for row in connection.execute(select(table))
        ]
    return sorted(found, key=repr)


# Columns a copy may set anew: the audit id (each store numbers its own entries) and the
# time a customer was cached (the copy caches it again, with its search entries).
COMPARED = (
    (CustomerRecord, ("synced_at",)),
    (PaymentMethodRecord, ()),
    (PaymentRecord, ()),
    (RefundRecord, ()),
    (PaymentRequestRecord, ()),
    (AuditEntry, ("id",)),
    (TerminalRecord, ()),
    (DayCloseRecord, ("number",)),  # each store numbers its own Z reports
)


def test_copy_loses_nothing_and_a_second_copy_adds_nothing(
    local: Store, open_test_store: Callable[[], Store]
) -> None:
    shared = open_test_store()
    progress: list[Progress] = []

    first = copy_local_data(local, shared, progress.append)

    assert first.copied == data_counts(local) == data_counts(shared)
    assert first.copied["payments"] == 3 and first.copied["audit_log"] == 3
    assert first.copied["payment_requests"] == 2
    assert first.copied["day_closes"] == 2
    assert first.conflicts == []
    for model, leave_out in COMPARED:
        assert rows(shared, model, leave_out=leave_out) == rows(local, model, leave_out=leave_out)
    # Copied customers are found by the type-ahead like synced ones.
    assert [c.id for c in CustomerRepository(shared).search("grace")] == ["cus_grace"]
    assert [c.id for c in CustomerRepository(shared).search("7946")] == ["cus_ada"]
    copying = [p for p in progress if p.step == STEP_COPYING]
    assert {p.table for p in copying} == set(COPIED_TABLES)
    assert all(p.done <= p.total for p in copying)

    second = copy_local_data(local, shared)

    assert second.total_copied == 0
    assert second.skipped == data_counts(local)
    assert data_counts(shared) == data_counts(local)


def test_copy_keeps_what_the_shared_store_already_holds(
    local: Store, open_test_store: Callable[[], Store]
) -> None:
    shared = open_test_store()
    # Another terminal got there first: the same customer (newer from Stripe), its own
    # audit entries (numbered 1 and 2 like ours) and one of our payments under its id.
    CustomerRepository(shared).upsert(CustomerData("cus_ada", "Ada King", created=1))
    other = AuditLog(shared, terminal_id="22222222-2222-4222-8222-222222222222")
    other.append("staff-2", "Sam", "charge", "cus_x", "succeeded")
    other.append("staff-2", "Sam", "refund", "pi_x", "succeeded")
    their_ids = [e.id for e in other.list_recent()]
    ours = rows(local, PaymentRecord)[0]
    with shared.session() as session:
        session.add(PaymentRecord(**{**ours, "amount": 99}))

    result = copy_local_data(local, shared)

    assert CustomerRepository(shared).get("cus_ada").name == "Ada King"  # type: ignore[union-attr]
    assert result.skipped["customers"] == 1 and result.copied["customers"] == 2
    with shared.session() as session:
        assert session.get(PaymentRecord, ours["id"]).amount == 99  # type: ignore[union-attr]
    assert result.copied["payments"] == 2 and result.skipped["payments"] == 1
    entries = AuditLog(shared).list_recent()
    assert len(entries) == 5
    assert sorted(e.id for e in entries)[:2] == sorted(their_ids)  # theirs keep their ids
    assert [e.action for e in sorted(entries, key=lambda e: e.id or 0)][2:] == [
        "charge", "charge", "detach_card"
    ]  # ours follow, in their order
    assert copy_local_data(local, shared).total_copied == 0


def test_a_row_that_clashes_with_another_is_reported_and_the_rest_copied(
    local: Store, open_test_store: Callable[[], Store]
) -> None:
    shared = open_test_store()
    # A different payment in the shared store already has one of our intents: the two
    # cannot both be kept, so ours is left out, named, and everything else still arrives.
    with shared.session() as session:
        session.add(PaymentRecord(
            id=str(uuid.uuid4()), idempotency_key="their-key", intent_id="pi_1",
            amount=5, currency="usd", state="succeeded", staff_id="staff-2",
        ))
    clashing = next(r["id"] for r in rows(local, PaymentRecord) if r["intent_id"] == "pi_1")

    result = copy_local_data(local, shared)

    assert result.conflicts == [f"payments:{clashing}"]
    assert result.copied["payments"] == 2 and result.skipped["payments"] == 0
    assert result.copied["audit_log"] == 3 and result.copied["terminals"] == 1


def test_closed_days_come_along_and_a_different_close_of_the_same_day_is_kept(
    local: Store, open_test_store: Callable[[], Store]
) -> None:
    shared = open_test_store()
    # The shared store closed days of its own first: an earlier store day (Z no. 1), and the
    # same store day as ours but closed at another till with other figures (Z no. 2).
    day_closes.close(shared, closed_day("store", date(2026, 11, 28), 700, by="staff-2"))
    day_closes.close(shared, closed_day("store", date(2026, 11, 29), 555, by="staff-2"))

    result = copy_local_data(local, shared)

    assert result.conflicts == ["day_closes:store 2026-11-29"]
    assert result.closes_kept == [("store", date(2026, 11, 29))]
    assert result.copied["day_closes"] == 1 and result.skipped["day_closes"] == 0
    theirs = day_closes.closed(shared, "store", date(2026, 11, 29))
    assert theirs is not None and theirs.sales == 555 and theirs.closed_by == "staff-2"
    ours = day_closes.closed(
        shared, "terminal:11111111-1111-4111-8111-111111111111", date(2026, 11, 29))
    assert ours is not None and ours.sales == 1000
    assert ours.number == 3  # after the shared store's own, in its numbering
    # A repeat copy adds nothing and finds the same conflict again.
    again = copy_local_data(local, shared)
    assert again.total_copied == 0
    assert again.conflicts == result.conflicts
    assert again.skipped["day_closes"] == 1
