"""Repositories of the sync layer: applied event ids, named values (the poller's cursor),
the webhook inbox and refunds; plus a store view bound to one open transaction."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col

from posdesk.store.database import Store
from posdesk.store.models import utcnow
from posdesk.store.sync_models import InboxEvent, ProcessedEvent, RefundRecord, SyncValue

# Refund statuses that can still change at Stripe.
OPEN_REFUND_STATUSES = ("pending", "requires_action")


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


class WebhookInbox:
    """Accepted deliveries, durable before the sender hears 2xx."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, event_id: str, type_: str, body: str) -> None:
        """Commit one delivery; a second delivery of a queued event is a no-op."""
        self.add_many([(event_id, type_, body)])

    def add_many(self, deliveries: Sequence[tuple[str, str, str]]) -> None:
        if not deliveries:
            return
        now = utcnow()
        rows = [{"event_id": e, "type": t, "body": b, "received_at": now} for e, t, b in deliveries]
        # Core on a bare connection: this runs once per webhook burst on the request path.
        insert = postgresql.insert if self.store.dialect == "postgresql" else sqlite.insert
        stmt = insert(InboxEvent.__table__).on_conflict_do_nothing(  # type: ignore[attr-defined]
            index_elements=["event_id"]
        )
        sqlite_db = self.store.dialect == "sqlite"
        with SYNC_WRITE_LOCK, self.store.engine.connect() as connection:
            # The sender hears 2xx after this commit: on SQLite it is synced to disk
            # (FULL), not just handed to the OS (the store's everyday NORMAL in WAL mode).
            if sqlite_db:
                connection.exec_driver_sql("PRAGMA synchronous=FULL")
                connection.commit()
            try:
                connection.execute(stmt, rows)
                connection.commit()
            except BaseException:
                connection.rollback()
                raise
            finally:
                if sqlite_db:
                    connection.exec_driver_sql("PRAGMA synchronous=NORMAL")
                    connection.commit()

    def take(self, limit: int = 500) -> list[InboxItem]:
        """The oldest deliveries still waiting (they stay until removed)."""
        query = (
            select(InboxEvent.id, InboxEvent.event_id, InboxEvent.body)
            .order_by(col(InboxEvent.id))
            .limit(limit)
        )
        with self.store.session() as session:
            return [InboxItem(*row) for row in session.execute(query)]

    def remove(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        if not ids:
            return
        with SYNC_WRITE_LOCK, self.store.session() as session:
            session.execute(delete(InboxEvent).where(col(InboxEvent.id).in_(ids)))

    def count(self) -> int:
        with self.store.session() as session:
            return int(session.execute(select(func.count()).select_from(InboxEvent)).scalar())

    def event_ids(self) -> set[str]:
        with self.store.session() as session:
            return set(session.execute(select(InboxEvent.event_id)).scalars())


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
            .where(col(RefundRecord.status).in_(OPEN_REFUND_STATUSES))
            .order_by(col(RefundRecord.created), col(RefundRecord.id))
        )
        with self.store.session() as session:
            return list(session.scalars(query))
