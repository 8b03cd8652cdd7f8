"""Keeping the planners' statistics fresh, so the hot queries keep their plans.

Without statistics SQLite guesses, and happens to guess right; once a table has grown its
guesses (or stale statistics) can pick a scan of the whole table. So, on a schedule and off
the GUI thread:

- SQLite (each terminal: it is cheap and local): at start `ANALYZE` of the tables some
  index of which has no statistics yet (a new store, an index a migration just added), then
  every INTERVAL `ANALYZE` of every table; each followed by `PRAGMA optimize`. All under
  `PRAGMA analysis_limit`, so each index is sampled, not read whole: milliseconds at a
  million rows. Also `PRAGMA optimize` on every connection as the pool closes it (store
  close), as SQLite recommends.
- PostgreSQL (only the terminal holding the sync lease: one is enough for all): `ANALYZE`
  of each PosDesk table that was never analysed or changed by more than a tenth since, i.e.
  only where the autovacuum daemon has not (it is off, or lagging behind a burst).

`start_maintenance` runs it once at start (after the migrations) and every INTERVAL; the
schedule ends when the store closes (its engine is disposed).

Bulk writes (a first customer import, the applier working through a backlog) grow tables
far faster than that. PostgreSQL plans with statistics taken when a table was small (and a
prepared statement keeps such a plan): its lookups turned into scans that grew with the
table, so an import, or the applier at 100,000 events, slowed down page after page. They
call `GrowthWatch.wrote` after each batch, which refreshes what is stale at most every
GROWTH_CHECK_S (a query of the change counters; an `ANALYZE` where a table changed by a
tenth, a fraction of a second).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, event, text
from sqlmodel import SQLModel

from posdesk.store import (  # noqa: F401  (registers every table)
    models,
    refund_models,
    staff_models,
    sync_models,
)
from posdesk.store.database import Store

log = logging.getLogger(__name__)

# Rows sampled per index by SQLite's ANALYZE / PRAGMA optimize: enough for the planner to
# tell a selective index from an unselective one, cheap at any size.
SQLITE_ANALYSIS_LIMIT = 1000
# PostgreSQL: analysed when more than this share of its rows changed since (the
# autovacuum daemon's own default threshold is 10% + 50 rows, so normally it got there first).
PG_STALE_SHARE = 0.1
PG_STALE_MIN_ROWS = 500
INTERVAL_S = 3 * 3600.0
# How long the first run waits after start: the start-up work (reconciliation) goes first.
FIRST_RUN_DELAY_S = 5.0
SYNC_LEASE = "stripe-sync"  # sync/leader.py: its holder runs PostgreSQL's maintenance


def posdesk_tables() -> list[str]:
    """The tables PosDesk writes (every table of the models)."""
    return [table.name for table in SQLModel.metadata.sorted_tables]


@dataclass
class MaintenanceReport:
    analyzed: list[str] = field(default_factory=list)
    optimized: bool = False
    seconds: float = 0.0


def run_maintenance(
    store: Store, *, full: bool = True, refused: set[str] | None = None
) -> MaintenanceReport:
    """Bring the planner's statistics up to date. `full=False` (at start): only what has
    none yet; `full=True` (the periodic run): every table on SQLite (sampled, so cheap),
    the stale ones on PostgreSQL."""
    started = time.perf_counter()
    report = MaintenanceReport()
    with store.engine.connect() as connection:
        if store.dialect == "sqlite":
            _sqlite(connection, report, full=full)
        elif store.dialect == "postgresql":
            _postgresql(connection, report, set() if refused is None else refused)
    report.seconds = time.perf_counter() - started
    if report.analyzed:
        log.info("statistics refreshed for %s in %.2f s", ", ".join(report.analyzed),
                 report.seconds)
    return report


# --- SQLite ------------------------------------------------------------------------------------


def _sqlite(connection: Connection, report: MaintenanceReport, *, full: bool) -> None:
    connection.exec_driver_sql(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
    # Sampled statistics estimate row counts (off by 2x and more), so "has the table grown"
    # cannot be told from them: the periodic run simply samples every table again.
    tables = _sqlite_indexed_tables(connection) if full else _sqlite_unanalysed(connection)
    for table in tables:
        connection.exec_driver_sql(f'ANALYZE "{table}"')
        report.analyzed.append(table)
    connection.commit()
    # Newer SQLite (3.46+) also looks at tables this connection never queried (0x10000).
    connection.exec_driver_sql("PRAGMA optimize=0x10002")
    connection.commit()
    report.optimized = True


def _sqlite_indexes(connection: Connection) -> dict[str, set[str]]:
    """PosDesk's non-empty tables that have indexes, with their index names."""
    indexes: dict[str, set[str]] = {}
    for name, table in connection.exec_driver_sql(
        "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'"
    ):
        indexes.setdefault(table, set()).add(name)
    ours = {}
    for table in posdesk_tables():
        if not indexes.get(table):
            continue  # nothing for the planner to choose between
        if connection.exec_driver_sql(f'SELECT 1 FROM "{table}" LIMIT 1').first() is None:
            continue  # empty: ANALYZE would record nothing
        ours[table] = indexes[table]
    return ours


def _sqlite_indexed_tables(connection: Connection) -> list[str]:
    return list(_sqlite_indexes(connection))


def _sqlite_unanalysed(connection: Connection) -> list[str]:
    """Tables with an index that has no statistics (a new store, a new index)."""
    has_stats = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
    ).scalar()
    known: set[str] = set()
    if has_stats:
        known = {
            idx for (idx,) in connection.exec_driver_sql("SELECT idx FROM sqlite_stat1") if idx
        }
    # A partial index over no rows yet (payments with a capture in flight) gets no
    # statistics however often ANALYZE runs: waiting for it would analyse on every run.
    partial = {
        name for (name,) in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'")
    }
    return [
        table for table, names in _sqlite_indexes(connection).items()
        if not names - partial <= known
    ]


def _optimize_on_close(dbapi_connection: Any, _record: Any) -> None:
    """SQLite's advice: `PRAGMA optimize` as each connection closes (it knows the queries
    that connection ran). Bounded by analysis_limit; never fails the close."""
    try:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
            cursor.execute("PRAGMA optimize")
        finally:
            cursor.close()
    except Exception:  # locked by another terminal, read-only file: next time
        log.debug("PRAGMA optimize on close skipped", exc_info=True)


# --- PostgreSQL --------------------------------------------------------------------------------


def _postgresql(connection: Connection, report: MaintenanceReport, refused: set[str]) -> None:
    """`refused`: tables whose ANALYZE failed (not the owner), skipped; failures are added."""
    rows = connection.execute(
        text(
            "SELECT relname, n_live_tup, n_mod_since_analyze, "
            "coalesce(last_analyze, last_autoanalyze) IS NULL AS never "
            "FROM pg_stat_user_tables WHERE schemaname = current_schema()"
        )
    ).all()
    connection.commit()
    ours = set(posdesk_tables())
    for name, live, modified, never in rows:
        if name not in ours or name in refused:
            continue
        if never or modified > max(PG_STALE_MIN_ROWS, PG_STALE_SHARE * live):
            try:
                connection.exec_driver_sql(f'ANALYZE "{name}"')
                connection.commit()
            except Exception:  # not the owner, a lock: the autovacuum daemon is still there
                connection.rollback()
                log.warning("could not ANALYZE %s", name, exc_info=True)
                refused.add(name)
                continue
            report.analyzed.append(name)


# --- while bulk writes grow the tables --------------------------------------------------------

GROWTH_CHECK_S = 10.0


class GrowthWatch:
    """Keeps PostgreSQL's statistics in step with tables a bulk write is growing: `wrote()`
    after each batch refreshes what is stale, at most every GROWTH_CHECK_S. Nothing on
    SQLite, whose lookups by key never depend on its statistics. Runs on the writer's own
    thread (never the GUI's)."""

    def __init__(self, store: Store, *, every_s: float = GROWTH_CHECK_S) -> None:
        self.store = store
        self.every_s = every_s
        self._due = time.monotonic() + every_s
        self._refused: set[str] = set()  # not ours to ANALYZE: not tried again, not logged
        self._lock = threading.Lock()

    def wrote(self) -> MaintenanceReport | None:
        if self.store.dialect != "postgresql":
            return None
        with self._lock:
            now = time.monotonic()
            if now < self._due:
                return None
            self._due = now + self.every_s
        try:
            return run_maintenance(self.store, refused=self._refused)
        except Exception:  # a busy server: the autovacuum daemon, or the next batch, will
            log.debug("refreshing statistics after a bulk write failed", exc_info=True)
            return None


# --- the schedule -------------------------------------------------------------------------------


def holds_sync_lease(store: Store, terminal_id: str) -> bool:
    """Whether `terminal_id` holds the store's live sync lease."""
    with store.engine.connect() as connection:
        row = connection.execute(
            text("SELECT holder, expires_at FROM leases WHERE name = :name"),
            {"name": SYNC_LEASE},
        ).first()
    if row is None or row[0] != terminal_id:
        return False
    expires = row[1]
    if isinstance(expires, str):  # SQLite hands text back on a plain text() query
        expires = datetime.fromisoformat(expires)
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=UTC)
    return bool(expires > datetime.now(UTC))


class MaintenanceSchedule:
    """Runs `run_maintenance` on a thread of its own: once FIRST_RUN_DELAY_S after start,
    then every `interval_s`, while `may_run()` says so; ends when the store closes."""

    def __init__(
        self,
        store: Store,
        may_run: Callable[[], bool],
        *,
        interval_s: float = INTERVAL_S,
        first_delay_s: float = FIRST_RUN_DELAY_S,
    ) -> None:
        self.store = store
        self.may_run = may_run
        self.interval_s = interval_s
        self.first_delay_s = first_delay_s
        self.runs = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> MaintenanceSchedule:
        engine: Engine = self.store.engine
        event.listen(engine, "engine_disposed", self._disposed)
        if self.store.dialect == "sqlite":
            event.listen(engine.pool, "close", _optimize_on_close)
        self._thread = threading.Thread(
            target=self._run, name="posdesk-maintenance", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(5)

    def _disposed(self, _engine: Engine) -> None:
        self._stop.set()  # no join: dispose may run on the GUI thread

    def _run(self) -> None:
        wait = self.first_delay_s
        while not self._stop.wait(wait):
            wait = self.interval_s
            try:
                if self.may_run():
                    # First what has no statistics at all, then everything now and then.
                    run_maintenance(self.store, full=self.runs > 0)
                    self.runs += 1
            except Exception:  # a busy or unreachable database: the next round tries again
                log.warning("refreshing planner statistics failed", exc_info=True)


def start_maintenance(store: Store, terminal_id: str) -> MaintenanceSchedule:
    """The schedule for a terminal's store: on SQLite every terminal (its own connections,
    cheap); on PostgreSQL only while `terminal_id` holds the sync lease."""
    if store.dialect == "sqlite":
        return MaintenanceSchedule(store, lambda: True).start()
    return MaintenanceSchedule(store, lambda: holds_sync_lease(store, terminal_id)).start()
