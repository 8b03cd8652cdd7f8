"""The audit viewer for managers: the store's audit trail, newest first, filtered by staff,
terminal, action, outcome and date; exported to a CSV file; and a banner saying whether the
trail passed verification, or which entry is the first bad one.

Everything that reads the store runs on the TaskRunner: the filter choices, each page of the
table (a keyset page as the view scrolls: gui.common.lazy_table_model), the verification
(it reads every entry) and the export. The service checks the permissions (viewing and
verifying: view audit; exporting: export) and audits verifications and exports.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import (
    AuditEntry,
    AuditFilter,
    AuditPageKey,
    AuditVerification,
    Backend,
    FilterChoices,
    VerifyStatus,
    audit_page_key,
)
from posdesk.gui.common.lazy_table_model import Index, LazyTableModel, PageSource
from posdesk.gui.common.theme import Role, colour, set_themed_style_sheet
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import local_time_text
from posdesk.gui.messages import words

CellData = str | int | QBrush | None

_DENIED_COLOUR = Role.BAD
# The banner's look per state (kept here: only this screen shows it); colours are theme roles.
_BANNER_STYLE = """
QLabel#auditBanner { padding: 8px 10px; border-radius: 4px; font-weight: bold; }
QLabel#auditBanner[state="checking"] { background: @neutral_background; color: @neutral; }
QLabel#auditBanner[state="intact"] { background: @good_background; color: @good; }
QLabel#auditBanner[state="incomplete"] { background: @warn_background; color: @warn; }
QLabel#auditBanner[state="tampered"] { background: @bad_background; color: @bad; }
"""
# The first date the date pickers offer; shown as "any".
_NO_DATE = QDate(2000, 1, 1)


class AuditTableModel(LazyTableModel[AuditEntry, AuditPageKey]):
    SEQ, WHEN, STAFF, TERMINAL, ACTION, TARGET, OUTCOME, DETAIL = range(8)
    PAGE_SIZE = 100

    def __init__(self, runner: TaskRunner | None = None, parent: QObject | None = None) -> None:
        super().__init__(runner, parent)
        self._terminals: dict[str, str] = {}

    def key_of(self, row: AuditEntry) -> AuditPageKey:
        return audit_page_key(row)

    def set_terminal_names(self, names: dict[str, str]) -> None:
        self._terminals = dict(names)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, self.TERMINAL),
                                  self.index(self.rowCount() - 1, self.TERMINAL))

    def entry_at(self, row: int) -> AuditEntry | None:
        return self.row_at(row)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 8

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = 0
    ) -> str | None:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Seq"), self.tr("When"), self.tr("Staff"), self.tr("Terminal"),
            self.tr("Action"), self.tr("Target"), self.tr("Outcome"), self.tr("Details"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> CellData:
        entry = self.row_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DETAIL:
            return entry.detail or ""
        if role == Qt.ItemDataRole.ForegroundRole and column == self.OUTCOME and (
            entry.outcome == "denied"
        ):
            return QBrush(colour(_DENIED_COLOUR))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, entry: AuditEntry, column: int) -> str:
        if column == self.SEQ:
            return "" if entry.seq is None else str(entry.seq)
        if column == self.WHEN:
            return local_time_text(entry.at)
        if column == self.STAFF:
            return entry.staff_name or entry.staff_id
        if column == self.TERMINAL:
            terminal = entry.terminal_id or ""
            return self._terminals.get(terminal) or terminal
        if column == self.ACTION:
            return entry.action
        if column == self.TARGET:
            return entry.target or ""
        if column == self.OUTCOME:
            return entry.outcome
        return _detail_text(entry.detail)


def _detail_text(detail: str | None) -> str:
    """The details on one line: "amount=1250, currency=USD"."""
    if not detail:
        return ""
    try:
        values = json.loads(detail)
    except ValueError:
        return detail
    if not isinstance(values, dict):
        return detail
    return ", ".join(f"{k}={v}" for k, v in values.items())


class AuditViewer(QDialog):
    """The audit trail with its filters, export and verification banner."""

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._generation = 0
        self.verification: AuditVerification | None = None
        self.exported: int | None = None
        self.setWindowTitle(self.tr("Audit trail"))
        self.setObjectName("auditViewer")
        set_themed_style_sheet(self, _BANNER_STYLE)
        self.resize(1100, 640)

        self.banner = QLabel(self)
        self.banner.setObjectName("auditBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verify_button = QPushButton(self.tr("Verify again"), self)
        self.verify_button.clicked.connect(self.verify)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignTop)

        self.staff_box = self._picker(self.tr("Staff"), self.tr("All staff"))
        self.terminal_box = self._picker(self.tr("Terminal"), self.tr("All terminals"))
        self.action_box = self._picker(self.tr("Action"), self.tr("All actions"))
        self.outcome_box = self._picker(self.tr("Outcome"), self.tr("All outcomes"))
        self.from_edit = self._date_edit(self.tr("From"))
        self.to_edit = self._date_edit(self.tr("To"))
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Staff"), self.staff_box), (self.tr("Terminal"), self.terminal_box),
            (self.tr("Action"), self.action_box), (self.tr("Outcome"), self.outcome_box),
            (self.tr("From"), self.from_edit), (self.tr("To"), self.to_edit),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget, 1)

        self.model = AuditTableModel(runner, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Audit entries"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((AuditTableModel.SEQ, 60), (AuditTableModel.WHEN, 150),
                              (AuditTableModel.STAFF, 130), (AuditTableModel.TERMINAL, 120),
                              (AuditTableModel.ACTION, 150), (AuditTableModel.TARGET, 170),
                              (AuditTableModel.OUTCOME, 100)):
            self.table.setColumnWidth(column, width)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setToolTip(self.tr("Save the entries the filters select as a CSV file"))
        self.export_button.clicked.connect(self.choose_export_file)
        close_button = QPushButton(self.tr("Close"), self)
        close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(banner_row)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        for box in (self.staff_box, self.terminal_box, self.action_box, self.outcome_box):
            box.currentIndexChanged.connect(self.reload)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self.reload)

        self.load_choices()
        self.reload()
        self.verify()

    # --- building -------------------------------------------------------------------------

    def _picker(self, name: str, everything: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(name)
        box.addItem(everything, None)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(10)
        return box

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText(self.tr("any"))  # shown at the minimum date: no bound
        edit.setDate(_NO_DATE)
        return edit

    # --- what the filters select --------------------------------------------------------------

    def current_filter(self) -> AuditFilter:
        start = _day_start(self.from_edit.date())
        end = _day_start(self.to_edit.date())
        return AuditFilter(
            staff_id=self.staff_box.currentData(),
            terminal_id=self.terminal_box.currentData(),
            action=self.action_box.currentData(),
            outcome=self.outcome_box.currentData(),
            start=start,
            # "To" includes its whole day.
            end=end + timedelta(days=1) if end is not None else None,
        )

    def load_choices(self) -> None:
        backend = self._backend
        self._runner.op(lambda: backend.audit_trail.choices(backend.staff)).success(
            self._choices_arrived
        ).run()

    def _choices_arrived(self, choices: FilterChoices) -> None:
        self._fill(self.staff_box, [(sid, name) for sid, name in choices.staff])
        self._fill(self.terminal_box, [(tid, name) for tid, name in choices.terminals])
        self._fill(self.action_box, [(a, a) for a in choices.actions])
        self._fill(self.outcome_box, [(o, o) for o in choices.outcomes])
        self.model.set_terminal_names(dict(choices.terminals))

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

    def reload(self) -> None:
        """The first page for the filters as they are now; older pages as the view scrolls."""
        self._generation += 1
        generation = self._generation
        backend, query = self._backend, self.current_filter()
        size = AuditTableModel.PAGE_SIZE

        def more(after: AuditPageKey | None, limit: int) -> list[AuditEntry]:
            # Who is signed in when the page is read (the backend is read each time).
            return backend.audit_trail.page(backend.staff, query, after, limit)

        self.status_label.setText(self.tr("Reading the audit trail…"))
        self._runner.op(lambda: more(None, size)).success(
            lambda rows: self._first_page(generation, rows, more)
        ).run()

    def _first_page(
        self, generation: int, rows: list[AuditEntry],
        more: PageSource[AuditPageKey, AuditEntry],
    ) -> None:
        if generation != self._generation:
            return  # the filters changed meanwhile
        self.model.set_rows(rows, more, page_size=AuditTableModel.PAGE_SIZE)
        if rows:
            self.status_label.setText(self.tr("Newest first; more load as you scroll."))
        else:
            self.status_label.setText(self.tr("No entries match these filters."))

    # --- verification -----------------------------------------------------------------------------

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self._show_banner("checking", self.tr("Verifying the audit trail…"), "")
        backend = self._backend
        self._runner.op(lambda: backend.audit_trail.verify(backend.staff)).success(
            self._verified
        ).failure(
            self._verify_failed
        ).run()

    def _verified(self, result: AuditVerification) -> None:
        self.verification = result
        self.verify_button.setEnabled(True)
        notes = "\n".join(words(note) for note in result.notes)
        self._show_banner(result.status.value, words(result.summary), notes)
        if result.status is VerifyStatus.TAMPERED:
            self.banner.setAccessibleDescription(self.tr("Verification failed"))

    def _verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self._show_banner("incomplete", self.tr("The audit trail could not be verified."), "")
        self._runner.present_failure(exc)

    def _show_banner(self, state: str, summary: str, notes: str) -> None:
        self.banner.setProperty("state", state)
        self.banner.setText(summary if not notes else f"{summary}\n{notes}")
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)

    # --- export -------------------------------------------------------------------------------

    def choose_export_file(self) -> None:
        path, _kind = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit trail"), "audit-trail.csv",
            self.tr("CSV files (*.csv)"),
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        backend, query = self._backend, self.current_filter()
        self.export_button.setEnabled(False)
        self.status_label.setText(self.tr("Exporting…"))
        self._runner.op(
            lambda: backend.audit_trail.export_csv(backend.staff, query, Path(path))
        ).success(
            self._exported
        ).failure(self._export_failed).run()

    def _exported(self, count: int) -> None:
        self.exported = count
        self.export_button.setEnabled(True)
        self.status_label.setText(self.tr("Audit entries exported: %n.", "", count))

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.status_label.setText(self.tr("The export failed."))
        self._runner.present_failure(exc)


def _day_start(day: QDate) -> datetime | None:
    """Midnight (local time) at the start of `day`, in UTC; None for "any"."""
    if day <= _NO_DATE:
        return None
    local = datetime.combine(
        datetime(day.year(), day.month(), day.day()).date(), time()
    ).astimezone()
    return local.astimezone(UTC)


__all__ = ["AuditTableModel", "AuditViewer"]
