"""Several terminals charging saved cards on one PostgreSQL store, with tills killed at
random: throughput, latency and, above all, that no money moved twice and no sale was lost.

N terminals (real processes, N = 2, 4, 8) charge random saved cards against the built-in
sandbox for a while; every few seconds one is SIGKILLed mid-flow and started again with the
same terminal id (it settles what its earlier run left). At the end a fresh terminal waits
for every claim to lapse, settles the rest, and the store is compared with Stripe's view:

- double charges: a local payment with more than one intent at Stripe (must be 0);
- lost records: an intent at Stripe that no local payment carries (must be 0);
- unsettled: payments still open after the final settling (must be 0).

While they run, a change feed in this process (another terminal's screens) measures how
long each payment change takes from its commit to its delivery (LISTEN/NOTIFY).

Printed beside a baseline measured in the same run: one process calling the gateway
directly (no store, no claims), the floor the terminals' per-charge latency is compared to.

    python bench/terminals.py [--database-url URL] [--seconds 20] [--terminals 2 4 8]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from posdesk.domain.changes import Change, ChangeKind
from posdesk.gateway.client import StripeGateway
from posdesk.ledger.payments import METADATA_PAYMENT_ID
from posdesk.sandbox.server import SandboxServer
from posdesk.services.charges import ChargeService
from posdesk.store.database import open_store
from posdesk.store.payments import PaymentRepository
from posdesk.store.this_terminal import CLAIM_TTL, Terminal
from posdesk.sync.feed import ChangeFeed

WORKER = Path(__file__).with_name("terminal_worker.py")
ROOT = Path(__file__).resolve().parents[1]
KEY = "sk_test_" + secrets.token_hex(12)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def seed(sandbox: SandboxServer, count: int) -> list[tuple[str, str]]:
    session = requests.Session()
    session.auth = (KEY, "")
    out = []
    for i in range(count):
        customer = session.post(f"{sandbox.base_url}/v1/customers",
                                data={"name": f"Bench {i}"}).json()["id"]
        card = session.post(f"{sandbox.base_url}/v1/payment_methods/pm_card_visa/attach",
                            data={"customer": customer}).json()["id"]
        out.append((customer, card))
    return out


def baseline(
    sandbox: SandboxServer, customers: list[tuple[str, str]], seconds: float
) -> list[float]:
    gateway = StripeGateway(KEY, sandbox.base_url)
    times: list[float] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        customer, card = random.choice(customers)
        started = time.perf_counter()
        gateway.charge_saved_card(amount=1250, currency="usd", customer_id=customer,
                                  payment_method_id=card, description="baseline",
                                  metadata={}, idempotency_key=str(uuid.uuid4()))
        times.append((time.perf_counter() - started) * 1000)
    return times


class Till:
    def __init__(self, url: str, api: str, customers: list[tuple[str, str]], seconds: float):
        self.id = str(uuid.uuid4())
        self.args = [sys.executable, str(WORKER), url, api, self.id, json.dumps(customers)]
        self.seconds = seconds
        self.latencies: list[float] = []
        self.states: Counter[str] = Counter()
        self.kills = 0
        self.process: subprocess.Popen[str] | None = None
        self._reader: threading.Thread | None = None

    def start(self, seconds: float) -> None:
        env = {**os.environ, "POSDESK_BENCH_SECRET_KEY": KEY}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), str(ROOT),
                                                          env.get("PYTHONPATH")]))
        self.process = subprocess.Popen([*self.args, str(max(seconds, 0.5))], env=env,
                                        stdout=subprocess.PIPE, text=True)
        self._reader = threading.Thread(target=self._read, args=(self.process,), daemon=True)
        self._reader.start()

    def _read(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            entry = json.loads(line)
            self.latencies.append(entry["ms"])
            self.states[entry["state"]] += 1

    def kill_and_restart(self, remaining: float) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
            self.kills += 1
        self.start(remaining)

    def wait(self) -> None:
        if self.process is not None:
            self.process.wait()
        if self._reader is not None:
            self._reader.join()


def watch_feed(url: str) -> tuple[ChangeFeed, Any, list[float]]:
    """Another terminal's change feed: commit-to-delivery latency of every payment change."""
    store = open_store(url)
    feed = ChangeFeed(store)
    latencies: list[float] = []

    def delivered(changes: list[Change]) -> None:
        now = datetime.now(UTC)
        for change in changes:
            if change.kind is ChangeKind.PAYMENT and change.at is not None:
                at = change.at if change.at.tzinfo else change.at.replace(tzinfo=UTC)
                latencies.append((now - at).total_seconds() * 1000)

    feed.subscribe(delivered)
    feed.start()
    feed.ready.wait(10)
    return feed, store, latencies


def run(url: str, sandbox: SandboxServer, customers: list[tuple[str, str]], n: int,
        seconds: float) -> dict[str, Any]:
    tills = [Till(url, sandbox.base_url, customers, seconds) for _ in range(n)]
    feed, feed_store, feed_ms = watch_feed(url)
    since = int(time.time())  # the sandbox is shared by the runs: judge this run's intents
    started = time.monotonic()
    for till in tills:
        till.start(seconds)
    while seconds - (time.monotonic() - started) > 1.5:
        time.sleep(random.uniform(1.0, 2.5))
        random.choice(tills).kill_and_restart(seconds - (time.monotonic() - started))
    for till in tills:
        till.wait()
    elapsed = time.monotonic() - started
    feed.stop()
    feed_store.close()
    return {"tills": tills, "elapsed": elapsed, "feed_ms": feed_ms,
            **verify(url, sandbox, since)}


def verify(url: str, sandbox: SandboxServer, since: int) -> dict[str, int]:
    store = open_store(url)
    try:
        closer = ChargeService(store, StripeGateway(KEY, sandbox.base_url),
                               terminal=Terminal(str(uuid.uuid4()), "closer", "bench"))
        time.sleep(CLAIM_TTL.total_seconds() + 1)  # every dead till's claim lapses
        for _ in range(5):
            if not closer.settle_unconfirmed():
                break
        records = PaymentRepository(store).list_recent(1_000_000)
        unsettled = sum(1 for r in records if r.state in ("pending", "unconfirmed", "waiting"))
    finally:
        store.close()
    intents_by_payment: Counter[str] = Counter()
    strays = 0
    session = requests.Session()
    session.auth = (KEY, "")
    params: dict[str, Any] = {"limit": 100, "created[gte]": since}
    while True:
        page = session.get(f"{sandbox.base_url}/v1/payment_intents", params=params).json()
        for intent in page["data"]:
            local = (intent.get("metadata") or {}).get(METADATA_PAYMENT_ID)
            if local:
                intents_by_payment[local] += 1
            elif intent.get("description") != "baseline":
                strays += 1
        if not page["has_more"]:
            break
        params["starting_after"] = page["data"][-1]["id"]
    local_ids = {r.id for r in records}
    return {
        "payments": len(records),
        "double_charges": sum(1 for c in intents_by_payment.values() if c > 1),
        "lost_records": strays + sum(1 for pid in intents_by_payment if pid not in local_ids),
        "unsettled": unsettled,
    }


def schema_url(base: str) -> tuple[str, Any, str]:
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    schema = "bench_" + secrets.token_hex(4)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base)
    url = url.set(query={**url.query, "options": f"-csearch_path={schema},public"})
    return url.render_as_string(hide_password=False), admin, schema


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url",
                        default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--terminals", type=int, nargs="+", default=[2, 4, 8])
    parser.add_argument("--customers", type=int, default=50)
    args = parser.parse_args(argv)
    sandbox = SandboxServer(host="127.0.0.1", port=0).start()
    try:
        customers = seed(sandbox, args.customers)
        floor = baseline(sandbox, customers, 5.0)
        print(f"baseline: one process, gateway only: {len(floor) / 5.0:.1f} charges/s, "
              f"p50 {statistics.median(floor):.1f} ms, p95 {percentile(floor, 0.95):.1f} ms")
        print(f"{'N':>3} {'charges/s':>10} {'p50 ms':>8} {'p95 ms':>8} {'p95/floor':>9} "
              f"{'kills':>5} {'payments':>8} {'double':>6} {'lost':>5} {'unsettled':>9} "
              f"{'feed p50':>8} {'feed p95':>8}")
        for n in args.terminals:
            url, admin, schema = schema_url(args.database_url)
            try:
                result = run(url, sandbox, customers, n, args.seconds)
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
                admin.dispose()
            latencies = [ms for till in result["tills"] for ms in till.latencies]
            charged = sum(till.states["succeeded"] for till in result["tills"])
            p95 = percentile(latencies, 0.95)
            print(f"{n:>3} {charged / result['elapsed']:>10.1f} "
                  f"{statistics.median(latencies) if latencies else 0:>8.1f} {p95:>8.1f} "
                  f"{p95 / max(percentile(floor, 0.95), 0.001):>9.2f} "
                  f"{sum(t.kills for t in result['tills']):>5} {result['payments']:>8} "
                  f"{result['double_charges']:>6} {result['lost_records']:>5} "
                  f"{result['unsettled']:>9} "
                  f"{statistics.median(result['feed_ms']) if result['feed_ms'] else 0:>8.1f} "
                  f"{percentile(result['feed_ms'], 0.95):>8.1f}", flush=True)
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
