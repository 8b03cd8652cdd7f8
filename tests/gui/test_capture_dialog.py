"""Authorize now, capture later, on screen: the charge dialog's "authorise only"; the capture
dialog captures a part (the rest released), releases with a reason, tells a lapsed
authorisation in words, and says a cashier may not; the customer page opens it for an
authorisation only."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from posdesk.app_context import AppContext
from posdesk.domain.money import Money
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import Role, StaffMember
from posdesk.services.secret_store import SecretStore
from posdesk.settings import Settings
from posdesk.store.payments import PaymentRepository

pytestmark = pytest.mark.gui

TIMEOUT_MS = 20_000
MANAGER_PIN, CASHIER_PIN = "2580", "7391"
SHOTS = Path(os.environ.get("POSDESK_SHOTS", "/tmp/shots_capture"))
DAY_S = 24 * 3600


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
    context.session.sign_in(manager.id, MANAGER_PIN)
    yield Till(context, manager, cashier)
    context.close()


def grab(widget: Any, name: str) -> None:
    QApplication.processEvents()
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def authorise(till: Till, shop: Any, amount: int = 8000) -> Any:
    result = till.context.charges.charge_saved_card(
        till.cashier, shop.customer_id, shop.card_ids["4242"], Money(amount, "USD"),
        "Room deposit", authorise_only=True)
    record = PaymentRepository(till.context.store).get(result.payment_id)
    assert record is not None and record.state == PaymentState.REQUIRES_CAPTURE.value
    return record


def open_dialog(qtbot: Any, till: Till, payment: Any) -> Any:
    from posdesk.gui.common.workers import TaskRunner
    from posdesk.gui.payments.capture_dialog import CaptureDialog

    dialog = CaptureDialog(till.context, TaskRunner(), payment)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT_MS):
        dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_capture_a_part_and_the_rest_is_released(
    qtbot: Any, gui_app: Any, till: Till, shop: Any
) -> None:
    payment = authorise(till, shop)
    dialog = open_dialog(qtbot, till, payment)
    assert "$80.00" in dialog.summary_label.text()
    assert "4 d 17 h left" in dialog.time_left_label.text() or \
        "4 d 18 h left" in dialog.time_left_label.text()
    dialog.amount_edit.selectAll()
    qtbot.keyClicks(dialog.amount_edit, "62.50")
    assert "$17.50" in dialog.rest_label.text()
    assert dialog.go_button.text() == "Capture $62.50"
    grab(dialog, "capture_dialog.png")
    with qtbot.waitSignal(dialog.result_ready, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.result_panel.title.text() == "Captured"
    assert "$62.50 captured" in dialog.result_panel.amount.text()
    assert "$17.50" in dialog.result_panel.next_step.text()
    grab(dialog, "capture_done.png")
    record = PaymentRepository(till.context.store).get(payment.id)
    assert (record.state, record.amount_received) == (PaymentState.SUCCEEDED.value, 6250)
    dialog.accept()


def test_more_than_authorised_cannot_be_sent(
    qtbot: Any, gui_app: Any, till: Till, shop: Any
) -> None:
    dialog = open_dialog(qtbot, till, authorise(till, shop, 3000))
    dialog.amount_edit.selectAll()
    qtbot.keyClicks(dialog.amount_edit, "30.01")
    assert not dialog.go_button.isEnabled()
    assert "At most $30.00" in dialog.amount_error.text()
    dialog.reject()


def test_release_with_a_reason(qtbot: Any, gui_app: Any, till: Till, shop: Any) -> None:
    payment = authorise(till, shop)
    dialog = open_dialog(qtbot, till, payment)
    dialog.release_radio.setChecked(True)
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("abandoned"))
    assert dialog.go_button.text() == "Release the hold"
    with qtbot.waitSignal(dialog.result_ready, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.result_panel.title.text() == "Authorization released"
    record = PaymentRepository(till.context.store).get(payment.id)
    assert record.state == PaymentState.CANCELED.value
    dialog.accept()


def test_a_lapsed_authorisation_is_refused_in_words(
    qtbot: Any, gui_app: Any, till: Till, shop: Any, sandbox: Any
) -> None:
    payment = authorise(till, shop)
    sandbox.age_authorisation(payment.intent_id, 4 * DAY_S)
    dialog = open_dialog(qtbot, till, payment)
    assert "Less than a day left" in dialog.time_left_label.text()
    grab(dialog, "capture_lapsing.png")
    sandbox.age_authorisation(payment.intent_id, DAY_S)
    with qtbot.waitSignal(dialog.result_ready, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.result_panel.title.text() == "Stripe refused"
    assert "authorization has lapsed" in dialog.result_panel.body.text()
    assert "payment_intent_unexpected_state" in dialog.result_panel.details.text()
    grab(dialog, "capture_lapsed.png")
    dialog.accept()


def test_a_cashier_is_told_a_manager_captures(
    qtbot: Any, gui_app: Any, till: Till, shop: Any
) -> None:
    payment = authorise(till, shop)
    till.context.session.sign_in(till.cashier.id, CASHIER_PIN)
    dialog = open_dialog(qtbot, till, payment)
    with qtbot.waitSignal(dialog.result_ready, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.result_panel.title.text() == "Not allowed"
    assert PaymentRepository(till.context.store).get(payment.id).state == (
        PaymentState.REQUIRES_CAPTURE.value)
    dialog.accept()


def test_the_charge_dialog_authorises_only(
    qtbot: Any, gui_app: Any, till: Till, shop: Any
) -> None:
    from posdesk.gui.common.workers import TaskRunner
    from posdesk.gui.payments.charge_dialog import ChargeDialog

    page = till.context.customers.customer_page(till.manager, shop.customer_id)
    card = next(c for c in page.cards if c.last4 == "4242")
    dialog = ChargeDialog(till.context, TaskRunner(), page.customer, card)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.amount_edit, "45.00")
    dialog.authorise_check.setChecked(True)
    assert dialog.charge_button.text() == "Authorize $45.00"
    with qtbot.waitSignal(dialog.result_ready, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.charge_button, Qt.MouseButton.LeftButton)
    assert dialog.result_title.text() == "Authorized, not yet captured"
    [record] = PaymentRepository(till.context.store).list_recent(10)
    assert record.state == PaymentState.REQUIRES_CAPTURE.value
    dialog.accept()


def test_the_customer_page_opens_it_for_an_authorisation_only(
    qtbot: Any, gui_app: Any, till: Till, shop: Any
) -> None:
    from posdesk.gui.common.workers import TaskRunner
    from posdesk.gui.customers.customer_page import CustomerPage

    authorise(till, shop)
    paid = till.context.charges.charge_saved_card(
        till.manager, shop.customer_id, shop.card_ids["4242"], Money(1000, "USD"))
    page = CustomerPage(till.context, TaskRunner())
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT_MS):
        page.show_customer(shop.customer_id)
    store = PaymentRepository(till.context.store)
    assert page.start_capture(store.get(paid.payment_id)) is None
    held = [p for p in store.list_recent(10) if p.state == PaymentState.REQUIRES_CAPTURE.value]
    dialog = page.start_capture(held[0])
    assert dialog is not None
    dialog.reject()


def test_the_open_authorisations_list_flags_the_last_day(
    qtbot: Any, gui_app: Any, till: Till, shop: Any, sandbox: Any
) -> None:
    from posdesk.gui.common.workers import TaskRunner
    from posdesk.gui.payments.open_authorisations import OpenAuthorisationsDialog

    later = authorise(till, shop, 2500)
    soon = authorise(till, shop, 9900)
    sandbox.age_authorisation(soon.intent_id, 4 * DAY_S)
    dialog = OpenAuthorisationsDialog(till.context, TaskRunner())
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT_MS):
        dialog.show()
    qtbot.waitExposed(dialog)
    assert [a.payment_id for a in dialog.shown] == [soon.id, later.id]  # soonest first
    left = [dialog.table.item(row, dialog.LEFT).text() for row in range(2)]
    assert left[0].startswith("⚠") and "h left" in left[0]
    assert not left[1].startswith("⚠") and "4 d" in left[1]
    assert dialog.table.item(0, dialog.AMOUNT).text() == "$99.00"
    assert dialog.table.item(0, dialog.CARD).text() == "Visa •••• 4242"
    assert "1 lapse within a day" in dialog.status_label.text()
    grab(dialog, "open_authorisations.png")
    capture = dialog.open_selected()
    assert capture is not None
    with (qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT_MS),
          qtbot.waitSignal(capture.result_ready, timeout=TIMEOUT_MS)):
        qtbot.mouseClick(capture.go_button, Qt.MouseButton.LeftButton)
    assert [a.payment_id for a in dialog.shown] == [later.id]
    capture.accept()
    dialog.reject()


def test_the_main_menu_opens_the_list(qtbot: Any, gui_app: Any, till: Till) -> None:
    from posdesk.gui.shell.main_window import MainWindow

    window = MainWindow(till.context)
    qtbot.addWidget(window)
    assert window.authorisations_action.text() == "&Open authorizations…"
    dialog = window.open_authorisations()
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT_MS):
        pass
    assert dialog.status_label.text() == "No authorization is waiting for a capture."
    dialog.reject()
