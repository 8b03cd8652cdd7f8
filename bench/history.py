"""Payment history benchmark: the history service against the SQL engine's floor.

Seeds a throw-away store (a temporary SQLite file, or a temporary schema of the PostgreSQL
database given with --database-url) with --payments payments (default 1,000,000) shaped
like a shop's: 5,000 customers with one or two cards each, 20 staff, 4 terminals, two
currencies, two years, mostly succeeded with declines, cancellations, authorisations and
some refunds. Seeding takes the bulk path (executemany in big transactions on SQLite, COPY
on PostgreSQL) with the payments' secondary indexes and the summary triggers set aside and
rebuilt afterwards, as a restore does; the summary table is then filled by the migration's
own statement.

Then, each timed through HistoryService (what the window calls) beside the floor — the
same SQL statements, captured while the service ran, replayed on the raw DBAPI connection:

- opening the page: first page of the last 30 days plus their totals (goal < 300 ms);
- each filter and the free text: first page (goal < 200 ms);
- totals of 30 days and of the whole period (goal < 200 ms);
- scrolling to row 100,000: each keyset fetch of a page (goal < 100 ms);
- the CSV export of everything: rows per second;
- memory: the growth of the process's peak RSS while the history runs (goal < 100 MB).

    python bench/history.py --payments 50000            # quick
    python bench/history.py                             # 1,000,000 on SQLite
    python bench/history.py --database-url postgresql+psycopg://postgres@127.0.0.1/test
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

sys.path.insert(0, str(Path(__file__).resolve().parent))

from customer_search import (  # noqa: E402  (bench/ is not a package)
    StatementRecorder,
    bulk_seed,
    fresh_store_opener,
    percentile,
    realistic_customers,
)

from posdesk.domain.history import DateRange, HistoryQuery, SortOrder, date_range  # noqa: E402
from posdesk.domain.roles import Role, StaffMember  # noqa: E402
from posdesk.services.history import HistoryService  # noqa: E402
from posdesk.store.database import Store  # noqa: E402
from posdesk.store.history import HistoryKey, history_key  # noqa: E402

MANAGER = StaffMember("bench-manager", "Bench Manager", Role.MANAGER)
TERMINALS = [f"till-{i}" for i in range(1, 5)]
STAFF = [(f"staff-{i:02d}", f"Staff {i:02d}") for i in range(20)]
CUSTOMERS = 5_000
DAYS = 730
PRODUCTS = ["Coffee beans 1kg", "Espresso", "Gift card", "Repair", "Blue scarf", "咖啡豆",
            "绿茶 礼盒", "Teapot", "Mug", "Delivery", "Gift wrap", None, None]
STATES = (("succeeded", 0.88), ("declined", 0.06), ("canceled", 0.02),
          ("requires_capture", 0.01), ("failed", 0.01), ("authentication_required", 0.02))
CHUNK = 50_000
PAGE = 50
COLUMNS = ("id", "idempotency_key", "intent_id", "customer_id", "payment_method_id", "amount",
           "currency", "description", "state", "stripe_status", "staff_id", "staff_name",
           "amount_received", "amount_refunded", "livemode", "terminal_id", "created_at",
           "updated_at")


# -- seeding -------------------------------------------------------------------------------------


def _cards(customer_ids: list[str], rng: random.Random) -> list[dict[str, Any]]:
    cards = []
    for cid in customer_ids:
        for _ in range(1 if rng.random() < 0.6 else 2):
            cards.append({"id": f"pm_{uuid.UUID(int=rng.getrandbits(128)).hex[:24]}",
                          "customer_id": cid, "type": "card",
                          "brand": rng.choice(["visa", "mastercard", "amex"]),
                          "last4": f"{rng.randrange(10_000):04d}", "exp_month": 12,
                          "exp_year": 2030, "created": 0, "synced_at": datetime.now(UTC)})
    return cards


def _payment_chunks(n: int, cards: list[dict[str, Any]], now: datetime,
                    rng: random.Random) -> Iterator[list[tuple[Any, ...]]]:
    states = [s for s, _ in STATES]
    weights = [w for _, w in STATES]
    start = now - timedelta(days=DAYS)
    span = DAYS * 86400
    chunk: list[tuple[Any, ...]] = []
    for i in range(n):
        state = rng.choices(states, weights)[0]
        card = rng.choice(cards) if rng.random() < 0.92 else None
        amount = rng.choice([250, 450, 500, 1250, 1999, 4500, 9900]) if rng.random() < 0.6 \
            else rng.randrange(100, 60_000)
        received = amount if state == "succeeded" else 0
        refunded = 0
        if received and rng.random() < 0.05:
            refunded = received if rng.random() < 0.5 else received // 3
        staff_id, staff_name = STAFF[rng.randrange(len(STAFF))]
        # Evenly over the period (i-th of n), with jitter: rows arrive roughly in time order.
        at = start + timedelta(seconds=span * i / n + rng.random() * 60)
        chunk.append((
            str(uuid.UUID(int=rng.getrandbits(128))), f"bench-{i}", f"pi_bench_{i:08d}",
            card["customer_id"] if card else None, card["id"] if card else None, amount,
            "USD" if rng.random() < 0.8 else "EUR", rng.choice(PRODUCTS), state,
            state if state in ("succeeded", "canceled", "requires_capture") else None,
            staff_id, staff_name, received, refunded, False,
            TERMINALS[rng.randrange(len(TERMINALS))], at, at,
        ))
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_BACKFILL = {
    "sqlite": "substr(created_at, 1, 10)",
    "postgresql": "(created_at AT TIME ZONE 'UTC')::date",
}


def _refill_totals(conn: Any, dialect: str) -> None:
    """What migration 0013 does for payments already there."""
    day = _BACKFILL[dialect]
    conn.exec_driver_sql("DELETE FROM history_totals")
    conn.exec_driver_sql(
        "INSERT INTO history_totals (day, currency, state, terminal_id, payments, received, "
        f"refunded) SELECT {day}, currency, state, coalesce(terminal_id, ''), count(*), "
        "coalesce(sum(amount_received), 0), coalesce(sum(amount_refunded), 0) FROM payments "
        f"GROUP BY {day}, currency, state, coalesce(terminal_id, '')")


def seed(store: Store, n: int, seed_: int) -> tuple[list[str], list[str]]:
    """Customers, cards and `n` payments; returns (customer names, card last fours)."""
    rng = random.Random(seed_)
    customers = list(realistic_customers(CUSTOMERS, rng))
    bulk_seed(store, customers)
    cards = _cards([c.id for c in customers], rng)
    now = datetime.now(UTC)
    if store.dialect == "postgresql":
        _seed_postgresql(store, n, cards, now, rng)
    else:
        _seed_sqlite(store, n, cards, now, rng)
    return [c.name for c in customers if c.name], [c["last4"] for c in cards]


def _seed_sqlite(store: Store, n: int, cards: list[dict[str, Any]], now: datetime,
                 rng: random.Random) -> None:
    with store.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA cache_size=-1000000")
        extras = conn.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
            "AND sql IS NOT NULL AND tbl_name IN ('payments', 'payment_methods')").all()
        for kind, name, _ in extras:
            conn.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
        card_columns = list(cards[0])
        conn.exec_driver_sql(
            f"INSERT INTO payment_methods ({', '.join(card_columns)}) VALUES "
            f"({', '.join('?' * len(card_columns))})",
            [tuple(_sqlite_value(c[k]) for k in card_columns) for c in cards])
        sql = (f"INSERT INTO payments ({', '.join(COLUMNS)}) VALUES "
               f"({', '.join('?' * len(COLUMNS))})")
        for chunk in _payment_chunks(n, cards, now, rng):
            conn.exec_driver_sql(sql, [tuple(_sqlite_value(v) for v in row) for row in chunk])
        for _, _, definition in extras:
            conn.exec_driver_sql(definition)
        _refill_totals(conn, "sqlite")
        conn.exec_driver_sql("PRAGMA cache_size=-2000")


def _sqlite_value(value: Any) -> Any:
    # As the UTCDateTime column stores it on SQLite.
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


def _seed_postgresql(store: Store, n: int, cards: list[dict[str, Any]], now: datetime,
                     rng: random.Random) -> None:
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i "
            "WHERE i.schemaname = current_schema() AND i.tablename IN ('payments', "
            "'payment_methods') AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conname = i.indexname AND c.connamespace = i.schemaname::regnamespace)")
        indexes = cur.fetchall()
        for name, _ in indexes:
            cur.execute(f'DROP INDEX "{name}"')
        cur.execute("ALTER TABLE payments DISABLE TRIGGER payments_keep_history_totals")
        cur.execute("SET LOCAL maintenance_work_mem = '512MB'")
        card_columns = list(cards[0])
        with cur.copy(f"COPY payment_methods ({', '.join(card_columns)}) FROM STDIN") as copy:
            for card in cards:
                copy.write_row([card[k] for k in card_columns])
        with cur.copy(f"COPY payments ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for chunk in _payment_chunks(n, cards, now, rng):
                for row in chunk:
                    copy.write_row(row)
        for _, definition in indexes:
            cur.execute(definition)
        # What migration 0013 does for payments already there (as _refill_totals).
        day = _BACKFILL["postgresql"]
        cur.execute("DELETE FROM history_totals")
        cur.execute(
            "INSERT INTO history_totals (day, currency, state, terminal_id, payments, "
            f"received, refunded) SELECT {day}, currency, state, coalesce(terminal_id, ''), "
            "count(*), coalesce(sum(amount_received), 0), coalesce(sum(amount_refunded), 0) "
            f"FROM payments GROUP BY {day}, currency, state, coalesce(terminal_id, '')")
        cur.execute("ALTER TABLE payments ENABLE TRIGGER payments_keep_history_totals")
        raw.commit()
        cur.close()
    finally:
        raw.close()


def analyse(store: Store) -> None:
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if store.dialect == "postgresql":
            for table in ("payments", "payment_methods", "customers", "history_totals",
                          "customer_search_terms", "customer_search_text"):
                conn.execute(text(f"VACUUM ANALYZE {table}"))
        else:
            conn.execute(text("ANALYZE"))


# -- timing ----------------------------------------------------------------------------------------


class Timer:
    """Times a service call, and the floor: its captured statements on the raw connection."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.recorder = StatementRecorder()
        event.listen(store.engine, "before_cursor_execute", self.recorder)

    def call(self, fn: Callable[[], Any]) -> tuple[float, float, Any]:
        self.recorder.statements = []
        self.recorder.active = True
        started = time.perf_counter()
        try:
            result = fn()
        finally:
            self.recorder.active = False
        service_ms = (time.perf_counter() - started) * 1000
        return service_ms, self.floor(self.recorder.statements), result

    def floor(self, statements: list[tuple[str, Any]]) -> float:
        raw = self.store.engine.raw_connection()
        try:
            cur = raw.cursor()
            started = time.perf_counter()
            for sql, parameters in statements:
                cur.execute(sql, parameters)
                cur.fetchall()
            elapsed = (time.perf_counter() - started) * 1000
            cur.close()
            raw.rollback()
        finally:
            raw.close()
        return elapsed


def _best(timer: Timer, fn: Callable[[], Any], repeat: int = 5) -> tuple[float, float, Any]:
    """Median of `repeat` runs after one warm-up (a window opened twice reads warm caches;
    the first figure of a cold process is printed apart)."""
    timer.call(fn)
    runs = [timer.call(fn) for _ in range(repeat)]
    service = statistics.median(r[0] for r in runs)
    floor = statistics.median(r[1] for r in runs)
    return service, floor, runs[-1][2]


def line(name: str, service: float, floor: float, goal: float | None) -> None:
    verdict = "" if goal is None else ("  ok" if service < goal else f"  MISSES {goal:.0f} ms")
    ratio = service / floor if floor > 0 else float("inf")
    print(f"  {name:<44} {service:8.1f} ms   floor {floor:7.1f} ms   x{ratio:4.1f}{verdict}",
          flush=True)


def _rss_kb(field: str) -> int:
    for row in Path("/proc/self/status").read_text().splitlines():
        if row.startswith(field + ":"):
            return int(row.split()[1])
    return 0


def _trim() -> None:
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def run(store: Store, n: int, seed_: int) -> None:
    print(f"backend: {store.dialect}; seeding {n:,} payments, {CUSTOMERS:,} customers ...",
          flush=True)
    started = time.perf_counter()
    names, last4s = seed(store, n, seed_)
    print(f"seeded in {time.perf_counter() - started:.1f} s (bulk path)", flush=True)
    started = time.perf_counter()
    analyse(store)
    print(f"statistics in {time.perf_counter() - started:.1f} s", flush=True)
    rng = random.Random(seed_ + 1)
    # Let go of the seeding connection (its 1 GB page cache) and give the memory back, so
    # the peak below is what the history itself needs.
    store.engine.dispose()
    gc.collect()
    _trim()
    rss_before = _rss_kb("VmRSS")
    peak_reset = _reset_peak()

    history = HistoryService(store, TERMINALS[0])
    timer = Timer(store)
    now = datetime.now(UTC)
    start30, end30 = date_range(DateRange.LAST_30_DAYS, now)
    month = HistoryQuery(start=start30, end=end30)

    print("\nopening the page (first page of the last 30 days, and their totals):")
    cold = timer.call(lambda: (history.page(MANAGER, month, None, PAGE),
                               history.totals(MANAGER, month)))
    line("cold, first time", cold[0], cold[1], 300)
    service, floor, _ = _best(timer, lambda: (history.page(MANAGER, month, None, PAGE),
                                              history.totals(MANAGER, month)))
    line("warm", service, floor, 300)

    print("\neach filter, first page (to first rows):")
    name = rng.choice(names)
    filters: list[tuple[str, HistoryQuery]] = [
        ("everything, newest first", HistoryQuery()),
        ("everything, largest first", HistoryQuery(sort=SortOrder.LARGEST)),
        ("yesterday", HistoryQuery(*date_range(DateRange.YESTERDAY, now))),
        ("this week", HistoryQuery(*date_range(DateRange.THIS_WEEK, now))),
        ("30 days, declined", HistoryQuery(start=start30, end=end30, state="declined")),
        ("authorised (rare state)", HistoryQuery(state="requires_capture")),
        ("one staff member", HistoryQuery(staff_id=STAFF[3][0])),
        ("one terminal, 30 days", HistoryQuery(start=start30, end=end30,
                                               terminal_id=TERMINALS[1])),
        (f"customer '{name.split()[0]}'", HistoryQuery(customer=name.split()[0])),
        (f"customer '{name}'", HistoryQuery(customer=name)),
        ("amount 12.50..12.50", HistoryQuery(amount_min=1250, amount_max=1250)),
        ("amount 400.00..600.00", HistoryQuery(amount_min=40_000, amount_max=60_000)),
        ("card last four", HistoryQuery(last4=rng.choice(last4s))),
        ("text 'coffee'", HistoryQuery(text="coffee")),
        ("text '咖啡'", HistoryQuery(text="咖啡")),
        ("text 'scarf', 30 days", HistoryQuery(start=start30, end=end30, text="scarf")),
        ("text matching nothing", HistoryQuery(text="zzqx")),
        ("combined: staff+till+state+amount", HistoryQuery(
            staff_id=STAFF[5][0], terminal_id=TERMINALS[2], state="succeeded",
            amount_min=1000)),
    ]
    for label, query in filters:
        service, floor, _ = _best(timer, lambda q=query: history.page(MANAGER, q, None, PAGE))
        line(label, service, floor, 200)

    print("\ntotals:")
    for label, query in (
        ("30 days", month), ("whole period", HistoryQuery()),
        ("whole period, one terminal", HistoryQuery(terminal_id=TERMINALS[0])),
        ("whole period, declined", HistoryQuery(state="declined")),
        ("whole period, one staff member (no summary)", HistoryQuery(staff_id=STAFF[7][0])),
        ("30 days, text 'coffee' (no summary)", HistoryQuery(start=start30, end=end30,
                                                             text="coffee")),
    ):
        service, floor, _ = _best(timer, lambda q=query: history.totals(MANAGER, q), 3)
        line(label, service, floor, 200)

    target = min(100_000, n - PAGE)
    print(f"\nscrolling to row {target:,} ({PAGE} rows a fetch):")
    services: list[float] = []
    floors: list[float] = []
    after: HistoryKey | None = None
    loaded = 0
    while loaded < target:
        service, floor, rows = timer.call(
            lambda a=after: history.page(MANAGER, HistoryQuery(), a, PAGE))
        services.append(service)
        floors.append(floor)
        loaded += len(rows)
        after = history_key(rows[-1])
    print(f"  {len(services):,} fetches: p50 {percentile(services, 0.5):.1f} ms, "
          f"p95 {percentile(services, 0.95):.1f} ms, max {max(services):.1f} ms   "
          f"(floor p50 {percentile(floors, 0.5):.1f} ms, p95 {percentile(floors, 0.95):.1f})"
          f"{'  ok' if percentile(services, 0.95) < 100 else '  MISSES 100 ms (p95)'}",
          flush=True)

    print("\nCSV export of everything:")
    event.remove(store.engine, "before_cursor_execute", timer.recorder)
    with tempfile.TemporaryDirectory(prefix="posdesk-bench-export-") as folder:
        path = Path(folder) / "all.csv"
        started = time.perf_counter()
        result = history.export_csv(MANAGER, HistoryQuery(), path)
        seconds = time.perf_counter() - started
        size = path.stat().st_size
    print(f"  {result.rows:,} rows in {seconds:.1f} s: {result.rows / seconds:,.0f} rows/s "
          f"({size / 1e6:.0f} MB)", flush=True)

    gc.collect()
    peak = _rss_kb("VmHWM")
    grown = (peak - rss_before) / 1024
    note = "" if peak_reset else " (peak not reset: includes seeding)"
    print(f"\nmemory: {rss_before / 1024:.0f} MB before the history ran, peak "
          f"{peak / 1024:.0f} MB while it ran: {grown:+.0f} MB{note}"
          f"{'  ok' if grown < 100 else '  MISSES 100 MB'}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--payments", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--database-url",
        help="PostgreSQL URL; a temporary schema is created in it and dropped afterwards",
    )
    args = parser.parse_args(argv)
    with fresh_store_opener(args.database_url)() as store:
        run(store, args.payments, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
