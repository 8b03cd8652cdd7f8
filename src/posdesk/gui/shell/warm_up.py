"""Warming up card entry: when a customer is opened, the web engine and the card page's server
start in the background, so a "New card…" that follows shows the form without Chromium's
start-up wait. Later views are preloaded by checkout_view.rewarm after each card entry, and
a spare left unused for checkout_view.SPARE_IDLE_RELEASE_MS is released.

Not at start-up: a preloaded page costs a render process (well over 100 MB) that a till
which is only looked at, or a back office PC, would carry all day for nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject

from posdesk.backend import Backend, CheckoutServer
from posdesk.gui.common.workers import Job, TaskRunner

log = logging.getLogger(__name__)


class CardEntryWarmUp(QObject):
    def __init__(
        self, backend: Backend, runner: TaskRunner, visible: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._visible = visible  # warming up for a window nobody sees wastes a web engine
        self._job: Job | None = None

    def available(self) -> bool:
        """Card entry can run: keys are set and a publishable key is among them."""
        key = self._backend.card_entry.publishable_key or ""
        return self._backend.mode != "unconfigured" and key.startswith("pk_")

    def start(self) -> None:
        """Prepare (or keep) a preloaded card page; called when a customer is opened."""
        if not self.available() or not self._visible() or self._job is not None:
            return
        backend = self._backend
        # Nothing for the cashier to see if this fails: card entry then starts cold.
        self._job = self._runner.op(backend.checkout_server).success(self._warm).failure(
            self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        log.warning("checkout server did not start: %s", type(exc).__name__)

    def _warm(self, server: CheckoutServer) -> None:
        self._job = None
        # Imported here: QtWebEngine loads with the first card page, not with the app.
        from posdesk.gui.payments import checkout_view

        checkout_view.warm_up(server, stripe_js_url=self._backend.stripe_js_url,
                              debug=self._backend.debug)
