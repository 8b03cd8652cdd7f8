"""A payment's detail window with real widgets against the sandbox: a payment refunded
elsewhere (in Stripe, brought in by sync events, not by this terminal) shows the refund and
its timeline; the actions are those the signed-in role may take and open the same dialogs
the customer page opens (refund, capture, receipt)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QTableWidget

from posdesk.app_context import AppContext
from posdesk.domain.money import Money
from posdesk.domain.roles import Role
from posdesk.gui.common.resources import install_translators
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.history.payment_detail_dialog import PaymentDetailDialog
from posdesk.gui.payments.capture_dialog import CaptureDialog
from posdesk.gui.payments.refund_dialog import RefundDialog
from posdesk.sync.applier import EventApplier
from tests.gateway.sandbox_api import call

pytestmark = pytest.mark.gui

TIMEOUT_MS = 20_000


def open_detail(qtbot: Any, context: AppContext, payment_id: str) -> PaymentDetailDialog:
    dialog = PaymentDetailDialog(context, TaskRunner(), payment_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT_MS):
        dialog.show()
    return dialog


def cells(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() if table.item(r, c) else ""
             for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_a_payment_refunded_elsewhere_shows_its_refund_and_timeline(
    qtbot: Any, gui_app: Any, gui_context: AppContext, shop: Any, sandbox: Any,
    secret_key: str,
) -> None:
    paid = gui_context.charges.charge_saved_card(
        gui_context.staff, shop.customer_id, shop.card_ids["4242"], Money(4000, "USD"),
        "Blue scarf")
    intent_id = gui_context.history.detail(gui_context.staff, paid.payment_id).payment.intent_id
    # Refunded in the Stripe Dashboard: this terminal hears of it only through sync events.
    call(sandbox.base_url, secret_key, "POST", "/v1/refunds",
         {"payment_intent": intent_id, "amount": 1500, "reason": "requested_by_customer"})
    events = call(sandbox.base_url, secret_key, "GET", "/v1/events?limit=100")["data"]
    EventApplier(gui_context.store).apply(events)

    dialog = open_detail(qtbot, gui_context, paid.payment_id)
    assert "$40.00" in dialog.title.text()
    assert dialog.fact_labels["refunded"].text() == "$15.00"
    assert "Ada Lovelace" in dialog.fact_labels["customer"].text()
    assert dialog.fact_labels["card"].text().startswith("Visa •••• 4242")
    assert dialog.fact_labels["description"].text() == "Blue scarf"
    [refund] = cells(dialog.refund_table)
    # In words, as every refund reads (outcome_view), not Stripe's values.
    assert refund[1:] == ["$15.00", "Refunded", "Requested by the customer", "Elsewhere (Stripe)"]
    # The timeline in words (timeline_words), amounts as money: no Stripe or audit names.
    timeline = cells(dialog.timeline_table)
    whats = [row[1] for row in timeline]
    assert timeline[0][1:3] == ["Payment recorded here", "Paid · $40.00"]
    assert ["Charged a saved card", "Paid"] in [row[1:3] for row in timeline]
    assert ["Stripe: payment succeeded", "Paid · $40.00", "Stripe"] in [
        row[1:] for row in timeline]
    assert ["Stripe: refund created", "Refunded · $15.00", "Stripe"] in [
        row[1:] for row in timeline]
    assert ["Stripe: payment refunded", "Paid · $15.00 refunded in all"] in [
        row[1:3] for row in timeline]
    shown = " ".join(" ".join(row[1:3]) for row in timeline)
    assert "_" not in shown and "payment_intent" not in shown and "USD" not in shown
    assert all(what and not what.startswith(("Stripe event", "Audit")) for what in whats)

    # In Chinese too (the catalogue's TimelineWords), with the amount as money.
    installed = install_translators(gui_app, QLocale("zh_CN"))
    try:
        with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT_MS):
            dialog.load()
        chinese = [row[1:3] for row in cells(dialog.timeline_table)]
    finally:
        for translator in installed:
            gui_app.removeTranslator(translator)
    assert chinese[0] == ["在此记录付款", "已付款 · $40.00"]
    assert ["用已保存的卡扣款", "已付款"] in chinese
    assert "Stripe：退款已创建" in [what for what, _details in chinese]

    # A manager may refund what is left, and print the receipt; not capture (it is paid).
    assert dialog.refund_button.isEnabled() and not dialog.capture_button.isEnabled()
    assert all(button.isEnabled() for button in dialog.receipt_buttons)
    dialog.refund_button.click()
    qtbot.waitUntil(lambda: dialog.refund_dialog is not None, timeout=TIMEOUT_MS)
    assert isinstance(dialog.refund_dialog, RefundDialog)
    dialog.refund_dialog.reject()


def test_an_authorisation_opens_the_capture_dialog(
    qtbot: Any, gui_app: Any, gui_context: AppContext, shop: Any
) -> None:
    held = gui_context.charges.charge_saved_card(
        gui_context.staff, shop.customer_id, shop.card_ids["4242"], Money(8000, "USD"),
        "Room deposit", authorise_only=True)
    dialog = open_detail(qtbot, gui_context, held.payment_id)
    assert dialog.capture_button.isEnabled() and not dialog.refund_button.isEnabled()
    assert not any(button.isEnabled() for button in dialog.receipt_buttons)
    dialog.capture_button.click()
    qtbot.waitUntil(lambda: dialog.capture_dialog is not None, timeout=TIMEOUT_MS)
    assert isinstance(dialog.capture_dialog, CaptureDialog)
    dialog.capture_dialog.reject()


@pytest.mark.parametrize("staff_role", [Role.CASHIER])
def test_a_cashier_gets_no_capture(
    qtbot: Any, gui_app: Any, gui_context: AppContext, shop: Any
) -> None:
    held = gui_context.charges.charge_saved_card(
        gui_context.staff, shop.customer_id, shop.card_ids["4242"], Money(8000, "USD"),
        "Room deposit", authorise_only=True)
    dialog = open_detail(qtbot, gui_context, held.payment_id)
    assert dialog.detail is not None and not dialog.detail.can_capture
    assert not dialog.capture_button.isEnabled()
    assert dialog.start_capture() is None
