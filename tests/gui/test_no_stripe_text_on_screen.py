"""No text Stripe wrote ever reaches a screen: the charge dialog, the card-entry dialog (its
widgets and the checkout page's visible text) and the settings key check are driven through
Stripe's errors from the sandbox (declines, a failed 3D Secure challenge, an invalid request,
a rate limit, a server error, a lost answer, an unreachable Stripe, a rejected key) while every
text set on a widget is recorded. Stripe's side is recorded too: every `error.message` the
sandbox sent, every message stripe-python raised, and the Stripe.js stand-in's own texts. No
shown text may contain one of them, or a developer's word."""

from __future__ import annotations

import dataclasses
import json
import re
import socket
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest
import stripe
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from posdesk.domain.money import Money
from posdesk.gateway import errors as gateway_errors
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.payments.card_entry_dialog import MODE_AUTHENTICATE
from posdesk.gui.payments.charge_dialog import ChargeDialog
from posdesk.gui.settings.settings_dialog import SettingsDialog
from posdesk.sandbox import server as sandbox_server
from tests.gui.card_entry_support import (
    WAIT_MS,
    challenge,
    js,
    open_dialog,
    press_pay,
    type_card,
    wait_ready,
    with_publishable_key,
)

pytestmark = pytest.mark.gui

# Words of an API reference, not of a shop. Whole words only: a Stripe code on a details
# line ("Stripe code: parameter_invalid_integer") is there on purpose.
DEVELOPER_WORDS = re.compile(
    r"\b(PaymentMethod|PaymentIntent|SetupIntent|payment_method_data|payment_method|"
    r"client_secret|parameters?|API|api_key|endpoint|HTTP|null|undefined|Exception|"
    r"Traceback)\b"
)
# Pieces of a message shorter than this are too common to mean it was quoted.
MIN_FRAGMENT = 18


class StripeTexts:
    """Everything Stripe (or its stand-ins) said during the test, in its own words."""

    def __init__(self) -> None:
        self.messages: set[str] = set()

    def add(self, message: object) -> None:
        if isinstance(message, str) and message.strip():
            self.messages.add(message.strip())

    def fragments(self) -> set[str]:
        """Each message, and each of its sentences and lines long enough to recognize."""
        found: set[str] = set()
        for message in self.messages:
            for piece in [message, *re.split(r"(?<=[.!?:])\s+|\n+", message)]:
                piece = piece.strip()
                if len(piece) >= MIN_FRAGMENT:
                    found.add(piece)
        return found


class ShownTexts:
    """Every text set on a widget (by PosDesk's Python code) and every text on a visible
    widget at each look, plus the checkout page's visible text."""

    def __init__(self) -> None:
        self.texts: list[tuple[str, str]] = []  # (where, text)
        # What a screen says before any error (its labels, the settings' help text): the
        # developer-word check looks only at what came after.
        self.static: set[str] = set()

    def opened(self) -> None:
        """A screen just opened and nothing has gone wrong on it yet."""
        self.look()
        self.static.update(text for _where, text in self.texts)

    def add(self, where: str, text: object) -> None:
        if isinstance(text, str) and text.strip():
            self.texts.append((where, text))

    def look(self) -> None:
        for top in QApplication.topLevelWidgets():
            if not top.isVisible():
                continue
            self.add(type(top).__name__ + ".windowTitle", top.windowTitle())
            for widget in [top, *top.findChildren(QWidget)]:
                if not widget.isVisible():
                    continue
                name = type(widget).__name__
                self.add(name + ".toolTip", widget.toolTip())
                typed_secret = isinstance(widget, QLineEdit) and (
                    widget.echoMode() != QLineEdit.EchoMode.Normal)
                if isinstance(widget, QLabel | QAbstractButton | QLineEdit) and not typed_secret:
                    self.add(name, widget.text())
                elif isinstance(widget, QGroupBox):
                    self.add(name, widget.title())
                elif isinstance(widget, QTabWidget):
                    for i in range(widget.count()):
                        self.add(name, widget.tabText(i))


@pytest.fixture
def stripe_texts(monkeypatch: pytest.MonkeyPatch) -> StripeTexts:
    texts = StripeTexts()

    # Every error the sandbox answers with, to the gateway and to the page's Stripe.js.
    send_raw = sandbox_server._Handler.send_raw

    def recording_send_raw(self: Any, status: int, payload: bytes, *args: Any,
                           **kwargs: Any) -> None:
        try:
            body = json.loads(payload or b"null")
        except ValueError:
            body = None
        # An error answer, or an intent carrying its last error (a failed 3D Secure
        # challenge reaches Stripe.js that way).
        for key in ("error", "last_payment_error", "last_setup_error"):
            if isinstance(body, dict) and isinstance(body.get(key), dict):
                texts.add(body[key].get("message"))
        send_raw(self, status, payload, *args, **kwargs)

    monkeypatch.setattr(sandbox_server._Handler, "send_raw", recording_send_raw)

    # Every exception stripe-python raised to the gateway (connection errors included).
    log = gateway_errors._log

    def recording_log(exc: stripe.StripeError, what: str) -> None:
        texts.add(str(exc))
        texts.add(exc.user_message)
        log(exc, what)

    monkeypatch.setattr(gateway_errors, "_log", recording_log)

    # The Stripe.js stand-in's own messages (it answers some errors without the server).
    static = resources.files("posdesk.sandbox") / "static"
    for name in ("stripe.js", "frame.js"):
        source = (static / name).read_text(encoding="utf-8")
        for found in re.finditer(r'(?:message:\s*|integrationError\(\s*)"([^"]+)"', source):
            texts.add(found.group(1))
    return texts


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> ShownTexts:
    shown = ShownTexts()

    def recorder(cls: type, method: str) -> None:
        original = getattr(cls, method)

        def record(self: Any, text: Any, *args: Any) -> Any:
            shown.add(f"{type(self).__name__}.{method}", text)
            return original(self, text, *args)

        monkeypatch.setattr(cls, method, record)

    for cls, method in ((QLabel, "setText"), (QAbstractButton, "setText"),
                        (QLineEdit, "setPlaceholderText"), (QWidget, "setToolTip"),
                        (QWidget, "setWindowTitle")):
        recorder(cls, method)
    return shown


@pytest.fixture
def context(gui_app: Any, gui_context: Any, secret_key: str) -> Iterator[Any]:
    context = with_publishable_key(gui_context, secret_key)
    yield context
    context.close()


@pytest.fixture
def runner(qapp: Any) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait_for_done(10_000)


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def use_api(context: Any, api_base: str, secret_key: str) -> None:
    publishable = context.card_entry.publishable_key
    context.api_base = api_base
    context.reconfigure(secret_key, publishable)


def page_text(qtbot: Any, dialog: Any) -> str:
    """What the checkout page itself shows (its main frame; the card fields inside are
    Stripe's own element, which speaks to the customer in Stripe's words by design)."""
    return str(js(qtbot, dialog, "document.body.innerText"))


def charge_through(qtbot: Any, context: Any, runner: TaskRunner, shown: ShownTexts,
                   customer: Any, card: Any, *, wait_settled: bool = True) -> Any:
    dialog = ChargeDialog(context, runner, customer, card)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.amount_edit.setText("42.50")
    shown.opened()
    with qtbot.waitSignal(dialog.result_ready, timeout=WAIT_MS) as blocker:
        dialog.charge()
    view = blocker.args[0]
    shown.look()
    if wait_settled and view.settling:
        qtbot.waitUntil(lambda: dialog.view is not None and not dialog.view.settling,
                        timeout=WAIT_MS)
        shown.look()
    dialog.close()
    return view


def card_entry_failure(qtbot: Any, context: Any, runner: TaskRunner, shown: ShownTexts,
                       customer: Any, number: str, *, fail_challenge: bool) -> str:
    dialog = open_dialog(qtbot, context, customer, runner=runner)
    dialog.amount_edit.setText("20.00")
    dialog.pay_button.click()
    wait_ready(qtbot, dialog)
    shown.opened()
    shown.static.add(page_text(qtbot, dialog))
    type_card(qtbot, dialog, number)
    press_pay(qtbot, dialog)
    if fail_challenge:
        challenge(qtbot, dialog, "fail")
    qtbot.waitUntil(lambda: dialog.message_label.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: js(qtbot, dialog, "!document.getElementById('message').hidden"),
                    timeout=WAIT_MS)  # the page's own message box shows too
    shown.look()
    text = page_text(qtbot, dialog)
    shown.add("checkout page", text)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        dialog.reject()
    return text


def key_check(qtbot: Any, context: Any, runner: TaskRunner, shown: ShownTexts,
              key: str) -> str:
    dialog = SettingsDialog(context, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    shown.opened()
    dialog.secret_edit.setText(key)
    dialog.check_and_save()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message_label.text() != "",
                    timeout=WAIT_MS)
    shown.look()
    text = dialog.message_label.text()
    dialog.close()
    return text


def test_no_stripe_message_reaches_a_widget(
    qtbot, context, runner, shop, sandbox, secret_key, stripe_texts, shown
) -> None:
    page = context.customers.customer_page(context.staff, shop.customer_id)
    customer = page.customer
    cards = {card.last4: card for card in page.cards}

    # The saved-card charge, through each kind of answer Stripe can give.
    assert charge_through(qtbot, context, runner, shown, customer, cards["9995"]).title == (
        "Declined")
    assert charge_through(qtbot, context, runner, shown, customer, cards["3184"]).title == (
        "Customer must authenticate")
    missing = dataclasses.replace(cards["4242"], id="pm_1NoSuchCardAtStripe")
    assert charge_through(qtbot, context, runner, shown, customer, missing).title == (
        "Payment not sent")  # Stripe: invalid request, "No such PaymentMethod: ..."
    sandbox.fail_next(1, status=429, path_prefix="/v1/payment_intents")
    assert charge_through(qtbot, context, runner, shown, customer, cards["4242"]).title == (
        "Stripe is busy")
    sandbox.fail_next(1, status=500, path_prefix="/v1/payment_intents")
    assert charge_through(qtbot, context, runner, shown, customer, cards["4242"],
                          wait_settled=False).settling
    sandbox.drop_after_processing(1, path_prefix="/v1/payment_intents")
    assert charge_through(qtbot, context, runner, shown, customer, cards["4242"],
                          wait_settled=False).settling
    use_api(context, closed_port_url(), secret_key)
    assert charge_through(qtbot, context, runner, shown, customer, cards["4242"]).title == (
        "Stripe can't be reached")

    # The settings key check: unreachable, then a key Stripe rejects.
    assert "can't be reached" in key_check(qtbot, context, runner, shown,
                                           "sk_test_" + "a" * 24)
    use_api(context, sandbox.base_url, secret_key)
    assert "did not accept" in key_check(qtbot, context, runner, shown, "sk_live_" + "b" * 24)

    # New cards at the counter: a decline and a failed 3D Secure challenge, in the page too.
    declined = card_entry_failure(qtbot, context, runner, shown, customer, "4000000000009995",
                                  fail_challenge=False)
    assert "declined" in declined
    failed = card_entry_failure(qtbot, context, runner, shown, customer, "4000000000003220",
                                fail_challenge=True)
    assert "did not confirm" in failed
    # ... and a saved card the customer's bank refuses to confirm at the counter.
    off_session = context.charges.charge_saved_card(context.staff, customer.id,
                                                    cards["3184"].id, Money(3000, "USD"))
    dialog = open_dialog(qtbot, context, customer, runner=runner, mode=MODE_AUTHENTICATE,
                         payment_id=off_session.payment_id)
    wait_ready(qtbot, dialog)
    shown.opened()
    shown.static.add(page_text(qtbot, dialog))
    press_pay(qtbot, dialog)
    challenge(qtbot, dialog, "fail")
    qtbot.waitUntil(lambda: dialog.message_label.isVisible(), timeout=WAIT_MS)
    shown.look()
    shown.add("checkout page", page_text(qtbot, dialog))
    assert "not confirmed" in dialog.checkout_header.text()
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        dialog.reject()

    # Stripe did say things, in its words: they must be nowhere on screen.
    fragments = stripe_texts.fragments()
    assert any("failed authentication" in f for f in fragments)
    assert any("insufficient funds" in f for f in fragments)
    assert any("No such" in f for f in fragments)
    assert any("Invalid API Key" in f for f in fragments)
    assert any("communicating with Stripe" in f for f in fragments)
    quoted = [(where, text, fragment) for where, text in shown.texts for fragment in fragments
              if fragment in text]
    assert quoted == []
    new = [(where, text) for where, text in shown.texts if text not in shown.static]
    jargon = [(where, text) for where, text in new if DEVELOPER_WORDS.search(text)]
    assert jargon == []
