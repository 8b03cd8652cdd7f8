"""The main window: mode banner, search on the left, the chosen customer on the right, the
Stripe connection and sync progress in the status bar.

It navigates and wires, nothing else: background housekeeping lives in small controllers it
creates (customer refresh, the settle timer, sync, the card-entry warm-up), and the pages
follow the change feed themselves (see the sync bridge). Until someone signs in, and whenever
the till is locked, the window shows only the sign-in screen (gui/signin/till_lock.py).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import Backend, CustomerRecord, KeyringUnavailable, SignedIn
from posdesk.gui.common.error_words import ErrorPresenter
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.customers.customer_page import CustomerPage
from posdesk.gui.customers.customer_search import CustomerSearch
from posdesk.gui.customers.new_customer_dialog import NewCustomerDialog
from posdesk.gui.requests.request_dialog import PaymentRequestDialog
from posdesk.gui.settings.keyring_missing_dialog import KeyringMissingDialog
from posdesk.gui.shell.customer_refresh import CustomerRefresh
from posdesk.gui.shell.settle_timer import SettleTimer
from posdesk.gui.shell.sync_bridge import SyncBridge
from posdesk.gui.shell.sync_control import SyncControl
from posdesk.gui.shell.sync_status import (
    REACH_CONNECTED,
    REACH_KEY_REJECTED,
    SyncStatusLabel,
)
from posdesk.gui.shell.warm_up import CardEntryWarmUp
from posdesk.gui.signin.till_lock import TillLock

if TYPE_CHECKING:
    # The menus' screens load when first opened (a cashier may never open them).
    from posdesk.gui.audit.audit_viewer import AuditViewer
    from posdesk.gui.day_close.day_close_dialog import DayCloseDialog
    from posdesk.gui.history.history_page import HistoryPage
    from posdesk.gui.payments.open_authorisations import OpenAuthorisationsDialog
    from posdesk.gui.receipts.receipt_outbox_dialog import ReceiptOutboxDialog
    from posdesk.gui.requests.open_requests import OpenRequestsDialog
    from posdesk.gui.requests.payment_links import PaymentLinksDialog
    from posdesk.gui.settings.settings_dialog import SettingsDialog
    from posdesk.gui.shell.about_dialog import AboutDialog

# Ctrl+H opens the history window from anywhere in the till.
SHORTCUT_HISTORY = "Ctrl+H"

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    # The controllers' news, at the window (the demo and tests wait for start-up with these).
    refresh_finished = Signal(object)  # count of customers, or the exception
    settle_finished = Signal(object)  # list of ChargeResult, or the exception

    def __init__(self, backend: Backend, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.backend = backend
        self.runner = runner or TaskRunner(self)
        self.settings_dialog: SettingsDialog | None = None
        self.new_customer_dialog: NewCustomerDialog | None = None
        self.keyring_dialog: KeyringMissingDialog | None = None
        self.setWindowTitle(self.tr("PosDesk"))
        self.resize(1200, 760)

        self.banner = QLabel(self)
        self.banner.setObjectName("modeBanner")
        self.search = CustomerSearch(backend, self.runner, self)
        self.customer_page = CustomerPage(backend, self.runner, self)
        self.placeholder = QLabel(
            self.tr("Find a customer on the left (Ctrl+K), then press Enter."), self
        )
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(self.customer_page)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.search)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([440, 760])
        splitter.setChildrenCollapsible(False)

        # The work, or the sign-in screen (gui/signin/till_lock.py) while nobody is signed in.
        self.screens = QStackedWidget(self)
        self.screens.addWidget(splitter)
        self.work = splitter

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.screens, 1)
        self.setCentralWidget(central)

        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("connectionState")
        self.sync_label = QLabel(self)
        self.sync_bar = QProgressBar(self)
        self.sync_bar.setRange(0, 0)
        self.sync_bar.setMaximumWidth(140)
        self.sync_bar.setMaximumHeight(12)
        self.sync_bar.setTextVisible(False)
        self.sync_bar.hide()
        self.statusBar().addWidget(self.connection_label)
        self.statusBar().addWidget(self.sync_label, 1)
        self.statusBar().addPermanentWidget(self.sync_bar)
        self.sync_status = SyncStatusLabel(self)
        self.statusBar().addPermanentWidget(self.sync_status)
        # One connectivity state: every poll round updates the connection label too.
        self.sync_status.stripe_reach.connect(self.show_stripe_reach)

        # Failures of background work nobody else handles read in the status bar.
        self.errors = ErrorPresenter(self, self.statusBar())
        self.runner.presenter = self.errors

        # Sync news and store changes arrive on other threads; the bridge re-emits them on
        # this one, and the pages follow it themselves.
        self.sync_bridge = SyncBridge(self)
        self.sync_control = SyncControl(backend, self.runner, self.sync_bridge,
                                        self.sync_status, self)
        self.search.follow(self.sync_bridge)
        self.customer_page.follow(self.sync_bridge)
        self.change_feed = backend.change_feed  # the feed this window follows (tests wait on it)
        self.sync_control.follow_changes()

        self.customer_refresh = CustomerRefresh(backend, self.runner, self)
        self.customer_refresh.message.connect(self.sync_label.setText)
        self.customer_refresh.busy.connect(self.sync_bar.setVisible)
        self.customer_refresh.reach.connect(self.show_stripe_reach)
        self.customer_refresh.updated.connect(self.search.refresh)
        self.customer_refresh.finished.connect(self.refresh_finished)
        self.settle_timer = SettleTimer(backend, self.runner, self)
        self.settle_timer.message.connect(self.sync_label.setText)
        self.settle_timer.settled.connect(self.customer_page.payments_settled)
        self.settle_timer.finished.connect(self.settle_finished)
        self.warm_up = CardEntryWarmUp(backend, self.runner, self.isVisible, self)
        # Who is signed in, the lock, switch user and the idle lock.
        self.till = TillLock(backend, self.runner, self, self.screens, self.work,
                             work_actions=self._work_actions, reset_work=self._reset_work)
        self.till.unlocked.connect(self._signed_in)

        self._build_actions()
        self.addToolBar(self.till.build_toolbar())
        self.search.customer_chosen.connect(self.open_customer)
        self.search.new_customer_requested.connect(self.open_new_customer)
        self.customer_page.loaded.connect(self._customer_loaded)
        self.customer_page.settings_requested.connect(self.open_settings)
        self.customer_page.payment_finished.connect(lambda _r: self.settle_timer.settle_later())

        self.update_mode()
        self.search.refresh()
        self.search.focus_search()
        self.till.start()

    # --- wiring -----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&PosDesk"))
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.refresh_action = QAction(self.tr("&Update customers from Stripe"), self)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.triggered.connect(self.customer_refresh.refresh)
        # F5 reads only what is new; this reads every customer again (a cache in doubt).
        self.refresh_all_action = QAction(self.tr("R&ead every customer from Stripe again"), self)
        self.refresh_all_action.setShortcut(QKeySequence("Shift+F5"))
        self.refresh_all_action.triggered.connect(self.customer_refresh.refresh_everything)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        for action in (
            self.settings_action, self.refresh_action, self.refresh_all_action,
            self.till.lock_action, self.till.switch_action, self.quit_action,
        ):
            menu.addAction(action)
            self.addAction(action)
        menu.insertSeparator(self.till.lock_action)
        # Managers: the audit trail, its verification and export (the service checks).
        self.audit_action = QAction(self.tr("&Audit trail…"), self)
        self.audit_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.audit_action.triggered.connect(self.open_audit_viewer)
        menu.insertAction(self.refresh_action, self.audit_action)
        self.addAction(self.audit_action)
        # The payment history (cashiers: this terminal's day; the service narrows).
        self.history_action = QAction(self.tr("Payment &history…"), self)
        self.history_action.setShortcut(QKeySequence(SHORTCUT_HISTORY))
        self.history_action.triggered.connect(self.open_history)
        menu.insertAction(self.refresh_action, self.history_action)
        self.addAction(self.history_action)
        # Authorisations waiting for their capture, with the time left (a manager captures).
        self.authorisations_action = QAction(self.tr("&Open authorizations…"), self)
        self.authorisations_action.triggered.connect(self.open_authorisations)
        menu.insertAction(self.refresh_action, self.authorisations_action)
        self.addAction(self.authorisations_action)
        # Close of day: X report, and the Z report that closes it (managers; the service checks).
        self.day_close_action = QAction(self.tr("&Close of day…"), self)
        self.day_close_action.triggered.connect(self.open_day_close)
        menu.insertAction(self.refresh_action, self.day_close_action)
        self.addAction(self.day_close_action)
        # Remote payments: a link for a walk-in, the open requests, the reusable links.
        self.walk_in_request_action = QAction(self.tr("&Request a payment (walk-in)…"), self)
        self.walk_in_request_action.triggered.connect(self.open_walk_in_request)
        self.open_requests_action = QAction(self.tr("Open &payment requests…"), self)
        self.open_requests_action.triggered.connect(self.open_payment_requests)
        self.payment_links_action = QAction(self.tr("Payment &links…"), self)
        self.payment_links_action.triggered.connect(self.open_payment_links)
        for action in (self.walk_in_request_action, self.open_requests_action,
                       self.payment_links_action):
            menu.insertAction(self.refresh_action, action)
            self.addAction(action)
        menu.insertSeparator(self.quit_action)
        # The demo: the receipts Stripe would have emailed (the sandbox's outbox).
        self.outbox_action = QAction(self.tr("E&mailed receipts (demo)…"), self)
        self.outbox_action.triggered.connect(self.open_receipt_outbox)
        if self.backend.demo:
            menu.insertAction(self.quit_action, self.outbox_action)
        customers = self.menuBar().addMenu(self.tr("&Customers"))
        self.customers_menu = customers
        self.find_action = QAction(self.tr("&Find customer"), self)
        # One action owns all three keys (a QShortcut beside it on Ctrl+K would make the key
        # ambiguous, and neither would fire); the menu shows the first. Typed into a text
        # field, "/" stays text: the field claims plain keys before any shortcut.
        self.find_action.setShortcuts(
            [QKeySequence("Ctrl+K"), QKeySequence(QKeySequence.StandardKey.Find),
             QKeySequence("/")]
        )
        self.find_action.triggered.connect(self.search.focus_search)
        self.new_customer_action = QAction(self.tr("&New customer…"), self)
        self.new_customer_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_customer_action.triggered.connect(self.open_new_customer)
        for action in (self.find_action, self.new_customer_action):
            customers.addAction(action)
            self.addAction(action)
        # The open customer's card actions: the page owns them and their shortcuts, the
        # menu shows them (with their keys) and greys them out as the page does.
        customers.addSeparator()
        for action in self.customer_page.card_actions():
            customers.addAction(action)
        self.search.new_button.setToolTip(
            self.tr("Create a customer in Stripe (%1)").replace(
                "%1", self.new_customer_action.shortcut().toString(
                    QKeySequence.SequenceFormat.NativeText))
        )
        # Help: versions and the third-party licenses (open while locked too: it shows
        # nothing of the shop).
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About PosDesk…"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.open_about)
        help_menu.addAction(self.about_action)

    def open_about(self) -> AboutDialog:
        from posdesk.gui.shell.about_dialog import AboutDialog

        dialog = AboutDialog(self.runner, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _work_actions(self) -> list[QAction]:
        """The window's actions that act for the person signed in (off while locked)."""
        return [self.settings_action, self.refresh_action, self.refresh_all_action,
                self.find_action, self.new_customer_action, self.audit_action,
                self.history_action,
                self.authorisations_action]

    def _signed_in(self, result: SignedIn) -> None:
        # Pages skip their updates while nobody is signed in: bring them up to date.
        self.search.refresh()
        if result.continues and self.pages.currentWidget() is self.customer_page:
            self.customer_page.reload(from_stripe=False)

    def _reset_work(self) -> None:
        """Someone else signed in: nothing of the person before stays open."""
        self.pages.setCurrentWidget(self.placeholder)
        self.search.search_edit.clear()
        self.search.focus_search()

    def update_mode(self) -> None:
        mode = self.backend.mode
        texts = {
            "test": self.tr("TEST MODE — no real money moves"),
            "demo": self.tr("DEMO — sample data on a built-in sandbox, no real money"),
            "unconfigured": self.tr("NOT SET UP — add a Stripe key in the settings (Ctrl+,)"),
        }
        self.banner.setProperty("mode", mode)
        self.banner.setText(texts.get(mode, ""))
        self.banner.setVisible(mode in texts)  # never in live mode
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        if mode == "unconfigured":
            self.set_connection("unconfigured", self.tr("Stripe: not configured"))
        elif not self.connection_label.text() or self.connection_label.property("state") in (
            None, "unconfigured"
        ):
            self.set_connection("checking", self.tr("Stripe: connecting…"))

    def _mode_words(self) -> str:
        return {
            "test": self.tr("test mode"),
            "live": self.tr("live mode"),
            "demo": self.tr("demo sandbox"),
        }.get(self.backend.mode, "")

    def show_stripe_reach(self, reach: str) -> None:
        """Whether Stripe answers, as the last customer refresh or sync round found it."""
        if reach == REACH_CONNECTED:
            state = "connected"
            text = self.tr("Stripe: connected (%1)").replace("%1", self._mode_words())
        elif reach == REACH_KEY_REJECTED:
            state, text = "unreachable", self.tr("Stripe: key not accepted")
        else:
            state, text = "unreachable", self.tr("Stripe: unreachable")
        label = self.connection_label
        if (label.property("state"), label.text()) != (state, text):  # each poll round asks
            self.set_connection(state, text)

    def set_connection(self, state: str, text: str) -> None:
        self.connection_label.setProperty("state", state)
        self.connection_label.setText(text)
        self.connection_label.style().unpolish(self.connection_label)
        self.connection_label.style().polish(self.connection_label)

    # --- start-up and background work -------------------------------------------------------

    def start_background_tasks(self) -> None:
        """Fill the customer cache from Stripe, settle payments left unconfirmed and start
        sync (each in its controller). Card entry warms up when a customer is opened."""
        if self.backend.mode == "unconfigured":
            return
        self.customer_refresh.refresh()
        self.settle_timer.start()
        self.sync_control.start()

    # --- pages and dialogs ------------------------------------------------------------------

    def open_customer(self, customer_id: str) -> None:
        self.customer_page.show_customer(customer_id)
        self.pages.setCurrentWidget(self.customer_page)
        # A card entry is likely now: prepare the card page (kept while customers are opened).
        self.warm_up.start()

    def _customer_loaded(self, _customer_id: str) -> None:
        # Hand the keyboard to the cards only when the cashier came from the search; the
        # window's focus widget is asked, not hasFocus(), which is false while the window is
        # inactive (another window raised, no window manager).
        if self.focusWidget() not in (self.search.search_edit, self.search.results):
            return
        self.customer_page.focus_cards()

    def open_new_customer(self) -> NewCustomerDialog:
        dialog = NewCustomerDialog(self.backend, self.runner, self)
        dialog.created.connect(self._customer_created)
        dialog.finished.connect(dialog.deleteLater)
        self.new_customer_dialog = dialog
        dialog.open()
        return dialog

    def _customer_created(self, customer: CustomerRecord) -> None:
        self.search.refresh()
        self.open_customer(customer.id)

    def open_audit_viewer(self) -> AuditViewer:
        from posdesk.gui.audit.audit_viewer import AuditViewer

        dialog = AuditViewer(self.backend, self.runner, self)
        dialog.finished.connect(dialog.deleteLater)
        self.audit_viewer = dialog
        dialog.open()
        return dialog

    def open_history(self) -> HistoryPage:
        from posdesk.gui.history.history_page import HistoryPage

        # A window of its own (not modal): staff keep it open beside the till.
        window = HistoryPage(self.backend, self.runner, self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.sync_bridge.changed.connect(window.changes_arrived)
        self.history_page = window
        window.show()
        return window

    def open_authorisations(self) -> OpenAuthorisationsDialog:
        from posdesk.gui.payments.open_authorisations import OpenAuthorisationsDialog

        dialog = OpenAuthorisationsDialog(self.backend, self.runner, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_walk_in_request(self) -> PaymentRequestDialog:
        dialog = PaymentRequestDialog(self.backend, self.runner, customer_id=None,
                                      bridge=self.sync_bridge, parent=self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_payment_requests(self) -> OpenRequestsDialog:
        from posdesk.gui.requests.open_requests import OpenRequestsDialog

        dialog = OpenRequestsDialog(self.backend, self.runner, self.sync_bridge, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_payment_links(self) -> PaymentLinksDialog:
        from posdesk.gui.requests.payment_links import PaymentLinksDialog

        dialog = PaymentLinksDialog(self.backend, self.runner, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_day_close(self) -> DayCloseDialog:
        from posdesk.gui.day_close.day_close_dialog import DayCloseDialog

        dialog = DayCloseDialog(self.backend, self.runner, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_receipt_outbox(self) -> ReceiptOutboxDialog:
        from posdesk.gui.receipts.receipt_outbox_dialog import ReceiptOutboxDialog

        dialog = ReceiptOutboxDialog(self.backend, self.runner, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.load()
        dialog.open()
        return dialog

    def open_settings(self) -> SettingsDialog:
        from posdesk.gui.settings.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.backend, self.runner, self)
        dialog.saved.connect(self._settings_saved)
        dialog.keyring_unavailable.connect(self._keyring_unavailable)
        dialog.finished.connect(dialog.deleteLater)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _settings_saved(self, _mode: str) -> None:
        self.set_connection("checking", self.tr("Stripe: connecting…"))
        self.update_mode()
        self.start_background_tasks()

    def _keyring_unavailable(self, exc: KeyringUnavailable) -> None:
        self.show_keyring_problem(exc.explanation)

    def show_keyring_problem(self, explanation: str) -> KeyringMissingDialog:
        dialog = KeyringMissingDialog(explanation, self)
        dialog.finished.connect(dialog.deleteLater)
        self.keyring_dialog = dialog
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        self.till.stop()
        self.settle_timer.stop()
        self.customer_refresh.stop()
        self.customer_page.stop_sync_reloads()
        self.sync_control.stop_following()
        # Let running jobs finish so none reports into a window that is gone.
        self.runner.wait_for_done(10_000)
        self.runner.presenter = None
        # Sync stops with the window: polling ends, the relay's port closes.
        self.sync_control.stop()
        super().closeEvent(event)
