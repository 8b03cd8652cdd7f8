"""What the sync layer tells its observers (the relay's log, later the GUI's status bar).

Observers are plain callables, called from sync threads; a GUI bridges them to Qt signals.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from posdesk.sync.applier import ApplyStats

log = logging.getLogger(__name__)

MODE_POLL = "poll"
MODE_WEBHOOKS = "webhooks"
MODE_RECONCILE = "reconcile"
MODE_STOPPED = "stopped"
# Another terminal of the store holds the sync lease; this one reads what it applies.
MODE_FOLLOW = "follow"


@dataclass(frozen=True, slots=True)
class SyncStatus:
    mode: str  # how events arrive: poll, webhooks, reconcile (catching up), follow, stopped
    last_event_at: float | None = None  # Stripe's `created` of the newest event applied
    lag_seconds: float | None = None  # how far behind Stripe the store was at that moment
    error: str | None = None  # plain words, None when healthy
    retry_at: float | None = None  # wall-clock time of the next attempt after an error
    caught_up_at: float | None = None  # when a catch-up through the list endpoints finished
    leader: str | None = None  # following: the name of the terminal that syncs, if any holds it


AppliedCallback = Callable[[ApplyStats], None]
StatusCallback = Callable[[SyncStatus], None]


class SyncObserver:
    """Fans applied-batch and status news out to registered callbacks."""

    def __init__(
        self,
        on_applied: AppliedCallback | None = None,
        on_status: StatusCallback | None = None,
    ) -> None:
        self.applied_callbacks: list[AppliedCallback] = [on_applied] if on_applied else []
        self.status_callbacks: list[StatusCallback] = [on_status] if on_status else []
        self._lock = threading.Lock()
        self.status = SyncStatus(MODE_STOPPED)

    def applied(self, stats: ApplyStats) -> None:
        for callback in list(self.applied_callbacks):
            try:
                callback(stats)
            except Exception:
                log.exception("sync observer failed")

    def update(self, **changes: object) -> SyncStatus:
        with self._lock:
            self.status = replace(self.status, **changes)  # type: ignore[arg-type]
            status = self.status
        for callback in list(self.status_callbacks):
            try:
                callback(status)
            except Exception:
                log.exception("sync status observer failed")
        return status

    def event_applied_at(self, newest_created: int) -> None:
        if newest_created <= 0:
            return
        self.update(
            last_event_at=float(newest_created),
            lag_seconds=max(0.0, time.time() - newest_created),
            error=None,
            retry_at=None,
        )
