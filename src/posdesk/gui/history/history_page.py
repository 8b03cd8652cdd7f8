"""The payment history window (Ctrl+H): every payment of the store, in the chosen order,
with filters that combine, totals per currency for the filter, a payment's detail
(double-click or Enter), and the filter exported to CSV with a progress bar and cancel.

Staff without the history permission (cashiers) see this terminal's payments of today: the
service narrows every read; the filters here only show it. Everything that reads the store
runs on the TaskRunner: the choices, each page (a keyset page as the view scrolls:
gui.common.lazy_table_model), the totals and the export. A filter changed while a page or
the totals are on their way makes them stale: they are dropped. Follows the audit viewer
(gui/audit/audit_viewer.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import Backend, HistoryChoices, HistoryKey, HistoryRow
from posdesk.domain.changes import Change, ChangeKind
from posdesk.domain.history import CurrencyTotals, ExportResult, HistoryQuery, SortOrder
from posdesk.gui.common.lazy_table_model import PageSource
from posdesk.gui.common.workers import Job, TaskRunner
from posdesk.gui.formatting import money_text
from posdesk.gui.history.filter_bar import FilterBar
from posdesk.gui.history.history_table_model import HistoryTableModel
from posdesk.gui.history.payment_detail_dialog import PaymentDetailDialog
from posdesk.gui.payments.outcome_view import state_words

if TYPE_CHECKING:
    # QtCharts loads with the chart's tab (gui/history/history_chart.py).
    from posdesk.gui.history.history_chart import HistoryChart


class HistoryPage(QDialog):
    # The first page of a filter arrived (tests, screenshots).
    first_page_shown = Signal()
    totals_shown = Signal(object)
    export_finished = Signal(object)  # ExportResult

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._generation = 0
        self._totals_generation = 0
        self.choices: HistoryChoices | None = None
        self.totals: list[CurrencyTotals] | None = None
        self.detail_dialog: PaymentDetailDialog | None = None
        self.export_job: Job | None = None
        self.export_progress: QProgressDialog | None = None
        self.exported: ExportResult | None = None
        self.setWindowTitle(self.tr("Payment history"))
        self.setObjectName("historyPage")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1200, 720)
        locale = backend.settings.locale or "en_US"

        self.filters = FilterBar(backend.settings.currency or "USD", locale, self)
        self.filters.changed.connect(self.reload)
        self.scope_label = QLabel(self)
        self.scope_label.setObjectName("hint")
        self.scope_label.hide()
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("totals")
        self.totals_label.setWordWrap(True)
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.model = HistoryTableModel(runner, self, locale=locale)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Payments"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._header_clicked)
        for column, width in ((HistoryTableModel.WHEN, 140), (HistoryTableModel.AMOUNT, 110),
                              (HistoryTableModel.STATE, 150), (HistoryTableModel.CUSTOMER, 170),
                              (HistoryTableModel.CARD, 120),
                              (HistoryTableModel.DESCRIPTION, 220),
                              (HistoryTableModel.STAFF, 120)):
            self.table.setColumnWidth(column, width)
        # Double-click opens a payment (activated); Enter too, consumed here so it does not
        # go on to the window and press a default button (the detail's own Close).
        self.table.activated.connect(self._activated)
        self._columns_fitted = False
        self.table.installEventFilter(self)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setToolTip(
            self.tr("Save the payments the filters select as a CSV file"))
        self.export_button.clicked.connect(self.choose_export_file)
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setShortcut(QKeySequence("F5"))
        self.reload_button.clicked.connect(self.reload)
        close_button = QPushButton(self.tr("Close"), self)
        close_button.clicked.connect(self.reject)
        # Enter in the table opens a payment: it must not also press a button.
        for button in (self.export_button, self.reload_button, close_button):
            button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.reload_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close_button)

        # The payments, or the period's chart (drawn when its tab is first shown; QtCharts
        # loads then).
        self.chart: HistoryChart | None = None
        self._chart_generation = 0
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, self.tr("Payments"))
        self.chart_holder = QWidget(self)
        QVBoxLayout(self.chart_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.chart_holder, self.tr("Chart"))
        self.tabs.currentChanged.connect(lambda _index: self._chart_if_shown())

        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self.load_choices()
        self.reload()

    # --- choices and scope ------------------------------------------------------------------

    def load_choices(self) -> None:
        backend = self._backend
        self._runner.op(lambda: backend.history.choices(backend.staff)).success(
            self._choices_arrived).run()

    def _choices_arrived(self, choices: HistoryChoices) -> None:
        self.choices = choices
        filters = self.filters
        for box in (filters.state_box, filters.staff_box, filters.terminal_box):
            box.blockSignals(True)
        filters.set_states(choices.states)
        filters.set_staff(choices.staff)
        filters.set_terminals(choices.terminals)
        for box in (filters.state_box, filters.staff_box, filters.terminal_box):
            box.blockSignals(False)
        self.model.set_terminal_names(dict(choices.terminals))
        if choices.limited:
            self.scope_label.setText(self.tr("You see this terminal's payments of today."))
            self.scope_label.show()
            self.filters.limit_to_today()
            self.export_button.hide()

    # --- the table and the totals -------------------------------------------------------------

    def current_query(self) -> HistoryQuery:
        return self.filters.query()

    def reload(self) -> None:
        """The first page for the filters as they are now; later pages as the view scrolls;
        the totals beside them."""
        self._generation += 1
        generation = self._generation
        backend, query = self._backend, self.current_query()
        size = HistoryTableModel.PAGE_SIZE

        def more(after: HistoryKey | None, limit: int) -> list[HistoryRow]:
            # Who is signed in when the page is read (the backend is read each time).
            return backend.history.page(backend.staff, query, after, limit)

        self.status_label.setText(self.tr("Reading payments…"))
        self._update_sort_indicator(query.sort)
        self._runner.op(lambda: more(None, size)).success(
            lambda rows: self._first_page(generation, rows, more)
        ).run()
        self.load_totals(query)
        self._chart_if_shown()

    def _first_page(self, generation: int, rows: list[HistoryRow],
                    more: PageSource[HistoryKey, HistoryRow]) -> None:
        if generation != self._generation:
            return  # the filters changed meanwhile
        self.model.set_rows(rows, more, page_size=HistoryTableModel.PAGE_SIZE)
        if rows and not self._columns_fitted:
            # Once, from the first rows: a time, an amount, a state or a card's last digits
            # cut short is a misread one, and
            # the font (the UI language's, the screen's scale) decides their width. Later
            # pages and the staff's own dragging keep the widths.
            self._columns_fitted = True
            for column in (HistoryTableModel.WHEN, HistoryTableModel.AMOUNT,
                           HistoryTableModel.STATE, HistoryTableModel.CARD):
                self.table.resizeColumnToContents(column)
            # A state is read at a glance: wide enough for the longest of them, also where
            # the first page holds only short ones ("Paid").
            padding = 2 * self.table.style().pixelMetric(
                QStyle.PixelMetric.PM_FocusFrameHMargin) + 16
            widest = max(self.table.fontMetrics().horizontalAdvance(words)
                         for words in state_words().values()) + padding
            state = HistoryTableModel.STATE
            self.table.setColumnWidth(state, max(self.table.columnWidth(state), widest))
        if rows:
            self.status_label.setText(self.tr("More load as you scroll."))
        else:
            self.status_label.setText(self.tr("No payments match these filters."))
        self.first_page_shown.emit()

    def load_totals(self, query: HistoryQuery) -> None:
        self._totals_generation += 1
        generation = self._totals_generation
        backend = self._backend
        self.totals_label.setText(self.tr("Adding up…"))
        self._runner.op(lambda: backend.history.totals(backend.staff, query)).success(
            lambda totals: self._totals_arrived(generation, totals)).run()

    # --- the chart ----------------------------------------------------------------------------

    def show_chart(self) -> HistoryChart:
        """Switch to the chart (it loads for the current filters)."""
        self.tabs.setCurrentWidget(self.chart_holder)
        self._chart_if_shown()
        assert self.chart is not None
        return self.chart

    def _chart_if_shown(self) -> None:
        if self.tabs.currentWidget() is not self.chart_holder:
            return
        if self.chart is None:
            from posdesk.gui.history.history_chart import HistoryChart

            self.chart = HistoryChart(self.chart_holder)
            holder_layout = self.chart_holder.layout()
            assert holder_layout is not None
            holder_layout.addWidget(self.chart)
        self._chart_generation += 1
        generation, chart = self._chart_generation, self.chart
        backend, query = self._backend, self.current_query()
        chart.loading()
        self._runner.op(lambda: backend.history.chart(backend.staff, query)).success(
            lambda points: chart.show_points(points)
            if generation == self._chart_generation else None).run()

    def _totals_arrived(self, generation: int, totals: list[CurrencyTotals]) -> None:
        if generation != self._totals_generation:
            return
        self.totals = totals
        self.totals_label.setText(self.totals_text(totals))
        self.totals_shown.emit(totals)

    def totals_text(self, totals: Sequence[CurrencyTotals]) -> str:
        if not totals:
            return self.tr("No payments.")
        locale = self._backend.settings.locale or "en_US"
        lines = []
        for t in totals:
            rate = t.decline_rate
            line = self.tr("%1 · payments: %2 · gross %3 · refunded %4 · net %5").replace(
                "%1", t.currency).replace("%2", str(t.count)).replace(
                "%3", money_text(t.gross, t.currency, locale)).replace(
                "%4", money_text(t.refunded, t.currency, locale)).replace(
                "%5", money_text(t.net, t.currency, locale))
            if rate is not None:
                line += self.tr(" · declined %1%").replace("%1", f"{rate * 100:.1f}")
            lines.append(line)
        return "\n".join(lines)

    def _header_clicked(self, section: int) -> None:
        current = SortOrder(self.filters.sort_box.currentData())
        if section == HistoryTableModel.WHEN:
            order = SortOrder.OLDEST if current is SortOrder.NEWEST else SortOrder.NEWEST
        elif section == HistoryTableModel.AMOUNT:
            order = SortOrder.SMALLEST if current is SortOrder.LARGEST else SortOrder.LARGEST
        else:
            self._update_sort_indicator(current)
            return
        self.filters.set_sort(order)

    def _update_sort_indicator(self, order: SortOrder) -> None:
        header = self.table.horizontalHeader()
        column = HistoryTableModel.AMOUNT if order.by_amount else HistoryTableModel.WHEN
        header.setSortIndicatorShown(True)
        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder if order.descending
                                else Qt.SortOrder.AscendingOrder)

    # --- news from any terminal ----------------------------------------------------------------

    def changes_arrived(self, changes: Sequence[Change]) -> None:
        """Payments changed somewhere (SyncBridge.changed): read the totals again; the rows
        shown stay (a reload would jump the view), the next reload shows the news."""
        if any(c.kind in (ChangeKind.PAYMENT, ChangeKind.REFUND) for c in changes):
            self.load_totals(self.current_query())

    # --- a payment's detail ---------------------------------------------------------------

    def selected_payment(self) -> HistoryRow | None:
        index = self.table.currentIndex()
        return self.model.payment_at(index.row()) if index.isValid() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            index = self.table.currentIndex()
            if index.isValid():
                self._activated(index)
            return True
        return super().eventFilter(watched, event)

    def _activated(self, index: QModelIndex) -> None:
        payment = self.model.payment_at(index.row())
        if payment is not None:
            self.open_detail(payment.id)

    def open_detail(self, payment_id: str) -> PaymentDetailDialog:
        if self.detail_dialog is not None:
            self.detail_dialog.close()
        dialog = PaymentDetailDialog(self._backend, self._runner, payment_id, self)
        dialog.payment_changed.connect(lambda _pid: self.reload())
        dialog.finished.connect(lambda _code: self._detail_closed(dialog))
        self.detail_dialog = dialog
        dialog.open()
        return dialog

    def _detail_closed(self, dialog: PaymentDetailDialog) -> None:
        if self.detail_dialog is dialog:
            self.detail_dialog = None
        dialog.deleteLater()

    # --- export ----------------------------------------------------------------------------------

    def choose_export_file(self) -> None:
        path, _kind = QFileDialog.getSaveFileName(
            self, self.tr("Export payments"), f"payments-{date.today().isoformat()}.csv",
            self.tr("CSV files (*.csv)"),
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> Job:
        """Export the current filter to `path` off the GUI thread, with a progress bar whose
        Cancel stops it (the file is then removed)."""
        backend, query = self._backend, self.current_query()
        self.export_button.setEnabled(False)
        self.exported = None
        self.status_label.setText(self.tr("Exporting…"))
        progress = QProgressDialog(self.tr("Exporting payments…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowTitle(self.tr("Export"))
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self.export_progress = progress

        def work(job: Job) -> ExportResult:
            return backend.history.export_csv(
                backend.staff, query, Path(path),
                progress=lambda written, total: job.report((written, total)),
                canceled=job.stop_requested,
            )

        job = self._runner.progress_op(work).progress(self._export_progress).success(
            self._exported).failure(self._export_failed).run()
        self.export_job = job
        progress.canceled.connect(self.cancel_export)
        progress.show()
        return job

    def cancel_export(self) -> None:
        if self.export_job is not None and not self.export_job.done:
            self.export_job.request_stop()
            if self.export_progress is not None:
                self.export_progress.setLabelText(self.tr("Canceling…"))

    def _export_progress(self, value: tuple[int, int]) -> None:
        written, total = value
        progress = self.export_progress
        if progress is None:
            return
        progress.setMaximum(max(total, 1))
        progress.setValue(min(written, total))
        progress.setLabelText(self.tr("%1 of %2 payments exported…").replace(
            "%1", str(written)).replace("%2", str(total)))

    def _export_done(self) -> None:
        self.export_button.setEnabled(True)
        self.export_job = None
        if self.export_progress is not None:
            self.export_progress.close()
            self.export_progress.deleteLater()
            self.export_progress = None

    def _exported(self, result: ExportResult) -> None:
        self._export_done()
        self.exported = result
        if result.canceled:
            self.status_label.setText(self.tr("Export canceled; no file was kept."))
        else:
            self.status_label.setText(self.tr("Payments exported: %n.", "", result.rows))
        self.export_finished.emit(result)

    def _export_failed(self, exc: BaseException) -> None:
        self._export_done()
        self.status_label.setText(self.tr("The export failed."))
        self._runner.present_failure(exc)


__all__ = ["HistoryPage"]
