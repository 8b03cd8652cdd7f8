"""Throw-away stores for the benchmarks: a temporary SQLite file, or a temporary schema of
the PostgreSQL database a benchmark was given (dropped afterwards)."""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from posdesk.store.database import Store, default_database_url, open_store


def schema_url(database_url: str, schema: str) -> str:
    """The URL of a PostgreSQL database with `schema` first on the search path."""
    url = make_url(database_url)
    url = url.set(query={**url.query, "options": f"-csearch_path={schema},public"})
    return url.render_as_string(hide_password=False)


@contextmanager
def temporary_store(database_url: str | None) -> Iterator[Store]:
    """An empty store: a temporary SQLite file, or a temporary PostgreSQL schema."""
    if not database_url:
        with tempfile.TemporaryDirectory(prefix="posdesk-bench-") as folder:
            store = open_store(default_database_url(Path(folder)))
            try:
                yield store
            finally:
                store.close()
        return
    schema = "bench_" + secrets.token_hex(4)
    admin = create_engine(database_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        store = open_store(schema_url(database_url, schema))
        try:
            yield store
        finally:
            store.close()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def fresh_store_opener(
    database_url: str | None,
) -> Callable[[], AbstractContextManager[Store]]:
    """Opens an empty store each time it is called (see temporary_store)."""
    return lambda: temporary_store(database_url)
