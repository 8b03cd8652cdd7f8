"""The history's filters: date range (today, yesterday, this week, the last 30 days, custom,
everything), state, staff, terminal, customer, amount range, the card's last four digits,
free text over the description and the customer, and the order. They combine.

`changed` fires when the filter changes: at once for a pick, after a short pause for typed
text (each keystroke does not start a query; the page keeps only the newest answer).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from posdesk.domain.history import DateRange, HistoryQuery, SortOrder, date_range
from posdesk.domain.money import AmountError, UnknownCurrency, parse_amount
from posdesk.gui.payments.outcome_view import state_text

# How long typing pauses before the filter applies.
TYPING_PAUSE_MS = 250


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, currency: str = "USD", locale: str = "en_US",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._currency = currency
        self._locale = locale
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.changed)

        self.range_box = QComboBox(self)
        self.range_box.setAccessibleName(self.tr("Dates"))
        for label, value in (
            (self.tr("Today"), DateRange.TODAY), (self.tr("Yesterday"), DateRange.YESTERDAY),
            (self.tr("This week"), DateRange.THIS_WEEK),
            (self.tr("Last 30 days"), DateRange.LAST_30_DAYS),
            (self.tr("Everything"), DateRange.ALL), (self.tr("Custom…"), DateRange.CUSTOM),
        ):
            self.range_box.addItem(label, value.value)
        self.range_box.setCurrentIndex(self.range_box.findData(DateRange.LAST_30_DAYS.value))
        today = QDate.currentDate()
        self.from_edit = self._date_edit(self.tr("From"), today.addDays(-29))
        self.to_edit = self._date_edit(self.tr("To"), today)

        self.state_box = self._picker(self.tr("State"), self.tr("All states"))
        self.staff_box = self._picker(self.tr("Staff"), self.tr("All staff"))
        self.terminal_box = self._picker(self.tr("Terminal"), self.tr("All terminals"))
        self.sort_box = QComboBox(self)
        self.sort_box.setAccessibleName(self.tr("Order"))
        for label, order in (
            (self.tr("Newest first"), SortOrder.NEWEST),
            (self.tr("Oldest first"), SortOrder.OLDEST),
            (self.tr("Largest first"), SortOrder.LARGEST),
            (self.tr("Smallest first"), SortOrder.SMALLEST),
        ):
            self.sort_box.addItem(label, order.value)

        self.customer_edit = self._text(self.tr("Customer"), self.tr("Name, email or cus_…"))
        self.min_edit = self._text(self.tr("Amount from"), self.tr("from"))
        self.max_edit = self._text(self.tr("Amount to"), self.tr("to"))
        self.last4_edit = self._text(self.tr("Card"), self.tr("last 4 digits"))
        self.last4_edit.setMaxLength(4)
        self.text_edit = self._text(self.tr("Search"),
                                    self.tr("Description or customer"))

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        cells: list[tuple[str, QWidget]] = [
            (self.tr("Dates"), self.range_box), (self.tr("From"), self.from_edit),
            (self.tr("To"), self.to_edit), (self.tr("State"), self.state_box),
            (self.tr("Staff"), self.staff_box), (self.tr("Terminal"), self.terminal_box),
            (self.tr("Customer"), self.customer_edit), (self.tr("Amount"), self.min_edit),
            (self.tr("to"), self.max_edit), (self.tr("Card"), self.last4_edit),
            (self.tr("Search"), self.text_edit), (self.tr("Order"), self.sort_box),
        ]
        for i, (label, widget) in enumerate(cells):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            row, column = divmod(i, 6)
            grid.addWidget(caption, row, column * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(widget, row, column * 2 + 1)

        for box in (self.state_box, self.staff_box, self.terminal_box, self.sort_box):
            box.currentIndexChanged.connect(self.changed)
        self.range_box.currentIndexChanged.connect(self._range_chosen)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._date_typed)
        self._range_chosen()

    # --- building -------------------------------------------------------------------------

    def _picker(self, name: str, everything: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(name)
        box.addItem(everything, None)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(10)
        return box

    def _date_edit(self, name: str, day: QDate) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(day)
        return edit

    def _text(self, name: str, hint: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(hint)
        edit.setClearButtonEnabled(True)
        edit.textChanged.connect(self._typed)
        return edit

    def set_states(self, states: Sequence[str]) -> None:
        self._fill(self.state_box, [(s, state_text(s)) for s in states])

    def set_staff(self, staff: Sequence[tuple[str, str]]) -> None:
        self._fill(self.staff_box, staff)

    def set_terminals(self, terminals: Sequence[tuple[str, str]]) -> None:
        self._fill(self.terminal_box, terminals)

    def limit_to_today(self) -> None:
        """Someone who sees only this terminal's day: the dates cannot be chosen (the
        service narrows anyway; this only says so)."""
        self.range_box.setCurrentIndex(self.range_box.findData(DateRange.TODAY.value))
        for widget in (self.range_box, self.from_edit, self.to_edit, self.terminal_box):
            widget.setEnabled(False)

    @staticmethod
    def _fill(box: QComboBox, items: Sequence[tuple[str, str]]) -> None:
        chosen = box.currentData()
        box.blockSignals(True)
        while box.count() > 1:
            box.removeItem(1)
        for value, label in items:
            box.addItem(label, value)
        found = box.findData(chosen) if chosen is not None else 0
        box.setCurrentIndex(max(found, 0))
        box.blockSignals(False)

    # --- changes ------------------------------------------------------------------------------

    def _typed(self) -> None:
        self._typing.start()  # restarts: one query when the typing pauses

    def _range_chosen(self) -> None:
        custom = self.range_box.currentData() == DateRange.CUSTOM.value
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        self.changed.emit()

    def _date_typed(self) -> None:
        if self.range_box.currentData() == DateRange.CUSTOM.value:
            self._typing.start()

    def choose(self, box: QComboBox, value: str | None) -> None:
        """Pick `value` in one of the boxes (tests, header clicks)."""
        box.setCurrentIndex(max(box.findData(value), 0))

    def set_sort(self, order: SortOrder) -> None:
        self.choose(self.sort_box, order.value)

    def flush(self) -> None:
        """Apply typed text now (Enter)."""
        if self._typing.isActive():
            self._typing.stop()
            self.changed.emit()

    # --- the filter -----------------------------------------------------------------------------

    def _amount(self, edit: QLineEdit) -> int | None:
        words = edit.text().strip()
        if not words:
            edit.setProperty("invalid", False)
            return None
        try:
            amount = parse_amount(words, self._currency, self._locale).amount
        except (AmountError, UnknownCurrency, ValueError):
            edit.setProperty("invalid", True)
            edit.setToolTip(self.tr("Not an amount: this bound is left out."))
            return None
        edit.setProperty("invalid", False)
        edit.setToolTip("")
        return amount

    def query(self, now: datetime | None = None) -> HistoryQuery:
        choice = DateRange(self.range_box.currentData())
        start, end = date_range(
            choice, now or datetime.now(UTC), first=_day(self.from_edit.date()),
            last=_day(self.to_edit.date()),
        )
        last4 = "".join(c for c in self.last4_edit.text() if c.isdigit())
        return HistoryQuery(
            start=start, end=end, state=self.state_box.currentData(),
            staff_id=self.staff_box.currentData(), terminal_id=self.terminal_box.currentData(),
            customer=self.customer_edit.text().strip() or None,
            amount_min=self._amount(self.min_edit), amount_max=self._amount(self.max_edit),
            last4=last4 if len(last4) == 4 else None,
            text=self.text_edit.text().strip() or None,
            sort=SortOrder(self.sort_box.currentData()),
        )


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


__all__ = ["FilterBar"]
