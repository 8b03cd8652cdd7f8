"""A charge above the shop's "confirm amounts over": the charge dialog asks for the amount
again in place; typing it again enables Charge, a different amount says so and charges
nothing; a cashier whose charge needs a manager anyway is asked for the manager instead;
the new-card dialog asks the same; the Shop page sets it."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from posdesk.domain.payment_state import PaymentState
from posdesk.store.audit import AuditLog, decode_detail
from posdesk.store.payments import PaymentRepository
from tests.gui.test_manager_approval import MANAGER_PIN, RESULT_TIMEOUT_MS, Till, open_dialog
from tests.gui.test_manager_approval import till as till  # noqa: F401  (the fixture)

pytestmark = pytest.mark.gui

SHOTS = Path(os.environ.get("POSDESK_SHOTS", "/tmp/shots_capture"))


@pytest.fixture
def large(till: Till) -> Till:  # noqa: F811
    shop = till.context.shop_settings
    # Charges over 10.00 need a manager (the till fixture), over 50.00 are typed twice.
    shop.save(till.manager, replace(shop.get(), confirm_amount_over=5000,
                                    charge_approval_over=None))
    return till


def grab(widget: Any, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_typing_the_amount_again_enables_charge(
    qtbot: Any, gui_app: Any, large: Till, shop: Any
) -> None:
    dialog = open_dialog(qtbot, large, shop)
    qtbot.keyClicks(dialog.amount_edit, "60.00")
    section = dialog.confirmation
    assert section.isVisible()
    assert "$50.00" in section.reason_label.text() and "$60.00" in section.reason_label.text()
    assert not dialog.charge_button.isEnabled()
    qtbot.keyClicks(section.retype_edit, "60")
    assert dialog.charge_button.isEnabled()
    grab(dialog, "large_amount_confirmed.png")
    with qtbot.waitSignal(dialog.result_ready, timeout=RESULT_TIMEOUT_MS):
        qtbot.mouseClick(dialog.charge_button, Qt.MouseButton.LeftButton)
    [payment] = PaymentRepository(large.context.store).list_recent(10)
    assert (payment.amount, payment.state) == (6000, PaymentState.SUCCEEDED.value)
    charged = [e for e in AuditLog(large.context.store).list_recent(50) if e.action == "charge"]
    assert decode_detail(charged[0])["amount_confirmed"] == "retyped"
    dialog.accept()


def test_a_wrong_retype_says_so_and_charges_nothing(
    qtbot: Any, gui_app: Any, large: Till, shop: Any
) -> None:
    dialog = open_dialog(qtbot, large, shop)
    qtbot.keyClicks(dialog.amount_edit, "600.00")
    section = dialog.confirmation
    qtbot.keyClicks(section.retype_edit, "60.00")
    qtbot.keyClick(section.retype_edit, Qt.Key.Key_Return)
    assert section.error_label.isVisible()
    assert "not the same amount" in section.error_label.text()
    assert "$600.00" in section.error_label.text()
    assert not dialog.charge_button.isEnabled()
    grab(dialog, "large_amount_wrong_retype.png")
    dialog.charge()  # a click that slipped through: still nothing sent
    assert dialog.stack.currentIndex() == 0
    assert PaymentRepository(large.context.store).list_recent(10) == []
    # Another amount above: the retype starts afresh, and a matching one confirms it.
    dialog.amount_edit.selectAll()
    qtbot.keyClicks(dialog.amount_edit, "60.00")
    assert section.retype_edit.text() == "" and not section.error_label.isVisible()
    assert not dialog.charge_button.isEnabled()
    qtbot.keyClicks(section.retype_edit, "60.00")
    assert dialog.charge_button.isEnabled()
    dialog.reject()


def test_below_the_setting_nothing_is_asked(
    qtbot: Any, gui_app: Any, large: Till, shop: Any
) -> None:
    dialog = open_dialog(qtbot, large, shop)
    qtbot.keyClicks(dialog.amount_edit, "50.00")
    assert not dialog.confirmation.isVisible()
    assert dialog.charge_button.isEnabled()
    dialog.reject()


def test_when_a_manager_must_approve_anyway_the_approval_confirms_it(
    qtbot: Any, gui_app: Any, large: Till, shop: Any
) -> None:
    context = large.context
    context.shop_settings.save(large.manager, replace(context.shop_settings.get(),
                                                      charge_approval_over=1000))
    dialog = open_dialog(qtbot, large, shop)
    qtbot.keyClicks(dialog.amount_edit, "60.00")
    assert not dialog.confirmation.isVisible()
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    section = dialog.approval_section
    qtbot.waitUntil(lambda: section.isVisible() and section.manager_combo.count() > 0,
                    timeout=RESULT_TIMEOUT_MS)
    qtbot.keyClicks(section.pin_edit, MANAGER_PIN)
    with qtbot.waitSignal(dialog.result_ready, timeout=RESULT_TIMEOUT_MS):
        qtbot.mouseClick(section.approve_button, Qt.MouseButton.LeftButton)
    [payment] = PaymentRepository(context.store).list_recent(10)
    assert payment.state == PaymentState.SUCCEEDED.value
    charged = [e for e in AuditLog(context.store).list_recent(50)
               if e.action == "charge" and e.outcome == "succeeded"]
    assert decode_detail(charged[0])["amount_confirmed"] == "approved"
    dialog.accept()


def test_a_setting_changed_elsewhere_is_asked_after_the_services_refusal(
    qtbot: Any, gui_app: Any, large: Till, shop: Any
) -> None:
    context = large.context
    context.shop_settings.save(large.manager, replace(context.shop_settings.get(),
                                                      confirm_amount_over=None))
    dialog = open_dialog(qtbot, large, shop)
    qtbot.keyClicks(dialog.amount_edit, "60.00")
    assert not dialog.confirmation.isVisible()
    # Another terminal sets it now: the service refuses, the dialog asks in place.
    context.shop_settings.save(large.manager, replace(context.shop_settings.get(),
                                                      confirm_amount_over=5000))
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.confirmation.isVisible(), timeout=RESULT_TIMEOUT_MS)
    assert dialog.stack.currentIndex() == 0
    assert PaymentRepository(context.store).list_recent(10) == []
    refused = [e for e in AuditLog(context.store).list_recent(50) if e.action == "charge"]
    assert refused[0].outcome == "confirmation_required"
    dialog.reject()


def test_the_new_card_dialog_asks_too(
    qtbot: Any, gui_app: Any, large: Till, shop: Any
) -> None:
    from posdesk.gui.common.workers import TaskRunner
    from posdesk.gui.payments.card_entry_dialog import CardEntryDialog

    page = large.context.customers.customer_page(large.cashier, shop.customer_id)
    dialog = CardEntryDialog(large.context, TaskRunner(), page.customer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.amount_edit, "75.00")
    assert dialog.confirmation.isVisible()
    assert not dialog.pay_button.isEnabled()
    qtbot.keyClicks(dialog.confirmation.retype_edit, "75.00")
    assert dialog.pay_button.isEnabled()
    grab(dialog, "large_amount_new_card.png")
    dialog.reject()
