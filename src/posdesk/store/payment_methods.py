"""Cached summaries of customers' saved payment methods (brand, last4, expiry, wallet)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import delete
from sqlmodel import col, select

from posdesk.store.database import Store
from posdesk.store.models import PaymentMethodRecord, utcnow


@dataclass(frozen=True)
class PaymentMethodData:
    """What Stripe exposes about a saved card; there is deliberately no number or CVC."""

    id: str
    customer_id: str | None
    type: str = "card"
    brand: str | None = None
    last4: str | None = None
    exp_month: int | None = None
    exp_year: int | None = None
    funding: str | None = None
    country: str | None = None
    wallet: str | None = None
    created: int = 0


def _record(method: PaymentMethodData) -> PaymentMethodRecord:
    return PaymentMethodRecord(**asdict(method), synced_at=utcnow())


class PaymentMethodRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def replace_for_customer(self, customer_id: str, methods: list[PaymentMethodData]) -> None:
        """Make the cache hold exactly these methods for the customer (a fresh Stripe list)."""
        for method in methods:
            if method.customer_id != customer_id:
                raise ValueError(f"{method.id} belongs to {method.customer_id}, not {customer_id}")
        with self.store.session() as session:
            session.execute(
                delete(PaymentMethodRecord).where(
                    col(PaymentMethodRecord.customer_id) == customer_id
                )
            )
            # A method may have moved from another customer: replace it wherever it was.
            for method in methods:
                session.merge(_record(method))

    def upsert(self, method: PaymentMethodData) -> None:
        with self.store.session() as session:
            session.merge(_record(method))

    def remove(self, payment_method_id: str) -> bool:
        with self.store.session() as session:
            result = session.execute(
                delete(PaymentMethodRecord).where(col(PaymentMethodRecord.id) == payment_method_id)
            )
            return bool(result.rowcount)

    def get(self, payment_method_id: str) -> PaymentMethodRecord | None:
        with self.store.session() as session:
            return session.get(PaymentMethodRecord, payment_method_id)

    def list_for_customer(self, customer_id: str) -> list[PaymentMethodRecord]:
        """Newest first (Stripe's order), id as tie-break so the order is stable."""
        with self.store.session() as session:
            query = (
                select(PaymentMethodRecord)
                .where(col(PaymentMethodRecord.customer_id) == customer_id)
                .order_by(col(PaymentMethodRecord.created).desc(), col(PaymentMethodRecord.id))
            )
            return list(session.exec(query))
