"""Customer search tables with fewer structures to keep up on every write.

- ``ix_customer_search_terms_customer`` goes: a customer's terms follow from the keys and
  phone stored on its row (store/customers.py ``_terms``; every write and migration keeps
  them so, as 0006 did), and the repository deletes them by their primary key. One b-tree
  fewer for the six or so terms of each customer an import writes.
- The indexes on ``customers.name_key``, ``email_key`` and ``phone_key`` go: no query reads
  them (search reads the two search tables), yet every customer written updated all three.
- The foreign keys of ``customer_search_terms`` and ``customer_search_text`` to
  ``customers`` go: only the customer repository writes these rows, and customers are never
  deleted (a customer deleted at Stripe keeps its row, flagged). PostgreSQL checked each
  inserted row with a query of its own.

On SQLite a foreign key is part of the table's CREATE statement: it is removed by the
procedure SQLite documents for dropping a FOREIGN KEY constraint (the stored CREATE
statement edited under ``writable_schema``; the table's content does not depend on it), so
a store of a million customers is not copied table by table, and the FTS5 triggers on
``customer_search_text`` stay as they are.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 02:00:00.000000
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TERMS = "customer_search_terms"
_TEXT = "customer_search_text"
_CUSTOMER_INDEX = "ix_customer_search_terms_customer"
_KEY_INDEXES = ("name_key", "email_key", "phone_key")  # ix_customers_<column>, from 0001
# As 0001 created it (Alembic's rendering of the model's ForeignKey).
_SQLITE_FOREIGN_KEY = "FOREIGN KEY(customer_id) REFERENCES customers (id) ON DELETE CASCADE"
_SQLITE_FOREIGN_KEY_CLAUSE = re.compile(
    r",\s*FOREIGN KEY\s*\(\s*customer_id\s*\)\s*REFERENCES\s+\"?customers\"?\s*"
    r"\(\s*id\s*\)(\s*ON DELETE CASCADE)?",
    re.I,
)


def upgrade() -> None:
    op.drop_index(_CUSTOMER_INDEX, table_name=_TERMS)
    for column in _KEY_INDEXES:
        op.drop_index(f"ix_customers_{column}", table_name="customers")
    if op.get_bind().dialect.name == "sqlite":
        _edit_sqlite_tables(_without_foreign_key)
        return
    inspector = sa.inspect(op.get_bind())
    for table in (_TERMS, _TEXT):
        for key in inspector.get_foreign_keys(table):
            if key["referred_table"] == "customers" and key["name"]:
                op.drop_constraint(key["name"], table, type_="foreignkey")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _edit_sqlite_tables(_with_foreign_key)
    else:
        for table in (_TERMS, _TEXT):
            op.create_foreign_key(
                f"{table}_customer_id_fkey", table, "customers", ["customer_id"], ["id"],
                ondelete="CASCADE",
            )
    op.create_index(_CUSTOMER_INDEX, _TERMS, ["customer_id"], unique=False)
    for column in _KEY_INDEXES:
        op.create_index(f"ix_customers_{column}", "customers", [column], unique=False)


def _without_foreign_key(create: str) -> str:
    return _SQLITE_FOREIGN_KEY_CLAUSE.sub("", create)


def _with_foreign_key(create: str) -> str:
    if _SQLITE_FOREIGN_KEY_CLAUSE.search(create):
        return create
    # The table constraints end the column list: the last ")" closes it (a WITHOUT ROWID
    # table has its option after that).
    body_end = create.rindex(")")
    return f"{create[:body_end].rstrip()}, \n\t{_SQLITE_FOREIGN_KEY}\n{create[body_end:]}"


def _edit_sqlite_tables(edit: Callable[[str], str]) -> None:
    """Rewrite the stored CREATE TABLE statements of the two search tables; SQLite's own
    procedure for constraint changes that leave the stored rows valid."""
    bind = op.get_bind()
    changed = False
    for table in (_TERMS, _TEXT):
        create = bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).scalar_one()
        edited = edit(create)
        if edited != create:
            if not changed:
                bind.exec_driver_sql("PRAGMA writable_schema = ON")
                changed = True
            bind.exec_driver_sql(
                "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                (edited, table),
            )
    if not changed:
        return
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")
