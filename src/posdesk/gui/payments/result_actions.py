"""What staff can do next from a payment's result screen: its receipt ("Print receipt…",
"Save receipt as PDF…", "Email receipt…") and "Refund…", once the payment went through;
after a refund, that refund's receipt.

The charge dialog and the card-entry dialog show the same row, built here, so a sale ends
the same way whichever way the card was taken. Refunding closes the result and asks the
screen that opened it (the customer page) to open the refund dialog: one refund dialog at a
time, with the payment's list reloaded behind it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

from posdesk.backend import Backend
from posdesk.domain.roles import Permission
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.receipts.receipt_actions import PaymentChoice, ReceiptActions, RefundChoice


class ResultActions(QObject):
    # The payment to refund (the dialog closes; its opener opens the refund dialog).
    refund_requested = Signal(str)

    def __init__(
        self,
        backend: Backend,
        runner: TaskRunner,
        choose: PaymentChoice,
        parent: QWidget,
        status: Callable[[str], None],
        refund_of: RefundChoice | None = None,
    ) -> None:
        """`refund_of`: the result is a refund's; its receipt, and no "Refund…"."""
        super().__init__(parent)
        self._backend = backend
        self._choose = choose
        self._offers_refund = refund_of is None
        self.receipt_actions = ReceiptActions(backend, runner, choose, parent, refund_of)
        self.receipt_actions.status.connect(status)
        parent.addActions(self.receipt_actions.actions())
        self.receipt_buttons = [self._button(action, parent)
                                for action in self.receipt_actions.actions()]
        self.refund_button = QPushButton(self.tr("Refund…"), parent)
        self.refund_button.setAutoDefault(False)
        self.refund_button.clicked.connect(self._refund)
        self.refund_button.setVisible(False)

    @property
    def buttons(self) -> list[QPushButton]:
        if not self._offers_refund:
            return list(self.receipt_buttons)
        return [*self.receipt_buttons, self.refund_button]

    @staticmethod
    def _button(action: QAction, parent: QWidget) -> QPushButton:
        button = QPushButton(action.text(), parent)
        button.setAutoDefault(False)
        button.setToolTip(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
        button.clicked.connect(action.trigger)
        button.setVisible(False)
        return button

    def update(self) -> None:
        """Show the buttons while `choose` names a payment that went through. Refund shows
        for staff whose role refunds (the service decides again, limits and all)."""
        went_through = self._choose() is not None
        for button in self.receipt_buttons:
            button.setVisible(went_through)
        self.refund_button.setVisible(
            went_through and self._offers_refund
            and self._backend.staff.role.allows(Permission.REFUND))

    def _refund(self) -> None:
        chosen = self._choose()
        if chosen is not None:
            self.refund_requested.emit(chosen[0])
