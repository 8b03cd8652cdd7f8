"""Customer type-ahead benchmark: CustomerRepository.search against the SQL engine's floor.

Seeds realistic customers into a throw-away store (a temporary SQLite file, or a temporary
schema of the PostgreSQL database given with --database-url), replays keystroke queries
(prefixes of names, emails and phone numbers typed one character at a time) and prints
p50 / p95 / max of ``CustomerRepository.search`` beside the time the raw DBAPI connection
needs for exactly the same SQL statements (captured while search ran; no ORM, no SQLAlchemy)
— the floor — and the ratio between the two.

    python bench/customer_search.py                      # SQLite, 100,000 customers
    python bench/customer_search.py --database-url postgresql+psycopg://postgres@127.0.0.1/test
"""

from __future__ import annotations

import argparse
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from posdesk.store.customers import CustomerData, CustomerRepository
from posdesk.store.database import Store, default_database_url, open_store

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


def run(store: Store, customers: int, queries: int, seed: int) -> None:
    rng = random.Random(seed)
    repo = CustomerRepository(store)
    print(f"backend: {store.dialect}; seeding {customers:,} customers ...", flush=True)
    seeded = list(realistic_customers(customers, rng))
    started = time.perf_counter()
    repo.upsert_many(seeded)
    print(f"seeded in {time.perf_counter() - started:.1f} s; count = {repo.count():,}")
    # Fresh statistics (and, on PostgreSQL, the visibility map for index-only scans), as
    # the database's own maintenance would provide after a first sync.
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if store.dialect == "postgresql":
            for table in ("customers", "customer_search_terms", "customer_search_text"):
                conn.execute(text(f"VACUUM ANALYZE {table}"))
        else:
            conn.execute(text("ANALYZE"))

    typed = keystroke_queries(seeded, queries, rng)
    recorder = StatementRecorder()
    event.listen(store.engine, "before_cursor_execute", recorder)
    for query in typed[:50]:  # warm caches and the connection pool
        repo.search(query)

    orm_ms: list[float] = []
    captured: list[list[tuple[str, Any]]] = []
    hits = 0
    for query in typed:
        recorder.statements = []
        recorder.active = True
        started = time.perf_counter()
        results = repo.search(query)
        orm_ms.append((time.perf_counter() - started) * 1000)
        recorder.active = False
        captured.append(recorder.statements)
        hits += bool(results)
    event.remove(store.engine, "before_cursor_execute", recorder)

    raw_ms: list[float] = []
    raw = store.engine.raw_connection()
    try:
        cursor = raw.cursor()
        for statements in captured:
            started = time.perf_counter()
            for statement, parameters in statements:
                cursor.execute(statement, parameters)
                cursor.fetchall()
            raw_ms.append((time.perf_counter() - started) * 1000)
            raw.rollback()
        cursor.close()
    finally:
        raw.close()

    statements_per_query = statistics.mean(len(s) for s in captured)
    print(
        f"{len(typed)} keystroke queries ({hits} with results), "
        f"{statements_per_query:.1f} SQL statements per query, limit 20"
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
    verdict = "OK" if percentile(orm_ms, 0.95) < 10 else "OVER BUDGET"
    print(f"p95 budget 10 ms: {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument(
        "--database-url",
        help="PostgreSQL URL; a temporary schema is created in it and dropped afterwards",
    )
    args = parser.parse_args(argv)

    if not args.database_url:
        with tempfile.TemporaryDirectory(prefix="posdesk-bench-") as folder:
            store = open_store(default_database_url(Path(folder)))
            try:
                run(store, args.customers, args.queries, args.seed)
            finally:
                store.close()
        return 0

    schema = "bench_" + secrets.token_hex(4)
    admin = create_engine(args.database_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(args.database_url)
        url = url.set(query={**url.query, "options": f"-csearch_path={schema},public"})
        store = open_store(url.render_as_string(hide_password=False))
        try:
            run(store, args.customers, args.queries, args.seed)
        finally:
            store.close()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
