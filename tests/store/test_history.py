"""The payment history's queries on SQLite and PostgreSQL: every filter alone and combined,
each sort, paged by keyset, matches what a plain reading of the table says; the totals
(summary table kept by triggers, plus the hours at the range's ends) match the payments
after inserts, updates and deletes; the applier's timeline rows.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, insert, select, update

from posdesk.domain.history import HistoryQuery, SortOrder, totals_by_currency
from posdesk.domain.stripe_objects import CustomerData, PaymentMethodData
from posdesk.store.customers import CustomerRepository
from posdesk.store.database import Store
from posdesk.store.history import (
    HistoryRow,
    history_key,
    history_page,
    iterate_history,
    payment_events,
)
from posdesk.store.history_totals import history_totals, summary_serves, totals_from_payments
from posdesk.store.models import HistoryTotal, PaymentRecord
from posdesk.store.payment_methods import PaymentMethodRepository
from posdesk.sync.applier import EventApplier
from tests.sync.conftest import event, intent

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
PAYMENTS = PaymentRecord.__table__  # type: ignore[attr-defined]
NAMES = ["Ann Lee", "Bob Stone", "王小明", "Cleo Park", "Dan Ives", "Eve Holt"]
STATES = ["succeeded"] * 6 + ["declined", "declined", "requires_capture", "canceled", "failed"]
DESCRIPTIONS = [None, "Coffee beans", "咖啡豆 1kg", "Gift card", "Repair, 50% off", "coffee mug"]


def seed(store: Store, n: int = 600, seed_: int = 3) -> list[dict[str, Any]]:
    rng = random.Random(seed_)
    CustomerRepository(store).upsert_many(
        CustomerData(id=f"cus_{i}", name=name, email=f"c{i}@example.com")
        for i, name in enumerate(NAMES)
    )
    cards = PaymentMethodRepository(store)
    for i in range(len(NAMES)):
        for j, last4 in enumerate(("4242", f"{1000 + i}")):
            cards.upsert(PaymentMethodData(id=f"pm_{i}_{j}", customer_id=f"cus_{i}",
                                           brand="visa", last4=last4))
    rows = []
    for k in range(n):
        state = rng.choice(STATES)
        amount = rng.choice([500, 1250, 1250, 9900, rng.randrange(100, 50_000)])
        customer = rng.randrange(len(NAMES) + 1)
        created = NOW - timedelta(minutes=rng.randrange(0, 60 * 24 * 40))
        received = amount if state == "succeeded" else 0
        rows.append({
            "id": str(uuid.UUID(int=rng.getrandbits(128))),
            "idempotency_key": f"key-{k}", "intent_id": f"pi_{k}",
            "customer_id": f"cus_{customer}" if customer < len(NAMES) else None,
            "payment_method_id": f"pm_{customer}_{k % 2}" if customer < len(NAMES) else None,
            "amount": amount, "currency": rng.choice(["USD", "USD", "EUR"]),
            "description": rng.choice(DESCRIPTIONS), "state": state,
            "staff_id": f"staff_{k % 4}", "staff_name": f"Staff {k % 4}",
            "amount_received": received,
            "amount_refunded": rng.choice([0, 0, 0, received // 2, received]),
            "livemode": False, "terminal_id": rng.choice(["till-1", "till-2", None]),
            "created_at": created, "updated_at": created,
        })
    # Ties: payments of one instant are told apart by id.
    for row in rows[:20]:
        row["created_at"] = row["updated_at"] = NOW - timedelta(days=3)
    with store.engine.begin() as conn:
        conn.execute(insert(PAYMENTS), rows)
    return rows


def _customers_matching(words: str) -> set[str]:
    if words.startswith("cus_"):
        return {words}
    w = words.casefold()
    return {f"cus_{i}" for i, name in enumerate(NAMES)
            if w in name.casefold() or w in f"c{i}@example.com"}


def expected(rows: list[dict[str, Any]], q: HistoryQuery) -> list[str]:
    """The query read plainly: every row tested in Python, then sorted."""
    cards = {f"pm_{i}_{j}": last4 for i in range(len(NAMES))
             for j, last4 in enumerate(("4242", f"{1000 + i}"))}

    def keep(r: dict[str, Any]) -> bool:
        if q.start and r["created_at"] < q.start or q.end and r["created_at"] >= q.end:
            return False
        if q.state and r["state"] != q.state or q.staff_id and r["staff_id"] != q.staff_id:
            return False
        if q.terminal_id and r["terminal_id"] != q.terminal_id:
            return False
        if q.amount_min is not None and r["amount"] < q.amount_min:
            return False
        if q.amount_max is not None and r["amount"] > q.amount_max:
            return False
        if q.last4 and cards.get(r["payment_method_id"] or "") != q.last4:
            return False
        if q.customer and r["customer_id"] not in _customers_matching(q.customer):
            return False
        if q.text:
            described = q.text.casefold() in (r["description"] or "").casefold()
            if not described and r["customer_id"] not in _customers_matching(q.text):
                return False
        return True

    kept = [r for r in rows if keep(r)]
    by_amount = q.sort.by_amount
    kept.sort(key=lambda r: (r["amount"] if by_amount else r["created_at"], r["id"]),
              reverse=q.sort.descending)
    return [r["id"] for r in kept]


def read_all(store: Store, q: HistoryQuery, page: int = 37) -> list[HistoryRow]:
    found: list[HistoryRow] = []
    after = None
    while True:
        rows = history_page(store, q, after, page)
        found += rows
        if len(rows) < page:
            return found
        after = history_key(rows[-1])


QUERIES = [
    HistoryQuery(),
    HistoryQuery(sort=SortOrder.OLDEST),
    HistoryQuery(sort=SortOrder.LARGEST),
    HistoryQuery(sort=SortOrder.SMALLEST, state="succeeded"),
    HistoryQuery(start=NOW - timedelta(days=7), end=NOW - timedelta(days=1)),
    HistoryQuery(state="declined", terminal_id="till-1"),
    HistoryQuery(staff_id="staff_2", start=NOW - timedelta(days=20)),
    HistoryQuery(customer="Ann"),
    HistoryQuery(customer="cus_3", state="succeeded", sort=SortOrder.LARGEST),
    HistoryQuery(amount_min=1000, amount_max=9900),
    HistoryQuery(amount_min=1250, amount_max=1250, terminal_id="till-2",
                 sort=SortOrder.OLDEST),
    HistoryQuery(last4="4242"),
    HistoryQuery(last4="1002", state="succeeded"),
    HistoryQuery(text="coffee"),
    HistoryQuery(text="咖啡"),
    HistoryQuery(text="王小明"),
    HistoryQuery(text="50%"),
    HistoryQuery(text="stone", state="succeeded", start=NOW - timedelta(days=30),
                 sort=SortOrder.LARGEST),
    HistoryQuery(text="nothing like this"),
    HistoryQuery(staff_id="staff_1", terminal_id="till-2", state="succeeded",
                 amount_min=1000, last4="4242", start=NOW - timedelta(days=35),
                 end=NOW - timedelta(days=2)),
]


@pytest.mark.parametrize("q", QUERIES, ids=[str(i) for i in range(len(QUERIES))])
def test_filters_combine_and_pages_follow_the_order(store: Store, q: HistoryQuery) -> None:
    rows = seed(store)
    found = read_all(store, q)
    assert [r.id for r in found] == expected(rows, q)
    if found:
        first = found[0]
        source = next(r for r in rows if r["id"] == first.id)
        assert (first.amount, first.currency, first.state) == (
            source["amount"], source["currency"], source["state"])
        assert first.created_at.tzinfo is not None


def test_the_filtered_rows_match_a_direct_sql_query(store: Store) -> None:
    seed(store)
    q = HistoryQuery(state="succeeded", terminal_id="till-1", amount_min=1000,
                     start=NOW - timedelta(days=10))
    p = PAYMENTS.c
    with store.engine.connect() as conn:
        direct = [r[0] for r in conn.execute(
            select(p.id).where(p.state == "succeeded", p.terminal_id == "till-1",
                               p.amount >= 1000, p.created_at >= q.start)
            .order_by(p.created_at.desc(), p.id.desc()))]
    assert [r.id for r in read_all(store, q)] == direct
    assert direct


def test_the_export_walk_reads_every_row_once(store: Store) -> None:
    rows = seed(store, 450)
    batches = list(iterate_history(store, HistoryQuery(), batch=100))
    assert [len(b) for b in batches] == [100, 100, 100, 100, 50]
    assert [r.id for b in batches for r in b] == expected(rows, HistoryQuery())


def _plain_totals(rows: list[dict[str, Any]], q: HistoryQuery) -> list[Any]:
    ids = set(expected(rows, q))
    return totals_by_currency([
        (r["currency"], r["state"], 1, r["amount_received"], r["amount_refunded"])
        for r in rows if r["id"] in ids
    ])


TOTAL_QUERIES = [
    HistoryQuery(),
    # Local days that are not UTC days: partial hours at both ends.
    HistoryQuery(start=NOW - timedelta(days=30, hours=5), end=NOW - timedelta(hours=5)),
    HistoryQuery(start=NOW - timedelta(hours=30), end=NOW - timedelta(hours=20)),
    HistoryQuery(start=datetime(2026, 11, 1, tzinfo=UTC), state="declined"),
    HistoryQuery(end=NOW - timedelta(days=3, hours=2), terminal_id="till-2"),
    HistoryQuery(staff_id="staff_3", start=NOW - timedelta(days=9)),
    HistoryQuery(text="coffee"),
]


@pytest.mark.parametrize("q", TOTAL_QUERIES, ids=[str(i) for i in range(len(TOTAL_QUERIES))])
def test_totals_match_the_payments(store: Store, q: HistoryQuery) -> None:
    rows = seed(store)
    want = _plain_totals(rows, q)
    assert history_totals(store, q) == want
    assert totals_from_payments(store, q) == want
    assert want and sum(t.count for t in want) == len(expected(rows, q))


def test_the_summary_follows_updates_and_deletes(store: Store) -> None:
    rows = seed(store, 300)
    q = HistoryQuery(start=NOW - timedelta(days=20, hours=3), terminal_id="till-1")
    assert summary_serves(q)
    target = next(r for r in rows if r["state"] == "requires_capture"
                  and r["terminal_id"] == "till-1"
                  and r["created_at"] > NOW - timedelta(days=15))
    with store.engine.begin() as conn:
        # Captured, then partly refunded, then moved to another till; one row deleted.
        conn.execute(update(PAYMENTS).where(PAYMENTS.c.id == target["id"]).values(
            state="succeeded", amount_received=target["amount"]))
        conn.execute(update(PAYMENTS).where(PAYMENTS.c.id == target["id"]).values(
            amount_refunded=100))
        conn.execute(update(PAYMENTS).where(PAYMENTS.c.id == rows[5]["id"]).values(
            terminal_id="till-1", description="unrelated change"))
        conn.execute(delete(PAYMENTS).where(PAYMENTS.c.id == rows[6]["id"]))
    target.update(state="succeeded", amount_received=target["amount"], amount_refunded=100)
    rows[5]["terminal_id"] = "till-1"
    del rows[6]
    assert history_totals(store, q) == _plain_totals(rows, q)
    assert history_totals(store, HistoryQuery()) == _plain_totals(rows, HistoryQuery())
    with store.engine.connect() as conn:
        summary = conn.execute(select(HistoryTotal.payments)).scalars().all()  # type: ignore[call-overload]
    assert sum(summary) == len(rows)


def test_the_applier_keeps_each_payments_events_for_its_timeline(store: Store) -> None:
    applier = EventApplier(store)
    t = 1_790_000_000
    refund = {"id": "re_1", "object": "refund", "payment_intent": "pi_T", "amount": 500,
              "currency": "usd", "status": "succeeded", "created": t + 60, "metadata": {}}
    # The refund's event first: it is kept even before its payment is known.
    applier.apply([event("refund.created", refund, t + 60)])
    applier.apply([
        event("payment_intent.created", intent("pi_T", "requires_confirmation"), t),
        event("payment_intent.succeeded", intent("pi_T", "succeeded"), t + 5),
        event("customer.created", {"id": "cus_x", "object": "customer"}, t + 6),
    ])
    found = payment_events(store, "pi_T")
    assert [(e.type, e.status, e.amount) for e in found] == [
        ("payment_intent.created", "requires_confirmation", 1250),
        ("payment_intent.succeeded", "succeeded", 1250),
        ("refund.created", "succeeded", 500),
    ]
    assert found[2].object_id == "re_1" and found[2].currency == "USD"
    # A delivery again adds nothing.
    applier.apply([event("refund.created", refund, t + 60, event_id=found[2].event_id)])
    assert len(payment_events(store, "pi_T")) == 3


def test_a_wide_amount_range_walks_the_date_order_with_the_same_rows(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above FEW_AMOUNTS matches the page walks the date index instead (amount + 0)."""
    rows = seed(store)
    from posdesk.store import history

    for few in (10_000, 0):
        monkeypatch.setattr(history, "FEW_AMOUNTS", few)
        for q in (HistoryQuery(amount_min=1000, amount_max=9900),
                  HistoryQuery(amount_min=1250, state="succeeded", sort=SortOrder.OLDEST)):
            assert [r.id for r in read_all(store, q)] == expected(rows, q)


# --- the chart ---------------------------------------------------------------------------------


def _expected_points(rows: list[dict[str, Any]], start: datetime, end: datetime,
                     offset: timedelta, *, monthly: bool, state: str | None = None
                     ) -> dict[tuple[str, Any], tuple[int, int, int, int]]:
    found: dict[tuple[str, Any], list[int]] = {}
    for row in rows:
        created = row["created_at"]
        if not start <= created < end or (state and row["state"] != state):
            continue
        day = (created + offset).date()
        if monthly:
            day = day.replace(day=1)
        parts = found.setdefault((row["currency"], day), [0, 0, 0, 0])
        parts[0] += row["amount_received"]
        parts[1] += 1
        parts[2] += row["state"] in ("succeeded", "requires_capture", "declined")
        parts[3] += row["state"] == "declined"
    return {key: tuple(parts) for key, parts in found.items()}  # type: ignore[misc]


@pytest.mark.parametrize("offset_hours", [0, 8, -5])
def test_the_chart_adds_up_each_local_day_per_currency(store: Store, offset_hours: int) -> None:
    from posdesk.store.history_totals import chart_rows

    rows = seed(store, 400)
    start, end = NOW - timedelta(days=30), NOW
    query = HistoryQuery(start=start, end=end)
    points = chart_rows(store, query, offset_hours * 60, by_month=False)
    got = {(p.currency, p.day): (p.received, p.count, p.answered, p.declined) for p in points}
    assert got == _expected_points(rows, start, end, timedelta(hours=offset_hours),
                                   monthly=False)
    assert len(got) > 30  # two currencies over 30 days


def test_a_long_period_is_charted_by_month_from_the_summary(store: Store) -> None:
    from posdesk.store.history_totals import chart_rows

    rows = seed(store, 400)
    start = datetime(2026, 10, 1, tzinfo=UTC)
    query = HistoryQuery(start=start, end=NOW, state="declined")
    points = chart_rows(store, query, 0, by_month=True)
    got = {(p.currency, p.day): (p.received, p.count, p.answered, p.declined) for p in points}
    expected = _expected_points(rows, start, NOW, timedelta(0), monthly=True, state="declined")
    # Whole UTC days from the summary, the partial last day (the 20th) from the payments.
    assert got == expected
    assert all(p.decline_rate == 1.0 for p in points)


def test_a_description_search_reads_the_index_and_agrees_with_like(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from posdesk.store import history as history_store

    rows = seed(store, 300)
    with store.engine.connect() as conn:
        matched = history_store._described_ids(conn, ["coffee"])  # noqa: SLF001
    expected = sorted(r["id"] for r in rows
                      if r["description"] and "coffee" in r["description"].lower())
    assert matched == expected and matched  # "Coffee beans", "coffee mug", any case
    # A description changed later is found by its new words only (the index follows).
    first = expected[0]
    with store.engine.begin() as conn:
        conn.execute(update(PAYMENTS).where(PAYMENTS.c.id == first)
                     .values(description="Espresso machine"))
    with store.engine.connect() as conn:
        assert first not in (history_store._described_ids(conn, ["coffee"]) or [])  # noqa: SLF001
        assert history_store._described_ids(conn, ["espresso"]) == [first]  # noqa: SLF001
        # Too short for trigrams, or LIKE's own characters: the plain LIKE path.
        assert history_store._described_ids(conn, ["咖啡"]) is None  # noqa: SLF001
        assert history_store._described_ids(conn, ["50%"]) is None  # noqa: SLF001
    # Many matches: the date order with LIKE finds a page sooner.
    monkeypatch.setattr(history_store, "FEW_DESCRIBED", 3)
    with store.engine.connect() as conn:
        assert history_store._described_ids(conn, ["coffee"]) is None  # noqa: SLF001
    # Either way the page is what a plain LIKE selects.
    page = history_page(store, HistoryQuery(text="coffee"), None, 1000)
    monkeypatch.setattr(history_store, "FEW_DESCRIBED", 5000)
    assert [r.id for r in history_page(store, HistoryQuery(text="coffee"), None, 1000)] == [
        r.id for r in page]
