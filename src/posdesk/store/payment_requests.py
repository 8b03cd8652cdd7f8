"""The shop's payment requests (store/models.py PaymentRequestRecord): written before Stripe
hears of them, updated with the session Stripe made and, by the event applier, with how
they ended. Every write records a PAYMENT_REQUEST change (the request dialog and the open
requests list follow it).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, col, select

from posdesk.domain.changes import Change, ChangeKind
from posdesk.domain.payment_requests import RequestState
from posdesk.store import changes
from posdesk.store.database import Store
from posdesk.store.models import (
    OPEN_REQUEST_STATES,
    OPEN_REQUEST_WHERE,
    PaymentRequestRecord,
    utcnow,
)

assert {s.value for s in RequestState if not s.is_final} == set(OPEN_REQUEST_STATES)
# A payment with a request in one of these states gets no other remote-authentication link.
_RETRY_BLOCKING_STATES = (*OPEN_REQUEST_STATES, RequestState.PAID.value)
_IMMUTABLE = frozenset({"id", "idempotency_key", "created_at", "amount", "currency"})


class PaymentRequestNotFound(LookupError):
    pass


class RetryAlreadyMade(Exception):
    """A payment already has a remote-authentication request that is live or paid."""


def request_change(record: PaymentRequestRecord) -> Change:
    return Change(ChangeKind.PAYMENT_REQUEST, record.id, record.customer_id, record.terminal_id)


class PaymentRequestRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, record: PaymentRequestRecord) -> PaymentRequestRecord:
        """Persist a new request and commit at once: durable before Stripe is asked."""
        with self.store.session() as session:
            session.add(record)
            changes.record(session, [request_change(record)])
        return self.get(record.id)  # type: ignore[return-value]

    def add_retry(self, record: PaymentRequestRecord) -> PaymentRequestRecord:
        """`add` a remote-authentication request (``record.retry_of`` set), unless its payment
        already has one being made, open or paid (raises RetryAlreadyMade): two links for one
        failed payment could both be paid. Checked and written in one transaction under the
        payment's row lock, so two terminals sending at the same moment make one request."""
        assert record.retry_of is not None
        with self.store.session() as session:
            _lock_payment(session, record.retry_of)
            live = select(PaymentRequestRecord.id).where(
                col(PaymentRequestRecord.retry_of) == record.retry_of,
                col(PaymentRequestRecord.state).in_(_RETRY_BLOCKING_STATES),
            )
            if session.exec(live).first() is not None:
                raise RetryAlreadyMade(record.retry_of)
            session.add(record)
            changes.record(session, [request_change(record)])
        return self.get(record.id)  # type: ignore[return-value]

    def get(self, request_id: str) -> PaymentRequestRecord | None:
        with self.store.session() as session:
            return session.get(PaymentRequestRecord, request_id)

    def update(self, request_id: str, **fields: Any) -> PaymentRequestRecord:
        """Change some fields and stamp updated_at; id, key, amount and creation stay."""
        forbidden = _IMMUTABLE & fields.keys()
        if forbidden:
            raise ValueError(f"cannot change {', '.join(sorted(forbidden))} of a request")
        with self.store.session() as session:
            record = session.get(PaymentRequestRecord, request_id, with_for_update=True)
            if record is None:
                raise PaymentRequestNotFound(request_id)
            for name, value in fields.items():
                if name not in PaymentRequestRecord.model_fields:
                    raise ValueError(f"unknown request field: {name}")
                setattr(record, name, value.value if isinstance(value, RequestState) else value)
            record.updated_at = utcnow()
            session.add(record)
            changes.record(session, [request_change(record)])
        return record

    def open_requests(self, limit: int = 500) -> list[PaymentRequestRecord]:
        """Requests whose link may still be paid (or is being made), soonest to expire
        first; the partial index holds only these."""
        query = (
            select(PaymentRequestRecord)
            .where(text(OPEN_REQUEST_WHERE))
            .order_by(col(PaymentRequestRecord.expires_at), col(PaymentRequestRecord.id))
            .limit(limit)
        )
        with self.store.session() as session:
            return list(session.exec(query))

    def for_customer(self, customer_id: str, limit: int = 50) -> list[PaymentRequestRecord]:
        query = (
            select(PaymentRequestRecord)
            .where(col(PaymentRequestRecord.customer_id) == customer_id)
            .order_by(col(PaymentRequestRecord.created_at).desc(),
                      col(PaymentRequestRecord.id).desc())
            .limit(limit)
        )
        with self.store.session() as session:
            return list(session.exec(query))

    def retrying(self, payment_id: str) -> list[PaymentRequestRecord]:
        """The remote-authentication requests made for a payment."""
        query = select(PaymentRequestRecord).where(
            col(PaymentRequestRecord.retry_of) == payment_id)
        with self.store.session() as session:
            return list(session.exec(query))

    def paid_retries_to_cancel(self) -> list[PaymentRequestRecord]:
        """Paid remote authentications whose original intent is not known canceled yet."""
        query = select(PaymentRequestRecord).where(
            col(PaymentRequestRecord.state) == RequestState.PAID.value,
            col(PaymentRequestRecord.retry_intent_id).is_not(None),
            col(PaymentRequestRecord.retry_canceled_at).is_(None),
        )
        with self.store.session() as session:
            return list(session.exec(query))


def _lock_payment(session: Session, payment_id: str) -> None:
    """Hold the payment's row until the transaction ends: PostgreSQL's row lock; on SQLite the
    database write lock (a write that changes nothing: sqlite3 otherwise begins the
    transaction only at the first change, after the check it must cover)."""
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT id FROM payments WHERE id = :id FOR UPDATE"), {"id": payment_id})
    else:
        conn.exec_driver_sql("UPDATE payments SET id = id WHERE 0")


def apply_session_event(
    session: Session, request_id: str, *, state: RequestState, session_id: str,
    intent_id: str | None, at: datetime,
) -> Change | None:
    """The event applier's write (in its transaction): a request's session completed or
    expired. A final state is never left; returns the change to record, or None."""
    record = session.get(PaymentRequestRecord, request_id)
    if record is None or record.session_id not in (None, session_id):
        return None
    if RequestState(record.state).is_final and record.state != RequestState.FAILED.value:
        return None
    record.state = state.value
    record.session_id = session_id
    if intent_id:
        record.intent_id = intent_id
    if state is RequestState.PAID:
        # The payment row the applier makes from the intent carries this request's id.
        record.payment_id = record.id
    record.error_code = record.error_message = None
    record.updated_at = at
    session.add(record)
    # Sync's news for every terminal's screens, this one's too: no terminal of its own.
    return Change(ChangeKind.PAYMENT_REQUEST, record.id, record.customer_id, None)
