"""Create a customer (name, email, phone) in Stripe and the local cache."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import Backend, CustomerRecord
from posdesk.gui.common.error_words import error_words
from posdesk.gui.common.workers import TaskRunner

log = logging.getLogger(__name__)


class NewCustomerDialog(QDialog):
    created = Signal(object)  # CustomerRecord

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self.busy = False
        self.setWindowTitle(self.tr("New customer"))
        self.setMinimumWidth(480)

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("nameEdit")
        self.email_edit = QLineEdit(self)
        self.email_edit.setObjectName("emailEdit")
        self.email_edit.setPlaceholderText("name@example.com")
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setObjectName("phoneEdit")
        self.phone_edit.setPlaceholderText("+1 555 0100")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Email"), self.email_edit)
        form.addRow(self.tr("Phone"), self.phone_edit)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("fieldError")
        self.message_label.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.create_button = QPushButton(self.tr("Create customer"), self)
        self.create_button.setObjectName("primaryButton")
        self.create_button.setDefault(True)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setToolTip(self.tr("Create the customer in Stripe (Enter)"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        cancel.setText(self.tr("Cancel  (Esc)"))
        cancel.setAutoDefault(False)  # Enter always means "create", never "cancel"
        self.create_button.clicked.connect(self.create)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.name_edit.setFocus()

    def create(self) -> None:
        if self.busy:
            return
        name = self.name_edit.text().strip()
        email = self.email_edit.text().strip() or None
        phone = self.phone_edit.text().strip() or None
        if not name:
            self.message_label.setText(self.tr("Enter the customer's name."))
            self.name_edit.setFocus()
            return
        self._set_busy(True)
        self.message_label.setText(self.tr("Creating the customer in Stripe…"))
        customers, staff = self._backend.customers, self._backend.staff
        # The dialog says what failed next to the fields it concerns.
        self._runner.op(lambda: customers.create_customer(staff, name, email, phone)).success(
            self._created).failure(self._failed).run()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        # Read-only rather than disabled: a disabled field would pass focus (and Enter) on.
        for edit in (self.name_edit, self.email_edit, self.phone_edit):
            edit.setReadOnly(busy)
        self.create_button.setEnabled(not busy)

    def _created(self, customer: CustomerRecord) -> None:
        self._set_busy(False)
        self.created.emit(customer)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.message_label.setText(error_words(
            exc, fallback=self.tr("Stripe did not answer. Nothing was created; try again."),
            not_allowed=self.tr("You are not allowed to add customers."),
            doing="creating a customer").text)

    def reject(self) -> None:
        if self.busy:
            return
        super().reject()
