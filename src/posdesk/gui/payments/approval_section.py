"""The "Manager approval" section a dialog shows in place when the shop's limits ask for a
manager's PIN (a charge above the limit, removing a card): why, who approves, their PIN.

The dialog hands over the service's ApprovalRequired; the PIN is checked off the GUI thread
(StaffService.approve, audited under the manager's name) and `approved` carries the
Approval the dialog passes with the same call again. A wrong PIN or a wait after several
shows the service's words here; nothing else in the dialog changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import PIN_DIGITS, Approval, Backend, StaffAccount
from posdesk.domain.approval import ApprovalRequired
from posdesk.domain.roles import Role, StaffMember
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import error_text, outcome_text, sentences


class ApprovalSection(QFrame):
    approved = Signal(object)  # Approval
    canceled = Signal()
    # Shown, hidden, or its words changed: the dialog fits its height to it.
    changed = Signal()

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._needed: ApprovalRequired | None = None
        self._requester: StaffMember | None = None
        self.busy = False
        self.setObjectName("approvalSection")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        title = QLabel(self.tr("Manager approval"), self)
        title.setObjectName("sectionTitle")
        self.reason_label = QLabel(self)
        self.reason_label.setWordWrap(True)
        self.manager_combo = QComboBox(self)
        self.manager_combo.setAccessibleName(self.tr("Manager"))
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(PIN_DIGITS[1])
        self.pin_edit.setValidator(QRegularExpressionValidator(r"[0-9]*", self.pin_edit))
        self.pin_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.pin_edit.setAccessibleName(self.tr("Manager's PIN"))
        self.pin_edit.setPlaceholderText(self.tr("The manager types their PIN"))
        self.pin_edit.returnPressed.connect(self.approve)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.approve_button.setObjectName("primaryButton")
        self.approve_button.setAutoDefault(False)
        self.approve_button.clicked.connect(self.approve)
        self.cancel_button = QPushButton(self.tr("Not now"), self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self._cancel)

        form = QFormLayout()
        form.addRow(self.tr("Manager"), self.manager_combo)
        form.addRow(self.tr("PIN"), self.pin_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.approve_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.reason_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.hide()

    @property
    def needed(self) -> ApprovalRequired | None:
        return self._needed

    @property
    def pending(self) -> bool:
        """Shown, waiting for a manager's PIN."""
        return self._needed is not None

    def ask(self, needed: ApprovalRequired, requester: StaffMember) -> None:
        """Show the section for this refusal; the managers are read off the GUI thread."""
        self._needed, self._requester = needed, requester
        self.reason_label.setText(
            sentences(outcome_text(needed.message),
                      self.tr("A manager chooses their name and types their PIN here."))
        )
        self.pin_edit.clear()
        self.show()
        self._say("")
        self.pin_edit.setFocus()
        accounts = self._backend.staff_accounts
        self._runner.op(accounts.accounts).success(self._show_managers).failure(
            lambda exc: self._say(error_text(exc, self.tr(
                "The list of managers could not be read. Try again.")))).run()

    def _show_managers(self, accounts: list[StaffAccount]) -> None:
        requester_id = self._requester.id if self._requester else None
        managers = [a for a in accounts
                    if a.role == Role.MANAGER and a.active and a.id != requester_id]
        self.manager_combo.clear()
        for account in managers:
            self.manager_combo.addItem(account.name, account.id)
        if not managers:
            self._say(self.tr("No other manager has an account: a manager must add one in "
                              "Settings → Staff."))
        self.approve_button.setEnabled(bool(managers) and not self.busy)

    def approve(self) -> None:
        needed, requester = self._needed, self._requester
        manager_id = self.manager_combo.currentData()
        if self.busy or needed is None or requester is None or not manager_id:
            return
        pin = self.pin_edit.text()
        if not pin:
            self._say(self.tr("Type the manager's PIN."))
            return
        self._set_busy(True)
        self._say("")
        accounts = self._backend.staff_accounts
        self._runner.op(lambda: accounts.approve(
            manager_id, pin, requester, needed.action, needed.target)
        ).success(self._approved).failure(self._refused).run()

    def _approved(self, approval: Approval) -> None:
        self._set_busy(False)
        self.pin_edit.clear()
        self._needed = None
        self.hide()
        self.changed.emit()
        self.approved.emit(approval)

    def _refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.pin_edit.clear()
        self.pin_edit.setFocus()
        self._say(error_text(exc, self.tr("The PIN could not be checked. Try again.")))

    def _cancel(self) -> None:
        if self.busy:
            return
        self.close_section()
        self.canceled.emit()

    def close_section(self) -> None:
        self._needed = None
        self.pin_edit.clear()
        self.hide()
        self._say("")

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.approve_button.setEnabled(not busy)
        self.pin_edit.setReadOnly(busy)
        self.manager_combo.setEnabled(not busy)

    def _say(self, words: str) -> None:
        self.error_label.setText(words)
        self.error_label.setVisible(bool(words))
        self.changed.emit()
