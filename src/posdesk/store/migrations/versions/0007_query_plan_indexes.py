"""Indexes that keep the hot queries' plans right at scale (settlement, history).

Once statistics exist (ANALYZE, `PRAGMA optimize`: see store/maintenance.py) a planner
knows `state` has few distinct values and, without these indexes, reads the settlement
query's rows in `created_at` order off the whole table instead of looking the few open
payments up. Each list of payments is ordered newest first by (created_at, id): every
filter (customer, state, terminal, staff, a time range) gets an index ending in
(created_at, id), so no query sorts and a keyset page reads only its rows.

- payments: (created_at, id), (customer_id|state|terminal_id|staff_id, created_at, id)
  replace the single-column indexes on created_at, customer_id, state, terminal_id;
  partial (created_at, id) WHERE state needs settling; partial (claimed_by) WHERE claimed.
- audit_log: (at, id) replaces (at).
- refunds: partial (created, id) WHERE the status can still change replaces (status).

The literals are frozen here; the models spell the same (store/models.py, sync_models.py).
On PostgreSQL the indexes are built inside the migration's transaction (not CONCURRENTLY):
a store of a million payments is locked for writes for a few seconds, once.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 23:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SETTLING = "state IN ('pending', 'unconfirmed', 'waiting', 'processing')"
_CLAIMED = "claimed_by IS NOT NULL"
_OPEN_REFUND = "status IN ('pending', 'requires_action')"

# (name, table, columns, partial WHERE or None)
_NEW: tuple[tuple[str, str, list[str], str | None], ...] = (
    ("ix_payments_created_at_id", "payments", ["created_at", "id"], None),
    ("ix_payments_customer_created", "payments", ["customer_id", "created_at", "id"], None),
    ("ix_payments_state_created", "payments", ["state", "created_at", "id"], None),
    ("ix_payments_terminal_created", "payments", ["terminal_id", "created_at", "id"], None),
    ("ix_payments_staff_created", "payments", ["staff_id", "created_at", "id"], None),
    ("ix_payments_settling", "payments", ["created_at", "id"], _SETTLING),
    ("ix_payments_claimed_by", "payments", ["claimed_by"], _CLAIMED),
    ("ix_audit_log_at_id", "audit_log", ["at", "id"], None),
    ("ix_refunds_open", "refunds", ["created", "id"], _OPEN_REFUND),
)
# Superseded: each is the leading column of one of the indexes above (refunds.status was
# only ever read for the open refunds, which the partial index holds in their order).
_OLD: tuple[tuple[str, str, list[str]], ...] = (
    ("ix_payments_created_at", "payments", ["created_at"]),
    ("ix_payments_customer_id", "payments", ["customer_id"]),
    ("ix_payments_state", "payments", ["state"]),
    ("ix_payments_terminal_id", "payments", ["terminal_id"]),
    ("ix_audit_log_at", "audit_log", ["at"]),
    ("ix_refunds_status", "refunds", ["status"]),
)


def _create(name: str, table: str, columns: list[str], where: str | None) -> None:
    # Plain CREATE INDEX, no batch mode: batch mode would rebuild the SQLite table and drop
    # the triggers that keep the audit log append-only.
    kwargs = {} if where is None else {
        "sqlite_where": sa.text(where), "postgresql_where": sa.text(where)
    }
    op.create_index(name, table, columns, unique=False, **kwargs)


def upgrade() -> None:
    for name, table, columns, where in _NEW:
        _create(name, table, columns, where)
    for name, table, _columns in _OLD:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for name, table, columns in _OLD:
        _create(name, table, columns, None)
    for name, table, _columns, _where in _NEW:
        op.drop_index(name, table_name=table)
