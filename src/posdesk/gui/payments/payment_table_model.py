"""A customer's payments, newest first: when, how much, state in words (refunds included),
description. The first page comes with the customer page; older ones are fetched as the
cashier scrolls (gui.common.lazy_table_model, over posdesk.store.payment_pages)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from posdesk.backend import PageKey, PaymentRecord, page_key
from posdesk.domain.payment_state import PaymentState
from posdesk.gui.common.lazy_table_model import Index, LazyTableModel, PageSource
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import local_time_text, money_text
from posdesk.gui.payments.outcome_view import state_text

# What a cell can hold: text, an alignment, a colour, or nothing.
CellData = str | int | QBrush | None

_STATE_COLOURS = {
    PaymentState.SUCCEEDED: QColor("#1b7f3b"),
    PaymentState.DECLINED: QColor("#b71c1c"),
    PaymentState.FAILED: QColor("#b71c1c"),
    PaymentState.AUTHENTICATION_REQUIRED: QColor("#9a5b00"),
    PaymentState.UNCONFIRMED: QColor("#9a5b00"),
    PaymentState.PENDING: QColor("#9a5b00"),
    PaymentState.WAITING: QColor("#9a5b00"),
}
_REFUNDED_COLOUR = QColor("#5f6368")


class PaymentTableModel(LazyTableModel[PaymentRecord, PageKey]):
    WHEN, AMOUNT, STATE, DESCRIPTION = range(4)

    def __init__(
        self, locale: str = "en_US", parent: QObject | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._locale = locale

    def key_of(self, row: PaymentRecord) -> PageKey:
        return page_key(row)

    def set_payments(
        self, payments: Sequence[PaymentRecord],
        more: PageSource[PageKey, PaymentRecord] | None = None,
        *, page_size: int | None = None,
    ) -> None:
        """Show `payments` (the newest, read with the page); `more` fetches older ones."""
        self.set_rows(payments, more, page_size=page_size)

    def payment_at(self, row: int) -> PaymentRecord | None:
        return self.row_at(row)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> str | None:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("When"), self.tr("Amount"), self.tr("State"), self.tr("Description"))[
            section
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> CellData:
        payment = self.row_at(index.row()) if index.isValid() else None
        if payment is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.WHEN:
                return local_time_text(payment.created_at)
            if column == self.AMOUNT:
                return money_text(payment.amount, payment.currency, self._locale)
            if column == self.STATE:
                return self.state_words(payment)
            if column == self.DESCRIPTION:
                return payment.description or ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            if self.refunded(payment):
                return QBrush(_REFUNDED_COLOUR)
            try:
                colour = _STATE_COLOURS.get(PaymentState(payment.state))
            except ValueError:
                colour = None
            return QBrush(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and payment.error_message:
            return payment.error_message
        return None

    @staticmethod
    def refunded(payment: PaymentRecord) -> int:
        return payment.amount_refunded or 0

    def state_words(self, payment: PaymentRecord) -> str:
        """The state, or how much of a paid amount went back (refunds made here or in the
        Stripe Dashboard, brought in by sync)."""
        refunded = self.refunded(payment)
        if refunded <= 0:
            return state_text(payment.state)
        paid = payment.amount_received or payment.amount
        if refunded >= paid:
            return self.tr("Refunded")
        return self.tr("Partly refunded (%1)").replace(
            "%1", money_text(refunded, payment.currency, self._locale)
        )
