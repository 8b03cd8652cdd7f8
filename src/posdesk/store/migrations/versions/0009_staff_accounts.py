"""Staff accounts, sign-in delays and shop settings kept in the store.

Every terminal of a store signs in against the same staff; a store upgraded to this
revision has none, so its next start asks for the first manager.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 01:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STR = sqlmodel.sql.sqltypes.AutoString
_TIME = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("name", _STR(length=256), nullable=False),
        sa.Column("role", _STR(length=16), nullable=False),
        sa.Column("pin_hash", _STR(length=512), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_sign_ins", sa.Integer(), nullable=False),
        sa.Column("blocked_until", _TIME(), nullable=True),
        sa.Column("created_at", _TIME(), nullable=False),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "terminal_sign_ins",
        sa.Column("terminal_id", _STR(length=36), nullable=False),
        sa.Column("failed_sign_ins", sa.Integer(), nullable=False),
        sa.Column("blocked_until", _TIME(), nullable=True),
        sa.PrimaryKeyConstraint("terminal_id"),
    )
    op.create_table(
        "shop_settings",
        sa.Column("key", _STR(length=64), nullable=False),
        sa.Column("value", _STR(length=4000), nullable=False),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.Column("updated_by", _STR(length=64), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("shop_settings")
    op.drop_table("terminal_sign_ins")
    op.drop_table("staff")
