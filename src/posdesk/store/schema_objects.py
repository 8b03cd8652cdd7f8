"""Database objects the migrations create outside the SQLModel metadata.

Schema comparison (Alembic autogenerate, the migration test) must ignore them: the FTS5
virtual tables and their shadow tables on SQLite, the pg_trgm indexes on PostgreSQL (the
customer search's, and the history's over payment descriptions).
"""

from __future__ import annotations

from typing import Any

SEARCH_FTS_TABLE = "customer_search_fts"
SEARCH_TRGM_INDEX = "ix_customer_search_text_trgm"
DESCRIPTION_FTS_TABLE = "payment_description_fts"
DESCRIPTION_TRGM_INDEX = "ix_payments_description_trgm"
AUDIT_APPEND_ONLY_MESSAGE = "audit_log is append-only"


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    if type_ == "table" and name and name.startswith((SEARCH_FTS_TABLE,
                                                      DESCRIPTION_FTS_TABLE)):
        return False
    return not (type_ == "index" and name in (SEARCH_TRGM_INDEX, DESCRIPTION_TRGM_INDEX))
