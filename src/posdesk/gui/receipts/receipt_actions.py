"""The receipt actions of a payment, where staff look for them: "Print receipt…" (Ctrl+P),
"Save receipt as PDF…" (Ctrl+Shift+S) and "Email receipt…" (Ctrl+E). The charge dialog's
result shows them as buttons once a payment went through; the customer's payments table has
them in its context menu with the same keys.

Each asks what it needs first (printer, file, address), then has the receipt service build
and audit the receipt off the GUI thread (a print or PDF counts towards COPY), then paints
it. Emailing sets the payment's receipt_email: Stripe sends its own receipt. Staff who may
charge email it (audited as email_receipt); support staff re-send it (resend_receipt).

Qt's print support (receipt_printer.py) loads at the first print or PDF, not with the
screens that offer them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from posdesk.backend import EMAIL_LIMIT, Backend, Receipt, paths
from posdesk.domain.roles import Permission
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.receipts.receipt_document import Paper

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

SHORTCUT_PRINT = "Ctrl+P"
SHORTCUT_PDF = "Ctrl+Shift+S"
SHORTCUT_EMAIL = "Ctrl+E"

# (payment id, the customer's email or "") of the payment the actions are for, or None.
PaymentChoice = Callable[[], tuple[str, str] | None]
# For a refund's receipt: the refund (Stripe's id or our request's), or None.
RefundChoice = Callable[[], str | None]


class ReceiptActions(QObject):
    """The three actions for whichever payment `choose` names when one is triggered."""

    # What happened, in words for a status line ("Receipt printed.").
    status = Signal(str)
    # A receipt was built for a print or a PDF (tests and screenshots).
    made = Signal(object)

    def __init__(
        self,
        backend: Backend,
        runner: TaskRunner,
        choose: PaymentChoice,
        parent: QWidget,
        refund_of: RefundChoice | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._choose = choose
        # Set: the receipts are of one refund of the payment (no email: Stripe's own
        # receipt is of the payment).
        self._refund_of = refund_of
        self._parent = parent
        self.print_action = self._action(self.tr("Print receipt…"), SHORTCUT_PRINT,
                                         self.print_chosen)
        self.pdf_action = self._action(self.tr("Save receipt as PDF…"), SHORTCUT_PDF,
                                       self.save_chosen)
        self.email_action = self._action(self.tr("Email receipt…"), SHORTCUT_EMAIL,
                                         self.email_chosen)
        if refund_of is not None:
            self.print_action.setText(self.tr("Print refund receipt…"))
            self.pdf_action.setText(self.tr("Save refund receipt as PDF…"))

    def _action(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._parent)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: slot())
        return action

    def actions(self) -> list[QAction]:
        if self._refund_of is not None:
            return [self.print_action, self.pdf_action]
        return [self.print_action, self.pdf_action, self.email_action]

    def _refund_id(self) -> str | None:
        return self._refund_of() if self._refund_of is not None else None

    def set_enabled(self, enabled: bool) -> None:
        for action in self.actions():
            action.setEnabled(enabled)

    def _paper(self) -> Paper:
        from posdesk.gui.receipts.receipt_printer import paper_of

        return paper_of(self._backend.settings)

    # --- printing ---------------------------------------------------------------------------

    def print_chosen(self) -> None:
        chosen = self._choose()
        if chosen is None:
            return
        from posdesk.gui.receipts.receipt_printer import choose_printer

        printer = choose_printer(self._backend.settings, self._parent)
        if printer is not None:
            self.print_to(chosen[0], printer)

    def print_to(self, payment_id: str, printer: QPrinter) -> None:
        """Build (and count) the receipt, then print it on `printer`, remembered for next
        time."""
        from posdesk.gui.receipts.receipt_printer import print_receipt, remember_printer

        backend, staff = self._backend, self._backend.staff
        refund_id = self._refund_id()
        remember_printer(backend.settings, paths.settings_file(backend.data_dir), printer)

        def printed(receipt: Receipt) -> None:
            print_receipt(receipt, self._paper(), printer)
            self.made.emit(receipt)
            self.status.emit(self.tr("Receipt printed (a copy).") if receipt.copy
                             else self.tr("Receipt printed."))

        self._runner.op(lambda: backend.receipts.print_receipt(staff, payment_id, refund_id)
                        ).success(printed).run()

    # --- PDF --------------------------------------------------------------------------------

    def save_chosen(self) -> None:
        chosen = self._choose()
        if chosen is None:
            return
        kind = "refund" if self._refund_of is not None else "receipt"
        suggested = str(Path.home() / f"{kind}-{chosen[0][:8]}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self._parent, self.tr("Save receipt as PDF"), suggested, self.tr("PDF (*.pdf)"))
        if path:
            self.save_to(chosen[0], Path(path).with_suffix(".pdf"))

    def save_to(self, payment_id: str, path: Path) -> None:
        """Build (and count) the receipt, then write it as a PDF at `path`."""
        from posdesk.gui.receipts.receipt_printer import write_pdf

        backend, staff = self._backend, self._backend.staff
        refund_id = self._refund_id()

        def saved(receipt: Receipt) -> None:
            try:
                write_pdf(receipt, self._paper(), path)
            except OSError as exc:
                self._runner.present_failure(exc, self.tr("The PDF could not be saved."))
                return
            self.made.emit(receipt)
            self.status.emit(self.tr("Receipt saved as %1.").replace("%1", str(path)))

        self._runner.op(lambda: backend.receipts.save_receipt_pdf(staff, payment_id, refund_id)
                        ).success(saved).run()

    # --- email ------------------------------------------------------------------------------

    def email_chosen(self) -> None:
        chosen = self._choose()
        if chosen is None:
            return
        payment_id, known = chosen
        address, ok = QInputDialog.getText(
            self._parent, self.tr("Email receipt"),
            self.tr("Stripe emails its receipt of this payment to:"),
            QLineEdit.EchoMode.Normal, known)
        if ok and address.strip():
            self.email_to(payment_id, address[:EMAIL_LIMIT])

    def email_to(self, payment_id: str, address: str) -> None:
        """Have Stripe email its receipt of the payment to `address`."""
        backend, staff = self._backend, self._backend.staff
        receipts = backend.receipts
        send = (receipts.email_receipt if staff.role.allows(Permission.CHARGE)
                else receipts.resend_receipt)
        self._runner.op(lambda: send(staff, payment_id, address)).success(
            lambda sent: self.status.emit(
                self.tr("Stripe emails its receipt to %1.").replace("%1", sent))).run()
