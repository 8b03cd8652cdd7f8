"""Payments: when Stripe first answered the create request with a server error.

Stripe saves a 5xx answer for the idempotency key and replays it, so resending cannot tell
what happened; the time starts the look-up by metadata that settles such a payment.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 19:40:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("server_error_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_column("server_error_at")
