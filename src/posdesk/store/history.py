"""The store's payment history: keyset pages over every payment with the history's filters,
a payment's refunds, Stripe events and audit entries (its detail), and the rows for an
export. Totals are in store/history_totals.py.

Pages are keyset pages as store/payment_pages.py explains (never OFFSET): newest or oldest
first by (created_at, id), largest or smallest first by (amount, id), each page strictly
after the previous page's last row. Each filter narrows through an index ending in the
page order where one fits (state, terminal, staff, customer, card: (x, created_at, id);
the amount sort: (amount, id)); the planner picks among them with statistics
(tests/store/test_query_plans.py).

Rows are read with SQLAlchemy Core (no ORM object per row): a page joins the customer's
name and the card's brand and last four digits through their primary keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, or_, select, text
from sqlalchemy.engine import Connection

from posdesk.domain.history import HistoryQuery, HistoryRefund, SortOrder
from posdesk.domain.search_folding import fold_for_search
from posdesk.store.customers import ranked_ids, search_query
from posdesk.store.database import Store
from posdesk.store.models import (
    AuditEntry,
    CustomerRecord,
    PaymentEvent,
    PaymentMethodRecord,
    PaymentRecord,
)
from posdesk.store.refund_models import RefundRequestRecord
from posdesk.store.schema_objects import DESCRIPTION_FTS_TABLE, DESCRIPTION_TRGM_INDEX
from posdesk.store.sync_models import RefundRecord

PAYMENTS = PaymentRecord.__table__  # type: ignore[attr-defined]
CUSTOMERS = CustomerRecord.__table__  # type: ignore[attr-defined]
CARDS = PaymentMethodRecord.__table__  # type: ignore[attr-defined]
EVENTS = PaymentEvent.__table__  # type: ignore[attr-defined]
AUDIT = AuditEntry.__table__  # type: ignore[attr-defined]
REFUNDS = RefundRecord.__table__  # type: ignore[attr-defined]
REQUESTS = RefundRequestRecord.__table__  # type: ignore[attr-defined]

# The customers a customer filter or the free text can name: the best matches of the
# customer search. More would make the IN list the slow part; a filter that broad is
# better narrowed by typing on.
CUSTOMER_MATCHES = 200


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One payment as the history shows it."""

    id: str
    created_at: datetime
    amount: int
    currency: str
    state: str
    amount_received: int
    amount_refunded: int
    description: str | None
    customer_id: str | None
    customer_name: str | None
    card_brand: str | None
    card_last4: str | None
    staff_id: str
    staff_name: str
    terminal_id: str | None
    intent_id: str | None
    error_message: str | None


@dataclass(frozen=True, slots=True)
class HistoryKey:
    """Where the previous page ended: its last row's sort values."""

    created_at: datetime
    amount: int
    id: str


def history_key(row: HistoryRow) -> HistoryKey:
    return HistoryKey(row.created_at, row.amount, row.id)


_ROW_COLUMNS = (
    PAYMENTS.c.id, PAYMENTS.c.created_at, PAYMENTS.c.amount, PAYMENTS.c.currency,
    PAYMENTS.c.state, PAYMENTS.c.amount_received, PAYMENTS.c.amount_refunded,
    PAYMENTS.c.description, PAYMENTS.c.customer_id, PAYMENTS.c.payment_method_id,
    PAYMENTS.c.staff_id, PAYMENTS.c.staff_name, PAYMENTS.c.terminal_id,
    PAYMENTS.c.intent_id, PAYMENTS.c.error_message,
)


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _rows(conn: Connection, found: list[Any]) -> list[HistoryRow]:
    """Payments read as rows, with their customers' names and cards looked up by primary
    key in one query each (joined in the page query, the join would sway the planner's
    choice of index for the page itself)."""
    customer_ids = {r.customer_id for r in found if r.customer_id}
    card_ids = {r.payment_method_id for r in found if r.payment_method_id}
    names: dict[str, str | None] = {}
    cards: dict[str, tuple[str | None, str | None]] = {}
    if customer_ids:
        names = {row[0]: row[1] for row in conn.execute(
            select(CUSTOMERS.c.id, CUSTOMERS.c.name).where(CUSTOMERS.c.id.in_(customer_ids)))}
    if card_ids:
        cards = {row[0]: (row[1], row[2]) for row in conn.execute(
            select(CARDS.c.id, CARDS.c.brand, CARDS.c.last4).where(CARDS.c.id.in_(card_ids)))}
    rows = []
    for r in found:
        brand, last4 = cards.get(r.payment_method_id or "", (None, None))
        rows.append(HistoryRow(
            id=r.id, created_at=_utc(r.created_at), amount=r.amount, currency=r.currency,
            state=r.state, amount_received=r.amount_received or 0,
            amount_refunded=r.amount_refunded or 0, description=r.description,
            customer_id=r.customer_id, customer_name=names.get(r.customer_id or ""),
            card_brand=brand, card_last4=last4, staff_id=r.staff_id,
            staff_name=r.staff_name, terminal_id=r.terminal_id, intent_id=r.intent_id,
            error_message=r.error_message,
        ))
    return rows


def _like(words: str) -> str:
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _customer_ids(conn: Connection, words: str) -> list[str]:
    """The customers `words` names: an id as typed, else the customer search's best."""
    words = words.strip()
    if words.startswith("cus_") and " " not in words:
        return [words]
    folded = search_query(words)
    return ranked_ids(conn, folded, CUSTOMER_MATCHES) if folded else []


# A description search matching at most this many payments reads them by id; more, and the
# page is found walking the date order with LIKE (it reaches a screenful soon).
FEW_DESCRIBED = 5000
# The trigram indexes answer substrings of 3 characters or more.
TRIGRAM = 3


def _described_ids(conn: Connection, patterns: list[str]) -> list[str] | None:
    """The ids of the payments whose description contains one of `patterns` (lower case),
    through the description index (migration 0017); None when the index cannot say cheaply:
    a pattern too short for trigrams or with LIKE's own characters in it, no index (a
    PostgreSQL without pg_trgm), or more than FEW_DESCRIBED matches."""
    if any(len(pattern) < TRIGRAM or any(c in pattern for c in "%_\\")
           for pattern in patterns):
        return None
    found: set[str] = set()
    for pattern in patterns:
        if conn.dialect.name == "sqlite":
            statement = text(f"SELECT payment_id FROM {DESCRIPTION_FTS_TABLE} "
                             "WHERE description LIKE :pattern LIMIT :most")
        else:
            if not _has_description_index(conn):
                return None
            statement = text("SELECT id FROM payments WHERE lower(description) LIKE :pattern "
                             "LIMIT :most")
        rows = conn.execute(statement, {"pattern": f"%{pattern}%", "most": FEW_DESCRIBED + 1})
        found.update(row[0] for row in rows)
        if len(found) > FEW_DESCRIBED:
            return None
    return sorted(found)


def _has_description_index(conn: Connection) -> bool:
    return conn.execute(text("SELECT 1 FROM pg_indexes WHERE indexname = :name"),
                        {"name": DESCRIPTION_TRGM_INDEX}).first() is not None


# An amount range with at most this many payments is read off the amount index and sorted
# by date; a wider one is found walking the date order (see `conditions`).
FEW_AMOUNTS = 2000


def _few_amounts(conn: Connection, query: HistoryQuery) -> bool:
    """At most FEW_AMOUNTS payments have an amount in the query's range (counted on the
    amount index, stopping there)."""
    p = PAYMENTS.c
    where = []
    if query.amount_min is not None:
        where.append(p.amount >= query.amount_min)
    if query.amount_max is not None:
        where.append(p.amount <= query.amount_max)
    inner = select(p.id).where(*where).limit(FEW_AMOUNTS + 1).subquery()
    return int(conn.execute(select(func.count()).select_from(inner)).scalar_one()) \
        <= FEW_AMOUNTS


def conditions(conn: Connection, query: HistoryQuery, *, ordered: bool = False
               ) -> list[ColumnElement[bool]]:
    """The WHERE of `query` (its customer and free-text parts looked up first); `ordered`:
    for a page in the query's order (an amount range may then be read another way)."""
    p = PAYMENTS.c
    where: list[ColumnElement[bool]] = []
    if query.start is not None:
        where.append(p.created_at >= query.start)
    if query.end is not None:
        where.append(p.created_at < query.end)
    for column, value in ((p.state, query.state), (p.staff_id, query.staff_id),
                          (p.terminal_id, query.terminal_id)):
        if value:
            where.append(column == value)
    if query.amount_min is not None or query.amount_max is not None:
        amount: Any = p.amount
        if ordered and not query.sort.by_amount and not _few_amounts(conn, query):
            # Many payments in the range: walking the date order finds a page sooner than
            # reading the whole range off the amount index and sorting it; `amount + 0`
            # keeps the planner off that index (it cannot tell the two cases apart).
            amount = p.amount + 0
        if query.amount_min is not None:
            where.append(amount >= query.amount_min)
        if query.amount_max is not None:
            where.append(amount <= query.amount_max)
    if query.last4:
        cards = list(conn.execute(
            select(CARDS.c.id).where(CARDS.c.last4 == query.last4.strip())).scalars())
        where.append(p.payment_method_id.in_(cards) if cards else false())
    if query.customer and query.customer.strip():
        ids = _customer_ids(conn, query.customer)
        where.append(p.customer_id.in_(ids) if ids else false())
    if query.text and query.text.strip():
        words = query.text.strip()
        # The description as typed (case-insensitively), or a customer it names.
        patterns = sorted({words.lower(), fold_for_search(words)})
        matched = _described_ids(conn, patterns)
        if matched is not None:
            # Few payments say it: those, by id (the description index found them).
            described = p.id.in_(matched) if matched else false()
        else:
            described = or_(*(func.lower(p.description).like(_like(pattern), escape="\\")
                              for pattern in patterns))
        ids = _customer_ids(conn, words)
        where.append(or_(described, p.customer_id.in_(ids)) if ids else described)
    return where


def _after(sort: SortOrder, after: HistoryKey) -> ColumnElement[bool]:
    p = PAYMENTS.c
    column, value = (p.amount, after.amount) if sort.by_amount else (p.created_at,
                                                                      after.created_at)
    # The redundant bound first: SQLite seeks on it, not on the OR alone (payment_pages.py).
    if sort.descending:
        return and_(column <= value, or_(column < value, and_(column == value, p.id < after.id)))
    return and_(column >= value, or_(column > value, and_(column == value, p.id > after.id)))


def _order(sort: SortOrder) -> list[Any]:
    p = PAYMENTS.c
    column = p.amount if sort.by_amount else p.created_at
    if sort.descending:
        return [column.desc(), p.id.desc()]
    return [column.asc(), p.id.asc()]


def page_statement(
    conn: Connection, query: HistoryQuery, after: HistoryKey | None, limit: int
) -> Any:
    where = conditions(conn, query, ordered=True)
    if after is not None:
        where.append(_after(query.sort, after))
    return select(*_ROW_COLUMNS).where(*where).order_by(*_order(query.sort)).limit(limit)


def history_page(
    store: Store, query: HistoryQuery, after: HistoryKey | None = None, limit: int = 100
) -> list[HistoryRow]:
    """Up to `limit` payments `query` selects, in its order, strictly after `after`."""
    with store.engine.connect() as conn:
        return _rows(conn, list(conn.execute(page_statement(conn, query, after, limit))))


def iterate_history(
    store: Store, query: HistoryQuery, batch: int = 2000
) -> Iterator[list[HistoryRow]]:
    """Every payment `query` selects, in its order, a keyset page at a time (the export:
    memory stays at one page however many rows there are)."""
    after: HistoryKey | None = None
    while True:
        rows = history_page(store, query, after, batch)
        if rows:
            yield rows
        if len(rows) < batch:
            return
        after = history_key(rows[-1])


# --- one payment's detail ------------------------------------------------------------------------


def payment_refunds(store: Store, payment: PaymentRecord) -> list[HistoryRefund]:
    """The payment's refunds, oldest first: Stripe's (wherever made), joined with this
    shop's requests for them, and requests Stripe has not named a refund for yet."""
    with store.engine.connect() as conn:
        requests = list(conn.execute(
            select(REQUESTS).where(REQUESTS.c.payment_id == payment.id)
            .order_by(REQUESTS.c.created_at, REQUESTS.c.id)
        ).mappings())
        stripe_refunds = list(conn.execute(
            select(REFUNDS).where(REFUNDS.c.payment_intent_id == payment.intent_id)
            .order_by(REFUNDS.c.created, REFUNDS.c.id)
        ).mappings()) if payment.intent_id else []
    by_refund = {r["stripe_refund_id"]: r for r in requests if r["stripe_refund_id"]}
    found: list[HistoryRefund] = []
    for refund in stripe_refunds:
        request = by_refund.pop(refund["id"], None)
        found.append(HistoryRefund(
            amount=int(refund["amount"]), currency=refund["currency"] or payment.currency,
            state=refund["status"],
            created_at=datetime.fromtimestamp(refund["created"], UTC) if refund["created"]
            else None,
            refund_id=refund["id"], request_id=request["id"] if request else None,
            reason=(request["reason"] if request else None) or refund["reason"],
            staff_name=request["staff_name"] if request else None,
        ))
    known = {r.request_id for r in found}
    for request in requests:
        if request["id"] in known:
            continue
        found.append(HistoryRefund(
            amount=int(request["amount"]), currency=request["currency"],
            state=request["state"], created_at=_utc(request["created_at"]),
            refund_id=request["stripe_refund_id"], request_id=request["id"],
            reason=request["reason"], staff_name=request["staff_name"],
        ))
    return sorted(found, key=lambda r: r.created_at or datetime.min.replace(tzinfo=UTC))


def payment_events(store: Store, intent_id: str | None, limit: int = 500) -> list[PaymentEvent]:
    """The Stripe events applied to the payment's intent, its charge and refunds, in order."""
    if not intent_id:
        return []
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(EVENTS).where(EVENTS.c.intent_id == intent_id)
            .order_by(EVENTS.c.created, EVENTS.c.event_id).limit(limit)
        ).mappings()
        return [PaymentEvent.model_validate(dict(r)) for r in rows]


def audit_entries(store: Store, targets: list[str], limit: int = 500) -> list[AuditEntry]:
    """Audit entries about any of `targets` (the payment, its intent, its refunds), oldest
    first (index ix_audit_log_target_at)."""
    targets = [t for t in dict.fromkeys(targets) if t]
    if not targets:
        return []
    found: list[AuditEntry] = []
    with store.engine.connect() as conn:
        # One index range per target (an IN list would be merged by a sort).
        for target in targets:
            rows = conn.execute(
                select(AUDIT).where(AUDIT.c.target == target)
                .order_by(AUDIT.c.at, AUDIT.c.id).limit(limit)
            ).mappings()
            found += [AuditEntry.model_validate(dict(r)) for r in rows]
    return sorted(found, key=lambda e: (e.at, e.id or 0))[:limit]


def _distinct(conn: Connection, column: str) -> list[str]:
    """The distinct non-null values of an indexed payments column, one index seek each (a
    loose index scan), not a read of every payment."""
    return [str(v) for v in conn.exec_driver_sql(
        f"WITH RECURSIVE v(x) AS (SELECT min({column}) FROM payments UNION ALL "
        f"SELECT (SELECT min({column}) FROM payments WHERE {column} > v.x) FROM v "
        "WHERE v.x IS NOT NULL) SELECT x FROM v WHERE x IS NOT NULL"
    ).scalars()]


def terminal_ids(store: Store) -> list[str]:
    """Every terminal that took a payment (ix_payments_terminal_created)."""
    with store.engine.connect() as conn:
        return _distinct(conn, "terminal_id")


def staff_choices(store: Store) -> list[tuple[str, str]]:
    """(staff id, name) of everyone who took a payment: one index seek per person (a loose
    index scan of ix_payments_staff_created), not a read of every payment."""
    with store.engine.connect() as conn:
        ids = _distinct(conn, "staff_id")
        names: list[tuple[str, str]] = []
        for staff_id in ids:
            name = conn.execute(
                select(PAYMENTS.c.staff_name).where(PAYMENTS.c.staff_id == staff_id)
                .order_by(PAYMENTS.c.created_at.desc(), PAYMENTS.c.id.desc()).limit(1)
            ).scalar()
            names.append((staff_id, name or staff_id))
    return sorted(names, key=lambda item: (item[1].casefold(), item[0]))


__all__ = [
    "HistoryKey",
    "HistoryRow",
    "audit_entries",
    "history_key",
    "history_page",
    "iterate_history",
    "payment_events",
    "payment_refunds",
    "staff_choices",
    "terminal_ids",
]
