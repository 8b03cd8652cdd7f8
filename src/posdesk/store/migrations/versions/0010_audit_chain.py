"""Tamper-evident audit log: each entry chained to the one before and authenticated.

New columns on audit_log: `seq` (1, 2, 3, ... per store, unique), `prev_hash` and
`entry_hash` (SHA-256 over every field of the entry and the hash before it), `key_id` and
`mac` (the HMAC of the entry's hash with the store's audit key, kept in the OS keyring).

Entries made before this revision are chained here, in the order of their ids, with no key
and no MAC: `posdesk audit verify` reports them as written before the store had an audit
key. The first entry a terminal holding the key appends after them seals them: from then on
a change to any of them breaks that entry's MAC.

The chain's encoding (version 1) is frozen here rather than imported, so this revision keeps
writing the same hashes whatever later code does; store/audit.py reads the same encoding,
and tests/store/test_audit_chain.py verifies a chain this revision made.

Plain ADD COLUMN / CREATE INDEX, no batch mode: batch mode would rebuild the SQLite table and
drop the triggers that keep the audit log append-only. Those triggers are lifted only for
the chaining UPDATE, inside this revision's transaction.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 01:30:00.000000
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STR = sqlmodel.sql.sqltypes.AutoString
_GENESIS = "0" * 64
_VERSION = 1
_BATCH = 5000
_AUDIT_MESSAGE = "audit_log is append-only"

# (name, columns, unique)
_INDEXES: tuple[tuple[str, list[str], bool], ...] = (
    ("ix_audit_log_seq", ["seq"], True),
    ("ix_audit_log_action_at", ["action", "at", "id"], False),
    ("ix_audit_log_staff_at", ["staff_id", "at", "id"], False),
    ("ix_audit_log_terminal_at", ["terminal_id", "at", "id"], False),
    ("ix_audit_log_outcome_at", ["outcome", "at", "id"], False),
)


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("seq", sa.Integer(), nullable=True))
    op.add_column("audit_log", sa.Column("prev_hash", _STR(length=64), nullable=True))
    op.add_column("audit_log", sa.Column("entry_hash", _STR(length=64), nullable=True))
    op.add_column("audit_log", sa.Column("key_id", _STR(length=16), nullable=True))
    op.add_column("audit_log", sa.Column("mac", _STR(length=64), nullable=True))
    _chain_existing_entries()
    for name, columns, unique in _INDEXES:
        op.create_index(name, "audit_log", columns, unique=unique)
    # (action, at, id) serves every query the single-column index did.
    op.drop_index("ix_audit_log_action", table_name="audit_log")


def downgrade() -> None:
    op.create_index("ix_audit_log_action", "audit_log", ["action"], unique=False)
    for name, _columns, _unique in reversed(_INDEXES):
        op.drop_index(name, table_name="audit_log")
    for column in ("mac", "key_id", "entry_hash", "prev_hash", "seq"):
        op.drop_column("audit_log", column)


# --- chaining the entries already there ------------------------------------------------------


def _chain_existing_entries() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    rows = bind.execute(sa.text(_select(dialect))).all()
    if not rows:
        return
    updates: list[dict[str, Any]] = []
    prev = _GENESIS
    for seq, row in enumerate(rows, start=1):
        entry_id, at, *fields = row
        digest = _hash(seq, at, *fields, prev)
        updates.append({"i": entry_id, "s": seq, "p": prev, "h": digest})
        prev = digest
    update = sa.text("UPDATE audit_log SET seq = :s, prev_hash = :p, entry_hash = :h WHERE id = :i")
    _lift_append_only(dialect)
    for start in range(0, len(updates), _BATCH):
        bind.execute(update, updates[start:start + _BATCH])
    _restore_append_only(dialect)


def _select(dialect: str) -> str:
    # `at` as the text the chain hashes: UTC, microseconds (SQLite keeps it as that text).
    at = (
        "to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
        if dialect == "postgresql" else "at"
    )
    return (
        f"SELECT id, {at}, staff_id, staff_name, terminal_id, action, target, outcome, "
        "detail FROM audit_log ORDER BY id"
    )


def _hash(
    seq: int, at: str, staff_id: str, staff_name: str, terminal_id: str | None, action: str,
    target: str | None, outcome: str, detail: str | None, prev: str,
) -> str:
    # Version 1 of the chain's encoding; key_id is None: these entries had no key.
    encoded = json.dumps(
        [_VERSION, seq, at, staff_id, staff_name, terminal_id, action, target, outcome, detail,
         prev, None],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(encoded.encode("utf-8", "surrogatepass")).hexdigest()


def _lift_append_only(dialect: str) -> None:
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    elif dialect == "postgresql":
        op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")


def _restore_append_only(dialect: str) -> None:
    if dialect == "sqlite":
        op.execute(
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            f"BEGIN SELECT RAISE(ABORT, '{_AUDIT_MESSAGE}'); END"
        )
    elif dialect == "postgresql":
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change")
