"""Sync news and store changes for the GUI, on the GUI thread.

The sync engine's observer (status) and the change feed (what any terminal committed to the
store) call back on their own threads; the bridge hands each piece of news to the GUI thread
as a Qt signal. The change feed is the one path by which screens learn that data changed.

Private signals are connected queued to slots of the bridge (which lives on the GUI thread),
so the public `changed` and `status_changed` always fire on the GUI thread, whoever emits.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from posdesk.backend import ChangeFeed, SyncObserver
from posdesk.domain.changes import Change
from posdesk.domain.sync_status import SyncStatus

log = logging.getLogger(__name__)


class SyncBridge(QObject):
    changed = Signal(object)  # list[Change] committed to the store, by another terminal or sync
    status_changed = Signal(object)  # SyncStatus

    _changes_from_feed = Signal(object)
    _status_from_sync = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._observer: SyncObserver | None = None
        self._unsubscribe_feed: Callable[[], None] | None = None
        self._own_terminal: str | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self._changes_from_feed.connect(self._deliver_changes, queued)
        self._status_from_sync.connect(self._deliver_status, queued)

    @property
    def status(self) -> SyncStatus | None:
        """The observer's newest status (None before attaching)."""
        return self._observer.status if self._observer is not None else None

    def attach(self, observer: SyncObserver) -> None:
        """Receive `observer`'s status from now on."""
        self.detach()
        self._observer = observer
        observer.status_callbacks.append(self.on_status)

    def detach(self) -> None:
        observer, self._observer = self._observer, None
        if observer is not None:
            with contextlib.suppress(ValueError):
                observer.status_callbacks.remove(self.on_status)

    def attach_feed(self, feed: ChangeFeed, own_terminal: str | None = None) -> None:
        """Receive `feed`'s changes from now on. Changes made by
        `own_terminal` are left out: this terminal's screens reload after their own actions,
        and a page that records what it just read from Stripe must not reload itself."""
        self.detach_feed()
        self._own_terminal = own_terminal
        self._unsubscribe_feed = feed.subscribe(self.on_changes)

    def detach_feed(self) -> None:
        unsubscribe, self._unsubscribe_feed = self._unsubscribe_feed, None
        if unsubscribe is not None:
            unsubscribe()

    # Called on the feed's and sync threads.
    def on_changes(self, changes: list[Change]) -> None:
        own = self._own_terminal
        news = [c for c in changes if own is None or c.terminal_id != own]
        if not news:
            return
        # RuntimeError: the bridge was deleted with its window while the feed delivered.
        with contextlib.suppress(RuntimeError):
            self._changes_from_feed.emit(news)

    def on_status(self, status: SyncStatus) -> None:
        with contextlib.suppress(RuntimeError):
            self._status_from_sync.emit(status)

    @Slot(object)
    def _deliver_changes(self, changes: object) -> None:
        self.changed.emit(changes)

    @Slot(object)
    def _deliver_status(self, status: object) -> None:
        self.status_changed.emit(status)
