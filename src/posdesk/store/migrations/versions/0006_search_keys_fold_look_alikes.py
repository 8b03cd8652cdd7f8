"""Customer search keys folded with look-alikes: recompute every customer's name/email/phone
keys, search terms and search text with the folding of domain/search_folding.py (apostrophes,
dashes, quotes, spaces, full-width forms, stroked letters, digits of any script), so that a
customer saved as "O’Neil" before this release is found by typing "O'Neil".

Only customers whose keys, terms or text come out different are rewritten: in most shops
that is a small share, and the rest of the tables is only read.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 10:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from posdesk.store.customers import SearchEntries, search_entries

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 1000

_customers = sa.table(
    "customers",
    *(sa.column(name, sa.String) for name in ("id", "name", "email", "phone")),
    *(sa.column(name, sa.String) for name in ("name_key", "email_key", "phone_key")),
    sa.column("deleted", sa.Boolean),
)
_terms = sa.table(
    "customer_search_terms",
    *(sa.column(name, sa.String) for name in ("term", "customer_id", "name_key")),
    sa.column("whole", sa.Boolean),
)
_texts = sa.table(
    "customer_search_text",
    *(sa.column(name, sa.String) for name in ("customer_id", "name_key", "text")),
)


def upgrade() -> None:
    bind = op.get_bind()
    after = None
    while True:
        query = sa.select(_customers).order_by(_customers.c.id).limit(_BATCH)
        if after is not None:
            query = query.where(_customers.c.id > after)
        rows = bind.execute(query).mappings().all()
        if not rows:
            return
        after = rows[-1]["id"]
        _refold(bind, rows)


def _refold(bind: Any, rows: Sequence[Any]) -> None:
    ids = [row["id"] for row in rows]
    stored_terms: dict[str, dict[str, bool]] = {}
    for customer_id, term, whole in bind.execute(
        sa.select(_terms.c.customer_id, _terms.c.term, _terms.c.whole).where(
            _terms.c.customer_id.in_(ids)
        )
    ):
        stored_terms.setdefault(customer_id, {})[term] = bool(whole)
    stored_texts = dict(
        bind.execute(
            sa.select(_texts.c.customer_id, _texts.c.text).where(_texts.c.customer_id.in_(ids))
        ).all()
    )
    changed: list[tuple[Any, SearchEntries]] = []
    for row in rows:
        new = search_entries(row["id"], row["name"], row["email"], row["phone"])
        live = not row["deleted"]  # a deleted customer keeps keys, but no terms or text
        if (
            (new.name_key, new.email_key, new.phone_key)
            != (row["name_key"], row["email_key"], row["phone_key"])
            or stored_terms.get(row["id"], {}) != (new.terms if live else {})
            or stored_texts.get(row["id"]) != (new.text if live else None)
        ):
            changed.append((row, new))
    if changed:
        _rewrite(bind, changed)


def _rewrite(bind: Any, changed: Sequence[tuple[Any, SearchEntries]]) -> None:
    ids = [row["id"] for row, _ in changed]
    bind.execute(
        _customers.update()
        .where(_customers.c.id == sa.bindparam("customer_id"))
        .values(
            name_key=sa.bindparam("new_name_key"),
            email_key=sa.bindparam("new_email_key"),
            phone_key=sa.bindparam("new_phone_key"),
        ),
        [
            {
                "customer_id": row["id"],
                "new_name_key": new.name_key,
                "new_email_key": new.email_key,
                "new_phone_key": new.phone_key,
            }
            for row, new in changed
        ],
    )
    bind.execute(_terms.delete().where(_terms.c.customer_id.in_(ids)))
    # Deleted and inserted rather than updated: the FTS5 triggers on SQLite follow either.
    bind.execute(_texts.delete().where(_texts.c.customer_id.in_(ids)))
    live = [(row, new) for row, new in changed if not row["deleted"]]
    term_rows = [
        {"term": term, "customer_id": row["id"], "name_key": new.name_key, "whole": whole}
        for row, new in live
        for term, whole in new.terms.items()
    ]
    if term_rows:
        bind.execute(_terms.insert(), term_rows)
    if live:
        bind.execute(
            _texts.insert(),
            [
                {"customer_id": row["id"], "name_key": new.name_key, "text": new.text}
                for row, new in live
            ],
        )


def downgrade() -> None:
    # Nothing to undo in the schema. Keys folded this way still serve the older code for
    # everything it matched before; only look-alikes typed there would no longer match.
    pass
