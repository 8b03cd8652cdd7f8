"""The settings dialog's non-secret choices: the CVC before a saved-card charge, and sync."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from posdesk import paths
from posdesk.gui.settings_dialog import SettingsDialog
from posdesk.gui.workers import TaskRunner
from posdesk.services.secret_store import STRIPE_SECRET_KEY
from posdesk.settings import Settings


@pytest.fixture
def runner(qapp):
    runner = TaskRunner()
    yield runner
    runner.wait_for_done(5000)


def open_dialog(qtbot, context, runner) -> SettingsDialog:
    dialog = SettingsDialog(context, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_cvc_choice_is_saved_with_the_other_settings(qtbot, gui_context, runner) -> None:
    settings_file = paths.settings_file(gui_context.data_dir)
    dialog = open_dialog(qtbot, gui_context, runner)
    check = dialog.recollect_cvc_check
    assert check.text() == (
        "Ask for the card's security code (CVC) before charging a saved card"
    )
    assert not check.isChecked()

    check.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Return)  # no key typed: only the choice
    assert gui_context.settings.recollect_cvc is True
    stored = Settings.load(settings_file)
    assert stored.recollect_cvc is True
    assert (stored.currency, stored.locale) == ("USD", "en_US")  # the rest kept as it was
    assert "sk_" not in settings_file.read_text(encoding="utf-8")  # keys never go there
    assert gui_context.secrets.get(STRIPE_SECRET_KEY) is None

    # Opened again it shows the saved choice; saving nothing new still asks for a key.
    again = open_dialog(qtbot, gui_context, runner)
    assert again.recollect_cvc_check.isChecked()
    before = settings_file.read_text(encoding="utf-8")
    qtbot.keyClick(again.secret_edit, Qt.Key.Key_Return)
    assert again.message_label.text() == "Enter the restricted or secret key."
    assert again.isVisible()
    assert settings_file.read_text(encoding="utf-8") == before

    again.recollect_cvc_check.setChecked(False)
    with qtbot.waitSignal(again.accepted, timeout=2000):
        qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert gui_context.settings.recollect_cvc is False
    assert json.loads(settings_file.read_text(encoding="utf-8"))["recollect_cvc"] is False


def test_unwritable_settings_file_changes_nothing(qtbot, gui_context, runner) -> None:
    paths.settings_file(gui_context.data_dir).mkdir()  # a folder where the file should be
    dialog = open_dialog(qtbot, gui_context, runner)
    dialog.recollect_cvc_check.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "settings file could not be written" in dialog.message_label.text()
    assert dialog.isVisible()
    assert gui_context.settings.recollect_cvc is False


def test_webhook_relay_choices_are_saved(qtbot, gui_context, runner) -> None:
    dialog = open_dialog(qtbot, gui_context, runner)
    assert not dialog.sync_webhooks_check.isChecked()
    assert dialog.relay_host_edit.text() == "127.0.0.1"
    dialog.sync_webhooks_check.setChecked(True)
    dialog.relay_host_edit.setText("192.168.1.20")
    dialog.relay_port_spin.setValue(9443)
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = Settings.load(paths.settings_file(gui_context.data_dir))
    assert (stored.sync_webhooks, stored.relay_host, stored.relay_port) == (
        True, "192.168.1.20", 9443
    )
    assert gui_context.settings.relay_host == "192.168.1.20"


def test_a_webhook_address_that_is_not_an_ip_changes_nothing(qtbot, gui_context, runner) -> None:
    settings_file = paths.settings_file(gui_context.data_dir)
    dialog = open_dialog(qtbot, gui_context, runner)
    dialog.relay_host_edit.setText("shop-pc.local")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "must be an IP address" in dialog.message_label.text()
    assert dialog.isVisible()
    assert gui_context.settings.relay_host == "127.0.0.1"
    assert not settings_file.exists()
