"""Take a card with the customer at the counter, in Stripe's Payment Element.

New card: amount (or "save card only") → the checkout page, where the customer types the card,
may tick "save this card", and pays; a 3D Secure challenge shows right there → the result,
as Stripe reports it when asked afterwards. The same dialog finishes a saved-card payment
that needed the customer's authentication, and collects a CVC before a saved-card charge
when the shop asks for that.

Everything that talks to Stripe or the database runs on the TaskRunner; the GUI thread only
moves between pages and relays the page's reports.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import (
    FLOW_AUTHENTICATE,
    FLOW_CVC,
    FLOW_PAYMENT,
    FLOW_SETUP,
    Approval,
    Backend,
    CardEntryResult,
    CardEntrySession,
    CardSummary,
    CheckoutServer,
    CustomerRecord,
    PageReport,
    failure_code,
    failure_wording,
    is_authentication_failure,
)
from posdesk.domain.approval import ApprovalRequired, ConfirmationRequired
from posdesk.domain.money import Money
from posdesk.domain.outcomes import OutcomeKind
from posdesk.domain.payment_state import PaymentState
from posdesk.gui.common.error_words import error_words
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import code_details, outcome_text, sentences
from posdesk.gui.payments import outcome_view
from posdesk.gui.payments.amount_confirmation import AmountConfirmation
from posdesk.gui.payments.amount_entry import AmountEntry
from posdesk.gui.payments.approval_section import ApprovalSection
from posdesk.gui.payments.card_page_words import card_page_locale, card_page_texts
from posdesk.gui.payments.dialog_parts import authorise_only_check
from posdesk.gui.payments.result_actions import ResultActions
from posdesk.gui.payments.result_panel import ResultPanel, ResultView, fit_dialog_to_page

if TYPE_CHECKING:
    # checkout_view loads QtWebEngine (tens of MB): imported where a page is shown, so the
    # app starts without it.
    from posdesk.gui.payments.checkout_view import CheckoutView

log = logging.getLogger(__name__)

MODE_NEW = "new"
MODE_AUTHENTICATE = "authenticate"
MODE_CVC = "cvc"

PAGE_FORM, PAGE_CHECKOUT, PAGE_RESULT = 0, 1, 2
PREFERRED_WIDTH, PREFERRED_HEIGHT = 760, 900
# The checkout page is styled for the customer at arm's length; a little smaller keeps the
# whole form and its Pay button in view on a 900-pixel screen.
PAGE_ZOOM = 0.9

# What the worker hands back when a page starts: the session and the page's server.
Started = tuple[CardEntrySession, CheckoutServer]


def _log_failure(exc: BaseException) -> None:
    log.warning("card entry background step failed: %s", type(exc).__name__)


class CardEntryDialog(QDialog):
    element_ready = Signal()  # the card form (or, to authenticate, the payment) is ready
    result_ready = Signal(object)  # ResultView, when the result page shows
    completed = Signal(object)  # CardEntryResult, once Stripe's answer is recorded
    page_failed = Signal(object)  # PageReport of a failed attempt (decline, failed challenge)
    refund_requested = Signal(str)  # "Refund…" on the result: this payment (dialog closed)

    def __init__(
        self,
        backend: Backend,
        runner: TaskRunner,
        customer: CustomerRecord,
        *,
        mode: str = MODE_NEW,
        payment_id: str | None = None,
        card: CardSummary | None = None,
        amount: Money | None = None,
        description: str = "",
        confirmed: Money | None = None,
        record_traffic: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._customer = customer
        self._mode = mode
        self._payment_id = payment_id
        self._card = card
        self._amount: Money | None = amount
        self._description = description
        # A saved card's CVC charge: the amount as typed again in the charge dialog.
        self._confirmed = confirmed
        self._record_traffic = record_traffic
        self._flow_choice = FLOW_PAYMENT  # new card: pay, or save only
        # A manager's approval for this payment, once given (the shop's limit asked for it).
        self._approval: Approval | None = None
        self.session: CardEntrySession | None = None
        self.result: CardEntryResult | None = None
        self.view: ResultView | None = None
        self.checkout: CheckoutView | None = None
        self.busy = False
        self.closing = False
        self.confirming = False  # between Pay and the page's answer (3D Secure may show)
        self.bank_refused = False  # the customer's bank did not confirm (failed challenge)
        self._close_warned = False
        self.reports: list[PageReport] = []
        self.clicked_at: float | None = None
        self.ready_at: float | None = None
        self.setWindowTitle(self._title())
        self.setMinimumSize(680, 600)
        self._fit_screen()
        self.setModal(True)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_form())
        self.stack.addWidget(self._build_checkout())
        self.stack.addWidget(self._build_result())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        # Shown in place when the amount is above the shop's limit for this cashier.
        self.approval_section = ApprovalSection(backend, runner, self)
        self.approval_section.approved.connect(self._approved)
        self.approval_section.canceled.connect(lambda: self._amount_changed(self._amount))
        layout.addWidget(self.approval_section)

        if mode == MODE_NEW:
            self._amount_changed(self.amount_entry.money())
            self.amount_edit.setFocus()
        else:
            self.stack.setCurrentIndex(PAGE_CHECKOUT)
            self._start()

    # --- layout -----------------------------------------------------------------------------

    def _fit_screen(self) -> None:
        """Tall enough that the customer sees the whole card form and the Pay button."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        height = PREFERRED_HEIGHT if screen is None else min(PREFERRED_HEIGHT,
                                                              screen.height() - 40)
        self.resize(PREFERRED_WIDTH, max(height, self.minimumHeight()))

    def _title(self) -> str:
        if self._mode == MODE_AUTHENTICATE:
            return self.tr("Customer authenticates the payment")
        if self._mode == MODE_CVC:
            return self.tr("Confirm the security code")
        return self.tr("New card")

    def _currency(self) -> str:
        # The shop's (store-wide) currency: cached, read again when another terminal changed it.
        return self._backend.shop_settings.get().currency or "USD"

    def _locale(self) -> str:
        return self._backend.shop_settings.get().locale or "en_US"

    def _customer_text(self) -> str:
        return self.tr("Customer: %1").replace(
            "%1", self._customer.name or self._customer.id
        )

    def _build_form(self) -> QWidget:
        page = QWidget(self)
        who = QLabel(self._customer_text(), page)
        who.setObjectName("hint")
        intro = QLabel(
            self.tr("The customer types the card into Stripe's secure form on the next "
                    "screen. PosDesk never sees the card number."),
            page,
        )
        intro.setWordWrap(True)
        self.amount_entry = AmountEntry(self._currency(), self._locale(), mark_invalid=False,
                                        parent=page)
        self.amount_entry.validity_changed.connect(self._amount_changed)
        # The fields by name, as before (tests and screenshots use these).
        self.amount_edit = self.amount_entry.amount_edit
        self.amount_error = self.amount_entry.error_label
        self.description_edit = self.amount_entry.description_edit
        # Shown in place when the amount is above the shop's "confirm amounts over".
        self.confirmation = AmountConfirmation(self._currency(), self._locale(), page)
        self.confirmation.changed.connect(
            lambda: self.pay_button.setEnabled(self._can_pay()))
        self.confirmation.submitted.connect(self.start_payment)
        # Hold the amount on the new card; a manager captures or releases it later.
        self.authorise_check = authorise_only_check(page)
        self.authorise_check.toggled.connect(lambda _on: self._amount_changed(self._amount))

        self.form_error = QLabel(page)
        self.form_error.setObjectName("fieldError")
        self.form_error.setWordWrap(True)
        self.form_error.hide()

        self.pay_button = QPushButton(self.tr("Take payment"), page)
        self.pay_button.setObjectName("primaryButton")
        self.pay_button.setDefault(True)
        self.pay_button.clicked.connect(self.start_payment)
        self.save_only_button = QPushButton(self.tr("Save card only (no charge)"), page)
        self.save_only_button.setAutoDefault(False)
        self.save_only_button.clicked.connect(self.start_setup)
        self.form_cancel_button = QPushButton(self.tr("Cancel  (Esc)"), page)
        self.form_cancel_button.setAutoDefault(False)
        self.form_cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.form_cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_only_button)
        buttons.addWidget(self.pay_button)

        layout = QVBoxLayout(page)
        layout.addWidget(who)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.amount_entry)
        layout.addWidget(self.authorise_check)
        layout.addWidget(self.confirmation)
        layout.addWidget(self.form_error)
        layout.addSpacing(16)
        layout.addWidget(self._build_steps(page))
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_steps(self, parent: QWidget) -> QWidget:
        """What happens after this screen, so the cashier can tell the customer."""
        panel = QFrame(parent)
        panel.setObjectName("stepsPanel")
        title = QLabel(self.tr("What happens next"), panel)
        title.setObjectName("sectionTitle")
        steps = [
            self.tr("Turn the screen to the customer: they type their card into Stripe's "
                    "form."),
            self.tr("They tick \"Save this card for future purchases\" only if they agree to "
                    "keep it on file."),
            self.tr("If their bank asks, they confirm the payment right there (3D Secure)."),
            self.tr("PosDesk checks the result with Stripe and shows it here."),
        ]
        layout = QVBoxLayout(panel)
        layout.addWidget(title)
        for number, text in enumerate(steps, start=1):
            step = QLabel(f"{number}.  {text}", panel)
            step.setObjectName("stepText")
            step.setWordWrap(True)
            layout.addWidget(step)
        return panel

    def _build_checkout(self) -> QWidget:
        page = QWidget(self)
        self.checkout_header = QLabel(page)
        self.checkout_header.setObjectName("hint")
        self.checkout_header.setWordWrap(True)
        self.status_label = QLabel(self.tr("Preparing secure card entry…"), page)
        self.status_label.setObjectName("busyLabel")
        self.status_label.setWordWrap(True)
        # Declines and failed challenges, in the cashier's words, above the customer's form.
        self.message_label = QLabel(page)
        self.message_label.setObjectName("fieldError")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.view_holder = QVBoxLayout()
        self.view_holder.setContentsMargins(0, 0, 0, 0)
        self.checkout_cancel_button = QPushButton(self.tr("Cancel  (Esc)"), page)
        self.checkout_cancel_button.setAutoDefault(False)
        self.checkout_cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.checkout_cancel_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.checkout_header)
        layout.addWidget(self.message_label)  # what went wrong first, then what to do
        layout.addWidget(self.status_label)
        layout.addLayout(self.view_holder, 1)
        layout.addLayout(buttons)
        return page

    def _build_result(self) -> QWidget:
        page = QWidget(self)
        self.result_panel = ResultPanel(page)
        self.done_button = QPushButton(self.tr("Done  (Enter)"), page)
        self.done_button.setObjectName("primaryButton")
        self.done_button.clicked.connect(self.accept)
        # Once the payment went through: its receipt (Ctrl+P, Ctrl+Shift+S, Ctrl+E), refund.
        self.result_status = QLabel(page)
        self.result_status.setObjectName("hint")
        self.result_status.setWordWrap(True)
        self.result_actions = ResultActions(self._backend, self._runner,
                                            self._receipt_payment, self,
                                            self.result_status.setText)
        self.result_actions.refund_requested.connect(self._refund)
        buttons = QHBoxLayout()
        for button in self.result_actions.buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_panel)
        layout.addWidget(self.result_status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    # --- the form -----------------------------------------------------------------------------

    def _amount_changed(self, amount: Money | None) -> None:
        if amount != self._amount and self.approval_section.pending:
            # Another amount: the approval asked for was for the old one.
            self.approval_section.close_section()
        self._amount = amount
        reason = (self._backend.charges.approvals.charge_confirmation(self._backend.staff, amount)
                  if amount is not None else None)
        if reason is not None and amount is not None:
            self.confirmation.ask(amount, reason)
        elif self.confirmation.asked:
            self.confirmation.close_section()
        self.pay_button.setEnabled(self._can_pay())
        if self._amount is not None:
            words = outcome_view.amount_words(self._amount, self._locale())
            self.pay_button.setText(
                self.tr("Authorize %1").replace("%1", words) if self.authorise_only
                else self.tr("Take payment of %1").replace("%1", words))
        else:
            self.pay_button.setText(self.tr("Take payment"))

    @property
    def authorise_only(self) -> bool:
        return self.authorise_check.isChecked()

    def _can_pay(self) -> bool:
        return (self._amount is not None and not self.busy
                and not self.approval_section.pending and not self.confirmation.pending)

    def _set_form_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.amount_edit, self.description_edit, self.save_only_button,
                       self.confirmation.retype_edit, self.authorise_check):
            widget.setEnabled(not busy)
        self.pay_button.setEnabled(self._can_pay())

    def start_payment(self) -> None:
        if self.busy or self._amount is None or self.confirmation.pending:
            return
        self._confirmed = self.confirmation.confirmed()
        self._description = self.description_edit.text().strip()
        self._flow_choice = FLOW_PAYMENT
        self._start()

    def start_setup(self) -> None:
        if self.busy:
            return
        self._flow_choice = FLOW_SETUP
        self._start()

    # --- starting a page ------------------------------------------------------------------------

    def _start(self) -> None:
        """Create the session (intent) off the GUI thread, then load the checkout page."""
        self.clicked_at = time.monotonic()
        service, staff, backend = self._backend.card_entry, self._backend.staff, self._backend
        customer_id = self._customer.id
        flow = self._flow_choice
        amount, description, approval = self._amount, self._description, self._approval
        confirmed, authorise_only = self._confirmed, self.authorise_only
        start: Callable[[], CardEntrySession]
        if self._mode == MODE_AUTHENTICATE:
            payment_id = self._payment_id or ""

            def start() -> CardEntrySession:
                return service.start_authenticate(staff, payment_id)
        elif self._mode == MODE_CVC:
            card_id = self._card.id if self._card is not None else ""

            def start() -> CardEntrySession:
                return service.start_cvc(staff, customer_id, card_id, amount, description,
                                         approval=approval, confirmed=confirmed)
        elif flow == FLOW_SETUP:
            def start() -> CardEntrySession:
                return service.start_setup(staff, customer_id)
        else:
            def start() -> CardEntrySession:
                return service.start_payment(staff, customer_id, amount, description,
                                             approval=approval, confirmed=confirmed,
                                             authorise_only=authorise_only)

        def work() -> Started:
            return start(), backend.checkout_server()

        self._set_form_busy(True)
        self.form_error.hide()
        self._runner.op(work).success(self._started).failure(self._start_failed).run()

    def _ensure_view(self, server: CheckoutServer) -> CheckoutView:
        if self.checkout is None:
            from posdesk.gui.payments import checkout_view

            view = checkout_view.take_view(
                server,
                stripe_js_url=self._backend.stripe_js_url,
                debug=self._backend.debug,
                record_traffic=self._record_traffic,
                parent=self,
            )
            view.setMinimumHeight(420)
            view.setZoomFactor(PAGE_ZOOM)
            # Chromium takes every key typed into the page, Esc included, and QDialog never
            # sees it: a shortcut on the view (and the render widget inside it) does.
            self.escape_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), view)
            self.escape_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.escape_shortcut.activated.connect(self.reject)
            view.reported.connect(self._on_report)
            view.navigation_blocked.connect(self._navigation_blocked)
            view.certificate_rejected.connect(self._certificate_rejected)
            self.view_holder.addWidget(view)
            view.show()  # a spare view was hidden when it was handed over
            self.checkout = view
        return self.checkout

    def _started(self, answer: Started) -> None:
        session, server = answer
        if self.closing:
            # Closed while the intent was being created (the window may be gone already):
            # cancel it at Stripe so nobody can confirm it later.
            service = self._backend.card_entry
            # Nobody is left to tell if this fails: the log says it, sync settles the intent.
            self._runner.op(lambda: service.abandon(session)).failure(_log_failure).run()
            return
        self._set_form_busy(False)
        self.session = session
        if session.flow == FLOW_AUTHENTICATE and session.client_secret is None:
            # Already settled at Stripe (paid meanwhile): record and show it.
            self._finish()
            return
        view = self._ensure_view(server)
        self.bank_refused = False
        self.checkout_header.setText(self._header_text(session))
        self.status_label.setText(self.tr("Preparing secure card entry…"))
        self.message_label.hide()
        self.stack.setCurrentIndex(PAGE_CHECKOUT)
        # The keyboard goes to the page: the card form takes it once it is ready.
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        publishable_key = self._backend.card_entry.publishable_key or ""
        amount_label = (
            outcome_view.amount_words(session.amount, self._locale())
            if session.amount is not None else None
        )
        card_label = self._card_label()
        locale = card_page_locale()
        description = session.description

        def make_config(return_url: str) -> str:
            return session.config_json(
                publishable_key, return_url, amount_label=amount_label, card_label=card_label,
                description=description, locale=locale, texts=card_page_texts(),
            )

        view.start(session.flow, make_config)

    def _approved(self, approval: Approval) -> None:
        """The manager's PIN was right: start the same payment again, with the approval."""
        self._approval = approval
        self._amount_changed(self._amount)
        self._start()

    def _start_failed(self, exc: BaseException) -> None:
        self._set_form_busy(False)
        if isinstance(exc, ApprovalRequired):
            # Above the shop's limit: a manager approves here, in this dialog.
            self.approval_section.ask(exc, self._backend.staff)
            self.pay_button.setEnabled(False)
            return
        if (isinstance(exc, ConfirmationRequired) and self._mode == MODE_NEW
                and self._amount is not None):
            # The shop's setting changed meanwhile (another terminal): type the amount again.
            self.confirmation.ask(self._amount, exc.message)
            self.confirmation.retype_edit.setFocus()
            return
        text = error_words(
            exc, fallback=self.tr("Card entry could not start. Try again."),
            not_allowed=self.tr("Your role (%1) may not take payments. Ask a manager."),
            doing="card entry start").text
        if self.stack.currentIndex() == PAGE_FORM:
            self.form_error.setText(text)
            self.form_error.show()
        else:
            self._show(ResultView("bad", "declined", self.tr("Card entry could not start"),
                                  "", text, self.tr("Nothing was charged.")))

    def _header_text(self, session: CardEntrySession) -> str:
        who = self._customer_text()
        if session.flow == FLOW_SETUP:
            return who + "   ·   " + self.tr("Saving a card, nothing is charged")
        amount = outcome_view.amount_words(session.amount, self._locale()) if session.amount \
            else ""
        if session.flow == FLOW_AUTHENTICATE and self.bank_refused:
            # The bank said no: nothing is waiting for it any more until the customer retries.
            return who + "   ·   " + self.tr("Payment of %1 not confirmed by the customer's "
                                             "bank").replace("%1", amount)
        if session.flow == FLOW_AUTHENTICATE:
            return who + "   ·   " + self.tr("Payment of %1 waiting for the customer's bank") \
                .replace("%1", amount)
        return who + "   ·   " + self.tr("Amount: %1").replace("%1", amount)

    def _card_label(self) -> str | None:
        return outcome_view.card_label(self._card) if self._card is not None else None

    # --- the page's reports ------------------------------------------------------------------

    def _on_report(self, report: PageReport) -> None:
        self.reports.append(report)
        from posdesk.gui.payments.checkout_view import report_summary

        log.debug("checkout report %s", report_summary(report))
        session = self.session
        if session is None or session.finished:
            return
        state = report.state
        self.confirming = state in ("confirm_requested", "processing")
        if not self.confirming:
            self._close_warned = False
        if state == "ready":
            if self.ready_at is None:
                self.ready_at = time.monotonic()
            self.status_label.setText(self._ready_text(session))
            if self.checkout is not None and self.isActiveWindow():
                self.checkout.setFocus(Qt.FocusReason.OtherFocusReason)
            self.element_ready.emit()
        elif state == "confirm_requested":
            self.status_label.setText(self.tr("Sending the payment…"))
            self._hide_message()
            service, save = self._backend.card_entry, bool(report.save_card)
            self._runner.op(lambda: service.set_save_card(session, save)).success(
                lambda _r: self._proceed(True)).failure(self._consent_failed).run()
        elif state == "processing" and report.status != "processing":
            self._hide_message()
            self._set_bank_refused(False)
            self.status_label.setText(self.tr(
                "Waiting for the card's bank… If the bank asks, the customer confirms on "
                "the screen."))
        elif state in ("succeeded", "processing", "redirect_returned"):
            self.status_label.setText(self.tr("Checking the result with Stripe…"))
            self._finish()
        elif state == "failed":
            self._page_failed(report)
        elif state == "requires_action":
            self.status_label.setText(self.tr(
                "The bank still needs the customer to confirm. They can press the button "
                "again."))
        elif state == "cvc_token" and report.token_id:
            self.status_label.setText(self.tr("Charging the card…"))
            service, token = self._backend.card_entry, report.token_id
            self._runner.op(lambda: service.charge_with_cvc(session, token)).success(
                self._cvc_charged).failure(self._finish_failed).run()

    def _ready_text(self, session: CardEntrySession) -> str:
        if session.flow == FLOW_AUTHENTICATE:
            return self.tr("Ask the customer to press the button and confirm with their bank.")
        if session.flow == FLOW_CVC:
            return self.tr("Ask the customer to enter the card's security code.")
        if session.flow == FLOW_SETUP:
            return self.tr("Ask the customer to enter the card they want to save.")
        return self.tr("Ask the customer to enter their card and press Pay.")

    def _proceed(self, ok: bool, message: str | None = None) -> None:
        if self.checkout is not None:
            self.checkout.proceed(ok, message)

    def _consent_failed(self, exc: BaseException) -> None:
        self.confirming = False
        message = error_words(exc, fallback=self.tr("Stripe could not be reached. Try again."),
                              doing="save-card consent").text
        self._show_message(message)
        self._proceed(False, message)

    def _page_failed(self, report: PageReport) -> None:
        error = report.error
        self.page_failed.emit(report)
        if error is not None and error.type == "page_error":
            self._show_message(self.tr("Secure card entry could not load. Check the internet "
                                       "connection, then close and try again."))
            self.status_label.setText("")
            return
        reason, next_step = failure_wording(error)
        text = sentences(outcome_text(reason), outcome_text(next_step))
        details = code_details(failure_code(error))
        self._show_message(text + ("\n" + details if details else ""))
        self._set_bank_refused(is_authentication_failure(error))
        if self.session is not None and self.session.flow == FLOW_AUTHENTICATE:
            self.status_label.setText(self.tr("The customer can press the button again to "
                                              "retry."))
        else:
            self.status_label.setText(self.tr("The card form stays open for another try."))
        session, service = self.session, self._backend.card_entry
        if session is not None:
            # A note for the payment record only; the cashier already reads the decline.
            self._runner.op(lambda: service.note_failure(session, error)).failure(
                _log_failure).run()

    def _set_bank_refused(self, refused: bool) -> None:
        self.bank_refused = refused
        if self.session is not None:
            self.checkout_header.setText(self._header_text(self.session))

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.show()

    def _hide_message(self) -> None:
        self.message_label.hide()
        self.message_label.setText("")

    def _navigation_blocked(self, url: str) -> None:
        log.warning("card entry: the page tried to leave the checkout (%s)", url)

    def _certificate_rejected(self, _url: str) -> None:
        self._show_message(self.tr("The secure connection to the card form could not be "
                                   "verified, so it was not opened."))

    # --- finishing -----------------------------------------------------------------------------

    def _finish(self) -> None:
        session, service = self.session, self._backend.card_entry
        if session is None or self.busy:
            return
        self.busy = True
        self._runner.op(lambda: service.finish(session)).success(self._finished).failure(
            self._finish_failed).run()

    def _finished(self, result: CardEntryResult) -> None:
        self.busy = False
        if self.session is not None and not self.session.finished:
            # Stripe does not confirm what the page said: keep the page, say so.
            self._show_message(sentences(outcome_text(result.outcome.reason),
                                         outcome_text(result.outcome.next_step)))
            self.status_label.setText(self.tr("Stripe has not confirmed this payment."))
            return
        self._complete(result)

    def _cvc_charged(self, result: CardEntryResult) -> None:
        if result.needs_authentication and result.payment_id:
            # The bank wants 3D Secure for this charge: the customer is here, finish it now.
            self.result = result
            self._mode, self._payment_id = MODE_AUTHENTICATE, result.payment_id
            self.setWindowTitle(self._title())
            self.status_label.setText(self.tr("The bank asks the customer to confirm."))
            self._start()
            return
        self._complete(result)

    def _complete(self, result: CardEntryResult) -> None:
        self.result = result
        if self.checkout is not None:
            self.checkout.stop_page()
        self._show(self.view_for(result))
        self.completed.emit(result)

    def _finish_failed(self, exc: BaseException) -> None:
        self.busy = False
        self._show_message(error_words(exc, fallback=self.tr(
            "PosDesk could not check the result with Stripe. Check the customer's recent "
            "payments before trying again."), doing="card entry finish").text)

    # --- result --------------------------------------------------------------------------------

    def view_for(self, result: CardEntryResult) -> ResultView:
        """The result's words (gui.payments.outcome_view, shared with the charge dialog)."""
        return outcome_view.card_entry_view(result, self._locale())

    def _show(self, view: ResultView) -> None:
        self.view = view
        self.result_panel.show_view(view)
        self.result_actions.update()
        self.stack.setCurrentIndex(PAGE_RESULT)
        self._fit_result()
        self.done_button.setDefault(True)
        self.done_button.setFocus()
        self.result_ready.emit(view)

    def _receipt_payment(self) -> tuple[str, str] | None:
        """The payment a receipt or a refund is for: this one, once it went through."""
        result = self.result
        if (result is None or result.payment_id is None
                or result.state is not PaymentState.SUCCEEDED):
            return None
        return result.payment_id, self._customer.email or ""

    def _refund(self, payment_id: str) -> None:
        self.accept()
        self.refund_requested.emit(payment_id)

    def _fit_result(self) -> None:
        """The result is a few lines: shrink the tall card-entry window around it, so
        Done sits right under the words."""
        if self.checkout is not None:
            self.checkout.setMinimumHeight(0)  # the stack is as tall as its tallest page
        fit_dialog_to_page(self, self.stack.widget(PAGE_RESULT))

    # --- closing -------------------------------------------------------------------------------

    def reject(self) -> None:
        session = self.session
        if self.busy and self.stack.currentIndex() == PAGE_CHECKOUT:
            # Stripe's answer is being recorded: closing now would race it.
            self.status_label.setText(self.tr("Checking the result with Stripe… one moment."))
            return
        if (
            self.confirming and not self._close_warned
            and session is not None and not session.finished
        ):
            # The bank may be confirming right now: a stray Esc must not cancel the payment.
            self._close_warned = True
            self.status_label.setText(self.tr(
                "The payment is being confirmed with the bank. Press Cancel again to stop "
                "it; nothing is charged if you do."))
            return
        if session is not None and not session.finished and not self.closing:
            # Ask Stripe before closing: a payment the customer just completed is recorded,
            # an open one is canceled so nobody can confirm it later.
            self.closing = True
            self.checkout_cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("Closing… checking with Stripe."))
            if self.checkout is not None:
                self.checkout.stop_page()
            service = self._backend.card_entry
            self._runner.op(lambda: service.abandon(session)).success(self._abandoned).failure(
                self._abandon_failed).run()
            return
        if self.closing and session is not None and not session.finished:
            return  # still asking Stripe
        if self.busy and self.stack.currentIndex() == PAGE_FORM:
            self.closing = True  # the intent being created is canceled when it arrives
        self._close_view()
        super().reject()

    def _abandoned(self, result: CardEntryResult | None) -> None:
        if result is not None and result.outcome.kind in (
            OutcomeKind.SUCCEEDED, OutcomeKind.PROCESSING, OutcomeKind.REQUIRES_CAPTURE
        ):
            self.closing = False
            self._complete(result)  # the customer paid after all: show it, do not hide it
            return
        self.result = result
        if result is not None:
            self.completed.emit(result)
        self._close_view()
        QDialog.reject(self)

    def _abandon_failed(self, exc: BaseException) -> None:
        log.error("closing card entry: %s", type(exc).__name__)
        self._close_view()
        QDialog.reject(self)

    def accept(self) -> None:
        self._close_view()
        super().accept()

    def _close_view(self) -> None:
        if self.checkout is not None:
            self.checkout.stop_page()
            self.checkout.setUrl(QUrl("about:blank"))
            from posdesk.gui.payments import checkout_view

            # The next card entry gets a preloaded view again (when the app warms up).
            QTimer.singleShot(0, checkout_view.rewarm)


__all__ = ["MODE_AUTHENTICATE", "MODE_CVC", "MODE_NEW", "CardEntryDialog"]
