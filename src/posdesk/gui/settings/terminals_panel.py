"""Settings, Terminals: this terminal's name and the store's terminals, live or offline.

The list is read off the GUI thread when the panel opens and every few seconds while it is
shown, so "last seen" and live/offline stay true while someone looks at it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import (
    LIVE_WITHIN,
    TERMINAL_NAME_MAX,
    Backend,
    TerminalEntry,
    clean_terminal_name,
)
from posdesk.domain.roles import Permission
from posdesk.gui.common.workers import Job, TaskRunner
from posdesk.gui.settings.terminal_table_model import TerminalTableModel

log = logging.getLogger(__name__)

REFRESH_INTERVAL_MS = 5_000


class TerminalsPanel(QWidget):
    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._job: Job | None = None

        self.name_edit = QLineEdit(backend.settings.terminal_name or "", self)
        self.name_edit.setMaxLength(TERMINAL_NAME_MAX)
        self.name_edit.setPlaceholderText(backend.terminal.host)
        self.name_edit.setAccessibleName(self.tr("Terminal name"))
        name_hint = QLabel(
            self.tr("How this computer appears in the store's list of terminals, e.g. "
                    "\u201cTill 1\u201d or \u201cBack office\u201d. Empty: the computer's name."),
            self,
        )
        name_hint.setObjectName("hint")
        name_hint.setWordWrap(True)

        title = QLabel(self.tr("Terminals using this store"), self)
        title.setObjectName("sectionTitle")
        self.model = TerminalTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Terminals using this store"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to act on: Tab skips it
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TerminalTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.status_label = QLabel(self.tr("Reading the terminals…"), self)
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Terminal name"), self.name_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(name_hint)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_INTERVAL_MS)
        self._timer.timeout.connect(self._refresh_if_shown)
        self._timer.start()
        self.refresh()

    def _refresh_if_shown(self) -> None:
        if self.isVisible():
            self.refresh()

    def chosen_name(self) -> str:
        """The name as it will be saved; empty means the computer's name."""
        return clean_terminal_name(self.name_edit.text())

    def effective_name(self) -> str:
        return self.chosen_name() or self._backend.terminal.host

    def set_busy(self, busy: bool) -> None:
        self.name_edit.setReadOnly(busy)

    # --- the list -----------------------------------------------------------------------------

    def _may_see(self) -> bool:
        try:
            return self._backend.staff.role.allows(Permission.MANAGE_SETTINGS)
        except Exception:  # noqa: BLE001 - nobody signed in
            return False

    def refresh(self) -> None:
        if self._job is not None:
            return
        if not self._may_see():
            # Not asked at all (a refusal every few seconds would fill the audit log).
            self.status_label.setText(self.tr("A manager can see the store's terminals here."))
            return
        service, actor = self._backend.settings_service, self._backend.staff
        # A read every few seconds: a failure says so in the panel, not in a dialog.
        self._job = self._runner.op(lambda: service.terminals(actor)).success(
            self._show).failure(self._failed).run()

    def _show(self, terminals: list[TerminalEntry]) -> None:
        self._job = None
        self.model.set_terminals(terminals)
        live = sum(1 for t in terminals if t.live)
        if not terminals:
            self.status_label.setText(self.tr("No terminal has registered in this store yet."))
        else:
            self.status_label.setText(
                self.tr("Live now: %1").replace("%1", str(live)) + " · "
                + self.tr("a terminal is offline once not seen for %1 seconds")
                .replace("%1", str(int(LIVE_WITHIN.total_seconds())))
            )

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        log.warning("reading the store's terminals failed: %s", type(exc).__name__)
        self.status_label.setText(
            self.tr("The list of terminals could not be read from the store.")
        )

    def stop(self) -> None:
        self._timer.stop()
