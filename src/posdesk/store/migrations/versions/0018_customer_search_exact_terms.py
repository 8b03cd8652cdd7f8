"""Customer search reads its term matches from one index, without the table's rows.

``ix_customer_search_terms_exact`` on (term, whole, name_key, customer_id):

- Exact whole-field matches (``term = :q AND whole = TRUE``, which every search runs first)
  are one range of it, already in result order. Through the primary key they were every
  term equal to the text: a common last name is the word term of one customer in a
  hundred, so at a million customers "thomas" read some 13,000 rows (on PostgreSQL from as
  many heap pages) to find no whole field, 20 to 80 ms.
- A prefix with up to a few thousand matches is read from it and sorted: it holds every
  column that query needs, so PostgreSQL reads no heap page (index-only), where the primary
  key made it fetch one per match. SQLite's table is already clustered on the term.

Building it over a million customers takes some seconds.

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-30 08:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLE = "customer_search_terms"
_INDEX = "ix_customer_search_terms_exact"


def upgrade() -> None:
    op.create_index(_INDEX, _TABLE, ["term", "whole", "name_key", "customer_id"], unique=False)


def downgrade() -> None:
    op.drop_index(_INDEX, table_name=_TABLE)
