"""Keeping the store in step with Stripe while the window is open: the change feed (what
other terminals commit) and the sync engine (Stripe's events), and their news in the status
bar through the sync bridge.

Starting the engine joins threads and may open the relay's port, so it runs on the runner;
keys saved while it starts make it start once more afterwards.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from posdesk.backend import Backend, SyncEngine
from posdesk.gui.common.workers import Job, TaskRunner
from posdesk.gui.shell.sync_bridge import SyncBridge
from posdesk.gui.shell.sync_status import SyncStatusLabel

log = logging.getLogger(__name__)


class SyncControl(QObject):
    def __init__(
        self, backend: Backend, runner: TaskRunner, bridge: SyncBridge,
        status_label: SyncStatusLabel, parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._bridge = bridge
        self._label = status_label
        self._job: Job | None = None
        self._again = False
        self._closing = False
        bridge.status_changed.connect(status_label.set_status)
        bridge.attach(backend.sync_observer)
        status_label.set_status(backend.sync_observer.status)

    def follow_changes(self) -> None:
        """Hand what other terminals commit to the screens (through the bridge). Changes of
        this terminal are left out: its screens reload after their own actions."""
        self._bridge.attach_feed(self._backend.change_feed, self._backend.terminal.id)
        self._backend.change_feed.start()  # returns at once: connecting is the feed's work

    def start(self) -> None:
        """(Re)start the sync engine for the current keys."""
        if self._closing:
            return
        if self._job is not None:
            self._again = True  # keys changed while starting: start once more after
            return
        self._label.set_starting()
        # The status bar says how sync stands; a failure to start is its news, not a dialog.
        self._job = self._runner.op(self._backend.start_sync).success(self._started).failure(
            self._failed).run()

    def _started(self, engine: SyncEngine | None) -> None:
        self._job = None
        if self._again and not self._closing:
            self._again = False
            self.start()
            return
        self._label.set_engine(
            webhooks=engine is not None and engine.relay is not None,
            relay_url=engine.relay_url if engine is not None else None,
            relay_problem=self._backend.sync_relay_problem,
        )
        self._label.set_status(self._bridge.status)

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        self._again = False
        log.error("sync did not start: %s", type(exc).__name__)
        self._label.set_status(self._bridge.status)

    def stop_following(self) -> None:
        """First step of closing: no more news for screens that are going away."""
        self._closing = True
        self._bridge.detach_feed()
        # News already queued for the GUI thread must not reach pages that are closing.
        self._bridge.blockSignals(True)
        self._backend.change_feed.stop()

    def stop(self) -> None:
        """Last step of closing (after running jobs finished): polling ends, the relay's
        port closes."""
        self._closing = True
        self._backend.stop_sync()
        self._bridge.detach()
