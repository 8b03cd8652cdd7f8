"""Several terminals on one store: exactly one syncs with Stripe (the holder of the sync
lease); the others call Stripe for nothing and take over when it stops, is stalled or dies.

In one process: engines on one store (each with its own connection pool, as terminals have)
against the sandbox, counting each engine's calls to Stripe. As processes: two
`posdesk relay --poll` on one SQLite file or PostgreSQL schema, the leader SIGKILLed."""

from __future__ import annotations

import contextlib
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from posdesk.gateway.events import EventPage, StripeEventSource
from posdesk.store.customers import CustomerRepository
from posdesk.store.database import Store, default_database_url, open_store
from posdesk.store.terminals import LeaseRepository
from posdesk.store.this_terminal import Terminal
from posdesk.sync.engine import SyncEngine
from posdesk.sync.leader import RENEW_INTERVAL_S, SYNC_LEASE
from posdesk.sync.status import MODE_FOLLOW, SyncObserver
from tests.conftest import PG_URL, TEST_WEBHOOK_SECRET, _with_search_path
from tests.gateway.sandbox_api import new_customer
from tests.sync.conftest import deliver, event
from tests.sync.relay_process import RelayProcess, free_port

POLL_S = 0.1
# The shop-floor promise: a dead leader's work is picked up this soon.
TAKEOVER_LIMIT_S = 10.0


class CountingSource:
    """An engine's event source that notes when it calls Stripe."""

    def __init__(self, inner: StripeEventSource) -> None:
        self.inner = inner
        self.calls: list[float] = []

    def _called(self) -> None:
        self.calls.append(time.monotonic())

    def events_after(self, event_id: str, limit: int = 100) -> EventPage:
        self._called()
        return self.inner.events_after(event_id, limit)

    def newest_event(self) -> dict[str, Any] | None:
        self._called()
        return self.inner.newest_event()

    def fetch(self, object_type: str, object_id: str) -> dict[str, Any] | None:
        self._called()
        return self.inner.fetch(object_type, object_id)

    def iter_objects(self, object_type: str, **params: Any) -> Iterable[dict[str, Any]]:
        self._called()
        return self.inner.iter_objects(object_type, **params)


def wait_until(condition: Callable[[], object], timeout: float = 10.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what or condition}"
        time.sleep(0.02)


def till(store: Store, base_url: str, key: str, name: str, **options: Any) -> SyncEngine:
    source = CountingSource(StripeEventSource(key, base_url, timeout=5))
    return SyncEngine(
        store, source, None, terminal=Terminal(str(uuid.uuid4()), name, "pc"),
        interval_s=POLL_S, observer=SyncObserver(), **options,
    )


def calls(engine: SyncEngine) -> list[float]:
    assert isinstance(engine.source, CountingSource)
    return engine.source.calls


def test_only_the_leader_polls_and_relays_and_a_clean_stop_hands_over_at_once(
    sandbox, secret_key, open_test_store
) -> None:
    port = free_port()  # both on one port, as two relays on one machine: only one binds it
    options = {"webhook_secret": TEST_WEBHOOK_SECRET, "port": port}
    till1 = till(open_test_store(), sandbox.base_url, secret_key, "Till 1", **options)
    till2 = till(open_test_store(), sandbox.base_url, secret_key, "Till 2", **options)
    reader = open_test_store()
    try:
        till1.start()
        till2.start()
        assert till1.started.wait(10) and till2.started.wait(10)
        assert till1.leading and not till2.leading
        assert till1.relay_url == f"http://127.0.0.1:{port}/webhooks/stripe"
        assert till2.relay_url is None
        first = new_customer(sandbox.base_url, secret_key, "Fay First")
        wait_until(lambda: CustomerRepository(reader).get(first), what="the leader applying")
        status = till2.observer.status
        assert (status.mode, status.leader) == (MODE_FOLLOW, "Till 1")
        time.sleep(3 * RENEW_INTERVAL_S / 2)  # the follower has asked for the lease meanwhile
        assert calls(till2) == [] and len(calls(till1)) > 5

        stopped_at = time.monotonic()
        till1.stop()
        wait_until(lambda: till2.leading, 2 * RENEW_INTERVAL_S, "the follower taking over")
        handover_s = time.monotonic() - stopped_at
        assert handover_s < RENEW_INTERVAL_S + 0.5, f"handed over in {handover_s:.2f} s"
        wait_until(lambda: calls(till2), 5, "the new leader polling")
        assert max(calls(till1)) < min(calls(till2))  # never both at once
        assert till2.relay_url == f"http://127.0.0.1:{port}/webhooks/stripe"
        second = new_customer(sandbox.base_url, secret_key, "Sam Second")
        wait_until(lambda: CustomerRepository(reader).get(second), what="the new leader polling")
        pushed = event("customer.created", {"id": "cus_pushed", "object": "customer",
                                            "name": "Pat Pushed"}, int(time.time()))
        assert deliver(till2.relay_url, pushed)[0] == 200
        wait_until(lambda: CustomerRepository(reader).get("cus_pushed"), what="the webhook")
    finally:
        till2.stop()
        till1.stop()
    assert LeaseRepository(reader).get(SYNC_LEASE).expires_at.year == 1970  # released


def test_a_stalled_leader_stops_polling_before_the_follower_takes_over(
    sandbox, secret_key, open_test_store, monkeypatch
) -> None:
    """Short lease and renewals here, so the stall lasts a second or two rather than six."""
    renew_s = 0.3
    options = {"lease_ttl": timedelta(seconds=1.5), "renew_interval_s": renew_s}
    till1 = till(open_test_store(), sandbox.base_url, secret_key, "Till 1", **options)
    till2 = till(open_test_store(), sandbox.base_url, secret_key, "Till 2", **options)
    stall = threading.Event()
    leases = till1.leadership._leases
    renew = leases.acquire

    def stuck(*args: Any) -> bool:  # till 1's store hangs; its process goes on running
        stall.wait(20)
        return renew(*args)

    try:
        till1.start()
        assert till1.started.wait(10)
        till2.start()
        wait_until(lambda: len(calls(till1)) > 3, what="the leader polling")
        monkeypatch.setattr(leases, "acquire", stuck)
        wait_until(lambda: till2.leading, 5, "the follower taking over")
        wait_until(lambda: calls(till2), 5, "the new leader polling")
        overlap_s = max(calls(till1)) - min(calls(till2))
        assert overlap_s < renew_s, f"both polled for {overlap_s:.2f} s"
        stall.set()  # till 1 comes back, finds the lease taken and stops for good
        wait_until(lambda: till1.observer.status.mode == MODE_FOLLOW, 5,
                   "the stalled leader stepping down")
        assert not till1.leading and till1.observer.status.leader == "Till 2"
        polled = len(calls(till1))
        time.sleep(3 * renew_s)
        assert len(calls(till1)) == polled
    finally:
        stall.set()
        till2.stop()
        till1.stop()


# --- real processes -------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_store_url(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[str]:
    """One store for several terminals: a SQLite file of its own, or a fresh PostgreSQL
    schema (dropped afterwards)."""
    if request.param == "sqlite":
        shared = data_dir / "shared-store"
        shared.mkdir()
        yield default_database_url(shared)
        return
    if not PG_URL:
        pytest.skip("POSDESK_TEST_DATABASE_URL is not set: no PostgreSQL to share")
    admin = request.getfixturevalue("_pg_admin")
    schema = "t_" + secrets.token_hex(6)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _with_search_path(PG_URL, schema)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


def test_killed_leader_relay_is_replaced_within_seconds(
    data_dir, sandbox, secret_key, shared_store_url
) -> None:
    def relay(name: str) -> RelayProcess:
        own_dir = data_dir / name  # its own data directory: its own terminal id
        own_dir.mkdir()
        return RelayProcess(own_dir, sandbox.base_url, ["--poll", "--interval", "0.2"],
                            secret_key=secret_key, database_url=shared_store_url)

    leader = relay("relay-a")
    follower: RelayProcess | None = None
    store = None
    try:
        leader.wait_for_line("polling Stripe events")
        follower = relay("relay-b")
        follower.wait_for_line("this terminal follows")
        store = open_store(shared_store_url)
        customers = CustomerRepository(store)
        before = new_customer(sandbox.base_url, secret_key, "Before Kill")
        wait_until(lambda: customers.get(before), what="the leader applying")
        assert not follower.has_line("polling Stripe events")

        leader.kill()
        killed_at = time.monotonic()
        after = new_customer(sandbox.base_url, secret_key, "After Kill")
        took_over_s = None
        while customers.get(after) is None:
            if took_over_s is None and follower.has_line("now syncs the store"):
                took_over_s = time.monotonic() - killed_at
            assert time.monotonic() - killed_at < TAKEOVER_LIMIT_S, (
                f"not applied {TAKEOVER_LIMIT_S:.0f} s after the kill (took over after "
                f"{took_over_s} s):\n{follower.output()}"
            )
            time.sleep(0.02)
        applied_s = time.monotonic() - killed_at
        assert applied_s < TAKEOVER_LIMIT_S, (
            f"took over {took_over_s} s and applied {applied_s:.2f} s after the kill"
        )
        print(f"\n[{store.dialect}] took over {took_over_s or applied_s:.2f} s, "
              f"applied {applied_s:.2f} s after SIGKILL")
        assert follower.terminate() == 0
        follower.assert_no_secret_printed()
        leader.assert_no_secret_printed()
    finally:
        if store is not None:
            store.close()
        for process in (leader, follower):
            if process is not None and process.proc.poll() is None:
                with contextlib.suppress(Exception):
                    process.kill()
