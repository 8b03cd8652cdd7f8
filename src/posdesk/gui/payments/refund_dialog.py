"""Refund a payment, in full or in part.

Form (what is left to refund and the refunds so far, the amount: all that is left unless
changed, why, a note kept in the shop's records) → busy while Stripe answers → the result in
large type. Above the shop's refund limit the same dialog asks for a manager's PIN in place
(the approval section) and then refunds with that approval. Every step talks to the service
off the GUI thread (runner.op).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import (
    NOTE_LIMIT,
    Approval,
    Backend,
    PaymentRecord,
    Refundable,
    RefundResult,
)
from posdesk.domain.approval import ApprovalRequired
from posdesk.domain.money import AmountError, Money, parse_amount
from posdesk.domain.refunds import REASON_WORDS, RefundReason, RefundState
from posdesk.gui.common.error_words import error_words
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import local_time_text, money_text, outcome_text
from posdesk.gui.payments import outcome_view
from posdesk.gui.payments.approval_section import ApprovalSection
from posdesk.gui.payments.dialog_parts import busy_indicator, button_row
from posdesk.gui.payments.result_actions import ResultActions
from posdesk.gui.payments.result_panel import ResultPanel, ResultView, fit_dialog_to_page

log = logging.getLogger(__name__)


class RefundDialog(QDialog):
    # The refund's answer (RefundResult), once shown: the page reloads the payment.
    refunded = Signal(object)
    result_ready = Signal(object)  # ResultView
    loaded = Signal(object)  # Refundable, each time what is left is read
    settings_requested = Signal()

    def __init__(
        self,
        backend: Backend,
        runner: TaskRunner,
        payment: PaymentRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._payment = payment
        self._refundable: Refundable | None = None
        self._amount: Money | None = None
        self._approval: Approval | None = None
        self.busy = False
        self.result_shown: RefundResult | None = None
        self.view: ResultView | None = None
        self.setWindowTitle(self.tr("Refund payment"))
        self.setMinimumWidth(640)
        self.setModal(True)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_form())
        self.stack.addWidget(self._build_result())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self._amount_changed(self.amount_edit.text())
        self.load()

    # --- layout -----------------------------------------------------------------------------

    def _locale(self) -> str:
        return self._backend.shop_settings.get().locale or "en_US"

    def _money(self, amount: int) -> str:
        return money_text(amount, self._payment.currency, self._locale())

    def _build_form(self) -> QWidget:
        page = QWidget(self)
        payment = self._payment
        paid = self._money(payment.amount_received or payment.amount)
        summary = self.tr("Payment of %1 taken %2").replace("%1", paid).replace(
            "%2", local_time_text(payment.created_at))
        if payment.description:
            summary += f" · {payment.description}"
        self.payment_label = QLabel(summary, page)
        self.payment_label.setObjectName("cardSummary")
        self.payment_label.setWordWrap(True)
        self.left_label = QLabel(self.tr("Reading what is left to refund…"), page)
        self.left_label.setObjectName("sectionTitle")
        self.left_label.setWordWrap(True)

        self.refunds_table = QTableWidget(0, 4, page)
        self.refunds_table.setObjectName("refundTable")
        self.refunds_table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Amount"), self.tr("State"), self.tr("Why")])
        self.refunds_table.verticalHeader().setVisible(False)
        self.refunds_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.refunds_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.refunds_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.refunds_table.setShowGrid(False)
        header = self.refunds_table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.refunds_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.refunds_table.hide()

        currency = payment.currency
        self.amount_edit = QLineEdit(page)
        self.amount_edit.setObjectName("amountEdit")
        self.amount_edit.setAccessibleName(self.tr("Amount to refund"))
        self.amount_edit.setPlaceholderText(self.tr("Amount in %1").replace("%1", currency))
        self.amount_edit.textChanged.connect(self._amount_changed)
        self.amount_error = QLabel(page)
        self.amount_error.setObjectName("fieldError")
        self.amount_error.setWordWrap(True)
        self.amount_error.hide()
        self.reason_combo = QComboBox(page)
        self.reason_combo.setAccessibleName(self.tr("Why the money goes back"))
        for reason, words in REASON_WORDS.items():
            self.reason_combo.addItem(outcome_text(words), reason.value)
        self.note_edit = QLineEdit(page)
        self.note_edit.setMaxLength(NOTE_LIMIT)
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(
            self.tr("Optional, for the shop's records only"))

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow(self.tr("Amount (%1)").replace("%1", currency), self.amount_edit)
        form.addRow("", self.amount_error)
        form.addRow(self.tr("Why"), self.reason_combo)
        form.addRow(self.tr("Note"), self.note_edit)

        # Shown in place when the refund is above the shop's limit for this person.
        self.approval_section = ApprovalSection(self._backend, self._runner, page)
        self.approval_section.approved.connect(self._approved)
        self.approval_section.canceled.connect(lambda: self._amount_changed(
            self.amount_edit.text()))
        self.approval_section.changed.connect(
            lambda: fit_dialog_to_page(self, self.stack.widget(0)))

        self.busy_label, self.busy_bar = busy_indicator(page)

        self.refund_button = QPushButton(self.tr("Refund"), page)
        self.refund_button.setObjectName("dangerButton")
        self.refund_button.clicked.connect(self.refund)
        self.cancel_button = QPushButton(self.tr("Cancel  (Esc)"), page)
        self.cancel_button.clicked.connect(self.reject)
        buttons = button_row(self.cancel_button, self.refund_button)

        layout = QVBoxLayout(page)
        layout.addWidget(self.payment_label)
        layout.addWidget(self.left_label)
        layout.addWidget(self.refunds_table)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.approval_section)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_result(self) -> QWidget:
        page = QWidget(self)
        self.result_panel = ResultPanel(page)
        self.result_title = self.result_panel.title
        self.result_amount = self.result_panel.amount
        self.result_body = self.result_panel.body
        self.result_next_step = self.result_panel.next_step
        self.settings_button = QPushButton(self.tr("Open settings"), page)
        self.settings_button.clicked.connect(self._open_settings)
        self.done_button = QPushButton(self.tr("Done  (Enter)"), page)
        self.done_button.setObjectName("primaryButton")
        self.done_button.clicked.connect(self.accept)
        # The refund's receipt once Stripe took it (Ctrl+P, Ctrl+Shift+S).
        self.result_status = QLabel(page)
        self.result_status.setObjectName("hint")
        self.result_status.setWordWrap(True)
        self.result_panel.add_line(self.result_status)
        self.result_actions = ResultActions(
            self._backend, self._runner, self._receipt_payment, self,
            self.result_status.setText, refund_of=self._receipt_refund)
        buttons = QHBoxLayout()
        buttons.addWidget(self.settings_button)
        for button in self.result_actions.buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_panel, 1)
        layout.addLayout(buttons)
        return page

    # --- what is left -----------------------------------------------------------------------

    def load(self) -> None:
        """Read what is left to refund and the refunds so far (off the GUI thread)."""
        refunds, staff, payment_id = self._backend.refunds, self._backend.staff, self._payment.id
        self._runner.op(lambda: refunds.refundable(staff, payment_id)).success(
            self._show_refundable).failure(self._load_failed).run()

    def _show_refundable(self, refundable: Refundable) -> None:
        self._refundable = refundable
        left = self._money(refundable.left)
        if refundable.received <= 0:
            self.left_label.setText(self.tr("Nothing was paid with this payment, so there is "
                                            "nothing to refund."))
        elif refundable.left <= 0:
            self.left_label.setText(self.tr("This payment has been refunded in full."))
        elif refundable.refunded:
            self.left_label.setText(
                self.tr("Left to refund: %1 (refunded so far: %2)").replace("%1", left)
                .replace("%2", self._money(refundable.refunded)))
        else:
            self.left_label.setText(self.tr("Left to refund: %1").replace("%1", left))
        self.refunds_table.setRowCount(len(refundable.lines))
        for row, line in enumerate(refundable.lines):
            when = local_time_text(datetime.fromtimestamp(line.created, UTC)) if line.created \
                else ""
            why = outcome_view.refund_reason_text(line.reason)
            if line.note:
                why = f"{why} · {line.note}" if why else line.note
            cells = (when, money_text(line.amount, line.currency, self._locale()),
                     outcome_view.refund_state_text(line.state), why)
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)  # a long note reads in full
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.refunds_table.setItem(row, column, item)
        self.refunds_table.setVisible(bool(refundable.lines))
        self._fit_refunds_table()
        if not self.amount_edit.text().strip() and refundable.left > 0:
            # All that is left, unless the cashier changes it.
            self.amount_edit.setText(left)
            self.amount_edit.selectAll()
        self.amount_edit.setEnabled(refundable.left > 0)
        self._amount_changed(self.amount_edit.text())
        if refundable.left > 0:
            self.amount_edit.setFocus()
        else:
            self.cancel_button.setFocus()
        fit_dialog_to_page(self, self.stack.widget(0))
        self.loaded.emit(refundable)

    def _fit_refunds_table(self) -> None:
        """As tall as its rows (up to four; it scrolls beyond), never an empty block."""
        table = self.refunds_table
        rows = min(table.rowCount(), 4)
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(rows))
        table.setFixedHeight(height)

    def _load_failed(self, exc: BaseException) -> None:
        words = error_words(exc, fallback=self.tr("What is left to refund could not be read."),
                            doing="refund dialog")
        self.left_label.setText(words.text)

    # --- validation -------------------------------------------------------------------------

    def _amount_changed(self, text: str) -> None:
        amount: Money | None = None
        problem = ""
        if text.strip():
            try:
                amount = parse_amount(text, self._payment.currency, self._locale())
            except AmountError as exc:
                problem = outcome_text(exc.message)
        left = self._refundable.left if self._refundable is not None else None
        if amount is not None and amount.amount <= 0:
            amount, problem = None, self.tr("Type an amount above zero.")
        elif amount is not None and left is not None and amount.amount > left:
            problem = self.tr("Only %1 is left to refund.").replace("%1", self._money(left))
            amount = None
        if amount != self._amount and self.approval_section.pending:
            self.approval_section.close_section()  # it was for another amount
        self._amount = amount
        self.amount_error.setText(problem)
        self.amount_error.setVisible(bool(problem))
        self.amount_edit.setProperty("invalid", bool(problem))
        self.amount_edit.style().unpolish(self.amount_edit)
        self.amount_edit.style().polish(self.amount_edit)
        self._update_button()

    def _update_button(self) -> None:
        amount = self._amount
        self.refund_button.setEnabled(
            amount is not None and self._refundable is not None and not self.busy
            and not self.approval_section.pending
        )
        self.refund_button.setText(
            self.tr("Refund %1").replace("%1", self._money(amount.amount))
            if amount is not None else self.tr("Refund"))

    # --- refunding --------------------------------------------------------------------------

    def reason(self) -> RefundReason:
        return RefundReason(self.reason_combo.currentData())

    def refund(self) -> None:
        if self.busy or self._amount is None or self.approval_section.pending:
            return
        refunds, staff = self._backend.refunds, self._backend.staff
        payment_id, amount, approval = self._payment.id, self._amount, self._approval
        reason, note = self.reason(), self.note_edit.text()
        self._set_busy(True, self.tr("Refunding %1… waiting for Stripe.").replace(
            "%1", self._money(amount.amount)))
        self._runner.op(
            lambda: refunds.refund(staff, payment_id, amount, reason, note, approval=approval)
        ).success(self._answered).failure(self._failed).run()

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        for widget in (self.amount_edit, self.reason_combo, self.note_edit, self.cancel_button):
            widget.setEnabled(not busy)
        self.busy_label.setText(text)
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)
        self._update_button()

    def _answered(self, result: RefundResult) -> None:
        self._set_busy(False)
        self.result_shown = result
        self._show(outcome_view.refund_result_view(result, self._locale()))
        self.refunded.emit(result)

    def _approved(self, approval: Approval) -> None:
        """The manager's PIN was right: the same refund again, with the approval."""
        self._approval = approval
        self._update_button()
        self.refund()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ApprovalRequired):
            # Above the shop's limit: a manager approves here, in this dialog.
            self.approval_section.ask(exc, self._backend.staff)
            self._update_button()
            return
        words = error_words(
            exc, fallback="",
            not_allowed=self.tr("Your role (%1) may not refund payments. Nothing was refunded."),
            doing="refund")
        self._show(outcome_view.refund_error_view(words, self._amount, self._locale()))

    def _show(self, view: ResultView) -> None:
        self.view = view
        self.result_panel.show_view(view)
        self.settings_button.setVisible(view.can_open_settings)
        self.result_status.setText("")
        self.result_actions.update()
        self.done_button.setDefault(True)
        self.stack.setCurrentIndex(1)
        fit_dialog_to_page(self, self.stack.widget(1))
        self.done_button.setFocus()
        self.result_ready.emit(view)

    def _receipt_payment(self) -> tuple[str, str] | None:
        """The payment whose refund has a receipt: once Stripe made the refund (pending or
        succeeded)."""
        result = self.result_shown
        if result is None or result.state not in (RefundState.PENDING, RefundState.SUCCEEDED):
            return None
        return self._payment.id, ""

    def _receipt_refund(self) -> str | None:
        result = self.result_shown
        return None if result is None else result.refund_id or result.request_id

    def _open_settings(self) -> None:
        self.settings_requested.emit()
        self.accept()

    def reject(self) -> None:
        # While Stripe has the request the answer must reach the cashier: Esc waits.
        if self.busy:
            self.busy_label.setText(self.tr("Waiting for Stripe's answer; this cannot be "
                                            "canceled now."))
            return
        super().reject()
