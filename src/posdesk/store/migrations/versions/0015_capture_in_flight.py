"""Payments: a capture or release of an authorisation in flight (its idempotency key and the
amount asked), written before the request is sent and cleared once Stripe's answer is
recorded, so settling after a crash finishes the same request (store/models.py
PaymentRecord.capture_key). A partial index finds the few in flight.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 05:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_IN_FLIGHT = "capture_key IS NOT NULL"


def upgrade() -> None:
    # Plain ALTER TABLE (no batch copy on SQLite): the table keeps its triggers (0013).
    op.add_column("payments", sa.Column(
        "capture_key", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True))
    op.add_column("payments", sa.Column("capture_amount", sa.Integer(), nullable=True))
    op.create_index("ix_payments_capture_in_flight", "payments", ["capture_key"],
                    sqlite_where=sa.text(_IN_FLIGHT), postgresql_where=sa.text(_IN_FLIGHT))


def downgrade() -> None:
    op.drop_index("ix_payments_capture_in_flight", table_name="payments")
    op.drop_column("payments", "capture_amount")
    op.drop_column("payments", "capture_key")
