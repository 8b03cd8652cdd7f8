"""The sync engine as the GUI or `posdesk relay` runs it: relay, reconciliation and poller
together, reporting through plain callbacks."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

from sqlalchemy import update

from posdesk.store.customers import CustomerRepository
from posdesk.store.models import utcnow
from posdesk.store.sync_models import ProcessedEvent
from posdesk.store.sync_state import ProcessedEvents
from posdesk.sync.applier import ApplyStats, EventApplier
from posdesk.sync.engine import PROCESSED_EVENT_RETENTION, SyncEngine
from posdesk.sync.status import SyncObserver, SyncStatus
from tests.conftest import TEST_WEBHOOK_SECRET
from tests.gateway.sandbox_api import new_customer
from tests.sync.conftest import event


def test_engine_polls_and_relays_and_reports(sandbox, secret_key, tmp_store, source) -> None:
    applied: list[ApplyStats] = []
    statuses: list[SyncStatus] = []
    seen = threading.Event()

    def on_applied(stats: ApplyStats) -> None:
        applied.append(stats)
        if stats.customers:
            seen.set()

    engine = SyncEngine(
        tmp_store, source, None, webhook_secret=TEST_WEBHOOK_SECRET, interval_s=0.1,
        observer=SyncObserver(on_applied=on_applied, on_status=statuses.append),
    )
    url = engine.listen()
    assert url is not None and url.endswith("/webhooks/stripe")
    engine.start()
    try:
        assert engine.started.wait(10)
        assert engine.poller is not None
        deadline = time.monotonic() + 10
        while engine.poller.cursor is None:  # the first round (an empty account) is done
            assert time.monotonic() < deadline
            time.sleep(0.05)
        sandbox.set_webhook(url, TEST_WEBHOOK_SECRET)
        customer = new_customer(sandbox.base_url, secret_key, "Eve Engine")
        assert seen.wait(10)
        deadline = time.monotonic() + 10
        while CustomerRepository(tmp_store).get(customer) is None:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        # Both paths saw the event; it was applied once.
        deadline = time.monotonic() + 10
        while sum(s.duplicates for s in applied) < 1:
            assert time.monotonic() < deadline, applied
            time.sleep(0.05)
        assert sum(s.applied for s in applied if customer in s.customers) == 1
    finally:
        engine.stop()
    modes = {s.mode for s in statuses}
    assert {"webhooks", "poll", "stopped"} <= modes
    last = [s for s in statuses if s.last_event_at][-1]
    assert last.lag_seconds is not None and last.lag_seconds < 60


def test_old_processed_ids_are_forgotten(tmp_store) -> None:
    old = event("invoice.paid", {"id": "in_1", "object": "invoice"}, 1)
    new = event("invoice.paid", {"id": "in_2", "object": "invoice"}, 2)
    EventApplier(tmp_store).apply([old, new])
    with tmp_store.session() as session:
        session.execute(
            update(ProcessedEvent)
            .where(ProcessedEvent.event_id == old["id"])
            .values(applied_at=utcnow() - PROCESSED_EVENT_RETENTION - timedelta(hours=1))
        )
    assert ProcessedEvents(tmp_store).prune(PROCESSED_EVENT_RETENTION) == 1
    assert ProcessedEvents(tmp_store).ids() == {new["id"]}
