"""The store's terminals as a read-only table: name, computer, version, last seen, state.

A store has a handful of terminals, so the model holds them all; this terminal's row is bold
and says so in its name.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from posdesk.backend import TerminalEntry
from posdesk.gui.common.theme import Role, colour
from posdesk.gui.formatting import local_time_text

_Index = QModelIndex | QPersistentModelIndex

# Theme roles, read when a cell is drawn so they follow the scheme.
LIVE_COLOUR = Role.GOOD
OFFLINE_COLOUR = Role.TEXT_MUTED


class TerminalTableModel(QAbstractTableModel):
    NAME, HOST, VERSION, LAST_SEEN, STATE = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terminals: list[TerminalEntry] = []
        self._now = datetime.now(UTC)

    def set_terminals(self, terminals: list[TerminalEntry], now: datetime | None = None) -> None:
        self.beginResetModel()
        self._terminals = list(terminals)
        self._now = now or datetime.now(UTC)
        self.endResetModel()

    def terminal_at(self, row: int) -> TerminalEntry | None:
        return self._terminals[row] if 0 <= row < len(self._terminals) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._terminals)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> str | None:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Name"), self.tr("Computer"), self.tr("Version"), self.tr("Last seen"),
            self.tr("State"),
        )[section]

    def seen_text(self, last_seen: datetime) -> str:
        """How long ago, in the words a cashier uses: "now", "3 min ago", "2 h ago"; a date
        past a day."""
        seconds = max(0, int((self._now - last_seen).total_seconds()))
        if seconds < 60:
            return self.tr("now")
        if seconds < 3600:
            return self.tr("%n min ago", "", seconds // 60)
        if seconds < 86400:
            return self.tr("%n h ago", "", seconds // 3600)
        return local_time_text(last_seen)

    def data(
        self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | QBrush | QFont | None:
        if not index.isValid():
            return None
        terminal = self._terminals[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                name = terminal.name or terminal.host
                return self.tr("%1 (this terminal)").replace("%1", name) if terminal.this else name
            if column == self.HOST:
                return terminal.host
            if column == self.VERSION:
                return terminal.version
            if column == self.LAST_SEEN:
                return self.seen_text(terminal.last_seen)
            if column == self.STATE:
                return self.tr("Live") if terminal.live else self.tr("Offline")
        if role == Qt.ItemDataRole.ToolTipRole and column == self.LAST_SEEN:
            return local_time_text(terminal.last_seen)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            return QBrush(colour(LIVE_COLOUR if terminal.live else OFFLINE_COLOUR))
        if role == Qt.ItemDataRole.FontRole and terminal.this:
            font = QFont()
            font.setBold(True)
            return font
        return None
