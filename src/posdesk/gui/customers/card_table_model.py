"""Saved cards of one customer as a table: card, expiry, badges, default marker."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from posdesk.backend import CardSummary
from posdesk.gui.common.theme import Role, colour
from posdesk.gui.payments.outcome_view import card_label

_Index = QModelIndex | QPersistentModelIndex

# Theme roles, read when a cell is drawn so they follow the scheme.
EXPIRED_COLOUR = Role.BAD
EXPIRES_SOON_COLOUR = Role.WARN
DEFAULT_COLOUR = Role.INFO


class CardTableModel(QAbstractTableModel):
    CARD, EXPIRY, STATUS, DEFAULT = range(4)
    CardRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cards: list[CardSummary] = []

    def set_cards(self, cards: list[CardSummary]) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self.endResetModel()

    def card_at(self, row: int) -> CardSummary | None:
        return self._cards[row] if 0 <= row < len(self._cards) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> str | None:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Card"), self.tr("Expires"), self.tr("Status"), self.tr("Default"))[section]

    @staticmethod
    def card_label(card: CardSummary) -> str:
        return card_label(card)  # the one card label (gui.payments.outcome_view)

    def status_text(self, card: CardSummary) -> str:
        if card.expired:
            return self.tr("Expired")
        if card.expires_soon:
            return self.tr("Expires soon")
        return ""

    def data(
        self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | QBrush | QFont | CardSummary | None:
        if not index.isValid():
            return None
        card = self._cards[index.row()]
        column = index.column()
        if role == self.CardRole:
            return card
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.CARD:
                return self.card_label(card)
            if column == self.EXPIRY:
                if card.exp_month and card.exp_year:
                    return f"{card.exp_month:02d}/{card.exp_year}"
                return ""
            if column == self.STATUS:
                return self.status_text(card)
            if column == self.DEFAULT:
                return self.tr("★ Default") if card.is_default else ""
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.STATUS and card.expired:
                return QBrush(colour(EXPIRED_COLOUR))
            if column == self.STATUS and card.expires_soon:
                return QBrush(colour(EXPIRES_SOON_COLOUR))
            if column == self.DEFAULT:
                return QBrush(colour(DEFAULT_COLOUR))
        if role == Qt.ItemDataRole.FontRole and column in (self.STATUS, self.DEFAULT):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == self.STATUS and card.expires_soon:
            return self.tr("This card expires at the end of the shown month.")
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DEFAULT and card.is_default:
            return self.tr("The customer's default card at Stripe.")
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.DEFAULT:
            # A screen reader says the words, not the star.
            return self.tr("Default card") if card.is_default else ""
        return None

