"""Keyboard use, the mode banner and status bar, removing a card, new customers, settings
and the keyring explanation, on the real window against the sandbox."""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from posdesk.domain.roles import Role
from posdesk.gui.settings.keyring_missing_dialog import KeyringMissingDialog
from posdesk.gui.shell.main_window import MainWindow
from posdesk.services.secret_store import STRIPE_SECRET_KEY, KeyringUnavailable
from tests.gui.conftest import make_context, sandbox_url
from tests.gui.test_charge_flow import (
    RESULT_TIMEOUT_MS,
    open_charge_dialog,
    open_customer,
    refresh,
)

pytestmark = pytest.mark.gui


def test_shortcuts_focus_the_search(qtbot, window, shop):
    refresh(qtbot, window)
    page = open_customer(qtbot, window, "ada", "Ada Lovelace")
    window.activateWindow()
    for key, modifier in (
        (Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Slash, Qt.KeyboardModifier.NoModifier),
    ):
        page.card_table.setFocus()
        qtbot.waitUntil(page.card_table.hasFocus, timeout=2000)
        qtbot.keyClick(page.card_table, key, modifier)
        qtbot.waitUntil(window.search.search_edit.hasFocus, timeout=2000)
    # "/" typed inside the search is text, not a shortcut.
    window.search.search_edit.clear()
    qtbot.keyClicks(window.search.search_edit, "a/b")
    assert window.search.search_edit.text() == "a/b"


def test_escape_cancels_the_charge_dialog_without_charging(qtbot, window, shop, sandbox):
    refresh(qtbot, window)
    page = open_customer(qtbot, window, "ada", "Ada Lovelace")
    dialog = open_charge_dialog(qtbot, page, "4242")
    qtbot.keyClicks(dialog.amount_edit, "10")
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Escape)
    assert page.charge_dialog is None
    assert sandbox.count("payment_intent") == 0


def test_escape_does_not_close_while_stripe_is_answering(qtbot, window, shop, sandbox):
    refresh(qtbot, window)
    page = open_customer(qtbot, window, "ada", "Ada Lovelace")
    dialog = open_charge_dialog(qtbot, page, "4242")
    qtbot.keyClicks(dialog.amount_edit, "10")
    sandbox.hold(1.0, path_prefix="/v1/payment_intents")
    with qtbot.waitSignal(dialog.result_ready, timeout=RESULT_TIMEOUT_MS):
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible()
        assert "cannot be canceled now" in dialog.busy_label.text()
    assert dialog.result_title.text() == "Approved"


def test_banner_and_status_bar_follow_the_mode(qtbot, window, shop, gui_context, sandbox):
    assert window.banner.isVisible()
    assert window.banner.text().startswith("TEST MODE")
    refresh(qtbot, window)
    assert window.connection_label.text() == "Stripe: connected (test mode)"
    assert window.sync_label.text() == "Customers updated from Stripe: 3."

    gui_context.demo = True
    window.update_mode()
    assert window.banner.isVisible() and window.banner.text().startswith("DEMO")

    gui_context.demo = False
    gui_context.reconfigure("sk_live_" + secrets.token_hex(12), None)
    window.update_mode()
    assert not window.banner.isVisible()  # never a banner in live mode

    sandbox.stop()
    gui_context.reconfigure("sk_test_" + secrets.token_hex(12), None)
    with qtbot.waitSignal(window.refresh_finished, timeout=RESULT_TIMEOUT_MS):
        window.customer_refresh.refresh()
    assert window.connection_label.text() == "Stripe: unreachable"
    assert "Showing the saved customer list" in window.sync_label.text()


def test_unconfigured_window_says_so(qtbot, gui_app, tmp_store, data_dir, sandbox):
    context = make_context(data_dir=data_dir, store=tmp_store, api_base=sandbox_url(sandbox),
                           secret_key=None, role=Role.MANAGER)
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    assert win.banner.text().startswith("NOT SET UP")
    assert win.connection_label.text() == "Stripe: not configured"
    win.start_background_tasks()  # nothing to do without a key; must not fail
    assert not win.customer_refresh.running
    win.close()


def test_remove_card_asks_first_and_escape_keeps_it(qtbot, window, shop):
    refresh(qtbot, window)
    page = open_customer(qtbot, window, "ada", "Ada Lovelace")
    model = page.card_model
    row = next(i for i in range(model.rowCount()) if model.card_at(i).last4 == "9995")
    page.card_table.selectRow(row)

    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    box = page.confirm_box
    assert box is not None and box.isVisible()
    assert "Visa •••• 9995" in box.text() and "Ada Lovelace" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=2000)
    assert model.rowCount() == 3

    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    box = page.confirm_box
    remove = next(b for b in box.buttons() if b.text() == "Remove card")
    with qtbot.waitSignal(page.loaded, timeout=RESULT_TIMEOUT_MS):
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert sorted(model.card_at(i).last4 for i in range(model.rowCount())) == ["3184", "4242"]
    detached = shop.client.v1.payment_methods.retrieve(shop.card_ids["9995"])
    assert detached.customer is None


@pytest.mark.parametrize("staff_role", [Role.CASHIER])
def test_cashier_may_not_remove_cards(qtbot, window, shop):
    refresh(qtbot, window)
    page = open_customer(qtbot, window, "ada", "Ada Lovelace")
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    remove = next(b for b in page.confirm_box.buttons() if b.text() == "Remove card")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not allowed to remove cards" in page.cards_hint.text(),
                    timeout=RESULT_TIMEOUT_MS)
    assert page.card_model.rowCount() == 3


def test_new_customer_is_created_and_opened(qtbot, window, shop, sandbox):
    dialog = window.open_new_customer()
    qtbot.keyClicks(dialog.email_edit, "not-an-email")
    qtbot.keyClick(dialog.email_edit, Qt.Key.Key_Return)
    assert dialog.message_label.text() == "Enter the customer's name."

    qtbot.keyClicks(dialog.name_edit, "Katherine Johnson")
    with qtbot.waitSignal(dialog.finished, timeout=RESULT_TIMEOUT_MS) as blocker:
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=RESULT_TIMEOUT_MS)
        assert "email address does not look right" in dialog.message_label.text()
        dialog.email_edit.clear()
        qtbot.keyClicks(dialog.email_edit, "katherine@example.com")
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert blocker.args[0] == QDialog.DialogCode.Accepted
    page = window.customer_page
    qtbot.waitUntil(lambda: page.page is not None and page.name_label.text() == "Katherine Johnson",
                    timeout=RESULT_TIMEOUT_MS)
    assert "katherine@example.com" in page.details_label.text()
    assert "No saved cards" in page.cards_hint.text()
    assert sandbox.count("customer") == 4


def test_settings_check_the_key_before_saving(qtbot, window, gui_context):
    dialog = window.open_settings()
    qtbot.keyClicks(dialog.secret_edit, "not-a-key")
    qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Return)
    assert "not a Stripe secret or restricted key" in dialog.message_label.text()

    # Well-formed but refused by Stripe (the sandbox only knows test keys).
    dialog.secret_edit.clear()
    qtbot.keyClicks(dialog.secret_edit, "sk_live_" + secrets.token_hex(12))
    assert "LIVE mode" in dialog.mode_label.text()
    assert "restricted key (rk_) is safer" in dialog.mode_label.text()
    qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=RESULT_TIMEOUT_MS)
    assert dialog.message_label.text().startswith("Stripe did not accept this key")
    assert gui_context.secrets.get(STRIPE_SECRET_KEY) is None

    key = "rk_test_" + secrets.token_hex(12)
    dialog.secret_edit.clear()
    qtbot.keyClicks(dialog.secret_edit, key)
    assert dialog.mode_label.text().startswith("Test mode")
    with qtbot.waitSignal(dialog.saved, timeout=RESULT_TIMEOUT_MS) as blocker:
        qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Return)
    assert blocker.args[0] == "test"
    assert gui_context.secrets.get(STRIPE_SECRET_KEY) == key
    assert gui_context.mode == "test"
    assert dialog.secret_edit.text() == ""  # the key does not linger in the widget


def test_settings_echo_hides_secrets(qtbot, window):
    from PySide6.QtWidgets import QLineEdit

    dialog = window.open_settings()
    assert dialog.secret_edit.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.webhook_edit.echoMode() == QLineEdit.EchoMode.Password
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Escape)


def test_keyring_problem_is_explained(qtbot, window):
    problem = KeyringUnavailable("Install and unlock a Secret Service keyring, for example "
                                 "GNOME Keyring.")
    dialog = window.show_keyring_problem(problem.explanation)
    assert isinstance(dialog, KeyringMissingDialog) and dialog.isVisible()
    assert "GNOME Keyring" in dialog.explanation_label.text()
    assert dialog.windowTitle() == "System keyring needed"
    QApplication.processEvents()


def _start_gui_and_inspect(qtbot: Any, context: Any, inspect: Any) -> None:
    """What `posdesk` does at start, without entering and quitting the event loop: the
    suite's one QApplication must never quit, or QtWebEngine shuts down under later tests."""
    from posdesk.gui.app import start_gui

    window = start_gui(context)
    qtbot.addWidget(window)
    qtbot.wait(400)  # the queued start-up steps run
    inspect(window)


def test_first_run_opens_the_settings(qtbot, gui_app, tmp_store, data_dir, sandbox):
    context = make_context(data_dir=data_dir, store=tmp_store, api_base=sandbox_url(sandbox),
                           secret_key=None, role=Role.MANAGER)
    seen: dict[str, Any] = {}

    def inspect(window: MainWindow) -> None:
        seen["settings"] = window.settings_dialog is not None and window.settings_dialog.isVisible()
        seen["banner"] = window.banner.text()

    _start_gui_and_inspect(qtbot, context, inspect)
    assert seen == {"settings": True, "banner": seen["banner"]}
    assert seen["banner"].startswith("NOT SET UP")


def test_missing_keyring_is_explained_at_start(qtbot, gui_app, tmp_store, data_dir, sandbox):
    context = make_context(data_dir=data_dir, store=tmp_store, api_base=sandbox_url(sandbox),
                           secret_key=None, role=Role.MANAGER)
    context.keyring_problem = KeyringUnavailable("Install GNOME Keyring, then log in again.")
    seen: dict[str, Any] = {}

    def inspect(window: MainWindow) -> None:
        dialog = window.keyring_dialog
        seen["text"] = dialog.explanation_label.text() if dialog is not None else None
        seen["settings"] = window.settings_dialog is not None

    _start_gui_and_inspect(qtbot, context, inspect)
    assert seen == {"text": "Install GNOME Keyring, then log in again.", "settings": False}


def test_start_up_fills_the_cache_and_keyboard_reaches_the_cards(qtbot, window, shop):
    with qtbot.waitSignals([window.refresh_finished, window.settle_finished],
                           timeout=RESULT_TIMEOUT_MS):
        window.start_background_tasks()
    page = open_customer(qtbot, window, "ada", "Ada Lovelace")
    # Enter in the results opened the customer and put the keyboard on the cards.
    qtbot.waitUntil(page.card_table.hasFocus, timeout=2000)
    assert page.selected_card() is not None
