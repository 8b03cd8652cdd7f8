"""Settings: Stripe keys, the shop (shared by its terminals), its staff, this terminal among
the store's terminals, and the store itself.

Stripe keys are entered here, checked with a cheap API call, then kept in the OS keyring
only. Key values never reach a log line, a file or a message; the dialog drops them once
saved. This terminal's choices that are not secret (asking for the CVC, sync, its name) go to
the settings file; the shop's settings go to the store. Every save goes through a service
that takes the member of staff acting (a manager: MANAGE_SETTINGS) and audits each change;
other roles see the settings read-only. The Shop, Staff, Terminals and Store tabs are pages
of their own.
"""

from __future__ import annotations

import ipaddress
import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import (
    STRIPE_PUBLISHABLE_KEY,
    STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET,
    Backend,
    KeyCheck,
    KeyringUnavailable,
    Settings,
    ShopSettings,
    is_restricted_key,
    mode_of_key,
    validate_secret,
)
from posdesk.domain.roles import Permission
from posdesk.gui.common.error_words import error_words
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import outcome_text, sentences
from posdesk.gui.settings.display_page import DisplayPage
from posdesk.gui.settings.receipts_page import ReceiptsPage
from posdesk.gui.settings.shop_page import ShopPage
from posdesk.gui.settings.staff_page import StaffPage
from posdesk.gui.settings.store_panel import StorePanel
from posdesk.gui.settings.terminals_panel import TerminalsPanel

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Preferences:
    """The non-secret choices of this dialog, as they stand in the settings."""

    recollect_cvc: bool
    sync_webhooks: bool
    relay_host: str
    relay_port: int
    terminal_name: str
    receipt_paper: str
    receipt_printer: str
    language: str

    @classmethod
    def of(cls, settings: Settings) -> Preferences:
        return cls(settings.recollect_cvc, settings.sync_webhooks, settings.relay_host,
                   settings.relay_port, settings.terminal_name, settings.receipt_paper,
                   settings.receipt_printer, settings.language)

    def values(self) -> dict[str, object]:
        """As SettingsService.save_terminal_settings takes them."""
        return {"recollect_cvc": self.recollect_cvc, "sync_webhooks": self.sync_webhooks,
                "relay_host": self.relay_host, "relay_port": self.relay_port,
                "terminal_name": self.terminal_name, "receipt_paper": self.receipt_paper,
                "receipt_printer": self.receipt_printer, "language": self.language}


class SettingsDialog(QDialog):
    saved = Signal(str)  # the new mode: "test" or "live"
    keyring_unavailable = Signal(object)  # KeyringUnavailable

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self.busy = False
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(720)

        intro = QLabel(
            self.tr(
                "PosDesk talks to Stripe with your account's API key. Use a restricted key "
                "(it starts with rk_): create one in the Stripe Dashboard under Developers → "
                "API keys → Create restricted key, with write access to Customers, "
                "PaymentIntents, PaymentMethods and SetupIntents and read access to Events. "
                "A secret key (sk_) works too but can do anything on the account."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")

        self.secret_edit = QLineEdit(self)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setPlaceholderText("rk_test_… / rk_live_…")
        self.secret_edit.setAccessibleName(self.tr("Restricted or secret key"))
        self.publishable_edit = QLineEdit(self)
        self.publishable_edit.setPlaceholderText("pk_test_… / pk_live_…")
        self.webhook_edit = QLineEdit(self)
        self.webhook_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.webhook_edit.setPlaceholderText(self.tr("whsec_… (optional)"))
        for edit in (self.secret_edit, self.publishable_edit, self.webhook_edit):
            edit.textChanged.connect(self._update_mode)
            # Keys are pasted, not typed: no autocompletion or undo history of a secret.
            edit.setInputMethodHints(
                Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
            )

        self.recollect_cvc_check = QCheckBox(
            self.tr("Ask for the card's security code (CVC) before charging a saved card"), self
        )
        self.recollect_cvc_check.setChecked(bool(self._backend.settings.recollect_cvc))

        # How this terminal hears about changes made elsewhere: polling always; webhooks too
        # when a store forwards them (then a LAN address lets the forwarder reach us).
        settings = self._backend.settings
        self.sync_webhooks_check = QCheckBox(
            self.tr("Also receive webhooks (needs the webhook signing secret)"), self
        )
        self.sync_webhooks_check.setChecked(bool(settings.sync_webhooks))
        self.relay_host_edit = QLineEdit(str(settings.relay_host), self)
        self.relay_host_edit.setToolTip(
            self.tr("127.0.0.1 for this computer only; this computer's LAN address to accept "
                    "webhooks forwarded by the store's network")
        )
        self.relay_port_spin = QSpinBox(self)
        self.relay_port_spin.setRange(1024, 65535)
        self.relay_port_spin.setValue(int(settings.relay_port))

        self.stored_label = QLabel(self)
        self.stored_label.setObjectName("hint")
        self.stored_label.setWordWrap(True)
        self.mode_label = QLabel(self)
        self.mode_label.setObjectName("cardSummary")
        self.mode_label.setWordWrap(True)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("fieldError")
        self.message_label.setWordWrap(True)
        self.message_label.hide()  # shown with a problem (`_show_message`)

        # One form, so every field starts at the same x; the check boxes span both columns.
        form = QFormLayout()
        form.addRow(self.tr("Restricted or secret key"), self.secret_edit)
        form.addRow(self.tr("Publishable key"), self.publishable_edit)
        form.addRow(self.tr("Webhook signing secret"), self.webhook_edit)
        form.addRow(self.recollect_cvc_check)
        form.addRow(self.sync_webhooks_check)
        form.addRow(self.tr("Webhook address"), self.relay_host_edit)
        form.addRow(self.tr("Webhook port"), self.relay_port_spin)

        # The other tabs' panels are made before the buttons: Tab follows creation order, so
        # on every tab it reaches the tab's own fields first, then Check and save, Cancel.
        self.terminals_panel = TerminalsPanel(backend, runner, self)
        self.store_panel = StorePanel(backend, runner, self)
        self.shop_page = ShopPage(backend, runner, self)
        self.staff_page = StaffPage(backend, runner, self)
        self.receipts_page = ReceiptsPage(backend, self)
        self.display_page = DisplayPage(backend, self)
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("Check and save"), self)
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel  (Esc)"))
        self.cancel_button.setAutoDefault(False)  # Enter always means "check and save"
        self.save_button.clicked.connect(self.check_and_save)
        self.cancel_button.clicked.connect(self.reject)

        stripe_tab = QWidget(self)
        stripe_layout = QVBoxLayout(stripe_tab)
        stripe_layout.addWidget(intro)
        stripe_layout.addLayout(form)
        stripe_layout.addWidget(self.stored_label)
        stripe_layout.addWidget(self.mode_label)
        stripe_layout.addStretch(1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(stripe_tab, self.tr("Stripe"))
        self.tabs.addTab(self.terminals_panel, self.tr("Terminals"))
        self.tabs.addTab(self.store_panel, self.tr("Store"))
        self.tabs.addTab(self.shop_page, self.tr("Shop"))
        self.tabs.addTab(self.staff_page, self.tr("Staff"))
        self.tabs.addTab(self.receipts_page, self.tr("Receipts"))
        self.tabs.addTab(self.display_page, self.tr("Display"))

        # Who may change anything here: a manager. Others see the settings, read-only.
        self.may_manage = self._actor_may(Permission.MANAGE_SETTINGS)
        self.read_only_label = QLabel(
            self.tr("Only a manager can change the settings. You can look at them; ask a "
                    "manager to make a change."), self)
        self.read_only_label.setObjectName("hint")
        self.read_only_label.setWordWrap(True)
        self.read_only_label.setVisible(not self.may_manage)

        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self._add_tab_keys()
        self._update_mode()
        self._load_status()
        if not self.may_manage:
            self._set_read_only()

    def _actor_may(self, permission: Permission) -> bool:
        try:
            return self._backend.staff.role.allows(permission)
        except Exception:  # noqa: BLE001 - nobody signed in: nothing may be changed
            return False

    def _set_read_only(self) -> None:
        for edit in (self.secret_edit, self.publishable_edit, self.webhook_edit,
                     self.relay_host_edit):
            edit.setReadOnly(True)
        for widget in (self.recollect_cvc_check, self.sync_webhooks_check,
                       self.relay_port_spin):
            widget.setEnabled(False)
        self.shop_page.set_read_only(True)
        self.receipts_page.set_read_only(True)
        self.display_page.set_read_only(True)
        self.terminals_panel.set_busy(True)
        self.store_panel.setEnabled(False)
        self.save_button.setEnabled(False)
        self.save_button.setText(self.tr("Only a manager can save"))

    def _add_tab_keys(self) -> None:
        """Next / previous tab from anywhere in the dialog (QTabWidget alone answers Ctrl+Tab
        only while the keyboard is inside it, and Ctrl+PgDown never)."""
        for keys, step in (
            (("Ctrl+Tab", "Ctrl+PgDown"), 1),
            (("Ctrl+Shift+Tab", "Ctrl+Backtab", "Ctrl+PgUp"), -1),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(lambda step=step: self._step_tab(step))

    def _step_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    # --- messages ---------------------------------------------------------------------------

    def _show_message(self, text: str) -> None:
        """A problem under the tabs, in words. The dialog grows to fit it: at a fixed height
        the lines would squeeze the key fields until they overlap (Qt lays widgets over each
        other rather than clip them when a window is below its layout's real minimum)."""
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
        self._fit_height()

    def _fit_height(self) -> None:
        # Word-wrapped labels only know their height for a given width, which the window's
        # minimum size (computed without a width) underestimates: ask for this width.
        layout = self.layout()
        layout.activate()
        width = self.width()
        needed = max(layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0,
                     layout.totalMinimumSize().height())
        self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(width, needed)

    # --- state ------------------------------------------------------------------------------

    def _load_status(self) -> None:
        secrets = self._backend.secrets
        self._runner.op(secrets.status).success(self._show_status).failure(
            self._status_failed).run()

    def _show_status(self, status: dict[str, bool]) -> None:
        if status.get(STRIPE_SECRET_KEY):
            self.stored_label.setText(
                self.tr("A key is already saved in the system keyring. Enter a new one to "
                        "replace it, or leave the field empty to keep it.")
            )
        else:
            self.stored_label.setText(self.tr("No key is saved yet."))

    def _status_failed(self, exc: BaseException) -> None:
        if isinstance(exc, KeyringUnavailable):
            self._show_message(outcome_text(exc.explanation))
            self.save_button.setEnabled(False)
            self.keyring_unavailable.emit(exc)

    def _update_mode(self) -> None:
        secret = self.secret_edit.text().strip()
        if not secret:
            self.mode_label.setText("")
            return
        try:
            mode = mode_of_key(secret)
        except ValueError:
            self.mode_label.setText("")
            return
        if mode == "live":
            text = self.tr("LIVE mode: charges move real money.")
        else:
            text = self.tr("Test mode: no real money moves.")
        if not is_restricted_key(secret):
            text = sentences(
                text, self.tr("Tip: a restricted key (rk_) is safer than a secret key."))
        publishable = self.publishable_edit.text().strip()
        if publishable:
            try:
                if mode_of_key(publishable) != mode:
                    text = sentences(
                        text, self.tr("The publishable key is from the other mode."))
            except ValueError:
                pass
        self.mode_label.setText(text)

    def _problems(self) -> list[str]:
        problems: list[str] = []
        fields = (
            (STRIPE_SECRET_KEY, self.secret_edit),
            (STRIPE_PUBLISHABLE_KEY, self.publishable_edit),
            (STRIPE_WEBHOOK_SECRET, self.webhook_edit),
        )
        for name, edit in fields:
            value = edit.text().strip()
            if not value:
                continue
            try:
                validate_secret(name, value)
            except ValueError as exc:
                problems.append(outcome_text(str(exc)))
        secret, publishable = self.secret_edit.text().strip(), self.publishable_edit.text().strip()
        if secret and publishable and not problems and mode_of_key(secret) != mode_of_key(
            publishable
        ):
            problems.append(self.tr("The secret and publishable keys must both be test keys "
                                    "or both be live keys."))
        try:
            ipaddress.ip_address(self.relay_host_edit.text().strip())
        except ValueError:
            problems.append(self.tr("The webhook address must be an IP address of this "
                                    "computer, such as 127.0.0.1 or 192.168.1.20."))
        return problems

    # --- saving -----------------------------------------------------------------------------

    def check_and_save(self) -> None:
        if self.busy:
            return
        if not self.may_manage:
            self._show_message(self.read_only_label.text())
            return
        if self.store_panel.busy:
            self._show_message(self.tr("Wait until the store switch has finished."))
            return
        problems = self._problems()
        shop: ShopSettings | None = None
        if self.shop_page.changed():
            try:
                shop = self.shop_page.chosen()
            except ValueError as exc:
                problems.append(str(exc))
        if problems:
            self._show_message("\n".join(problems))
            return
        if shop is not None:
            # The shop's settings first (the service checks every field): the rest follows.
            self._set_busy(True)
            self._show_message("")
            service, actor = self._backend.shop_settings, self._backend.staff
            self._runner.op(lambda: service.save(actor, shop)).success(
                lambda _saved: self._shop_saved()).failure(self._shop_failed).run()
            return
        self._check_and_save_terminal(shop_saved=False)

    def _shop_saved(self) -> None:
        self._set_busy(False)
        self.shop_page.load()
        self._check_and_save_terminal(shop_saved=True)

    def _shop_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.tabs.setCurrentWidget(self.shop_page)
        self._show_message(self._refusal_words(exc, self.tr(
            "The shop's settings could not be saved. Nothing was changed.")))

    def _refusal_words(self, exc: BaseException, fallback: str) -> str:
        return error_words(
            exc, fallback=fallback,
            not_allowed=self.tr("Your role (%1) may not change the settings. Ask a manager."),
            doing="saving settings").text

    def _check_and_save_terminal(self, *, shop_saved: bool) -> None:
        secret = self.secret_edit.text().strip()
        if not secret:
            if not (
                self.publishable_edit.text().strip() or self.webhook_edit.text().strip()
                or self._preferences_changed()
            ):
                if shop_saved:
                    # Only the shop's settings: Stripe and sync stay as they are.
                    self._finish_saved(reconnect=False)
                    return
                self._show_message(self.tr("Enter the restricted or secret key."))
                return
            self._save(None)
            return
        self._set_busy(True)
        self._show_message("")
        self.mode_label.setText(self.tr("Checking the key with Stripe…"))
        api_base, actor = self._backend.api_base, self._backend.staff
        service = self._backend.settings_service
        self._runner.op(lambda: service.check_key(actor, secret, api_base)).success(
            lambda check: self._checked(secret, check)).failure(self._check_failed).run()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.shop_page.set_read_only(busy)
        self.receipts_page.set_read_only(busy)
        self.display_page.set_read_only(busy)
        # Read-only rather than disabled: a disabled field would pass focus (and Enter) on.
        for edit in (self.secret_edit, self.publishable_edit, self.webhook_edit):
            edit.setReadOnly(busy)
        for widget in (self.recollect_cvc_check, self.sync_webhooks_check,
                       self.relay_host_edit, self.relay_port_spin):
            widget.setEnabled(not busy)
        self.terminals_panel.set_busy(busy)
        self.save_button.setEnabled(not busy)

    def _checked(self, secret: str, check: KeyCheck) -> None:
        self._set_busy(False)
        if not check.ok:
            # The service's sentence says which it was: a key Stripe rejected, or a Stripe
            # that could not be asked (offline, busy). Either way nothing was saved.
            self._update_mode()
            self._show_message(outcome_text(check.problem or "") or self.tr(
                "The key could not be checked. Nothing was saved."))
            return
        self._save(secret)

    def _check_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._update_mode()
        if not isinstance(exc, OSError | TimeoutError):
            words = self._refusal_words(exc, "")
            if words:
                self._show_message(words)
                return
        log.warning("key check failed: %s", type(exc).__name__)
        self._show_message(
            self.tr("The key could not be checked: Stripe did not answer. Nothing was saved. "
                    "Check the internet connection and try again.")
        )

    def _chosen_preferences(self) -> Preferences:
        return Preferences(
            recollect_cvc=self.recollect_cvc_check.isChecked(),
            sync_webhooks=self.sync_webhooks_check.isChecked(),
            relay_host=self.relay_host_edit.text().strip(),
            relay_port=self.relay_port_spin.value(),
            terminal_name=self.terminals_panel.chosen_name(),
            receipt_paper=self.receipts_page.chosen_paper(),
            receipt_printer=self.receipts_page.chosen_printer(),
            language=self.display_page.chosen_language(),
        )

    def _preferences_changed(self) -> bool:
        return Preferences.of(self._backend.settings) != self._chosen_preferences()

    def _save_preferences(self) -> None:
        """The non-secret choices, into the settings file beside the data (a small local
        write, audited per change). Raises OSError and then leaves the running settings as
        they were."""
        if not self._preferences_changed():
            return
        self._backend.settings_service.save_terminal_settings(
            self._backend.staff, self._chosen_preferences().values())

    def _save(self, secret: str | None) -> None:
        secrets = self._backend.secrets
        publishable = self.publishable_edit.text().strip() or None
        webhook = self.webhook_edit.text().strip() or None
        renamed = self._backend.settings.terminal_name != self.terminals_panel.chosen_name()
        # The file first: if it cannot be written, nothing is saved and the dialog says so.
        actor = self._backend.staff
        try:
            self._save_preferences()
        except OSError as exc:
            log.warning("settings file not written: %s", type(exc).__name__)
            self._show_message(self.tr(
                "The settings file could not be written, so no setting changed and no key "
                "was saved. Check that the disk is not full or read-only."))
            return
        except Exception as exc:  # noqa: BLE001 - refused by the service: its words
            self._show_message(self._refusal_words(exc, self.tr(
                "The settings could not be saved. Nothing was changed.")))
            return
        try:
            self._backend.settings_service.save_keys(
                actor, secret_key=secret, publishable_key=publishable, webhook_secret=webhook)
            if secret:
                self._backend.reconfigure(secret, publishable or secrets.get(
                    STRIPE_PUBLISHABLE_KEY))
        except KeyringUnavailable as exc:
            self._show_message(outcome_text(exc.explanation))
            self.keyring_unavailable.emit(exc)
            return
        except Exception as exc:  # noqa: BLE001 - refused by the service: its words
            self._show_message(self._refusal_words(exc, self.tr(
                "The keys could not be saved. Nothing was changed.")))
            return
        if renamed:
            self._rename_terminal()
        self._finish_saved()

    def _finish_saved(self, *, reconnect: bool = True) -> None:
        for edit in (self.secret_edit, self.publishable_edit, self.webhook_edit):
            edit.clear()
        log.info("settings saved")
        if reconnect:
            self.saved.emit(self._backend.mode)
        self.accept()

    def _rename_terminal(self) -> None:
        """The other terminals see the new name now; this one registers it at each start."""
        service, actor = self._backend.settings_service, self._backend.staff
        name = self.terminals_panel.effective_name()
        # Only logged: the name is saved in the settings and registered at the next start.
        self._runner.op(lambda: service.rename_terminal(actor, name)).failure(
            lambda exc: log.warning("renaming the terminal in the store failed: %s",
                                    type(exc).__name__)).run()

    def reject(self) -> None:
        # A store switch in progress (a copy, an open question) is finished or cancelled
        # before the dialog can go: its connections are released on the GUI thread.
        if self.busy or self.store_panel.busy:
            return
        super().reject()

    def done(self, result: int) -> None:
        self.terminals_panel.stop()
        self.store_panel.stop()
        super().done(result)
