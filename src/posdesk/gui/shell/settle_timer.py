"""Settling payments and refunds a dropped connection left open (pending, unconfirmed), now
and then.

Runs once at start-up, every SETTLE_INTERVAL_MS after, and a few seconds after each payment
dialog closes (a payment it left open may have an answer by then). Payments that settle
are announced on `settled`; the customer page reloads what it shows.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from posdesk.backend import Backend, ChargeResult, RefundResult
from posdesk.gui.common.workers import TaskRunner

log = logging.getLogger(__name__)

# Pending or unconfirmed payments left by a dropped connection are settled this often.
SETTLE_INTERVAL_MS = 60_000
# After a payment dialog closes: long enough for Stripe to have decided what was open.
SETTLE_AFTER_PAYMENT_MS = 5_000


class SettleTimer(QObject):
    finished = Signal(object)  # list of ChargeResult, or the exception
    settled = Signal(object)  # non-empty list of ChargeResult: payments changed
    message = Signal(str)  # for the status bar

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._timer = QTimer(self)
        self._timer.setInterval(SETTLE_INTERVAL_MS)
        self._timer.timeout.connect(self.settle_now)
        self._stopped = False

    def start(self) -> None:
        """Settle now and then every interval (start-up, new keys)."""
        self._stopped = False
        self.settle_now()
        self._timer.start()

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()

    def settle_later(self) -> None:
        QTimer.singleShot(SETTLE_AFTER_PAYMENT_MS, self, self.settle_now)

    def settle_now(self) -> None:
        if self._backend.mode == "unconfigured" or self._stopped:
            return
        charges = self._backend.charges
        # Background housekeeping: a failure is logged and tried again next round, never a
        # message in front of the cashier.
        self._runner.op(charges.settle_unconfirmed).success(self._settled).failure(
            self._failed).run()
        # Refunds too (the same key, or found by our metadata: never a second refund); the
        # screens learn of what changed through the change feed.
        refunds = self._backend.refunds
        self._runner.op(refunds.settle_unconfirmed).success(self._refunds_settled).failure(
            lambda exc: log.warning("settling unconfirmed refunds failed: %s",
                                    type(exc).__name__)).run()
        # Payment requests: links whose create lost its answer (same key), and the failed
        # intent of a paid remote authentication, canceled (services/payment_requests.py).
        requests = self._backend.payment_requests
        self._runner.op(requests.settle).failure(
            lambda exc: log.warning("settling payment requests failed: %s",
                                    type(exc).__name__)).run()

    def _refunds_settled(self, results: list[RefundResult]) -> None:
        if results:
            self.message.emit(self.tr("Earlier refunds checked with Stripe: %1.").replace(
                "%1", str(len(results))))

    def _settled(self, results: list[ChargeResult]) -> None:
        if results:
            self.message.emit(self.tr("Earlier payments checked with Stripe: %1.").replace(
                "%1", str(len(results))))
            self.settled.emit(results)
        self.finished.emit(results)

    def _failed(self, exc: BaseException) -> None:
        log.warning("settling unconfirmed payments failed: %s", type(exc).__name__)
        self.finished.emit(exc)
