"""The shop's own refund requests: written before Stripe hears of them, with the idempotency
key every retry reuses, and linked to the refund Stripe made (`refunds`, keyed by Stripe's
id, written by the event applier) once its id is known.

Imported by the migrations' env.py and store/maintenance.py so schema comparison and the
statistics see this table too.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

from posdesk.store.models import utcnow

# Requests whose outcome at Stripe is not known yet (domain.refunds.UNSETTLED): few rows
# ever, so a partial index keeps settling's query to them (the query spells the same
# literals, as the payments' settlement query does).
UNSETTLED_REFUND_STATES = ("sending", "unconfirmed")
UNSETTLED_REFUND_WHERE = "state IN ('sending', 'unconfirmed')"


class RefundRequestRecord(SQLModel, table=True):
    """One refund asked for at a terminal of this shop, full or partial."""

    __tablename__ = "refund_requests"
    __table_args__ = (
        # A payment's refunds, oldest first.
        Index("ix_refund_requests_payment", "payment_id", "created_at", "id"),
        Index(
            "ix_refund_requests_unsettled",
            "created_at",
            "id",
            sqlite_where=text(UNSETTLED_REFUND_WHERE),
            postgresql_where=text(UNSETTLED_REFUND_WHERE),
        ),
    )

    id: str = Field(primary_key=True, max_length=36)  # local UUID, also in refund metadata
    payment_id: str = Field(max_length=36)  # payments.id
    intent_id: str = Field(max_length=64)  # the PaymentIntent refunded
    customer_id: str | None = Field(default=None, max_length=64)
    amount: int  # minor units
    currency: str = Field(max_length=3)
    reason: str | None = Field(default=None, max_length=32)  # domain.refunds.RefundReason
    note: str | None = Field(default=None, max_length=500)  # kept here only, never sent
    idempotency_key: str = Field(unique=True, max_length=255)
    state: str = Field(max_length=32)  # domain.refunds.RefundState
    # Stripe's refund (re_...), once known: the `refunds` row of the same refund.
    stripe_refund_id: str | None = Field(default=None, unique=True, max_length=64)
    error_code: str | None = Field(default=None, max_length=64)
    error_message: str | None = Field(default=None, max_length=1000)
    # When Stripe first answered with a server error (it replays that answer for the key).
    server_error_at: datetime | None = None
    staff_id: str = Field(max_length=64)
    staff_name: str = Field(default="", max_length=256)
    approved_by: str | None = Field(default=None, max_length=64)
    terminal_id: str | None = Field(default=None, max_length=36)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
