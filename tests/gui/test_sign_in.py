"""Signing in with a PIN on the real window: the first manager of a new store, each role by
keyboard and by the pad, the growing wait after wrong PINs, the idle lock (never over a
payment in flight), Ctrl+L and the same person continuing, switching to someone else, and
the services refusing what a role may not do however they are called."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from posdesk.backend import NotSignedIn
from posdesk.demo import DEMO_STAFF, seed_demo_staff
from posdesk.domain.roles import PermissionDenied, Role
from posdesk.gui.shell.main_window import MainWindow
from posdesk.settings import Settings
from posdesk.store.audit import AuditLog
from tests.gui.conftest import STAFF_NAMES, STAFF_PINS, add_staff
from tests.gui.test_charge_flow import RESULT_TIMEOUT_MS, open_charge_dialog, open_customer, refresh

pytestmark = pytest.mark.gui

ROLE_WORDS = {Role.MANAGER: "Manager", Role.CASHIER: "Cashier", Role.SUPPORT: "Support"}


def sign_outs(context: Any) -> list[str]:
    entries = reversed(AuditLog(context.store).list_recent(200))
    return [e.outcome for e in entries if e.action == "sign_out"]


def shown_window(qtbot: Any, context: Any) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    if context.session.member is None:  # the sign-in screen reads the staff first
        qtbot.waitUntil(lambda: window.till.screen.loaded, timeout=5000)
    return window


def wait_locked(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.till.is_locked and window.till.screen.loaded, timeout=5000)


def wait_signed_in(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.till.is_locked, timeout=RESULT_TIMEOUT_MS)


def type_pin(qtbot: Any, window: MainWindow, pin: str) -> None:
    pad = window.till.screen.sign_in_page.pad
    qtbot.waitUntil(pad.hasFocus, timeout=2000)
    qtbot.keyClicks(pad, pin)
    assert pad.dots.text() == "●" * len(pin)  # the PIN shows as dots only
    qtbot.keyClick(pad, Qt.Key.Key_Return)


@pytest.mark.parametrize("staff_role", [None])
def test_a_new_store_asks_for_its_first_manager(qtbot, gui_app, gui_context) -> None:
    assert gui_context.staff_accounts.needs_first_manager()  # no default account, no PIN
    with pytest.raises(NotSignedIn):
        _ = gui_context.staff
    window = shown_window(qtbot, gui_context)
    screen = window.till.screen
    page = screen.first_manager
    assert screen.stack.currentWidget() is page
    assert not window.work.isVisible() and not window.menuBar().isVisible()
    assert not window.till.lock_action.isVisible()
    assert window.till.who_label.text() == "Nobody signed in"

    qtbot.keyClicks(page.name_edit, "Mo Manager")
    qtbot.keyClicks(page.pin_edit, "2580")
    qtbot.keyClicks(page.repeat_edit, "2581")
    qtbot.keyClick(page.repeat_edit, Qt.Key.Key_Return)
    assert page.message_label.text() == "The two PINs differ. Type the same PIN twice."
    page.pin_edit.clear()
    qtbot.keyClicks(page.pin_edit, "1234")
    qtbot.keyClicks(page.repeat_edit, "1234")
    qtbot.keyClick(page.repeat_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "too easy to guess" in page.message_label.text(), timeout=5000)

    qtbot.keyClicks(page.pin_edit, "2580")
    qtbot.keyClicks(page.repeat_edit, "2580")
    qtbot.keyClick(page.repeat_edit, Qt.Key.Key_Return)
    wait_signed_in(qtbot, window)
    assert gui_context.staff.name == "Mo Manager" and gui_context.staff.role == Role.MANAGER
    assert window.till.who_label.text() == "Signed in: Mo Manager (Manager)"
    assert window.work.isVisible() and window.menuBar().isVisible()
    assert window.till.lock_action.isEnabled()
    assert [a.name for a in gui_context.staff_accounts.accounts()] == ["Mo Manager"]


@pytest.mark.parametrize("staff_role", [None])
@pytest.mark.parametrize("role", [Role.MANAGER, Role.CASHIER, Role.SUPPORT])
def test_each_role_signs_in_by_keyboard(qtbot, gui_app, gui_context, role) -> None:
    add_staff(gui_context, Role.CASHIER, Role.SUPPORT)
    window = shown_window(qtbot, gui_context)
    page = window.till.screen.sign_in_page
    assert page.stack.currentWidget() is page.people_page
    names = [a.name for a in page.accounts]
    assert names == sorted(STAFF_NAMES.values())
    qtbot.waitUntil(page.tiles[0].hasFocus, timeout=2000)
    # The arrow keys walk the tiles; Enter chooses.
    for _ in range(names.index(STAFF_NAMES[role])):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert QApplication.focusWidget() is page.tiles[names.index(STAFF_NAMES[role])]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert page.person is not None and page.person.role == role
    # Escape goes back to the people, and Enter on the same tile comes back.
    qtbot.keyClick(page.pad, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.people_page
    page.tiles[names.index(STAFF_NAMES[role])].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    pad = page.pad
    qtbot.keyClicks(pad, STAFF_PINS[role] + "9")
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)  # takes the 9 back
    qtbot.keyClick(pad, Qt.Key.Key_Enter)
    wait_signed_in(qtbot, window)
    assert gui_context.staff.role == role
    expected = f"Signed in: {STAFF_NAMES[role]} ({ROLE_WORDS[role]})"
    assert window.till.who_label.text() == expected
    qtbot.waitUntil(window.search.search_edit.hasFocus, timeout=2000)


@pytest.mark.parametrize("staff_role", [None])
def test_signing_in_by_clicking_the_pad(qtbot, gui_app, gui_context) -> None:
    add_staff(gui_context, Role.CASHIER)
    window = shown_window(qtbot, gui_context)
    page = window.till.screen.sign_in_page
    cashier = next(t for t in page.tiles if t.accessibleName() == STAFF_NAMES[Role.CASHIER])
    qtbot.mouseClick(cashier, Qt.MouseButton.LeftButton)
    pad = page.pad
    for digit in "36900":
        qtbot.mouseClick(pad.digit_buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.clear_button, Qt.MouseButton.LeftButton)
    assert pad.pin == "" and not pad.ok_button.isEnabled()
    for digit in "36900":
        qtbot.mouseClick(pad.digit_buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.backspace_button, Qt.MouseButton.LeftButton)
    assert pad.dots.text() == "●●●●"
    qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    wait_signed_in(qtbot, window)
    assert gui_context.staff.name == STAFF_NAMES[Role.CASHIER]


@pytest.mark.parametrize("staff_role", [None])
def test_wrong_pins_meet_a_wait_that_counts_down_with_ok_off(qtbot, gui_app, gui_context) -> None:
    add_staff(gui_context)
    window = shown_window(qtbot, gui_context)
    page = window.till.screen.sign_in_page
    page.tiles[0].click()
    pad = page.pad
    for attempt in range(3):
        type_pin(qtbot, window, "9517")
        qtbot.waitUntil(lambda: not pad.busy and page.error_label.text() == "Wrong PIN.",
                        timeout=5000)
        if attempt < 2:
            assert not page.wait_label.isVisible()
    # The third wrong PIN in a row: the service asks for 5 seconds.
    assert page.wait_label.isVisible()
    assert page.wait_label.text() == "Wait 5 s before the next try."
    qtbot.keyClicks(pad, "2580")
    assert not pad.ok_button.isEnabled()
    qtbot.keyClick(pad, Qt.Key.Key_Return)  # not taken while the wait runs
    assert not pad.busy and page.error_label.text() == "Wrong PIN."
    qtbot.waitUntil(lambda: page.wait_label.text() == "Wait 4 s before the next try.",
                    timeout=2000)
    qtbot.waitUntil(lambda: not page.wait_label.isVisible(), timeout=7000)
    assert page.error_label.text() == "You can try again now."
    assert pad.ok_button.isEnabled()
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    wait_signed_in(qtbot, window)
    outcomes = [e.outcome for e in AuditLog(gui_context.store).list_recent(50)
                if e.action == "sign_in"]
    assert outcomes.count("wrong_pin") == 3 and outcomes[0] == "signed_in"


def test_the_till_locks_itself_when_left_alone(qtbot, gui_app, gui_context, monkeypatch) -> None:
    monkeypatch.setattr(gui_context.session, "idle_lock_s", lambda: 1)
    window = shown_window(qtbot, gui_context)
    assert not window.till.is_locked
    qtbot.waitUntil(lambda: window.till.idle.idle_s == 1, timeout=5000)
    wait_locked(qtbot, window)
    # Audited in the background (the audit chain takes the store's write lock).
    qtbot.waitUntil(lambda: sign_outs(gui_context) != [], timeout=5000)
    assert sign_outs(gui_context) == ["idle"]
    with pytest.raises(NotSignedIn):
        _ = gui_context.staff
    # The PIN pad of the person whose work waits comes up.
    page = window.till.screen.sign_in_page
    assert page.person is not None and page.person.name == STAFF_NAMES[Role.MANAGER]
    assert window.till.who_label.text() == "Locked — Test Manager's work is waiting"
    type_pin(qtbot, window, STAFF_PINS[Role.MANAGER])
    wait_signed_in(qtbot, window)


def test_input_keeps_the_till_open(qtbot, gui_app, gui_context, monkeypatch) -> None:
    monkeypatch.setattr(gui_context.session, "idle_lock_s", lambda: 2)
    window = shown_window(qtbot, gui_context)
    qtbot.waitUntil(lambda: window.till.idle.idle_s == 2, timeout=5000)
    edit = window.search.search_edit
    for step in range(12):  # three seconds of a mouse moving over the window
        qtbot.mouseMove(edit, edit.rect().center() + QPoint(step % 2 * 5, 0))
        qtbot.wait(250)
        assert not window.till.is_locked
    wait_locked(qtbot, window)


def test_the_idle_lock_waits_for_a_payment_in_flight(
    qtbot, gui_app, gui_context, shop, sandbox, monkeypatch
) -> None:
    window = shown_window(qtbot, gui_context)
    refresh(qtbot, window)
    page = open_customer(qtbot, window, "ada", "Ada Lovelace")
    dialog = open_charge_dialog(qtbot, page, "4242")
    qtbot.keyClicks(dialog.amount_edit, "12.00")
    sandbox.hold(2.5, path_prefix="/v1/payment_intents")
    monkeypatch.setattr(gui_context.session, "idle_lock_s", lambda: 1)
    window.till.idle.set_idle_s(1)
    with qtbot.waitSignal(dialog.result_ready, timeout=RESULT_TIMEOUT_MS):
        dialog.charge()
        qtbot.waitUntil(lambda: window.till.pending == "idle", timeout=5000)
        assert not window.till.is_locked and dialog.isVisible()
        assert "payment in progress" in window.statusBar().currentMessage()
    # The answer is in: the lock happens, with the result kept for its cashier.
    wait_locked(qtbot, window)
    assert not dialog.isVisible() and dialog in window.till.hidden_dialogs
    type_pin(qtbot, window, STAFF_PINS[Role.MANAGER])
    wait_signed_in(qtbot, window)
    assert dialog.isVisible() and dialog.view is not None and dialog.view.tone == "good"


def test_ctrl_l_locks_and_the_same_person_continues(qtbot, gui_app, gui_context, shop) -> None:
    window = shown_window(qtbot, gui_context)
    refresh(qtbot, window)
    page = open_customer(qtbot, window, "ada", "Ada Lovelace")
    page.card_table.setFocus()
    qtbot.waitUntil(page.card_table.hasFocus, timeout=2000)
    qtbot.keyClick(page.card_table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    wait_locked(qtbot, window)
    # Audited in the background (the audit chain takes the store's write lock).
    qtbot.waitUntil(lambda: sign_outs(gui_context) != [], timeout=5000)
    assert sign_outs(gui_context) == ["locked"]
    assert not page.isVisible() and not window.work.isVisible()
    # Nothing of the work answers the keyboard while locked.
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert window.new_customer_dialog is None and window.settings_dialog is None
    assert not window.menuBar().isEnabled() and not window.menuBar().isVisible()

    type_pin(qtbot, window, STAFF_PINS[Role.MANAGER])
    wait_signed_in(qtbot, window)
    assert window.pages.currentWidget() is page and page.name_label.text() == "Ada Lovelace"
    qtbot.waitUntil(page.card_table.hasFocus, timeout=2000)


def test_a_dialog_left_open_comes_back_to_the_same_person(qtbot, gui_app, gui_context) -> None:
    window = shown_window(qtbot, gui_context)
    dialog = window.open_new_customer()
    qtbot.keyClicks(dialog.name_edit, "Katherine")
    window.till.lock_action.trigger()
    wait_locked(qtbot, window)
    assert not dialog.isVisible()
    type_pin(qtbot, window, STAFF_PINS[Role.MANAGER])
    wait_signed_in(qtbot, window)
    assert dialog.isVisible() and dialog.name_edit.text() == "Katherine"


def test_switching_to_a_cashier_closes_what_was_open(qtbot, gui_app, gui_context, shop) -> None:
    add_staff_member = gui_context.staff_accounts.add
    add_staff_member(gui_context.staff, STAFF_NAMES[Role.CASHIER], Role.CASHIER,
                     STAFF_PINS[Role.CASHIER])
    window = shown_window(qtbot, gui_context)
    refresh(qtbot, window)
    open_customer(qtbot, window, "ada", "Ada Lovelace")
    dialog = window.open_new_customer()
    qtbot.keyClicks(dialog.name_edit, "Typed by the manager")
    window.till.switch_action.trigger()
    wait_locked(qtbot, window)
    page = window.till.screen.sign_in_page
    assert page.stack.currentWidget() is page.people_page  # a switch offers everyone
    cashier = next(t for t in page.tiles if t.accessibleName() == STAFF_NAMES[Role.CASHIER])
    with qtbot.waitSignal(dialog.finished, timeout=RESULT_TIMEOUT_MS) as closed:
        cashier.click()
        type_pin(qtbot, window, STAFF_PINS[Role.CASHIER])
    assert closed.args[0] == 0  # rejected: nothing the manager typed was sent
    wait_signed_in(qtbot, window)
    assert window.pages.currentWidget() is window.placeholder
    assert window.search.search_edit.text() == ""
    assert window.till.who_label.text() == f"Signed in: {STAFF_NAMES[Role.CASHIER]} (Cashier)"
    assert gui_context.staff.role == Role.CASHIER
    # Audited in the background (the audit chain takes the store's write lock).
    qtbot.waitUntil(lambda: sign_outs(gui_context) != [], timeout=5000)
    assert sign_outs(gui_context) == ["switched"]


@pytest.mark.parametrize("staff_role", [Role.CASHIER])
def test_services_refuse_a_cashier_whatever_calls_them(qtbot, gui_app, gui_context) -> None:
    cashier = gui_context.staff
    assert cashier.role == Role.CASHIER
    staff = gui_context.staff_accounts
    with pytest.raises(PermissionDenied):
        staff.add(cashier, "Eve Extra", Role.MANAGER, "7531")
    with pytest.raises(PermissionDenied):
        staff.all_accounts(cashier)
    manager = next(a for a in staff.accounts() if a.role == Role.MANAGER)
    with pytest.raises(PermissionDenied):
        staff.update(cashier, manager.id, active=False)
    with pytest.raises(PermissionDenied):
        staff.set_pin(cashier, manager.id, "7531")
    denied = [e.action for e in AuditLog(gui_context.store).list_recent(20)
              if e.outcome == "denied"]
    assert sorted(denied) == ["add_staff", "list_staff", "set_pin", "update_staff"]
    gui_context.session.lock()
    with pytest.raises(NotSignedIn):
        _ = gui_context.staff


@pytest.mark.parametrize("staff_role", [None])
def test_a_demo_store_shows_its_pins_and_a_real_one_never(qtbot, gui_app, gui_context) -> None:
    window = shown_window(qtbot, gui_context)
    assert window.till.screen.stack.currentWidget() is window.till.screen.first_manager
    window.close()

    gui_context.demo = True
    seed_demo_staff(gui_context)
    window = shown_window(qtbot, gui_context)
    page = window.till.screen.sign_in_page
    assert [a.name for a in page.accounts] == sorted(name for name, _r, _p in DEMO_STAFF)
    hint = page.demo_hint.text()
    assert page.demo_hint.isVisible()
    assert all(f"{name}: {pin}" in hint for name, _role, pin in DEMO_STAFF)
    for name, role, pin in DEMO_STAFF:
        account = next(a for a in page.accounts if a.name == name)
        assert account.role == role
        assert gui_context.session.sign_in(account.id, pin).member.role == role


def test_settings_json_no_longer_says_who_acts(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"staff_id": "staff-1", "staff_name": "Shop manager",
                                "staff_role": "manager", "currency": "EUR"}))
    settings = Settings.load(path)
    assert settings.currency == "EUR"
    assert not any(name.startswith("staff") for name in vars(settings))
    settings.save(path)
    assert "staff" not in path.read_text()
