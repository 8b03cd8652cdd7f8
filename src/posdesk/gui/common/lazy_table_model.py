"""A table that fetches its rows a page at a time, as the view scrolls (Qt's fetchMore).

Subclasses say how a row is keyed; a `PageSource` fetches the page after a key (a keyset
query: posdesk.store.payment_pages). Pages are fetched on the TaskRunner, never on the GUI
thread: on a PostgreSQL store across the shop's network one page can take as long as a
round trip or a lock wait, and the till must not freeze while a cashier scrolls. While a page
is on its way `canFetchMore` says no, so the view asks once; a reset (another customer,
fresh data after a change) makes a page still on its way stale, and it is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex

from posdesk.gui.common.workers import TaskRunner

Row = TypeVar("Row")
Key = TypeVar("Key")
Index = QModelIndex | QPersistentModelIndex

# (key of the last row shown, or None for the first page; how many rows) -> the next rows.
PageSource = Callable[[Key | None, int], Sequence[Row]]


class LazyTableModel(QAbstractTableModel, Generic[Row, Key]):
    PAGE_SIZE = 50

    def __init__(
        self, runner: TaskRunner | None = None, parent: QObject | None = None,
        *, page_size: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._page_size = page_size or self.PAGE_SIZE
        self._rows: list[Row] = []
        self._source: PageSource[Key, Row] | None = None
        self._exhausted = True
        self._fetching = False
        # Bumped by every reset: a page fetched for an older generation is dropped.
        self._generation = 0

    # --- for subclasses -------------------------------------------------------------------------

    def key_of(self, row: Row) -> Key:
        """The keyset position of `row` (the page after it starts strictly after it)."""
        raise NotImplementedError

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def rows(self) -> list[Row]:
        return list(self._rows)

    # --- filling ----------------------------------------------------------------------------------

    def set_rows(
        self, first_page: Sequence[Row], source: PageSource[Key, Row] | None = None,
        *, page_size: int | None = None,
    ) -> None:
        """Show `first_page` (already read with the rest of the screen); later pages come
        from `source` as the view scrolls. A first page shorter than `page_size` (the size
        it was read with) is all there is."""
        self.beginResetModel()
        self._generation += 1
        self._rows = list(first_page)
        self._source = source
        self._fetching = False
        full = page_size or self._page_size
        self._exhausted = source is None or self._runner is None or len(self._rows) < full
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        source, runner = self._source, self._runner
        if not self.canFetchMore(parent) or source is None or runner is None:
            return
        self._fetching = True
        generation, size = self._generation, self._page_size
        after = self.key_of(self._rows[-1]) if self._rows else None
        runner.op(lambda: list(source(after, size))).success(
            lambda rows: self._page_arrived(generation, rows, size)
        ).failure(lambda exc: self._page_failed(generation, exc)).run()

    def _page_arrived(self, generation: int, rows: list[Row], size: int) -> None:
        if generation != self._generation:
            return  # the table was reset meanwhile: this page belongs to what it showed before
        self._fetching = False
        self._exhausted = len(rows) < size
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def _page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        # Stop asking (the view would retry at once, forever); the next reset tries again.
        self._fetching = False
        self._exhausted = True
        if self._runner is not None:
            self._runner.present_failure(exc)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)


__all__ = ["LazyTableModel", "PageSource"]
