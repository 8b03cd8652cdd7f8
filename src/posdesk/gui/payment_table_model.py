"""A customer's recent payments: when, how much, state in words (refunds included),
description."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from posdesk.domain.payment_state import PaymentState
from posdesk.gui.formatting import local_time_text, money_text, state_text

_Index = QModelIndex | QPersistentModelIndex

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


class PaymentTableModel(QAbstractTableModel):
    WHEN, AMOUNT, STATE, DESCRIPTION = range(4)

    def __init__(self, locale: str = "en_US", parent: Any = None) -> None:
        super().__init__(parent)
        self._locale = locale
        self._payments: list[Any] = []

    def set_payments(self, payments: list[Any]) -> None:
        self.beginResetModel()
        self._payments = list(payments)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._payments)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("When"), self.tr("Amount"), self.tr("State"), self.tr("Description"))[
            section
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        payment = self._payments[index.row()]
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
    def refunded(payment: Any) -> int:
        return int(getattr(payment, "amount_refunded", 0) or 0)

    def state_words(self, payment: Any) -> str:
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
