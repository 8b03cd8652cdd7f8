"""Charge a saved card while the customer is not present.

Form (card, amount with live validation, description) → busy while Stripe answers → a result
in large type with color and icon, saying what happened and what to do next. An unconfirmed
answer is settled automatically with the same payment record (never a second charge).
"""

from __future__ import annotations

import logging
import math
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posdesk.domain.money import AmountError, Money, format_money
from posdesk.domain.outcomes import (
    NEXT_STEP_CHECKING,
    REASON_SERVER_ERROR_NOT_CHARGED,
    OutcomeKind,
)
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import PermissionDenied
from posdesk.gui.amount_entry import AmountEntry
from posdesk.gui.formatting import code_details, error_text, outcome_code, outcome_text
from posdesk.gui.resources import pixmap
from posdesk.gui.result_panel import ResultPanel, ResultView, fit_dialog_to_page
from posdesk.gui.workers import TaskRunner
from posdesk.services.errors import InputError, StripeNotConfigured

log = logging.getLogger(__name__)


class ChargeDialog(QDialog):
    result_ready = Signal(object)  # ResultView, each time the result panel changes
    settings_requested = Signal()
    # payment id: the customer is here to authenticate that payment (card-entry dialog)
    authenticate_requested = Signal(str)
    # amount, description: charge after the customer re-enters the CVC (settings.recollect_cvc)
    cvc_requested = Signal(object, str)

    # Back-off between automatic checks of an unconfirmed payment (milliseconds).
    SETTLE_DELAYS_MS: tuple[int, ...] = (1000, 2000, 4000, 8000, 15000, 30000)

    def __init__(
        self,
        context: Any,
        runner: TaskRunner,
        customer: Any,
        card: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._runner = runner
        self._customer = customer
        self._card = card
        self._amount: Money | None = None
        self._payment_id: str | None = None
        self._settle_attempt = 0
        self.busy = False
        self.result_shown: Any = None  # last ChargeResult
        self.view: ResultView | None = None
        self.setWindowTitle(self.tr("Charge saved card"))
        self.setMinimumWidth(640)
        self.setModal(True)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_form())
        self.stack.addWidget(self._build_result())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.timeout.connect(self._check_unconfirmed)
        # Counts down to the next automatic check, so "checking" never looks stuck.
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._show_countdown)
        self._amount_changed(self.amount_entry.money())
        self.amount_edit.setFocus()

    # --- layout -----------------------------------------------------------------------------

    def _currency(self) -> str:
        return getattr(self._context.settings, "currency", "USD") or "USD"

    def _locale(self) -> str:
        return getattr(self._context.settings, "locale", "en_US") or "en_US"

    def _card_text(self) -> str:
        card = self._card
        brand = (card.brand or "card").replace("_", " ").title()
        expiry = f"{card.exp_month:02d}/{card.exp_year}" if card.exp_month and card.exp_year else ""
        text = f"{brand} •••• {card.last4}"
        return f"{text}   {self.tr('expires')} {expiry}" if expiry else text

    def _build_form(self) -> QWidget:
        page = QWidget(self)
        who = QLabel(
            self.tr("Customer: %1").replace("%1", self._customer.name or self._customer.id), page
        )
        who.setObjectName("hint")
        self.card_label = QLabel(self._card_text(), page)
        self.card_label.setObjectName("cardSummary")
        card_icon = QLabel(page)
        card_icon.setPixmap(pixmap("card", 32))
        card_row = QHBoxLayout()
        card_row.addWidget(card_icon)
        card_row.addWidget(self.card_label, 1)

        self.amount_entry = AmountEntry(self._currency(), self._locale(), parent=page)
        self.amount_entry.validity_changed.connect(self._amount_changed)
        # The fields by name, as before (tests and screenshots use these).
        self.amount_edit = self.amount_entry.amount_edit
        self.amount_error = self.amount_entry.error_label
        self.description_edit = self.amount_entry.description_edit

        self.busy_label = QLabel(page)
        self.busy_label.setObjectName("busyLabel")
        self.busy_label.setWordWrap(True)
        self.busy_bar = QProgressBar(page)
        self.busy_bar.setRange(0, 0)  # indeterminate
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(10)
        self.busy_label.hide()
        self.busy_bar.hide()

        self.charge_button = QPushButton(self.tr("Charge"), page)
        self.charge_button.setObjectName("primaryButton")
        self.charge_button.setDefault(True)
        self.charge_button.clicked.connect(self.charge)
        self.cancel_button = QPushButton(self.tr("Cancel  (Esc)"), page)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.charge_button)

        layout = QVBoxLayout(page)
        layout.addWidget(who)
        layout.addLayout(card_row)
        layout.addSpacing(8)
        layout.addWidget(self.amount_entry)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_result(self) -> QWidget:
        page = QWidget(self)
        self.result_panel = ResultPanel(page)
        # The labels by name, as the cashier reads them (tests and screenshots use these).
        self.result_title = self.result_panel.title
        self.result_amount = self.result_panel.amount
        self.result_body = self.result_panel.body
        self.result_next_step = self.result_panel.next_step
        self.settle_label = QLabel(self.result_panel)
        self.settle_label.setObjectName("hint")
        self.settle_label.setWordWrap(True)
        self.result_panel.add_line(self.settle_label)

        self.retry_button = QPushButton(self.tr("Try again"), page)
        self.retry_button.clicked.connect(self.retry)
        self.settings_button = QPushButton(self.tr("Open settings"), page)
        self.settings_button.clicked.connect(self._open_settings)
        self.authenticate_button = QPushButton(
            self.tr("Customer is here: authenticate now"), page
        )
        self.authenticate_button.clicked.connect(self._authenticate_now)
        self.done_button = QPushButton(self.tr("Done  (Enter)"), page)
        self.done_button.setObjectName("primaryButton")
        self.done_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)
        buttons.addWidget(self.authenticate_button)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.done_button)

        layout = QVBoxLayout(page)
        layout.addWidget(self.result_panel, 1)
        layout.addLayout(buttons)
        return page

    # --- validation -------------------------------------------------------------------------

    def _amount_changed(self, amount: Money | None) -> None:
        self._amount = amount
        self.charge_button.setEnabled(self._amount is not None and not self.busy)
        if self._amount is not None:
            self.charge_button.setText(
                self.tr("Charge %1").replace("%1", format_money(self._amount, self._locale()))
            )
        else:
            self.charge_button.setText(self.tr("Charge"))

    # --- charging ---------------------------------------------------------------------------

    def charge(self) -> None:
        if self.busy or self._amount is None:
            return
        amount = self._amount
        description = self.description_edit.text().strip()
        if getattr(self._context.settings, "recollect_cvc", False):
            # The customer re-enters the security code first; the charge happens there.
            self.cvc_requested.emit(amount, description)
            self.accept()
            return
        charges, staff = self._context.charges, self._context.staff
        customer_id, card_id = self._customer.id, self._card.id
        self._set_busy(
            True, self.tr("Charging %1… waiting for Stripe.").replace(
                "%1", format_money(amount, self._locale())
            )
        )
        self._runner.submit(
            lambda: charges.charge_saved_card(staff, customer_id, card_id, amount, description),
            on_result=self._charge_answered,
            on_error=self._charge_failed,
        )

    def retry(self) -> None:
        """The cashier's "try again". A payment Stripe may have seen is settled with its own
        record and idempotency key, never sent afresh; one Stripe refused before running
        (rate limited) is charged as a new payment."""
        if self.busy or self.result_shown is None:
            return
        self._settle_timer.stop()
        self.retry_button.setEnabled(False)
        if self._needs_settling(self.result_shown):
            self._check_unconfirmed()
            return
        self.stack.setCurrentIndex(0)
        self.charge()

    @staticmethod
    def _needs_settling(result: Any) -> bool:
        try:
            return PaymentState(result.state).needs_settling
        except (AttributeError, ValueError):
            return result.outcome.kind is OutcomeKind.UNCONFIRMED

    def _check_unconfirmed(self) -> None:
        if self._payment_id is None:
            return
        self._countdown.stop()
        self.busy = True
        self.settle_label.setText(self.tr("Checking with Stripe now…"))
        charges, payment_id = self._context.charges, self._payment_id
        self._runner.submit(
            lambda: charges.retry_unconfirmed(payment_id),
            on_result=self._charge_answered,
            on_error=self._charge_failed,
        )

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        for widget in (self.amount_edit, self.description_edit, self.cancel_button):
            widget.setEnabled(not busy)
        self.charge_button.setEnabled(not busy and self._amount is not None)
        self.busy_label.setText(text)
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)

    def _charge_answered(self, result: Any) -> None:
        self._set_busy(False)
        was_settling = self.view is not None and self.view.settling
        self.result_shown = result
        self._payment_id = getattr(result, "payment_id", None) or self._payment_id
        amount = getattr(result, "amount", None) or self._amount
        still_open = self._needs_settling(result)
        if was_settling and still_open:
            # Still no definite answer: keep saying "checking" rather than flip to an error.
            self._schedule_settle()
            return
        self._show(self.view_for(result.outcome, amount, settling=still_open))
        if still_open:
            self._settle_attempt = 0
            self._schedule_settle()

    def _charge_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, PermissionDenied):
            view = ResultView(
                tone="bad",
                icon="locked",
                title=self.tr("Not allowed"),
                amount=self._amount_text(self._amount, charged=False),
                body=self.tr("Your role (%1) may not take payments. Nothing was charged.")
                .replace("%1", str(getattr(exc.staff, "role", ""))),
                next_step=self.tr("Ask a manager to take this payment."),
            )
        elif isinstance(exc, AmountError | InputError | StripeNotConfigured):
            # Refused before anything was sent: the service's sentence says what to fix.
            view = ResultView(
                tone="bad",
                icon="declined",
                title=self.tr("Not charged"),
                amount=self._amount_text(self._amount, charged=False),
                body=error_text(exc, ""),
                next_step=self.tr("Nothing was sent to Stripe."),
                can_open_settings=isinstance(exc, StripeNotConfigured),
            )
        else:
            log.error("charge failed unexpectedly: %s", type(exc).__name__)
            view = ResultView(
                tone="bad",
                icon="declined",
                title=self.tr("Something went wrong"),
                amount=self._amount_text(self._amount, charged=None),
                body=self.tr("PosDesk could not finish this payment because of an internal "
                             "error."),
                next_step=self.tr("Check the customer's recent payments before charging "
                                  "again, and tell a manager."),
            )
        self._show(view)

    def _schedule_settle(self) -> None:
        delays = self.SETTLE_DELAYS_MS
        delay = delays[min(self._settle_attempt, len(delays) - 1)]
        self._settle_attempt += 1
        self._settle_timer.start(delay)
        self._countdown.start()
        self._show_countdown()

    def _show_countdown(self) -> None:
        if not self._settle_timer.isActive():
            self._countdown.stop()
            return
        seconds = max(1, math.ceil(self._settle_timer.remainingTime() / 1000))
        self.settle_label.setText(self.tr("Next check in %1 s.").replace("%1", str(seconds)))

    # --- result panel -----------------------------------------------------------------------

    def _amount_text(self, amount: Money | None, *, charged: bool | None) -> str:
        if amount is None:
            return ""
        text = format_money(amount, self._locale())
        if charged is True:
            return self.tr("%1 charged").replace("%1", text)
        if charged is False:
            return self.tr("%1 not charged").replace("%1", text)
        return text

    def view_for(self, outcome: Any, amount: Money | None, *, settling: bool = False) -> ResultView:
        """The words, color and icon for an outcome. `settling`: the payment is still open
        at Stripe's end and is being checked automatically."""
        kind = outcome.kind
        reason, next_step = outcome_text(outcome.reason), outcome_text(outcome.next_step)
        K = OutcomeKind
        if kind is K.SUCCEEDED:
            return ResultView("good", "approved", self.tr("Approved"),
                              self._amount_text(amount, charged=True), reason, next_step)
        if kind is K.PROCESSING:
            return ResultView("warn", "waiting", self.tr("Processing"),
                              self._amount_text(amount, charged=None), reason, next_step)
        if kind is K.REQUIRES_CAPTURE:
            return ResultView("warn", "waiting", self.tr("Authorized, not yet captured"),
                              self._amount_text(amount, charged=None), reason, next_step)
        details = code_details(outcome_code(outcome))
        if kind is K.DECLINED:
            return ResultView("bad", "declined", self.tr("Declined"),
                              self._amount_text(amount, charged=False), reason, next_step,
                              details=details)
        if kind is K.AUTHENTICATION_REQUIRED:
            body = reason + " " + self.tr(
                "This card needs the customer to approve each payment with their bank, "
                "which cannot happen while they are not here. Nothing was charged."
            )
            step = next_step + " " + self.tr(
                "If the customer is here, they can confirm it now on this screen."
            )
            return ResultView("warn", "warning", self.tr("Customer must authenticate"),
                              self._amount_text(amount, charged=False), body, step,
                              can_authenticate=True)
        if kind is K.UNCONFIRMED:
            return ResultView("warn", "waiting", self.tr("Checking with Stripe…"),
                              self._amount_text(amount, charged=None), reason, next_step,
                              can_retry=True, settling=True)
        if kind is K.UNAVAILABLE and settling:
            # Stripe may have acted on the request: it is checked again, never re-sent fresh.
            return ResultView("warn", "warning", self.tr("Stripe can't be reached"),
                              self._amount_text(amount, charged=None),
                              self.tr("The connection to Stripe failed while sending this "
                                      "payment."),
                              outcome_text(NEXT_STEP_CHECKING), can_retry=True, settling=True)
        if kind is K.UNAVAILABLE:
            return ResultView("warn", "warning", self.tr("Stripe can't be reached"),
                              self._amount_text(amount, charged=False), reason, next_step,
                              can_retry=True)
        if kind is K.RATE_LIMITED:
            return ResultView("warn", "warning", self.tr("Stripe is busy"),
                              self._amount_text(amount, charged=False), reason, next_step,
                              can_retry=True)
        if kind is K.CONFIGURATION_PROBLEM:
            return ResultView("bad", "warning", self.tr("Stripe set-up problem"),
                              self._amount_text(amount, charged=False), reason, next_step,
                              can_open_settings=True)
        if outcome.reason == REASON_SERVER_ERROR_NOT_CHARGED:
            # It was sent: Stripe failed on it and proved it took nothing.
            return ResultView("bad", "declined", self.tr("Not charged"),
                              self._amount_text(amount, charged=False), reason, next_step)
        return ResultView("bad", "declined", self.tr("Payment not sent"),
                          self._amount_text(amount, charged=False), reason, next_step,
                          details=details)

    def _show(self, view: ResultView) -> None:
        self._countdown.stop()
        self.view = view
        self.result_panel.show_view(view)
        self.settle_label.setText("")
        self.retry_button.setText(
            self.tr("Check again now") if view.settling else self.tr("Try again")
        )
        self.retry_button.setVisible(view.can_retry)
        self.retry_button.setEnabled(view.can_retry)
        self.settings_button.setVisible(view.can_open_settings)
        self.authenticate_button.setVisible(view.can_authenticate and bool(self._payment_id))
        self.done_button.setText(
            self.tr("Close  (Esc)") if view.settling else self.tr("Done  (Enter)")
        )
        self.done_button.setDefault(True)
        self.stack.setCurrentIndex(1)
        self._fit_result()
        self.done_button.setFocus()
        self.result_ready.emit(view)

    def _fit_result(self) -> None:
        """Grow the dialog so the whole result reads without clipping."""
        fit_dialog_to_page(self, self.stack.widget(1))

    def _authenticate_now(self) -> None:
        if self._payment_id:
            self.authenticate_requested.emit(self._payment_id)
            self.accept()

    def _open_settings(self) -> None:
        self.settings_requested.emit()
        self.accept()

    # --- closing ----------------------------------------------------------------------------

    def reject(self) -> None:
        # While Stripe has the request the answer must reach the cashier: Esc waits.
        if self.busy and self.stack.currentIndex() == 0:
            self.busy_label.setText(self.tr("Waiting for Stripe's answer; this cannot be "
                                            "canceled now."))
            return
        self._settle_timer.stop()
        self._countdown.stop()
        super().reject()

    def accept(self) -> None:
        self._settle_timer.stop()
        self._countdown.stop()
        super().accept()
