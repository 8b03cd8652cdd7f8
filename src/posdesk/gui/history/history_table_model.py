"""The history's table: every payment the filters select, in the chosen order, fetched a
keyset page at a time as the view scrolls (gui.common.lazy_table_model over
posdesk.store.history through the history service)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush

from posdesk.backend import HistoryKey, HistoryRow, history_key
from posdesk.gui.common.lazy_table_model import Index, LazyTableModel
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import local_time_text, money_text
from posdesk.gui.payments.outcome_view import card_label_of, state_text
from posdesk.gui.payments.payment_table_model import _REFUNDED_COLOUR, _STATE_COLOURS

CellData = str | int | QBrush | None


class HistoryTableModel(LazyTableModel[HistoryRow, HistoryKey]):
    WHEN, AMOUNT, STATE, CUSTOMER, CARD, DESCRIPTION, STAFF, TERMINAL = range(8)
    COLUMNS = 8
    PAGE_SIZE = 50

    def __init__(
        self, runner: TaskRunner | None = None, parent: QObject | None = None,
        locale: str = "en_US",
    ) -> None:
        super().__init__(runner, parent)
        self._locale = locale
        self._terminals: dict[str, str] = {}

    def key_of(self, row: HistoryRow) -> HistoryKey:
        return history_key(row)

    def payment_at(self, row: int) -> HistoryRow | None:
        return self.row_at(row)

    def set_terminal_names(self, names: dict[str, str]) -> None:
        self._terminals = dict(names)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, self.TERMINAL),
                                  self.index(self.rowCount() - 1, self.TERMINAL))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = 0
    ) -> str | None:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("When"), self.tr("Amount"), self.tr("State"), self.tr("Customer"),
            self.tr("Card"), self.tr("Description"), self.tr("Staff"), self.tr("Terminal"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> CellData:
        payment = self.row_at(index.row()) if index.isValid() else None
        if payment is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(payment, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            if payment.amount_refunded > 0:
                return QBrush(_REFUNDED_COLOUR)
            colour = _STATE_COLOURS.get(payment.state)  # type: ignore[call-overload]
            return QBrush(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and payment.error_message:
            return payment.error_message
        return None

    def text(self, payment: HistoryRow, column: int) -> str:
        if column == self.WHEN:
            return local_time_text(payment.created_at)
        if column == self.AMOUNT:
            return money_text(payment.amount, payment.currency, self._locale)
        if column == self.STATE:
            return self.state_words(payment)
        if column == self.CUSTOMER:
            return payment.customer_name or payment.customer_id or ""
        if column == self.CARD:
            if not payment.card_last4:
                return ""
            return card_label_of(payment.card_brand, payment.card_last4)
        if column == self.DESCRIPTION:
            return payment.description or ""
        if column == self.STAFF:
            return payment.staff_name or payment.staff_id
        terminal = payment.terminal_id or ""
        return self._terminals.get(terminal) or terminal

    def state_words(self, payment: HistoryRow) -> str:
        """The state, or how much of a paid amount went back (wherever refunded)."""
        refunded = payment.amount_refunded
        if refunded <= 0:
            return state_text(payment.state)
        paid = payment.amount_received or payment.amount
        if refunded >= paid:
            return self.tr("Refunded")
        return self.tr("Partly refunded (%1)").replace(
            "%1", money_text(refunded, payment.currency, self._locale))


__all__ = ["HistoryTableModel"]
