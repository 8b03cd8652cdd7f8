"""Settings → Shop and Settings → Staff: a manager changes the shop's settings (saved in the
store, each change audited) and manages staff; a bad amount is told and nothing is saved; a
cashier sees the settings read-only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from posdesk.app_context import AppContext
from posdesk.domain.roles import Role, StaffMember
from posdesk.services.secret_store import SecretStore
from posdesk.settings import Settings
from posdesk.store.audit import AuditLog

pytestmark = pytest.mark.gui

TIMEOUT_MS = 10_000
MANAGER_PIN, CASHIER_PIN = "2580", "7391"


@pytest.fixture
def context(tmp_store: Any, data_dir: Path) -> Any:
    context = AppContext(
        settings=Settings(currency="USD", locale="en_US"), data_dir=data_dir, store=tmp_store,
        secrets=SecretStore.in_memory(), api_base=None,
    )
    yield context
    context.close()


def people(context: AppContext) -> tuple[StaffMember, StaffMember]:
    accounts = context.staff_accounts
    manager = accounts.create_first_manager("Mo Manager", MANAGER_PIN)
    cashier = accounts.add(manager, "Cory Cashier", Role.CASHIER, CASHIER_PIN).member
    return manager, cashier


def open_settings(qtbot: Any, context: AppContext) -> Any:
    from posdesk.gui.common.workers import TaskRunner
    from posdesk.gui.settings.settings_dialog import SettingsDialog

    dialog = SettingsDialog(context, TaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.shop_page.shown is not None, timeout=TIMEOUT_MS)
    return dialog


def shop_rows(context: AppContext) -> dict[str, str]:
    return {e.target or "": e.outcome for e in AuditLog(context.store).list_recent(200)
            if e.action == "shop_setting"}


def test_a_manager_changes_the_shops_settings(qtbot: Any, gui_app: Any, context: Any) -> None:
    manager, _cashier = people(context)
    context.session.sign_in(manager.id, MANAGER_PIN)
    dialog = open_settings(qtbot, context)
    page = dialog.shop_page
    dialog.tabs.setCurrentWidget(page)
    page.name_edit.setText("Corner Shop")
    page.address_edit.setPlainText("1 High Street\nLeeds LS1 1AA")
    page.idle_spin.setValue(10)
    page.charge_limit_edit.setText("$250.00")
    page.refund_limit_edit.setText("100")
    page.remove_card_check.setChecked(True)
    assert page.zone_combo.currentData() == ""  # each terminal's own clock
    page.zone_combo.setCurrentText("Europe/London")
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    shop = context.shop_settings.refresh()
    assert shop.time_zone == "Europe/London"
    assert (shop.shop_name, shop.shop_address) == ("Corner Shop", "1 High Street\nLeeds LS1 1AA")
    assert (shop.idle_lock_s, shop.charge_approval_over, shop.refund_approval_over) == (
        600, 25_000, 10_000)
    assert shop.remove_card_needs_approval is True
    assert shop_rows(context) == dict.fromkeys(
        ("shop_name", "shop_address", "idle_lock_s", "charge_approval_over",
         "refund_approval_over", "remove_card_needs_approval", "time_zone"), "changed")


def test_a_bad_amount_is_told_and_nothing_is_saved(
    qtbot: Any, gui_app: Any, context: Any
) -> None:
    manager, _cashier = people(context)
    context.session.sign_in(manager.id, MANAGER_PIN)
    dialog = open_settings(qtbot, context)
    dialog.shop_page.name_edit.setText("Corner Shop")
    dialog.shop_page.charge_limit_edit.setText("lots")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Charges above this need a manager" in dialog.message_label.text()
    assert context.shop_settings.refresh().shop_name == ""
    assert shop_rows(context) == {}
    # A currency the service refuses: its words, nothing saved.
    dialog.shop_page.charge_limit_edit.setText("")
    dialog.shop_page.currency_edit.setText("ZZZ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ZZZ" in dialog.message_label.text(), timeout=TIMEOUT_MS)
    assert context.shop_settings.refresh().shop_name == ""
    dialog.reject()


def test_a_cashier_sees_the_settings_read_only(qtbot: Any, gui_app: Any, context: Any) -> None:
    _manager, cashier = people(context)
    context.session.sign_in(cashier.id, CASHIER_PIN)
    dialog = open_settings(qtbot, context)
    assert dialog.read_only_label.isVisible()
    assert not dialog.save_button.isEnabled()
    assert dialog.shop_page.name_edit.isReadOnly()
    assert not dialog.staff_page.manager_only.isHidden()
    assert not dialog.staff_page.add_button.isEnabled()
    # Nothing was asked of the services in the cashier's name, so nothing was refused.
    assert [e for e in AuditLog(context.store).list_recent(50) if e.outcome == "denied"] == []
    dialog.reject()


def test_a_manager_adds_switches_off_and_sets_a_pin(
    qtbot: Any, gui_app: Any, context: Any
) -> None:
    manager, _cashier = people(context)
    context.session.sign_in(manager.id, MANAGER_PIN)
    dialog = open_settings(qtbot, context)
    staff = dialog.staff_page
    dialog.tabs.setCurrentWidget(staff)
    qtbot.waitUntil(lambda: len(staff.accounts) == 2, timeout=TIMEOUT_MS)

    staff.add()
    add = staff.dialog
    add.name_edit.setText("Sam Support")
    add.role_combo.setCurrentIndex(list(Role).index(Role.SUPPORT))
    add.pin_edit.setText("1111")
    add.pin_again_edit.setText("1111")
    add.save()
    qtbot.waitUntil(lambda: add.error_label.isVisible(), timeout=TIMEOUT_MS)
    assert "too easy" in add.error_label.text()
    add.pin_edit.setText("4826")
    add.pin_again_edit.setText("4826")
    with qtbot.waitSignal(staff.loaded, timeout=TIMEOUT_MS):
        add.save()
    sam = next(a for a in staff.accounts if a.name == "Sam Support")
    assert sam.role == Role.SUPPORT and sam.active

    staff.table.selectRow(staff.accounts.index(sam))
    assert staff.active_button.text() == "Switch off"
    with qtbot.waitSignal(staff.loaded, timeout=TIMEOUT_MS):
        staff.toggle_active()
    assert not next(a for a in staff.accounts if a.id == sam.id).active

    staff.table.selectRow(next(i for i, a in enumerate(staff.accounts) if a.id == sam.id))
    staff.set_pin()
    pin = staff.dialog
    pin.pin_edit.setText("9157")
    pin.pin_again_edit.setText("9157")
    with qtbot.waitSignal(pin.accepted, timeout=TIMEOUT_MS):
        pin.save()
    outcomes = {(e.action, e.outcome) for e in AuditLog(context.store).list_recent(50)}
    assert {("add_staff", "added"), ("update_staff", "updated"),
            ("set_pin", "changed")} <= outcomes
    dialog.reject()
