"""The change feed between terminals: tells its subscribers what any writer, on any terminal
of the store, committed (payments, customers, cards, refunds), within about a second.

One thread per feed, never the GUI's:
- PostgreSQL (several tills): the thread holds a connection of its own that LISTENs on
  posdesk_changes. Writers send NOTIFY in the transaction that records a change, so
  PostgreSQL wakes the thread at commit; it then reads the rows after the last one it saw.
  A lost connection is opened again with growing pauses; meanwhile it polls.
- SQLite (one machine, but `posdesk relay` or another process may write the same file): the
  thread reads every POLL_INTERVAL_S; an idle read is one look-up of the id index.
- Either way, a commit in this process wakes it at once, and it reads at least every
  SAFETY_INTERVAL_S in case a notification was missed. Every PRUNE_INTERVAL_S it deletes
  rows older than a day (store/changes.py).

Reading starts at the newest row when the feed starts: history is not replayed. A sequence
hands out ids before commit, so on PostgreSQL a transaction may commit an id below one
already read; ids passed over are looked for again for GAP_TTL_S, so such a change is still
delivered, once. Subscribers get lists of changes in id order, on the feed's thread.
"""

from __future__ import annotations

import contextlib
import logging
import select
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

from posdesk.domain.changes import Change
from posdesk.store import changes as change_log
from posdesk.store.database import Store

log = logging.getLogger(__name__)

POLL_INTERVAL_S = 1.0
SAFETY_INTERVAL_S = 5.0
PRUNE_INTERVAL_S = 3600.0
# How long an id passed over is looked for; a writer commits within milliseconds of taking it.
GAP_TTL_S = 30.0
MAX_GAPS = 1000
# Ids just below the newest at start that may still be committed (transactions in flight).
START_WINDOW = 64
READ_LIMIT = 500
RECONNECT_MAX_S = 30.0

Subscriber = Callable[[list[Change]], None]


class _Position:
    """The newest id delivered, and ids below it that may still be committed (gaps)."""

    def __init__(self) -> None:
        self.newest = 0
        self._gaps: dict[int, float] = {}  # id -> until when to look for it

    def reset(self, newest: int, missing: set[int], now: float) -> None:
        self.newest = newest
        self._gaps = dict.fromkeys(sorted(missing)[-MAX_GAPS:], now + GAP_TTL_S)

    def gaps(self, now: float) -> list[int]:
        self._gaps = {i: until for i, until in self._gaps.items() if until > now}
        return sorted(self._gaps)

    def advance(self, ids: list[int], now: float) -> None:
        for row_id in ids:
            if row_id in self._gaps:
                del self._gaps[row_id]
            elif row_id > self.newest:
                for skipped in range(max(self.newest + 1, row_id - MAX_GAPS), row_id):
                    self._gaps[skipped] = now + GAP_TTL_S
                self.newest = row_id
        if len(self._gaps) > MAX_GAPS:
            self._gaps = dict(sorted(self._gaps.items())[-MAX_GAPS:])


class _Listener:
    """A PostgreSQL connection of its own (outside the pool, whose connections must not keep
    listening) that LISTENs on the change channel."""

    def __init__(self, engine: Engine) -> None:
        cargs, cparams = engine.dialect.create_connect_args(engine.url)
        # A dead server must be noticed without traffic of ours: keepalives, and a bounded
        # wait when connecting.
        defaults = {"connect_timeout": 5, "keepalives": 1, "keepalives_idle": 30,
                    "keepalives_interval": 10, "keepalives_count": 3}
        for name, value in defaults.items():
            cparams.setdefault(name, value)
        self._connection: Any = engine.dialect.loaded_dbapi.connect(*cargs, **cparams)
        try:
            self._connection.autocommit = True
            self._connection.execute(f"LISTEN {change_log.CHANNEL}")
        except BaseException:
            self.close()
            raise

    def fileno(self) -> int:
        return int(self._connection.fileno())

    def drain(self) -> int:
        """Take the notifications already received, without waiting; raises when the
        connection is lost."""
        return sum(1 for _ in self._connection.notifies(timeout=0))

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._connection.close()


class ChangeFeed:
    def __init__(
        self,
        store: Store,
        *,
        poll_interval_s: float = POLL_INTERVAL_S,
        safety_interval_s: float = SAFETY_INTERVAL_S,
        prune_interval_s: float = PRUNE_INTERVAL_S,
    ) -> None:
        self.store = store
        self.poll_interval_s = poll_interval_s
        self.safety_interval_s = safety_interval_s
        self.prune_interval_s = prune_interval_s
        # Set once the feed knows where "now" is (and, on PostgreSQL, has tried to listen):
        # changes committed after that are delivered.
        self.ready = threading.Event()
        self._subscribers: list[Subscriber] = []
        self._lock = threading.Lock()
        self._reader: _Reader | None = None
        self._thread: threading.Thread | None = None

    @property
    def listens(self) -> bool:
        """PostgreSQL notifications arrive (False on SQLite, or while reconnecting)."""
        reader = self._reader
        return reader is not None and reader.listener is not None

    @property
    def running(self) -> bool:
        thread = self._thread
        return thread is not None and thread.is_alive()

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call `callback` with each list of new changes, on the feed's thread. Returns the
        function that unsubscribes it."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock, contextlib.suppress(ValueError):
                self._subscribers.remove(callback)

        return unsubscribe

    def start(self) -> None:
        """Start reading on a thread of its own; returns at once (a no-op when running)."""
        with self._lock:
            if self._reader is not None:
                return
            self.ready.clear()
            reader = _Reader(self)
            self._reader = reader
            self._thread = threading.Thread(target=reader.run, name="change-feed", daemon=True)
            self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        """Stop reading; no subscriber is called after this returns (unless the thread was
        stuck in a read for longer than `timeout_s`: it then ends without delivering)."""
        with self._lock:
            reader, self._reader = self._reader, None
            thread, self._thread = self._thread, None
        if reader is None or thread is None:
            return
        reader.stop()
        thread.join(timeout_s)

    def wake(self) -> None:
        """Read now (a writer in this process committed); any thread, never blocks."""
        reader = self._reader
        if reader is not None:
            reader.wake()

    def _deliver(self, found: list[Change], stopped: threading.Event) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            if stopped.is_set():
                return
            try:
                callback(list(found))
            except Exception:  # one subscriber's failure must not starve the others
                log.exception("change feed subscriber failed")


class _Reader:
    """One run of a feed, from start to stop, on its own thread: a restarted feed gets a new
    one, so a run that is slow to end can never read or deliver alongside its successor."""

    def __init__(self, feed: ChangeFeed) -> None:
        self.feed = feed
        self.store = feed.store
        self.stopped = threading.Event()
        self.listener: _Listener | None = None
        self._position = _Position()
        # A wake-up is a byte on a socket pair: select() waits on it and on PostgreSQL's
        # socket together, on every platform.
        self._wake_in, self._wake_out = socket.socketpair()
        self._wake_in.setblocking(False)
        self._wake_out.setblocking(False)

    def wake(self) -> None:
        with contextlib.suppress(OSError):  # buffer full: awake already; closed: stopped
            self._wake_out.send(b"\0")

    def stop(self) -> None:
        self.stopped.set()
        self.wake()

    def run(self) -> None:
        unsubscribe = change_log.on_commit(self.store.engine, self.wake)
        try:
            self._loop()
        except Exception:
            log.exception("change feed stopped by an error")
        finally:
            unsubscribe()
            self._close_listener()
            self._wake_in.close()
            self._wake_out.close()

    def _loop(self) -> None:
        feed = self.feed
        engine = self.store.engine
        # LISTEN needs psycopg 3 (the store's driver); with another driver the feed polls.
        can_listen = engine.dialect.name == "postgresql" and engine.dialect.driver == "psycopg"
        listen_failures = 0
        listen_at = 0.0
        read_failures = 0
        prune_at = 0.0
        positioned = False
        while not self.stopped.is_set():
            now = time.monotonic()
            if can_listen and self.listener is None and now >= listen_at:
                try:
                    self.listener = _Listener(engine)
                    if listen_failures:
                        log.info("change feed listening again")
                    listen_failures = 0
                except Exception as exc:
                    listen_failures += 1
                    listen_at = now + _backoff(listen_failures)
                    _log_failure(listen_failures, "change feed cannot listen (%s); polling",
                                 type(exc).__name__)
            self._drain_listener()
            try:
                if positioned:
                    self._read_new()
                else:
                    self._find_start()
                    positioned = True
                    if not self.stopped.is_set():
                        feed.ready.set()
                if now >= prune_at:
                    prune_at = now + feed.prune_interval_s
                    removed = change_log.prune(self.store)
                    if removed:
                        log.debug("pruned %d old change rows", removed)
                read_failures = 0
            except Exception as exc:  # the store is unreachable: try again after a pause
                read_failures += 1
                _log_failure(read_failures, "change feed cannot read the store (%s)",
                             type(exc).__name__)
                self.stopped.wait(_backoff(read_failures))
                continue
            if self.listener is not None:
                timeout = feed.safety_interval_s
            else:
                timeout = feed.poll_interval_s
                if can_listen:
                    timeout = min(timeout, max(0.0, listen_at - time.monotonic()))
            self._wait(timeout)

    def _find_start(self) -> None:
        with self.store.engine.connect() as connection:
            newest = change_log.newest_id(connection)
            low = max(0, newest - START_WINDOW)
            present = change_log.ids_after(connection, low)
        self._position.reset(newest, set(range(low + 1, newest + 1)) - present, time.monotonic())

    def _read_new(self) -> None:
        while not self.stopped.is_set():
            now = time.monotonic()
            with self.store.engine.connect() as connection:
                rows = change_log.read(
                    connection, self._position.newest, self._position.gaps(now), READ_LIMIT
                )
            self._position.advance(rows.ids, now)
            if rows.changes:
                self.feed._deliver(rows.changes, self.stopped)
            if len(rows.ids) < READ_LIMIT:
                return

    def _wait(self, timeout: float) -> None:
        watched: list[Any] = [self._wake_in]
        if self.listener is not None:
            watched.append(self.listener.fileno())
        with contextlib.suppress(InterruptedError):
            select.select(watched, [], [], timeout)
        with contextlib.suppress(OSError):  # BlockingIOError: all taken
            while self._wake_in.recv(4096):
                pass

    def _drain_listener(self) -> None:
        # Take the notifications now: the read that follows covers them.
        listener = self.listener
        if listener is None:
            return
        try:
            listener.drain()
        except Exception as exc:
            log.warning("change feed lost its connection (%s); reconnecting", type(exc).__name__)
            self._close_listener()

    def _close_listener(self) -> None:
        listener, self.listener = self.listener, None
        if listener is not None:
            listener.close()


def _backoff(failures: int) -> float:
    return min(RECONNECT_MAX_S, 0.5 * 2 ** (failures - 1))


def _log_failure(failures: int, message: str, *args: object) -> None:
    # The first failure of an outage is worth a warning; the retries are not.
    log.log(logging.WARNING if failures == 1 else logging.DEBUG, message, *args)
