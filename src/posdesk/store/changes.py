"""The change feed's table: writers record what they changed in the transaction that changes
it; the feed (sync/feed.py) reads what was committed since it last looked.

- A change row exists exactly when its effect is committed: `record` runs inside the
  writer's own transaction, so a rollback leaves neither.
- On PostgreSQL the same transaction sends NOTIFY on CHANNEL with the newest id. PostgreSQL
  delivers it to the listening terminals at commit, never for a rollback.
- In this process, a commit that recorded changes also calls the `on_commit` callbacks of its
  database at once (SQLite has no NOTIFY; the feed polls for other processes' commits).
- Bulk writes (a full refresh of 100k customers) record one change of the kind with entity
  EVERY instead of one row per thing once more than BULK_THRESHOLD things changed.

Ids come from a sequence on PostgreSQL: a transaction that took a lower id may commit after
one with a higher id. Readers therefore keep looking for ids they skipped for a while; see
`read` and the feed. On SQLite the newest row is never pruned, so ids never go back (its
rowids are max + 1).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    and_,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from posdesk.domain.changes import EVERY, Change, ChangeKind
from posdesk.store.database import Store
from posdesk.store.models import ChangeRecord, PaymentRecord, utcnow

log = logging.getLogger(__name__)

CHANNEL = "posdesk_changes"
# More changed things of one kind than this in one transaction: record one bulk change.
BULK_THRESHOLD = 100
# Rows older than this are pruned: a feed reads within seconds of a commit.
RETENTION = timedelta(days=1)

_TABLE = ChangeRecord.__table__  # type: ignore[attr-defined]
# The id this transaction just took for its last row: the notification says how far to read.
_NOTIFY = text(
    "SELECT pg_notify(:channel, currval(pg_get_serial_sequence('changes', 'id'))::text)"
)
_RECORDED = "posdesk.changes.recorded"  # session.info key: this transaction recorded changes


# --- writing -----------------------------------------------------------------------------------


def record(session: Session, changes: Iterable[Change]) -> None:
    """Record changes in the session's transaction (committed or rolled back with it)."""
    rows = [
        {
            "kind": change.kind.value,
            "entity_id": change.entity_id[:128],
            "customer_id": change.customer_id,
            "terminal_id": change.terminal_id,
            "at": utcnow(),
        }
        for change in _bulk_where_many(changes)
    ]
    if not rows:
        return
    connection = session.connection()
    connection.execute(insert(_TABLE), rows)  # one statement for all rows (executemany)
    if connection.dialect.name == "postgresql":
        connection.execute(_NOTIFY, {"channel": CHANNEL})
    session.info[_RECORDED] = database_key(connection.engine)


def payment_change(payment: PaymentRecord, terminal_id: str | None) -> Change:
    return Change(ChangeKind.PAYMENT, payment.id, payment.customer_id, terminal_id)


def customer_change(customer_id: str, terminal_id: str | None = None) -> Change:
    return Change(ChangeKind.CUSTOMER, customer_id, customer_id, terminal_id)


def _bulk_where_many(changes: Iterable[Change]) -> list[Change]:
    by_kind: dict[ChangeKind, dict[Change, None]] = {}
    for change in changes:
        by_kind.setdefault(change.kind, {})[change] = None  # duplicates once, order kept
    result: list[Change] = []
    for kind, group in by_kind.items():
        if len(group) <= BULK_THRESHOLD:
            result.extend(group)
            continue
        # Keep what all of them share: a page of one customer's 150 cards stays that
        # customer's change.
        customers = {c.customer_id for c in group}
        terminals = {c.terminal_id for c in group}
        result.append(
            Change(
                kind,
                EVERY,
                customers.pop() if len(customers) == 1 else None,
                terminals.pop() if len(terminals) == 1 else None,
            )
        )
    return result


# --- waking this process's readers at commit ----------------------------------------------------

_wakers: dict[str, list[Callable[[], None]]] = {}
_wakers_lock = threading.Lock()


def database_key(engine: Engine) -> str:
    """Names the database: two Store objects on one SQLite file share it."""
    return engine.url.render_as_string(hide_password=True)


def on_commit(engine: Engine, callback: Callable[[], None]) -> Callable[[], None]:
    """Call `callback` (quick, no arguments, on the writer's thread) after every commit in
    this process that recorded changes in this database. Returns the unsubscribe function."""
    key = database_key(engine)
    with _wakers_lock:
        _wakers.setdefault(key, []).append(callback)

    def unsubscribe() -> None:
        with _wakers_lock, contextlib.suppress(ValueError):
            _wakers.get(key, []).remove(callback)

    return unsubscribe


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    key = session.info.pop(_RECORDED, None)
    if key is None:
        return
    with _wakers_lock:
        callbacks = list(_wakers.get(key, ()))
    for callback in callbacks:
        try:
            callback()
        except Exception:  # a reader's trouble must never fail a writer's commit
            log.exception("change feed wake-up failed")


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(_RECORDED, None)


# --- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChangeRows:
    ids: list[int]  # every row read, in id order (also rows of kinds this version ignores)
    changes: list[Change]


def newest_id(connection: Connection) -> int:
    return int(connection.execute(select(func.max(_TABLE.c.id))).scalar() or 0)


def ids_after(connection: Connection, after: int) -> set[int]:
    return set(connection.execute(select(_TABLE.c.id).where(_TABLE.c.id > after)).scalars())


def read(
    connection: Connection, after: int, also: Collection[int] = (), limit: int = 500
) -> ChangeRows:
    """Rows with an id above `after`, plus those of `also` (ids skipped earlier that may have
    been committed since), oldest first. Both are ranges of the primary key."""
    condition: Any = _TABLE.c.id > after
    if also:
        # The lower bound as well: SQLite seeks on it, where `> OR IN` alone reads the
        # whole table (the skipped ids are recent, so the range is short).
        condition = and_(
            _TABLE.c.id >= min(after + 1, *also),
            or_(condition, _TABLE.c.id.in_(sorted(also))),
        )
    query = select(_TABLE).where(condition).order_by(_TABLE.c.id).limit(limit)
    ids: list[int] = []
    found: list[Change] = []
    for row in connection.execute(query):
        ids.append(row.id)
        try:
            kind = ChangeKind(row.kind)
        except ValueError:  # written by a newer version: nothing here shows it
            continue
        found.append(
            Change(kind, row.entity_id, row.customer_id, row.terminal_id, row.id, _aware(row.at))
        )
    return ChangeRows(ids, found)


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite hands datetimes back naive; they were written in UTC.
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def prune(store: Store, older_than: timedelta = RETENTION) -> int:
    """Delete rows older than `older_than` (by the indexed `at`), always keeping the newest
    row, so SQLite never hands out an id a reader has already passed."""
    newest = select(func.max(_TABLE.c.id)).scalar_subquery()
    stmt = delete(_TABLE).where(_TABLE.c.at < utcnow() - older_than, _TABLE.c.id < newest)
    with store.session() as session:
        return int(session.connection().execute(stmt).rowcount or 0)
