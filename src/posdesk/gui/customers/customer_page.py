"""One customer: who they are, their saved cards (charge, add, make default or remove one),
recent payments.

Every card action is a QAction of the page with its shortcut: the buttons trigger them, the
main window lists them in its Customers menu, and the keyboard reaches them without a mouse.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import (
    RECENT_PAYMENTS,
    Approval,
    Backend,
    CardEntryResult,
    CardSummary,
    ChargeResult,
    CustomerPageData,
    PageKey,
    PaymentRecord,
)
from posdesk.domain.approval import ApprovalRequired
from posdesk.domain.changes import Change, ChangeKind
from posdesk.domain.money import Money
from posdesk.domain.payment_state import PaymentState
from posdesk.gui.common.error_words import error_words
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.customers.card_table_model import CardTableModel
from posdesk.gui.formatting import outcome_text
from posdesk.gui.payments.approval_section import ApprovalSection
from posdesk.gui.payments.capture_dialog import CaptureDialog
from posdesk.gui.payments.card_entry_dialog import (
    MODE_AUTHENTICATE,
    MODE_CVC,
    MODE_NEW,
    CardEntryDialog,
)
from posdesk.gui.payments.charge_dialog import ChargeDialog
from posdesk.gui.payments.payment_table_model import PaymentTableModel
from posdesk.gui.payments.refund_dialog import RefundDialog
from posdesk.gui.receipts.receipt_actions import ReceiptActions
from posdesk.gui.requests.request_dialog import PaymentRequestDialog
from posdesk.gui.shell.sync_bridge import SyncBridge

log = logging.getLogger(__name__)

# Changes arriving within this window cause one reload, not one per batch.
SYNC_RELOAD_DELAY_MS = 250

# Shortcuts of the card actions. Enter (charge) is not one: the cards table handles it, since
# as a shortcut it would also fire on a focused button and charge instead of pressing it.
# Strings and a standard key here, sequences made with the page: looking a standard key up
# before the QApplication exists crashes Qt.
SHORTCUT_NEW_CARD = "Ctrl+Shift+N"  # Ctrl+N is a new customer
SHORTCUT_MAKE_DEFAULT = "Ctrl+D"
SHORTCUT_REMOVE_CARD = QKeySequence.StandardKey.Delete  # Del
SHORTCUT_REFUND = "Ctrl+R"  # the selected payment
SHORTCUT_CAPTURE = "Ctrl+T"  # the selected authorisation: capture or release


def shortcut_text(action: QAction) -> str:
    """An action's shortcut as this platform writes it (Ctrl+D, or ⌘D on macOS)."""
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def _table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(34)
    table.setAlternatingRowColors(False)
    table.setShowGrid(False)
    table.horizontalHeader().setHighlightSections(False)
    # Tab leaves the table for the next control instead of walking its cells; the arrow
    # keys move between rows.
    table.setTabKeyNavigation(False)
    return table


class CustomerPage(QWidget):
    loaded = Signal(str)  # customer id, after the page shows fresh data
    load_failed = Signal(str)
    settings_requested = Signal()
    # ChargeResult or CardEntryResult, after a payment dialog closes
    payment_finished = Signal(object)

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self.customer_id: str | None = None
        self.page: CustomerPageData | None = None
        self.charge_dialog: ChargeDialog | None = None
        self.card_entry_dialog: CardEntryDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self._cards_note = ""
        self._setting_default = False  # a "make default" is with Stripe
        self._sync_timer = QTimer(self)
        self._sync_timer.setSingleShot(True)
        self._sync_timer.setInterval(SYNC_RELOAD_DELAY_MS)
        self._sync_timer.timeout.connect(lambda: self.reload(from_stripe=False))

        self.name_label = QLabel(self)
        self.name_label.setObjectName("customerName")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label = QLabel(self)
        self.details_label.setObjectName("customerDetails")
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label.setWordWrap(True)

        cards_title = QLabel(self.tr("Saved cards"), self)
        cards_title.setObjectName("sectionTitle")
        self.card_model = CardTableModel(self)
        self.card_table = _table(self, "cardTable")
        self.card_table.setModel(self.card_model)
        header = self.card_table.horizontalHeader()
        header.setSectionResizeMode(CardTableModel.CARD, QHeaderView.ResizeMode.Stretch)
        for column in (CardTableModel.EXPIRY, CardTableModel.STATUS, CardTableModel.DEFAULT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.card_table.installEventFilter(self)
        self.card_table.doubleClicked.connect(lambda _index: self.start_charge())
        self.card_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_buttons()
        )
        # A reset (another customer, or no cards) clears the current row without a
        # currentRowChanged: the buttons must not keep acting on a card no longer shown.
        self.card_model.modelReset.connect(self._update_buttons)
        self.cards_hint = QLabel(self)
        self.cards_hint.setObjectName("hint")
        self.cards_hint.setWordWrap(True)

        self._build_actions()
        # Created in the order they stand on screen, which is the order Tab takes: the
        # cards, their buttons left to right, then the payments.
        self.charge_button = self._button(
            self.tr("Charge card…  (Enter)"), "primaryButton", self.charge_action,
            self.tr("Charge the selected card while the customer is not present (%1)")
            .replace("%1", self.tr("Enter")),
        )
        self.new_card_button = self._button(
            self.tr("New card…"), "newCardButton", self.new_card_action,
            self.tr("The customer types a new card into Stripe's secure form: pay with it, "
                    "and save it if they agree (%1)").replace(
                        "%1", shortcut_text(self.new_card_action)),
        )
        self.request_button = self._button(
            self.tr("Request payment…"), "requestPaymentButton", self.request_action,
            self.tr("Send the customer a link (or QR code) to pay on Stripe's page, e.g. for "
                    "a phone order or a deposit"),
        )
        self.make_default_button = self._button(
            self.tr("Make default"), "makeDefaultButton", self.make_default_action,
            self.tr("Make the selected card the customer's default card (%1)").replace(
                "%1", shortcut_text(self.make_default_action)),
        )
        self.remove_button = self._button(
            self.tr("Remove card…"), "dangerButton", self.remove_action,
            self.tr("Remove the selected card from this customer, after asking (%1)").replace(
                "%1", shortcut_text(self.remove_action)),
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.charge_button)
        buttons.addWidget(self.new_card_button)
        buttons.addWidget(self.request_button)
        buttons.addWidget(self.make_default_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)

        payments_title = QLabel(self.tr("Recent payments"), self)
        payments_title.setObjectName("sectionTitle")
        self.payment_model = PaymentTableModel(self._locale(), self, runner)
        self.payment_table = _table(self, "paymentTable")
        self.payment_table.setModel(self.payment_model)
        pheader = self.payment_table.horizontalHeader()
        for column in (PaymentTableModel.WHEN, PaymentTableModel.AMOUNT, PaymentTableModel.STATE):
            pheader.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        pheader.setSectionResizeMode(PaymentTableModel.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.payments_hint = QLabel(self)
        self.payments_hint.setObjectName("hint")
        # Refund the selected payment: its context menu, or Ctrl+R.
        self.refund_dialog: RefundDialog | None = None
        self.refund_action = QAction(self.tr("Refund…"), self.payment_table)
        self.refund_action.setShortcut(QKeySequence(SHORTCUT_REFUND))
        self.refund_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refund_action.triggered.connect(lambda: self.start_refund())
        self.addAction(self.refund_action)
        self.payment_table.addAction(self.refund_action)
        # Capture or release the selected authorisation: its context menu, or Ctrl+T.
        self.capture_dialog: CaptureDialog | None = None
        self.capture_action = QAction(self.tr("Capture or release…"), self.payment_table)
        self.capture_action.setShortcut(QKeySequence(SHORTCUT_CAPTURE))
        self.capture_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.capture_action.triggered.connect(lambda: self.start_capture())
        self.addAction(self.capture_action)
        self.payment_table.addAction(self.capture_action)
        # The selected payment's receipt: printed, as PDF, emailed (Ctrl+P, Ctrl+Shift+S, Ctrl+E).
        self.receipt_actions = ReceiptActions(backend, runner, self._receipt_payment,
                                              self.payment_table)
        self.receipt_actions.status.connect(self.payments_hint.setText)
        self.payment_table.addActions(self.receipt_actions.actions())
        self.payment_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.name_label)
        layout.addWidget(self.details_label)
        layout.addWidget(cards_title)
        layout.addWidget(self.card_table, 2)
        layout.addWidget(self.cards_hint)
        # Removing a card while the shop asks for a manager's approval: asked here, in place.
        self.approval_section = ApprovalSection(backend, runner, self)
        self._removal: tuple[str, str] | None = None  # (customer, card) awaiting approval
        self.approval_section.approved.connect(self._removal_approved)
        self.approval_section.canceled.connect(self._removal_canceled)
        layout.addWidget(self.approval_section)
        layout.addLayout(buttons)
        layout.addWidget(payments_title)
        layout.addWidget(self.payment_table, 3)
        layout.addWidget(self.payments_hint)
        self._update_buttons()

    def _build_actions(self) -> None:
        # The menu's words; the buttons have their own (shorter) labels.
        self.charge_action = QAction(self.tr("&Charge selected card…") + "\t" + self.tr("Enter"),
                                     self)
        self.charge_action.triggered.connect(lambda: self.start_charge())
        self.new_card_action = QAction(self.tr("New c&ard…"), self)
        self.new_card_action.setShortcut(QKeySequence(SHORTCUT_NEW_CARD))
        # Anywhere in the window: it concerns the customer on screen, not a selected card.
        self.new_card_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.new_card_action.triggered.connect(lambda: self.start_card_entry())
        # Remote payment: a link or QR code the customer pays with away from the counter.
        self.request_action = QAction(self.tr("&Request payment…"), self)
        self.request_action.triggered.connect(lambda: self.start_payment_request())
        self.request_dialog: PaymentRequestDialog | None = None
        self._bridge: SyncBridge | None = None
        self.make_default_action = QAction(self.tr("Make selected card the &default"), self)
        self.make_default_action.setShortcut(QKeySequence(SHORTCUT_MAKE_DEFAULT))
        self.make_default_action.triggered.connect(self.make_default_card)
        self.remove_action = QAction(self.tr("Re&move selected card…"), self)
        self.remove_action.setShortcut(QKeySequence(SHORTCUT_REMOVE_CARD))
        self.remove_action.triggered.connect(self.confirm_remove_card)
        for action in (self.make_default_action, self.remove_action):
            # Only while the keyboard is on this page, where the selected card is in view:
            # Del in the search field deletes a character, not a card.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for action in self.card_actions():
            self.addAction(action)

    def card_actions(self) -> list[QAction]:
        """The page's actions in the order of its buttons (for the main window's menu)."""
        return [self.charge_action, self.new_card_action, self.request_action,
                self.make_default_action, self.remove_action]

    def _button(self, text: str, name: str, action: QAction, tooltip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tooltip)
        # Enter presses a focused button too, as in a dialog, not only Space.
        button.setAutoDefault(True)
        button.clicked.connect(action.trigger)
        return button

    def _locale(self) -> str:
        return self._backend.shop_settings.get().locale or "en_US"

    # --- loading ----------------------------------------------------------------------------

    def show_customer(self, customer_id: str) -> None:
        if customer_id != self.customer_id:
            self.approval_section.close_section()  # it was about the other customer's card
            self.page = None
            self.name_label.setText(self.tr("Loading…"))
            self.details_label.setText("")
            self.card_model.set_cards([])
            self.payment_model.set_payments([])
        self.customer_id = customer_id
        self.reload()

    def reload(self, *, from_stripe: bool = True) -> None:
        """Load the page again: with the cards read fresh from Stripe, or (after a change in
        the store) from the store alone."""
        customer_id = self.customer_id
        if customer_id is None:
            return
        customers, staff = self._backend.customers, self._backend.session.member
        if staff is None:
            return  # nobody signed in (the till is locked): loaded again at sign-in
        self._runner.op(
            lambda: customers.customer_page(staff, customer_id, from_stripe=from_stripe)
        ).success(lambda page: self._show_page(customer_id, page)).failure(
            lambda exc: self._load_failed(customer_id, exc)).run()

    # --- live updates from the change feed ---------------------------------------------------

    def follow(self, bridge: SyncBridge) -> None:
        """Reload with what other terminals and sync commit about this customer."""
        self._bridge = bridge  # the payment request dialog follows it too
        bridge.changed.connect(self.changes_arrived)

    def changes_arrived(self, changes: Sequence[Change]) -> None:
        """Changes committed to the store (by another terminal, or by sync): reload, from the
        store, if one concerns this customer or a payment on the page. The store already
        holds the new state, so Stripe is not asked again."""
        customer_id = self.customer_id
        if customer_id is None:
            return
        shown = {p.id for p in (self.page.recent_payments if self.page else [])}
        if any(
            change.concerns_customer(customer_id)
            or (change.kind is ChangeKind.PAYMENT and change.entity_id in shown)
            for change in changes
        ):
            self._reload_soon()

    def payments_settled(self, _results: Sequence[ChargeResult]) -> None:
        """This terminal settled open payments (the settle timer): their states changed.
        This terminal's own changes do not come through the feed, so the page asks again."""
        if self.customer_id:
            self.reload()

    def _reload_soon(self) -> None:
        # Not restarted while it runs: a steady stream of changes must not postpone the
        # reload forever; a change after it fired starts it again.
        if not self._sync_timer.isActive():
            self._sync_timer.start()

    def stop_sync_reloads(self) -> None:
        self._sync_timer.stop()

    def _show_page(self, customer_id: str, page: CustomerPageData) -> None:
        if customer_id != self.customer_id:
            return  # the cashier moved on to another customer meanwhile
        previous_card = self.selected_card()
        previous = self.page
        if previous is not None and not page.cards_fresh and not page.problem and previous.problem:
            # Reloaded from the store after a change: Stripe is still as unreachable as the
            # last load said, and the cards are still the last known ones.
            page = dataclasses.replace(page, problem=previous.problem)
        self.page = page
        customer = page.customer
        self.name_label.setText(customer.name or self.tr("(no name)"))
        parts = [customer.email, customer.phone, customer.id]
        self.details_label.setText("   ·   ".join(p for p in parts if p))
        self.card_model.set_cards(page.cards)
        self.payment_model.set_payments(page.recent_payments, self._older_payments(customer_id),
                                        page_size=RECENT_PAYMENTS)
        self._select_card(previous_card.id if previous_card else None)
        self._cards_note = ""
        if page.problem:
            self._cards_note = self.tr("Showing the last known cards: %1").replace(
                "%1", outcome_text(page.problem)
            )
        elif not page.cards:
            self._cards_note = self.tr("No saved cards for this customer.")
        self.cards_hint.setText(self._cards_note)
        self.payments_hint.setText(
            self.tr("To refund a payment, right-click it, or select it and press %1.").replace(
                "%1", shortcut_text(self.refund_action))
            if page.recent_payments else self.tr("No payments taken in this shop yet.")
        )
        self._update_buttons()
        self.loaded.emit(customer_id)

    def _older_payments(
        self, customer_id: str
    ) -> Callable[[PageKey | None, int], list[PaymentRecord]]:
        """Where the payments table gets older payments as the cashier scrolls."""
        backend = self._backend

        def fetch(after: PageKey | None, limit: int) -> list[PaymentRecord]:
            return backend.payments_page(customer_id, after, limit)

        return fetch

    def _load_failed(self, customer_id: str, exc: BaseException) -> None:
        words = error_words(exc, fallback=self.tr("Try again, or search for the customer again."),
                            doing="customer page")
        if customer_id == self.customer_id:
            self._update_buttons()
            self.name_label.setText(self.tr("This customer could not be loaded."))
            self.details_label.setText(words.text)
        self.load_failed.emit(customer_id)

    def _select_card(self, preferred_id: str | None) -> None:
        cards = self.page.cards if self.page else []
        row = next((i for i, c in enumerate(cards) if c.id == preferred_id), -1)
        if row < 0:
            row = next((i for i, c in enumerate(cards) if c.is_default and not c.expired), -1)
        if row < 0:
            row = next((i for i, c in enumerate(cards) if not c.expired), 0 if cards else -1)
        if row >= 0:
            self.card_table.selectRow(row)

    def selected_card(self) -> CardSummary | None:
        index = self.card_table.currentIndex()
        return self.card_model.card_at(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        card = self.selected_card() if self.page is not None else None
        states = (
            (self.charge_action, self.charge_button, card is not None and not card.expired),
            (self.new_card_action, self.new_card_button, self.page is not None),
            (self.request_action, self.request_button, self.page is not None),
            (self.make_default_action, self.make_default_button,
             card is not None and not card.is_default and not self._setting_default),
            (self.remove_action, self.remove_button, card is not None),
        )
        for action, button, enabled in states:
            action.setEnabled(enabled)
            button.setEnabled(enabled)
        if card is not None and card.expired:
            self.cards_hint.setText(self.tr("This card has expired. Choose another card."))
        else:
            self.cards_hint.setText(self._cards_note)

    # --- refunding --------------------------------------------------------------------------

    def selected_payment(self) -> PaymentRecord | None:
        index = self.payment_table.currentIndex()
        return self.payment_model.payment_at(index.row()) if index.isValid() else None

    def _receipt_payment(self) -> tuple[str, str] | None:
        """The selected payment, for its receipt, with the customer's email."""
        payment = self.selected_payment()
        if payment is None:
            return None
        email = self.page.customer.email if self.page is not None else None
        return payment.id, email or ""

    def start_refund(self, payment: PaymentRecord | None = None) -> RefundDialog | None:
        """Refund the selected payment (or `payment`): full or partial, in a dialog."""
        payment = payment or self.selected_payment()
        if payment is None or self.refund_dialog is not None:
            return None
        dialog = RefundDialog(self._backend, self._runner, payment, self)
        dialog.refunded.connect(lambda _result: self.reload(from_stripe=False))
        dialog.settings_requested.connect(self.settings_requested)
        dialog.finished.connect(lambda _code: self._refund_dialog_closed(dialog))
        self.refund_dialog = dialog
        dialog.open()
        return dialog

    def start_refund_of(self, payment_id: str) -> None:
        """Refund a payment named by id ("Refund…" on a sale's result): read it off the GUI
        thread, then open the refund dialog."""
        refunds, staff = self._backend.refunds, self._backend.staff
        self._runner.op(lambda: refunds.payment(staff, payment_id)).success(
            self.start_refund).run()

    def _refund_dialog_closed(self, dialog: RefundDialog) -> None:
        if self.refund_dialog is dialog:
            self.refund_dialog = None
        dialog.deleteLater()

    # --- capturing --------------------------------------------------------------------------

    def start_capture(self, payment: PaymentRecord | None = None) -> CaptureDialog | None:
        """Capture (all or part) or release the selected authorization (or `payment`)."""
        payment = payment or self.selected_payment()
        if (payment is None or self.capture_dialog is not None
                or payment.state != PaymentState.REQUIRES_CAPTURE.value):
            return None
        dialog = CaptureDialog(self._backend, self._runner, payment, self)
        dialog.answered.connect(lambda _result: self.reload(from_stripe=False))
        dialog.finished.connect(lambda _code: self._capture_dialog_closed(dialog))
        self.capture_dialog = dialog
        dialog.open()
        return dialog

    def _capture_dialog_closed(self, dialog: CaptureDialog) -> None:
        if self.capture_dialog is dialog:
            self.capture_dialog = None
        dialog.deleteLater()

    # --- charging ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.card_table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.start_charge()
            return True
        return super().eventFilter(watched, event)

    def focus_cards(self) -> None:
        self.card_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def start_charge(self) -> ChargeDialog | None:
        card = self.selected_card()
        if self.page is None or card is None or card.expired:
            return None
        dialog = ChargeDialog(self._backend, self._runner, self.page.customer, card, self)
        dialog.finished.connect(lambda _code: self._charge_dialog_closed(dialog))
        dialog.settings_requested.connect(self.settings_requested)
        dialog.refund_requested.connect(self.start_refund_of)
        dialog.authenticate_requested.connect(
            lambda payment_id, c=card: self.start_authentication(payment_id, card=c)
        )
        dialog.remote_authenticate_requested.connect(self.start_remote_authentication)
        dialog.cvc_requested.connect(
            lambda amount, description, confirmed, c=card: self.start_card_entry(
                mode=MODE_CVC, card=c, amount=amount, description=description,
                confirmed=confirmed)
        )
        self.charge_dialog = dialog
        dialog.open()
        return dialog

    # --- the customer at the counter (card entry) ---------------------------------------------

    def start_card_entry(
        self,
        *,
        mode: str = MODE_NEW,
        payment_id: str | None = None,
        card: CardSummary | None = None,
        amount: Money | None = None,
        description: str = "",
        confirmed: Money | None = None,
    ) -> CardEntryDialog | None:
        """New card (or authenticate a payment / re-collect a CVC, by `mode`)."""
        if self.page is None:
            return None
        dialog = CardEntryDialog(self._backend, self._runner, self.page.customer, parent=self,
                                 mode=mode, payment_id=payment_id, card=card, amount=amount,
                                 description=description, confirmed=confirmed)
        dialog.finished.connect(lambda _code: self._card_entry_closed(dialog))
        dialog.refund_requested.connect(self.start_refund_of)
        self.card_entry_dialog = dialog
        dialog.open()
        return dialog

    def start_authentication(
        self, payment_id: str, card: CardSummary | None = None
    ) -> CardEntryDialog | None:
        return self.start_card_entry(mode=MODE_AUTHENTICATE, payment_id=payment_id, card=card)

    def _card_entry_closed(self, dialog: CardEntryDialog) -> None:
        result: CardEntryResult | None = dialog.result
        if result is not None and result.payment_id:
            self.payment_finished.emit(result)
        if self.card_entry_dialog is dialog:
            self.card_entry_dialog = None
        self.reload()  # a newly saved card shows at once
        self.card_table.setFocus()
        dialog.deleteLater()

    # --- paying away from the counter (payment requests) -----------------------------------

    def start_payment_request(
        self, retry_payment: PaymentRecord | None = None
    ) -> PaymentRequestDialog | None:
        """A link for this customer to pay on Stripe's page (or, with `retry_payment`, to
        authenticate that failed off-session payment)."""
        if self.page is None or self.request_dialog is not None:
            return None
        customer = self.page.customer
        dialog = PaymentRequestDialog(
            self._backend, self._runner, customer_id=customer.id,
            customer_name=customer.name or customer.id, email=customer.email,
            bridge=self._bridge, retry_payment=retry_payment, parent=self)
        dialog.finished.connect(lambda _code: self._request_dialog_closed(dialog))
        self.request_dialog = dialog
        dialog.open()
        return dialog

    def start_remote_authentication(self, payment_id: str) -> None:
        """The customer of a failed off-session payment is away: read the payment (off the
        GUI thread; the charge dialog names only its id), then offer the link."""
        refunds, staff = self._backend.refunds, self._backend.staff
        self._runner.op(lambda: refunds.payment(staff, payment_id)).success(
            lambda payment: self.start_payment_request(retry_payment=payment)).run()

    def _request_dialog_closed(self, dialog: PaymentRequestDialog) -> None:
        if self.request_dialog is dialog:
            self.request_dialog = None
        self.reload()
        dialog.deleteLater()

    def _charge_dialog_closed(self, dialog: ChargeDialog) -> None:
        result: ChargeResult | None = dialog.result_shown
        if result is not None:
            self.payment_finished.emit(result)
        if self.charge_dialog is dialog:
            self.charge_dialog = None
        self.reload()
        self.card_table.setFocus()
        dialog.deleteLater()

    # --- removing a card ----------------------------------------------------------------------

    def confirm_remove_card(self) -> None:
        card = self.selected_card()
        if self.page is None or card is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Remove card"))
        box.setText(
            self.tr("Remove %1 from %2?")
            .replace("%1", self.card_model.card_label(card))
            .replace("%2", self.page.customer.name or self.page.customer.id)
        )
        box.setInformativeText(
            self.tr("The card can no longer be charged from this shop. "
                    "The customer has to give it again to use it.")
        )
        remove = box.addButton(self.tr("Remove card"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep card"), QMessageBox.ButtonRole.RejectRole)
        # Removing is never the default: Enter or Esc keeps the card.
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        customer_id, card_id = self.page.customer.id, card.id
        box.finished.connect(
            lambda _code: self._remove_confirmed(box, customer_id, card_id)
            if box.clickedButton() is remove else box.deleteLater()
        )
        self.confirm_box = box
        box.open()

    def _remove_confirmed(
        self, box: QMessageBox | None, customer_id: str, card_id: str,
        approval: Approval | None = None,
    ) -> None:
        if box is not None:
            box.deleteLater()
            self.confirm_box = None
        self._keep_keyboard_on_cards(self.remove_button)
        self.remove_action.setEnabled(False)
        self.remove_button.setEnabled(False)
        self.cards_hint.setText(self.tr("Removing the card…"))
        customers, staff = self._backend.customers, self._backend.staff
        # Failures read under the cards, where the cashier is looking.
        self._removal = (customer_id, card_id)
        self._runner.op(
            lambda: customers.detach_card(staff, customer_id, card_id, approval=approval)
        ).success(lambda _r: self._removed()).failure(self._remove_failed).run()

    def _removed(self) -> None:
        self.cards_hint.setText(self.tr("Card removed."))
        self.reload()

    def _removal_approved(self, approval: Approval) -> None:
        removal, self._removal = self._removal, None
        if removal is not None and removal[0] == self.customer_id:
            self._remove_confirmed(None, *removal, approval=approval)

    def _removal_canceled(self) -> None:
        self._removal = None
        self.cards_hint.setText(self.tr("The card was not removed."))

    def _remove_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ApprovalRequired) and self._removal is not None \
                and self._removal[0] == self.customer_id:
            self._update_buttons()
            self.cards_hint.setText("")
            self.approval_section.ask(exc, self._backend.staff)
            return
        words = error_words(exc, fallback=self.tr("Stripe did not answer. Try again."),
                            not_allowed=self.tr("You are not allowed to remove cards. Ask a "
                                                "manager."),
                            doing="removing a card")
        text = words.text if words.denied else self.tr(
            "The card could not be removed: %1").replace("%1", words.text)
        self._update_buttons()
        self.cards_hint.setText(text)

    def _keep_keyboard_on_cards(self, button: QPushButton) -> None:
        # A focused button that is disabled passes the focus on to whatever follows it;
        # the cashier's keyboard belongs on the cards the action changed.
        if button.hasFocus():
            self.card_table.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the default card ---------------------------------------------------------------------

    def make_default_card(self) -> None:
        """Make the selected card the customer's default, at Stripe (off the GUI thread)."""
        card = self.selected_card()
        if self.page is None or card is None or card.is_default or self._setting_default:
            return
        customer_id, card_id = self.page.customer.id, card.id
        label = self.card_model.card_label(card)
        self._keep_keyboard_on_cards(self.make_default_button)
        self._setting_default = True
        self._update_buttons()
        self.cards_hint.setText(self.tr("Making %1 the default card…").replace("%1", label))
        customers, staff = self._backend.customers, self._backend.staff
        self._runner.op(lambda: customers.set_default_card(staff, customer_id, card_id)).success(
            lambda _r: self._default_set(customer_id, label)).failure(
            lambda exc: self._default_failed(customer_id, exc)).run()

    def _default_set(self, customer_id: str, label: str) -> None:
        self._setting_default = False
        self._update_buttons()
        if customer_id != self.customer_id:
            return  # the cashier moved on; that page shows the new default when opened
        self.cards_hint.setText(self.tr("%1 is now the default card.").replace("%1", label))
        self.reload()

    def _default_failed(self, customer_id: str, exc: BaseException) -> None:
        self._setting_default = False
        self._update_buttons()
        words = error_words(
            exc, fallback=self.tr("Stripe did not answer. Try again."),
            not_allowed=self.tr("You are not allowed to change the default card. Ask a "
                                "manager."),
            doing="making a card the default")
        if customer_id != self.customer_id:
            return  # the cashier moved on: this page is about someone else now
        self.cards_hint.setText(words.text if words.denied else self.tr(
            "The default card could not be changed: %1").replace("%1", words.text))
