"""The card-entry dialog with the real QWebEngineView offscreen, the loopback HTTPS checkout
page and the sandbox's Stripe.js stand-in: the issue's acceptance flows."""

from __future__ import annotations

from typing import Any

import pytest

from posdesk.domain.money import Money
from posdesk.domain.outcomes import OutcomeKind
from posdesk.domain.payment_state import PaymentState
from posdesk.gui.payments.card_entry_dialog import MODE_AUTHENTICATE
from posdesk.store.payment_methods import PaymentMethodRepository
from posdesk.store.payments import PaymentRepository
from tests.gateway.sandbox_api import call
from tests.gui.card_entry_support import (
    challenge,
    customer_of,
    open_dialog,
    press_pay,
    states,
    type_card,
    wait_js,
    wait_ready,
    wait_result,
    with_publishable_key,
)


@pytest.fixture
def context(gui_app: Any, gui_context: Any, secret_key: str) -> Any:
    context = with_publishable_key(gui_context, secret_key)
    yield context
    context.close()


@pytest.fixture
def customer(context: Any, shop: Any) -> Any:
    return customer_of(context, shop.customer_id)


def payments(context: Any) -> list[Any]:
    return PaymentRepository(context.store).list_recent()


def test_4242_pays_and_is_recorded(qtbot, context, customer) -> None:
    dialog = open_dialog(qtbot, context, customer)
    dialog.amount_edit.setText("20.00")
    dialog.pay_button.click()
    wait_ready(qtbot, dialog)
    type_card(qtbot, dialog, "4242424242424242")
    press_pay(qtbot, dialog)
    view = wait_result(qtbot, dialog)
    assert view.title == "Approved" and view.tone == "good"
    assert dialog.result.outcome.kind is OutcomeKind.SUCCEEDED
    [record] = payments(context)
    assert record.state == PaymentState.SUCCEEDED and record.amount == 2000
    assert record.intent_id == dialog.result.outcome.intent_id


def test_4242_with_save_puts_the_card_on_the_customer(qtbot, context, customer) -> None:
    before = {m.id for m in PaymentMethodRepository(context.store).list_for_customer(customer.id)}
    dialog = open_dialog(qtbot, context, customer)
    dialog.amount_edit.setText("15.00")
    dialog.pay_button.click()
    wait_ready(qtbot, dialog)
    type_card(qtbot, dialog, "4242424242424242")
    press_pay(qtbot, dialog, save=True)
    view = wait_result(qtbot, dialog)
    assert view.title == "Approved"
    assert "confirm_requested" in states(dialog)
    saved = dialog.result.saved_card
    assert saved is not None and saved.last4 == "4242" and saved.id not in before
    cards = PaymentMethodRepository(context.store).list_for_customer(customer.id)
    assert saved.id in {c.id for c in cards}
    assert "saved for future purchases" in view.body


def test_9995_declines_inside_the_dialog(qtbot, context, customer) -> None:
    dialog = open_dialog(qtbot, context, customer)
    dialog.amount_edit.setText("20.00")
    dialog.pay_button.click()
    wait_ready(qtbot, dialog)
    type_card(qtbot, dialog, "4000000000009995")
    press_pay(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.message_label.isVisible(), timeout=30_000)
    assert "insufficient funds" in dialog.message_label.text()
    assert dialog.view is None  # still on the card form: the customer may use another card
    [record] = payments(context)
    assert record.state == PaymentState.WAITING  # never "declined"
    with qtbot.waitSignal(dialog.finished, timeout=30_000):
        dialog.reject()
    [record] = payments(context)
    assert record.state == PaymentState.CANCELED


def test_3220_with_failed_challenge_is_not_paid(qtbot, context, customer) -> None:
    dialog = open_dialog(qtbot, context, customer)
    dialog.amount_edit.setText("20.00")
    dialog.pay_button.click()
    wait_ready(qtbot, dialog)
    type_card(qtbot, dialog, "4000000000003220")
    press_pay(qtbot, dialog)
    challenge(qtbot, dialog, "fail")
    qtbot.waitUntil(lambda: dialog.message_label.isVisible(), timeout=30_000)
    assert "bank did not confirm" in dialog.message_label.text()
    assert all(p.state != PaymentState.SUCCEEDED for p in payments(context))


def test_3155_saved_without_charge_then_charged_off_session(qtbot, context, customer) -> None:
    dialog = open_dialog(qtbot, context, customer)
    dialog.save_only_button.click()
    wait_ready(qtbot, dialog)
    type_card(qtbot, dialog, "4000002500003155")
    press_pay(qtbot, dialog)
    challenge(qtbot, dialog, "complete")
    view = wait_result(qtbot, dialog)
    assert view.title == "Card saved"
    saved = dialog.result.saved_card
    assert saved is not None and saved.last4 == "3155"
    assert payments(context) == []
    charged = context.charges.charge_saved_card(
        context.staff, customer.id, saved.id, Money(1200, "USD")
    )
    assert charged.outcome.kind is OutcomeKind.SUCCEEDED


def test_3184_off_session_fails_then_authenticates_on_the_same_intent(
    qtbot, context, customer, shop
) -> None:
    failed = context.charges.charge_saved_card(
        context.staff, customer.id, shop.card_ids["3184"], Money(3000, "USD")
    )
    assert failed.outcome.kind is OutcomeKind.AUTHENTICATION_REQUIRED
    dialog = open_dialog(qtbot, context, customer, mode=MODE_AUTHENTICATE,
                         payment_id=failed.payment_id)
    wait_ready(qtbot, dialog)
    press_pay(qtbot, dialog)
    challenge(qtbot, dialog, "complete")
    view = wait_result(qtbot, dialog)
    assert view.title == "Approved"
    assert dialog.result.outcome.intent_id == failed.outcome.intent_id
    [record] = payments(context)
    assert record.id == failed.payment_id and record.state == PaymentState.SUCCEEDED


def test_cancel_during_the_challenge_asks_twice_then_cancels_the_payment(
    qtbot, context, customer, sandbox, secret_key
) -> None:
    dialog = open_dialog(qtbot, context, customer)
    dialog.amount_edit.setText("20.00")
    dialog.pay_button.click()
    wait_ready(qtbot, dialog)
    type_card(qtbot, dialog, "4000000000003220")
    press_pay(qtbot, dialog)
    wait_js(qtbot, dialog, "__sandboxStripe.challengeOpen()")
    dialog.reject()  # a stray Esc while the bank's window shows
    assert dialog.isVisible() and "Press Cancel again" in dialog.status_label.text()
    with qtbot.waitSignal(dialog.finished, timeout=30_000):
        dialog.reject()
    [record] = payments(context)
    assert record.state == PaymentState.CANCELED
    intent = call(sandbox.base_url, secret_key, "GET", f"/v1/payment_intents/{record.intent_id}")
    assert intent["status"] == "canceled"


def test_authorize_only_on_a_new_card_holds_the_amount_and_offers_no_receipt_yet(
    qtbot, context, customer
) -> None:
    dialog = open_dialog(qtbot, context, customer)
    dialog.amount_edit.setText("45.00")
    dialog.authorise_check.setChecked(True)
    assert dialog.pay_button.text() == "Authorize $45.00"
    dialog.pay_button.click()
    wait_ready(qtbot, dialog)
    type_card(qtbot, dialog, "4242424242424242")
    press_pay(qtbot, dialog)
    view = wait_result(qtbot, dialog)
    assert view.title == "Authorized, not yet captured"
    [record] = payments(context)
    assert record.state == PaymentState.REQUIRES_CAPTURE and record.amount_received in (0, None)
    assert not any(b.isVisible() for b in dialog.result_actions.buttons)


def test_an_approved_new_card_payment_offers_receipt_and_refund(qtbot, context, customer) -> None:
    dialog = open_dialog(qtbot, context, customer)
    dialog.amount_edit.setText("20.00")
    dialog.pay_button.click()
    wait_ready(qtbot, dialog)
    type_card(qtbot, dialog, "4242424242424242")
    press_pay(qtbot, dialog)
    assert wait_result(qtbot, dialog).title == "Approved"
    shown = [b.text() for b in dialog.result_actions.buttons if b.isVisible()]
    assert shown == ["Print receipt…", "Save receipt as PDF…", "Email receipt…", "Refund…"]
    with qtbot.waitSignal(dialog.refund_requested, timeout=10_000) as asked:
        dialog.result_actions.refund_button.click()
    assert asked.args == [dialog.result.payment_id]
    assert not dialog.isVisible()
