"""Warming up card entry: the web engine and the card page's server start in the background
a moment after start-up, so the first "New card…" shows the form without Chromium's start-up
wait. Later views are preloaded by checkout_view.rewarm after each card entry."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from posdesk.backend import Backend, CheckoutServer
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.payments import checkout_view

log = logging.getLogger(__name__)

# After start-up work begins, so the window paints and the customer list fills first.
WARM_UP_DELAY_MS = 1500


class CardEntryWarmUp(QObject):
    def __init__(
        self, backend: Backend, runner: TaskRunner, visible: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._visible = visible  # warming up for a window nobody sees wastes a web engine

    def available(self) -> bool:
        """Card entry can run: keys are set and a publishable key is among them."""
        key = self._backend.card_entry.publishable_key or ""
        return self._backend.mode != "unconfigured" and key.startswith("pk_")

    def schedule(self) -> None:
        QTimer.singleShot(WARM_UP_DELAY_MS, self, self.start)

    def start(self) -> None:
        if not self.available() or not self._visible():
            return
        backend = self._backend
        # Nothing for the cashier to see if this fails: card entry then starts cold.
        self._runner.op(backend.checkout_server).success(self._warm).failure(
            lambda exc: log.warning("checkout server did not start: %s", type(exc).__name__)
        ).run()

    def _warm(self, server: CheckoutServer) -> None:
        checkout_view.warm_up(server, stripe_js_url=self._backend.stripe_js_url,
                              debug=self._backend.debug)
