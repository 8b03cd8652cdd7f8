"""Closed business days (store/models.py DayCloseRecord): one Z report per scope ("store" or
"terminal:<id>") and business day, enforced by a unique constraint so that two terminals
closing the same day at once end with one close; `number` numbers the Z reports.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 06:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STR = sqlmodel.sql.sqltypes.AutoString
_TIME = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "day_closes",
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("scope", _STR(length=48), nullable=False),
        sa.Column("terminal_id", _STR(length=36), nullable=True),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("time_zone", _STR(length=64), nullable=False),
        sa.Column("closed_at", _TIME(), nullable=False),
        sa.Column("closed_by", _STR(length=64), nullable=False),
        sa.Column("closed_by_name", _STR(length=256), nullable=False),
        sa.Column("closed_on", _STR(length=36), nullable=True),
        sa.Column("currency", _STR(length=3), nullable=False),
        sa.Column("sales", sa.Integer(), nullable=False),
        sa.Column("refunded", sa.Integer(), nullable=False),
        sa.Column("fees", sa.Integer(), nullable=True),
        sa.Column("totals", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("number"),
        sa.UniqueConstraint("scope", "business_date", name="uq_day_closes_scope_date"),
    )


def downgrade() -> None:
    op.drop_table("day_closes")
