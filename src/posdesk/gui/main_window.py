"""The main window wires the pages together: mode banner, search on the left, the chosen
customer on the right, Stripe connection and sync progress in the status bar."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
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

from posdesk.domain.changes import Change
from posdesk.gui import checkout_view
from posdesk.gui.customer_page import CustomerPage
from posdesk.gui.customer_search import CustomerSearch
from posdesk.gui.formatting import error_text
from posdesk.gui.keyring_missing_dialog import KeyringMissingDialog
from posdesk.gui.new_customer_dialog import NewCustomerDialog
from posdesk.gui.settings_dialog import SettingsDialog
from posdesk.gui.sync_bridge import SyncBridge
from posdesk.gui.sync_status import (
    REACH_CONNECTED,
    REACH_KEY_REJECTED,
    REACH_UNREACHABLE,
    SyncStatusLabel,
)
from posdesk.gui.workers import Job, TaskRunner

log = logging.getLogger(__name__)

# Pending or unconfirmed payments left by a dropped connection are settled this often.
SETTLE_INTERVAL_MS = 60_000
# The card-entry web view is warmed up this long after start-up work begins, so the window
# paints and the customer list fills first.
WARM_UP_DELAY_MS = 1500


class MainWindow(QMainWindow):
    refresh_finished = Signal(object)  # count of customers, or the exception
    settle_finished = Signal(object)

    def __init__(self, context: Any, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.context = context
        self.runner = runner or TaskRunner(self)
        self._refresh_job: Job | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.new_customer_dialog: NewCustomerDialog | None = None
        self.keyring_dialog: KeyringMissingDialog | None = None
        self.setWindowTitle(self.tr("PosDesk"))
        self.resize(1200, 760)

        self.banner = QLabel(self)
        self.banner.setObjectName("modeBanner")
        self.search = CustomerSearch(context, self.runner, self)
        self.customer_page = CustomerPage(context, self.runner, self)
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

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
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

        # Sync news and store changes arrive on other threads; the bridge re-emits them on
        # this one.
        self.sync_bridge = SyncBridge(self)
        self.sync_bridge.status_changed.connect(self.sync_status.set_status)
        self.sync_bridge.changed.connect(self._store_changed)
        observer = getattr(context, "sync_observer", None)
        if observer is not None:
            self.sync_bridge.attach(observer)
            self.sync_status.set_status(observer.status)
        self.change_feed = getattr(context, "change_feed", None)
        if self.change_feed is not None:
            terminal = getattr(context, "terminal", None)
            self.sync_bridge.attach_feed(self.change_feed, getattr(terminal, "id", None))
            self.change_feed.start()  # returns at once: connecting is the feed thread's work
        self._sync_job: Job | None = None
        self._sync_again = False
        self._closing = False

        self._build_actions()
        self.search.customer_chosen.connect(self.open_customer)
        self.search.new_customer_requested.connect(self.open_new_customer)
        self.customer_page.loaded.connect(self._customer_loaded)
        self.customer_page.settings_requested.connect(self.open_settings)
        self.customer_page.payment_finished.connect(lambda _r: self.settle_later())

        self._settle_timer = QTimer(self)
        self._settle_timer.setInterval(SETTLE_INTERVAL_MS)
        self._settle_timer.timeout.connect(self.settle_unconfirmed)

        self.update_mode()
        self.search.refresh()
        self.search.focus_search()

    # --- wiring -----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&PosDesk"))
        self.settings_action = QAction(self.tr("Settings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.refresh_action = QAction(self.tr("Update customers from Stripe"), self)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.triggered.connect(self.refresh_from_stripe)
        self.quit_action = QAction(self.tr("Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        for action in (self.settings_action, self.refresh_action, self.quit_action):
            menu.addAction(action)
            self.addAction(action)
        customers = self.menuBar().addMenu(self.tr("&Customers"))
        self.customers_menu = customers
        self.find_action = QAction(self.tr("Find customer"), self)
        # One action owns all three keys (a QShortcut beside it on Ctrl+K would make the key
        # ambiguous, and neither would fire); the menu shows the first. Typed into a text
        # field, "/" stays text: the field claims plain keys before any shortcut.
        self.find_action.setShortcuts(
            [QKeySequence("Ctrl+K"), QKeySequence(QKeySequence.StandardKey.Find),
             QKeySequence("/")]
        )
        self.find_action.triggered.connect(self.search.focus_search)
        self.new_customer_action = QAction(self.tr("New customer…"), self)
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

    def update_mode(self) -> None:
        mode = self.context.mode
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
        }.get(self.context.mode, "")

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
        """Fill the customer cache from Stripe and settle payments left unconfirmed."""
        if self.context.mode == "unconfigured":
            return
        self.refresh_from_stripe()
        self.settle_unconfirmed()
        self.start_sync()
        self._settle_timer.start()
        QTimer.singleShot(WARM_UP_DELAY_MS, self.warm_up_card_entry)

    # --- keeping up with Stripe (sync engine) -------------------------------------------------

    def start_sync(self) -> None:
        """(Re)start the context's sync engine on a worker (it stops the old one, joins
        threads and may open the relay's port); the status bar follows the bridge."""
        start = getattr(self.context, "start_sync", None)
        if start is None or self._closing:
            return
        if self._sync_job is not None:
            self._sync_again = True  # keys changed while starting: start once more after
            return
        self.sync_status.set_starting()
        self._sync_job = self.runner.submit(
            start, on_result=self._sync_started, on_error=self._sync_failed
        )

    def _sync_started(self, engine: Any) -> None:
        self._sync_job = None
        if self._sync_again and not self._closing:
            self._sync_again = False
            self.start_sync()
            return
        self.sync_status.set_engine(
            webhooks=engine is not None and engine.relay is not None,
            relay_url=engine.relay_url if engine is not None else None,
            relay_problem=getattr(self.context, "sync_relay_problem", None),
        )
        self.sync_status.set_status(self.sync_bridge.status)

    def _sync_failed(self, exc: BaseException) -> None:
        self._sync_job = None
        self._sync_again = False
        log.error("sync did not start: %s", type(exc).__name__)
        self.sync_status.set_status(self.sync_bridge.status)

    def _store_changed(self, changes: list[Change]) -> None:
        """Another terminal or sync committed changes to the store: open views that show
        them reload."""
        if self._closing:
            return
        self.search.changes_arrived(changes)
        self.customer_page.changes_arrived(changes)

    def card_entry_available(self) -> bool:
        service = getattr(self.context, "card_entry", None)
        key = getattr(service, "publishable_key", None) or ""
        return self.context.mode != "unconfigured" and key.startswith("pk_")

    def warm_up_card_entry(self) -> None:
        """Start the web engine and the checkout server in the background, so the first
        "New card…" shows the card form without the engine's start-up wait."""
        if not self.card_entry_available() or not self.isVisible():
            return
        context = self.context
        self.runner.submit(
            context.checkout_server,
            on_result=lambda server: checkout_view.warm_up(
                server, stripe_js_url=context.stripe_js_url,
                debug=bool(getattr(context, "debug", False)),
            ),
            on_error=lambda exc: log.warning(
                "checkout server did not start: %s", type(exc).__name__),
        )

    def refresh_from_stripe(self) -> None:
        if self.context.mode == "unconfigured" or self._refresh_job is not None:
            return
        customers = self.context.customers
        self.sync_label.setText(self.tr("Updating customers from Stripe…"))
        self.sync_bar.show()

        def work(job: Job) -> int:
            return customers.refresh_from_stripe(
                progress=lambda *values: job.report(values), should_stop=job.stop_requested
            )

        self._refresh_job = self.runner.submit(
            work,
            wants_reporter=True,
            on_result=self._refreshed,
            on_error=self._refresh_failed,
            on_progress=self._refresh_progress,
        )

    def _refresh_progress(self, values: tuple[Any, ...]) -> None:
        numbers = [v for v in values if isinstance(v, int)]
        if len(numbers) >= 2 and numbers[1]:
            text = self.tr("Updating customers from Stripe… %1 of %2")
            self.sync_label.setText(text.replace("%1", str(numbers[0])).replace("%2",
                                                                                str(numbers[1])))
        elif numbers:
            self.sync_label.setText(
                self.tr("Updating customers from Stripe… %1").replace("%1", str(numbers[0]))
            )

    def _refreshed(self, count: Any) -> None:
        self._refresh_job = None
        self.sync_bar.hide()
        self.show_stripe_reach(REACH_CONNECTED)
        self.sync_label.setText(
            self.tr("Customers updated from Stripe: %1.").replace("%1", str(int(count or 0)))
        )
        self.search.refresh()
        self.refresh_finished.emit(count)

    def _refresh_failed(self, exc: BaseException) -> None:
        self._refresh_job = None
        self.sync_bar.hide()
        log.warning("customer refresh failed: %s", type(exc).__name__)
        kind = getattr(getattr(exc, "kind", None), "value", "")
        self.show_stripe_reach(
            REACH_KEY_REJECTED if kind == "configuration_problem" else REACH_UNREACHABLE)
        self.sync_label.setText(
            self.tr("Showing the saved customer list. %1 F5 tries again.").replace(
                "%1", error_text(exc, self.tr("Could not update customers from Stripe."))
            )
        )
        self.refresh_finished.emit(exc)

    def settle_unconfirmed(self) -> None:
        if self.context.mode == "unconfigured":
            return
        charges = self.context.charges
        self.runner.submit(charges.settle_unconfirmed, on_result=self._settled,
                           on_error=self._settle_failed)

    def settle_later(self) -> None:
        QTimer.singleShot(5000, self.settle_unconfirmed)

    def _settled(self, results: Any) -> None:
        if results:
            self.sync_label.setText(
                self.tr("Earlier payments checked with Stripe: %1.").replace(
                    "%1", str(len(results))
                )
            )
            if self.customer_page.customer_id:
                self.customer_page.reload()
        self.settle_finished.emit(results)

    def _settle_failed(self, exc: BaseException) -> None:
        log.warning("settling unconfirmed payments failed: %s", type(exc).__name__)
        self.settle_finished.emit(exc)

    # --- pages and dialogs ------------------------------------------------------------------

    def open_customer(self, customer_id: str) -> None:
        self.customer_page.show_customer(customer_id)
        self.pages.setCurrentWidget(self.customer_page)

    def _customer_loaded(self, _customer_id: str) -> None:
        # Hand the keyboard to the cards only when the cashier came from the search; the
        # window's focus widget is asked, not hasFocus(), which is false while the window is
        # inactive (another window raised, no window manager).
        if self.focusWidget() not in (self.search.search_edit, self.search.results):
            return
        self.customer_page.focus_cards()

    def open_new_customer(self) -> NewCustomerDialog:
        dialog = NewCustomerDialog(self.context, self.runner, self)
        dialog.created.connect(self._customer_created)
        dialog.finished.connect(dialog.deleteLater)
        self.new_customer_dialog = dialog
        dialog.open()
        return dialog

    def _customer_created(self, customer: Any) -> None:
        self.search.refresh()
        self.open_customer(customer.id)

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.context, self.runner, self)
        dialog.saved.connect(self._settings_saved)
        dialog.keyring_unavailable.connect(
            lambda exc: self.show_keyring_problem(getattr(exc, "explanation", str(exc)))
        )
        dialog.finished.connect(dialog.deleteLater)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _settings_saved(self, _mode: str) -> None:
        self.set_connection("checking", self.tr("Stripe: connecting…"))
        self.update_mode()
        self.start_background_tasks()

    def show_keyring_problem(self, explanation: str) -> KeyringMissingDialog:
        dialog = KeyringMissingDialog(explanation, self)
        dialog.finished.connect(dialog.deleteLater)
        self.keyring_dialog = dialog
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        self._settle_timer.stop()
        if self._refresh_job is not None:
            self._refresh_job.request_stop()
        self.customer_page.stop_sync_reloads()
        self.sync_bridge.detach_feed()
        if self.change_feed is not None:
            self.change_feed.stop()
        # Let running jobs finish so none reports into a window that is gone.
        self.runner.wait_for_done(10_000)
        # Sync stops with the window: polling ends, the relay's port closes.
        stop_sync = getattr(self.context, "stop_sync", None)
        if stop_sync is not None:
            stop_sync()
        self.sync_bridge.detach()
        super().closeEvent(event)
