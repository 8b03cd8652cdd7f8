"""Add a member of staff (name, role, first PIN) or change one's name and role.

The dialog hands what was typed to the staff service off the GUI thread and stays open with
the service's words when it refuses (a name taken, a PIN too simple, the last manager)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import PIN_DIGITS, StaffAccount
from posdesk.domain.roles import Role
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import error_text, role_words

# lupdate reads the literal context and text of each call.
translate = QCoreApplication.translate


def role_powers(role: Role) -> str:
    return {
        Role.CASHIER: translate("StaffRoles", "looks up customers, charges and takes new cards"),
        Role.SUPPORT: translate("StaffRoles",
                                "looks up customers, removes cards, resends receipts"),
        Role.MANAGER: translate("StaffRoles", "everything, and approves others' operations"),
    }[role]


def pin_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(PIN_DIGITS[1])
    edit.setValidator(QRegularExpressionValidator(r"[0-9]*", edit))
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly
                             | Qt.InputMethodHint.ImhSensitiveData)
    edit.setAccessibleName(name)
    return edit


# What the dialog submits: name, role, PIN (None when editing).
Submit = Callable[[str, Role, str | None], object]


class StaffAccountDialog(QDialog):
    def __init__(
        self,
        runner: TaskRunner,
        submit: Submit,
        account: StaffAccount | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._submit = submit
        self._account = account
        self.busy = False
        self.setWindowTitle(self.tr("Add a member of staff") if account is None
                            else self.tr("Change %1").replace("%1", account.name))
        self.setMinimumWidth(460)
        self.name_edit = QLineEdit(account.name if account else "", self)
        self.name_edit.setMaxLength(256)
        self.role_combo = QComboBox(self)
        for role in Role:
            self.role_combo.addItem(role_words(role), role.value)
        self.role_combo.setCurrentIndex(list(Role).index(account.role if account
                                                         else Role.CASHIER))
        # What the chosen role may do, under the list.
        self.powers_label = QLabel(self)
        self.powers_label.setObjectName("hint")
        self.powers_label.setWordWrap(True)
        self.role_combo.currentIndexChanged.connect(self._show_powers)
        self._show_powers()
        self.pin_edit = pin_edit(self, self.tr("PIN"))
        self.pin_again_edit = pin_edit(self, self.tr("PIN again"))
        hint = QLabel(self.tr("%1 to %2 digits; the person can change it later.")
                      .replace("%1", str(PIN_DIGITS[0])).replace("%2", str(PIN_DIGITS[1])), self)
        hint.setObjectName("hint")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Role"), self.role_combo)
        form.addRow("", self.powers_label)
        if account is None:
            form.addRow(self.tr("PIN"), self.pin_edit)
            form.addRow(self.tr("PIN again"), self.pin_again_edit)
            form.addRow("", hint)
        else:
            self.pin_edit.hide()
            self.pin_again_edit.hide()
            hint.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _show_powers(self) -> None:
        role = Role(self.role_combo.currentData())
        self.powers_label.setText(self.tr("May: %1.").replace("%1", role_powers(role)))

    def save(self) -> None:
        if self.busy:
            return
        pin: str | None = None
        if self._account is None:
            pin = self.pin_edit.text()
            if pin != self.pin_again_edit.text():
                self._say(self.tr("The two PINs differ. Type the same PIN twice."))
                return
        name, role = self.name_edit.text(), Role(self.role_combo.currentData())
        self.busy = True
        self.buttons.setEnabled(False)
        submit = self._submit
        self._runner.op(lambda: submit(name, role, pin)).success(
            lambda _r: self._done()).failure(self._refused).run()

    def _done(self) -> None:
        self.busy = False
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        self._say(error_text(exc, self.tr("The account could not be saved. Try again.")))

    def _say(self, words: str) -> None:
        self.error_label.setText(words)
        self.error_label.setVisible(bool(words))

    def reject(self) -> None:
        if not self.busy:
            super().reject()
