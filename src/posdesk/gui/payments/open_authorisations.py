"""The open authorisations: every payment held on a card and waiting for its capture, with
the time left before it lapses (the charge's `capture_before` when Stripe gives it, else the
card network's documented window), soonest first; under a day left is flagged. A manager
captures or releases the selected one (Enter, or double-click) in the capture dialog.

Opened from the main menu (PosDesk → Open authorisations…). The list is read off the GUI
thread (runner.op); it reads again after a capture or release, and on Refresh.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
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
from posdesk.domain.captures import OpenAuthorisation
from posdesk.gui.common.error_words import error_words
from posdesk.gui.common.theme import Role, colour, notifier
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import local_time_text
from posdesk.gui.payments import outcome_view

LAPSING_COLOR = Role.BAD


class OpenAuthorisationsDialog(QDialog):
    loaded = Signal(object)  # list[OpenAuthorisation], each time the list is read

    WHEN, AMOUNT, CARD, LEFT, BEFORE, STAFF = range(6)

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self.shown: list[OpenAuthorisation] = []
        self.capture_dialog: QDialog | None = None
        self.setWindowTitle(self.tr("Open authorizations"))
        self.resize(860, 420)

        intro = QLabel(self.tr(
            "Amounts held on cards and not captured yet, soonest to lapse first. An "
            "authorization that lapses releases the hold: capture or release it before then."),
            self)
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("authorizationTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Authorized"), self.tr("Amount"), self.tr("Card"), self.tr("Time left"),
            self.tr("Lapses"), self.tr("Staff")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in range(6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.STAFF, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.status_label = QLabel(self.tr("Reading the open authorizations…"), self)
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)

        self.capture_button = QPushButton(self.tr("Capture or release…"), self)
        self.capture_button.setObjectName("primaryButton")
        self.capture_button.setDefault(True)
        self.capture_button.clicked.connect(self.open_selected)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.load)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.capture_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        # The table's items hold their colour: paint the flagged ones again on a switch.
        notifier().changed.connect(self._recolour)
        self.load()

    def _locale(self) -> str:
        return self._backend.shop_settings.get().locale or "en_US"

    # --- reading ------------------------------------------------------------------------------

    def load(self) -> None:
        captures, staff = self._backend.captures, self._backend.staff
        self.refresh_button.setEnabled(False)
        self._runner.op(lambda: captures.open_authorisations(staff)).success(
            self._show).failure(self._failed).run()

    def _show(self, found: list[OpenAuthorisation]) -> None:
        self.refresh_button.setEnabled(True)
        self.shown = list(found)
        now = datetime.now(UTC)
        locale = self._locale()
        self.table.setRowCount(len(found))
        lapsing = 0
        for row, item in enumerate(found):
            flagged = item.lapsing(now)
            lapsing += flagged
            card = outcome_view.card_label_of(item.card_brand, item.card_last4)
            before = local_time_text(item.capture_before)
            if not item.from_stripe:
                before = self.tr("about %1").replace("%1", before)
            left = outcome_view.time_left_text(item.time_left(now))
            if flagged:
                left = self.tr("⚠ %1").replace("%1", left)
            cells = [local_time_text(item.created_at),
                     outcome_view.amount_words(item.amount, locale), card, left, before,
                     item.staff_name]
            for column, words in enumerate(cells):
                cell = QTableWidgetItem(words)
                cell.setData(Qt.ItemDataRole.UserRole, item.payment_id)
                if column == self.AMOUNT:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if flagged and column == self.LEFT:
                    cell.setForeground(QBrush(colour(LAPSING_COLOR)))
                    cell.setToolTip(self.tr("Less than a day left: capture or release it now."))
                self.table.setItem(row, column, cell)
        if found:
            self.table.selectRow(0)
        self.capture_button.setEnabled(bool(found))
        if not found:
            words = self.tr("No authorization is waiting for a capture.")
        elif lapsing:
            words = self.tr("%1 lapse within a day: capture or release them now.").replace(
                "%1", str(lapsing))
        else:
            words = self.tr("Select one and press Enter to capture or release it.")
        self.status_label.setText(words)
        self.table.setFocus()
        self.loaded.emit(found)

    def _recolour(self, _scheme: str = "") -> None:
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, self.LEFT)
            if cell is not None and cell.foreground().style() != Qt.BrushStyle.NoBrush:
                cell.setForeground(QBrush(colour(LAPSING_COLOR)))

    def _failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.status_label.setText(error_words(
            exc, fallback=self.tr("The open authorizations could not be read. Try again."),
            doing="open authorizations").text)

    # --- acting -------------------------------------------------------------------------------

    def selected(self) -> OpenAuthorisation | None:
        row = self.table.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def open_selected(self) -> QDialog | None:
        from posdesk.gui.payments.capture_dialog import CaptureDialog

        chosen = self.selected()
        if chosen is None or self.capture_dialog is not None:
            return None
        payment = self._backend.charges.payments.get(chosen.payment_id)
        if payment is None:
            return None
        dialog = CaptureDialog(self._backend, self._runner, payment, self)
        dialog.answered.connect(lambda _result: self.load())
        dialog.finished.connect(lambda _code: self._capture_closed(dialog))
        self.capture_dialog = dialog
        dialog.open()
        return dialog

    def _capture_closed(self, dialog: QDialog) -> None:
        if self.capture_dialog is dialog:
            self.capture_dialog = None
        dialog.deleteLater()
