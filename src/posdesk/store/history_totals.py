"""Totals per currency of the payments a history filter selects: count, received,
refunded, and the states for the decline rate.

A filter of date, state and terminal only (the page as it opens, a cashier's day, a month)
adds up `history_totals` (store/models.py HistoryTotal), kept by triggers on `payments`
(migration 0013) in the transaction of each payment write: one row per UTC day, currency,
state and terminal, so a whole period is a few tens of thousands of small rows however
many payments there are. Staff pick local days, not UTC ones: the whole UTC days inside
[start, end) come from the summary, the hours at either end from the payments themselves
(through ix_payments_created_at_id). Any other filter (staff, customer, card, amount, text)
adds up the payments it selects, through that filter's index.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.engine import Connection

from posdesk.domain.history import (
    ChartPoint,
    CurrencyTotals,
    HistoryQuery,
    chart_points,
    totals_by_currency,
)
from posdesk.store.database import Store
from posdesk.store.history import PAYMENTS, conditions
from posdesk.store.models import HistoryTotal

TOTALS = HistoryTotal.__table__  # type: ignore[attr-defined]

Rows = list[tuple[str, str, int, int, int]]


def summary_serves(query: HistoryQuery) -> bool:
    """The summary has the columns this filter needs."""
    return not (query.staff_id or query.customer or query.last4 or query.text
                or query.amount_min is not None or query.amount_max is not None)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), UTC)


def _whole_days(start: datetime | None, end: datetime | None) -> tuple[date | None, date | None]:
    """The UTC days lying wholly in [start, end): [first, stop) (None: unbounded)."""
    first = stop = None
    if start is not None:
        start = start.astimezone(UTC)
        first = start.date() if start == _midnight(start.date()) else start.date() + timedelta(1)
    if end is not None:
        stop = end.astimezone(UTC).date()
    return first, stop


def _payments_rows(conn: Connection, where: list[ColumnElement[bool]]) -> Rows:
    p = PAYMENTS.c
    statement = (
        select(p.currency, p.state, func.count(), func.coalesce(func.sum(p.amount_received), 0),
               func.coalesce(func.sum(p.amount_refunded), 0))
        .where(*where).group_by(p.currency, p.state)
    )
    return [tuple(r) for r in conn.execute(statement)]  # type: ignore[misc]


def _summary_where(query: HistoryQuery, first: date | None,
                   stop: date | None) -> list[ColumnElement[bool]]:
    """The summary rows of the whole UTC days [first, stop) the query's state and terminal
    select."""
    t = TOTALS.c
    where: list[ColumnElement[bool]] = []
    if first is not None:
        where.append(t.day >= first)
    if stop is not None:
        where.append(t.day < stop)
    if query.state:
        where.append(t.state == query.state)
    if query.terminal_id:
        where.append(t.terminal_id == query.terminal_id)
    return where


def _edges(query: HistoryQuery, first: date | None, stop: date | None) -> list[HistoryQuery]:
    """The hours before the first and after the last whole UTC day, as queries of the
    payments (the summary has whole days only)."""
    edges = []
    if query.start is not None and first is not None and _midnight(first) > query.start:
        edges.append(HistoryQuery(start=query.start, end=_midnight(first), state=query.state,
                                  terminal_id=query.terminal_id))
    if query.end is not None and stop is not None and _midnight(stop) < query.end:
        edges.append(HistoryQuery(start=_midnight(stop), end=query.end, state=query.state,
                                  terminal_id=query.terminal_id))
    return edges


def _summary_rows(conn: Connection, query: HistoryQuery, first: date | None,
                  stop: date | None) -> Rows:
    t = TOTALS.c
    statement = (
        select(t.currency, t.state, func.sum(t.payments), func.sum(t.received),
               func.sum(t.refunded))
        .where(*_summary_where(query, first, stop)).group_by(t.currency, t.state)
    )
    return [tuple(r) for r in conn.execute(statement)]  # type: ignore[misc]


def history_totals(store: Store, query: HistoryQuery) -> list[CurrencyTotals]:
    """The totals per currency of what `query` selects (its sort does not matter)."""
    with store.engine.connect() as conn:
        if not summary_serves(query):
            return totals_by_currency(_payments_rows(conn, conditions(conn, query)))
        first, stop = _whole_days(query.start, query.end)
        if first is not None and stop is not None and first >= stop:
            # No whole UTC day inside: all from the payments (a few hours of them).
            return totals_by_currency(_payments_rows(conn, conditions(conn, query)))
        rows = _summary_rows(conn, query, first, stop)
        for edge in _edges(query, first, stop):
            rows += _payments_rows(conn, conditions(conn, edge))
    return totals_by_currency(rows)


def totals_from_payments(store: Store, query: HistoryQuery) -> list[CurrencyTotals]:
    """The same totals added up from the payments alone (tests, the benchmark's floor)."""
    with store.engine.connect() as conn:
        return totals_by_currency(_payments_rows(conn, conditions(conn, query)))




def _bucket(conn: Connection, column: ColumnElement[datetime], offset_minutes: int,
            by_month: bool) -> ColumnElement[str]:
    """The local day (or month) of a UTC time, as 'YYYY-MM-DD', shifted by a fixed offset:
    the shop's at the period's end (a day of a daylight-saving change is off by an hour at
    its edge, which a chart of the day's volume does not show)."""
    if conn.dialect.name == "postgresql":
        local = column + func.make_interval(0, 0, 0, 0, 0, offset_minutes)
        return func.to_char(local, "YYYY-MM-01" if by_month else "YYYY-MM-DD")
    shift = f"{offset_minutes:+d} minutes"
    return func.strftime("%Y-%m-01" if by_month else "%Y-%m-%d", column, shift)


def _monthly_summary(conn: Connection, query: HistoryQuery) -> list[tuple[date, str, str, int,
                                                                          int]]:
    """Months from the summary's UTC days (a month's edges are off by the shop's offset, a
    few hours of a month: nothing a monthly bar shows)."""
    t = TOTALS.c
    first, stop = _whole_days(query.start, query.end)
    statement = (select(t.day, t.currency, t.state, func.sum(t.payments), func.sum(t.received))
                 .where(*_summary_where(query, first, stop))
                 .group_by(t.day, t.currency, t.state))
    rows = []
    for day, currency, state, count, received in conn.execute(statement):
        day = day if isinstance(day, date) else date.fromisoformat(str(day))
        rows.append((day.replace(day=1), currency, state, int(count), int(received or 0)))
    for edge in _edges(query, first, stop):
        assert edge.start is not None
        month = edge.start.astimezone(UTC).date().replace(day=1)
        rows += [(month, currency, state, count, received)
                 for currency, state, count, received, _refunded
                 in _payments_rows(conn, conditions(conn, edge))]
    return rows


def chart_rows(store: Store, query: HistoryQuery, offset_minutes: int, *,
               by_month: bool) -> list[ChartPoint]:
    """What `query` selects, added up per local day (or month) and currency, for the chart:
    a grouped read of the payments through the filter's index."""
    p = PAYMENTS.c
    with store.engine.connect() as conn:
        if by_month and summary_serves(query):
            return chart_points(_monthly_summary(conn, query))
        bucket = _bucket(conn, p.created_at, offset_minutes, by_month).label("bucket")
        statement = (
            select(bucket, p.currency, p.state, func.count(),
                   func.coalesce(func.sum(p.amount_received), 0))
            .where(*conditions(conn, query))
            .group_by(bucket, p.currency, p.state)
        )
        rows = [(date.fromisoformat(str(b)), c, s, int(n), int(r))
                for b, c, s, n, r in conn.execute(statement)]
    return chart_points(rows)


__all__ = ["chart_rows", "history_totals", "summary_serves", "totals_from_payments"]
