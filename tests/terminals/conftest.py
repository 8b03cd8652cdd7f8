"""Several terminals on one store: the store under test (SQLite file and, when
POSDESK_TEST_DATABASE_URL is set, PostgreSQL) and real terminal processes."""

from __future__ import annotations

from tests.store.conftest import _pg_admin, store_url  # noqa: F401  (fixtures)
