"""The close of day: choose this terminal or the whole store and the business day, see the X
report (it changes nothing), and close the day with the Z report once the manager confirms
(a second close of the same day is refused by the service, in words). The report shown can
be printed (the system's print dialog, on the receipt printer's paper) or saved as a PDF.

Opened from the main menu (PosDesk → Close of day…). Reports are made off the GUI thread
(runner.op): they read the store and Stripe's balance.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import Backend, paths
from posdesk.domain.day_close import DayReport, ReportKind, Scope
from posdesk.gui.common.error_words import error_words
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.day_close.day_report_document import (
    print_report,
    report_html,
    report_name,
    title_of,
    write_pdf,
)
from posdesk.gui.receipts.receipt_document import Paper, receipt_font
from posdesk.gui.receipts.receipt_printer import choose_printer, paper_of, remember_printer

T = TypeVar("T")


class DayCloseDialog(QDialog):
    shown = Signal(object)  # the DayReport shown, each time one arrives
    saved = Signal(str)  # the PDF's path

    def __init__(self, backend: Backend, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self.report: DayReport | None = None
        self._asked = 0
        self.setWindowTitle(self.tr("Close of day"))
        self.resize(720, 760)

        self.scope_box = QComboBox(self)
        self.scope_box.setObjectName("dayCloseScope")
        terminal = backend.terminal
        self.scope_box.addItem(self.tr("This terminal (%1)").replace("%1", terminal.name),
                               Scope.terminal(terminal.id))
        self.scope_box.addItem(self.tr("The whole store"), Scope.store())
        self.day_edit = QDateEdit(QDate.currentDate(), self)
        self.day_edit.setObjectName("dayCloseDay")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setMaximumDate(QDate.currentDate())
        self.x_button = QPushButton(self.tr("Show X report"), self)
        self.x_button.setObjectName("primaryButton")
        self.x_button.setDefault(True)
        self.x_button.clicked.connect(self.show_x)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Report for"), self))
        choose.addWidget(self.scope_box, 1)
        choose.addWidget(QLabel(self.tr("Day"), self))
        choose.addWidget(self.day_edit)
        choose.addWidget(self.x_button)
        self.scope_box.currentIndexChanged.connect(lambda _i: self.show_x())
        self.day_edit.dateChanged.connect(lambda _d: self.show_x())

        self.view = QTextBrowser(self)
        self.view.setObjectName("dayReport")
        self.view.document().setDefaultFont(receipt_font(11.0))
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.status_label = QLabel("", self)
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)

        # The Z report asks first, in the dialog itself (no second window to lose).
        self.confirm_panel = QFrame(self)
        self.confirm_panel.setObjectName("dayCloseConfirm")
        self.confirm_label = QLabel("", self.confirm_panel)
        self.confirm_label.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("Yes, close the day"), self.confirm_panel)
        self.confirm_button.setObjectName("dangerButton")
        self.confirm_button.clicked.connect(self.close_day)
        self.cancel_confirm_button = QPushButton(self.tr("Not now"), self.confirm_panel)
        self.cancel_confirm_button.clicked.connect(lambda: self.confirm_panel.hide())
        confirm = QHBoxLayout(self.confirm_panel)
        confirm.addWidget(self.confirm_label, 1)
        confirm.addWidget(self.cancel_confirm_button)
        confirm.addWidget(self.confirm_button)
        self.confirm_panel.hide()

        self.z_button = QPushButton(self.tr("Close day (Z)…"), self)
        self.z_button.setAutoDefault(False)
        self.z_button.clicked.connect(self.ask_close)
        # A closed day: its Z report as it was made, to print again (says COPY).
        self.z_copy_button = QPushButton(self.tr("Show its Z report"), self)
        self.z_copy_button.setAutoDefault(False)
        self.z_copy_button.clicked.connect(self.show_z_copy)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_chosen)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"), self)
        self.pdf_button.setAutoDefault(False)
        self.pdf_button.clicked.connect(self.save_chosen)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.z_button)
        buttons.addWidget(self.z_copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.confirm_panel)
        layout.addLayout(buttons)
        self._set_report(None)
        self.show_x()

    # --- what is chosen ---------------------------------------------------------------------

    def scope(self) -> Scope:
        chosen = self.scope_box.currentData()
        return chosen if isinstance(chosen, Scope) else Scope.store()

    def day(self) -> date:
        return self.day_edit.date().toPython()  # type: ignore[no-any-return]

    def _busy(self, busy: bool) -> None:
        for widget in (self.x_button, self.z_button, self.z_copy_button, self.confirm_button,
                       self.scope_box, self.day_edit):
            widget.setEnabled(not busy)
        if not busy:
            self.z_button.setEnabled(self.report is not None and self.report.closed is None)

    def _set_report(self, report: DayReport | None) -> None:
        self.report = report
        self.print_button.setEnabled(report is not None)
        self.pdf_button.setEnabled(report is not None)
        self.z_button.setEnabled(report is not None and report.closed is None)
        self.z_copy_button.setVisible(report is not None and report.closed is not None
                                      and report.kind is ReportKind.X)

    def _ask(self) -> int:
        self._asked += 1
        return self._asked

    def _latest(self, asked: int, deliver: Callable[[T], None], value: T) -> None:
        # Changing the scope or day asks again: an older answer arriving late is dropped.
        if asked == self._asked:
            deliver(value)

    # --- X ------------------------------------------------------------------------------------

    def show_x(self) -> None:
        service, staff = self._backend.day_close, self._backend.staff
        scope, day = self.scope(), self.day()
        self.confirm_panel.hide()
        self._busy(True)
        self.status_label.setText(self.tr("Adding up the day…"))
        asked = self._ask()
        self._runner.op(lambda: service.x_report(staff, scope, day)).success(
            lambda report: self._latest(asked, self._show, report)).failure(
            lambda exc: self._latest(asked, self._failed, exc)).run()

    def show_z_copy(self) -> None:
        service, staff = self._backend.day_close, self._backend.staff
        scope, day = self.scope(), self.day()
        self._busy(True)
        asked = self._ask()
        self._runner.op(lambda: service.closed_report(staff, scope, day)).success(
            lambda report: self._latest(asked, self._show_copy, report)).failure(
            lambda exc: self._latest(asked, self._failed, exc)).run()

    def _show_copy(self, report: DayReport | None) -> None:
        if report is None:  # not closed after all (another look will say so)
            self.show_x()
            return
        self._show(report)

    def _show(self, report: DayReport) -> None:
        self._set_report(report)
        self._busy(False)
        self.view.setHtml(report_html(report))
        if report.copy and report.closed is not None:
            words = self.tr("Z report no. %1 as it was made; it prints as a copy.").replace(
                "%1", str(report.closed.number))
        elif report.kind is ReportKind.Z and report.closed is not None:
            words = self.tr("Day closed: Z report no. %1.").replace(
                "%1", str(report.closed.number))
        elif report.closed is not None:
            words = self.tr("This day is closed already (Z report no. %1).").replace(
                "%1", str(report.closed.number))
        else:
            words = self.tr("X report: nothing is closed by it.")
        self.status_label.setText(words)
        self.shown.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.status_label.setText(error_words(
            exc, fallback=self.tr("The report could not be made. Try again."),
            not_allowed=self.tr("Only a manager can see or close the day (you are %1)."),
            doing="close of day").text)

    # --- Z ------------------------------------------------------------------------------------

    def ask_close(self) -> None:
        scope_name = self.scope_box.currentText()
        self.confirm_label.setText(self.tr(
            "Close the day %1 (%2)? The Z report is final: this day cannot be closed "
            "again.").replace("%1", self.day().isoformat()).replace("%2", scope_name))
        self.confirm_panel.show()
        self.confirm_button.setFocus()

    def close_day(self) -> None:
        service, staff = self._backend.day_close, self._backend.staff
        scope, day = self.scope(), self.day()
        self.confirm_panel.hide()
        self._busy(True)
        self.status_label.setText(self.tr("Closing the day…"))
        asked = self._ask()
        self._runner.op(lambda: service.z_report(staff, scope, day)).success(
            lambda report: self._latest(asked, self._show, report)).failure(
            lambda exc: self._latest(asked, self._failed, exc)).run()

    # --- paper --------------------------------------------------------------------------------

    def print_chosen(self) -> None:
        if self.report is None:
            return
        settings = self._backend.settings
        printer = choose_printer(settings, self)
        if printer is None:
            return
        remember_printer(settings, paths.settings_file(self._backend.data_dir), printer)
        try:
            print_report(self.report, paper_of(settings), printer)
        except OSError as exc:
            self._runner.present_failure(exc, self.tr("The report could not be printed."))
            return
        self.status_label.setText(self.tr("Report printed."))

    def pdf_paper(self) -> Paper:
        # A PDF is a sheet, not a roll: Letter where the receipts are on Letter, else A4.
        return Paper.LETTER if paper_of(self._backend.settings) is Paper.LETTER else Paper.A4

    def save_chosen(self) -> None:
        if self.report is None:
            return
        suggested = str(Path.home() / f"{report_name(self.report)}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save report as PDF"), suggested, self.tr("PDF (*.pdf)"))
        if path:
            self.save_to(Path(path).with_suffix(".pdf"))

    def save_to(self, path: Path) -> None:
        if self.report is None:
            return
        try:
            write_pdf(self.report, self.pdf_paper(), path)
        except OSError as exc:
            self._runner.present_failure(exc, self.tr("The PDF could not be saved."))
            return
        self.status_label.setText(self.tr("%1 saved as %2.").replace(
            "%1", title_of(self.report)).replace("%2", str(path)))
        self.saved.emit(str(path))
