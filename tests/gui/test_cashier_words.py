"""Outcomes in a cashier's words on the real screens: an unreachable Stripe at a charge, the
status bar's one connectivity state, the key check offline, the settings dialog after a
validation error, and the spelling."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from posdesk.domain.money import Money
from posdesk.domain.outcomes import ChargeOutcome, OutcomeKind, decline_wording
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import Role
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.payments.charge_dialog import ChargeDialog
from posdesk.gui.settings.settings_dialog import SettingsDialog
from posdesk.store.payments import PaymentRepository
from tests.gui.conftest import make_context
from tests.gui.test_sync_live import TIMEOUT_MS, live_window  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"  # closed again: nothing listens


@pytest.fixture
def runner(qapp: Any) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait_for_done(10_000)


def use_api(context: Any, api_base: str, secret_key: str) -> None:
    context.api_base = api_base
    context.reconfigure(secret_key, None)


# --- a charge with Stripe unreachable ----------------------------------------------------------


def test_a_refused_connection_shows_cant_be_reached_nothing_charged_and_retries_fresh(
    qtbot, gui_app, gui_context, runner, shop, sandbox, secret_key
) -> None:
    page = gui_context.customers.customer_page(gui_context.staff, shop.customer_id)
    card = next(c for c in page.cards if c.last4 == "4242")
    use_api(gui_context, closed_port_url(), secret_key)  # nothing listening
    dialog = ChargeDialog(gui_context, runner, page.customer, card)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.amount_edit, "42.50")
    with qtbot.waitSignal(dialog.result_ready, timeout=TIMEOUT_MS) as blocker:
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    view = blocker.args[0]

    assert not view.settling  # the request never left: nothing to check with Stripe
    assert dialog.result_title.text() == "Stripe can't be reached"
    assert dialog.result_amount.text() == "$42.50 not charged"
    assert "nothing was charged" in dialog.result_body.text()
    assert dialog.result_next_step.text().startswith("Try again")
    assert dialog.retry_button.isVisible() and dialog.retry_button.text() == "Try again"
    assert dialog.done_button.text() == "Done  (Enter)"
    qtbot.wait(1200)
    assert dialog.settle_label.text() == ""  # no countdown to a check
    [record] = PaymentRepository(gui_context.store).list_recent()
    assert record.state == PaymentState.FAILED

    use_api(gui_context, sandbox.base_url, secret_key)  # back online: a fresh payment
    with qtbot.waitSignal(dialog.result_ready, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    assert dialog.result_title.text() == "Approved"
    states = sorted(p.state for p in PaymentRepository(gui_context.store).list_recent())
    assert states == [PaymentState.FAILED, PaymentState.SUCCEEDED]
    assert sandbox.count("payment_intent") == 1


def test_a_decline_code_without_words_of_its_own_is_named_on_a_details_line(
    qtbot, gui_app, gui_context, runner, shop
) -> None:
    page = gui_context.customers.customer_page(gui_context.staff, shop.customer_id)
    dialog = ChargeDialog(gui_context, runner, page.customer, page.cards[0])
    qtbot.addWidget(dialog)
    dialog.show()
    amount = Money(4250, "USD")
    details = dialog.result_panel.details

    dialog._show(dialog.view_for(ChargeOutcome.of(
        OutcomeKind.DECLINED, code="card_declined", decline_code="brand_new_decline"), amount))
    assert dialog.result_body.text() == "The card was declined."
    assert details.isVisible() and details.text() == "Stripe code: brand_new_decline"

    known = decline_wording("card_declined", "insufficient_funds")
    dialog._show(dialog.view_for(ChargeOutcome.of(
        OutcomeKind.DECLINED, reason=known.reason, next_step=known.next_step,
        code="card_declined", decline_code="insufficient_funds"), amount))
    assert "insufficient funds" in dialog.result_body.text()
    assert not details.isVisible()


# --- the status bar --------------------------------------------------------------------------


def test_the_status_bar_shows_one_connectivity_state(
    qtbot: Any, live_window: Any, sandbox: Any  # noqa: F811
) -> None:
    win = live_window
    connection, sync = win.connection_label, win.sync_status
    disagreements: list[tuple[str, str]] = []

    def check(_status: Any) -> None:  # after the window's own handling of each status
        unreachable = "unreachable" in sync.text() or "not accepted" in sync.text()
        if unreachable == connection.text().startswith("Stripe: connected"):
            disagreements.append((connection.text(), sync.text()))

    win.sync_bridge.status_changed.connect(check)
    qtbot.waitUntil(lambda: connection.text() == "Stripe: connected (test mode)",
                    timeout=TIMEOUT_MS)

    sandbox.fail_next(3, 503, path_prefix="/v1/events")  # Stripe out of reach for a while
    qtbot.waitUntil(lambda: sync.text().startswith("Sync: Stripe unreachable"),
                    timeout=TIMEOUT_MS)
    assert connection.text() == "Stripe: unreachable"
    assert connection.property("state") == "unreachable"

    qtbot.waitUntil(lambda: sync.text().startswith("Sync: polling"), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: connection.text() == "Stripe: connected (test mode)",
                    timeout=TIMEOUT_MS)
    assert disagreements == []


# --- settings ------------------------------------------------------------------------------------


def open_settings(qtbot: Any, context: Any, runner: TaskRunner) -> SettingsDialog:
    dialog = SettingsDialog(context, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def check_key(qtbot: Any, dialog: SettingsDialog, key: str) -> str:
    dialog.secret_edit.setText(key)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message_label.text() != "",
                    timeout=TIMEOUT_MS)
    return dialog.message_label.text()


def test_offline_the_key_check_says_stripe_cant_be_reached_not_rejected(
    qtbot, gui_app, gui_context, runner, sandbox
) -> None:
    gui_context.api_base = closed_port_url()
    dialog = open_settings(qtbot, gui_context, runner)
    text = check_key(qtbot, dialog, "sk_test_" + "a" * 24)
    assert "can't be reached" in text and "Nothing was saved" in text
    assert "did not accept" not in text and "charged" not in text
    assert dialog.isVisible()

    gui_context.api_base = sandbox.base_url
    text = check_key(qtbot, dialog, "sk_live_" + "b" * 24)  # the sandbox rejects live keys
    assert text.startswith("Stripe did not accept this key")
    assert "can't be reached" not in text


def assert_laid_out(widgets: list[QWidget]) -> None:
    """Each widget at least as tall as it asks to be, and none over the next."""
    for widget in widgets:
        assert widget.height() >= widget.sizeHint().height(), widget.objectName()
    tops = [w.mapTo(w.window(), w.rect().topLeft()).y() for w in widgets]
    bottoms = [top + w.height() for top, w in zip(tops, widgets, strict=True)]
    for bottom, next_top in zip(bottoms, tops[1:], strict=False):
        assert bottom <= next_top


def test_first_run_settings_keep_their_fields_apart_after_a_validation_error(
    qtbot, gui_app, tmp_store, data_dir, runner, sandbox
) -> None:
    context = make_context(data_dir=data_dir, store=tmp_store, api_base=sandbox.base_url,
                           secret_key=None, role=Role.MANAGER)
    dialog = open_settings(qtbot, context, runner)
    fields = [dialog.secret_edit, dialog.publishable_edit, dialog.webhook_edit,
              dialog.recollect_cvc_check, dialog.sync_webhooks_check, dialog.relay_host_edit,
              dialog.relay_port_spin]
    assert_laid_out(fields)
    assert not dialog.message_label.isVisible()

    dialog.secret_edit.setText("sk_nope")
    dialog.publishable_edit.setText("pk_bad")
    dialog.webhook_edit.setText("whsec")
    dialog.relay_host_edit.setText("shop-pc.local")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    message = dialog.message_label
    assert message.isVisible() and message.text().count("\n") == 3  # four problems
    qtbot.wait(50)
    assert_laid_out(fields)
    assert message.height() >= message.heightForWidth(message.width())  # no line cut off
    tabs_bottom = dialog.tabs.geometry().bottom()
    assert tabs_bottom < message.geometry().top()
    assert message.geometry().bottom() < dialog.buttons.geometry().top()
    assert dialog.buttons.geometry().bottom() <= dialog.height()


# --- one spelling ---------------------------------------------------------------------------------

BRITISH = re.compile(r"\b(authoris\w*|cancell(ed|ing)|colour\w*|behaviour\w*|favour\w*)\b",
                     re.IGNORECASE)


def test_user_visible_text_is_in_american_english() -> None:
    """Stripe's own terms are American (canceled, authorized): PosDesk's words match them.
    Checks the strings the GUI translates and the outcome wording, not comments."""
    found: list[str] = []
    for path in sorted((ROOT / "src" / "posdesk" / "gui").rglob("*.py")) + [
        ROOT / "src" / "posdesk" / "domain" / "outcomes.py",
        ROOT / "src" / "posdesk" / "card_page" / "static" / "checkout.js",
        ROOT / "src" / "posdesk" / "card_page" / "static" / "checkout.html",
    ]:
        for literal in re.findall(r'"([^"\n]*)"', path.read_text(encoding="utf-8")):
            if BRITISH.search(literal):
                found.append(f"{path.name}: {literal}")
    ts = (ROOT / "resources" / "i18n" / "posdesk_zh_CN.ts").read_text(encoding="utf-8")
    found += [f"posdesk_zh_CN.ts: {s}" for s in re.findall(r"<source>(.*?)</source>", ts)
              if BRITISH.search(s)]
    assert found == []
