"""The card form works from the keyboard, in the real web view: the card field has the focus
as soon as the form shows, and Esc closes the dialog even while the cursor is in the form."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWidgets import QApplication, QWidget

from posdesk.domain.payment_state import PaymentState
from posdesk.store.payments import PaymentRepository
from tests.gui.card_entry_support import (
    WAIT_MS,
    customer_of,
    js,
    open_dialog,
    wait_ready,
    with_publishable_key,
)

# The sandbox's card frame tells the page (postMessage) when it gains focus and what it
# holds; the page's own code never sees the card, so the test listens the same way, from
# before the page's first script runs (nothing typed early can be missed).
LISTEN = """
window.__frameNews = [];
window.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.__sandboxStripe && data.event) {
    window.__frameNews.push({ event: data.event, empty: (data.payload || {}).empty });
  }
});
"""


@pytest.fixture
def context(gui_app: Any, gui_context: Any, secret_key: str) -> Any:
    context = with_publishable_key(gui_context, secret_key)
    yield context
    context.close()


@pytest.fixture
def customer(context: Any, shop: Any) -> Any:
    return customer_of(context, shop.customer_id)


def keyboard_widget(qtbot: Any, dialog: Any) -> QWidget:
    """Where the keys a cashier types go now: the focused widget, which must be the web view
    or the render widget inside it."""
    view = dialog.checkout

    def in_view() -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and (focused is view or view.isAncestorOf(focused))

    qtbot.waitUntil(in_view, timeout=WAIT_MS)
    return QApplication.focusWidget()


def listen_to_the_card_frame(dialog: Any, context: Any) -> None:
    view = dialog._ensure_view(context.checkout_server())  # the view the page will load in
    script = QWebEngineScript()
    script.setName("test-frame-news")
    script.setSourceCode(LISTEN)
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
    view.checkout_page.scripts().insert(script)


def open_card_form(qtbot: Any, context: Any, customer: Any) -> Any:
    dialog = open_dialog(qtbot, context, customer)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    listen_to_the_card_frame(dialog, context)
    dialog.amount_edit.setText("20.00")
    dialog.pay_button.click()
    wait_ready(qtbot, dialog)
    return dialog


def frame_news(qtbot: Any, dialog: Any) -> list[dict[str, Any]]:
    return json.loads(js(qtbot, dialog, "JSON.stringify(window.__frameNews)"))


def test_digits_typed_as_the_form_appears_land_in_the_card_field(
    qtbot, context, customer
) -> None:
    dialog = open_card_form(qtbot, context, customer)
    # At once: no click, no Tab, no waiting for anything but the "ready" the dialog shows.
    qtbot.keyClicks(QApplication.focusWidget(), "4242")
    assert keyboard_widget(qtbot, dialog) is QApplication.focusWidget()

    def typed() -> bool:
        return any(n["event"] == "change" and n.get("empty") is False
                   for n in frame_news(qtbot, dialog))

    qtbot.waitUntil(typed, timeout=WAIT_MS)
    events = [n["event"] for n in frame_news(qtbot, dialog)]
    assert "focus" in events and events.index("focus") < events.index("change")


def test_esc_closes_the_dialog_while_the_card_field_has_the_focus(
    qtbot, context, customer
) -> None:
    dialog = open_card_form(qtbot, context, customer)
    target = keyboard_widget(qtbot, dialog)
    qtbot.keyClicks(target, "42")
    qtbot.waitUntil(lambda: any(n["event"] == "change" for n in frame_news(qtbot, dialog)),
                    timeout=WAIT_MS)  # the cursor is in the card form
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(keyboard_widget(qtbot, dialog), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    # Closing asked Stripe first and canceled the open intent: nobody can confirm it later.
    [record] = PaymentRepository(context.store).list_recent()
    assert record.state == PaymentState.CANCELED
