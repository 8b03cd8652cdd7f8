"""Opening the database: engine, connection settings, schema migrations, sessions."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool
from sqlmodel import Session

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DATABASE_FILE = "posdesk.db"
# How long a writer waits for another terminal's or thread's write lock before giving up.
SQLITE_BUSY_TIMEOUT_MS = 10_000


def default_database_url(data_dir: Path) -> str:
    """SQLite file ``posdesk.db`` in the data directory."""
    return f"sqlite:///{(Path(data_dir) / DATABASE_FILE).as_posix()}"


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the GUI read while a sync thread writes; foreign keys are off by default in
    # SQLite; busy_timeout makes concurrent writers wait instead of failing at once.
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _migration_engine(url: str) -> Engine:
    """A one-connection SQLite engine whose transactions include DDL and start with the write
    lock, so a migration is all-or-nothing and a second terminal starting at the same moment
    waits (busy_timeout) and then finds the schema at head.

    Only migrations run like this: everyday sessions keep the sqlite3 module's behaviour
    (the transaction starts at the first write), so a session that read first can still
    write after another connection committed.
    """
    engine = create_engine(url, poolclass=NullPool)

    def on_connect(dbapi_connection: Any, record: Any) -> None:
        _configure_sqlite(dbapi_connection, record)
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    return engine


def alembic_config(engine: Engine) -> Config:
    """An Alembic configuration pointing at the packaged migrations (no alembic.ini)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", str(MIGRATIONS_DIR / "versions"))
    config.attributes["engine"] = engine
    return config


# Alembic keeps its migration context in module globals: one upgrade at a time per process.
# Across processes, PostgreSQL serialises with an advisory lock (see migrations/env.py).
_UPGRADE_LOCK = threading.Lock()


def upgrade_to_head(engine: Engine) -> None:
    """Apply pending migrations (a no-op when the database is already at head)."""
    file_sqlite = engine.dialect.name == "sqlite" and engine.url.database not in (
        None,
        "",
        ":memory:",
    )
    migrating = (
        _migration_engine(engine.url.render_as_string(hide_password=False))
        if file_sqlite
        else engine
    )
    try:
        with _UPGRADE_LOCK, migrating.begin() as connection:
            config = alembic_config(migrating)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        if migrating is not engine:
            migrating.dispose()


class Store:
    """One database: an engine plus transactional sessions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits when the block succeeds and rolls back when it raises."""
        session = Session(self.engine, expire_on_commit=False)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str, *, echo: bool = False) -> Store:
    """Connect, apply pending migrations and return the store."""
    parsed = make_url(url)
    kwargs: dict[str, Any] = {"echo": echo}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        # Worker threads share the engine; each gets its own pooled connection.
        kwargs["connect_args"] = {"check_same_thread": False}
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
    try:
        upgrade_to_head(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)
