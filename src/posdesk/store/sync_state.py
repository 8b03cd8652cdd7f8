"""Repositories of the sync layer: applied event ids, named values (the poller's cursor),
the webhook inbox and refunds; plus a store view bound to one open transaction."""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col

from posdesk.store.database import (
    PRIVATE_FILE_MODE,
    SQLITE_BUSY_TIMEOUT_MS,
    Store,
    restrict_sqlite_files,
)
from posdesk.store.models import utcnow
from posdesk.store.sync_models import (  # OPEN_REFUND_STATUSES stays importable from here
    OPEN_REFUND_STATUSES,  # noqa: F401
    OPEN_REFUND_WHERE,
    InboxEvent,
    ProcessedEvent,
    RefundRecord,
    SyncValue,
)

log = logging.getLogger(__name__)


def dialect_insert(session: Session) -> Any:
    """The dialect's INSERT construct (both offer ON CONFLICT)."""
    dialect = session.get_bind().dialect.name
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


class TransactionScope:
    """Looks like a Store to a repository but hands out one already-open session and never
    commits: several repositories' writes land in the caller's single transaction."""

    def __init__(self, store: Store, session: Session) -> None:
        self.engine = store.engine
        self._session = session

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        yield self._session
        self._session.flush()


# Serialises this process's sync writers (applier batches, inbox commits). SQLite's own
# busy handler waits by sleeping in growing steps; a lock here hands over at once.
SYNC_WRITE_LOCK = threading.RLock()
_PG_SYNC_LOCK = 7_318_204_412


@contextmanager
def write_session(store: Store) -> Iterator[Session]:
    """A session that holds the write lock from its first statement, committed when the
    block succeeds: what a batch reads stays true until it writes.

    SQLite: BEGIN IMMEDIATE (everyday sessions only start a transaction at their first
    write). PostgreSQL: an advisory transaction lock, so sync batches of several terminals
    take turns. In this process, sync writers also queue on a lock first, which hands over
    at once where SQLite's busy handler would sleep."""
    with SYNC_WRITE_LOCK, store.session() as session:
        connection = session.connection()
        if store.dialect == "sqlite":
            if not connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
                connection.exec_driver_sql("BEGIN IMMEDIATE")
        elif store.dialect == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_SYNC_LOCK})")
        yield session


class ProcessedEvents:
    def __init__(self, store: Store) -> None:
        self.store = store

    def count(self) -> int:
        with self.store.session() as session:
            return int(session.execute(select(func.count()).select_from(ProcessedEvent)).scalar())

    def contains(self, event_id: str) -> bool:
        with self.store.session() as session:
            return session.get(ProcessedEvent, event_id) is not None

    def ids(self) -> set[str]:
        with self.store.session() as session:
            return set(session.execute(select(ProcessedEvent.event_id)).scalars())

    def prune(self, older_than: timedelta) -> int:
        """Forget ids applied longer ago than Stripe could send them again."""
        cutoff = utcnow() - older_than
        with self.store.session() as session:
            result = session.execute(
                delete(ProcessedEvent).where(col(ProcessedEvent.applied_at) < cutoff)
            )
            return int(result.rowcount or 0)


class SyncValues:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, name: str) -> str | None:
        with self.store.session() as session:
            row = session.get(SyncValue, name)
            return None if row is None else row.value

    def set(self, name: str, value: str | None) -> None:
        with self.store.session() as session:
            session.merge(SyncValue(name=name, value=value, updated_at=utcnow()))


@dataclass(frozen=True, slots=True)
class InboxItem:
    id: int
    event_id: str
    body: str


# --- the webhook inbox --------------------------------------------------------------------------
# On a SQLite file the inbox lives in a file of its own beside the store (posdesk-inbox.db):
# SQLite has one write lock per file, and an inbox in the store's file would make every
# accepted delivery wait for the applier's transaction (a batch of events) before its commit.
# In its own file a delivery's commit waits for nothing but its own fsync. The store's
# `sync_inbox` table stays: PostgreSQL (row locks: an INSERT never waits on the applier's
# advisory lock) and in-memory SQLite use it, and a backlog left there by an older version
# is moved over on first use.
INBOX_FILE_SUFFIX = "-inbox"
_INBOX_TABLE = InboxEvent.__table__  # type: ignore[attr-defined]
# The inbox file's engine of each open store's engine, disposed with it.
_inbox_engines: dict[Engine, Engine] = {}
_inbox_engines_lock = threading.Lock()
# Serialises this process's writers of an inbox file (group commits, removals): a lock here
# hands over at once where SQLite's busy handler would sleep.
_INBOX_WRITE_LOCK = threading.Lock()


def inbox_file(store: Store) -> Path | None:
    """Where the store's inbox file is, or None when the inbox is the store's own table."""
    if store.dialect != "sqlite":
        return None
    database = store.engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database)
    return path.with_name(f"{path.stem}{INBOX_FILE_SUFFIX}{path.suffix or '.db'}")


def _configure_inbox(dbapi_connection: Any, _record: Any) -> None:
    # As the store's own file: WAL, busy_timeout, and synchronous=FULL so a commit is on
    # disk before the sender hears 2xx.
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _inbox_engine(store: Store) -> Engine:
    path = inbox_file(store)
    if path is None:
        return store.engine
    key = store.engine
    with _inbox_engines_lock:
        engine = _inbox_engines.get(key)
        if engine is not None:
            return engine
        created = not path.exists()
        if created:  # private from the start, like the store's file (customers' names)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
            os.close(fd)
        restrict_sqlite_files(path)
        engine = create_engine(
            f"sqlite:///{path.as_posix()}", connect_args={"check_same_thread": False}
        )
        event.listen(engine, "connect", _configure_inbox)
        _INBOX_TABLE.create(engine, checkfirst=True)
        _move_backlog(store.engine, engine)
        _inbox_engines[key] = engine
        event.listen(key, "engine_disposed", _dispose_inbox)
    return engine


def _dispose_inbox(store_engine: Engine) -> None:
    """The store closed: so does its inbox file's engine."""
    with _inbox_engines_lock:
        engine = _inbox_engines.pop(store_engine, None)
    if engine is not None:
        engine.dispose()


def _move_backlog(store_engine: Engine, inbox_engine: Engine) -> None:
    """Deliveries an older version left in the store's table go to the inbox file first."""
    with store_engine.connect() as source:
        rows = [dict(row._mapping) for row in source.execute(
            select(_INBOX_TABLE.c.id, _INBOX_TABLE.c.event_id, _INBOX_TABLE.c.type,
                   _INBOX_TABLE.c.body, _INBOX_TABLE.c.received_at).order_by(_INBOX_TABLE.c.id)
        )]
        if not rows:
            return
        last = rows[-1]["id"]
        for row in rows:
            del row["id"]  # the inbox file numbers them itself, after what it holds
        with inbox_engine.begin() as target:
            target.execute(
                sqlite.insert(_INBOX_TABLE).on_conflict_do_nothing(index_elements=["event_id"]),
                rows,
            )
        # After the copy committed (never lost), and only what was copied.
        source.execute(delete(_INBOX_TABLE).where(_INBOX_TABLE.c.id <= last))
        source.commit()
    log.info("moved %d accepted webhook deliveries to the inbox file", len(rows))


class WebhookInbox:
    """Accepted deliveries, durable before the sender hears 2xx."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = _inbox_engine(store)
        # Writers of the store's own file queue with the sync writers; an inbox file only
        # with its own writers, never with the applier.
        self._own_file = self.engine is not store.engine
        self._write_lock: Any = (
            _INBOX_WRITE_LOCK if self._own_file
            else SYNC_WRITE_LOCK if store.dialect == "sqlite"
            else contextlib.nullcontext()  # PostgreSQL: row locks, nothing to wait for
        )

    def add(self, event_id: str, type_: str, body: str) -> None:
        """Commit one delivery; a second delivery of a queued event is a no-op."""
        self.add_many([(event_id, type_, body)])

    def add_many(self, deliveries: Sequence[tuple[str, str, str]]) -> None:
        """One INSERT and its commit (synced to disk: the connection's synchronous=FULL)."""
        if not deliveries:
            return
        now = utcnow()
        rows = [{"event_id": e, "type": t, "body": b, "received_at": now} for e, t, b in deliveries]
        # Core on a bare connection: this runs once per webhook burst on the request path.
        insert = postgresql.insert if self.engine.dialect.name == "postgresql" else sqlite.insert
        stmt = insert(_INBOX_TABLE).on_conflict_do_nothing(index_elements=["event_id"])
        with self._write_lock, self.engine.connect() as connection:
            try:
                connection.execute(stmt, rows)
                connection.commit()
            except BaseException:
                connection.rollback()
                raise

    def take(self, limit: int = 500) -> list[InboxItem]:
        """The oldest deliveries still waiting (they stay until removed)."""
        query = (
            select(_INBOX_TABLE.c.id, _INBOX_TABLE.c.event_id, _INBOX_TABLE.c.body)
            .order_by(_INBOX_TABLE.c.id)
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return [InboxItem(*row) for row in connection.execute(query)]

    def remove(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        if not ids:
            return
        with self._write_lock, self.engine.begin() as connection:
            connection.execute(delete(_INBOX_TABLE).where(_INBOX_TABLE.c.id.in_(ids)))

    def count(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(_INBOX_TABLE)).scalar())

    def event_ids(self) -> set[str]:
        with self.engine.connect() as connection:
            return set(connection.execute(select(_INBOX_TABLE.c.event_id)).scalars())


class RefundRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, refund_id: str) -> RefundRecord | None:
        with self.store.session() as session:
            return session.get(RefundRecord, refund_id)

    def list_for_intent(self, intent_id: str) -> list[RefundRecord]:
        query = (
            select(RefundRecord)
            .where(col(RefundRecord.payment_intent_id) == intent_id)
            .order_by(col(RefundRecord.created), col(RefundRecord.id))
        )
        with self.store.session() as session:
            return list(session.scalars(query))

    def list_open(self) -> list[RefundRecord]:
        """Refunds whose outcome at Stripe can still change, oldest first."""
        query = (
            select(RefundRecord)
            # The partial index's WHERE, literally (SQLite matches it only so).
            .where(text(OPEN_REFUND_WHERE))
            .order_by(col(RefundRecord.created), col(RefundRecord.id))
        )
        with self.store.session() as session:
            return list(session.scalars(query))
