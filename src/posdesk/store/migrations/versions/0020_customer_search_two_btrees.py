"""Customer search terms in two b-trees instead of five.

Every imported customer brings about six term rows, and each row went into five b-trees:
the primary key (term, customer_id), the (head1/head2/head3, name) indexes and the exact
index (term, whole, name_key, customer_id). Writing those entries was most of what an
import of 100,000 customers cost (on PostgreSQL more than 8 of 12 seconds).

- The primary key becomes (term, whole, name_key, customer_id), the columns of the exact
  index, which goes: the same rows, one b-tree fewer. A customer's rows are still found by
  their key alone (its terms, their "whole" flags and its name key follow from its stored
  keys, store/customers.py ``_terms``).
- ``head1`` and ``head3`` go with their indexes, and ``head2`` becomes ``head``: a term's
  first 2 characters, or its first alone when that is a Chinese or Japanese ideograph or a
  Korean syllable (store/customers.py ``head_of``; the same ranges are spelled here, frozen).
  One letter merges the name-ordered runs of its 2-character groups from the head index;
  longer input walks the run of its head.

On SQLite the table is clustered on its primary key (WITHOUT ROWID), so it is rebuilt:
copied in the new key's order into a new table that takes the old one's name. At a million
customers that takes some tens of seconds, once.

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-30 17:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLE = "customer_search_terms"
_HEAD = "ix_customer_search_terms_head"
_HEAD2 = "ix_customer_search_terms_head2"
_EXACT = "ix_customer_search_terms_exact"
_HEAD_INDEXES = {1: "ix_customer_search_terms_head1", 3: "ix_customer_search_terms_head3"}
_NEW_KEY = ("term", "whole", "name_key", "customer_id")
_OLD_KEY = ("term", "customer_id")
_INDEX_COLUMNS = ("name_key", "customer_id", "term")
# Code points of one-of-thousands characters (CJK ideographs, Hangul syllables), whose head
# is the character alone: as store/customers.py _WIDE_SCRIPTS was when this was written.
_WIDE = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF),
         (0x20000, 0x3FFFF))


def _wide_sql(code_point: str) -> str:
    """SQL: is the term's first character wide, given the SQL of its code point."""
    return "(" + " OR ".join(f"{code_point} BETWEEN {low} AND {high}" for low, high in _WIDE) + ")"


def _head_sql(code_point: str) -> str:
    """SQL for a term's head, given the SQL of its first character's code point."""
    return f"CASE WHEN {_wide_sql(code_point)} THEN substr(term, 1, 1) ELSE substr(term, 1, 2) END"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite(with_heads=False)
        return
    op.drop_index(_EXACT, table_name=_TABLE)
    for n, index in _HEAD_INDEXES.items():
        op.drop_index(index, table_name=_TABLE)
        op.drop_column(_TABLE, f"head{n}")
    op.alter_column(_TABLE, "head2", new_column_name="head")
    op.execute(f"ALTER INDEX {_HEAD2} RENAME TO {_HEAD}")
    # ascii() is the first character's code point in a UTF-8 database.
    op.execute(f"UPDATE {_TABLE} SET head = substr(term, 1, 1) "
               f"WHERE char_length(head) = 2 AND {_wide_sql('ascii(term)')}")
    _replace_pg_key(_NEW_KEY)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite(with_heads=True)
        return
    _replace_pg_key(_OLD_KEY)
    op.execute(f"ALTER INDEX {_HEAD} RENAME TO {_HEAD2}")
    op.alter_column(_TABLE, "head", new_column_name="head2")
    op.execute(f"UPDATE {_TABLE} SET head2 = substr(term, 1, 2) WHERE head2 <> substr(term, 1, 2)")
    for n, index in _HEAD_INDEXES.items():
        op.add_column(
            _TABLE,
            sa.Column(
                f"head{n}",
                sa.String(n).with_variant(sa.String(n, collation="C"), "postgresql"),
                nullable=False,
                server_default="",
            ),
        )
        op.execute(f"UPDATE {_TABLE} SET head{n} = substr(term, 1, {n})")
        op.create_index(index, _TABLE, [f"head{n}", *_INDEX_COLUMNS])
    op.create_index(_EXACT, _TABLE, list(_NEW_KEY))


def _replace_pg_key(columns: Sequence[str]) -> None:
    name = sa.inspect(op.get_bind()).get_pk_constraint(_TABLE)["name"] or f"{_TABLE}_pkey"
    op.drop_constraint(name, _TABLE, type_="primary")
    op.create_primary_key(name, _TABLE, list(columns))


def _rebuild_sqlite(*, with_heads: bool) -> None:
    """Copy the terms into a table with the other key (and head columns), in key order."""
    key = _OLD_KEY if with_heads else _NEW_KEY
    # name -> (length, how it is computed)
    heads = (
        {f"head{n}": (n, f"substr(term, 1, {n})") for n in (1, 2, 3)}
        if with_heads
        else {"head": (2, _head_sql("unicode(term)"))}
    )
    new = f"{_TABLE}_new"
    head_columns = "".join(
        f"{name} VARCHAR({length}) DEFAULT '' NOT NULL, " for name, (length, _) in heads.items()
    )
    op.execute(
        f"CREATE TABLE {new} (term VARCHAR(512) NOT NULL, customer_id VARCHAR(64) NOT NULL, "
        f"name_key VARCHAR(256) NOT NULL, whole BOOLEAN NOT NULL, {head_columns}"
        f"PRIMARY KEY ({', '.join(key)})) WITHOUT ROWID"
    )
    heads_read = ", ".join(sql for _, sql in heads.values())
    heads_written = ", ".join(heads)
    op.execute(
        f"INSERT INTO {new} (term, customer_id, name_key, whole, {heads_written}) "
        f"SELECT term, customer_id, name_key, whole, {heads_read} FROM {_TABLE} "
        f"ORDER BY {', '.join(key)}"
    )
    op.execute(f"DROP TABLE {_TABLE}")
    op.execute(f"ALTER TABLE {new} RENAME TO {_TABLE}")
    if with_heads:
        for n, index in {**_HEAD_INDEXES, 2: _HEAD2}.items():
            op.create_index(index, _TABLE, [f"head{n}", *_INDEX_COLUMNS])
        op.create_index(_EXACT, _TABLE, list(_NEW_KEY))
    else:
        op.create_index(_HEAD, _TABLE, ["head", *_INDEX_COLUMNS])
