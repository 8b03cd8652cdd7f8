"""Sync throughput: events per second through the applier and through the webhook relay.

    python bench/sync_throughput.py [--events 50000] [--naive 5000] [--deliveries 20000]

1. The applier: 50,000 Stripe-shaped events (payment intents created and succeeded,
   refunds, customers, cards; some out of order, some delivered twice) applied in batches,
   beside a naive loop that uses one transaction per event (on a sample, to keep it short).
2. The relay: 20,000 signed deliveries from a separate load process (a few worker threads
   with keep-alive connections) on loopback to ``POST /webhooks/stripe``; each is committed
   to the inbox before its 2xx, then applied. Prints accepted and applied events per second.

Each part runs on a fresh SQLite database in a temporary directory.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import random
import secrets
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from posdesk.relay_cli import RELAY_SWITCH_INTERVAL_S
from posdesk.store.database import default_database_url, open_store
from posdesk.store.sync_state import ProcessedEvents, WebhookInbox
from posdesk.sync.applier import EventApplier
from posdesk.sync.relay import WebhookRelay
from posdesk.sync.signature import signature_header

T0 = 1_790_000_000
APPLIER_TARGET = 5_000


def make_events(count: int, seed: int = 5) -> list[dict[str, Any]]:
    """A realistic mix, in rough time order with local shuffling and some duplicates."""
    rng = random.Random(seed)
    events: list[dict[str, Any]] = []
    n = 0

    def add(type_: str, obj: dict[str, Any], created: int) -> None:
        events.append(
            {
                "id": f"evt_{seed}_{len(events):07d}",
                "object": "event",
                "type": type_,
                "created": created,
                "livemode": False,
                "data": {"object": obj},
            }
        )

    while len(events) < count:
        t = T0 + n * 2
        customer = f"cus_{n:07d}"
        if n % 10 == 0:
            add(
                "customer.created",
                {
                    "id": customer,
                    "object": "customer",
                    "created": t,
                    "name": f"Customer {n}",
                    "email": f"c{n}@example.com",
                },
                t,
            )
            add(
                "payment_method.attached",
                {
                    "id": f"pm_{n:07d}",
                    "object": "payment_method",
                    "type": "card",
                    "customer": customer,
                    "created": t,
                    "card": {"brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": 2031},
                },
                t,
            )
        intent = {
            "id": f"pi_{n:07d}",
            "object": "payment_intent",
            "amount": 1000 + n % 500,
            "currency": "usd",
            "customer": customer,
            "payment_method": f"pm_{n:07d}",
            "created": t,
            "livemode": False,
            "metadata": {},
            "amount_received": 0,
            "status": "requires_confirmation",
            "last_payment_error": None,
        }
        add("payment_intent.created", intent, t)
        add(
            "payment_intent.succeeded",
            {**intent, "status": "succeeded", "amount_received": intent["amount"]},
            t + 1,
        )
        if n % 7 == 0:
            add(
                "charge.refunded",
                {
                    "id": f"ch_{n:07d}",
                    "object": "charge",
                    "payment_intent": intent["id"],
                    "amount_refunded": 300,
                },
                t + 1,
            )
        n += 1
    events = events[:count]
    # Webhook reality: out of order within a window, a few delivered twice.
    for i in range(0, len(events) - 8, 8):
        window = events[i : i + 8]
        rng.shuffle(window)
        events[i : i + 8] = window
    for i in rng.sample(range(len(events)), len(events) // 50):
        events.insert(min(len(events), i + rng.randint(1, 40)), events[i])
    return events[:count]


def fresh_store(root: Path, name: str):
    path = root / name
    path.mkdir()
    return open_store(default_database_url(path))


def bench_applier(root: Path, count: int, naive_count: int) -> tuple[float, float]:
    events = make_events(count)
    store = fresh_store(root, "batched")
    applier = EventApplier(store)
    started = time.perf_counter()
    stats = applier.apply(events)
    batched = len(events) / (time.perf_counter() - started)
    assert stats.received == len(events)
    print(
        f"applier, batches of {applier.batch_size}: {len(events):,} events in "
        f"{len(events) / batched:.2f} s = {batched:,.0f} events/s "
        f"({stats.applied:,} applied, {stats.duplicates:,} duplicates, "
        f"{stats.stale:,} stale, {stats.ignored:,} ignored)"
    )
    store.close()

    sample = make_events(naive_count)
    store = fresh_store(root, "naive")
    applier = EventApplier(store)
    started = time.perf_counter()
    for e in sample:
        applier.apply([e])  # one transaction per event
    naive = len(sample) / (time.perf_counter() - started)
    print(
        f"naive loop, one transaction per event: {len(sample):,} events in "
        f"{len(sample) / naive:.2f} s = {naive:,.0f} events/s"
    )
    store.close()
    verdict = "meets" if batched >= APPLIER_TARGET else "MISSES"
    print(
        f"applier {verdict} the {APPLIER_TARGET:,} events/s target "
        f"({batched / naive:.1f}x the naive loop)"
    )
    return batched, naive


# --- relay load -------------------------------------------------------------------------------


def _load_worker(url_host: str, port: int, bodies: list[bytes], secret: str, out: Any) -> None:
    """Runs in the load process: one keep-alive connection, sequential deliveries."""
    conn = http.client.HTTPConnection(url_host, port, timeout=30)
    ok = failed = 0
    for body in bodies:
        for _attempt in range(5):  # a sender retries what it did not get a 2xx for
            try:
                conn.request(
                    "POST",
                    "/webhooks/stripe",
                    body=body,
                    headers={
                        "Content-Type": "application/json",
                        "Stripe-Signature": signature_header(secret, body),
                    },
                )
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    ok += 1
                    break
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(url_host, port, timeout=30)
        else:
            failed += 1
    conn.close()
    out.append((ok, failed))


def load_process(
    host: str, port: int, bodies: list[bytes], secret: str, threads: int, results: Any
) -> None:
    """The separate load process: a bounded number of sender threads."""
    out: list[tuple[int, int]] = []
    parts = [bodies[i::threads] for i in range(threads)]
    workers = [
        threading.Thread(target=_load_worker, args=(host, port, p, secret, out)) for p in parts
    ]
    started = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - started
    results.put((sum(o for o, _ in out), sum(f for _, f in out), elapsed))


def bench_relay(root: Path, count: int, threads: int) -> tuple[float, float]:
    secret = "whsec_" + secrets.token_hex(16)
    previous = sys.getswitchinterval()
    sys.setswitchinterval(RELAY_SWITCH_INTERVAL_S)  # as `posdesk relay` runs
    store = fresh_store(root, "relay")
    applier = EventApplier(store)
    relay = WebhookRelay(store, applier, secret).start()
    bodies = [json.dumps(e).encode() for e in make_events(count, seed=9)]
    unique = len({json.loads(b)["id"] for b in bodies})
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    proc = ctx.Process(
        target=load_process, args=(relay.host, relay.port, bodies, secret, threads, results)
    )
    started = time.perf_counter()
    proc.start()
    ok, failed, sender_elapsed = results.get(timeout=600)
    accepted_s = time.perf_counter() - started
    proc.join(30)
    processed = ProcessedEvents(store)
    deadline = time.monotonic() + 300
    while processed.count() < unique or WebhookInbox(store).count():
        if time.monotonic() > deadline:
            break
        time.sleep(0.05)
    applied_s = time.perf_counter() - started
    relay.stop()
    sys.setswitchinterval(previous)
    applied_count = processed.count()
    store.close()
    accepted_rate = ok / accepted_s
    applied_rate = applied_count / applied_s
    print(
        f"relay, {threads} sender threads in a separate process: {ok:,} of {count:,} "
        f"deliveries answered 2xx in {sender_elapsed:.2f} s = "
        f"{ok / sender_elapsed:,.0f} deliveries/s ({accepted_rate:,.0f}/s counting the "
        f"load process's start-up); {failed} failed"
    )
    print(
        f"relay end to end: {applied_count:,} distinct events applied after "
        f"{applied_s:.2f} s = {applied_rate:,.0f} events/s"
    )
    return accepted_rate, applied_rate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--naive", type=int, default=5_000)
    parser.add_argument("--deliveries", type=int, default=20_000)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="posdesk-sync-bench-") as tmp:
        root = Path(tmp)
        batched, _naive = bench_applier(root, args.events, args.naive)
        bench_relay(root, args.deliveries, args.threads)
    return 0 if batched >= APPLIER_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
