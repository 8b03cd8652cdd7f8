"""The open payment requests: every link a customer may still pay, soonest to expire first,
with the time left. The selected one can be expired at once (Stripe's expire).

Opened from the main menu (PosDesk → Open payment requests…). Read off the GUI thread; read
again when the change feed brings news of a request, after an expiry, and on Refresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import Backend
from posdesk.domain.changes import Change, ChangeKind
from posdesk.domain.payment_requests import REQUEST_STATE_WORDS, PaymentRequestView
from posdesk.gui.common.error_words import error_words
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import local_time_text, money_text
from posdesk.gui.messages import words
from posdesk.gui.requests.request_dialog import left_text
from posdesk.gui.shell.sync_bridge import SyncBridge


class OpenRequestsDialog(QDialog):
    loaded = Signal(object)  # list[PaymentRequestView], each time the list is read

    CREATED, AMOUNT, FOR, STATE, LEFT, STAFF = range(6)

    def __init__(
        self,
        backend: Backend,
        runner: TaskRunner,
        bridge: SyncBridge | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self.shown: list[PaymentRequestView] = []
        self.setWindowTitle(self.tr("Open payment requests"))
        self.resize(820, 400)
        intro = QLabel(self.tr(
            "Links customers may still pay, soonest to expire first. Expire one to stop it "
            "taking payments."), self)
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("openRequests")
        self.table.setHorizontalHeaderLabels([
            self.tr("Created"), self.tr("Amount"), self.tr("For"), self.tr("State"),
            self.tr("Time left"), self.tr("Staff")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            self.FOR, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.expire_button = QPushButton(self.tr("Expire selected"), self)
        self.expire_button.clicked.connect(self.expire_selected)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.load)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.expire_button)
        row.addWidget(refresh)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        if bridge is not None:
            bridge.changed.connect(self.changes_arrived)
        self.load()

    def load(self) -> None:
        requests, staff = self._backend.payment_requests, self._backend.staff
        self._runner.op(lambda: requests.open_requests(staff)).success(self._show).failure(
            self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_words(
            exc, fallback=self.tr("The open requests could not be read."),
            doing="open requests").text)

    def _show(self, views: list[PaymentRequestView]) -> None:
        self.shown = list(views)
        locale = self._backend.shop_settings.get().locale or "en_US"
        now = datetime.now(UTC)
        self.table.setRowCount(len(views))
        for row, view in enumerate(views):
            cells = [
                local_time_text(view.created_at),
                money_text(view.amount.amount, view.amount.currency, locale),
                view.description,
                words(REQUEST_STATE_WORDS[view.state]),
                left_text(view.time_left(now)),
                view.staff_name,
            ]
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.expire_button.setEnabled(bool(views))
        self.status.setText("" if views else self.tr("No open payment requests."))
        self.loaded.emit(self.shown)

    def changes_arrived(self, changes: Sequence[Change]) -> None:
        if any(c.kind is ChangeKind.PAYMENT_REQUEST for c in changes):
            self.load()

    def expire_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.shown):
            self.status.setText(self.tr("Select a request first."))
            return
        view = self.shown[rows[0].row()]
        requests, staff = self._backend.payment_requests, self._backend.staff
        self._runner.op(lambda: requests.expire(staff, view.id)).success(
            lambda _view: self.load()).failure(self._failed).run()
