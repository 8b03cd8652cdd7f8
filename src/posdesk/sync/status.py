"""What the sync layer tells its observers (the relay's log, later the GUI's status bar).

Observers are plain callables, called from sync threads; a GUI bridges them to Qt signals.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace

from posdesk.domain.sync_status import (  # noqa: F401  (the modes: used with the observer)
    MODE_FOLLOW,
    MODE_POLL,
    MODE_RECONCILE,
    MODE_STOPPED,
    MODE_WEBHOOKS,
    ApplyStats,
    SyncStatus,
)

log = logging.getLogger(__name__)

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
