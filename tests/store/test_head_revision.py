"""open_store asks the database for its revision with one query and compares it with the
head read from the migration files; Alembic is imported only when there is work for it."""

from __future__ import annotations

from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from posdesk.store.database import alembic_config, at_head, head_revision, open_store


def test_the_head_read_from_the_files_is_alembics_head() -> None:
    scripts = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    assert head_revision() == scripts.get_current_head()


def test_a_new_database_is_migrated_and_then_found_at_head(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'posdesk.db'}"
    engine = create_engine(url)
    assert not at_head(engine)  # no alembic_version table yet
    engine.dispose()
    store = open_store(url)
    try:
        assert at_head(store.engine)
    finally:
        store.close()
