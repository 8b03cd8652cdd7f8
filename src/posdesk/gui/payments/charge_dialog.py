"""Charge a saved card while the customer is not present.

Form (card, amount with live validation, description) → busy while Stripe answers → a result
in large type with color and icon, saying what happened and what to do next. An unconfirmed
answer is settled automatically with the same payment record (never a second charge).
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import Approval, Backend, CardSummary, ChargeResult, CustomerRecord
from posdesk.domain.approval import ApprovalRequired, ConfirmationRequired
from posdesk.domain.money import Money
from posdesk.domain.outcomes import ChargeOutcome
from posdesk.domain.payment_state import PaymentState
from posdesk.gui.common.error_words import error_words
from posdesk.gui.common.resources import pixmap
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.payments import outcome_view
from posdesk.gui.payments.amount_confirmation import AmountConfirmation
from posdesk.gui.payments.amount_entry import AmountEntry
from posdesk.gui.payments.approval_section import ApprovalSection
from posdesk.gui.payments.dialog_parts import authorise_only_check, busy_indicator, button_row
from posdesk.gui.payments.result_actions import ResultActions
from posdesk.gui.payments.result_panel import ResultPanel, ResultView, fit_dialog_to_page

log = logging.getLogger(__name__)


class ChargeDialog(QDialog):
    result_ready = Signal(object)  # ResultView, each time the result panel changes
    settings_requested = Signal()
    # payment id: the customer is here to authenticate that payment (card-entry dialog)
    authenticate_requested = Signal(str)
    # payment id: the customer is away; send them a link to authenticate (request dialog)
    remote_authenticate_requested = Signal(str)
    # "Refund…" on the result: the payment to refund (the dialog has closed).
    refund_requested = Signal(str)
    # amount, description, the amount typed again (or None): charge after the customer
    # re-enters the CVC (settings.recollect_cvc)
    cvc_requested = Signal(object, str, object)

    # Back-off between automatic checks of an unconfirmed payment (milliseconds).
    SETTLE_DELAYS_MS: tuple[int, ...] = (1000, 2000, 4000, 8000, 15000, 30000)

    def __init__(
        self,
        backend: Backend,
        runner: TaskRunner,
        customer: CustomerRecord,
        card: CardSummary,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._customer = customer
        self._card = card
        self._amount: Money | None = None
        self._payment_id: str | None = None
        self._settle_attempt = 0
        # A manager's approval for this sale, once given (the shop's limit asked for it).
        self._approval: Approval | None = None
        self.busy = False
        self.result_shown: ChargeResult | None = None
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
        # The shop's (store-wide) currency: cached, read again when another terminal changed it.
        return self._backend.shop_settings.get().currency or "USD"

    def _locale(self) -> str:
        return self._backend.shop_settings.get().locale or "en_US"

    def _card_text(self) -> str:
        card = self._card
        expiry = f"{card.exp_month:02d}/{card.exp_year}" if card.exp_month and card.exp_year else ""
        text = outcome_view.card_label(card)
        if not expiry:
            return text
        return self.tr("%1   expires %2").replace("%1", text).replace("%2", expiry)

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

        # Shown in place when the amount is above the shop's limit for this cashier.
        self.approval_section = ApprovalSection(self._backend, self._runner, page)
        self.approval_section.approved.connect(self._approved)
        self.approval_section.canceled.connect(lambda: self._amount_changed(self._amount))
        self.approval_section.changed.connect(
            lambda: fit_dialog_to_page(self, self.stack.widget(0)))
        # Authorise only: the amount is held on the card, captured or released later
        # (a manager, from the customer's payments or the open authorisations). Not with a
        # re-collected CVC (the customer is present for that charge).
        self.authorise_check = authorise_only_check(page)
        self.authorise_check.setVisible(not self._backend.settings.recollect_cvc)
        self.authorise_check.toggled.connect(lambda _on: self._amount_changed(self._amount))
        # Shown in place when the amount is above the shop's "confirm amounts over".
        self.confirmation = AmountConfirmation(self._currency(), self._locale(), page)
        self.confirmation.changed.connect(self._confirmation_changed)
        self.confirmation.submitted.connect(self.charge)

        self.busy_label, self.busy_bar = busy_indicator(page)

        self.charge_button = QPushButton(self.tr("Charge"), page)
        self.charge_button.setObjectName("primaryButton")
        self.charge_button.clicked.connect(self.charge)
        self.cancel_button = QPushButton(self.tr("Cancel  (Esc)"), page)
        self.cancel_button.clicked.connect(self.reject)
        buttons = button_row(self.cancel_button, self.charge_button)

        layout = QVBoxLayout(page)
        layout.addWidget(who)
        layout.addLayout(card_row)
        layout.addSpacing(8)
        layout.addWidget(self.amount_entry)
        layout.addWidget(self.authorise_check)
        layout.addWidget(self.confirmation)
        layout.addWidget(self.approval_section)
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
        self.remote_authenticate_button = QPushButton(
            self.tr("Send the customer a link to authenticate"), page
        )
        self.remote_authenticate_button.setObjectName("remoteAuthenticate")
        self.remote_authenticate_button.clicked.connect(self._authenticate_remotely)
        self.done_button = QPushButton(self.tr("Done  (Enter)"), page)
        self.done_button.setObjectName("primaryButton")
        self.done_button.clicked.connect(self.accept)
        # Once the payment went through: its receipt (Ctrl+P, Ctrl+Shift+S, Ctrl+E), refund.
        self.result_actions = ResultActions(self._backend, self._runner,
                                            self._receipt_payment, self,
                                            self.settle_label.setText)
        self.result_actions.refund_requested.connect(self._refund)
        self.receipt_actions = self.result_actions.receipt_actions
        self.receipt_buttons = self.result_actions.receipt_buttons
        # What comes after a sale (receipt, refund) on its own row, above the dialog's own
        # buttons: one row of both does not fit the dialog's width in every language.
        after_sale = QHBoxLayout()
        for button in self.result_actions.buttons:
            after_sale.addWidget(button)
        after_sale.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)
        buttons.addWidget(self.authenticate_button)
        buttons.addWidget(self.remote_authenticate_button)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.done_button)

        layout = QVBoxLayout(page)
        layout.addWidget(self.result_panel, 1)
        layout.addLayout(after_sale)
        layout.addLayout(buttons)
        return page

    # --- validation -------------------------------------------------------------------------

    def _amount_changed(self, amount: Money | None) -> None:
        if amount != self._amount and self.approval_section.pending:
            # Another amount: the approval asked for was for the old one.
            self.approval_section.close_section()
        self._amount = amount
        self._ask_confirmation()
        self.charge_button.setEnabled(self._can_charge())
        if self._amount is not None:
            words = outcome_view.amount_words(self._amount, self._locale())
            self.charge_button.setText(
                self.tr("Authorize %1").replace("%1", words) if self.authorise_only
                else self.tr("Charge %1").replace("%1", words))
        else:
            self.charge_button.setText(self.tr("Charge"))

    def _ask_confirmation(self) -> None:
        """Show the "Confirm the amount" section while the amount is above the shop's
        setting (and no manager's approval will confirm it instead)."""
        amount = self._amount
        reason = (self._backend.charges.approvals.charge_confirmation(self._backend.staff, amount)
                  if amount is not None else None)
        if reason is not None and amount is not None:
            self.confirmation.ask(amount, reason)
        elif self.confirmation.asked:
            self.confirmation.close_section()

    def _confirmation_changed(self) -> None:
        self.charge_button.setEnabled(self._can_charge())
        fit_dialog_to_page(self, self.stack.widget(0))

    @property
    def authorise_only(self) -> bool:
        return not self.authorise_check.isHidden() and self.authorise_check.isChecked()

    def _can_charge(self) -> bool:
        return (self._amount is not None and not self.busy
                and not self.approval_section.pending and not self.confirmation.pending)

    # --- charging ---------------------------------------------------------------------------

    def charge(self) -> None:
        if self.busy or self._amount is None or self.confirmation.pending:
            return
        amount = self._amount
        confirmed = self.confirmation.confirmed()
        description = self.description_edit.text().strip()
        if self._backend.settings.recollect_cvc:
            # The customer re-enters the security code first; the charge happens there.
            self.cvc_requested.emit(amount, description, confirmed)
            self.accept()
            return
        charges, staff = self._backend.charges, self._backend.staff
        customer_id, card_id, approval = self._customer.id, self._card.id, self._approval
        authorise_only = self.authorise_only
        self._set_busy(
            True, self.tr("Charging %1… waiting for Stripe.").replace(
                "%1", outcome_view.amount_words(amount, self._locale())
            )
        )
        # The dialog shows its own failures: on the result panel, with the amount.
        self._runner.op(
            lambda: charges.charge_saved_card(staff, customer_id, card_id, amount, description,
                                              approval=approval, confirmed=confirmed,
                                              authorise_only=authorise_only)
        ).success(self._charge_answered).failure(self._charge_failed).run()

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
    def _needs_settling(result: ChargeResult) -> bool:
        return PaymentState(result.state).needs_settling

    def _check_unconfirmed(self) -> None:
        if self._payment_id is None:
            return
        self._countdown.stop()
        self.busy = True
        self.settle_label.setText(self.tr("Checking with Stripe now…"))
        charges, payment_id = self._backend.charges, self._payment_id
        self._runner.op(lambda: charges.retry_unconfirmed(payment_id)).success(
            self._charge_answered).failure(self._charge_failed).run()

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        for widget in (self.amount_edit, self.description_edit, self.cancel_button,
                       self.confirmation.retype_edit, self.authorise_check):
            widget.setEnabled(not busy)
        self.charge_button.setEnabled(self._can_charge())
        self.busy_label.setText(text)
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)

    def _charge_answered(self, result: ChargeResult) -> None:
        self._set_busy(False)
        was_settling = self.view is not None and self.view.settling
        self.result_shown = result
        self._payment_id = result.payment_id or self._payment_id
        amount = result.amount or self._amount
        still_open = self._needs_settling(result)
        if was_settling and still_open:
            # Still no definite answer: keep saying "checking" rather than flip to an error.
            self._schedule_settle()
            return
        self._show(self.view_for(result.outcome, amount, settling=still_open,
                                 state=PaymentState(result.state)))
        if still_open:
            self._settle_attempt = 0
            self._schedule_settle()

    def _approved(self, approval: Approval) -> None:
        """The manager's PIN was right: the same charge again, with the approval."""
        self._approval = approval
        self._amount_changed(self._amount)
        self.charge()

    def _charge_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ApprovalRequired):
            # Above the shop's limit: a manager approves here, in this dialog.
            self.stack.setCurrentIndex(0)
            self.approval_section.ask(exc, self._backend.staff)
            self.charge_button.setEnabled(False)
            return
        if isinstance(exc, ConfirmationRequired) and self._amount is not None:
            # The shop's setting changed meanwhile (another terminal): type the amount again.
            self.stack.setCurrentIndex(0)
            self.confirmation.ask(self._amount, exc.message)
            self.confirmation.retype_edit.setFocus()
            return
        words = error_words(
            exc, fallback="",
            not_allowed=self.tr("Your role (%1) may not take payments. Nothing was charged."),
            doing="charge")
        self._show(outcome_view.payment_error_view(words, self._amount, self._locale()))

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

    def view_for(
        self,
        outcome: ChargeOutcome,
        amount: Money | None,
        *,
        settling: bool = False,
        state: PaymentState | None = None,
    ) -> ResultView:
        """The words, color and icon for an outcome (gui.payments.outcome_view). `settling`:
        the payment is still open at Stripe's end and is being checked automatically."""
        return outcome_view.result_view(outcome, amount, self._locale(), state=state,
                                        settling=settling, off_session=True)

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
        self.remote_authenticate_button.setVisible(self.authenticate_button.isVisibleTo(self))
        self.result_actions.update()
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

    def _receipt_payment(self) -> tuple[str, str] | None:
        """The payment a receipt is for: this sale, once it went through."""
        result = self.result_shown
        if (self._payment_id is None or result is None
                or PaymentState(result.state) is not PaymentState.SUCCEEDED):
            return None
        return self._payment_id, self._customer.email or ""

    def _refund(self, payment_id: str) -> None:
        self.accept()
        self.refund_requested.emit(payment_id)

    def _authenticate_now(self) -> None:
        if self._payment_id:
            self.authenticate_requested.emit(self._payment_id)
            self.accept()

    def _authenticate_remotely(self) -> None:
        if self._payment_id:
            self.remote_authenticate_requested.emit(self._payment_id)
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
