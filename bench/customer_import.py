"""Customer import benchmark: the first import, and a restart's catch-up, beside their floors.

A sandbox in a child process (its own core and interpreter, as Stripe would be) is seeded
in-process with N customers (default 100,000; written straight into its state, far faster
than N HTTP requests). Then, on a throw-away store (a temporary SQLite file, or a temporary
schema of the PostgreSQL database given with --database-url):

  network floor     every page of the list read through the gateway, nothing stored
  first import      CustomerService.refresh_from_stripe on the empty store
  old restart       what every launch did before: every page read and upserted again
  restart           refresh_from_stripe after a restart, nothing new at Stripe
  restart +100      the same after 100 customers were created at Stripe
  upsert_many       CustomerRepository.upsert_many of N customers alone, into an empty
                    store and again over the same customers (another change speeds it up)

A restart counts as caught up with events when the poller's cursor is recent, as the sync
poller leaves it (services/customers.py explains why the catch-up relies on it).

    python bench/customer_import.py                      # SQLite, 100,000 customers
    python bench/customer_import.py --database-url postgresql+psycopg://postgres@127.0.0.1/test
    python bench/customer_import.py --upsert-only        # the upsert_many rows alone
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from posdesk.gateway.client import StripeGateway
from posdesk.services.customers import CustomerService
from posdesk.store.customers import CustomerData, CustomerRepository
from posdesk.store.database import Store, default_database_url, open_store
from posdesk.store.sync_state import SyncValues

KEY = "sk_test_" + secrets.token_hex(16)
FIRST = ["Ann", "Ben", "Chloé", "Dmitri", "Eve", "Farid", "Grace", "Hiro", "Inés", "Jonas",
         "Kofi", "Lena", "Mateo", "Nora", "Olga", "Pavel", "Quinn", "Rosa", "Sven", "Tala"]
LAST = ["Smith", "García", "Müller", "O'Neil", "Kowalski", "Nguyen", "Rossi", "Dubois",
        "Yamada", "Silva", "Novak", "Jensen", "Costa", "Ivanova", "Brown", "Schmidt"]
# The poller's store names (sync/poller.py CURSOR, CURSOR_CREATED).
POLLER_CURSOR, POLLER_CURSOR_CREATED = "poller.cursor", "poller.cursor_created"


def fields(rng: random.Random, i: int) -> dict[str, Any]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return {
        "name": f"{first} {last}",
        "email": f"{first.lower()}.{last.lower().replace(chr(39), '')}{i}@example.com",
        "phone": f"+44 20 7946 {rng.randrange(10_000):04d}" if rng.random() < 0.7 else None,
    }


# --- the sandbox in a child process -----------------------------------------------------------


def _sandbox_child(conn: Connection, customers: int) -> None:
    from posdesk.sandbox.customers import new_customer
    from posdesk.sandbox.server import SandboxServer

    server = SandboxServer(host="127.0.0.1", port=0)
    server.start()
    rng = random.Random(7)
    state = server.state
    # One customer a second, ending a while ago: distinct `created` values as in a real
    # account that grew over time.
    created = int(time.time()) - customers - 3600
    with state.lock:
        for i in range(customers):
            created += 1
            state.add("customer", new_customer(created, fields(rng, i)))
    conn.send(server.base_url)
    while True:
        command, count = conn.recv()
        if command == "stop":
            break
        with state.lock:  # "add": new customers, as created at Stripe meanwhile
            for i in range(count):
                created += 1
                state.add("customer", new_customer(created, fields(rng, customers + i)))
            customers += count
        conn.send(customers)
    server.stop()
    conn.send("stopped")


@contextmanager
def sandbox_process(customers: int) -> Iterator[tuple[str, Callable[[int], None]]]:
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.get_context("spawn").Process(
        target=_sandbox_child, args=(child, customers), daemon=True
    )
    process.start()
    base_url = parent.recv()

    def add(count: int) -> None:
        parent.send(("add", count))
        parent.recv()

    try:
        yield base_url, add
    finally:
        parent.send(("stop", 0))
        parent.recv()
        process.join(10)


# --- measurements -----------------------------------------------------------------------------


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def read_all_pages(gateway: StripeGateway) -> tuple[int, int]:
    """The network and sandbox floor: every page, nothing stored. (customers, pages)"""
    count = pages = 0
    cursor: str | None = None
    while True:
        page, has_more = gateway.list_customers(starting_after=cursor, limit=100)
        pages += 1
        count += len(page)
        if not has_more or not page:
            return count, pages
        cursor = page[-1].id


def old_refresh(store: Store, gateway: StripeGateway) -> int:
    """What refresh_from_stripe did on every launch before: read and upsert every page."""
    customers = CustomerRepository(store)
    stored = 0
    cursor: str | None = None
    while True:
        page, has_more = gateway.list_customers_page(cursor, 100)
        if page:
            stored += customers.upsert_many(page)
            cursor = page[-1].id
        if not has_more or not page:
            return stored


def poller_caught_up(store: Store) -> None:
    values = SyncValues(store)
    values.set(POLLER_CURSOR, "evt_bench")
    values.set(POLLER_CURSOR_CREATED, str(int(time.time())))


Row = Callable[..., None]


def run(open_fresh: Callable[[], Store], customers: int, upsert_only: bool = False) -> None:
    rows: list[tuple[str, str, str]] = []

    def row(label: str, seconds: float, note: str, baseline: str = "") -> None:
        note += f"   [{baseline}]" if baseline else ""
        rows.append((label, f"{seconds:8.2f} s", note))
        print(f"  {label:<32}{seconds:8.2f} s  {rows[-1][2]}", flush=True)

    if not upsert_only:
        run_imports(open_fresh, customers, row)
    dialect = run_upserts(open_fresh, customers, row)
    print(f"\nsummary ({dialect}, {customers:,} customers)")
    for label, seconds, note in rows:
        print(f"  {label:<32}{seconds}  {note}")


def run_imports(open_fresh: Callable[[], Store], customers: int, row: Row) -> None:
    """The import through the gateway: first import, restarts, beside the network floor."""
    print(f"seeding the sandbox with {customers:,} customers ...", flush=True)
    with sandbox_process(customers) as (base_url, add):
        gateway = StripeGateway(KEY, base_url, timeout=60)
        floor_s, (listed, pages) = timed(lambda: read_all_pages(gateway))
        row("network floor (read, no store)", floor_s, f"{listed:,} customers, {pages} pages")

        store = open_fresh()
        dialect = store.dialect
        print(f"backend: {dialect}", flush=True)
        service = CustomerService(store, gateway)
        first_s, stored = timed(service.refresh_from_stripe)
        row("first import", first_s, f"{stored:,} stored",
            f"floor {floor_s:.2f} s, x{first_s / floor_s:.2f}")

        old_s, old_stored = timed(lambda: old_refresh(store, gateway))
        row("old restart (re-download all)", old_s, f"{old_stored:,} upserted again")

        poller_caught_up(store)
        restart = CustomerService(store, StripeGateway(KEY, base_url, timeout=60))
        idle_s, idle = timed(restart.refresh_from_stripe)
        row("restart, nothing new", idle_s, f"{idle} read", f"old restart {old_s:.2f} s")

        add(100)
        restart = CustomerService(store, StripeGateway(KEY, base_url, timeout=60))
        new_s, new = timed(restart.refresh_from_stripe)
        row("restart, 100 new at Stripe", new_s, f"{new} read", f"old restart {old_s:.2f} s")
        total = CustomerRepository(store).count()
        store.close()

    print(f"cache holds {total:,} customers after the catch-up (expected {customers + 100:,})")


def run_upserts(open_fresh: Callable[[], Store], customers: int, row: Row) -> str:
    """CustomerRepository.upsert_many alone, into an empty store and again; the backend."""
    rng = random.Random(11)
    data = [
        CustomerData(id=f"cus_{secrets.token_hex(12)}", created=1_700_000_000 + i,
                     **fields(rng, i))
        for i in range(customers)
    ]
    store = open_fresh()
    dialect = store.dialect
    print(f"backend: {dialect}", flush=True)
    try:
        repo = CustomerRepository(store)
        # This process's CPU time beside the wall time: on a busy machine the wall time also
        # counts waiting for a core (SQLite works in this process, PostgreSQL in its own).
        for label in ("upsert_many into empty store", "upsert_many, same customers"):
            cpu = time.process_time()
            seconds, _ = timed(lambda: repo.upsert_many(data))
            cpu = time.process_time() - cpu
            row(label, seconds, f"{customers:,} customers, {cpu:.2f} s CPU here",
                "goal <= 10 s")
    finally:
        store.close()
    return dialect


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument(
        "--upsert-only", action="store_true",
        help="only the upsert_many rows (no sandbox, no import through the gateway)",
    )
    parser.add_argument(
        "--database-url",
        help="PostgreSQL URL; temporary schemas are created in it and dropped afterwards",
    )
    args = parser.parse_args(argv)

    if not args.database_url:
        with tempfile.TemporaryDirectory(prefix="posdesk-bench-") as folder:
            made = [0]

            def open_sqlite() -> Store:
                made[0] += 1
                return open_store(default_database_url(Path(folder) / str(made[0])))

            run(open_sqlite, args.customers, args.upsert_only)
        return 0

    admin = create_engine(args.database_url, isolation_level="AUTOCOMMIT")
    schemas: list[str] = []

    def open_pg() -> Store:
        schema = "bench_" + secrets.token_hex(4)
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        schemas.append(schema)
        url = make_url(args.database_url)
        url = url.set(query={**url.query, "options": f"-csearch_path={schema},public"})
        return open_store(url.render_as_string(hide_password=False))

    try:
        run(open_pg, args.customers, args.upsert_only)
    finally:
        with admin.connect() as conn:
            for schema in schemas:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
