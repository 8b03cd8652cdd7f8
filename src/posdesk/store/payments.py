"""The shop's own payment records: written before Stripe is asked, updated with its answer."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from posdesk.domain.payment_state import PaymentState
from posdesk.store.database import Store
from posdesk.store.models import PaymentRecord, utcnow

# States whose outcome at Stripe is not known or not final yet and must be looked up.
NEEDS_SETTLEMENT = (PaymentState.PENDING, PaymentState.UNCONFIRMED, PaymentState.PROCESSING)
_IMMUTABLE = frozenset({"id", "idempotency_key", "created_at"})


class PaymentNotFound(LookupError):
    pass


class PaymentRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, record: PaymentRecord) -> PaymentRecord:
        """Persist a new record and commit at once: the "pending written" step that must be
        durable before the request goes to Stripe."""
        with self.store.session() as session:
            session.add(record)
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
        return record

    def list_needing_settlement(self) -> list[PaymentRecord]:
        """Payments whose Stripe outcome still has to be fetched, oldest first."""
        states = [state.value for state in NEEDS_SETTLEMENT]
        query = (
            select(PaymentRecord)
            .where(col(PaymentRecord.state).in_(states))
            .order_by(col(PaymentRecord.created_at), col(PaymentRecord.id))
        )
        with self.store.session() as session:
            return list(session.exec(query))

    def list_for_customer(self, customer_id: str, limit: int = 20) -> list[PaymentRecord]:
        query = (
            select(PaymentRecord)
            .where(col(PaymentRecord.customer_id) == customer_id)
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
