"""A SQLite store keeps what it committed through a power cut: WAL with a sync per commit."""

from __future__ import annotations

from pathlib import Path

from posdesk.store.database import default_database_url, open_store

SYNCHRONOUS_FULL = 2


def test_every_pooled_sqlite_connection_syncs_each_commit(data_dir: Path) -> None:
    store = open_store(default_database_url(data_dir))
    try:
        # Two connections at once: each one the pool opens is configured, not just the first.
        with store.engine.connect() as first, store.engine.connect() as second:
            for connection in (first, second):
                assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == (
                    SYNCHRONOUS_FULL
                )
                assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        store.close()
