"""Search → pick → charge, driven through the real widgets against the sandbox."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

pytestmark = pytest.mark.gui

RESULT_TIMEOUT_MS = 20_000


def refresh(qtbot: Any, window: Any) -> int:
    with qtbot.waitSignal(window.refresh_finished, timeout=RESULT_TIMEOUT_MS) as blocker:
        window.customer_refresh.refresh()
    count = blocker.args[0]
    assert isinstance(count, int), count
    return count


def open_customer(qtbot: Any, window: Any, typed: str, name: str) -> Any:
    """Type into the search, move to `name` with the arrow keys, press Enter."""
    search = window.search
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(search.search_edit, typed)
    qtbot.waitUntil(
        lambda: not search.busy and any(
            search.model.customer_at(i).name == name for i in range(search.model.rowCount())
        ),
        timeout=5000,
    )
    names = [search.model.customer_at(i).name for i in range(search.model.rowCount())]
    target = names.index(name)
    for _ in range(target):
        qtbot.keyClick(search.search_edit, Qt.Key.Key_Down)
    assert search.results.currentIndex().row() == target
    page = window.customer_page
    with qtbot.waitSignal(page.loaded, timeout=RESULT_TIMEOUT_MS):
        qtbot.keyClick(search.search_edit, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is page
    assert page.name_label.text() == name
    return page


def open_charge_dialog(qtbot: Any, page: Any, last4: str) -> Any:
    model = page.card_model
    row = next(i for i in range(model.rowCount()) if model.card_at(i).last4 == last4)
    page.card_table.selectRow(row)
    page.card_table.setFocus()
    qtbot.keyClick(page.card_table, Qt.Key.Key_Return)  # Enter charges the selected card
    dialog = page.charge_dialog
    assert dialog is not None and dialog.isVisible()
    assert last4 in dialog.card_label.text()
    return dialog


def charge(qtbot: Any, dialog: Any, amount: str) -> Any:
    qtbot.keyClicks(dialog.amount_edit, amount)
    assert dialog.charge_button.isEnabled()
    with qtbot.waitSignal(dialog.result_ready, timeout=RESULT_TIMEOUT_MS) as blocker:
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)  # Enter confirms
    return blocker.args[0]


def shown_words(dialog: Any) -> str:
    return " ".join(
        label.text()
        for label in (dialog.result_title, dialog.result_amount, dialog.result_body,
                      dialog.result_next_step)
    )


def payment_states(context: Any, customer_id: str) -> list[tuple[int, str]]:
    page = context.customers.customer_page(context.staff, customer_id)
    return [(p.amount, p.state) for p in page.recent_payments]


def test_search_pick_and_charge_visa_is_approved(qtbot, window, shop, gui_context):
    assert refresh(qtbot, window) >= 3
    page = open_customer(qtbot, window, "ada", "Ada Lovelace")
    assert "ada@example.com" in page.details_label.text()
    labels = [page.card_model.card_label(page.card_model.card_at(i))
              for i in range(page.card_model.rowCount())]
    assert any("•••• 4242" in label for label in labels)

    dialog = open_charge_dialog(qtbot, page, "4242")
    view = charge(qtbot, dialog, "12.50")

    assert view.tone == "good"
    assert dialog.result_title.text() == "Approved"
    assert dialog.result_amount.text() == "$12.50 charged"
    assert "approved" in dialog.result_body.text()
    assert payment_states(gui_context, shop.customer_id) == [(1250, "succeeded")]

    # Enter on the result closes it; the page shows the new payment in words.
    with qtbot.waitSignals([dialog.accepted, page.loaded], timeout=RESULT_TIMEOUT_MS):
        qtbot.keyClick(dialog.done_button, Qt.Key.Key_Return)
    assert page.charge_dialog is None
    model = page.payment_model
    assert model.rowCount() == 1
    assert model.data(model.index(0, model.AMOUNT)) == "$12.50"
    assert model.data(model.index(0, model.STATE)) == "Paid"


def test_insufficient_funds_is_declined_with_reason_and_next_step(qtbot, window, shop, gui_context):
    refresh(qtbot, window)
    page = open_customer(qtbot, window, "ada@", "Ada Lovelace")
    dialog = open_charge_dialog(qtbot, page, "9995")
    view = charge(qtbot, dialog, "30")

    assert view.tone == "bad"
    assert dialog.result_title.text() == "Declined"
    assert dialog.result_amount.text() == "$30.00 not charged"
    assert "insufficient funds" in dialog.result_body.text()
    assert "another card" in dialog.result_next_step.text()
    assert payment_states(gui_context, shop.customer_id) == [(3000, "declined")]


def test_authentication_required_off_session_is_explained(qtbot, window, shop, gui_context):
    refresh(qtbot, window)
    page = open_customer(qtbot, window, "Lovelace", "Ada Lovelace")
    dialog = open_charge_dialog(qtbot, page, "3184")
    view = charge(qtbot, dialog, "8.00")

    assert view.tone == "warn"
    words = shown_words(dialog)
    assert dialog.result_title.text() == "Customer must authenticate"
    assert "confirm this payment themselves" in words
    assert "cannot happen while they are not here" in words
    assert "Nothing was charged" in words
    assert "pay in person" in words
    assert payment_states(gui_context, shop.customer_id) == [(800, "authentication_required")]


def test_window_keeps_processing_events_while_stripe_holds_the_charge(
    qtbot, window, shop, sandbox
):
    refresh(qtbot, window)
    page = open_customer(qtbot, window, "ada", "Ada Lovelace")
    dialog = open_charge_dialog(qtbot, page, "4242")
    qtbot.keyClicks(dialog.amount_edit, "5")

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    busy_seen: list[bool] = []
    sandbox.hold(2.0, path_prefix="/v1/payment_intents")
    started = time.monotonic()
    with qtbot.waitSignal(dialog.result_ready, timeout=RESULT_TIMEOUT_MS):
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
        # The charge is on a worker now: the dialog shows it is busy and takes no input.
        busy_seen.append(dialog.busy)
        busy_seen.append(dialog.busy_label.isVisible() and dialog.busy_bar.isVisible())
        busy_seen.append(not dialog.amount_edit.isEnabled())
        busy_seen.append("waiting for Stripe" in dialog.busy_label.text())
    elapsed = time.monotonic() - started
    timer.stop()

    assert busy_seen == [True, True, True, True]
    assert elapsed >= 1.9, "the sandbox did not hold the request"
    during = [t for t in ticks if started <= t <= started + elapsed]
    # 2 s at 50 ms is 40 ticks; a blocked GUI thread would deliver at most one or two.
    assert len(during) >= 25, len(during)
    gaps = [b - a for a, b in zip(during, during[1:], strict=False)]
    assert max(gaps) < 0.5
    assert dialog.result_title.text() == "Approved"


def test_amount_is_validated_as_typed(qtbot, window, shop):
    refresh(qtbot, window)
    page = open_customer(qtbot, window, "ada", "Ada Lovelace")
    dialog = open_charge_dialog(qtbot, page, "4242")
    assert not dialog.charge_button.isEnabled()
    assert dialog.amount_error.text() == ""

    cases = {
        "0": "more than zero",
        "12.345": "at most 2 decimal places",
        "abc": "is not an amount",
        "0.20": "minimum charge in USD is $0.50",
        "1000000": "maximum charge in USD is $999,999.99",
    }
    for typed, words in cases.items():
        dialog.amount_edit.clear()
        qtbot.keyClicks(dialog.amount_edit, typed)
        assert words in dialog.amount_error.text(), (typed, dialog.amount_error.text())
        assert dialog.amount_error.isVisible()
        assert not dialog.charge_button.isEnabled()
        # Enter with an invalid amount charges nothing.
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
        assert dialog.stack.currentIndex() == 0 and not dialog.busy

    dialog.amount_edit.clear()
    qtbot.keyClicks(dialog.amount_edit, "1,234.5")
    assert dialog.amount_error.text() == ""
    assert dialog.charge_button.isEnabled()
    assert dialog.charge_button.text() == "Charge $1,234.50"
    assert sandbox_intents(shop) == 0


def sandbox_intents(shop: Any) -> int:
    return len(shop.client.v1.payment_intents.list({"limit": 100}).data)


def test_keyboard_alone_goes_from_search_to_charge(qtbot, window, shop):
    # The cashier never touches the mouse: Enter on a search result hands the keyboard to the
    # saved cards, and the next Enter opens the charge for the selected card. The window is
    # not activated here, as when another window is raised: focus must still move.
    assert refresh(qtbot, window) >= 3
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other, timeout=5000)
    page = open_customer(qtbot, window, "ada", "Ada Lovelace")
    qtbot.waitUntil(lambda: window.focusWidget() is page.card_table, timeout=5000)
    assert page.selected_card() is not None

    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    dialog = page.charge_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.amount_edit is dialog.focusWidget()
