"""Refund requests made at this shop's terminals (store/refund_models.py).

A refund is written here before Stripe hears of it, with its idempotency key, and linked to
Stripe's refund (`refunds`, written by the event applier) once Stripe names it. Indexes: a
payment's refunds in order, and the few requests still waiting for Stripe's answer (partial;
the literal is frozen here, the model spells the same).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 03:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STR = sqlmodel.sql.sqltypes.AutoString
_TIME = sqlmodel.sql.sqltypes.UTCDateTime
_UNSETTLED = "state IN ('sending', 'unconfirmed')"


def upgrade() -> None:
    op.create_table(
        "refund_requests",
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("payment_id", _STR(length=36), nullable=False),
        sa.Column("intent_id", _STR(length=64), nullable=False),
        sa.Column("customer_id", _STR(length=64), nullable=True),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("currency", _STR(length=3), nullable=False),
        sa.Column("reason", _STR(length=32), nullable=True),
        sa.Column("note", _STR(length=500), nullable=True),
        sa.Column("idempotency_key", _STR(length=255), nullable=False),
        sa.Column("state", _STR(length=32), nullable=False),
        sa.Column("stripe_refund_id", _STR(length=64), nullable=True),
        sa.Column("error_code", _STR(length=64), nullable=True),
        sa.Column("error_message", _STR(length=1000), nullable=True),
        sa.Column("server_error_at", _TIME(), nullable=True),
        sa.Column("staff_id", _STR(length=64), nullable=False),
        sa.Column("staff_name", _STR(length=256), nullable=False),
        sa.Column("approved_by", _STR(length=64), nullable=True),
        sa.Column("terminal_id", _STR(length=36), nullable=True),
        sa.Column("created_at", _TIME(), nullable=False),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("idempotency_key"),
        sa.UniqueConstraint("stripe_refund_id"),
    )
    # Plain CREATE INDEX (no batch mode), as 0007 does.
    op.create_index("ix_refund_requests_payment", "refund_requests",
                    ["payment_id", "created_at", "id"], unique=False)
    op.create_index("ix_refund_requests_unsettled", "refund_requests", ["created_at", "id"],
                    unique=False, sqlite_where=sa.text(_UNSETTLED),
                    postgresql_where=sa.text(_UNSETTLED))


def downgrade() -> None:
    op.drop_index("ix_refund_requests_unsettled", table_name="refund_requests")
    op.drop_index("ix_refund_requests_payment", table_name="refund_requests")
    op.drop_table("refund_requests")
