"""What the window shows while nobody is signed in: the first-manager page on a new store,
else the sign-in page (the people, then a PIN pad)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from posdesk.backend import Backend, StaffAccount, StaffMember
from posdesk.gui.common.error_words import error_words
from posdesk.gui.common.theme import set_themed_style_sheet
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.signin.first_manager_page import FirstManagerPage
from posdesk.gui.signin.sign_in_page import SignInPage, centered
from posdesk.gui.signin.style import SIGN_IN_STYLE


class SignInScreen(QWidget):
    signed_in = Signal(object)  # SignedIn
    shown = Signal(str)  # "first_manager", "people", "pin" (tests and screenshots wait on it)

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("signInScreen")
        set_themed_style_sheet(self, SIGN_IN_STYLE)  # refilled when the scheme switches
        self._backend = backend
        self._runner = runner
        self._prefer: StaffMember | None = None
        self.loaded = False

        waiting = QWidget(self)
        self.loading_label = QLabel(self.tr("Loading the staff…"), waiting)
        self.loading_label.setObjectName("signInPrompt")
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Try again"), waiting)
        self.retry_button.setAutoDefault(True)
        self.retry_button.clicked.connect(lambda: self.start(self._prefer))
        self.retry_button.hide()
        box = QVBoxLayout(waiting)
        box.addWidget(self.loading_label)
        box.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignCenter)
        self.loading_page = centered(waiting, self)

        self.first_manager = FirstManagerPage(backend, runner, self)
        self.first_manager.signed_in.connect(self.signed_in)
        self.first_manager.store_has_staff.connect(lambda: self.start(None))
        self.sign_in_page = SignInPage(backend, runner, self)
        self.sign_in_page.signed_in.connect(self.signed_in)

        self.stack = QStackedWidget(self)
        for page in (self.loading_page, self.first_manager, self.sign_in_page):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def start(self, prefer: StaffMember | None = None) -> None:
        """Load who may sign in; then `prefer`'s PIN pad (the person whose work is held),
        else the list of people, or the first-manager page on a store without staff."""
        self._prefer = prefer
        self.loaded = False
        self.loading_label.setText(self.tr("Loading the staff…"))
        self.retry_button.hide()
        self.stack.setCurrentWidget(self.loading_page)
        session = self._backend.session
        self._runner.op(lambda: (session.needs_first_manager(), session.accounts())).success(
            self._loaded).failure(self._load_failed).run()

    def _loaded(self, answer: tuple[bool, list[StaffAccount]]) -> None:
        needs_first_manager, accounts = answer
        self.loaded = True
        if needs_first_manager:
            self.stack.setCurrentWidget(self.first_manager)
            self.first_manager.start()
            self.shown.emit("first_manager")
            return
        page = self.sign_in_page
        page.set_accounts(accounts)
        self.stack.setCurrentWidget(page)
        if self._prefer is not None and page.choose_by_id(self._prefer.id):
            self.shown.emit("pin")
        else:
            page.show_people()
            self.shown.emit("people")

    def _load_failed(self, exc: BaseException) -> None:
        self.loading_label.setText(error_words(
            exc, fallback=self.tr("The staff list could not be read: the store did not "
                                  "answer. Check the network, then try again."),
            doing="staff list").text)
        self.retry_button.show()
        self.retry_button.setFocus()
