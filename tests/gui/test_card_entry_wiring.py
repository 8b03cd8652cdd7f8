"""Card entry from the screens a cashier uses: "New card…" on the customer page, "Customer
is here: authenticate now" after an off-session charge needs the bank, CVC re-collection
before a saved-card charge, and the web view's warm-up after the window shows."""

from __future__ import annotations

from typing import Any

import pytest

from posdesk.domain.outcomes import OutcomeKind
from posdesk.domain.payment_state import PaymentState
from posdesk.gui.payments import checkout_view
from posdesk.gui.payments.card_entry_dialog import MODE_AUTHENTICATE, MODE_CVC
from posdesk.store.payments import PaymentRepository
from tests.gui.card_entry_support import (
    WAIT_MS,
    challenge,
    js,
    press_pay,
    type_card,
    wait_ready,
    wait_result,
    with_publishable_key,
)


@pytest.fixture
def shop_window(qtbot: Any, window: Any, shop: Any, secret_key: str) -> Any:
    with_publishable_key(window.backend, secret_key)
    window.backend.customers.refresh_from_stripe()
    window.open_customer(shop.customer_id)
    qtbot.waitUntil(lambda: window.customer_page.page is not None, timeout=WAIT_MS)
    return window


def choose_card(page: Any, last4: str) -> None:
    model = page.card_model
    row = next(i for i in range(model.rowCount()) if model.card_at(i).last4 == last4)
    page.card_table.selectRow(row)


def test_new_card_saved_while_paying_shows_on_the_customer_page(qtbot, shop_window) -> None:
    page = shop_window.customer_page
    before = page.card_model.rowCount()
    assert page.new_card_button.isEnabled()
    page.new_card_button.click()
    dialog = page.card_entry_dialog
    assert dialog is not None and dialog.isVisible()
    dialog._record_traffic = True
    dialog.amount_edit.setText("9.99")
    dialog.pay_button.click()
    wait_ready(qtbot, dialog)
    type_card(qtbot, dialog, "4242424242424242")
    press_pay(qtbot, dialog, save=True)
    assert wait_result(qtbot, dialog).title == "Approved"
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        dialog.done_button.click()
    assert page.card_model.rowCount() == before + 1
    assert page.payment_model.rowCount() == 1


def test_authentication_required_is_finished_from_the_charge_dialog(
    qtbot, shop_window, shop
) -> None:
    page = shop_window.customer_page
    choose_card(page, "3184")
    charge = page.start_charge()
    charge.amount_edit.setText("30.00")
    charge.charge()
    qtbot.waitUntil(lambda: charge.view is not None, timeout=WAIT_MS)
    assert charge.view.can_authenticate
    assert charge.authenticate_button.isVisible()
    assert charge.authenticate_button.text() == "Customer is here: authenticate now"
    payment_id = charge.result_shown.payment_id
    charge.authenticate_button.click()
    dialog = page.card_entry_dialog
    assert dialog is not None and dialog._mode == MODE_AUTHENTICATE
    wait_ready(qtbot, dialog)
    press_pay(qtbot, dialog)
    challenge(qtbot, dialog, "complete")
    assert wait_result(qtbot, dialog).title == "Approved"
    record = PaymentRepository(shop_window.backend.store).get(payment_id)
    assert record.state == PaymentState.SUCCEEDED
    assert dialog.result.outcome.intent_id == record.intent_id


def test_cvc_is_collected_before_a_saved_card_charge_when_the_shop_asks(
    qtbot, shop_window
) -> None:
    shop_window.backend.settings.recollect_cvc = True
    page = shop_window.customer_page
    choose_card(page, "4242")
    charge = page.start_charge()
    charge.amount_edit.setText("12.00")
    charge.charge()
    dialog = page.card_entry_dialog
    assert dialog is not None and dialog._mode == MODE_CVC
    wait_ready(qtbot, dialog)
    assert js(qtbot, dialog, "__sandboxStripe.autofill({cvc: '123'})") >= 1
    qtbot.wait(200)
    press_pay(qtbot, dialog)
    view = wait_result(qtbot, dialog)
    assert view.title == "Approved", view
    assert dialog.result.outcome.kind is OutcomeKind.SUCCEEDED
    assert "cvc_token" in [r.state for r in dialog.reports]
    [record] = PaymentRepository(shop_window.backend.store).list_recent()
    assert record.state == PaymentState.SUCCEEDED and record.amount == 1200


def test_the_web_view_is_warmed_up_and_handed_to_the_next_card_entry(
    qtbot, shop_window
) -> None:
    assert shop_window.warm_up.available()
    shop_window.warm_up.start()  # what start-up does once the window shows
    qtbot.waitUntil(checkout_view.is_warm, timeout=WAIT_MS)
    spare = checkout_view._spare
    assert spare is not None and spare.server is shop_window.backend._checkout_server
    page = shop_window.customer_page
    page.new_card_button.click()
    dialog = page.card_entry_dialog
    dialog.save_only_button.click()
    wait_ready(qtbot, dialog)
    assert dialog.checkout is spare and spare.isVisible()
    assert spare.url().toString().startswith(spare.server.origin + "/checkout?")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        dialog.reject()
    # After each card entry another preloaded view is prepared.
    qtbot.waitUntil(checkout_view.is_warm, timeout=WAIT_MS)
    assert checkout_view._spare is not spare


def test_the_warmed_up_view_does_not_keep_the_app_open(qtbot, shop_window) -> None:
    # Qt quits when the last visible top-level widget that may quit the app closes; the
    # preloaded spare is shown off screen and must not be one of those.
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    shop_window.warm_up.start()
    qtbot.waitUntil(checkout_view.is_warm, timeout=WAIT_MS)
    shop_window.close()

    def keeps_app_open(widget) -> bool:
        return widget.isVisible() and widget.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)

    assert [w for w in QApplication.topLevelWidgets() if keeps_app_open(w)] == []
