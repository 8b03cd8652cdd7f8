"""Customer search results for the list on the left: name, then email and phone."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from posdesk.backend import CustomerRecord

_Index = QModelIndex | QPersistentModelIndex


class CustomerListModel(QAbstractListModel):
    IdRole = Qt.ItemDataRole.UserRole + 1
    RecordRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._customers: list[CustomerRecord] = []

    def set_customers(self, customers: list[CustomerRecord]) -> None:
        self.beginResetModel()
        self._customers = list(customers)
        self.endResetModel()

    def customer_at(self, row: int) -> CustomerRecord | None:
        return self._customers[row] if 0 <= row < len(self._customers) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._customers)

    def data(
        self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | CustomerRecord | None:
        if not index.isValid():
            return None
        customer = self._customers[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # Name and phone on the first line (short), email below (long, may be elided).
            first = customer.name or self.tr("(no name)")
            if customer.phone:
                first = f"{first}   {customer.phone}"
            return f"{first}\n{customer.email}" if customer.email else first
        if role == Qt.ItemDataRole.ToolTipRole:
            return customer.id
        if role == self.IdRole:
            return customer.id
        if role == self.RecordRole:
            return customer
        return None
