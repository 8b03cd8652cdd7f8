"""Customer type-ahead benchmark: CustomerRepository.search against the SQL engine's floor.

Seeds realistic customers into a throw-away store (a temporary SQLite file, or a temporary
schema of the PostgreSQL database given with --database-url), replays keystroke queries
(prefixes of names, emails and phone numbers typed one character at a time) and prints
p50 / p95 / max of ``CustomerRepository.search`` beside the time the raw DBAPI connection
needs for exactly the same SQL statements (captured while search ran; no ORM, no SQLAlchemy)
— the floor — and the ratio between the two.

Several sizes in one run (``--customers 100000 1000000``) also print how p95 grows with the
number of customers: the exponent e of p95 ~ customers^e between the smallest and largest.
Customers are seeded through a bulk path (executemany in big transactions on SQLite, COPY
with the secondary indexes built afterwards on PostgreSQL) from the rows the repository
itself would write (``customer_row`` / ``search_term_rows`` / ``search_text_row``).

Then ``CustomerRepository.upsert_many`` is timed for ``--upsert`` customers (new, again
unchanged, again with half of them changed) beside the bulk path writing the same rows.

    python bench/customer_search.py                      # SQLite, 100,000 customers
    python bench/customer_search.py --customers 100000 1000000
    python bench/customer_search.py --database-url postgresql+psycopg://postgres@127.0.0.1/test

With ``--keep`` the seeded stores are kept (a schema ``bench_keep_<customers>_<seed>``, or a
SQLite file under the temporary folder) and a later run with ``--keep`` times them again
without seeding: the growth exponent is noisy while other work runs, so compare it over
several runs. Drop them with ``--drop-kept``.
"""

from __future__ import annotations

import argparse
import math
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bench_stores import fresh_store_opener, schema_url
from sqlalchemy import create_engine, event, text

from posdesk.store.customers import (
    CustomerData,
    CustomerRepository,
    customer_row,
    search_entries,
    search_term_rows,
    search_text_row,
)
from posdesk.store.database import Store, open_store
from posdesk.store.models import CustomerRecord, CustomerSearchTerm, CustomerSearchText, utcnow
from posdesk.store.schema_objects import SEARCH_FTS_TABLE

FIRST = [
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "John",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Chris",
    "Nancy",
    "Daniel",
    "Lisa",
    "Matthew",
    "Betty",
    "Anthony",
    "Margaret",
    "Mark",
    "Sandra",
    "Donald",
    "Ashley",
    "Steven",
    "Kimberly",
    "Paul",
    "Emily",
    "Andrew",
    "Donna",
    "Joshua",
    "Michelle",
    "Kenneth",
    "Carol",
    "Kevin",
    "Amanda",
    "Brian",
    "Melissa",
    "George",
    "Deborah",
    "Timothy",
    "Stephanie",
    "José",
    "María",
    "Zoë",
    "Chloé",
    "Renée",
    "André",
    "Søren",
    "Åsa",
    "Jürgen",
    "Björn",
    "François",
    "Hélène",
    "Ana",
    "Luis",
    "Mei",
    "Wei",
    "Yuki",
    "Hiroshi",
    "Priya",
    "Arjun",
    "Fatima",
    "Omar",
    "Aisha",
    "Ivan",
    "Olga",
    "Piotr",
    "Agnieszka",
    "Lars",
    "Ingrid",
]
LAST = [
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Torres",
    "Nguyen",
    "Hill",
    "Flores",
    "Green",
    "Adams",
    "Nelson",
    "Baker",
    "Hall",
    "Rivera",
    "Campbell",
    "Mitchell",
    "Carter",
    "Roberts",
    "Müller",
    "Schäfer",
    "Núñez",
    "Peña",
    "Ødegaard",
    "Lindqvist",
    "Dubois",
    "Lefèvre",
    "Kowalski",
    "Nowak",
    "Ivanov",
    "Tanaka",
    "Suzuki",
    "Wang",
    "Li",
    "Zhang",
    "Chen",
    "Patel",
    "Sharma",
    "Khan",
    "Ali",
    "Hansen",
    "Johansson",
    "O'Brien",
    "McCarthy",
]
DOMAINS = [
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "example.com",
    "shop.de",
    "mail.fr",
    "icloud.com",
    "web.de",
]


def realistic_customers(count: int, rng: random.Random) -> Iterator[CustomerData]:
    for i in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        middle = f" {rng.choice(FIRST)}" if rng.random() < 0.15 else ""
        name = f"{first}{middle} {last}"
        local = f"{first}.{last}".lower().replace("'", "")
        email = f"{local}{rng.randrange(1000) if rng.random() < 0.6 else ''}@{rng.choice(DOMAINS)}"
        phone = (
            f"+{rng.choice(['1', '44', '49', '33', '34'])} "
            f"{rng.randrange(100, 999)} {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"
            if rng.random() < 0.7
            else None
        )
        yield CustomerData(
            id=f"cus_{secrets.token_hex(7)}",
            name=name if rng.random() < 0.97 else None,
            email=email if rng.random() < 0.9 else None,
            phone=phone,
            created=1_700_000_000 + i,
        )


def keystroke_queries(customers: list[CustomerData], target: int, rng: random.Random) -> list[str]:
    """What cashiers type: a field of a real customer, one more character per keystroke."""
    queries: list[str] = []
    while len(queries) < target:
        customer = rng.choice(customers)
        roll = rng.random()
        if roll < 0.55 and customer.name:
            field = customer.name if rng.random() < 0.7 else customer.name.split()[-1]
        elif roll < 0.85 and customer.email:
            field = customer.email
        elif customer.phone:
            field = customer.phone.split(" ", 1)[1]  # typed without the country code
        else:
            continue
        for length in range(1, min(len(field), rng.randint(3, 9)) + 1):
            queries.append(field[:length])
    return queries[:target]


class StatementRecorder:
    """Captures the statements (as the driver receives them) that one search executes."""

    def __init__(self) -> None:
        self.active = False
        self.statements: list[tuple[str, Any]] = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        if self.active:
            self.statements.append((statement, parameters))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


# -- bulk seeding ----------------------------------------------------------------------------

_TABLES = (CustomerRecord, CustomerSearchTerm, CustomerSearchText)
_CHUNK = 50_000  # customers per generated chunk; one transaction per table and size


def bulk_rows(
    customers: list[CustomerData],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows CustomerRepository.upsert_many would write for new customers."""
    now = utcnow()
    rows: list[dict[str, Any]] = []
    terms: list[dict[str, Any]] = []
    texts: list[dict[str, Any]] = []
    for c in customers:
        entries = search_entries(c.id, c.name, c.email, c.phone)
        rows.append(customer_row(c, entries, now))
        if not c.deleted:
            terms.extend(search_term_rows(c.id, entries))
            texts.append(search_text_row(c.id, entries))
    return rows, terms, texts


def bulk_seed(store: Store, customers: list[CustomerData]) -> None:
    """Write customers with their search rows in big transactions (a million in minutes)."""
    if store.dialect == "postgresql":
        _bulk_seed_postgresql(store, customers)
        return
    # Without the secondary indexes and the FTS triggers, then those rebuilt in one pass
    # each (as .dump restores do); the data is the same as row-by-row writes leave.
    tables = [t.__tablename__ for t in _TABLES]  # type: ignore[attr-defined]
    marks = ", ".join("?" * len(tables))
    with store.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA cache_size=-1000000")  # ~1 GB while seeding
        extras = conn.exec_driver_sql(
            f"SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
            f"AND sql IS NOT NULL AND tbl_name IN ({marks})",
            tuple(tables),
        ).all()
        for kind, name, _ in extras:
            conn.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
        for start in range(0, len(customers), _CHUNK):
            rows, terms, texts = bulk_rows(customers[start : start + _CHUNK])
            conn.execute(CustomerRecord.__table__.insert(), rows)  # type: ignore[attr-defined]
            # The search rows are plain text (and one flag): straight to the driver.
            for table, values in ((CustomerSearchTerm, terms), (CustomerSearchText, texts)):
                if values:
                    columns = list(values[0])
                    conn.exec_driver_sql(
                        f"INSERT INTO {table.__tablename__} ({', '.join(columns)}) "
                        f"VALUES ({', '.join('?' * len(columns))})",
                        [tuple(row[c] for c in columns) for row in values],
                    )
        for _, _, sql in extras:
            conn.exec_driver_sql(sql)
        conn.exec_driver_sql(
            f"INSERT INTO {SEARCH_FTS_TABLE}({SEARCH_FTS_TABLE}) VALUES ('rebuild')"
        )
        conn.exec_driver_sql("PRAGMA cache_size=-2000")


def _bulk_seed_postgresql(store: Store, customers: list[CustomerData]) -> None:
    # COPY into the tables without their secondary indexes, then build those (as pg_dump
    # restores do): far faster than maintaining a GIN and three b-trees row by row.
    names = [t.__tablename__ for t in _TABLES]  # type: ignore[attr-defined]
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i "
            "WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s) "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conname = i.indexname AND c.connamespace = i.schemaname::regnamespace)",
            (names,),
        )
        indexes = cur.fetchall()
        for name, _ in indexes:
            cur.execute(f'DROP INDEX "{name}"')
        cur.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for start in range(0, len(customers), _CHUNK):
            chunk = bulk_rows(customers[start : start + _CHUNK])
            for table, values in zip(_TABLES, chunk, strict=True):
                if not values:
                    continue
                columns = list(values[0])
                sql = f"COPY {table.__tablename__} ({', '.join(columns)}) FROM STDIN"  # type: ignore[attr-defined]
                with cur.copy(sql) as copy:
                    for row in values:
                        copy.write_row([row[c] for c in columns])
        for _, definition in indexes:
            cur.execute(definition)
        raw.commit()
        cur.close()
    finally:
        raw.close()


# -- search timing ---------------------------------------------------------------------------


@dataclass
class Figures:
    customers: int
    seed_s: float
    search_ms: list[float]
    floor_ms: list[float]
    statements: float
    hits: int


def analyse(store: Store) -> None:
    # Fresh statistics (and, on PostgreSQL, the visibility map for index-only scans), as
    # the database's own maintenance would provide after a first sync.
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if store.dialect == "postgresql":
            for table in ("customers", "customer_search_terms", "customer_search_text"):
                conn.execute(text(f"VACUUM ANALYZE {table}"))
        else:
            conn.execute(text("ANALYZE"))


def run(store: Store, customers: int, queries: int, seed: int) -> Figures:
    rng = random.Random(seed)
    repo = CustomerRepository(store)
    # The same seed gives the same names, emails and phones (ids are random): a kept store
    # holding them is searched with the same keystrokes.
    seeded = list(realistic_customers(customers, rng))
    seed_s = 0.0
    if repo.count() == customers:
        print(f"backend: {store.dialect}; {customers:,} customers kept from an earlier run")
    else:
        print(f"backend: {store.dialect}; seeding {customers:,} customers ...", flush=True)
        started = time.perf_counter()
        bulk_seed(store, seeded)
        seed_s = time.perf_counter() - started
        print(f"seeded in {seed_s:.1f} s (bulk path); count = {repo.count():,}", flush=True)
    analyse(store)

    typed = keystroke_queries(seeded, queries, rng)
    del seeded
    recorder = StatementRecorder()
    event.listen(store.engine, "before_cursor_execute", recorder)
    for query in typed[:50]:  # warm caches and the connection pool
        repo.search(query)

    # Each search is followed at once by the raw DBAPI connection running exactly the
    # statements it sent: both see the same machine load, so the ratio holds while other
    # work runs (the floor is the same SQL, without ORM, SQLAlchemy or pool).
    orm_ms: list[float] = []
    raw_ms: list[float] = []
    statement_counts: list[int] = []
    hits = 0
    raw = store.engine.raw_connection()
    if store.dialect == "postgresql":
        raw.driver_connection.autocommit = True  # as search() runs: no BEGIN / ROLLBACK
    try:
        cursor = raw.cursor()
        for query in typed:
            recorder.statements = []
            recorder.active = True
            started = time.perf_counter()
            results = repo.search(query)
            orm_ms.append((time.perf_counter() - started) * 1000)
            recorder.active = False
            hits += bool(results)
            statement_counts.append(len(recorder.statements))
            started = time.perf_counter()
            for statement, parameters in recorder.statements:
                cursor.execute(statement, parameters)
                cursor.fetchall()
            raw_ms.append((time.perf_counter() - started) * 1000)
            raw.rollback()
        cursor.close()
    finally:
        if store.dialect == "postgresql":
            raw.driver_connection.autocommit = False
        raw.close()
    event.remove(store.engine, "before_cursor_execute", recorder)

    figures = Figures(customers, seed_s, orm_ms, raw_ms, statistics.mean(statement_counts), hits)
    print(
        f"{len(typed)} keystroke queries ({hits} with results), "
        f"{figures.statements:.1f} SQL statements per query, limit 20"
    )
    print(f"{'':22}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for label, values in (("search()", orm_ms), ("raw SQL floor", raw_ms)):
        print(
            f"{label:22}{percentile(values, 0.5):9.3f}{percentile(values, 0.95):9.3f}"
            f"{max(values):9.3f}"
        )
    print(
        f"{'ratio search/floor':22}"
        f"{percentile(orm_ms, 0.5) / percentile(raw_ms, 0.5):9.2f}"
        f"{percentile(orm_ms, 0.95) / percentile(raw_ms, 0.95):9.2f}"
        f"{max(orm_ms) / max(raw_ms):9.2f}"
    )
    verdict = "OK" if percentile(orm_ms, 0.95) < BUDGET_MS else "OVER BUDGET"
    print(f"p95 budget {BUDGET_MS:g} ms: {verdict}", flush=True)
    return figures


BUDGET_MS = 5.0  # p95 at a million customers
MAX_EXPONENT = 0.2  # p95 ~ customers^e from 100k to 1M
MAX_FLOOR_RATIO = 2.0


def growth_exponent(
    small: Figures, large: Figures, values: Callable[[Figures], list[float]]
) -> float:
    ratio = percentile(values(large), 0.95) / percentile(values(small), 0.95)
    return math.log(ratio) / math.log(large.customers / small.customers)


def summary(results: list[Figures]) -> None:
    print("\nsummary (ms)")
    print(
        f"{'customers':>10}{'seed s':>8}{'p50':>8}{'p95':>8}{'max':>8}"
        f"{'floor50':>9}{'floor95':>9}{'p95/floor95':>12}"
    )
    for f in results:
        p95, floor95 = percentile(f.search_ms, 0.95), percentile(f.floor_ms, 0.95)
        print(
            f"{f.customers:>10,}{f.seed_s:8.1f}{percentile(f.search_ms, 0.5):8.3f}{p95:8.3f}"
            f"{max(f.search_ms):8.3f}{percentile(f.floor_ms, 0.5):9.3f}{floor95:9.3f}"
            f"{p95 / floor95:12.2f}"
        )
    if len(results) >= 2:
        small, large = results[0], results[-1]
        search_e = growth_exponent(small, large, lambda f: f.search_ms)
        floor_e = growth_exponent(small, large, lambda f: f.floor_ms)
        print(
            f"growth exponent of p95 from {small.customers:,} to {large.customers:,}: "
            f"search {search_e:.3f}, floor {floor_e:.3f} "
            f"({'OK' if search_e <= MAX_EXPONENT else 'OVER'} against {MAX_EXPONENT})"
        )


# -- upsert timing ---------------------------------------------------------------------------


def run_upserts(open_fresh: Callable[[], Any], count: int, seed: int) -> None:
    """upsert_many of ``count`` new, unchanged and half-changed customers, beside the bulk
    path writing the same new rows into an empty store of the same schema (the baseline)."""
    rng = random.Random(seed + 1)
    people = list(realistic_customers(count, rng))
    changed = [
        replace(c, name=f"{c.name or ''} Jr", email=None) if i % 2 else c
        for i, c in enumerate(people)
    ]
    timings: list[tuple[str, float]] = []
    with open_fresh() as store:
        started = time.perf_counter()
        bulk_seed(store, people)
        timings.append(("bulk path, new (baseline)", time.perf_counter() - started))
    with open_fresh() as store:
        repo = CustomerRepository(store)
        for label, batch in (
            ("upsert_many, new", people),
            ("upsert_many, unchanged", people),
            ("upsert_many, half changed", changed),
        ):
            started = time.perf_counter()
            repo.upsert_many(batch)
            timings.append((label, time.perf_counter() - started))
        assert repo.count() == count
        assert [c.id for c in repo.search(changed[1].id)] == [changed[1].id]
    print(f"\nupserting {count:,} customers ({store.dialect}):")
    for label, seconds in timings:
        budget = "" if label.startswith("bulk") else ("  OK" if seconds <= 10 else "  OVER 10 s")
        print(f"  {label:28}{seconds:8.2f} s{budget}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, nargs="+", default=[100_000])
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument(
        "--upsert", type=int, default=100_000, help="customers to upsert (0: skip that part)"
    )
    parser.add_argument(
        "--database-url",
        help="PostgreSQL URL; a temporary schema is created in it and dropped afterwards",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the seeded stores and search the ones an earlier --keep run left",
    )
    parser.add_argument(
        "--drop-kept", action="store_true", help="drop the stores --keep left for these sizes"
    )
    args = parser.parse_args(argv)
    if args.drop_kept:
        for customers in args.customers:
            drop_kept(args.database_url, kept_name(customers, args.seed))
        return 0
    open_fresh = fresh_store_opener(args.database_url)
    results = []
    for customers in args.customers:
        opener = (
            kept_store_opener(args.database_url, kept_name(customers, args.seed))
            if args.keep
            else open_fresh
        )
        with opener() as store:
            results.append(run(store, customers, args.queries, args.seed))
    summary(results)
    if args.upsert:
        run_upserts(open_fresh, args.upsert, args.seed)
    return 0


def kept_name(customers: int, seed: int) -> str:
    return f"bench_keep_{customers}_{seed}"


def _kept_sqlite_path(name: str) -> Path:
    return Path(tempfile.gettempdir()) / f"posdesk-{name}" / "posdesk.db"


def kept_store_opener(database_url: str | None, name: str) -> Callable[[], Any]:
    """Opens the store kept under ``name``, made empty the first time."""

    @contextmanager
    def kept_store() -> Iterator[Store]:
        if database_url:
            admin = create_engine(database_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{name}"'))
            admin.dispose()
            url = schema_url(database_url, name)
        else:
            path = _kept_sqlite_path(name)
            path.parent.mkdir(exist_ok=True)
            url = f"sqlite:///{path}"
        print(f"kept store: {url}")
        store = open_store(url)
        try:
            yield store
        finally:
            store.close()

    return kept_store


def drop_kept(database_url: str | None, name: str) -> None:
    if database_url:
        admin = create_engine(database_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()
    else:
        folder = _kept_sqlite_path(name).parent
        for file in folder.glob("*"):
            file.unlink()
        with suppress(FileNotFoundError):
            folder.rmdir()
    print(f"dropped {name}")


if __name__ == "__main__":
    sys.exit(main())
