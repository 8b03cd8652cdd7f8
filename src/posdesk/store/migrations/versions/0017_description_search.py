"""The history's free text over payment descriptions, through an index: a trigram FTS5 table
on SQLite (kept by triggers on `payments`), a pg_trgm GIN index on `lower(description)` on
PostgreSQL (when the extension is there). A search of 3 characters or more that matches few
payments then reads only those (store/history.py), instead of every description of the
store. Names match posdesk.store.schema_objects.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-30 06:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out here, not imported: this revision keeps creating the same schema.
_FTS = "payment_description_fts"
_TRGM_INDEX = "ix_payments_description_trgm"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # The payment's id is kept in the index itself, so a match names its payment
        # whatever the table's rowids become.
        op.execute(f"CREATE VIRTUAL TABLE {_FTS} USING fts5(description, "
                   "payment_id UNINDEXED, tokenize='trigram')")
        op.execute(
            f"CREATE TRIGGER payments_description_ai AFTER INSERT ON payments "
            f"WHEN new.description IS NOT NULL BEGIN "
            f"INSERT INTO {_FTS}(rowid, description, payment_id) "
            f"VALUES (new.rowid, new.description, new.id); END")
        op.execute(
            f"CREATE TRIGGER payments_description_au AFTER UPDATE OF description ON payments "
            f"BEGIN DELETE FROM {_FTS} WHERE rowid = old.rowid; "
            f"INSERT INTO {_FTS}(rowid, description, payment_id) "
            f"SELECT new.rowid, new.description, new.id WHERE new.description IS NOT NULL; END")
        op.execute(
            f"CREATE TRIGGER payments_description_ad AFTER DELETE ON payments "
            f"BEGIN DELETE FROM {_FTS} WHERE rowid = old.rowid; END")
        op.execute(f"INSERT INTO {_FTS}(rowid, description, payment_id) "
                   "SELECT rowid, description, id FROM payments WHERE description IS NOT NULL")
    elif dialect == "postgresql":
        schema = _pg_trgm_schema()
        if schema is not None:
            op.execute(f"CREATE INDEX {_TRGM_INDEX} ON payments "
                       f'USING gin (lower(description) "{schema}".gin_trgm_ops)')


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("payments_description_ai", "payments_description_au",
                        "payments_description_ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute(f"DROP TABLE IF EXISTS {_FTS}")
    elif dialect == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {_TRGM_INDEX}")


def _pg_trgm_schema() -> str | None:
    """Schema of the pg_trgm extension (migration 0001 installs it where allowed)."""
    find = sa.text(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'pg_trgm'"
    )
    return op.get_bind().execute(find).scalar()
