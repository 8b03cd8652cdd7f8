"""A fresh store per test: SQLite always, PostgreSQL too when POSDESK_TEST_DATABASE_URL is set.

Each PostgreSQL test gets its own schema (dropped afterwards), so runs are independent and
can share one server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from alembic import command
from sqlalchemy import Connection, create_engine
from sqlalchemy.pool import NullPool

from posdesk.store.database import Store, alembic_config, open_store

# The backends and the per-test database (`store_url`) live in tests/conftest.py, for every
# package; these names stay importable from here.
from tests.conftest import BACKENDS, PG_URL, _with_search_path  # noqa: F401


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


@contextmanager
def migrated_to(url: str, revision: str) -> Iterator[Connection]:
    """The database at `url` upgraded to `revision` only (what an older PosDesk left), and a
    connection in that same transaction to write the data it would have written."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            config = alembic_config(engine)
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            yield connection
    finally:
        engine.dispose()
