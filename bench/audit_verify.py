"""`posdesk audit verify` at scale: the whole chain checked, beside a plain read of it.

Seeds a throw-away store (a temporary SQLite file, or a temporary schema of the PostgreSQL
database given with --database-url) with a chained, authenticated audit trail through a bulk
path (executemany in big transactions on SQLite, COPY on PostgreSQL, the secondary indexes
built afterwards), each entry hashed and MACed exactly as AuditLog.append would. Then times,
interleaved, best of --rounds:

- baseline: the same rows streamed by a plain SELECT in seq order with the raw DBAPI cursor,
  a SHA-256 computed over each row's fields in the same process: reading the rows and
  hashing them, nothing checked;
- verify: services.audit_trail.verify_store, what `posdesk audit verify` runs: every hash,
  link, seq and MAC checked, and the remembered head.

    python bench/audit_verify.py                         # SQLite, 1,000,000 entries
    python bench/audit_verify.py --entries 100000
    python bench/audit_verify.py --database-url postgresql+psycopg://postgres@127.0.0.1/test
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench_stores import fresh_store_opener

from posdesk.services.audit_trail import VerifyStatus, verify_store
from posdesk.store.audit import (
    GENESIS_HASH,
    ChainKeeping,
    HeadMemory,
    canonical_at,
    chain_hash,
    chain_mac,
    new_key,
)
from posdesk.store.database import Store

_CHUNK = 20_000
_COLUMNS = ("at", "staff_id", "staff_name", "action", "target", "outcome", "detail",
            "terminal_id", "seq", "prev_hash", "entry_hash", "key_id", "mac")
ACTIONS = ("charge", "charge", "charge", "card_entry_payment", "create_customer",
           "set_default_card", "detach_card", "settle_charge", "sign_in")
OUTCOMES = ("succeeded", "succeeded", "succeeded", "declined", "denied", "unreachable")


class BenchKeys:
    def __init__(self) -> None:
        self.key_id, self.secret = new_key()

    def key(self, key_id: str) -> bytes | None:
        return self.secret if key_id == self.key_id else None

    def create(self) -> tuple[str, bytes]:
        return self.key_id, self.secret


def chained_rows(count: int, keys: BenchKeys, seed: int) -> Iterator[list[tuple[Any, ...]]]:
    """The entries in chunks, hashed and MACed as AuditLog.append would write them."""
    rng = random.Random(seed)
    staff = [(f"staff-{i}", f"Staff member {i}") for i in range(40)]
    terminals = [f"{i:08d}-0000-4000-8000-000000000000" for i in range(6)]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    prev = GENESIS_HASH
    chunk: list[tuple[Any, ...]] = []
    for seq in range(1, count + 1):
        at = canonical_at(start + timedelta(seconds=seq * 30, microseconds=rng.randrange(10**6)))
        staff_id, staff_name = rng.choice(staff)
        terminal = rng.choice(terminals)
        action, outcome = rng.choice(ACTIONS), rng.choice(OUTCOMES)
        target = f"pi_{rng.getrandbits(64):016x}"
        detail = json.dumps({"amount": rng.randrange(100, 50_000), "currency": "USD"},
                            sort_keys=True)
        digest = chain_hash(seq, at, staff_id, staff_name, terminal, action, target, outcome,
                            detail, prev, keys.key_id)
        chunk.append((at, staff_id, staff_name, action, target, outcome, detail, terminal,
                      seq, prev, digest, keys.key_id, chain_mac(keys.secret, digest)))
        prev = digest
        if len(chunk) == _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def bulk_seed(store: Store, count: int, keys: BenchKeys, seed: int) -> None:
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        postgres = store.dialect == "postgresql"
        if postgres:
            cur.execute("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = "
                        "current_schema() AND tablename = 'audit_log' AND indexname <> "
                        "'audit_log_pkey'")
        else:
            cur.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                        "tbl_name = 'audit_log' AND sql IS NOT NULL")
        indexes = cur.fetchall()
        for name, _ in indexes:
            cur.execute(f'DROP INDEX "{name}"')
        if postgres:
            cur.execute("SET LOCAL maintenance_work_mem = '512MB'")
            for chunk in chained_rows(count, keys, seed):
                with cur.copy(f"COPY audit_log ({', '.join(_COLUMNS)}) FROM STDIN") as copy:
                    for row in chunk:
                        # `at` is the chain's UTC text: PostgreSQL reads it as UTC.
                        copy.write_row((row[0] + "+00", *row[1:]))
        else:
            cur.execute("PRAGMA cache_size=-1000000")
            sql = (f"INSERT INTO audit_log ({', '.join(_COLUMNS)}) "
                   f"VALUES ({', '.join('?' * len(_COLUMNS))})")
            for chunk in chained_rows(count, keys, seed):
                cur.executemany(sql, chunk)
        for _, definition in indexes:
            cur.execute(definition)
        raw.commit()
        cur.execute("ANALYZE audit_log")
        raw.commit()
        cur.close()
    finally:
        raw.close()


def baseline(store: Store) -> tuple[float, int]:
    """Stream every row in seq order (raw cursor) and SHA-256 its fields: the floor."""
    postgres = store.dialect == "postgresql"
    at = "to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')" if postgres else "at"
    sql = (f"SELECT id, seq, {at}, staff_id, staff_name, terminal_id, action, target, outcome, "
           "detail, prev_hash, entry_hash, key_id, mac FROM audit_log ORDER BY seq")
    raw = store.engine.raw_connection()
    started = time.perf_counter()
    rows = 0
    try:
        cur = raw.cursor(name="bench_baseline") if postgres else raw.cursor()
        if postgres:
            cur.itersize = 5000
        cur.execute(sql)
        sha256 = hashlib.sha256
        while batch := cur.fetchmany(5000):
            for row in batch:
                sha256("\x1f".join(map(str, row)).encode()).digest()
            rows += len(batch)
        cur.close()
        raw.commit()
    finally:
        raw.close()
    return time.perf_counter() - started, rows


def run(store: Store, count: int, rounds: int, seed: int) -> tuple[float, float]:
    keys = BenchKeys()
    print(f"backend: {store.dialect}; seeding {count:,} chained entries ...", flush=True)
    started = time.perf_counter()
    bulk_seed(store, count, keys, seed)
    print(f"seeded in {time.perf_counter() - started:.1f} s (bulk path)", flush=True)
    with tempfile.TemporaryDirectory(prefix="posdesk-bench-heads-") as folder:
        keeping = ChainKeeping(keys, HeadMemory(Path(folder)))
        base_s: list[float] = []
        verify_s: list[float] = []
        for _ in range(rounds):
            seconds, rows = baseline(store)
            assert rows == count, rows
            base_s.append(seconds)
            started = time.perf_counter()
            result = verify_store(store, keeping, terminal_names={})
            verify_s.append(time.perf_counter() - started)
            assert result.status is VerifyStatus.INTACT, result.summary
            assert result.entries == count
    best_base, best_verify = min(base_s), min(verify_s)
    print(f"\n{count:,} entries, {store.dialect}, best of {rounds}:")
    print(f"  {'baseline (SELECT + sha256)':30}{best_base:8.2f} s"
          f"{count / best_base:14,.0f} rows/s")
    print(f"  {'audit verify':30}{best_verify:8.2f} s"
          f"{count / best_verify:14,.0f} rows/s")
    print(f"  ratio verify / baseline: {best_verify / best_base:.2f}", flush=True)
    return best_base, best_verify


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument(
        "--database-url",
        help="PostgreSQL URL; a temporary schema is created in it and dropped afterwards",
    )
    args = parser.parse_args(argv)
    with fresh_store_opener(args.database_url)() as store:
        run(store, args.entries, args.rounds, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
