"""Printing a receipt (the system's print dialog, the printer chosen last remembered in
settings.json) and saving it as a PDF (QPdfWriter). Laid out by receipt_document.py."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPdfWriter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from posdesk.backend import Receipt, Settings
from posdesk.gui.receipts.receipt_document import Paper, paint_receipt

log = logging.getLogger(__name__)

PDF_RESOLUTION = 300


def paper_of(settings: Settings) -> Paper:
    try:
        return Paper(settings.receipt_paper)
    except ValueError:
        return Paper.THERMAL_80


def write_pdf(receipt: Receipt, paper: Paper, path: Path | str) -> int:
    """Save the receipt as a PDF at `path` (its font embedded); the pages written."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(receipt.intent_id or receipt.payment_id)
    writer.setCreator("PosDesk")
    try:
        return paint_receipt(receipt, paper, writer)
    finally:
        del writer  # the file is complete once the writer is gone


def remembered_printer(settings: Settings) -> QPrinter:
    """A printer set to the one chosen last, when it still exists (else the default)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    name = settings.receipt_printer
    if name and name in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(name)
    return printer


def choose_printer(settings: Settings, parent: QWidget | None) -> QPrinter | None:
    """The system's print dialog, opened on the printer chosen last; the printer, or None
    when staff cancel. The choice is remembered by the caller (`remember_printer`)."""
    printer = remembered_printer(settings)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("ReceiptPrinter", "Print receipt"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def remember_printer(settings: Settings, settings_file: Path, printer: QPrinter) -> None:
    """Keep the printer's name in settings.json for the next receipt."""
    name = printer.printerName()
    if not name or name == settings.receipt_printer:
        return
    settings.receipt_printer = name
    try:
        settings.save(settings_file)
    except OSError as exc:  # printing went on; the choice is just not kept
        log.warning("could not remember the receipt printer: %s", exc)


def print_receipt(receipt: Receipt, paper: Paper, printer: QPrinter) -> int:
    """Paint the receipt on a chosen printer; the pages printed."""
    printer.setDocName(receipt.intent_id or receipt.payment_id)
    return paint_receipt(receipt, paper, printer)
