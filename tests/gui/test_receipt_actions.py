"""Receipt actions where staff look for them (real widgets, real services, the sandbox): the
customer's payments table has "Print receipt…", "Save receipt as PDF…" and "Email receipt…"
in its context menu with their keys; saving writes a PDF (a second one says COPY); emailing
reaches the sandbox's receipts outbox. The charge dialog's result shows the same actions as
buttons once the payment went through."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests as http
from PySide6.QtCore import Qt

from posdesk.app_context import AppContext
from posdesk.domain.money import Money
from posdesk.domain.roles import Role
from posdesk.store.audit import AuditLog
from tests.gui.conftest import STAFF_PINS, add_staff, make_context, sandbox_url, sign_in_as

pytestmark = pytest.mark.gui

TIMEOUT_MS = 20_000


@pytest.fixture
def till(sandbox: Any, tmp_store: Any, data_dir: Path, secret_key: str) -> Iterator[AppContext]:
    context = make_context(data_dir=data_dir, store=tmp_store, api_base=sandbox_url(sandbox),
                           secret_key=secret_key, role=None)
    people = add_staff(context, Role.CASHIER)
    context.session.sign_in(people[Role.CASHIER].id, STAFF_PINS[Role.CASHIER])
    yield context
    context.close()


@pytest.fixture
def page_window(qtbot: Any, gui_app: Any, till: AppContext, shop: Any) -> Iterator[Any]:
    from posdesk.gui.shell.main_window import MainWindow

    win = MainWindow(till)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def paid(till: AppContext, shop: Any, amount: int) -> str:
    cashier = till.staff
    return till.charges.charge_saved_card(cashier, shop.customer_id, shop.card_ids["4242"],
                                          Money(amount, "USD"), "Boots").payment_id


def open_page(qtbot: Any, win: Any, shop: Any) -> Any:
    with qtbot.waitSignal(win.customer_page.loaded, timeout=TIMEOUT_MS):
        win.open_customer(shop.customer_id)
    return win.customer_page


def test_the_payments_table_offers_receipt_actions_with_keys_and_they_work(
    qtbot: Any, page_window: Any, till: AppContext, shop: Any, sandbox: Any, tmp_path: Path
) -> None:
    payment_id = paid(till, shop, 4200)
    page = open_page(qtbot, page_window, shop)
    texts = [a.text() for a in page.payment_table.actions()]
    assert {"Print receipt…", "Save receipt as PDF…", "Email receipt…"} <= set(texts)
    keys = {a.text(): a.shortcut().toString() for a in page.payment_table.actions()}
    assert keys["Print receipt…"] == "Ctrl+P"
    assert keys["Save receipt as PDF…"] == "Ctrl+Shift+S"
    assert keys["Email receipt…"] == "Ctrl+E"
    assert page.payment_table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    page.payment_table.selectRow(0)
    assert page._receipt_payment() == (payment_id, "ada@example.com")

    actions = page.receipt_actions
    for name in ("first.pdf", "second.pdf"):
        with qtbot.waitSignal(actions.made, timeout=TIMEOUT_MS):
            actions.save_to(payment_id, tmp_path / name)
    assert (tmp_path / "first.pdf").stat().st_size > 1000
    if shutil.which("pdftotext"):
        words = [subprocess.run(["pdftotext", str(tmp_path / n), "-"], capture_output=True,
                                text=True, check=True).stdout for n in ("first.pdf", "second.pdf")]
        assert "$42.00" in words[0] and "COPY" not in words[0]
        assert "COPY" in words[1]
    assert "second.pdf" in page.payments_hint.text()

    with qtbot.waitSignal(actions.status, timeout=TIMEOUT_MS) as sent:
        actions.email_to(payment_id, "ada@example.com")
    assert "ada@example.com" in sent.args[0]
    outbox = http.get(sandbox.base_url + "/_sandbox/receipts", timeout=5).json()["data"]
    assert outbox[-1]["to"] == "ada@example.com" and outbox[-1]["amount"] == 4200


def test_the_charge_result_shows_receipt_buttons_only_once_the_payment_went_through(
    qtbot: Any, gui_app: Any, till: AppContext, shop: Any
) -> None:
    from posdesk.gui.common.workers import TaskRunner
    from posdesk.gui.payments.charge_dialog import ChargeDialog

    page = till.customers.customer_page(till.staff, shop.customer_id)
    card = next(c for c in page.cards if c.id == shop.card_ids["4242"])
    runner = TaskRunner()
    dialog = ChargeDialog(till, runner, page.customer, card)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not any(b.isVisible() for b in dialog.receipt_buttons)
    dialog.amount_edit.setText("12.50")
    with qtbot.waitSignal(dialog.result_ready, timeout=TIMEOUT_MS):
        dialog.charge()
    assert [b.text() for b in dialog.receipt_buttons] == [
        "Print receipt…", "Save receipt as PDF…", "Email receipt…"]
    assert all(b.isVisible() for b in dialog.receipt_buttons)
    assert dialog._receipt_payment() == (dialog._payment_id, "ada@example.com")


def test_the_demo_outbox_dialog_lists_what_stripe_would_have_emailed(
    qtbot: Any, gui_app: Any, till: AppContext, shop: Any
) -> None:
    from posdesk.gui.common.workers import TaskRunner
    from posdesk.gui.receipts.receipt_outbox_dialog import ReceiptOutboxDialog

    payment_id = paid(till, shop, 990)
    till.receipts.email_receipt(till.staff, payment_id, "ada@example.com")
    dialog = ReceiptOutboxDialog(till, TaskRunner(), None)
    qtbot.addWidget(dialog)
    dialog.load()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=TIMEOUT_MS)
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert row[1] == "ada@example.com" and row[2] == "$9.90"
    assert row[3].endswith("4242") and row[4].startswith("pi_")


def test_printing_paints_the_receipt_on_the_chosen_printer_and_is_audited(
    qtbot: Any, page_window: Any, till: AppContext, shop: Any, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    payment_id = paid(till, shop, 1500)
    page = open_page(qtbot, page_window, shop)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that writes a file
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(page.receipt_actions.made, timeout=TIMEOUT_MS) as made:
        page.receipt_actions.print_to(payment_id, printer)
    assert made.args[0].payment_id == payment_id and not made.args[0].copy
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
    assert page.payments_hint.text() == "Receipt printed."
    [row] = [e for e in AuditLog(till.store).list_recent(50) if e.action == "print_receipt"]
    assert (row.outcome, row.target) == ("made", payment_id)


def test_refund_from_the_charge_result_opens_the_refund_dialog_for_that_payment(
    qtbot: Any, page_window: Any, till: AppContext, shop: Any
) -> None:
    page = open_page(qtbot, page_window, shop)
    model = page.card_model
    page.card_table.selectRow(next(i for i in range(model.rowCount())
                                   if model.card_at(i).id == shop.card_ids["4242"]))
    dialog = page.start_charge()
    assert dialog is not None
    dialog.amount_edit.setText("30.00")
    with qtbot.waitSignal(dialog.result_ready, timeout=TIMEOUT_MS):
        dialog.charge()
    assert dialog.result_actions.refund_button.isVisible()
    dialog.result_actions.refund_button.click()
    qtbot.waitUntil(lambda: page.refund_dialog is not None, timeout=TIMEOUT_MS)
    assert page.refund_dialog._payment.id == dialog._payment_id
    assert "$30.00" in page.refund_dialog.payment_label.text()


def test_a_refund_has_its_own_receipt_from_the_refund_result(
    qtbot: Any, gui_app: Any, till: AppContext, shop: Any, tmp_path: Path
) -> None:
    from posdesk.gui.common.workers import TaskRunner
    from posdesk.gui.payments.refund_dialog import RefundDialog

    payment_id = paid(till, shop, 5000)
    payment = till.refunds.payment(till.staff, payment_id)
    sign_in_as(till, Role.MANAGER)
    dialog = RefundDialog(till, TaskRunner(), payment, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load()
    qtbot.waitUntil(lambda: dialog.refund_button.isEnabled(), timeout=TIMEOUT_MS)
    dialog.amount_edit.setText("12.00")
    with qtbot.waitSignal(dialog.result_ready, timeout=TIMEOUT_MS):
        dialog.refund()
    buttons = [b.text() for b in dialog.result_actions.buttons if b.isVisible()]
    assert buttons == ["Print refund receipt…", "Save refund receipt as PDF…"]
    with qtbot.waitSignal(dialog.result_actions.receipt_actions.made,
                          timeout=TIMEOUT_MS) as made:
        dialog.result_actions.receipt_actions.save_to(payment_id, tmp_path / "refund.pdf")
    receipt = made.args[0]
    assert receipt.refund is not None and receipt.refund.amount == 1200
    assert "refund.pdf" in dialog.result_status.text()
    if shutil.which("pdftotext"):
        words = subprocess.run(["pdftotext", str(tmp_path / "refund.pdf"), "-"],
                               capture_output=True, text=True, check=True).stdout
        assert "$12.00" in words and "$50.00" in words
