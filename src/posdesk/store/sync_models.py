"""Tables of the sync layer: which Stripe events were applied, where the poller stands, the
durable inbox of accepted webhook deliveries, per-object versions for order safety, refunds.

Imported by the migrations' env.py so schema comparison sees these tables too.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, Text, text
from sqlmodel import Field, SQLModel

from posdesk.store.models import utcnow

# Refund statuses that can still change at Stripe: few among many final ones, so a partial
# index keeps `RefundRepository.list_open` to those rows (the query spells the same literals).
OPEN_REFUND_STATUSES = ("pending", "requires_action")
OPEN_REFUND_WHERE = "status IN ('pending', 'requires_action')"


class ProcessedEvent(SQLModel, table=True):
    """One row per Stripe event applied, written in the same transaction as its effect."""

    __tablename__ = "sync_processed_events"

    event_id: str = Field(primary_key=True, max_length=64)  # evt_...
    type: str = Field(max_length=128)
    created: int = 0  # Stripe's unix timestamp of the event
    applied_at: datetime = Field(default_factory=utcnow, index=True)


class SyncValue(SQLModel, table=True):
    """Small named values of the sync layer (the poller's cursor and when it moved)."""

    __tablename__ = "sync_state"

    name: str = Field(primary_key=True, max_length=64)
    value: str | None = Field(default=None, max_length=255)
    updated_at: datetime = Field(default_factory=utcnow)


class InboxEvent(SQLModel, table=True):
    """A webhook delivery accepted (answered 2xx) but maybe not applied yet. Rows are removed
    once applied; whatever is left at start-up is the backlog."""

    __tablename__ = "sync_inbox"

    id: int | None = Field(default=None, primary_key=True)
    event_id: str = Field(max_length=64, unique=True)
    type: str = Field(max_length=128)
    body: str = Field(sa_column=Column(Text, nullable=False))
    received_at: datetime = Field(default_factory=utcnow)


class ObjectVersion(SQLModel, table=True):
    """The newest state the store holds of one Stripe object: the `created` time of the
    event (or read) it came from and the object's status then. Older events never win."""

    __tablename__ = "sync_object_versions"

    object_id: str = Field(primary_key=True, max_length=64)
    object_type: str = Field(max_length=32)
    created: int = 0
    status: str | None = Field(default=None, max_length=32)


class RefundRecord(SQLModel, table=True):
    """A refund as Stripe reports it, wherever it was made (this app, Dashboard, elsewhere)."""

    __tablename__ = "refunds"
    __table_args__ = (
        Index(
            "ix_refunds_open",
            "created",
            "id",
            sqlite_where=text(OPEN_REFUND_WHERE),
            postgresql_where=text(OPEN_REFUND_WHERE),
        ),
    )

    id: str = Field(primary_key=True, max_length=64)  # re_...
    payment_intent_id: str | None = Field(default=None, max_length=64, index=True)
    charge_id: str | None = Field(default=None, max_length=64)
    amount: int = 0  # minor units
    currency: str = Field(default="", max_length=3)
    status: str = Field(default="pending", max_length=32)
    reason: str | None = Field(default=None, max_length=64)
    created: int = 0
    synced_at: datetime = Field(default_factory=utcnow)
