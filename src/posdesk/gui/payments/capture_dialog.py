"""Capture an authorisation, in full or in part (the rest is released), or release it.

Opened from the customer's payments (its context menu, or Ctrl+T) and from the open
authorisations list, for a payment waiting for its capture. The form says what was
authorised and how long is left before it lapses, then: the amount to capture (all of it
unless changed) or a release with its reason → busy while Stripe answers → the result in
large type (gui/payments/outcome_view.py). Every step talks to the service off the GUI
thread (runner.op).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import Backend, PaymentRecord
from posdesk.domain.captures import RELEASE_REASONS, CaptureResult, OpenAuthorisation
from posdesk.domain.money import AmountError, Money, parse_amount
from posdesk.gui.common.error_words import error_words
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import money_text, outcome_text, sentences
from posdesk.gui.payments import outcome_view
from posdesk.gui.payments.dialog_parts import busy_indicator, button_row
from posdesk.gui.payments.result_panel import ResultPanel, ResultView, fit_dialog_to_page


class CaptureDialog(QDialog):
    # The answer (CaptureResult), once shown: the page reloads the payment.
    answered = Signal(object)
    result_ready = Signal(object)  # ResultView
    loaded = Signal(object)  # OpenAuthorisation | None, once the time left is read

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
        self._authorised = Money(payment.amount, payment.currency)
        self._amount: Money | None = self._authorised
        self.busy = False
        self.result_shown: CaptureResult | None = None
        self.view: ResultView | None = None
        self.authorisation: OpenAuthorisation | None = None
        self.setWindowTitle(self.tr("Capture or release"))
        self.setMinimumWidth(640)
        self.setModal(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_form())
        self.stack.addWidget(self._build_result())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self._mode_changed()
        self.amount_edit.setFocus()
        self.amount_edit.selectAll()
        self._read_time_left()

    def _locale(self) -> str:
        return self._backend.shop_settings.get().locale or "en_US"

    # --- layout -----------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        page = QWidget(self)
        authorised = outcome_view.amount_words(self._authorised, self._locale())
        self.summary_label = QLabel(
            self.tr("Authorized on the card: %1").replace("%1", authorised), page)
        self.summary_label.setObjectName("cardSummary")
        self.time_left_label = QLabel(self.tr("Reading how long is left…"), page)
        self.time_left_label.setObjectName("hint")
        self.time_left_label.setWordWrap(True)

        self.capture_radio = QRadioButton(self.tr("Capture"), page)
        self.capture_radio.setChecked(True)
        self.release_radio = QRadioButton(self.tr("Release the hold (take nothing)"), page)
        self.capture_radio.toggled.connect(self._mode_changed)

        self.amount_edit = QLineEdit(page)
        self.amount_edit.setObjectName("amountEdit")
        self.amount_edit.setAccessibleName(self.tr("Amount to capture"))
        self.amount_edit.setText(money_text(self._authorised.amount, self._authorised.currency,
                                            self._locale()))
        self.amount_edit.textChanged.connect(self._amount_typed)
        self.amount_error = QLabel(page)
        self.amount_error.setObjectName("fieldError")
        self.amount_error.setWordWrap(True)
        self.amount_error.hide()
        self.rest_label = QLabel(page)
        self.rest_label.setObjectName("hint")
        self.reason_combo = QComboBox(page)
        self.reason_combo.setAccessibleName(self.tr("Why it is released"))
        words = outcome_view.release_reason_words()
        for reason in RELEASE_REASONS:
            self.reason_combo.addItem(words[reason], reason)

        form = QFormLayout()
        form.addRow(self.capture_radio)
        form.addRow(self.tr("Amount to capture (%1)").replace("%1", self._authorised.currency),
                    self.amount_edit)
        form.addRow("", self.amount_error)
        form.addRow("", self.rest_label)
        form.addRow(self.release_radio)
        form.addRow(self.tr("Why"), self.reason_combo)

        self.busy_label, self.busy_bar = busy_indicator(page)

        self.go_button = QPushButton(page)
        self.go_button.setObjectName("primaryButton")
        self.go_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel  (Esc)"), page)
        self.cancel_button.clicked.connect(self.reject)
        buttons = button_row(self.cancel_button, self.go_button)

        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.time_left_label)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_result(self) -> QWidget:
        page = QWidget(self)
        self.result_panel = ResultPanel(page)
        self.retry_button = QPushButton(self.tr("Check again"), page)
        self.retry_button.clicked.connect(self.submit)
        self.done_button = QPushButton(self.tr("Done  (Enter)"), page)
        self.done_button.setObjectName("primaryButton")
        self.done_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_panel, 1)
        layout.addLayout(buttons)
        return page

    # --- the time left ------------------------------------------------------------------------

    def _read_time_left(self) -> None:
        captures, staff, payment_id = (self._backend.captures, self._backend.staff,
                                       self._payment.id)

        def read() -> OpenAuthorisation | None:
            found = [a for a in captures.open_authorisations(staff)
                     if a.payment_id == payment_id]
            return found[0] if found else None

        self._runner.op(read).success(self._show_time_left).failure(
            lambda _exc: self.time_left_label.setText(
                self.tr("How long is left could not be read."))).run()

    def _show_time_left(self, found: OpenAuthorisation | None) -> None:
        self.authorisation = found
        if found is None:
            self.time_left_label.setText(self.tr("This payment no longer waits for a capture."))
        else:
            now = datetime.now(UTC)
            text = outcome_view.time_left_text(found.time_left(now))
            source = (self.tr("Stripe's date") if found.from_stripe
                      else self.tr("the card network's usual window"))
            words = self.tr("%1 before the authorization lapses (%2).").replace(
                "%1", text).replace("%2", source)
            if found.lapsing(now):
                words = sentences(
                    self.tr("Less than a day left: capture or release it now."), words)
                self.time_left_label.setObjectName("fieldError")
                self.time_left_label.style().unpolish(self.time_left_label)
                self.time_left_label.style().polish(self.time_left_label)
            self.time_left_label.setText(words)
        fit_dialog_to_page(self, self.stack.widget(0))
        self.loaded.emit(found)

    # --- the form -----------------------------------------------------------------------------

    def _mode_changed(self) -> None:
        capturing = self.capture_radio.isChecked()
        self.amount_edit.setEnabled(capturing and not self.busy)
        self.reason_combo.setEnabled(not capturing and not self.busy)
        self._amount_typed(self.amount_edit.text())

    def _amount_typed(self, text: str) -> None:
        self._amount = None
        message = ""
        try:
            amount = parse_amount(text, self._authorised.currency, self._locale())
        except AmountError as exc:
            message = outcome_text(exc.message) if text.strip() else ""
        else:
            if amount.amount > self._authorised.amount:
                message = self.tr("At most %1 can be captured.").replace(
                    "%1", outcome_view.amount_words(self._authorised, self._locale()))
            else:
                self._amount = amount
        capturing = self.capture_radio.isChecked()
        self.amount_error.setText(message if capturing else "")
        self.amount_error.setVisible(bool(message) and capturing)
        rest = (self._authorised.amount - self._amount.amount) if self._amount else 0
        self.rest_label.setText(
            self.tr("The rest, %1, is released on the card.").replace(
                "%1", outcome_view.amount_words(Money(rest, self._authorised.currency),
                                                self._locale()))
            if capturing and rest > 0 else "")
        if capturing:
            self.go_button.setText(
                self.tr("Capture %1").replace("%1", outcome_view.amount_words(
                    self._amount, self._locale())) if self._amount else self.tr("Capture"))
        else:
            self.go_button.setText(self.tr("Release the hold"))
        self.go_button.setEnabled(not self.busy and (self._amount is not None or not capturing))

    # --- sending ------------------------------------------------------------------------------

    def submit(self) -> None:
        if self.busy:
            return
        captures, staff, payment_id = (self._backend.captures, self._backend.staff,
                                       self._payment.id)
        if self.capture_radio.isChecked():
            amount = self._amount
            if amount is None:
                return
            doing = self.tr("Capturing %1… waiting for Stripe.").replace(
                "%1", outcome_view.amount_words(amount, self._locale()))

            def work() -> CaptureResult:
                return captures.capture(staff, payment_id, amount)
        else:
            reason = str(self.reason_combo.currentData())
            doing = self.tr("Releasing the hold… waiting for Stripe.")

            def work() -> CaptureResult:
                return captures.release(staff, payment_id, reason)

        self._set_busy(True, doing)
        self._runner.op(work).success(self._answered).failure(self._failed).run()

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        for widget in (self.capture_radio, self.release_radio, self.cancel_button):
            widget.setEnabled(not busy)
        self._mode_changed()
        self.busy_label.setText(text)
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)

    def _answered(self, result: CaptureResult) -> None:
        self._set_busy(False)
        self.result_shown = result
        self._show(outcome_view.capture_result_view(result, self._locale()))
        self.answered.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        words = error_words(
            exc, fallback="",
            not_allowed=self.tr("Your role (%1) may not capture or release payments. Ask a "
                                "manager."),
            doing="capture")
        self._show(outcome_view.capture_error_view(words, self._authorised, self._locale()))

    def _show(self, view: ResultView) -> None:
        self.view = view
        self.result_panel.show_view(view)
        self.retry_button.setVisible(view.can_retry)
        self.stack.setCurrentIndex(1)
        fit_dialog_to_page(self, self.stack.widget(1))
        self.done_button.setDefault(True)
        self.done_button.setFocus()
        self.result_ready.emit(view)

    def reject(self) -> None:
        if self.busy:
            self.busy_label.setText(self.tr("Waiting for Stripe's answer; this cannot be "
                                            "canceled now."))
            return
        super().reject()
