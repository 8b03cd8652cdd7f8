"""A new store's first start: its first manager chooses a name and a PIN (there is no
default manager and no default PIN), and is signed in. Managers add everyone else."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import PIN_DIGITS, Backend, SignedIn
from posdesk.gui.common.error_words import error_words
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.signin.sign_in_page import centered


class FirstManagerPage(QWidget):
    signed_in = Signal(object)  # SignedIn
    # Another terminal created the store's first manager meanwhile: sign in instead.
    store_has_staff = Signal()

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self.busy = False

        card = QFrame(self)
        card.setObjectName("signInCard")
        card.setMinimumWidth(520)
        card.setMaximumWidth(640)
        title = QLabel(self.tr("Welcome to PosDesk"), card)
        title.setObjectName("signInTitle")
        intro = QLabel(self.tr(
            "This store has no staff yet. The first person becomes its manager: enter your "
            "name and choose a PIN of %1 to %2 digits. A manager adds everyone else."
        ).replace("%1", str(PIN_DIGITS[0])).replace("%2", str(PIN_DIGITS[1])),
            card)
        intro.setObjectName("signInPrompt")
        intro.setWordWrap(True)

        digits = QRegularExpressionValidator(
            QRegularExpression(f"[0-9]{{0,{PIN_DIGITS[1]}}}"), self)
        self.name_edit = QLineEdit(card)
        self.name_edit.setPlaceholderText(self.tr("Your name, as colleagues know you"))
        self.pin_edit = QLineEdit(card)
        self.repeat_edit = QLineEdit(card)
        for edit in (self.pin_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setValidator(digits)
            edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        for edit in (self.name_edit, self.pin_edit, self.repeat_edit):
            edit.returnPressed.connect(self.create)
            edit.textEdited.connect(self._clear_message)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&PIN"), self.pin_edit)
        form.addRow(self.tr("&Repeat the PIN"), self.repeat_edit)

        self.message_label = QLabel(card)
        self.message_label.setObjectName("signInError")
        self.message_label.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Create the manager and sign in"), card)
        self.create_button.setObjectName("primaryButton")
        self.create_button.setAutoDefault(True)
        self.create_button.clicked.connect(self.create)

        layout = QVBoxLayout(card)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.create_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(centered(card, self))

    def start(self) -> None:
        self.name_edit.setFocus()

    def _clear_message(self) -> None:
        if not self.busy:
            self.message_label.setText("")

    def create(self) -> None:
        if self.busy:
            return
        name, pin = self.name_edit.text(), self.pin_edit.text()
        if not name.strip():
            self._refuse(self.tr("Enter your name."), self.name_edit)
            return
        if pin != self.repeat_edit.text():
            self.repeat_edit.clear()
            self._refuse(self.tr("The two PINs differ. Type the same PIN twice."),
                         self.repeat_edit)
            return
        self._set_busy(True)
        self.message_label.setText(self.tr("Creating the manager…"))
        session = self._backend.session
        self._runner.op(lambda: session.create_first_manager(name, pin)).success(
            self._created).failure(self._failed).run()

    def _refuse(self, text: str, field: QLineEdit) -> None:
        self.message_label.setText(text)
        field.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.name_edit, self.pin_edit, self.repeat_edit, self.create_button):
            widget.setEnabled(not busy)

    def _created(self, result: SignedIn) -> None:
        self._set_busy(False)
        self.message_label.setText("")
        for edit in (self.name_edit, self.pin_edit, self.repeat_edit):
            edit.clear()
        self.signed_in.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.pin_edit.clear()
        self.repeat_edit.clear()
        self.message_label.setText(error_words(
            exc, fallback=self.tr("The manager could not be created: the store did not "
                                  "answer. Try again."), doing="first manager").text)
        self.pin_edit.setFocus()
