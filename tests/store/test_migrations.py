from __future__ import annotations

from collections.abc import Callable

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from posdesk.store import models, refund_models  # noqa: F401  (registers the tables)
from posdesk.store.database import Store, alembic_config
from posdesk.store.schema_objects import include_object


def test_upgrade_from_empty_creates_every_table_and_index(store: Store) -> None:
    inspector = inspect(store.engine)
    tables = set(inspector.get_table_names())
    assert set(SQLModel.metadata.tables) <= tables
    for table in SQLModel.metadata.tables.values():
        existing = {index["name"] for index in inspector.get_indexes(table.name)}
        assert {index.name for index in table.indexes} <= existing, table.name


def test_database_is_at_head_revision(store: Store) -> None:
    head = ScriptDirectory.from_config(alembic_config(store.engine)).get_current_head()
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head
    assert head is not None


def test_models_match_migrations(store: Store) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": True}
        )
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


def test_reopening_an_upgraded_database_keeps_its_data(
    open_test_store: Callable[[], Store],
) -> None:
    first = open_test_store()
    with first.session() as session:
        session.add(models.AuditEntry(staff_id="s1", action="open", outcome="ok"))
    first.close()
    second = open_test_store()
    with second.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar_one() == 1


def test_search_indexes_exist_for_the_dialect(store: Store) -> None:
    with store.engine.connect() as conn:
        if store.dialect == "sqlite":
            names = {
                row[0]
                for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
            }
            assert "customer_search_fts" in names
        else:
            has_trgm = conn.execute(
                text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
            ).scalar()
            index = conn.execute(
                text("SELECT 1 FROM pg_indexes WHERE indexname = 'ix_customer_search_text_trgm'")
            ).scalar()
            assert bool(index) == bool(has_trgm)


def test_sqlite_connection_settings(store: Store) -> None:
    if store.dialect != "sqlite":
        pytest.skip("SQLite pragmas")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
