"""Settings, Staff: the store's accounts with their role and whether they may sign in; a
manager adds people, changes a name or role, switches an account off or on, and sets a PIN.

Each action is one call of the staff service off the GUI thread (a manager only, audited);
the service's words show under the list when it refuses (the last manager, a name taken).
Other roles are told a manager manages staff; the service refuses them regardless.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import Backend, StaffAccount
from posdesk.domain.roles import Permission, Role
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import error_text, role_words
from posdesk.gui.settings.pin_dialog import PinDialog
from posdesk.gui.settings.staff_account_dialog import StaffAccountDialog

log = logging.getLogger(__name__)


class StaffPage(QWidget):
    loaded = Signal(list)  # list[StaffAccount], each time the list is read

    NAME, ROLE, ACTIVE = range(3)

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self.accounts: list[StaffAccount] = []
        self.dialog: StaffAccountDialog | PinDialog | None = None

        intro = QLabel(
            self.tr("Everyone who works the tills signs in with their own PIN. Cashiers take "
                    "payments; support staff look up customers and remove cards; managers do "
                    "everything and approve what goes above the shop's limits."),
            self,
        )
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Can sign in")])
        self.table.setAccessibleName(self.tr("Staff"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(120)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Change name or role…"), self)
        self.active_button = QPushButton(self.tr("Switch off"), self)
        self.pin_button = QPushButton(self.tr("Set PIN…"), self)
        for button in (self.add_button, self.edit_button, self.active_button, self.pin_button):
            button.setAutoDefault(False)  # Enter in the dialog still means "save"
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.active_button.clicked.connect(self.toggle_active)
        self.pin_button.clicked.connect(self.set_pin)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("fieldError")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.manager_only = QLabel(
            self.tr("Only a manager can see and change the staff. Ask a manager."), self)
        self.manager_only.setObjectName("hint")
        self.manager_only.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.active_button, self.pin_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.manager_only)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)

        self.may_manage = self._actor_may_manage()
        self.manager_only.setVisible(not self.may_manage)
        self.table.setVisible(self.may_manage)
        self.add_button.setEnabled(self.may_manage)
        self._update_buttons()
        if self.may_manage:
            self.load()

    def _actor_may_manage(self) -> bool:
        try:
            return self._backend.staff.role.allows(Permission.MANAGE_STAFF)
        except Exception:  # noqa: BLE001 - nobody signed in: nothing to manage
            return False

    # --- the list -----------------------------------------------------------------------------

    def load(self) -> None:
        accounts, actor = self._backend.staff_accounts, self._backend.staff
        self._runner.op(lambda: accounts.all_accounts(actor)).success(self._show).failure(
            self._failed).run()

    def _show(self, accounts: list[StaffAccount]) -> None:
        selected = self.selected()
        self.accounts = list(accounts)
        self.table.setRowCount(len(accounts))
        for row, account in enumerate(accounts):
            cells = (account.name, role_words(account.role),
                     self.tr("Yes") if account.active else self.tr("No (switched off)"))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if selected is not None and account.id == selected.id:
                self.table.selectRow(row)
        self._update_buttons()
        self.loaded.emit(self.accounts)

    def _failed(self, exc: BaseException) -> None:
        log.warning("reading the staff failed: %s", type(exc).__name__)
        self._say(error_text(exc, self.tr("The staff could not be read from the store.")))

    def selected(self) -> StaffAccount | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() \
            else []
        if not rows or rows[0].row() >= len(self.accounts):
            return None
        return self.accounts[rows[0].row()]

    def _update_buttons(self) -> None:
        account = self.selected()
        for button in (self.edit_button, self.active_button, self.pin_button):
            button.setEnabled(self.may_manage and account is not None)
        self.active_button.setText(
            self.tr("Switch on") if account is not None and not account.active
            else self.tr("Switch off"))

    # --- actions --------------------------------------------------------------------------------

    def add(self) -> None:
        accounts, actor = self._backend.staff_accounts, self._backend.staff

        def submit(name: str, role: Role, pin: str | None) -> object:
            return accounts.add(actor, name, role, pin or "")

        self._open(StaffAccountDialog(self._runner, submit, None, self))

    def edit(self) -> None:
        account = self.selected()
        if account is None:
            return
        accounts, actor = self._backend.staff_accounts, self._backend.staff

        def submit(name: str, role: Role, _pin: str | None) -> object:
            return accounts.update(actor, account.id, name=name, role=role)

        self._open(StaffAccountDialog(self._runner, submit, account, self))

    def set_pin(self) -> None:
        account = self.selected()
        if account is None:
            return
        accounts, actor = self._backend.staff_accounts, self._backend.staff
        self._open(PinDialog(self._runner, account.name,
                             lambda pin: accounts.set_pin(actor, account.id, pin), self))

    def toggle_active(self) -> None:
        account = self.selected()
        if account is None:
            return
        accounts, actor = self._backend.staff_accounts, self._backend.staff
        self._say("")
        self._runner.op(
            lambda: accounts.update(actor, account.id, active=not account.active)
        ).success(lambda _r: self.load()).failure(
            lambda exc: self._say(error_text(exc, self.tr(
                "The account could not be changed. Try again.")))).run()

    def _open(self, dialog: StaffAccountDialog | PinDialog) -> None:
        self._say("")
        self.dialog = dialog
        dialog.accepted.connect(self.load)
        dialog.finished.connect(lambda _code: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: StaffAccountDialog | PinDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _say(self, words: str) -> None:
        self.message_label.setText(words)
        self.message_label.setVisible(bool(words))
