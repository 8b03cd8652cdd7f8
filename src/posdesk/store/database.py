"""Opening the database: engine, connection settings, schema migrations, sessions."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DataError, DBAPIError, DisconnectionError
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from posdesk.domain.input_error import InputError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DATABASE_FILE = "posdesk.db"
# How long a writer waits for another terminal's or thread's write lock before giving up.
SQLITE_BUSY_TIMEOUT_MS = 10_000
# The database file and SQLite's companions: readable by the user only (they hold customers'
# names, e-mail addresses and payments).
SQLITE_COMPANION_SUFFIXES = ("", "-wal", "-shm", "-journal")
PRIVATE_FILE_MODE = 0o600

# A value the database or its driver refuses: text with NUL or longer than its column, a
# number out of range (DataError; sqlite3 raises OverflowError beyond 64 bits), text with a
# lone surrogate (both drivers' encode error).
VALUE_REFUSED = (DataError, OverflowError, UnicodeEncodeError)
MESSAGE_VALUE_REFUSED = (
    "A value could not be stored: it is too long or holds a character the database cannot "
    "keep. Check what was typed and try again."
)


def default_database_url(data_dir: Path) -> str:
    """SQLite file ``posdesk.db`` in the data directory."""
    return f"sqlite:///{(Path(data_dir) / DATABASE_FILE).as_posix()}"


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the GUI read while a sync thread writes; foreign keys are off by default in
    # SQLite; busy_timeout makes concurrent writers wait instead of failing at once.
    # synchronous=FULL syncs the WAL on every commit: with NORMAL a power cut may undo the
    # last commits, and a payment record committed before its request is sent must survive.
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=FULL")
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
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", str(MIGRATIONS_DIR / "versions"))
    config.attributes["engine"] = engine
    return config


# Alembic keeps its migration context in module globals: one upgrade at a time per process.
# Across processes, PostgreSQL serialises with an advisory lock (see migrations/env.py).
_UPGRADE_LOCK = threading.Lock()


# --- is the schema at head? Asked without Alembic, which (with Mako and its DDL modules)
# takes a few hundred milliseconds to import: most starts find the schema current.

_REVISION_LINE = re.compile(
    r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:\"([^\"]*)\"|'([^']*)'|None)\s*$", re.M)


@cache
def head_revision() -> str | None:
    """The newest revision in migrations/versions, read from the files' `revision` and
    `down_revision` lines (tests/store/test_head_revision.py checks it against Alembic's
    answer). None when the files do not make one straight line: Alembic then decides."""
    revisions: dict[str, str | None] = {}
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found: dict[str, str | None] = {}
        for match in _REVISION_LINE.finditer(path.read_text(encoding="utf-8")):
            found[match.group(1)] = match.group(2) or match.group(3)
        if "revision" in found and found["revision"]:
            revisions[found["revision"]] = found.get("down_revision")
    heads = set(revisions) - set(revisions.values())
    return heads.pop() if len(heads) == 1 else None


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (one query on alembic_version); None when it has
    none yet, or more than one."""
    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    except DBAPIError:  # no alembic_version table: a new database
        return None
    return rows[0][0] if len(rows) == 1 else None


def at_head(engine: Engine) -> bool:
    head = head_revision()
    return head is not None and current_revision(engine) == head


TEMPLATE_PREFIX = "empty-store-"


def migrations_digest() -> str:
    """A digest of the migration scripts: two stores made by the same scripts have the same
    schema (names empty-store templates, see new_store_from_template)."""
    digest = hashlib.sha256()
    for path in sorted([MIGRATIONS_DIR / "env.py", *(MIGRATIONS_DIR / "versions").glob("*.py")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def new_store_from_template(database: Path, templates: Path) -> None:
    """Make `database`, a SQLite file not yet holding anything, an empty store at head: a
    copy of the template an earlier call kept in `templates`, else migrated (Alembic) and
    kept as the template for the next. A file that holds something already is left to
    open_store. The demo starts on a new store each time: this spares it Alembic's import
    and the migrations (a few hundred milliseconds, 12 MB)."""
    if database.exists() and database.stat().st_size > 0:
        return
    template = templates / f"{TEMPLATE_PREFIX}{migrations_digest()}.db"
    if template.is_file():
        try:
            _create_private_sqlite_file(database)  # 0600 before any byte is in it
            shutil.copyfile(template, database)
            return
        except OSError:
            database.unlink(missing_ok=True)  # migrated below instead
    store = open_store(f"sqlite:///{database.as_posix()}")
    # Written aside and renamed: another demo starting meanwhile sees all or nothing.
    partial = templates / f".{template.name}.{os.getpid()}.{threading.get_ident()}"
    try:
        templates.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial.unlink(missing_ok=True)
        with store.engine.connect() as connection:
            connection.exec_driver_sql("VACUUM INTO ?", (str(partial),))
        os.replace(partial, template)
        # Templates of older migrations are of no more use.
        for old in templates.glob(f"{TEMPLATE_PREFIX}*.db"):
            if old != template:
                old.unlink(missing_ok=True)
    except (OSError, DBAPIError):
        partial.unlink(missing_ok=True)  # no template: the next start migrates too
    finally:
        store.close()


def upgrade_to_head(engine: Engine) -> None:
    """Apply pending migrations (a no-op when the database is already at head)."""
    from alembic import command

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
        """A session that commits when the block succeeds and rolls back when it raises.

        A value the database refuses becomes an InputError, nothing written: the last resort
        behind the checks of each entry point, so no raw driver error reaches a screen."""
        session = Session(self.engine, expire_on_commit=False)
        try:
            yield session
            session.commit()
        except VALUE_REFUSED as exc:
            session.rollback()
            raise InputError(MESSAGE_VALUE_REFUSED) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def restrict_sqlite_files(database: Path) -> None:
    """Make the database file and its -wal/-shm/-journal companions readable by the user only.

    New files are created so (below, and SQLite gives its companions the mode of the
    database file); this also repairs files an older version created readable by all.
    POSIX modes only: on Windows the per-user data folder's ACL is what protects them.
    """
    if os.name == "nt":
        return
    for suffix in SQLITE_COMPANION_SUFFIXES:
        path = Path(f"{database}{suffix}")
        try:
            if path.stat().st_mode & 0o077:
                os.chmod(path, PRIVATE_FILE_MODE)
        except OSError:  # absent (no -journal in WAL mode), or not ours to change
            pass


def _create_private_sqlite_file(database: Path) -> None:
    """An empty file is an empty SQLite database: creating it here with mode 0600 means the
    data is never readable by others, whatever the process umask."""
    database.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return
    os.close(fd)


# A pooled server connection idle this long may have been closed meanwhile (a restart, a
# proxy's idle timeout): it is pinged before use, and replaced if the ping fails. One used
# moments ago is not: the ping is a round trip as long as a type-ahead query, and keystrokes
# come a few hundred milliseconds apart. (Where a connection dies within that moment, the
# operation fails like one that loses its connection while running.)
PING_AFTER_IDLE_S = 2.0


def _ping_when_idle(engine: Engine) -> None:
    """pool_pre_ping, for connections idle longer than PING_AFTER_IDLE_S only."""

    def checkin(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            record.info["checked_in_at"] = time.monotonic()

    def checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        checked_in_at = record.info.get("checked_in_at")
        if checked_in_at is not None and time.monotonic() - checked_in_at < PING_AFTER_IDLE_S:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:  # the pool connects again (SQLAlchemy's documented way)
            raise DisconnectionError() from exc

    event.listen(engine, "checkin", checkin)
    event.listen(engine, "checkout", checkout)


def open_store(url: str, *, echo: bool = False) -> Store:
    """Connect, apply pending migrations and return the store."""
    parsed = make_url(url)
    kwargs: dict[str, Any] = {"echo": echo}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            _create_private_sqlite_file(Path(database))
            restrict_sqlite_files(Path(database))
        # Worker threads share the engine; each gets its own pooled connection.
        kwargs["connect_args"] = {"check_same_thread": False}
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
    else:
        _ping_when_idle(engine)
    try:
        if not at_head(engine):  # Alembic is imported only when there is work for it
            upgrade_to_head(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)
