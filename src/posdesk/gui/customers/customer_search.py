"""Type-ahead customer search: a line edit over the local cache, results below.

Each keystroke queries the store on a worker; only the newest answer is shown. Up/Down move
through the results from the search field, Enter opens the highlighted customer.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import Backend, CustomerRecord
from posdesk.domain.changes import Change, ChangeKind
from posdesk.gui.common.resources import icon
from posdesk.gui.common.workers import LatestOnly, TaskRunner
from posdesk.gui.customers.customer_list_model import CustomerListModel
from posdesk.gui.formatting import sentences
from posdesk.gui.shell.sync_bridge import SyncBridge

log = logging.getLogger(__name__)

RESULT_LIMIT = 20


class CustomerSearch(QWidget):
    customer_chosen = Signal(str)  # customer id
    new_customer_requested = Signal()
    results_shown = Signal(int)  # number of results now on screen (tests and status)

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._latest = LatestOnly(runner, self)
        self._last_query: str | None = None

        # Created in the order they stand on screen, which is the order Tab takes: the button
        # above the field, the field, the results.
        self.new_button = QPushButton(self.tr("New customer…"), self)
        self.new_button.setObjectName("newCustomerButton")
        self.new_button.setAutoDefault(True)  # Enter presses it when focused, as Space does
        self.new_button.clicked.connect(self.new_customer_requested)

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("customerSearchEdit")
        self.search_edit.setPlaceholderText(self.tr("Name, email, phone or id  (Ctrl+K)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.setAccessibleName(self.tr("Search customers"))
        self.search_edit.installEventFilter(self)

        self.model = CustomerListModel(self)
        self.results = QListView(self)
        self.results.setObjectName("customerResults")
        self.results.setModel(self.model)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setUniformItemSizes(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setAccessibleName(self.tr("Matching customers"))
        self.results.installEventFilter(self)
        self.results.activated.connect(self._open_index)
        self.results.clicked.connect(self._open_index)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)

        title = QLabel(self.tr("Customers"), self)
        title.setObjectName("sectionTitle")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.new_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(header)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.status_label)
        layout.addWidget(self.results, 1)

        self.search_edit.textChanged.connect(self._query)

    # --- public -----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def refresh(self) -> None:
        """Run the current query again (after the cache changed)."""
        self._query(self.search_edit.text(), force=True)

    def follow(self, bridge: SyncBridge) -> None:
        """Keep the results fresh with what other terminals and sync commit."""
        bridge.changed.connect(self.changes_arrived)

    def changes_arrived(self, changes: Sequence[Change]) -> None:
        """Customers changed in the cache (another terminal, sync): refresh the results when
        one of them is on screen, when the list has room for a customer that is new here,
        or after a bulk change of customers."""
        customers = [c for c in changes if c.kind is ChangeKind.CUSTOMER]
        if not customers:
            return
        customer_ids = {c.entity_id for c in customers}
        rows = range(self.model.rowCount())
        visible = {c.id for c in (self.model.customer_at(r) for r in rows) if c is not None}
        has_room = self.model.rowCount() < RESULT_LIMIT
        if (
            any(c.is_bulk for c in customers)
            or customer_ids & visible
            or (has_room and customer_ids - visible)
        ):
            self._query(self.search_edit.text(), force=True, keep_current=True)

    @property
    def busy(self) -> bool:
        return self._latest.busy

    # --- querying ---------------------------------------------------------------------------

    def _query(self, text: str, force: bool = False, keep_current: bool = False) -> None:
        text = text.strip()
        if text == self._last_query and not force:
            return
        self._last_query = text
        customers = self._backend.customers  # looked up each time: settings may replace it
        staff = self._backend.session.member
        if staff is None:
            return  # nobody signed in (the till is locked): searched again at sign-in
        self._latest.submit(
            lambda: customers.search(staff, text, limit=RESULT_LIMIT),
            lambda found: self._show(text, found, keep_current),
            self._failed,
        )

    def _show(
        self, text: str, customers: list[CustomerRecord], keep_current: bool = False
    ) -> None:
        # A refresh the cashier did not ask for (sync) keeps the highlighted customer.
        highlighted = self.model.customer_at(self.results.currentIndex().row())
        current = highlighted.id if highlighted is not None else None
        self.model.set_customers(customers)
        if customers:
            row = next((i for i, c in enumerate(customers) if c.id == current), 0)
            self.results.setCurrentIndex(self.model.index(row if keep_current else 0, 0))
            if len(customers) >= RESULT_LIMIT:
                found = self.tr("First %1 matches; type more to narrow down.")
            else:
                found = self.tr("Matches: %1.")
            self.status_label.setText(sentences(
                found.replace("%1", str(len(customers))),
                self.tr("Up/Down to move, Enter to open.")))
        elif text:
            self.status_label.setText(self.tr("No customer matches “%1”.").replace("%1", text))
        else:
            self.status_label.setText(self.tr("Type part of a name, email, phone number or id."))
        self.results_shown.emit(len(customers))

    def _failed(self, exc: BaseException) -> None:
        log.error("customer search failed: %s", exc)
        self.status_label.setText(self.tr("Search failed. Try again in a moment."))

    # --- keyboard ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search_edit:
                if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                    self._move(1 if key == Qt.Key.Key_Down else -1)
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._open_index(self.results.currentIndex())
                    return True
            elif watched is self.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_index(self.results.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.results.currentIndex().row()
        row = max(0, min(rows - 1, (current if current >= 0 else -1) + step))
        self.results.setCurrentIndex(self.model.index(row, 0))

    def _open_index(self, index: QModelIndex) -> None:
        customer = self.model.customer_at(index.row()) if index.isValid() else None
        if customer is not None and customer.id:
            self.customer_chosen.emit(customer.id)
