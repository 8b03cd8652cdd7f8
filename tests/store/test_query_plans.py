"""The hot queries keep index plans once the planner has statistics.

A store is seeded with tens of thousands of rows shaped like a shop's (almost every payment
final, a handful still to settle; a year of history over some customers, tills and staff),
its statistics are brought up to date by store/maintenance.py (what the app runs), and each
hot query, captured as the app's own repositories send it, is EXPLAINed:

- SQLite (EXPLAIN QUERY PLAN): fails on `SCAN <table>` (a read of the whole table or of a
  whole non-partial index; an ordered walk that a LIMIT stops is allowed)
  and on `USE TEMP B-TREE` (a sort the index should make unnecessary);
- PostgreSQL (EXPLAIN (FORMAT JSON)): fails on a Seq Scan of a seeded table, on an Index
  Scan without an Index Cond (a whole index read) outside a LIMIT, and on a Sort.

The planner's own choice with statistics: nothing is switched off. Planted queries without
an index show the checks can fail.
"""

from __future__ import annotations

import json
import random
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, insert, text

from posdesk.domain.history import HistoryQuery, SortOrder
from posdesk.store import changes
from posdesk.store import history as payment_history
from posdesk.store.audit import AuditLog
from posdesk.store.customers import CustomerData, CustomerRepository
from posdesk.store.database import Store, open_store
from posdesk.store.maintenance import (
    SYNC_LEASE,
    GrowthWatch,
    MaintenanceSchedule,
    holds_sync_lease,
    run_maintenance,
)
from posdesk.store.models import (
    AuditEntry,
    ChangeRecord,
    LeaseRecord,
    PaymentEvent,
    PaymentRecord,
    utcnow,
)
from posdesk.store.payment_pages import PageKey, customer_payments_page
from posdesk.store.payments import HistoryFilter, PaymentRepository, history_page
from posdesk.store.sync_models import InboxEvent, ProcessedEvent, RefundRecord
from posdesk.store.sync_state import ProcessedEvents, RefundRepository, WebhookInbox
from posdesk.sync.leader import SYNC_LEASE as LEADER_LEASE
from tests.conftest import BACKENDS, empty_database

PAYMENTS = 40_000
AUDIT = 30_000
CHANGES = 20_000
EVENTS = 20_000
REFUNDS = 8_000
INBOX = 5_000
CUSTOMERS = 400
TERMINALS = 6
STAFF = 15
SEEDED = {"payments", "audit_log", "changes", "sync_processed_events", "refunds", "sync_inbox",
          "payment_events", "customer_search_terms"}
# Partial indexes hold only the rows their query wants: reading one whole is the point.
PARTIAL = {"ix_payments_settling", "ix_payments_claimed_by", "ix_refunds_open"}
NOW = utcnow()
RARE_STATES = {"pending": 4, "unconfirmed": 3, "waiting": 2, "processing": 3}


# --- seeding -------------------------------------------------------------------------------------


def _payment_rows(rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    for i in range(PAYMENTS):
        roll = rng.random()
        state = (
            "succeeded" if roll < 0.93 else "declined" if roll < 0.97
            else "canceled" if roll < 0.985 else "requires_capture" if roll < 0.995
            else "failed"
        )
        created = NOW - timedelta(days=365) + timedelta(seconds=i * 365 * 86400 / PAYMENTS)
        rows.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128))),
                "idempotency_key": f"key-{i}",
                "intent_id": f"pi_{i:08d}",
                "customer_id": f"cus_{rng.randrange(CUSTOMERS):05d}",
                "payment_method_id": "pm_1",
                "amount": rng.randrange(100, 50_000),
                "currency": "eur",
                "description": None,
                "state": state,
                "stripe_status": "succeeded",
                "staff_id": f"staff_{rng.randrange(STAFF)}",
                "staff_name": "Pat",
                "amount_received": 0,
                "amount_refunded": 0,
                "livemode": False,
                "terminal_id": f"term-{rng.randrange(TERMINALS)}",
                "claimed_by": None,
                "claim_expires_at": None,
                "created_at": created,
                "updated_at": created,
            }
        )
    # The realistic skew: a dozen payments still to settle, a few claimed right now.
    recent = rows[-200:]
    k = 0
    for state, n in RARE_STATES.items():
        for _ in range(n):
            recent[k * 13 % 200]["state"] = state
            k += 1
    for row in recent[-5:]:
        row["claimed_by"] = "term-0"
        row["claim_expires_at"] = NOW + timedelta(seconds=30)
    return rows


def _seed(store: Store) -> None:
    rng = random.Random(7)
    payments = _payment_rows(rng)
    audit = [
        {"at": NOW - timedelta(seconds=(AUDIT - i) * 1000), "staff_id": f"staff_{i % STAFF}",
         "staff_name": "Pat", "action": "charge", "target": f"pi_{i}", "outcome": "succeeded",
         "detail": None, "terminal_id": f"term-{i % TERMINALS}"}
        for i in range(AUDIT)
    ]
    change_rows = [
        {"kind": "payment", "entity_id": f"p{i}", "customer_id": None, "terminal_id": None,
         "at": NOW - timedelta(seconds=(CHANGES - i) * 4)}
        for i in range(CHANGES)
    ]
    events = [
        {"event_id": f"evt_{i:08d}", "type": "payment_intent.succeeded", "created": i,
         "applied_at": NOW - timedelta(seconds=(EVENTS - i) * 150)}
        for i in range(EVENTS)
    ]
    refunds = [
        {"id": f"re_{i:07d}", "payment_intent_id": f"pi_{i * 3:08d}", "charge_id": None,
         "amount": 100, "currency": "eur",
         "status": "pending" if i % 1000 == 0 else "requires_action" if i % 1500 == 1
         else "succeeded",
         "reason": None, "created": i, "synced_at": NOW}
        for i in range(REFUNDS)
    ]
    inbox = [
        {"event_id": f"evt_in_{i}", "type": "customer.updated", "body": "{}", "received_at": NOW}
        for i in range(INBOX)
    ]
    # The history's timeline: events applied to the payments' intents.
    timeline = [
        {"event_id": f"evt_{i:08d}", "intent_id": f"pi_{i * 2:08d}",
         "type": "payment_intent.succeeded", "created": i, "object_id": f"pi_{i * 2:08d}",
         "status": "succeeded", "amount": 100, "currency": "EUR", "applied_at": NOW}
        for i in range(EVENTS)
    ]
    with store.engine.begin() as connection:
        for model, rows in (
            (PaymentRecord, payments), (AuditEntry, audit), (ChangeRecord, change_rows),
            (ProcessedEvent, events), (RefundRecord, refunds), (InboxEvent, inbox),
            (PaymentEvent, timeline),
        ):
            connection.execute(insert(model.__table__), rows)  # type: ignore[attr-defined]


def _seeded(store: Store) -> Store:
    _seed(store)
    report = run_maintenance(store, full=False)  # the app's own upkeep, as at start
    assert report.analyzed, "a new store's tables get statistics"
    return store


@pytest.fixture
def seeded(store: Store) -> Store:
    """A seeded store of this test's own (for tests that write to it or time its upkeep)."""
    return _seeded(store)


@pytest.fixture(scope="module", params=BACKENDS)
def seeded_once(request: pytest.FixtureRequest, app_root: Path) -> Iterator[Store]:
    """One seeded store per backend for the tests that only read and plan (seeding takes
    seconds; their writes touch no row another of them reads: claims of ids that do not
    exist, prunes of the change feed and processed events)."""
    folder = app_root / "data" / f"query-plans-{uuid.uuid4().hex[:6]}"
    folder.mkdir(parents=True)
    with empty_database(request, request.param, folder) as url:
        store = open_store(url)
        try:
            yield _seeded(store)
        finally:
            store.close()


# --- capturing what the app sends, and judging its plan ------------------------------------------


@dataclass
class Statement:
    sql: str
    parameters: Any
    engine: Engine | None = None  # where it ran: the store's, or the SQLite inbox file's


@contextmanager
def captured(store: Store) -> Iterator[list[Statement]]:
    found: list[Statement] = []
    # On a SQLite file the webhook inbox has a file of its own (store/sync_state.py).
    engines = {store.engine, WebhookInbox(store).engine}

    def before(conn: Any, _cursor: Any, sql: str, parameters: Any, *_rest: Any) -> None:
        # A compound SELECT may open with its first arm's parenthesis.
        if sql.lstrip(" (").split(None, 1)[0].upper() in ("SELECT", "UPDATE", "DELETE", "WITH"):
            found.append(Statement(sql, parameters, conn.engine))

    for engine in engines:
        event.listen(engine, "before_cursor_execute", before)
    try:
        yield found
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", before)


def sqlite_plan(store: Store, statement: Statement) -> list[str]:
    with (statement.engine or store.engine).connect() as connection:
        rows = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + statement.sql, statement.parameters
        ).all()
    return [row[3] for row in rows]


def pg_plan(store: Store, statement: Statement) -> dict[str, Any]:
    with store.engine.connect() as connection:
        value = connection.exec_driver_sql(
            "EXPLAIN (FORMAT JSON) " + statement.sql, statement.parameters
        ).scalar()
        connection.rollback()
    plan = json.loads(value) if isinstance(value, str) else value
    return plan[0]["Plan"]


def _nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("Plans", []):
        yield from _nodes(child)


def check_plan(store: Store, statement: Statement, *, sorts_window: str | None = None) -> str:
    """Raises AssertionError on a scan of a seeded table or a sort; returns the plan text.
    An ordered walk of an index (or the rowid) is fine where a LIMIT stops it.
    `sorts_window`: the name of a subquery whose LIMIT bounds its rows; SQLite may sort
    what that subquery yields (never more rows than its LIMIT), and nothing else."""
    if store.dialect == "sqlite":
        walk = " LIMIT " in statement.sql.upper()
        lines = sqlite_plan(store, statement)
        shown = " | ".join(lines)
        bounded = sorts_window is not None and f"CO-ROUTINE {sorts_window}" in shown
        for line in lines:
            if bounded and line == "USE TEMP B-TREE FOR ORDER BY":
                continue
            assert "TEMP B-TREE" not in line, f"sorts instead of reading in index order: {shown}"
            if not line.startswith("SCAN "):
                continue
            words = line.split()
            table = words[1]
            if table not in SEEDED:
                continue
            index = words[-1] if "INDEX" in words else None
            if index in PARTIAL:
                continue
            assert walk, f"scans {table}: {shown}"
        return shown
    root = pg_plan(store, statement)
    nodes = list(_nodes(root))
    shown = " > ".join(
        f"{n['Node Type']}{' on ' + n['Relation Name'] if 'Relation Name' in n else ''}"
        f"{' using ' + n['Index Name'] if 'Index Name' in n else ''}"
        for n in nodes
    )
    for node, limited in _with_limit(root, False):
        kind = node["Node Type"]
        assert kind not in ("Sort", "Incremental Sort"), f"sorts: {shown}"
        if node.get("Relation Name") not in SEEDED:
            continue
        assert kind != "Seq Scan", f"Seq Scan: {shown}"
        # An index read whole (no Index Cond) is a scan too, unless a LIMIT stops it or the
        # index is partial: the bad settlement plan walks all of created_at so.
        if kind in ("Index Scan", "Index Only Scan") and "Index Cond" not in node:
            assert limited or node["Index Name"] in PARTIAL, f"reads a whole index: {shown}"
    return shown


def _with_limit(node: dict[str, Any], limited: bool) -> Iterator[tuple[dict[str, Any], bool]]:
    limited = limited or node["Node Type"] == "Limit"
    yield node, limited
    for child in node.get("Plans", []):
        yield from _with_limit(child, limited)


def index_named(plan: str, indexes: tuple[str, ...]) -> None:
    assert any(index in plan for index in indexes), f"expected {' or '.join(indexes)}: {plan}"


# --- the hot queries ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Hot:
    name: str
    run: Callable[[Store], object]
    # The index its plan must use, or either of these where the planner may weigh walking
    # the newest-first index down to LIMIT against seeking a filter's index (None: the key).
    index: str | tuple[str, ...] | None = None

    @property
    def indexes(self) -> tuple[str, ...]:
        return (self.index,) if isinstance(self.index, str) else self.index or ()


def _page_key(store: Store, customer: str) -> PageKey:
    first = customer_payments_page(store, customer, limit=20)
    return PageKey(first[-1].created_at, first[-1].id)


WALK = "ix_payments_created_at_id"
DAY = HistoryFilter(start=NOW - timedelta(days=40), end=NOW - timedelta(days=39))
PAGE = PageKey(NOW - timedelta(days=100), "8")
HISTORY_KEY = payment_history.HistoryKey(NOW - timedelta(days=100), 25_000, "8")
HOT = [
    Hot("settlement at start-up and every 60 s",
        lambda s: PaymentRepository(s).list_needing_settlement(NOW), "ix_payments_settling"),
    Hot("settlement, claims ignored",
        lambda s: PaymentRepository(s).list_needing_settlement(), "ix_payments_settling"),
    Hot("a customer's payments, first page",
        lambda s: customer_payments_page(s, "cus_00042"), "ix_payments_customer_created"),
    Hot("a customer's payments, next page",
        lambda s: customer_payments_page(s, "cus_00042", _page_key(s, "cus_00042")),
        "ix_payments_customer_created"),
    Hot("a customer's recent payments",
        lambda s: PaymentRepository(s).list_for_customer("cus_00007"),
        "ix_payments_customer_created"),
    Hot("recent payments", lambda s: PaymentRepository(s).list_recent(),
        "ix_payments_created_at_id"),
    Hot("history: one day", lambda s: history_page(s, DAY), "ix_payments_created_at_id"),
    Hot("history: all, next page",
        lambda s: history_page(s, HistoryFilter(), PAGE), "ix_payments_created_at_id"),
    Hot("history: declined",
        lambda s: history_page(s, HistoryFilter(state="declined")), "ix_payments_state_created"),
    Hot("history: succeeded, next page",
        lambda s: history_page(s, HistoryFilter(state="succeeded"), PAGE),
        ("ix_payments_state_created", WALK)),
    Hot("history: declined in a month",
        lambda s: history_page(s, HistoryFilter(
            start=NOW - timedelta(days=60), end=NOW - timedelta(days=30), state="declined")),
        "ix_payments_state_created"),
    Hot("history: one till",
        lambda s: history_page(s, HistoryFilter(terminal_id="term-3")),
        ("ix_payments_terminal_created", WALK)),
    Hot("history: one till, a week",
        lambda s: history_page(s, HistoryFilter(
            start=NOW - timedelta(days=14), end=NOW - timedelta(days=7), terminal_id="term-3")),
        "ix_payments_terminal_created"),
    Hot("history: one staff member",
        lambda s: history_page(s, HistoryFilter(staff_id="staff_4"), PAGE),
        ("ix_payments_staff_created", WALK)),
    # The history page (store/history.py): each filter and sort, first and next pages.
    *[Hot(f"history page: {name}", lambda s, q=q, after=after: _history_page_only(
        s, q, after), index) for name, q, after, index in (
        ("newest", HistoryQuery(), None, WALK),
        ("newest, next page", HistoryQuery(), HISTORY_KEY, WALK),
        ("oldest", HistoryQuery(sort=SortOrder.OLDEST), None, WALK),
        ("largest", HistoryQuery(sort=SortOrder.LARGEST), None, "ix_payments_amount_id"),
        ("largest, next page", HistoryQuery(sort=SortOrder.LARGEST), HISTORY_KEY,
         "ix_payments_amount_id"),
        ("an amount range, smallest first", HistoryQuery(
            amount_min=20_000, amount_max=20_500, sort=SortOrder.SMALLEST), None,
         "ix_payments_amount_id"),
        ("a month", HistoryQuery(start=NOW - timedelta(days=60), end=NOW - timedelta(days=30)),
         None, WALK),
        ("declined", HistoryQuery(state="declined"), None, "ix_payments_state_created"),
        ("one till, a week", HistoryQuery(
            start=NOW - timedelta(days=14), end=NOW - timedelta(days=7), terminal_id="term-3"),
         None, "ix_payments_terminal_created"),
        ("one staff member", HistoryQuery(staff_id="staff_4"), HISTORY_KEY,
         ("ix_payments_staff_created", WALK)),
        ("a customer by id", HistoryQuery(customer="cus_00042"), None,
         "ix_payments_customer_created"),
        # Not here: an amount range newest first, a card's last four, the free text. Each
        # selects few rows by an index that does not give the page order (amount, card,
        # the customers the text names) and sorts those few; the text's customer lookup
        # is the customer search's own (tests/store/test_customer_search_scale.py).
    )],
    Hot("history: a payment's audit entries",
        lambda s: payment_history.audit_entries(s, ["pi_42", "re_0000014"]),
        "ix_audit_log_target_at"),
    Hot("history: a payment's events", lambda s: payment_history.payment_events(s, "pi_42"),
        "ix_payment_events_intent"),
    Hot("history: the staff to filter by", lambda s: payment_history.staff_choices(s),
        ("ix_payments_staff_created", WALK)),
    Hot("claims: a terminal's claims released at start",
        lambda s: PaymentRepository(s).release_claims_of("term-9"), "ix_payments_claimed_by"),
    Hot("claims: renew", lambda s: PaymentRepository(s).renew_claims("term-0", ["a", "b"], NOW)),
    Hot("audit log: one day",
        lambda s: AuditLog(s).between(NOW - timedelta(days=3), NOW - timedelta(days=2)),
        "ix_audit_log_at_id"),
    Hot("audit log: next page",
        lambda s: AuditLog(s).between(after=(NOW - timedelta(days=100), 5)),
        "ix_audit_log_at_id"),
    Hot("audit log: recent", lambda s: AuditLog(s).list_recent()),
    Hot("changes feed: id > cursor", lambda s: _changes_after(s)),
    Hot("changes: prune", lambda s: changes.prune(s)),
    Hot("sync inbox: pending", lambda s: WebhookInbox(s).take(100)),
    Hot("processed events: lookup", lambda s: ProcessedEvents(s).contains("evt_00000042")),
    Hot("processed events: prune", lambda s: ProcessedEvents(s).prune(timedelta(days=35)),
        "ix_sync_processed_events_applied_at"),
    Hot("open refunds", lambda s: RefundRepository(s).list_open(), "ix_refunds_open"),
]


def _history_page_only(store: Store, query: HistoryQuery,
                       after: payment_history.HistoryKey | None) -> object:
    """The page's own statement (the names and cards of its rows are read by id after)."""
    with store.engine.connect() as connection:
        return connection.execute(
            payment_history.page_statement(connection, query, after, 50)).all()


def _changes_after(store: Store) -> object:
    with store.engine.connect() as connection:
        newest = changes.newest_id(connection)
        return changes.read(connection, newest - 20, also=[newest - 400])


def test_hot_queries_use_their_indexes_once_statistics_exist(seeded_once: Store) -> None:
    seeded = seeded_once
    failures: list[str] = []
    plans: list[str] = []
    for hot in HOT:
        with captured(seeded) as statements:
            hot.run(seeded)
        assert statements, hot.name
        for statement in statements:
            try:
                plan = check_plan(seeded, statement)
                if hot.indexes and statement is statements[-1]:
                    index_named(plan, hot.indexes)
            except AssertionError as exc:
                failures.append(f"{hot.name}: {exc}")
                continue
            plans.append(f"{hot.name}: {plan}")
    print("\n".join(plans))
    assert not failures, "\n".join(failures)


# Customer search (store/customers.py): the statements that read a page in index order. Its
# other statements sort few rows by design (a prefix's few matches, the trigram matches).
# What marks the statement, the index it must read in order, and the bounded subquery whose
# rows SQLite may sort (the walk's window: the outer ORDER BY is what guarantees the order).
KEY = ("PRIMARY KEY", "customer_search_terms_pkey")  # SQLite's and PostgreSQL's names
HEAD_INDEX = ("ix_customer_search_terms_head",)
# The 2-character page statement (the longer prefix's walk has the same WHERE, in a subquery).
TWO_CHARACTERS = re.compile(
    r"^SELECT customer_id FROM customer_search_terms (INDEXED BY \S+ )?WHERE head"
)
SEARCH_IN_ORDER = {
    "exact whole-field matches": ("whole = TRUE", KEY, None),
    "two characters read in name order": (TWO_CHARACTERS, HEAD_INDEX, None),
    "one character's groups merged in name order": (
        re.compile(r"UNION ALL \(?SELECT customer_id, name_key"), HEAD_INDEX, None
    ),
    "one character's groups found by seeks": ("WITH RECURSIVE heads", HEAD_INDEX, None),
    "a longer prefix walked in name order": ("AS walked", HEAD_INDEX, "walked"),
}


def test_customer_search_reads_its_pages_in_index_order(seeded: Store) -> None:
    # A last name common enough that its word terms far outnumber any whole field equal to
    # it, and that "smith" walks the name-ordered head index.
    CustomerRepository(seeded).upsert_many(
        CustomerData(f"cus_{i:05d}", f"{('John', 'Mary', 'Ann', 'Sean')[i % 4]} "
                     f"{('Smith', 'Jones', 'Brown')[i // 3 % 3]}", f"person{i}@mail.test")
        for i in range(9_000)
    )
    # PostgreSQL's counters of changed rows, which tell the upkeep what to analyse, reach
    # other sessions up to a second after the commit.
    deadline = time.monotonic() + 10
    while "customer_search_terms" not in run_maintenance(seeded).analyzed:
        assert time.monotonic() < deadline, "the new search terms were never analysed"
        time.sleep(0.2)
    with captured(seeded) as statements:
        for typed in ("smith", "sm", "s"):
            assert len(CustomerRepository(seeded).search(typed)) == 20
    failures: list[str] = []
    for name, (marker, index, window) in SEARCH_IN_ORDER.items():
        matching = [
            st for st in statements
            if (marker.search(st.sql) if isinstance(marker, re.Pattern) else marker in st.sql)
        ]
        if not matching:
            failures.append(f"{name}: not sent")
        for statement in matching:
            try:
                index_named(check_plan(seeded, statement, sorts_window=window), index)
            except AssertionError as exc:
                failures.append(f"{name}: {exc}")
    assert not failures, "\n".join(failures)


def test_settlement_finds_exactly_the_open_payments(seeded_once: Store) -> None:
    seeded = seeded_once
    found = PaymentRepository(seeded).list_needing_settlement(NOW)
    assert sorted(p.state for p in found) == sorted(
        s for s, n in RARE_STATES.items() for _ in range(n)
    ) or len(found) <= sum(RARE_STATES.values())
    assert [p.created_at for p in found] == sorted(p.created_at for p in found)
    everyone = PaymentRepository(seeded).list_needing_settlement()
    assert len(everyone) == sum(RARE_STATES.values())
    assert {p.state for p in everyone} == set(RARE_STATES)


@pytest.mark.parametrize(
    "sql",
    [
        # No index on description: a scan of the whole table.
        "SELECT id FROM payments WHERE description = 'x'",
        # Ordered by a column no index gives: a sort.
        "SELECT id FROM payments WHERE customer_id = 'cus_00042' ORDER BY amount LIMIT 20",
        # The bad settlement plan: the whole table walked in created_at order.
        "SELECT id FROM payments WHERE state IN ('pending', 'waiting', 'succeeded') "
        "ORDER BY created_at",
    ],
)
def test_the_check_fails_on_a_query_without_a_fitting_index(seeded_once: Store, sql: str) -> None:
    with pytest.raises(AssertionError):
        check_plan(seeded_once, Statement(sql, () if seeded_once.dialect == "sqlite" else {}))


def test_maintenance_is_cheap_and_quiet_when_statistics_are_fresh(seeded: Store) -> None:
    again = run_maintenance(seeded, full=False)  # the next start: nothing lacks statistics
    assert again.analyzed == []
    periodic = run_maintenance(seeded)
    assert periodic.seconds < 5
    if seeded.dialect == "sqlite":  # sampled again, all of them
        assert {"payments", "audit_log", "refunds"} <= set(periodic.analyzed)
    with seeded.engine.connect() as connection:
        if seeded.dialect == "sqlite":
            stats = {
                row[0] for row in connection.execute(text("SELECT idx FROM sqlite_stat1"))
            }
            assert "ix_payments_settling" in stats
        else:
            analysed = connection.execute(
                text("SELECT count(*) FROM pg_stat_user_tables WHERE schemaname = "
                     "current_schema() AND coalesce(last_analyze, last_autoanalyze) IS NOT NULL")
            ).scalar()
            assert analysed


def test_a_bulk_write_brings_postgresql_statistics_along_with_it(store: Store) -> None:
    """An import or a backlog grows tables far faster than the schedule runs: its batches
    refresh the statistics a small table left (at most every GROWTH_CHECK_S)."""
    watch = GrowthWatch(store, every_s=0)
    if store.dialect == "sqlite":
        assert watch.wrote() is None  # nothing to do: lookups by key never depend on them
        return
    run_maintenance(store)  # the empty tables' statistics, as when an import starts
    CustomerRepository(store).upsert_many(
        CustomerData(f"cus_{i:05d}", f"Person {i}") for i in range(3_000)
    )
    analysed: list[str] = []
    deadline = time.monotonic() + 10  # the change counters reach other sessions in ~1 s
    while "customers" not in analysed:
        assert time.monotonic() < deadline, analysed
        report = watch.wrote()
        analysed += report.analyzed if report else []
        time.sleep(0.2)
    with store.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT reltuples FROM pg_class WHERE relname = 'customers' "
                 "AND relnamespace = current_schema()::regnamespace")
        ).scalar()
    assert rows == 3_000
    # A table it may not analyse (not its owner) is left to the autovacuum daemon, the
    # others are analysed still.
    CustomerRepository(store).upsert_many(
        CustomerData(f"cus_{i:05d}", f"Person {i}") for i in range(3_000, 6_000)
    )
    deadline = time.monotonic() + 10
    analysed = []
    while "customer_search_terms" not in analysed:
        assert time.monotonic() < deadline, analysed
        analysed += run_maintenance(store, refused={"customers"}).analyzed
        time.sleep(0.2)
    assert "customers" not in analysed
    watch = GrowthWatch(store, every_s=3600)
    watch._due = 0.0
    assert watch.wrote() is not None
    assert watch.wrote() is None  # not again within the hour


def test_the_schedule_runs_off_the_caller_thread_and_ends_with_the_store(
    open_test_store: Callable[[], Store],
) -> None:
    store = open_test_store()
    with store.session() as session:
        session.add(LeaseRecord(name=SYNC_LEASE, holder="t1",
                                expires_at=utcnow() + timedelta(minutes=1)))
    assert SYNC_LEASE == LEADER_LEASE  # the lease the sync engines hold
    assert holds_sync_lease(store, "t1")
    assert not holds_sync_lease(store, "t2")
    ran = threading.Event()
    threads: list[str] = []

    def may_run() -> bool:
        threads.append(threading.current_thread().name)
        ran.set()
        return True

    schedule = MaintenanceSchedule(store, may_run, interval_s=0.05, first_delay_s=0.01).start()
    assert ran.wait(10)
    assert threads[0] == "posdesk-maintenance"
    store.close()  # disposing the engine ends the schedule
    assert schedule._thread is not None
    schedule._thread.join(5)
    assert not schedule._thread.is_alive()
    assert schedule.runs >= 1
