"""What the close of day reads and writes: the day's payments and refund requests added up
in SQL (by state, staff member, terminal and currency), the ids that tie them to Stripe's
balance transactions, and the closed days (`day_closes`, one per scope and business day).

A close is one INSERT: the unique (scope, business_date) constraint decides between two
terminals closing the same day at once; the loser gets `AlreadyClosed` with the winner's row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from posdesk.store.database import Store
from posdesk.store.models import DayCloseRecord, PaymentRecord, TerminalRecord
from posdesk.store.refund_models import RefundRequestRecord


class AlreadyClosed(Exception):
    def __init__(self, existing: DayCloseRecord) -> None:
        super().__init__(f"{existing.scope} {existing.business_date} is closed")
        self.existing = existing


@dataclass(frozen=True, slots=True)
class Tally:
    """Payments (or refund requests) of one state, staff member, terminal and currency."""

    state: str
    staff_id: str
    staff_name: str
    terminal_id: str | None
    currency: str
    count: int
    amount: int  # payments: asked for; refunds: the refund's amount
    received: int  # payments: what came in (amount received); refunds: as amount


def _tallies(store: Store, model: type[PaymentRecord] | type[RefundRequestRecord],
             start: datetime, end: datetime, terminal_id: str | None) -> list[Tally]:
    created = col(model.created_at)
    received = (func.sum(col(PaymentRecord.amount_received)) if model is PaymentRecord
                else func.sum(col(RefundRequestRecord.amount)))
    query = (
        select(col(model.state), col(model.staff_id), func.max(col(model.staff_name)),
               col(model.terminal_id), col(model.currency), func.count(),
               func.sum(col(model.amount)), received)
        .where(created >= start, created < end)
        .group_by(col(model.state), col(model.staff_id), col(model.terminal_id),
                  col(model.currency))
    )
    if terminal_id is not None:
        query = query.where(col(model.terminal_id) == terminal_id)
    with store.session() as session:
        rows = session.exec(query).all()
    return [Tally(str(r[0]), str(r[1]), str(r[2] or ""), r[3], str(r[4]).upper(), int(r[5]),
                  int(r[6] or 0), int(r[7] or 0)) for r in rows]


def payment_tallies(store: Store, start: datetime, end: datetime,
                    terminal_id: str | None = None) -> list[Tally]:
    """The payments created in [start, end), of one terminal or all."""
    return _tallies(store, PaymentRecord, start, end, terminal_id)


def refund_tallies(store: Store, start: datetime, end: datetime,
                   terminal_id: str | None = None) -> list[Tally]:
    """The refund requests made in [start, end), of one terminal or all."""
    return _tallies(store, RefundRequestRecord, start, end, terminal_id)


def paid_intents(store: Store, start: datetime, end: datetime, states: tuple[str, ...],
                 currency: str, terminal_id: str | None = None) -> set[str]:
    """Stripe's ids (pi_...) of the payments in `states` created in [start, end)."""
    query = (select(col(PaymentRecord.intent_id))
             .where(col(PaymentRecord.created_at) >= start, col(PaymentRecord.created_at) < end)
             .where(col(PaymentRecord.state).in_(states))
             .where(col(PaymentRecord.currency) == currency)
             .where(col(PaymentRecord.intent_id).is_not(None)))
    if terminal_id is not None:
        query = query.where(col(PaymentRecord.terminal_id) == terminal_id)
    with store.session() as session:
        return {str(i) for i in session.exec(query) if i}


def refund_ids(store: Store, start: datetime, end: datetime, states: tuple[str, ...],
               currency: str, terminal_id: str | None = None) -> tuple[set[str], int]:
    """Stripe's ids (re_...) of the refund requests in `states` made in [start, end), and
    how many of them Stripe has not named yet."""
    rr = RefundRequestRecord
    query = (select(col(rr.stripe_refund_id))
             .where(col(rr.created_at) >= start, col(rr.created_at) < end)
             .where(col(rr.state).in_(states))
             .where(col(rr.currency) == currency))
    if terminal_id is not None:
        query = query.where(col(rr.terminal_id) == terminal_id)
    with store.session() as session:
        found = list(session.exec(query))
    return {str(i) for i in found if i}, sum(1 for i in found if not i)


def terminal_names(store: Store) -> dict[str, str]:
    with store.session() as session:
        return {t.id: (t.name or t.host or t.id[:8]) for t in session.exec(select(TerminalRecord))}


def closed(store: Store, scope: str, day: date) -> DayCloseRecord | None:
    query = (select(DayCloseRecord).where(col(DayCloseRecord.scope) == scope)
             .where(col(DayCloseRecord.business_date) == day))
    with store.session() as session:
        return session.exec(query).first()


def close(store: Store, record: DayCloseRecord) -> DayCloseRecord:
    """Insert the close; AlreadyClosed (with the close that won) when the day and scope were
    closed first, here or at another terminal."""
    try:
        with store.session() as session:
            session.add(record)
            session.flush()
            session.refresh(record)
            session.expunge(record)
    except IntegrityError:
        existing = closed(store, record.scope, record.business_date)
        if existing is None:  # pragma: no cover - a constraint other than the day's
            raise
        raise AlreadyClosed(existing) from None
    return record
