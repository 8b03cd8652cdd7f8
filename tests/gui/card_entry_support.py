"""Driving the card-entry dialog's real web view against the sandbox's Stripe.js stand-in:
its test hooks fill the card frames and press the 3D Secure buttons from the main frame."""

from __future__ import annotations

import json
from typing import Any

from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.payments.card_entry_dialog import CardEntryDialog
from tests.conftest import TEST_PUBLISHABLE_KEY

WAIT_MS = 30_000


def with_publishable_key(context: Any, secret_key: str) -> Any:
    context.reconfigure(secret_key, TEST_PUBLISHABLE_KEY)
    return context


def customer_of(context: Any, customer_id: str) -> Any:
    return context.customers.customer_page(context.staff, customer_id).customer


def js(qtbot: Any, dialog: CardEntryDialog, code: str) -> Any:
    box: list[Any] = []
    assert dialog.checkout is not None
    dialog.checkout.run_js(code, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT_MS)
    return box[0]


def wait_js(qtbot: Any, dialog: CardEntryDialog, code: str) -> Any:
    found: list[Any] = []

    def check() -> bool:
        value = js(qtbot, dialog, code)
        if value:
            found.append(value)
        return bool(value)

    qtbot.waitUntil(check, timeout=WAIT_MS)
    return found[0]


def open_dialog(
    qtbot: Any, context: Any, customer: Any, *, runner: TaskRunner | None = None, **kwargs: Any
) -> CardEntryDialog:
    dialog = CardEntryDialog(context, runner or TaskRunner(), customer, record_traffic=True,
                             **kwargs)
    qtbot.addWidget(dialog)
    dialog.resize(760, 760)
    dialog.show()
    return dialog


def wait_ready(qtbot: Any, dialog: CardEntryDialog) -> None:
    qtbot.waitUntil(lambda: dialog.ready_at is not None, timeout=WAIT_MS)


def type_card(qtbot: Any, dialog: CardEntryDialog, number: str) -> None:
    card = {"number": number, "exp": "12/34", "cvc": "123", "postal": "12345"}
    assert js(qtbot, dialog, f"__sandboxStripe.autofill({json.dumps(card)})") >= 1


def press_pay(qtbot: Any, dialog: CardEntryDialog, save: bool = False) -> None:
    if save:
        js(qtbot, dialog, "document.getElementById('save-card').checked = true; true")
    js(qtbot, dialog, "document.getElementById('submit').click(); true")


def challenge(qtbot: Any, dialog: CardEntryDialog, action: str) -> None:
    wait_js(qtbot, dialog, "__sandboxStripe.challengeOpen()")
    assert js(qtbot, dialog, f"__sandboxStripe.challenge({json.dumps(action)})") is True


def wait_result(qtbot: Any, dialog: CardEntryDialog) -> Any:
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=WAIT_MS)
    return dialog.view


def states(dialog: CardEntryDialog) -> list[str]:
    return [r.state for r in dialog.reports]
