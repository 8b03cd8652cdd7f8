"""The customer page's "Make default": when it can act, that it works off the GUI thread, and
how a refusal or a Stripe failure reads on the page. Real widgets against the sandbox; the
demo is then driven with the keyboard alone, from search to a charge on the new default."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from posdesk.domain import roles
from posdesk.domain.roles import Permission, Role
from posdesk.gui.shell.main_window import MainWindow
from posdesk.sandbox.server import SandboxServer
from tests.gui.conftest import make_context
from tests.gui.keyboard_support import CTRL, focused, press, wait_active, wait_focus
from tests.gui.test_charge_flow import RESULT_TIMEOUT_MS, open_customer, refresh

pytestmark = pytest.mark.gui


def row_of(page: Any, last4: str) -> int:
    model = page.card_model
    return next(r for r in range(model.rowCount()) if model.card_at(r).last4 == last4)


def stripe_default(shop: Any) -> str | None:
    return shop.client.v1.customers.retrieve(shop.customer_id).invoice_settings \
        .default_payment_method


def test_make_default_acts_only_on_a_selected_card_that_is_not_the_default(
    qtbot, window, shop
):
    refresh(qtbot, window)
    page = open_customer(qtbot, window, "ada", "Ada Lovelace")
    assert "(Ctrl+D)" in page.make_default_button.toolTip()
    assert "(Del)" in page.remove_button.toolTip()
    assert "(Ctrl+Shift+N)" in page.new_card_button.toolTip()
    assert "(Enter)" in page.charge_button.toolTip()

    page.card_table.selectRow(row_of(page, "4242"))
    assert page.make_default_button.isEnabled() and page.make_default_action.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=RESULT_TIMEOUT_MS):
        page.make_default_button.click()
        # Stripe is asked on a worker: the page says so and the button waits meanwhile.
        assert not page.make_default_button.isEnabled()
        assert page.cards_hint.text() == "Making Visa •••• 4242 the default card…"
    assert stripe_default(shop) == shop.card_ids["4242"]
    model = page.card_model
    marks = [model.data(model.index(r, model.DEFAULT)) for r in range(model.rowCount())]
    assert marks[row_of(page, "4242")] == "★ Default" and marks.count("★ Default") == 1
    assert model.data(model.index(row_of(page, "4242"), model.DEFAULT),
                      Qt.ItemDataRole.AccessibleTextRole) == "Default card"
    # The default card is selected: nothing to make default.
    assert page.selected_card().last4 == "4242"
    assert not page.make_default_button.isEnabled() and not page.make_default_action.isEnabled()
    page.card_table.selectRow(row_of(page, "9995"))
    assert page.make_default_button.isEnabled()


@pytest.mark.parametrize("staff_role", [Role.CASHIER])
def test_a_refused_change_is_said_on_the_page(qtbot, window, shop, monkeypatch):
    # Every role may edit customers today; a shop that takes it from cashiers sees this.
    monkeypatch.setitem(
        roles.ROLE_PERMISSIONS, Role.CASHIER,
        roles.ROLE_PERMISSIONS[Role.CASHIER] - {Permission.EDIT_CUSTOMERS},
    )
    refresh(qtbot, window)
    page = open_customer(qtbot, window, "ada", "Ada Lovelace")
    page.card_table.selectRow(row_of(page, "4242"))
    page.make_default_button.click()
    qtbot.waitUntil(lambda: "not allowed to change the default card" in page.cards_hint.text(),
                    timeout=RESULT_TIMEOUT_MS)
    assert page.make_default_button.isEnabled()  # it can be tried again by someone allowed
    assert stripe_default(shop) is None


def test_a_stripe_failure_is_said_on_the_page_and_changes_nothing(qtbot, window, shop, sandbox):
    refresh(qtbot, window)
    page = open_customer(qtbot, window, "ada", "Ada Lovelace")
    page.card_table.selectRow(row_of(page, "4242"))
    sandbox.fail_next(1, status=500, path_prefix=f"/v1/customers/{shop.customer_id}")
    page.make_default_button.click()
    qtbot.waitUntil(
        lambda: page.cards_hint.text().startswith("The default card could not be changed:"),
        timeout=RESULT_TIMEOUT_MS,
    )
    assert page.make_default_button.isEnabled()
    assert not any(c.is_default for c in page.page.cards)
    assert stripe_default(shop) is None


def test_moving_on_while_stripe_answers_leaves_the_next_customer_alone(
    qtbot, window, shop, sandbox, gui_context
):
    refresh(qtbot, window)
    page = open_customer(qtbot, window, "ada", "Ada Lovelace")
    page.card_table.selectRow(row_of(page, "4242"))
    adam = next(c for c in shop.client.v1.customers.list().data if c.name == "Adam Smith")
    sandbox.hold(1.0, path_prefix=f"/v1/customers/{shop.customer_id}")
    page.make_default_button.click()
    with qtbot.waitSignal(page.loaded, timeout=RESULT_TIMEOUT_MS):
        window.open_customer(adam.id)
    qtbot.waitUntil(lambda: stripe_default(shop) == shop.card_ids["4242"],
                    timeout=RESULT_TIMEOUT_MS)
    qtbot.waitUntil(lambda: not page._setting_default, timeout=RESULT_TIMEOUT_MS)
    assert page.name_label.text() == "Adam Smith"
    assert "4242" not in page.cards_hint.text()  # Ada's news is not told on Adam's page
    cached = gui_context.customers.customers.get(shop.customer_id)
    assert cached.default_payment_method == shop.card_ids["4242"]


# --- the demo, by keyboard alone ------------------------------------------------------------


@pytest.fixture
def demo_sandbox() -> Iterator[SandboxServer]:
    server = SandboxServer(host="127.0.0.1", port=0, seed="demo")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def demo_window(
    qtbot: Any, gui_app: Any, demo_sandbox: SandboxServer, tmp_store: Any, data_dir: Path,
    secret_key: str,
) -> Iterator[MainWindow]:
    context = make_context(data_dir=data_dir, store=tmp_store, api_base=demo_sandbox.base_url,
                           secret_key=secret_key, role=Role.CASHIER)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def expired_default_customer(server: SandboxServer) -> tuple[dict[str, Any], str]:
    """A seeded customer whose default card has expired and who has a card that has not:
    the case a cashier could not fix before "Make default"."""
    state = server.state
    with state.lock:
        cards_of: dict[str, list[dict[str, Any]]] = {}
        for pm in state.newest_first("payment_method"):
            if pm.get("customer"):
                cards_of.setdefault(pm["customer"], []).append(pm)
        for customer in state.newest_first("customer"):
            default = customer["invoice_settings"]["default_payment_method"]
            cards = {pm["id"]: pm["card"] for pm in cards_of.get(customer["id"], [])}
            if default not in cards or not _expired(cards[default]):
                continue
            usable = [pm_id for pm_id, card in cards.items() if not _expired(card)]
            if usable:
                return customer, usable[0]
    raise AssertionError("the demo seed has no customer with an expired default card")


def _expired(card: dict[str, Any]) -> bool:
    from datetime import date

    today = date.today()
    return (card["exp_year"], card["exp_month"]) < (today.year, today.month)


def test_the_demo_by_keyboard_alone_fixes_an_expired_default_and_charges(
    qtbot, demo_window, demo_sandbox
):
    window = demo_window
    customer, usable = expired_default_customer(demo_sandbox)
    refresh(qtbot, window)
    window.activateWindow()
    wait_active(qtbot, window)

    # Ctrl+K, the customer's email, Enter: the page opens with the keyboard on the cards.
    page = window.customer_page
    press(qtbot, Qt.Key.Key_K, CTRL)
    qtbot.keyClicks(focused(), customer["email"])
    qtbot.waitUntil(lambda: not window.search.busy and window.search.model.rowCount() == 1,
                    timeout=5000)
    with qtbot.waitSignal(page.loaded, timeout=RESULT_TIMEOUT_MS):
        press(qtbot, Qt.Key.Key_Return)
    wait_focus(qtbot, page.card_table)
    default = next(c for c in page.page.cards if c.is_default)
    assert default.expired  # "★ Default" on a card that cannot be charged

    # Down/Up to a usable card, Ctrl+D: it becomes the default, at Stripe too.
    for _ in range(page.card_model.rowCount()):
        if page.selected_card().id == usable:
            break
        press(qtbot, Qt.Key.Key_Down)
    assert page.selected_card().id == usable
    press(qtbot, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: page.page.cards and next(
        c for c in page.page.cards if c.id == usable).is_default, timeout=RESULT_TIMEOUT_MS)
    with demo_sandbox.state.lock:
        stored = demo_sandbox.state.get("customer", customer["id"])
        assert stored["invoice_settings"]["default_payment_method"] == usable

    # Enter charges it, Enter confirms, Enter closes the result.
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.charge_dialog is not None, timeout=2000)
    dialog = page.charge_dialog
    wait_active(qtbot, dialog)
    qtbot.keyClicks(focused(), "19.99")
    with qtbot.waitSignal(dialog.result_ready, timeout=RESULT_TIMEOUT_MS):
        press(qtbot, Qt.Key.Key_Return)
    assert dialog.result_title.text() == "Approved"
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        press(qtbot, Qt.Key.Key_Return)
