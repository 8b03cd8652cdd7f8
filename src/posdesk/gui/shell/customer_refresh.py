"""Filling the customer cache from Stripe (start-up and F5), with progress for the status bar.

The window shows what this says (`message`, `busy`, `reach`); the customer search reloads on
`updated`. Only one refresh runs at a time, and closing the window asks it to stop.

The service decides how much to read (services/customers.py): the first import pages through
every customer and resumes after the last stored page when stopped; later refreshes fetch
only customers created since. `refresh_everything` asks for a full import instead.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from posdesk.backend import Backend, GatewayError
from posdesk.domain.outcomes import OutcomeKind
from posdesk.gui.common.error_words import error_words
from posdesk.gui.common.workers import Job, TaskRunner
from posdesk.gui.shell.sync_status import REACH_CONNECTED, REACH_KEY_REJECTED, REACH_UNREACHABLE

log = logging.getLogger(__name__)


class CustomerRefresh(QObject):
    finished = Signal(object)  # count of customers, or the exception
    updated = Signal()  # the cache holds Stripe's customers now: lists reload
    message = Signal(str)  # what the status bar says about it
    busy = Signal(bool)  # a refresh runs (the status bar's progress bar)
    reach = Signal(str)  # REACH_*: whether Stripe answered

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._job: Job | None = None

    @property
    def running(self) -> bool:
        return self._job is not None

    def refresh(self) -> None:
        """Start-up and F5: what changed since the last import (or the import itself)."""
        self._start(full=False)

    def refresh_everything(self) -> None:
        """Read every customer from Stripe again, whatever the cache holds."""
        self._start(full=True)

    def _start(self, *, full: bool) -> None:
        if self._backend.mode == "unconfigured" or self._job is not None:
            return
        customers = self._backend.customers  # read now: new keys replace the service
        self.message.emit(self.tr("Updating customers from Stripe…"))
        self.busy.emit(True)

        # On a pool thread (runner.progress_op): the GUI stays responsive however long the
        # first import takes, and each page's count comes back through job.report.
        def work(job: Job) -> int:
            return customers.refresh_from_stripe(
                progress=lambda *values: job.report(values), should_stop=job.stop_requested,
                full=full,
            )

        # The status bar line is where this failure belongs: the cashier keeps working with
        # the saved list.
        self._job = self._runner.progress_op(work).progress(self._progress).success(
            self._refreshed).failure(self._failed).run()

    def stop(self) -> None:
        if self._job is not None:
            self._job.request_stop()

    def _progress(self, values: tuple[object, ...]) -> None:
        numbers = [v for v in values if isinstance(v, int)]
        if len(numbers) >= 2 and numbers[1]:
            text = self.tr("Updating customers from Stripe… %1 of %2")
            self.message.emit(text.replace("%1", str(numbers[0])).replace("%2", str(numbers[1])))
        elif numbers:
            self.message.emit(
                self.tr("Updating customers from Stripe… %1").replace("%1", str(numbers[0])))

    def _refreshed(self, count: int) -> None:
        self._job = None
        self.busy.emit(False)
        self.reach.emit(REACH_CONNECTED)
        self.message.emit(
            self.tr("Customers updated from Stripe: %1.").replace("%1", str(int(count or 0))))
        self.updated.emit()
        self.finished.emit(count)

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        self.busy.emit(False)
        rejected = isinstance(exc, GatewayError) and exc.kind is OutcomeKind.CONFIGURATION_PROBLEM
        self.reach.emit(REACH_KEY_REJECTED if rejected else REACH_UNREACHABLE)
        words = error_words(exc, fallback=self.tr("Could not update customers from Stripe."),
                            doing="customer refresh")
        self.message.emit(
            self.tr("Showing the saved customer list. %1 F5 tries again.").replace(
                "%1", words.text))
        self.finished.emit(exc)
