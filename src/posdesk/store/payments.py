"""The shop's own payment records: written before Stripe is asked, updated with its answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, text, true, update
from sqlmodel import col, select

from posdesk.domain.payment_state import PaymentState
from posdesk.store import changes
from posdesk.store.database import Store
from posdesk.store.models import SETTLING_STATES, SETTLING_WHERE, PaymentRecord, utcnow
from posdesk.store.payment_pages import PageKey

# States whose outcome at Stripe is not known or not final yet and must be looked up.
NEEDS_SETTLEMENT = (
    PaymentState.PENDING, PaymentState.UNCONFIRMED, PaymentState.WAITING, PaymentState.PROCESSING
)
# The partial index ix_payments_settling holds exactly these rows (see models.py).
assert {s.value for s in NEEDS_SETTLEMENT} == set(SETTLING_STATES)
_IMMUTABLE = frozenset({"id", "idempotency_key", "created_at"})


class PaymentNotFound(LookupError):
    pass


def unclaimed(now: datetime) -> Any:
    """No terminal holds a live claim on the payment (none ever did, or its claim lapsed)."""
    return or_(
        col(PaymentRecord.claimed_by).is_(None),
        col(PaymentRecord.claim_expires_at).is_(None),
        col(PaymentRecord.claim_expires_at) < now,
    )


class PaymentRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, record: PaymentRecord) -> PaymentRecord:
        """Persist a new record and commit at once: the "pending written" step that must be
        durable before the request goes to Stripe."""
        with self.store.session() as session:
            session.add(record)
            changes.record(session, [changes.payment_change(record, record.terminal_id)])
        return self.get(record.id)  # type: ignore[return-value]

    def get(self, payment_id: str) -> PaymentRecord | None:
        with self.store.session() as session:
            return session.get(PaymentRecord, payment_id)

    def get_by_intent(self, intent_id: str) -> PaymentRecord | None:
        return self._one(col(PaymentRecord.intent_id) == intent_id)

    def get_by_idempotency_key(self, key: str) -> PaymentRecord | None:
        return self._one(col(PaymentRecord.idempotency_key) == key)

    def _one(self, condition: Any) -> PaymentRecord | None:
        with self.store.session() as session:
            return session.exec(select(PaymentRecord).where(condition)).first()

    def update(self, payment_id: str, **fields: Any) -> PaymentRecord:
        """Change some fields and stamp updated_at; the id, key and creation time never change."""
        forbidden = _IMMUTABLE & fields.keys()
        if forbidden:
            raise ValueError(f"cannot change {', '.join(sorted(forbidden))} of a payment")
        unknown = [name for name in fields if name not in PaymentRecord.model_fields]
        if unknown:
            raise ValueError(f"unknown payment field(s): {', '.join(unknown)}")
        with self.store.session() as session:
            record = session.get(PaymentRecord, payment_id, with_for_update=True)
            if record is None:
                raise PaymentNotFound(payment_id)
            for name, value in fields.items():
                setattr(record, name, value.value if isinstance(value, PaymentState) else value)
            record.updated_at = utcnow()
            session.add(record)
            # Who writes a payment's outcome holds its claim (the ledger's rule).
            changes.record(session, [changes.payment_change(record, record.claimed_by)])
        return record

    def list_needing_settlement(self, now: datetime | None = None) -> list[PaymentRecord]:
        """Payments whose Stripe outcome still has to be fetched, oldest first; with `now`,
        only those no live terminal has claimed."""
        # The index's own WHERE, literally: SQLite uses a partial index only for a query
        # whose WHERE contains the index's (bound parameters in an IN list never match).
        query = select(PaymentRecord).where(text(SETTLING_WHERE))
        if now is not None:
            query = query.where(unclaimed(now))
        query = query.order_by(col(PaymentRecord.created_at), col(PaymentRecord.id))
        with self.store.session() as session:
            return list(session.exec(query))

    # --- claims: which terminal is deciding a payment right now ---------------------------------

    def claim(self, payment_id: str, terminal_id: str, until: datetime, now: datetime) -> bool:
        """Claim the payment for `terminal_id` unless another terminal's claim is still live.
        One conditional UPDATE, so two terminals racing for it cannot both win."""
        table = PaymentRecord.__table__  # type: ignore[attr-defined]
        stmt = (
            update(table)
            .where(table.c.id == payment_id)
            .where(or_(table.c.claimed_by == terminal_id, unclaimed(now)))
            .values(claimed_by=terminal_id, claim_expires_at=until)
        )
        with self.store.session() as session:
            return session.connection().execute(stmt).rowcount == 1

    def renew_claims(self, terminal_id: str, payment_ids: list[str], until: datetime) -> int:
        """Extend this terminal's claims (the ones it still holds) to `until`."""
        if not payment_ids:
            return 0
        table = PaymentRecord.__table__  # type: ignore[attr-defined]
        stmt = (
            update(table)
            .where(table.c.id.in_(payment_ids), table.c.claimed_by == terminal_id)
            .values(claim_expires_at=until)
        )
        with self.store.session() as session:
            return session.connection().execute(stmt).rowcount

    def release_claim(self, payment_id: str, terminal_id: str) -> None:
        self._release(PaymentRecord.id == payment_id, terminal_id)

    def release_claims_of(self, terminal_id: str) -> int:
        """Drop every claim of a terminal that starts again: its earlier run is over."""
        return self._release(true(), terminal_id)

    def _release(self, condition: Any, terminal_id: str) -> int:
        table = PaymentRecord.__table__  # type: ignore[attr-defined]
        stmt = (
            update(table)
            .where(condition, table.c.claimed_by == terminal_id)
            .values(claimed_by=None, claim_expires_at=None)
        )
        with self.store.session() as session:
            return session.connection().execute(stmt).rowcount

    def list_for_customer(self, customer_id: str, limit: int = 20) -> list[PaymentRecord]:
        query = (
            select(PaymentRecord)
            .where(col(PaymentRecord.customer_id) == customer_id)
            .order_by(col(PaymentRecord.created_at).desc(), col(PaymentRecord.id).desc())
            .limit(limit)
        )
        with self.store.session() as session:
            return list(session.exec(query))

    def list_in_state(self, state: str, limit: int = 500) -> list[PaymentRecord]:
        """Payments in one state, newest first (index ix_payments_state_created)."""
        query = (
            select(PaymentRecord)
            .where(col(PaymentRecord.state) == str(state))
            .order_by(col(PaymentRecord.created_at).desc(), col(PaymentRecord.id).desc())
            .limit(limit)
        )
        with self.store.session() as session:
            return list(session.exec(query))

    def list_recent(self, limit: int = 50) -> list[PaymentRecord]:
        query = (
            select(PaymentRecord)
            .order_by(col(PaymentRecord.created_at).desc(), col(PaymentRecord.id).desc())
            .limit(limit)
        )
        with self.store.session() as session:
            return list(session.exec(query))


@dataclass(frozen=True, slots=True)
class HistoryFilter:
    """What the payment history shows: a time range [start, end) and at most one of state,
    terminal or staff member (each has an index ending in the page order)."""

    start: datetime | None = None
    end: datetime | None = None
    state: str | None = None
    terminal_id: str | None = None
    staff_id: str | None = None


def history_page(
    store: Store, filters: HistoryFilter, after: PageKey | None = None, limit: int = 50
) -> list[PaymentRecord]:
    """Up to `limit` payments matching `filters`, newest first by (created_at, id), strictly
    after `after` (keyset, as store/payment_pages.py)."""
    created, pid = col(PaymentRecord.created_at), col(PaymentRecord.id)
    query = select(PaymentRecord)
    if filters.state is not None:
        query = query.where(col(PaymentRecord.state) == filters.state)
    if filters.terminal_id is not None:
        query = query.where(col(PaymentRecord.terminal_id) == filters.terminal_id)
    if filters.staff_id is not None:
        query = query.where(col(PaymentRecord.staff_id) == filters.staff_id)
    if filters.start is not None:
        query = query.where(created >= filters.start)
    if filters.end is not None:
        query = query.where(created < filters.end)
    if after is not None:
        # The redundant `created <= ...` lets SQLite seek to the page start: it cannot seek
        # on the OR alone and would walk every newer row first (deep pages cost like OFFSET).
        query = query.where(
            created <= after.created_at,
            or_(created < after.created_at, and_(created == after.created_at, pid < after.id)),
        )
    query = query.order_by(created.desc(), pid.desc()).limit(limit)
    with store.session() as session:
        return list(session.exec(query))
