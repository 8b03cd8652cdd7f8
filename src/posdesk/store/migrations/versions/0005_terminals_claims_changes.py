"""Several terminals on one store: the terminals themselves, claims on payments in flight,
leases for jobs one terminal runs (sync), the change feed, and where each audit entry and
payment was made.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 20:05:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STR = sqlmodel.sql.sqltypes.AutoString
_TIME = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "terminals",
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("name", _STR(length=256), nullable=False),
        sa.Column("host", _STR(length=256), nullable=False),
        sa.Column("version", _STR(length=32), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("started_at", _TIME(), nullable=False),
        sa.Column("last_seen", _TIME(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_terminals_last_seen"), "terminals", ["last_seen"], unique=False)
    op.create_table(
        "leases",
        sa.Column("name", _STR(length=64), nullable=False),
        sa.Column("holder", _STR(length=36), nullable=False),
        sa.Column("expires_at", _TIME(), nullable=False),
        sa.Column("acquired_at", _TIME(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", _STR(length=32), nullable=False),
        sa.Column("entity_id", _STR(length=128), nullable=False),
        sa.Column("customer_id", _STR(length=64), nullable=True),
        sa.Column("terminal_id", _STR(length=36), nullable=True),
        sa.Column("at", _TIME(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_changes_at"), "changes", ["at"], unique=False)
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("terminal_id", _STR(length=36), nullable=True))
        batch_op.add_column(sa.Column("claimed_by", _STR(length=36), nullable=True))
        batch_op.add_column(sa.Column("claim_expires_at", _TIME(), nullable=True))
        batch_op.create_index(batch_op.f("ix_payments_terminal_id"), ["terminal_id"])
        batch_op.create_index(batch_op.f("ix_payments_claim_expires_at"), ["claim_expires_at"])
    # A plain ADD COLUMN: batch mode would rebuild the table on SQLite and drop the triggers
    # that keep the audit log append-only.
    op.add_column("audit_log", sa.Column("terminal_id", _STR(length=36), nullable=True))


def downgrade() -> None:
    op.drop_column("audit_log", "terminal_id")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payments_claim_expires_at"))
        batch_op.drop_index(batch_op.f("ix_payments_terminal_id"))
        batch_op.drop_column("claim_expires_at")
        batch_op.drop_column("claimed_by")
        batch_op.drop_column("terminal_id")
    op.drop_index(op.f("ix_changes_at"), table_name="changes")
    op.drop_table("changes")
    op.drop_table("leases")
    op.drop_index(op.f("ix_terminals_last_seen"), table_name="terminals")
    op.drop_table("terminals")
