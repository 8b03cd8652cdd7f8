"""Save PNGs of the main screens and every charge result against a seeded demo sandbox.

    python scripts/screenshots.py --out ./screenshots
    python scripts/screenshots.py --out ./screenshots --sign-in-only   # the sign-in screens
    python scripts/screenshots.py --out ./screenshots-dark --dark      # the dark scheme

The window starts at the sign-in page, as the app does: the demo's manager signs in (after
the sign-in screens are pictured) before anything else.

Runs offscreen; nothing touches the user's data (a throwaway directory, in-memory keys).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")  # Chromium refuses root otherwise

from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from posdesk.app_context import build_context  # noqa: E402
from posdesk.demo import DEMO_STAFF, seed_demo_staff  # noqa: E402
from posdesk.domain.money import Money  # noqa: E402
from posdesk.domain.outcomes import (  # noqa: E402
    NEXT_STEP_NEW_PAYMENT,
    NEXT_STEP_REFRESH_OTHER_CARD,
    REASON_CARD_NOT_USABLE,
    REASON_SERVER_ERROR_NOT_CHARGED,
    ChargeOutcome,
    OutcomeKind,
)
from posdesk.domain.roles import Permission, PermissionDenied, Role, StaffMember  # noqa: E402
from posdesk.gui.app import prepare_application  # noqa: E402
from posdesk.gui.common.theme import Scheme, apply_scheme, force_scheme  # noqa: E402
from posdesk.gui.shell.main_window import MainWindow  # noqa: E402
from posdesk.sandbox.server import SandboxServer  # noqa: E402
from posdesk.services.secret_store import (  # noqa: E402
    STRIPE_PUBLISHABLE_KEY,
    STRIPE_SECRET_KEY,
    SecretStore,
)


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.2) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, out: Path, name: str) -> Path:
    settle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)
    return path


def badge_customer(context: Any) -> str | None:
    """A seeded customer whose cards show the expiry badges, to picture them."""
    for letter in "aeiou":
        for customer in context.customers.search(context.staff, letter, limit=50):
            page = context.customers.customer_page(context.staff, customer.id)
            if len(page.cards) >= 2 and any(c.expired or c.expires_soon for c in page.cards):
                return customer.id
    return None


def add_ada(context: Any, server: SandboxServer) -> str:
    """A customer with the three cards whose results the screenshots show."""
    import stripe

    key = context.secrets.get(STRIPE_SECRET_KEY)
    client = stripe.StripeClient(key, base_addresses={"api": server.base_url})
    customer = client.v1.customers.create(
        {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "+44 20 7946 0001"}
    )
    for pm in ("pm_card_visa", "pm_card_chargeDeclinedInsufficientFunds",
               "pm_card_authenticationRequired"):
        try:
            client.v1.payment_methods.attach(pm, {"customer": customer.id})
        except stripe.CardError as exc:
            # Stripe will not save a card that declines today; picture one saved earlier.
            pm_id = exc.json_body["error"]["payment_method"]["id"]
            with server.state.lock:
                server.state.get("payment_method", pm_id)["customer"] = customer.id
    return customer.id


def add_other_terminals(context: Any) -> None:
    """Two more terminals of the store for the Settings list: one live, one offline."""
    from datetime import UTC, datetime, timedelta

    from posdesk.store.models import TerminalRecord
    from posdesk.store.terminals import TerminalRepository

    now = datetime.now(UTC)
    repo = TerminalRepository(context.store)
    for name, host, seen in (("Back office", "office-pc", now - timedelta(seconds=3)),
                             ("Till 2", "till-2", now - timedelta(minutes=42))):
        repo.register(TerminalRecord(
            id=str(uuid.uuid5(uuid.NAMESPACE_DNS, host)), name=name, host=host,
            version="0.1.0", pid=1000, started_at=seen, last_seen=seen,
        ))


def make_default_screenshots(window: MainWindow, out: Path) -> None:
    """A customer whose default card has expired: the keyboard on "Make default" with a
    usable card selected, then that card as the default."""
    page = window.customer_page
    model = page.card_model
    cards = [model.card_at(row) for row in range(model.rowCount())]
    row = next((r for r, c in enumerate(cards) if not c.expired and not c.is_default), None)
    if row is None:
        return
    window.activateWindow()
    page.card_table.selectRow(row)
    page.make_default_button.setFocus()
    save(window, out, "02-customer-page-make-default")
    card_id = cards[row].id
    page.make_default_card()
    wait_until(lambda: page.page is not None
               and any(c.id == card_id and c.is_default for c in page.page.cards))
    save(window, out, "02-customer-page-default-changed")


def closed_port_url() -> str:
    """An address where nothing listens: Stripe unreachable, the connection refused."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def use_api(context: Any, api_base: str) -> None:
    context.api_base = api_base
    context.reconfigure(context.secrets.get(STRIPE_SECRET_KEY),
                        context.secrets.get(STRIPE_PUBLISHABLE_KEY))


def unreachable_screenshots(window: MainWindow, server: SandboxServer, out: Path) -> None:
    """Stripe out of reach: a charge refused before it left this computer, and the status
    bar while sync cannot reach Stripe (one connectivity state on both sides of the bar)."""
    context = window.backend
    use_api(context, closed_port_url())
    dialog = open_dialog(window, "4242", "42.50")
    dialog.charge()
    wait_until(lambda d=dialog: d.view is not None)
    save(dialog, out, "11-result-stripe-unreachable-refused")
    dialog.close()
    use_api(context, server.base_url)

    server.fail_next(3, status=503, path_prefix="/v1/events")
    # By state, not by words: the same wait holds in every UI language.
    wait_until(lambda: window.sync_status.property("state") == "error")
    save(window, out, "09-status-bar-unreachable")
    save(window.statusBar(), out, "09-status-bar-unreachable-detail")
    wait_until(lambda: window.connection_label.property("state") == "connected")
    save(window.statusBar(), out, "09-status-bar-connected-detail")


def settings_problem_screenshots(window: MainWindow, out: Path) -> None:
    """Settings after a validation error (every field wrong), and a key checked offline."""
    settings = window.open_settings()
    settings.secret_edit.setText("sk_nope")
    settings.publishable_edit.setText("pk_bad")
    settings.webhook_edit.setText("whsec")
    settings.relay_host_edit.setText("shop-pc.local")
    settings.check_and_save()
    save(settings, out, "07-settings-validation-error")
    settings.close()
    context = window.backend
    api_base = context.api_base
    context.api_base = closed_port_url()
    settings = window.open_settings()
    settings.secret_edit.setText("sk_test_" + secrets.token_hex(16))
    settings.check_and_save()
    wait_until(lambda: not settings.busy and settings.message_label.text() != "")
    save(settings, out, "07-settings-key-check-offline")
    settings.close()
    context.api_base = api_base


def open_dialog(window: MainWindow, last4: str, amount: str) -> Any:
    page = window.customer_page
    model = page.card_model
    row = next(i for i in range(model.rowCount()) if model.card_at(i).last4 == last4)
    page.card_table.selectRow(row)
    dialog = page.start_charge()
    dialog.amount_edit.setText(amount)
    dialog.description_edit.setText("Order 1042")
    settle()
    return dialog


def sign_in_by_keys(window: MainWindow, name: str, pin: str) -> None:
    """Choose `name` on the sign-in page and type the PIN as the keyboard would."""
    page = window.till.screen.sign_in_page
    wait_until(lambda: window.till.screen.loaded)
    if page.person is None or page.person.name != name:
        page.choose(next(a for a in page.accounts if a.name == name))
    page.pad.reset()
    for digit in pin:
        page.pad.type_digit(digit)
    page.pad.submit()


def first_manager_screenshot(out: Path) -> None:
    """A new store's first start (no keys yet either): its first manager, after a mismatch."""
    data_dir = Path(tempfile.mkdtemp(prefix="posdesk-shots-new-"))
    context = build_context(data_dir=data_dir, secrets=SecretStore.in_memory(),
                            database_url=f"sqlite:///{data_dir / 'posdesk.db'}")
    try:
        window = MainWindow(context)
        window.resize(1280, 800)
        window.show()
        wait_until(lambda: window.till.screen.loaded)
        page = window.till.screen.first_manager
        page.name_edit.setText("Morgan Manager")
        page.pin_edit.setText("2580")
        page.repeat_edit.setText("2589")
        page.create()
        save(window, out, "00-first-manager")
        window.close()
        QCoreApplication.processEvents()
    finally:
        context.close()
        shutil.rmtree(data_dir, ignore_errors=True)


def sign_in_screenshots(window: MainWindow, out: Path) -> None:
    """The sign-in page (people, PIN pad, wrong PINs and their wait), then the manager signs
    in; a customer opened and the till locked over it."""
    screen = window.till.screen
    wait_until(lambda: screen.loaded)
    page = screen.sign_in_page
    save(window, out, "00-sign-in-people")
    manager, _role, pin = DEMO_STAFF[0]
    page.choose(next(a for a in page.accounts if a.name == manager))
    for digit in pin[:3]:
        page.pad.type_digit(digit)
    save(window, out, "00-sign-in-pin")
    for _ in range(3):
        sign_in_by_keys(window, manager, "9517")
        wait_until(lambda: not page.pad.busy)
    for digit in pin:
        page.pad.type_digit(digit)
    settle(1.2)  # the wait counts down once
    save(window, out, "00-sign-in-wrong-pin-wait")
    wait_until(lambda: page.waiting_s == 0 and page.pad.ok_allowed, timeout=30)
    sign_in_by_keys(window, manager, pin)
    wait_until(lambda: not window.till.is_locked)


def locked_screenshot(window: MainWindow, customer_id: str, out: Path) -> None:
    """The till locked over an open customer: the PIN pad of the person whose work waits."""
    window.open_customer(customer_id)
    wait_until(lambda: window.customer_page.page is not None)
    window.till.lock_action.trigger()
    wait_until(lambda: window.till.screen.loaded)
    save(window, out, "00-locked")
    sign_in_by_keys(window, DEMO_STAFF[0][0], DEMO_STAFF[0][2])
    wait_until(lambda: not window.till.is_locked)
    save(window, out, "00-signed-in-again")


def run(out: Path, sign_in_only: bool = False, dark: bool = False) -> int:
    out.mkdir(parents=True, exist_ok=True)
    if dark:
        force_scheme(Scheme.DARK)  # offscreen reports no scheme of its own
    app = prepare_application()
    if dark:
        # Ask the platform too (Qt 6.8+; offscreen ignores it), then show the dark set.
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        apply_scheme(app, Scheme.DARK)
    data_dir = Path(tempfile.mkdtemp(prefix="posdesk-shots-"))
    server = SandboxServer(seed="demo").start()
    keys = SecretStore.in_memory()
    keys.set(STRIPE_SECRET_KEY, "sk_test_" + secrets.token_hex(16))
    keys.set(STRIPE_PUBLISHABLE_KEY, "pk_test_" + secrets.token_hex(16))
    context = build_context(
        data_dir=data_dir, secrets=keys, demo=True, api_base=server.base_url,
        database_url=f"sqlite:///{data_dir / 'posdesk.db'}",
    )
    try:
        seed_demo_staff(context)  # the demo's people, as `posdesk --demo` gives them
        context.start_presence()  # this terminal in Settings' list, as when the app runs
        if sign_in_only:
            first_manager_screenshot(out)
        take_screenshots(context, server, out, sign_in_only=sign_in_only)
    finally:
        context.close()
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
    return 0


def take_screenshots(
    context: Any, server: SandboxServer, out: Path, sign_in_only: bool = False
) -> None:
    window = MainWindow(context)
    window.resize(1280, 800)
    window.show()
    sign_in_screenshots(window, out)
    window.start_background_tasks()
    wait_until(lambda: not window.customer_refresh.running)
    if sign_in_only:
        badges = badge_customer(context)
        if badges:
            locked_screenshot(window, badges, out)
        window.close()
        QCoreApplication.processEvents()
        return
    window.search.search_edit.setText("ma")
    wait_until(lambda: window.search.model.rowCount() > 0)
    save(window, out, "01-main-window")

    badges = badge_customer(context)
    if badges:
        window.open_customer(badges)
        wait_until(lambda: window.customer_page.page is not None)
        save(window, out, "02-customer-page-badges")
        make_default_screenshots(window, out)

    customer_id = add_ada(context, server)
    window.customer_refresh.refresh()
    wait_until(lambda: not window.customer_refresh.running)
    window.search.search_edit.setText("Ada")
    window.open_customer(customer_id)
    wait_until(lambda: window.customer_page.customer_id == customer_id
               and window.customer_page.page is not None
               and window.customer_page.page.customer.id == customer_id)
    save(window, out, "02-customer-page")
    # The customer's actions with their keys, as the Customers menu lists them.
    menu = window.customers_menu
    menu.popup(window.mapToGlobal(window.menuBar().geometry().bottomLeft()))
    wait_until(menu.isVisible)
    save(menu, out, "09-customers-menu")
    menu.hide()

    dialog = open_dialog(window, "4242", "")
    dialog.amount_edit.setText("12.345")
    save(dialog, out, "03-charge-dialog-invalid-amount")
    dialog.amount_edit.setText("42.50")
    save(dialog, out, "04-charge-dialog-ready")
    dialog.close()

    for name, last4 in (("approved", "4242"), ("declined", "9995"),
                        ("authentication-required", "3184")):
        dialog = open_dialog(window, last4, "42.50")
        if name == "approved":  # long enough to picture the busy state
            server.hold(1.5, path_prefix="/v1/payment_intents")
        dialog.charge()
        if name == "approved":
            save(dialog, out, "05-charge-dialog-busy")
        wait_until(lambda d=dialog: d.view is not None)
        save(dialog, out, f"10-result-{name}")
        dialog.close()

    # A server error Stripe saved for the key: "checking", counting down to the next look-up.
    dialog = open_dialog(window, "4242", "42.50")
    server.fail_next(1, status=500, path_prefix="/v1/payment_intents")
    dialog.charge()
    wait_until(lambda d=dialog: d.view is not None)
    settle(1.2)  # let the countdown tick once
    save(dialog, out, "10-result-server-error-checking")
    dialog.close()

    # States the sandbox does not produce on demand: the same panel fed real outcomes.
    amount = Money(4250, context.settings.currency)
    dialog = open_dialog(window, "4242", "42.50")
    for kind in (OutcomeKind.UNCONFIRMED, OutcomeKind.UNAVAILABLE,
                 OutcomeKind.RATE_LIMITED, OutcomeKind.CONFIGURATION_PROBLEM,
                 OutcomeKind.PROCESSING, OutcomeKind.REQUIRES_CAPTURE, OutcomeKind.BUG):
        dialog._show(dialog.view_for(ChargeOutcome.of(kind), amount))
        save(dialog, out, f"11-result-{kind.value.replace('_', '-')}")
    removed = ChargeOutcome.of(OutcomeKind.BUG, reason=REASON_CARD_NOT_USABLE,
                               next_step=NEXT_STEP_REFRESH_OTHER_CARD)
    dialog._show(dialog.view_for(removed, amount))
    save(dialog, out, "11-result-card-removed-elsewhere")
    not_taken = ChargeOutcome.of(OutcomeKind.BUG, reason=REASON_SERVER_ERROR_NOT_CHARGED,
                                 next_step=NEXT_STEP_NEW_PAYMENT)
    dialog._show(dialog.view_for(not_taken, amount))
    save(dialog, out, "11-result-server-error-not-charged")
    # A decline code PosDesk has no words for: the generic sentence, the code on a details line.
    unknown = ChargeOutcome.of(OutcomeKind.DECLINED, code="card_declined",
                               decline_code="brand_new_decline_code")
    dialog._show(dialog.view_for(unknown, amount))
    save(dialog, out, "11-result-declined-unknown-code")
    clerk = StaffMember("s2", "Sam", Role.SUPPORT)
    dialog._amount = amount
    dialog._charge_failed(PermissionDenied(clerk, Permission.CHARGE))
    save(dialog, out, "12-result-permission-denied")
    dialog.close()
    unreachable_screenshots(window, server, out)
    payment_request_screenshots(window, out)

    card_entry_screenshots(window, out)

    window.customer_refresh.refresh()
    wait_until(lambda: not window.customer_refresh.running)
    window.open_customer(customer_id)
    wait_until(lambda: window.customer_page.payment_model.rowCount() >= 3)
    save(window, out, "06-customer-page-with-payments")

    back_office_screenshots(window, out)

    settings = window.open_settings()
    save(settings, out, "07-settings")
    for tab, name in ((settings.shop_page, "shop"), (settings.receipts_page, "receipts"),
                      (settings.display_page, "display")):
        settings.tabs.setCurrentWidget(tab)
        settle()
        save(settings, out, f"07-settings-{name}")
    settings.tabs.setCurrentIndex(0)
    add_other_terminals(context)
    settings.terminals_panel.refresh()
    settings.tabs.setCurrentWidget(settings.terminals_panel)
    wait_until(lambda: settings.terminals_panel.model.rowCount() >= 3)
    save(settings, out, "07-settings-terminals")
    settings.close()
    # The store tab as a shop sees it (the demo's is fixed on the command line).
    context.demo = False
    settings = window.open_settings()
    context.demo = True
    settings.tabs.setCurrentWidget(settings.store_panel)
    settings.store_panel.postgres_radio.setChecked(True)
    settings.store_panel.url_edit.setText("postgresql://posdesk:secret@db-server/posdesk")
    settings.store_panel.test_and_switch()  # refused: a password in the URL
    save(settings, out, "07-settings-store")
    # The question after a switch has prepared PostgreSQL (asked only when there is data).
    panel = settings.store_panel
    panel._ask_copy_or_fresh({"customers": 312, "payments": 48, "audit_log": 95})
    save(panel.copy_question, out, "07-settings-store-copy-question")
    panel.copy_question.close()
    panel.copy_question = None
    settings.close()
    settings_problem_screenshots(window, out)
    keyring = window.show_keyring_problem(
        "PosDesk keeps Stripe keys only in the system keyring, and none is usable on "
        "this computer. Install and unlock a Secret Service keyring, for example GNOME "
        "Keyring, then log in again."
    )
    save(keyring, out, "08-keyring-missing")
    keyring.close()
    new_customer = window.open_new_customer()
    save(new_customer, out, "13-new-customer")
    new_customer.reject()
    window.close()
    QCoreApplication.processEvents()


def back_office_screenshots(window: MainWindow, out: Path) -> None:
    """After the sale and the manager's screens: a charge's result with its receipt and
    refund buttons, a refund's result, the history with a filter, its totals and its chart,
    a payment's detail, and the day's X report."""
    dialog = open_dialog(window, "4242", "18.00")
    dialog.charge()
    wait_until(lambda d=dialog: d.view is not None)
    save(dialog, out, "15-result-approved-with-actions")
    dialog.result_actions.refund_button.click()
    page = window.customer_page
    wait_until(lambda: page.refund_dialog is not None)
    refund = page.refund_dialog
    wait_until(lambda: refund.refund_button.isEnabled())
    refund.amount_edit.setText("5.00")
    save(refund, out, "15-refund-dialog")
    refund.refund()
    wait_until(lambda: refund.view is not None)
    save(refund, out, "15-refund-result-receipt")
    refund.accept()

    history = window.open_history()
    wait_until(lambda: history.totals is not None and history.model.rowCount() > 0)
    save(history, out, "16-history")
    history.filters.choose(history.filters.state_box, "succeeded")
    wait_until(lambda: history.totals is not None and history.model.rowCount() > 0)
    settle(0.6)
    save(history, out, "16-history-filtered")
    history.table.selectRow(0)
    detail = history.open_detail(history.model.rows[0].id)
    wait_until(lambda: detail.detail is not None)
    settle(0.3)
    save(detail, out, "16-payment-detail")
    detail.reject()
    history.filters.choose(history.filters.state_box, None)
    chart = history.show_chart()
    wait_until(lambda: bool(chart.points))
    settle(0.3)
    save(history, out, "16-history-chart")
    history.reject()

    day = window.open_day_close()
    wait_until(lambda: day.report is not None)
    settle(0.3)
    save(day, out, "17-day-close-x-report")
    day.reject()


def payment_request_screenshots(window: MainWindow, out: Path) -> None:
    """A payment request for the customer on screen: the form, then its QR code and link;
    the shop's reusable payment links."""
    dialog = window.customer_page.start_payment_request()
    assert dialog is not None
    dialog.amount_edit.setText("42.50")
    dialog.description_edit.setText("Deposit for the bike repair")
    dialog.save_check.setChecked(True)
    save(dialog, out, "14-payment-request-form")
    dialog.submit()
    wait_until(lambda: dialog.request is not None)
    dialog.resize(560, 720)
    settle(1.2)  # the time left ticks once
    save(dialog, out, "14-payment-request-qr")
    dialog.accept()
    backend = window.backend
    backend.payment_requests.create_link(backend.staff, "Deposit",
                                         Money(5000, backend.settings.currency))
    links = window.open_payment_links()
    wait_until(lambda: bool(links.links))
    save(links, out, "14-payment-links")
    links.accept()


def page_js(dialog: Any, code: str) -> Any:
    """Run `code` in the card-entry page's main frame and wait for its answer."""
    box: list[Any] = []
    dialog.checkout.run_js(code, box.append)
    wait_until(lambda: bool(box))
    return box[0]


def wait_page(dialog: Any, code: str) -> None:
    wait_until(lambda: bool(page_js(dialog, code)))


def type_card(dialog: Any, number: str) -> None:
    """The sandbox's Stripe.js stand-in fills its card frame on request (test hook)."""
    card = {"number": number, "exp": "12/34", "cvc": "123", "postal": "94107"}
    page_js(dialog, f"__sandboxStripe.autofill({json.dumps(card)})")


def new_card_dialog(window: MainWindow, amount: str | None) -> Any:
    dialog = window.customer_page.start_card_entry()
    dialog.resize(760, 900)  # what it opens at on a full-HD screen (offscreen has 800x600)
    if amount is None:
        return dialog
    dialog.amount_edit.setText(amount)
    dialog.description_edit.setText("Order 1043")
    dialog.pay_button.click()
    wait_until(lambda: dialog.ready_at is not None)
    settle(0.8)  # the element's fonts and frame paint
    return dialog


def close_dialog(dialog: Any) -> None:
    dialog.reject()
    wait_until(lambda: not dialog.isVisible())


def card_entry_screenshots(window: MainWindow, out: Path) -> None:
    """The card-entry dialog in its states, on the real checkout page and the sandbox's
    Stripe.js stand-in."""
    window.warm_up.start()
    dialog = new_card_dialog(window, None)
    dialog.amount_edit.setText("42.50")
    dialog.description_edit.setText("Order 1043")
    save(dialog, out, "20-card-entry-empty")
    close_dialog(dialog)

    dialog = new_card_dialog(window, "42.50")
    save(dialog, out, "21-card-entry-form")
    type_card(dialog, "4242424242424242")
    settle(0.5)
    page_js(dialog, "document.getElementById('save-card').checked = true; true")
    save(dialog, out, "22-card-entry-card-typed")
    page_js(dialog, "document.getElementById('submit').click(); true")
    wait_until(lambda: dialog.view is not None)
    save(dialog, out, "24-card-entry-approved")
    dialog.accept()

    dialog = new_card_dialog(window, "42.50")
    type_card(dialog, "4000000000003220")
    page_js(dialog, "document.getElementById('submit').click(); true")
    wait_page(dialog, "__sandboxStripe.challengeOpen()")
    settle(1.0)
    save(dialog, out, "23-card-entry-challenge")
    page_js(dialog, "__sandboxStripe.challenge('fail')")
    wait_until(lambda: dialog.message_label.isVisible())
    settle(0.5)
    save(dialog, out, "26-card-entry-challenge-failed")
    close_dialog(dialog)

    dialog = new_card_dialog(window, "42.50")
    type_card(dialog, "4000000000009995")
    page_js(dialog, "document.getElementById('submit').click(); true")
    wait_until(lambda: dialog.message_label.isVisible())
    settle(0.5)
    save(dialog, out, "25-card-entry-declined")
    close_dialog(dialog)

    dialog = window.customer_page.start_card_entry()
    dialog.resize(760, 900)
    dialog.save_only_button.click()
    wait_until(lambda: dialog.ready_at is not None)
    type_card(dialog, "4000002500003155")
    page_js(dialog, "document.getElementById('submit').click(); true")
    wait_page(dialog, "__sandboxStripe.challengeOpen()")
    page_js(dialog, "__sandboxStripe.challenge('complete')")
    wait_until(lambda: dialog.view is not None)
    save(dialog, out, "27-card-entry-card-saved")
    dialog.accept()

    dialog = open_dialog(window, "3184", "42.50")
    dialog.charge()
    wait_until(lambda d=dialog: d.view is not None)
    save(dialog, out, "28-result-authentication-required-with-customer-button")
    dialog.authenticate_button.click()
    entry = window.customer_page.card_entry_dialog
    entry.resize(760, 900)
    wait_until(lambda: entry.ready_at is not None)
    settle(0.8)
    save(entry, out, "29-card-entry-authenticate")
    # The customer's bank refuses the challenge: the header no longer says it waits for it.
    page_js(entry, "document.getElementById('submit').click(); true")
    wait_page(entry, "__sandboxStripe.challengeOpen()")
    page_js(entry, "__sandboxStripe.challenge('fail')")
    wait_until(lambda: entry.message_label.isVisible())
    settle(0.5)
    save(entry, out, "30-card-entry-authenticate-failed")
    close_dialog(entry)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--sign-in-only", action="store_true",
                        help="only the first-manager, sign-in and locked screens")
    parser.add_argument("--dark", action="store_true",
                        help="the dark colour scheme, whatever the computer's")
    args = parser.parse_args(argv)
    return run(args.out, args.sign_in_only, args.dark)


if __name__ == "__main__":
    sys.exit(main())
