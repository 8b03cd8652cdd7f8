"""The event poller (the default mode; needs only the API key).

It pages ``GET /v1/events`` forward from a cursor kept in the store (the id of the newest
event applied), oldest to newest, through the one applier. Errors and rate limits back off
exponentially with jitter. With no cursor yet, a cursor Stripe no longer knows, or one older
than Stripe keeps events (30 days), it catches up through the list endpoints instead (a full
reconcile) and continues from the newest event.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select
from sqlmodel import col

from posdesk.gateway.events import EventCursorUnknown, EventPage
from posdesk.store.database import Store
from posdesk.store.models import CustomerRecord, PaymentMethodRecord
from posdesk.store.sync_state import SyncValues
from posdesk.sync.applier import ApplyStats, EventApplier
from posdesk.sync.status import MODE_POLL, MODE_RECONCILE, MODE_STOPPED, SyncObserver

log = logging.getLogger(__name__)

CURSOR = "poller.cursor"
CURSOR_CREATED = "poller.cursor_created"
# Cursor value meaning "Stripe listed no events at all last time".
NO_EVENTS_YET = ""
EVENT_RETENTION_S = 30 * 86400
# Stop paging after this many pages in one round so a huge backlog still reports progress.
_PAGES_PER_ROUND = 50


class EventSource(Protocol):
    def events_after(self, event_id: str, limit: int = 100) -> EventPage: ...

    def newest_event(self) -> dict[str, Any] | None: ...

    def fetch(self, object_type: str, object_id: str) -> dict[str, Any] | None: ...

    def iter_objects(self, object_type: str, **params: Any) -> Iterable[dict[str, Any]]: ...


@dataclass(frozen=True, slots=True)
class Backoff:
    base_s: float = 1.0
    max_s: float = 60.0

    def delay(self, failures: int, rng: random.Random) -> float:
        # "Full jitter": spreads terminals that failed together over the whole window.
        ceiling = min(self.max_s, self.base_s * 2 ** max(0, failures - 1))
        return rng.uniform(ceiling / 2, ceiling)


def _problem(exc: Exception) -> str:
    # Only PosDesk's own errors carry a `message` written for staff; anything else is a
    # library's text (kept for the log) and gets a plain sentence on screen.
    message = getattr(exc, "message", None)
    if message:
        return str(message)
    return "Stripe could not be read. PosDesk tries again by itself."


def _retryable(exc: Exception) -> bool:
    return bool(getattr(exc, "retryable", True))


class EventPoller:
    def __init__(
        self,
        store: Store,
        source: EventSource,
        applier: EventApplier,
        *,
        interval_s: float = 2.0,
        backoff: Backoff | None = None,
        observer: SyncObserver | None = None,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
        may_poll: Callable[[], bool] | None = None,
    ) -> None:
        self.store = store
        self.source = source
        self.applier = applier
        self.values = SyncValues(store)
        self.interval_s = interval_s
        self.backoff = backoff or Backoff()
        self.observer = observer or SyncObserver()
        self.clock = clock
        self.rng = rng or random.Random()
        # False while this terminal may not call Stripe for sync (it no longer surely holds
        # the sync lease); checked before every round, independently of the lease thread.
        self.may_poll = may_poll
        self.failures = 0
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    # --- one round ----------------------------------------------------------------------------

    @property
    def cursor(self) -> str | None:
        return self.values.get(CURSOR)

    def poll_once(self) -> ApplyStats:
        """Bring the store up to date with Stripe's events; raises when Stripe cannot be read."""
        cursor = self.cursor
        created = self.values.get(CURSOR_CREATED)
        too_old = created is not None and int(created) < self.clock() - EVENT_RETENTION_S
        if cursor is None or too_old:
            return self.full_reconcile()
        if cursor == NO_EVENTS_YET:
            return self._from_the_beginning()
        total = ApplyStats()
        for _ in range(_PAGES_PER_ROUND):
            try:
                page = self.source.events_after(cursor)
            except EventCursorUnknown:
                log.warning("Stripe no longer knows the poller's cursor; reconciling")
                total.merge(self.full_reconcile())
                return total
            if not page.events:
                break
            oldest_first = list(reversed(page.events))
            stats = self.applier.apply(oldest_first)
            total.merge(stats)
            newest = page.events[0]
            cursor = newest["id"]
            self._save_cursor(newest)
            self.observer.event_applied_at(stats.newest_created)
            if not page.has_more:
                break
        return total

    def full_reconcile(self) -> ApplyStats:
        """Catch up through the list endpoints, then continue from the newest event."""
        self.observer.update(mode=MODE_RECONCILE)
        # Taken first: anything happening while the lists are read is in later events.
        newest = self.source.newest_event()
        read_at = int(self.clock())
        total = ApplyStats()
        # Payments and refunds as far back as events go; customers all (the search cache).
        recent = {"created": {"gte": read_at - EVENT_RETENTION_S}}
        lists: list[tuple[str, dict[str, Any]]] = [
            ("customer", {}),
            ("payment_intent", recent),
            ("refund", recent),
        ]
        listed_customers: set[str] = set()
        for object_type, params in lists:
            batch: list[dict[str, Any]] = []
            for obj in self.source.iter_objects(object_type, **params):
                batch.append(obj)
                if object_type == "customer":
                    listed_customers.add(obj["id"])
                if len(batch) >= self.applier.batch_size:
                    total.merge(self.applier.apply_objects(batch, read_at))
                    batch = []
            if batch:
                total.merge(self.applier.apply_objects(batch, read_at))
        # Cached customers Stripe no longer lists were deleted meanwhile.
        gone = [
            {"id": c, "object": "customer", "deleted": True}
            for c in self._cached_customers() - listed_customers
        ]
        if gone:
            total.merge(self.applier.apply_objects(gone, read_at))
        # Saved cards: refreshed for the customers whose cards are cached; a cached card
        # missing from Stripe's list was detached meanwhile.
        for customer_id, cached in self._cached_cards().items():
            cards = list(
                self.source.iter_objects("payment_method", customer=customer_id, type="card")
            )
            listed = {c["id"] for c in cards}
            cards += [
                {"id": pm, "object": "payment_method", "type": "card", "customer": None}
                for pm in cached - listed
            ]
            total.merge(self.applier.apply_objects(cards, read_at))
        if newest is not None:
            self._save_cursor(newest)
        else:
            self.values.set(CURSOR, NO_EVENTS_YET)
            self.values.set(CURSOR_CREATED, str(read_at))
        self.observer.update(mode=MODE_POLL, caught_up_at=time.time())
        log.info("full reconcile done: %d objects read", total.received)
        return total

    def _from_the_beginning(self) -> ApplyStats:
        """The account had no events at the last look: take all there are now."""
        events = list(self.source.iter_objects("event"))
        if not events:
            return ApplyStats()
        stats = self.applier.apply(list(reversed(events)))
        self._save_cursor(events[0])
        self.observer.event_applied_at(stats.newest_created)
        return stats

    def _cached_customers(self) -> set[str]:
        with self.store.session() as session:
            query = select(CustomerRecord.id).where(col(CustomerRecord.deleted).is_(False))
            return set(session.execute(query).scalars())

    def _cached_cards(self) -> dict[str, set[str]]:
        cards: dict[str, set[str]] = {}
        with self.store.session() as session:
            query = select(PaymentMethodRecord.customer_id, PaymentMethodRecord.id)
            for customer_id, card_id in session.execute(query):
                if customer_id:
                    cards.setdefault(customer_id, set()).add(card_id)
        return cards

    def _save_cursor(self, event: dict[str, Any]) -> None:
        self.values.set(CURSOR, event["id"])
        self.values.set(CURSOR_CREATED, str(int(event.get("created") or self.clock())))

    # --- background thread --------------------------------------------------------------------

    def start(self) -> EventPoller:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="sync-poller", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None
        self.observer.update(mode=MODE_STOPPED)

    def poll_now(self) -> None:
        """Ask the background thread for a round at once (e.g. after a local change)."""
        self._wake.set()

    def _run(self) -> None:
        self.observer.update(mode=MODE_POLL)
        while not self._stop.is_set():
            if self.may_poll is not None and not self.may_poll():
                self._wake.wait(min(self.interval_s, 0.5))
                self._wake.clear()
                continue
            try:
                self.poll_once()
                self.failures = 0
                self.observer.update(mode=MODE_POLL, error=None, retry_at=None)
                wait = self.interval_s
            except Exception as exc:
                self.failures += 1
                wait = self.backoff.delay(self.failures, self.rng)
                if not _retryable(exc):
                    wait = self.backoff.max_s  # a bad key does not fix itself quickly
                log.warning(
                    "polling Stripe failed (%s); next try in %.1f s", type(exc).__name__, wait
                )
                self.observer.update(error=_problem(exc), retry_at=time.time() + wait)
            self._wake.wait(wait)
            self._wake.clear()
