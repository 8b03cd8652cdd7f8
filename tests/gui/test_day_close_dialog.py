"""The close-of-day dialog on screen, against the real app context and sandbox: opened from the
main menu, the X report shows the day's figures (and Stripe's fees), the Z report closes the
day after the manager confirms, a second close is refused in words, and the report saved as
a PDF reads back (poppler's pdftotext / pdftoppm / pdffonts) with the shop's name, Chinese
included, and its totals. A cashier is told only a manager may.

Pictures of the dialog and of the PDF's page go to POSDESK_SHOTS when it is set."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from posdesk.domain.day_close import ReportKind, StripeStatus
from posdesk.domain.money import Money
from posdesk.domain.roles import Role
from posdesk.store.models import TerminalRecord
from posdesk.store.terminals import TerminalRepository

pytestmark = pytest.mark.gui

TIMEOUT_MS = 20_000
POPPLER = all(shutil.which(tool) for tool in ("pdftoppm", "pdftotext", "pdffonts"))
SHOP_NAME = "Corner Shop 街角小店"


def _shot(widget: Any, name: str) -> None:
    shots = os.environ.get("POSDESK_SHOTS")
    if shots:
        QApplication.processEvents()
        Path(shots).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(shots) / name))


def _seed(window: Any, shop: Any) -> None:
    context = window.backend
    manager = context.staff
    TerminalRepository(context.store).register(TerminalRecord(
        id=context.terminal.id, name="Front till", host=context.terminal.host))
    context.shop_settings.save(manager, replace(
        context.shop_settings.get(), shop_name=SHOP_NAME, shop_address="1 High Street",
        refund_approval_over=100_000))
    card = shop.card_ids["4242"]
    sale = context.charges.charge_saved_card(manager, shop.customer_id, card,
                                             Money(5000, "USD"), "Sale 1")
    context.charges.charge_saved_card(manager, shop.customer_id, card, Money(2000, "USD"),
                                      "Sale 2")
    context.refunds.refund(manager, sale.payment_id, Money(1500, "USD"))


def _open_from_menu(qtbot: Any, window: Any) -> Any:
    from posdesk.gui.day_close.day_close_dialog import DayCloseDialog

    [menu_action] = [a for a in window.menuBar().actions() if a.text() == "&PosDesk"]
    [action] = [a for a in menu_action.menu().actions() if a.text() == "&Close of day…"]
    action.trigger()
    dialog = window.findChild(DayCloseDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT_MS)
    return dialog


def _choose_store(qtbot: Any, dialog: Any) -> None:
    previous = dialog.report
    dialog.scope_box.setCurrentIndex(1)  # the whole store; the X report is made again
    qtbot.waitUntil(lambda: dialog.report is not previous and dialog.x_button.isEnabled(),
                    timeout=TIMEOUT_MS)


def test_x_shows_the_days_figures_and_z_closes_it_once(
    qtbot: Any, window: Any, shop: Any
) -> None:
    _seed(window, shop)
    dialog = _open_from_menu(qtbot, window)
    _choose_store(qtbot, dialog)
    report = dialog.report
    assert report.kind is ReportKind.X and report.closed is None
    assert (report.sales, report.refunded, report.net) == (7000, 1500, 5500)
    assert report.stripe.status is StripeStatus.OK and report.matches_stripe
    assert report.stripe.fees == 175 + 88
    shown = dialog.view.toPlainText()
    for expected in (SHOP_NAME, "X report", "$70.00", "$55.00", "-$2.63", "Test Manager",
                     "Front till", "Matches Stripe"):
        assert expected in shown, expected
    assert dialog.z_button.isEnabled()
    _shot(dialog, "day_close_x.png")

    dialog.z_button.click()
    assert dialog.confirm_panel.isVisible()
    assert "cannot be closed again" in dialog.confirm_label.text()
    _shot(dialog, "day_close_confirm.png")
    with qtbot.waitSignal(dialog.shown, timeout=TIMEOUT_MS) as closed:
        dialog.confirm_button.click()
    z = closed.args[0]
    assert z.kind is ReportKind.Z and z.closed is not None and z.closed.number >= 1
    assert f"Z report no. {z.closed.number}" in dialog.view.toPlainText()
    assert "Day closed" in dialog.status_label.text()
    assert not dialog.z_button.isEnabled()  # nothing left to close
    _shot(dialog, "day_close_z.png")

    # Another look at the day says it is closed; a second close is refused in words.
    dialog.show_x()
    qtbot.waitUntil(lambda: dialog.report is not z and dialog.x_button.isEnabled(),
                    timeout=TIMEOUT_MS)
    assert "closed already" in dialog.status_label.text()
    assert dialog.z_copy_button.isVisible()
    dialog.close_day()
    qtbot.waitUntil(lambda: "already closed" in dialog.status_label.text(), timeout=TIMEOUT_MS)
    # The Z report the day was closed with, to print again: it says COPY.
    with qtbot.waitSignal(dialog.shown, timeout=TIMEOUT_MS) as again:
        dialog.z_copy_button.click()
    assert again.args[0].copy and again.args[0].sales == z.sales
    assert f"Z report no. {z.closed.number} (COPY)" in dialog.view.toPlainText()


@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_the_report_saved_as_pdf_shows_the_shop_and_its_totals(
    qtbot: Any, window: Any, shop: Any, tmp_path: Path
) -> None:
    _seed(window, shop)
    dialog = _open_from_menu(qtbot, window)
    _choose_store(qtbot, dialog)
    dialog.ask_close()
    with qtbot.waitSignal(dialog.shown, timeout=TIMEOUT_MS):
        dialog.confirm_button.click()
    path = tmp_path / "z_report.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT_MS):
        dialog.save_to(path)
    words = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                           capture_output=True, text=True).stdout
    for expected in ("Corner Shop", "街角小店", "1 High Street", "Z report no.", "$70.00",
                     "-$15.00", "$55.00", "-$2.63", "Test Manager", "Matches Stripe"):
        assert expected in words, expected
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                           text=True).stdout
    assert "WenQuanYi" in fonts  # the bundled font, embedded: the Chinese shows anywhere
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", str(path),
                    str(path.with_suffix(""))], check=True)
    png = path.with_suffix(".png")
    assert png.stat().st_size > 5000
    shots = os.environ.get("POSDESK_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(shots) / "day_close_z_pdf.png")


@pytest.mark.parametrize("staff_role", [Role.CASHIER])
def test_a_cashier_is_told_only_a_manager_may(qtbot: Any, window: Any) -> None:
    from posdesk.gui.day_close.day_close_dialog import DayCloseDialog

    dialog = window.open_day_close()
    assert isinstance(dialog, DayCloseDialog)
    qtbot.waitUntil(lambda: "manager" in dialog.status_label.text(), timeout=TIMEOUT_MS)
    assert dialog.report is None
    assert not dialog.pdf_button.isEnabled() and not dialog.z_button.isEnabled()
