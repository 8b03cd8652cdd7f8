"""Payments: the single-use CVC token a re-collected-CVC charge was sent with.

Kept only until Stripe's answer is recorded, so that a retry after a lost answer or a crash
sends exactly the same request under the same idempotency key.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 10:12:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("cvc_token", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_column("cvc_token")
