"""Accepting a webhook delivery never waits on applying events.

The applier holds its write transaction for a whole batch (store/sync_state.py
`write_session`); an accepted delivery must be committed and answered 2xx meanwhile. On a
SQLite file the inbox is a file of its own; on PostgreSQL its INSERT takes no lock the
applier holds.
"""

from __future__ import annotations

import json
import os
import stat
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import insert

from posdesk.store.database import Store
from posdesk.store.sync_models import InboxEvent
from posdesk.store.sync_state import ProcessedEvents, WebhookInbox, inbox_file, write_session
from posdesk.sync.applier import ApplyStats, EventApplier
from posdesk.sync.relay import WebhookRelay
from tests.conftest import TEST_WEBHOOK_SECRET
from tests.sync.conftest import deliver, event, intent

T = int(time.time())


class StuckApplier(EventApplier):
    """Holds the sync write transaction (as a long batch does) until released."""

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.inside = threading.Event()
        self.release = threading.Event()

    def apply(self, events: Any) -> ApplyStats:
        with write_session(self.store) as session:
            session.connection()  # the write lock is held from here
            self.inside.set()
            self.release.wait(30)
        return super().apply(events)


@pytest.fixture
def stuck_relay(store: Store) -> Iterator[tuple[WebhookRelay, StuckApplier]]:
    applier = StuckApplier(store)
    relay = WebhookRelay(store, applier, TEST_WEBHOOK_SECRET, apply_delay_s=0).start()
    try:
        yield relay, applier
    finally:
        applier.release.set()
        relay.stop()


def test_a_delivery_is_accepted_while_the_applier_holds_its_transaction(
    stuck_relay: tuple[WebhookRelay, StuckApplier], store: Store
) -> None:
    relay, applier = stuck_relay
    first = event("payment_intent.succeeded", intent("pi_a", "succeeded"), T)
    assert deliver(relay.url, first)[0] == 200
    assert applier.inside.wait(10), "the applier started on the first delivery"
    # The applier now holds the store's write lock and will not let go.
    started = time.monotonic()
    answers = [
        deliver(relay.url, event("payment_intent.succeeded", intent(f"pi_{i}", "succeeded"), T))
        for i in range(20)
    ]
    took = time.monotonic() - started
    assert all(status == 200 for status, _ in answers), answers
    assert took < 5, f"accepting waited on applying ({took:.1f} s for 20 deliveries)"
    assert WebhookInbox(store).count() >= 20  # durable, not applied yet
    applier.release.set()
    deadline = time.monotonic() + 20
    while ProcessedEvents(store).count() < 21 or WebhookInbox(store).count():
        assert time.monotonic() < deadline, "everything accepted gets applied"
        time.sleep(0.05)


def test_the_sqlite_inbox_file_is_private_and_takes_over_an_older_backlog(
    store: Store,
) -> None:
    path = inbox_file(store)
    if path is None:
        pytest.skip("PostgreSQL keeps the inbox in the store")
    # A backlog an older version left in the store's own table...
    body = event("payment_intent.succeeded", intent("pi_old", "succeeded"), T)
    with store.engine.begin() as connection:
        connection.execute(
            insert(InboxEvent.__table__),  # type: ignore[attr-defined]
            [{"event_id": body["id"], "type": body["type"], "body": json.dumps(body),
              "received_at": datetime.now(UTC)}],
        )
    relay = WebhookRelay(store, EventApplier(store), TEST_WEBHOOK_SECRET).start()
    try:
        deadline = time.monotonic() + 20
        while not ProcessedEvents(store).contains(body["id"]):
            assert time.monotonic() < deadline, "the older backlog is applied"
            time.sleep(0.05)
    finally:
        relay.stop()
    assert path.exists()
    if os.name != "nt":
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0
    with store.engine.connect() as connection:
        left = connection.exec_driver_sql("SELECT count(*) FROM sync_inbox").scalar()
    assert left == 0
