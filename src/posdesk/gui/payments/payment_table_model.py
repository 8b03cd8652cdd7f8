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
from posdesk.gui.common.theme import Role, Scheme, ThemeColours, colour
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import local_time_text, money_text
from posdesk.gui.payments.outcome_view import state_text

# What a cell can hold: text, an alignment, a colour, or nothing.
CellData = str | int | QBrush | None

# A state's tone; its colour is read from the theme each time a cell is drawn.
_STATE_TONES: dict[PaymentState, Role] = {
    PaymentState.SUCCEEDED: Role.GOOD,
    PaymentState.DECLINED: Role.BAD,
    PaymentState.FAILED: Role.BAD,
    PaymentState.AUTHENTICATION_REQUIRED: Role.WARN,
    PaymentState.UNCONFIRMED: Role.WARN,
    PaymentState.PENDING: Role.WARN,
    PaymentState.WAITING: Role.WARN,
}
_STATE_COLOURS: ThemeColours[PaymentState] = ThemeColours(_STATE_TONES)
# Kept for gui/history's import, light only: new code calls refunded_colour().
_REFUNDED_COLOUR = colour(Role.TEXT_MUTED, Scheme.LIGHT)


def state_colour(state: str) -> QColor | None:
    """The color of a payment state's words in the scheme shown (None: plain text)."""
    try:
        return _STATE_COLOURS.get(PaymentState(state))
    except ValueError:
        return None


def refunded_colour() -> QColor:
    return colour(Role.TEXT_MUTED)


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
                return QBrush(refunded_colour())
            tone = state_colour(payment.state)
            return QBrush(tone) if tone else None
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
