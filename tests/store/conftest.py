"""A fresh store per test: SQLite always, PostgreSQL too when POSDESK_TEST_DATABASE_URL is set.

Each PostgreSQL test gets its own schema (dropped afterwards), so runs are independent and
can share one server.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from posdesk.store.database import Store, default_database_url, open_store

PG_URL = os.environ.get("POSDESK_TEST_DATABASE_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


def _with_search_path(url: str, schema: str) -> str:
    # pg_trgm may already live in public; keep it visible after the test schema.
    parsed = make_url(url)
    query = dict(parsed.query)
    query["options"] = f"-csearch_path={schema},public"
    return parsed.set(query=query).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def _pg_admin() -> Iterator[object]:
    assert PG_URL
    engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    # Installed once in public so schemas dropped after each test do not take it along.
    # Without the privilege the store falls back to plain LIKE; that must work too.
    with engine.connect() as conn, contextlib.suppress(DBAPIError):
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
    yield engine
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[str]:
    """A database URL to an empty database of the backend under test."""
    if request.param == "sqlite":
        yield default_database_url(data_dir)
        return
    admin = request.getfixturevalue("_pg_admin")
    schema = "t_" + secrets.token_hex(6)
    with admin.connect() as conn:  # type: ignore[attr-defined]
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _with_search_path(PG_URL or "", schema)
    finally:
        with admin.connect() as conn:  # type: ignore[attr-defined]
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture
def open_test_store(store_url: str) -> Iterator[Callable[[], Store]]:
    """Opens (more) stores on the same database; all closed after the test."""
    opened: list[Store] = []

    def _open() -> Store:
        store = open_store(store_url)
        opened.append(store)
        return store

    yield _open
    for store in opened:
        store.close()


@pytest.fixture
def store(open_test_store: Callable[[], Store]) -> Store:
    return open_test_store()
