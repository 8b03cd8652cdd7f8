"""Every charge outcome shows its own words. Where the sandbox can produce the situation
(lost answer, rate limit, key without permission, staff without permission) it does; the
rest feed the dialog real domain outcomes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from posdesk.domain.money import Money
from posdesk.domain.outcomes import ChargeOutcome, OutcomeKind
from posdesk.domain.roles import Role
from posdesk.gui.payments.charge_dialog import ChargeDialog
from tests.gui.test_charge_flow import (
    RESULT_TIMEOUT_MS,
    charge,
    open_charge_dialog,
    open_customer,
    payment_states,
    refresh,
    shown_words,
)

pytestmark = pytest.mark.gui

INTENTS = "/v1/payment_intents"


@pytest.fixture
def fast_settling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ChargeDialog, "SETTLE_DELAYS_MS", (100, 200, 400))


def ada_dialog(qtbot: Any, window: Any, last4: str = "4242") -> Any:
    refresh(qtbot, window)
    page = open_customer(qtbot, window, "ada", "Ada Lovelace")
    return open_charge_dialog(qtbot, page, last4)


def test_lost_answer_shows_checking_then_settles_to_one_charge(
    qtbot, window, shop, sandbox, gui_context, fast_settling
):
    dialog = ada_dialog(qtbot, window)
    views: list[Any] = []
    dialog.result_ready.connect(views.append)
    sandbox.drop_after_processing(1, path_prefix=INTENTS)

    first = charge(qtbot, dialog, "20")
    assert first.settling and first.tone == "warn"
    assert dialog.result_title.text() == "Checking with Stripe…"
    words = shown_words(dialog)
    assert "connection to Stripe was lost" in words
    assert "Do not charge again" in words
    assert "Next check in" in dialog.settle_label.text()
    assert dialog.retry_button.isVisible()

    qtbot.waitUntil(lambda: dialog.view is not None and not dialog.view.settling,
                    timeout=RESULT_TIMEOUT_MS)
    assert dialog.result_title.text() == "Approved"
    assert dialog.result_amount.text() == "$20.00 charged"
    assert [v.title for v in views] == ["Checking with Stripe…", "Approved"]
    assert sandbox.count("payment_intent") == 1
    assert payment_states(gui_context, shop.customer_id) == [(2000, "succeeded")]


@pytest.mark.parametrize(("processed", "title", "amount", "intents", "state"), [
    (False, "Not charged", "$20.00 not charged", 0, "failed"),
    (True, "Approved", "$20.00 charged", 1, "succeeded"),
])
def test_server_error_shows_checking_with_a_countdown_then_the_real_outcome(
    qtbot, window, shop, sandbox, gui_context, fast_settling, processed, title, amount,
    intents, state,
):
    # Stripe saves a 500 for the key and replays it: the payment is settled by looking its
    # intent up, and closed as not charged only after a quiet window (shortened here).
    gui_context.charges.server_error_window = timedelta(seconds=1)
    dialog = ada_dialog(qtbot, window)
    views: list[Any] = []
    dialog.result_ready.connect(views.append)
    sandbox.fail_next(1, status=500, path_prefix=INTENTS, processed=processed)

    first = charge(qtbot, dialog, "20")
    assert first.settling and dialog.result_title.text() == "Checking with Stripe…"
    assert "not yet known whether the payment went through" in shown_words(dialog)
    assert "Do not charge again" in shown_words(dialog)
    assert "Next check in" in dialog.settle_label.text()

    qtbot.waitUntil(lambda: dialog.view is not None and not dialog.view.settling,
                    timeout=RESULT_TIMEOUT_MS)
    assert dialog.result_title.text() == title
    assert dialog.result_amount.text() == amount
    assert [v.title for v in views] == ["Checking with Stripe…", title]
    if not processed:
        assert "did not take it, so nothing was charged" in shown_words(dialog)
    assert sandbox.count("payment_intent") == intents
    assert payment_states(gui_context, shop.customer_id) == [(2000, state)]


def test_rate_limited_offers_try_again_which_charges_once(
    qtbot, window, shop, sandbox, gui_context
):
    dialog = ada_dialog(qtbot, window)
    sandbox.fail_next(1, status=429, path_prefix=INTENTS)

    view = charge(qtbot, dialog, "15")
    assert view.can_retry and not view.settling
    assert dialog.result_title.text() == "Stripe is busy"
    assert "too many requests" in dialog.result_body.text()
    assert "nothing was charged" in dialog.result_body.text()
    assert "Try again in a minute" in dialog.result_next_step.text()
    assert dialog.retry_button.isVisible() and dialog.retry_button.text() == "Try again"
    assert sandbox.count("payment_intent") == 0

    with qtbot.waitSignal(dialog.result_ready, timeout=RESULT_TIMEOUT_MS):
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    assert dialog.result_title.text() == "Approved"
    assert sandbox.count("payment_intent") == 1
    assert sorted(payment_states(gui_context, shop.customer_id)) == [
        (1500, "failed"), (1500, "succeeded")
    ]


def test_key_without_permission_points_to_settings(qtbot, window, shop, gui_context):
    dialog = ada_dialog(qtbot, window)
    # A restricted key that may read but not charge (the sandbox answers 403, as Stripe does).
    gui_context.reconfigure("rk_test_readonly" + "0" * 16, None)

    view = charge(qtbot, dialog, "9.99")
    assert view.tone == "bad" and view.can_open_settings
    assert dialog.result_title.text() == "Stripe set-up problem"
    assert "key in the settings is not allowed to do this" in dialog.result_body.text()
    assert "Ask a manager to check the Stripe key" in dialog.result_next_step.text()
    assert dialog.settings_button.isVisible()

    with qtbot.waitSignal(window.customer_page.settings_requested):
        qtbot.mouseClick(dialog.settings_button, Qt.MouseButton.LeftButton)
    assert window.settings_dialog is not None and window.settings_dialog.isVisible()


@pytest.mark.parametrize("staff_role", [Role.SUPPORT])
def test_staff_without_charge_permission_is_told_so(qtbot, window, shop, sandbox, gui_context):
    dialog = ada_dialog(qtbot, window)
    view = charge(qtbot, dialog, "5")
    assert view.icon == "locked"
    assert dialog.result_title.text() == "Not allowed"
    assert "Your role (Support) may not take payments" in dialog.result_body.text()
    assert "Nothing was charged" in dialog.result_body.text()
    assert "Ask a manager" in dialog.result_next_step.text()
    assert sandbox.count("payment_intent") == 0
    assert payment_states(gui_context, shop.customer_id) == []


@pytest.mark.parametrize(
    ("kind", "title", "amount", "words"),
    [
        (OutcomeKind.PROCESSING, "Processing", "$42.50", "No need to charge again"),
        (OutcomeKind.REQUIRES_CAPTURE, "Authorized, not yet captured", "$42.50",
         "Capture the payment"),
        (OutcomeKind.UNAVAILABLE, "Stripe can't be reached", "$42.50 not charged",
         "Stripe could not be reached"),
        (OutcomeKind.BUG, "Payment not sent", "$42.50 not charged", "Do not retry"),
    ],
)
def test_other_outcomes_have_their_own_words(
    qtbot, window, shop, kind, title, amount, words
):
    dialog = ada_dialog(qtbot, window)
    dialog._show(dialog.view_for(ChargeOutcome.of(kind), Money(4250, "USD")))
    assert dialog.result_title.text() == title
    assert dialog.result_amount.text() == amount
    assert words in shown_words(dialog)
    assert dialog.stack.currentIndex() == 1


def test_unreachable_while_settling_keeps_saying_do_not_charge_again(qtbot, window, shop):
    dialog = ada_dialog(qtbot, window)
    view = dialog.view_for(ChargeOutcome.of(OutcomeKind.UNAVAILABLE), Money(4250, "USD"),
                           settling=True)
    dialog._show(view)
    assert dialog.result_title.text() == "Stripe can't be reached"
    assert dialog.result_amount.text() == "$42.50"  # not "not charged": Stripe may have it
    assert "Do not charge again" in dialog.result_next_step.text()
    assert dialog.retry_button.text() == "Check again now"
