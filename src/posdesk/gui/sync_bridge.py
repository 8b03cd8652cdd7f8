"""Sync news for the GUI: the sync engine's observer calls back on its own threads; the bridge
hands each piece of news to the GUI thread as a Qt signal.

Private signals are connected queued to slots of the bridge (which lives on the GUI thread),
so the public `applied` and `status_changed` always fire on the GUI thread, whoever emits.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)


class SyncBridge(QObject):
    applied = Signal(object)  # ApplyStats of a batch that changed the store
    status_changed = Signal(object)  # SyncStatus

    _applied_from_sync = Signal(object)
    _status_from_sync = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._observer: Any = None
        queued = Qt.ConnectionType.QueuedConnection
        self._applied_from_sync.connect(self._deliver_applied, queued)
        self._status_from_sync.connect(self._deliver_status, queued)

    @property
    def status(self) -> Any:
        """The observer's newest status (None before attaching)."""
        return getattr(self._observer, "status", None)

    def attach(self, observer: Any) -> None:
        """Receive `observer`'s (a sync.status.SyncObserver) callbacks from now on."""
        self.detach()
        self._observer = observer
        observer.applied_callbacks.append(self.on_applied)
        observer.status_callbacks.append(self.on_status)

    def detach(self) -> None:
        observer, self._observer = self._observer, None
        if observer is None:
            return
        with contextlib.suppress(ValueError):
            observer.applied_callbacks.remove(self.on_applied)
        with contextlib.suppress(ValueError):
            observer.status_callbacks.remove(self.on_status)

    # Called on sync threads.
    def on_applied(self, stats: Any) -> None:
        if not getattr(stats, "changed", True):
            return  # duplicates and stale events: nothing on screen can differ
        # The GUI gets its own copy of the id sets; the sync thread may go on using its own.
        snapshot = dataclasses.replace(
            stats,
            payments=set(stats.payments),
            customers=set(stats.customers),
            refunds=set(stats.refunds),
        )
        # RuntimeError: the bridge was deleted with its window while a batch was applied.
        with contextlib.suppress(RuntimeError):
            self._applied_from_sync.emit(snapshot)

    def on_status(self, status: Any) -> None:
        with contextlib.suppress(RuntimeError):
            self._status_from_sync.emit(status)

    @Slot(object)
    def _deliver_applied(self, stats: object) -> None:
        self.applied.emit(stats)

    @Slot(object)
    def _deliver_status(self, status: object) -> None:
        self.status_changed.emit(status)
