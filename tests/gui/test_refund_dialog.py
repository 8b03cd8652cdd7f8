"""Refunds from the customer's payments table (real widgets, real services, the sandbox):
under the shop's refund limit a cashier's refund goes straight through; above it the same
dialog shows the "Manager approval" section and a manager's PIN completes it once; the
payment's row then says how much went back."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from posdesk.app_context import AppContext
from posdesk.domain.money import Money
from posdesk.domain.refunds import RefundState
from posdesk.domain.roles import Role
from posdesk.gui.payments.payment_table_model import PaymentTableModel
from posdesk.store.audit import AuditLog, decode_detail
from tests.gui.conftest import STAFF_PINS, add_staff, make_context, sandbox_url

pytestmark = pytest.mark.gui

TIMEOUT_MS = 20_000
SHOTS = Path("/tmp/shots_refund")


@pytest.fixture
def till(sandbox: Any, tmp_store: Any, data_dir: Path, secret_key: str) -> Iterator[AppContext]:
    """A cashier signed in at a shop whose refunds above $20.00 need a manager."""
    context = make_context(data_dir=data_dir, store=tmp_store, api_base=sandbox_url(sandbox),
                           secret_key=secret_key, role=None)
    people = add_staff(context, Role.CASHIER)
    context.shop_settings.save(people[Role.MANAGER], replace(
        context.shop_settings.get(), refund_approval_over=2000))
    context.session.sign_in(people[Role.CASHIER].id, STAFF_PINS[Role.CASHIER])
    yield context
    context.close()


@pytest.fixture
def page_window(qtbot: Any, gui_app: Any, till: AppContext, shop: Any) -> Iterator[Any]:
    from posdesk.gui.shell.main_window import MainWindow

    win = MainWindow(till)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def paid(till: AppContext, shop: Any, amount: int) -> str:
    manager = next(a.member for a in till.staff_accounts.accounts() if a.role == Role.MANAGER)
    result = till.charges.charge_saved_card(manager, shop.customer_id, shop.card_ids["4242"],
                                            Money(amount, "USD"), "Boots")
    return result.payment_id


def open_page(qtbot: Any, win: Any, shop: Any) -> Any:
    with qtbot.waitSignal(win.customer_page.loaded, timeout=TIMEOUT_MS):
        win.open_customer(shop.customer_id)
    return win.customer_page


def payment_rows(page: Any) -> list[tuple[str, str]]:
    model = page.payment_model
    return [(model.data(model.index(r, PaymentTableModel.AMOUNT)),
             model.data(model.index(r, PaymentTableModel.STATE)))
            for r in range(model.rowCount())]


def open_refund(qtbot: Any, page: Any) -> Any:
    page.window().activateWindow()
    qtbot.waitUntil(lambda: page.window().isActiveWindow(), timeout=TIMEOUT_MS)
    page.payment_table.setFocus()
    page.payment_table.selectRow(0)
    qtbot.keyClick(page.payment_table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.refund_dialog is not None, timeout=TIMEOUT_MS)
    dialog = page.refund_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.refund_button.isEnabled(),
                    timeout=TIMEOUT_MS)
    return dialog


def shoot(widget: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_a_refund_under_the_limit_goes_straight_through(
    qtbot: Any, page_window: Any, till: AppContext, shop: Any
) -> None:
    paid(till, shop, 5000)
    page = open_page(qtbot, page_window, shop)
    dialog = open_refund(qtbot, page)
    assert dialog.amount_edit.text() == "$50.00"  # all that is left, unless changed
    assert "Left to refund: $50.00" in dialog.left_label.text()
    dialog.amount_edit.setText("15.00")
    dialog.note_edit.setText("One boot was scuffed")
    assert dialog.refund_button.text() == "Refund $15.00"
    shoot(dialog, "refund_dialog.png")
    with qtbot.waitSignal(dialog.result_ready, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)
    assert not dialog.approval_section.isVisible()
    assert dialog.result_shown is not None
    assert dialog.result_shown.state is RefundState.SUCCEEDED
    assert dialog.result_title.text() == "Refunded"
    assert dialog.result_amount.text() == "$15.00 refunded"
    assert "$35.00" in dialog.result_next_step.text()
    shoot(dialog, "refund_result.png")
    qtbot.keyClick(dialog.done_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ("$50.00", "Partly refunded ($15.00)") in payment_rows(page),
                    timeout=TIMEOUT_MS)
    # The next refund shows the first one.
    second = open_refund(qtbot, page)
    assert second.amount_edit.text() == "$35.00"
    assert "refunded so far: $15.00" in second.left_label.text()
    assert second.refunds_table.rowCount() == 1
    assert "One boot was scuffed" in second.refunds_table.item(0, 3).text()
    assert second.refunds_table.item(0, 2).text() == "Refunded"
    shoot(second, "refund_dialog_second.png")
    second.reject()


def test_an_over_limit_refund_asks_for_a_manager_in_the_same_dialog(
    qtbot: Any, page_window: Any, till: AppContext, shop: Any
) -> None:
    paid(till, shop, 5000)
    page = open_page(qtbot, page_window, shop)
    dialog = open_refund(qtbot, page)
    qtbot.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)  # all: $50.00
    section = dialog.approval_section
    qtbot.waitUntil(lambda: section.isVisible() and section.manager_combo.count() > 0,
                    timeout=TIMEOUT_MS)
    assert dialog.stack.currentIndex() == 0  # the same dialog, the form still there
    assert "$20.00" in section.reason_label.text()
    assert not dialog.refund_button.isEnabled()
    assert section.manager_combo.currentText() == "Test Manager"
    shoot(dialog, "refund_approval.png")
    # A wrong PIN is told in the section; nothing refunded.
    qtbot.keyClicks(section.pin_edit, "1111")
    qtbot.keyClick(section.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.error_label.isVisible(), timeout=TIMEOUT_MS)
    shoot(dialog, "refund_approval_wrong_pin.png")
    assert till.refunds.refundable(till.staff, page.payment_model.payment_at(0).id).left \
        == 5000
    qtbot.keyClicks(section.pin_edit, STAFF_PINS[Role.MANAGER])
    with qtbot.waitSignal(dialog.result_ready, timeout=TIMEOUT_MS):
        qtbot.keyClick(section.pin_edit, Qt.Key.Key_Return)
    assert dialog.result_shown is not None
    assert dialog.result_shown.state is RefundState.SUCCEEDED
    assert dialog.result_amount.text() == "$50.00 refunded"
    shoot(dialog, "refund_approved_result.png")
    rows = [e for e in reversed(AuditLog(till.store).list_recent(200)) if e.action == "refund"]
    assert [r.outcome for r in rows] == ["approval_required", "succeeded"]
    detail = decode_detail(rows[-1])
    assert rows[-1].staff_name == "Test Cashier"
    assert detail["approved_by_name"] == "Test Manager"
    qtbot.keyClick(dialog.done_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ("$50.00", "Refunded") in payment_rows(page), timeout=TIMEOUT_MS)
    shoot(page_window, "customer_page_refunded.png")


def test_the_payments_table_offers_refund_in_its_context_menu(
    qtbot: Any, page_window: Any, till: AppContext, shop: Any
) -> None:
    paid(till, shop, 1200)
    page = open_page(qtbot, page_window, shop)
    actions = page.payment_table.actions()
    assert page.refund_action in actions
    assert page.payment_table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert page.refund_action.shortcut().toString() == "Ctrl+R"


def test_a_declined_payment_offers_nothing_to_refund(
    qtbot: Any, page_window: Any, till: AppContext, shop: Any
) -> None:
    manager = next(a.member for a in till.staff_accounts.accounts() if a.role == Role.MANAGER)
    till.charges.charge_saved_card(manager, shop.customer_id, shop.card_ids["9995"],
                                   Money(900, "USD"))
    page = open_page(qtbot, page_window, shop)
    page.payment_table.selectRow(0)
    dialog = page.start_refund()
    assert dialog is not None
    qtbot.waitUntil(lambda: "nothing to refund" in dialog.left_label.text(), timeout=TIMEOUT_MS)
    assert not dialog.refund_button.isEnabled() and not dialog.amount_edit.isEnabled()
    dialog.reject()
