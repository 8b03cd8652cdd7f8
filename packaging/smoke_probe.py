"""The smoke test's card-entry probe, frozen beside `posdesk` in smoke builds only
(POSDESK_SMOKE_PROBE=1 packaging/build-linux.sh): inside the bundle, with the bundle's Qt,
QtWebEngine, resources and card page, it opens the real main window against an in-process
sandbox, clicks "New card…" and waits for the card page's Stripe element to say it is
ready. Prints `CARD-ENTRY-READY <ms>` and exits 0, or exits 1. Same steps as
bench/card_entry_ready.py (cold)."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from posdesk.app_context import AppContext
    from posdesk.domain.roles import StaffMember
    from posdesk.gui.shell.main_window import MainWindow

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def wait(condition: Callable[[], bool], what: str, timeout: float = 90.0) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not within {timeout:.0f} s")
        QCoreApplication.processEvents()
        time.sleep(0.005)


def probe() -> float:
    import stripe
    from PySide6 import QtWebEngineWidgets  # noqa: F401 - before the QApplication

    from posdesk.app_context import build_context
    from posdesk.gui.app import prepare_application
    from posdesk.gui.shell.main_window import MainWindow
    from posdesk.sandbox.server import SandboxServer
    from posdesk.services.secret_store import (
        STRIPE_PUBLISHABLE_KEY,
        STRIPE_SECRET_KEY,
        SecretStore,
    )

    prepare_application()
    data_dir = Path(tempfile.mkdtemp(prefix="posdesk-smoke-"))
    server = SandboxServer(seed=None).start()
    keys = SecretStore.in_memory()
    secret = "sk_test_" + secrets.token_hex(16)
    keys.set(STRIPE_SECRET_KEY, secret)
    keys.set(STRIPE_PUBLISHABLE_KEY, "pk_test_" + secrets.token_hex(16))
    context = build_context(data_dir=data_dir, secrets=keys, api_base=server.base_url,
                            database_url=f"sqlite:///{data_dir / 'posdesk.db'}")
    try:
        manager = context.staff_accounts.create_first_manager("Smoke Test", "2580")
        context.session.sign_in(manager.id, "2580")
        client = stripe.StripeClient(secret, base_addresses={"api": server.base_url})
        customer = client.v1.customers.create({"name": "Smoke Customer"})
        window = MainWindow(context)
        window.show()
        window.customer_refresh.refresh()
        wait(lambda: not window.customer_refresh.running, "customer refresh")
        window.open_customer(customer.id)
        wait(lambda: window.customer_page.page is not None, "customer page")
        page = window.customer_page
        clicked = time.monotonic()
        page.new_card_button.click()
        dialog = page.card_entry_dialog
        if dialog is None:
            raise RuntimeError("New card… opened no card-entry dialog")
        dialog.amount_edit.setText("10.00")
        dialog.pay_button.click()
        wait(lambda: dialog.ready_at is not None, "card page ready")
        ready = dialog.ready_at - clicked
        dialog.reject()
        check_about(window, wait)
        check_receipt_pdfs(context, manager, data_dir)
        window.close()
        return ready
    finally:
        context.close()
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


def check_about(window: MainWindow, wait: Callable[..., None]) -> None:
    """Help > About shows this build's versions and the license file the build bundled."""
    from posdesk import __version__
    from posdesk.gui.shell.about_dialog import AboutDialog

    window.about_action.trigger()
    about = window.findChild(AboutDialog)
    if about is None or about.versions.posdesk != __version__:
        raise RuntimeError(f"About shows {about and about.versions}, not PosDesk {__version__}")
    if about.versions.stripe is None:
        raise RuntimeError("About cannot tell the stripe library's version (no metadata)")
    # The history's chart (QtCharts) is in the bundle: draw one from its own module.
    from posdesk.gui.history.history_chart import HistoryChart

    HistoryChart(window).show_points([])
    view = about.show_licenses()
    wait(lambda: "third-party software in this bundle" in view.text.toPlainText(),
         "About > Third-party licenses showing the bundled file")
    about.reject()


def check_receipt_pdfs(context: AppContext, manager: StaffMember, folder: Path) -> None:
    """A receipt in Chinese saved as a PDF (QPdfWriter, the bundled CJK font embedded) and
    printed to a PDF file through Qt Print Support (QPrinter), as a till without a printer
    would. With poppler's pdftotext on the machine, the words are read back too."""
    from datetime import UTC, datetime

    from PySide6.QtPrintSupport import QPrinter

    from posdesk.domain.stripe_objects import PaymentMethodData
    from posdesk.gui.receipts.receipt_document import Paper
    from posdesk.gui.receipts.receipt_printer import print_receipt, write_pdf
    from posdesk.store.models import PaymentRecord
    from posdesk.store.payment_methods import PaymentMethodRepository
    from posdesk.store.payments import PaymentRepository

    PaymentMethodRepository(context.store).upsert(
        PaymentMethodData("pm_smoke", "cus_smoke", brand="visa", last4="4242"))
    PaymentRepository(context.store).add(PaymentRecord(
        id="pay-smoke", idempotency_key="key-pay-smoke", intent_id="pi_smoke",
        customer_id="cus_smoke", payment_method_id="pm_smoke", amount=12800, currency="USD",
        description="咖啡两杯", state="succeeded", staff_id=manager.id,
        staff_name=manager.name, amount_received=12800, terminal_id=context.terminal.id,
        created_at=datetime.now(UTC)))
    receipt = context.receipts.save_receipt_pdf(manager, "pay-smoke")
    saved = folder / "receipt.pdf"
    write_pdf(receipt, Paper.A4, saved)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = folder / "printed.pdf"
    printer.setOutputFileName(str(printed))
    print_receipt(receipt, Paper.A4, printer)
    del printer  # the file is complete once the printer is gone
    for path in (saved, printed):
        data = path.read_bytes() if path.exists() else b""
        if not data.startswith(b"%PDF") or len(data) < 2000:
            raise RuntimeError(f"{path.name}: no PDF written ({len(data)} bytes)")
        if shutil.which("pdftotext"):
            words = subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                   text=True, check=True).stdout
            if "咖啡两杯" not in words or "4242" not in words:
                raise RuntimeError(f"{path.name} does not read back: {words[:200]!r}")


def main() -> int:
    try:
        seconds = probe()
    except Exception as exc:  # the smoke test prints why and fails
        print(f"CARD-ENTRY-FAILED {type(exc).__name__}: {exc}", flush=True)
        return 1
    print(f"CARD-ENTRY-READY {seconds * 1000:.0f} (About, its licenses and receipt PDFs "
          "checked too)",
          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
