"""A cashier's charge above the shop's limit: the charge dialog itself shows the "Manager
approval" section; a wrong PIN is told there, a manager's PIN completes the same charge once,
and the audit names both people."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from posdesk.app_context import AppContext
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import Role, StaffMember
from posdesk.services.secret_store import SecretStore
from posdesk.settings import Settings
from posdesk.store.audit import AuditLog, decode_detail
from posdesk.store.payments import PaymentRepository
from tests.conftest import TEST_PUBLISHABLE_KEY

pytestmark = pytest.mark.gui

RESULT_TIMEOUT_MS = 20_000
MANAGER_PIN, CASHIER_PIN = "2580", "7391"


@dataclass
class Till:
    context: AppContext
    manager: StaffMember
    cashier: StaffMember


@pytest.fixture
def till(sandbox: Any, tmp_store: Any, data_dir: Path, secret_key: str) -> Any:
    context = AppContext(
        settings=Settings(currency="USD", locale="en_US"), data_dir=data_dir, store=tmp_store,
        secrets=SecretStore.in_memory(), api_base=sandbox.base_url,
    )
    context.reconfigure(secret_key, None)
    accounts = context.staff_accounts
    manager = accounts.create_first_manager("Mo Manager", MANAGER_PIN)
    cashier = accounts.add(manager, "Cory Cashier", Role.CASHIER, CASHIER_PIN).member
    context.shop_settings.save(manager, replace(context.shop_settings.get(),
                                                charge_approval_over=1000))
    context.session.sign_in(cashier.id, CASHIER_PIN)
    assert context.staff == cashier
    yield Till(context, manager, cashier)
    context.close()


def open_dialog(qtbot: Any, till: Till, shop: Any, last4: str = "4242") -> Any:
    from posdesk.gui.common.workers import TaskRunner
    from posdesk.gui.payments.charge_dialog import ChargeDialog

    page = till.context.customers.customer_page(till.cashier, shop.customer_id)
    card = next(c for c in page.cards if c.last4 == last4)
    dialog = ChargeDialog(till.context, TaskRunner(), page.customer, card)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def ask_for_approval(qtbot: Any, dialog: Any, amount: str) -> None:
    qtbot.keyClicks(dialog.amount_edit, amount)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    section = dialog.approval_section
    qtbot.waitUntil(lambda: section.isVisible() and section.manager_combo.count() > 0,
                    timeout=RESULT_TIMEOUT_MS)


def test_an_over_limit_charge_asks_for_a_manager_in_the_same_dialog(
    qtbot: Any, gui_app: Any, till: Till, shop: Any
) -> None:
    dialog = open_dialog(qtbot, till, shop)
    ask_for_approval(qtbot, dialog, "25.00")
    section = dialog.approval_section
    assert dialog.stack.currentIndex() == 0  # still the form: same dialog, no result yet
    assert "$10.00" in section.reason_label.text()
    assert section.manager_combo.currentText() == "Mo Manager"
    assert not dialog.charge_button.isEnabled()
    assert PaymentRepository(till.context.store).list_recent(10) == []

    # A wrong PIN: the service's words, in the section; nothing charged.
    qtbot.keyClicks(section.pin_edit, "0000")
    qtbot.keyClick(section.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.error_label.isVisible(), timeout=RESULT_TIMEOUT_MS)
    assert "Wrong PIN" in section.error_label.text()
    assert section.isVisible() and section.pin_edit.text() == ""

    # The manager's PIN: the same charge goes through, once.
    qtbot.keyClicks(section.pin_edit, MANAGER_PIN)
    with qtbot.waitSignal(dialog.result_ready, timeout=RESULT_TIMEOUT_MS):
        qtbot.mouseClick(section.approve_button, Qt.MouseButton.LeftButton)
    assert not section.isVisible()
    [payment] = PaymentRepository(till.context.store).list_recent(10)
    assert (payment.amount, payment.state) == (2500, PaymentState.SUCCEEDED.value)
    assert payment.staff_id == till.cashier.id
    entries = list(reversed(AuditLog(till.context.store).list_recent(100)))
    charged = [e for e in entries if e.action == "charge" and e.outcome == "succeeded"]
    assert decode_detail(charged[-1])["approved_by_name"] == "Mo Manager"
    assert [e.outcome for e in entries if e.action == "approve"] == ["wrong_pin", "approved"]
    dialog.accept()


def test_under_the_limit_no_approval_is_asked(
    qtbot: Any, gui_app: Any, till: Till, shop: Any
) -> None:
    dialog = open_dialog(qtbot, till, shop)
    qtbot.keyClicks(dialog.amount_edit, "9.50")
    with qtbot.waitSignal(dialog.result_ready, timeout=RESULT_TIMEOUT_MS):
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    assert not dialog.approval_section.isVisible()
    dialog.accept()


def test_changing_the_amount_closes_the_section(
    qtbot: Any, gui_app: Any, till: Till, shop: Any
) -> None:
    dialog = open_dialog(qtbot, till, shop)
    ask_for_approval(qtbot, dialog, "25.00")
    dialog.amount_edit.selectAll()
    qtbot.keyClicks(dialog.amount_edit, "30")
    assert not dialog.approval_section.isVisible()
    assert dialog.charge_button.isEnabled()
    dialog.reject()


def test_removing_a_card_asks_for_a_manager_on_the_customer_page(
    qtbot: Any, gui_app: Any, till: Till, shop: Any
) -> None:
    from posdesk.gui.common.workers import TaskRunner
    from posdesk.gui.customers.customer_page import CustomerPage

    context = till.context
    context.shop_settings.save(till.manager, replace(context.shop_settings.get(),
                                                     remove_card_needs_approval=True))
    support = context.staff_accounts.add(till.manager, "Sam Support", Role.SUPPORT,
                                         "4826").member
    context.session.sign_in(support.id, "4826")
    page = CustomerPage(context, TaskRunner())
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=RESULT_TIMEOUT_MS):
        page.show_customer(shop.customer_id)
    visa = shop.card_ids["4242"]
    page._remove_confirmed(None, shop.customer_id, visa)  # "Remove card" answered
    section = page.approval_section
    qtbot.waitUntil(lambda: section.isVisible() and section.manager_combo.count() > 0,
                    timeout=RESULT_TIMEOUT_MS)
    assert "needs a manager's approval" in section.reason_label.text()
    assert visa in {m.id for m in context.customers.methods.list_for_customer(
        shop.customer_id)}
    qtbot.keyClicks(section.pin_edit, MANAGER_PIN)
    # Removed, then the page reloads: wait for it, so no answer outlives the page.
    with qtbot.waitSignal(page.loaded, timeout=RESULT_TIMEOUT_MS):
        qtbot.mouseClick(section.approve_button, Qt.MouseButton.LeftButton)
    assert not section.isVisible()
    assert visa not in {m.id for m in context.customers.methods.list_for_customer(
        shop.customer_id)}
    removed = [e for e in AuditLog(context.store).list_recent(50)
               if e.action == "detach_card" and e.outcome == "succeeded"]
    assert decode_detail(removed[0])["approved_by"] == till.manager.id


def test_a_new_card_payment_over_the_limit_asks_in_the_card_entry_dialog(
    qtbot: Any, gui_app: Any, till: Till, shop: Any, secret_key: str
) -> None:
    from tests.gui.card_entry_support import customer_of, open_dialog, wait_ready

    context = till.context
    context.reconfigure(secret_key, TEST_PUBLISHABLE_KEY)
    dialog = open_dialog(qtbot, context, customer_of(context, shop.customer_id))
    qtbot.keyClicks(dialog.amount_edit, "25.00")
    dialog.start_payment()
    section = dialog.approval_section
    qtbot.waitUntil(lambda: section.isVisible() and section.manager_combo.count() > 0,
                    timeout=RESULT_TIMEOUT_MS)
    assert dialog.session is None and not dialog.pay_button.isEnabled()
    assert PaymentRepository(context.store).list_recent(10) == []
    qtbot.keyClicks(section.pin_edit, MANAGER_PIN)
    qtbot.mouseClick(section.approve_button, Qt.MouseButton.LeftButton)
    wait_ready(qtbot, dialog)  # the card form, for the approved payment
    assert dialog.session is not None and dialog.session.approved["approved_by"] == (
        till.manager.id)
    dialog.reject()
