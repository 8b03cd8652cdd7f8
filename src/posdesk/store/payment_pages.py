"""A customer's payments, a page at a time, for tables that can grow (keyset pagination).

Pages are ordered newest first by (created_at, id) and each page starts strictly after the
last row of the previous one. Unlike OFFSET, a keyset page costs the same however deep the
cashier scrolls, and a payment committed meanwhile (by another terminal) neither repeats nor
hides a row: it sorts before the first page, where a reload picks it up.

The comparison is spelled out with AND/OR rather than a row-value tuple so it reads the same
on SQLite and PostgreSQL; `id` breaks ties between payments created in the same instant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_
from sqlmodel import col, select

from posdesk.store.database import Store
from posdesk.store.models import PaymentRecord


@dataclass(frozen=True, slots=True)
class PageKey:
    """Where the previous page ended: its last row's sort key."""

    created_at: datetime
    id: str


def page_key(record: PaymentRecord) -> PageKey:
    return PageKey(record.created_at, record.id)


def customer_payments_page(
    store: Store, customer_id: str, after: PageKey | None = None, limit: int = 50
) -> list[PaymentRecord]:
    """Up to `limit` payments of `customer_id`, newest first, strictly after `after`."""
    created, pid = col(PaymentRecord.created_at), col(PaymentRecord.id)
    query = select(PaymentRecord).where(col(PaymentRecord.customer_id) == customer_id)
    if after is not None:
        query = query.where(
            or_(created < after.created_at, and_(created == after.created_at, pid < after.id))
        )
    query = query.order_by(created.desc(), pid.desc()).limit(limit)
    with store.session() as session:
        return list(session.exec(query))
