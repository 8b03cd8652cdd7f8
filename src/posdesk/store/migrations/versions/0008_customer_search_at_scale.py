"""Customer search and its upkeep at a million customers.

Search terms get their first 1, 2 and 3 characters as columns, each indexed with the name
order: a short prefix then lists its matches in result order, whatever the number of
customers. They replace the name index over all terms, which short input had to walk past
ever more non-matching rows.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 23:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLE = "customer_search_terms"
_HEADS = (1, 2, 3)


def _c_collated(length: int) -> sa.String:
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def upgrade() -> None:
    for n in _HEADS:
        op.add_column(
            _TABLE, sa.Column(f"head{n}", _c_collated(n), nullable=False, server_default="")
        )
    # substr counts characters on both databases, as the application's term[:n] does.
    op.execute(
        f"UPDATE {_TABLE} SET " + ", ".join(f"head{n} = substr(term, 1, {n})" for n in _HEADS)
    )
    for n in _HEADS:
        op.create_index(
            f"ix_{_TABLE}_head{n}", _TABLE, [f"head{n}", "name_key", "customer_id", "term"]
        )
    op.drop_index(f"ix_{_TABLE}_name", table_name=_TABLE)


def downgrade() -> None:
    op.create_index(f"ix_{_TABLE}_name", _TABLE, ["name_key", "customer_id", "term"])
    for n in _HEADS:
        op.drop_index(f"ix_{_TABLE}_head{n}", table_name=_TABLE)
    with op.batch_alter_table(_TABLE) as batch:
        for n in _HEADS:
            batch.drop_column(f"head{n}")
