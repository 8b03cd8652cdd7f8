"""One payment in full: amounts, card, customer, staff, terminal, its refunds (made here or
anywhere else: sync brings them in), a timeline of the Stripe events sync applied and the
audit entries about it (in words: timeline_words.py), and the actions the signed-in person
may take: refund, capture or release, and its receipt. The actions open the dialogs the
customer page opens (gui/payments/refund_dialog.py, capture_dialog.py,
gui/receipts/receipt_actions.py); the services check the permissions again.

The detail is read on the TaskRunner, and again after a refund or capture here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import Backend, PaymentDetail
from posdesk.domain.refunds import RefundState
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import local_time_text, money_text
from posdesk.gui.history import timeline_words
from posdesk.gui.payments import outcome_view
from posdesk.gui.payments.capture_dialog import CaptureDialog
from posdesk.gui.payments.outcome_view import state_text
from posdesk.gui.payments.refund_dialog import RefundDialog
from posdesk.gui.receipts.receipt_actions import ReceiptActions


class PaymentDetailDialog(QDialog):
    # The detail arrived (each time it is read).
    loaded = Signal(object)
    # A refund or capture made here changed the payment: the history reloads.
    payment_changed = Signal(str)

    def __init__(self, backend: Backend, runner: TaskRunner, payment_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self.payment_id = payment_id
        self.detail: PaymentDetail | None = None
        self.refund_dialog: RefundDialog | None = None
        self.capture_dialog: CaptureDialog | None = None
        self.setWindowTitle(self.tr("Payment"))
        self.setObjectName("paymentDetail")
        self.resize(860, 680)

        self.title = QLabel(self.tr("Reading the payment…"), self)
        self.title.setObjectName("title")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QFormLayout()
        self.fact_labels: dict[str, QLabel] = {}
        for key, label in (
            ("amount", self.tr("Amount")), ("state", self.tr("State")),
            ("received", self.tr("Received")), ("refunded", self.tr("Refunded")),
            ("when", self.tr("When")), ("customer", self.tr("Customer")),
            ("card", self.tr("Card")), ("description", self.tr("Description")),
            ("staff", self.tr("Staff")), ("terminal", self.tr("Terminal")),
            ("ids", self.tr("Reference")),
        ):
            value = QLabel(self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.fact_labels[key] = value
            self.facts.addRow(label, value)

        self.refund_table = self._table(self.tr("Refunds"), (
            self.tr("When"), self.tr("Amount"), self.tr("State"), self.tr("Reason"),
            self.tr("By")))
        self.timeline_table = self._table(self.tr("Timeline"), (
            self.tr("When"), self.tr("What"), self.tr("Details"), self.tr("Who")))
        # The details take what is left, so a staff name is never cut off.
        header = self.timeline_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.status = QLabel(self)
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.refund_button = QPushButton(self.tr("Refund…"), self)
        self.refund_button.clicked.connect(self.start_refund)
        self.capture_button = QPushButton(self.tr("Capture or release…"), self)
        self.capture_button.clicked.connect(self.start_capture)
        self.receipt_actions = ReceiptActions(backend, runner, self._receipt_payment, self)
        self.receipt_actions.status.connect(self.status.setText)
        self.receipt_buttons = []
        for action in self.receipt_actions.actions():
            self.addAction(action)
            button = QPushButton(action.text(), self)
            button.clicked.connect(action.trigger)
            self.receipt_buttons.append(button)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.refund_button, self.capture_button, *self.receipt_buttons):
            button.setAutoDefault(False)  # Enter closes; an action is chosen on purpose
            buttons.addWidget(button)
        close.setDefault(True)
        buttons.addStretch(1)
        buttons.addWidget(close)
        self._set_actions(None)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.facts)
        layout.addWidget(QLabel(self.tr("Refunds"), self))
        layout.addWidget(self.refund_table, 1)
        layout.addWidget(QLabel(self.tr("Timeline"), self))
        layout.addWidget(self.timeline_table, 2)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.load()

    def _table(self, name: str, headers: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setAccessibleName(name)
        table.setHorizontalHeaderLabels(list(headers))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _locale(self) -> str:
        return self._backend.settings.locale or "en_US"

    # --- reading ---------------------------------------------------------------------------

    def load(self) -> None:
        backend, payment_id = self._backend, self.payment_id
        self._runner.op(lambda: backend.history.detail(backend.staff, payment_id)).success(
            self._show).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.title.setText(self.tr("This payment could not be read."))
        self._runner.present_failure(exc)

    def _show(self, detail: PaymentDetail) -> None:
        self.detail = detail
        p, locale = detail.payment, self._locale()
        self.title.setText(self.tr("%1 — %2").replace(
            "%1", money_text(p.amount, p.currency, locale)).replace("%2", state_text(p.state)))
        customer = detail.customer
        card = detail.card
        facts = {
            "amount": money_text(p.amount, p.currency, locale),
            "state": state_text(p.state) + (f" ({p.error_message})" if p.error_message else ""),
            "received": money_text(p.amount_received, p.currency, locale),
            "refunded": money_text(p.amount_refunded, p.currency, locale),
            "when": local_time_text(p.created_at),
            "customer": " · ".join(w for w in (
                customer.name if customer else None, customer.email if customer else None,
                p.customer_id) if w),
            "card": (outcome_view.card_label_of(card.brand, card.last4)
                     + (f"  {card.exp_month:02d}/{card.exp_year}" if card.exp_month
                        and card.exp_year else "")) if card and card.last4 else "",
            "description": p.description or "",
            "staff": p.staff_name or p.staff_id,
            "terminal": detail.terminal_name,
            "ids": " · ".join(w for w in (p.id, p.intent_id) if w),
        }
        for key, value in facts.items():
            self.fact_labels[key].setText(value)
        self.refund_table.setRowCount(len(detail.refunds))
        for row, refund in enumerate(detail.refunds):
            by = refund.staff_name if refund.staff_name is not None else self.tr(
                "Elsewhere (Stripe)")
            self._fill_row(self.refund_table, row, (
                local_time_text(refund.created_at),
                money_text(refund.amount, refund.currency, locale),
                _refund_state_words(refund.state), outcome_view.refund_reason_text(refund.reason),
                by))
        self.timeline_table.setRowCount(len(detail.timeline))
        for row, entry in enumerate(detail.timeline):
            self._fill_row(self.timeline_table, row, (
                local_time_text(entry.at), timeline_words.what_text(entry),
                timeline_words.details_text(entry, locale), entry.who))
        self._set_actions(detail)
        self.loaded.emit(detail)

    @staticmethod
    def _fill_row(table: QTableWidget, row: int, values: tuple[str, ...]) -> None:
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)  # the whole text, should a narrow window cut it
            table.setItem(row, column, item)

    def _set_actions(self, detail: PaymentDetail | None) -> None:
        self.refund_button.setEnabled(bool(detail and detail.can_refund))
        self.capture_button.setEnabled(bool(detail and detail.can_capture))
        self.capture_button.setVisible(bool(detail and detail.can_capture))
        receipts = bool(detail and detail.can_receipt)
        self.receipt_actions.set_enabled(receipts)
        for button in self.receipt_buttons:
            button.setEnabled(receipts)

    # --- actions, as the customer page opens them ------------------------------------------------

    def _receipt_payment(self) -> tuple[str, str] | None:
        if self.detail is None:
            return None
        customer = self.detail.customer
        return self.detail.payment.id, (customer.email if customer else None) or ""

    def start_refund(self) -> RefundDialog | None:
        if self.detail is None or not self.detail.can_refund or self.refund_dialog is not None:
            return None
        dialog = RefundDialog(self._backend, self._runner, self.detail.payment, self)
        dialog.refunded.connect(lambda _result: self._changed())
        dialog.finished.connect(lambda _code: self._refund_closed(dialog))
        self.refund_dialog = dialog
        dialog.open()
        return dialog

    def _refund_closed(self, dialog: RefundDialog) -> None:
        if self.refund_dialog is dialog:
            self.refund_dialog = None
        dialog.deleteLater()

    def start_capture(self) -> CaptureDialog | None:
        if self.detail is None or not self.detail.can_capture or self.capture_dialog is not None:
            return None
        dialog = CaptureDialog(self._backend, self._runner, self.detail.payment, self)
        dialog.answered.connect(lambda _result: self._changed())
        dialog.finished.connect(lambda _code: self._capture_closed(dialog))
        self.capture_dialog = dialog
        dialog.open()
        return dialog

    def _capture_closed(self, dialog: CaptureDialog) -> None:
        if self.capture_dialog is dialog:
            self.capture_dialog = None
        dialog.deleteLater()

    def _changed(self) -> None:
        self.payment_changed.emit(self.payment_id)
        self.load()


__all__ = ["PaymentDetailDialog"]


def _refund_state_words(state: str) -> str:
    """A refund's state in words (one wording: outcome_view); an unknown one as it is."""
    try:
        return outcome_view.refund_state_text(RefundState(state))
    except ValueError:
        return state
