"""The sign-in page: the store's active staff as big tiles, then the chosen person's PIN pad.

Keyboard: Tab and the arrow keys move between people, Enter chooses; on the pad digits type,
Backspace, Delete (clear), Enter (OK), Escape back to the people. After wrong PINs the
service asks for a growing wait (per account and per terminal): the page counts it down and
keeps OK off until it is over. The PIN is checked off the GUI thread (its hash takes tens of
milliseconds).
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import Backend, SignedIn, SignInRefused, StaffAccount
from posdesk.gui.common.error_words import error_words
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import role_words
from posdesk.gui.messages import words
from posdesk.gui.signin.pin_pad import PinPad

COLUMNS = 3


def centered(card: QWidget, parent: QWidget) -> QWidget:
    """`card` in the middle of a page that fills the window."""
    page = QWidget(parent)
    outer = QVBoxLayout(page)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return page


class SignInPage(QWidget):
    signed_in = Signal(object)  # SignedIn

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self.accounts: list[StaffAccount] = []
        self.person: StaffAccount | None = None
        self.tiles: list[QPushButton] = []
        # monotonic time before which no PIN is taken (the service's wait, counted down).
        self.retry_at = 0.0
        self._waiting = False
        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._tick)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_people())
        self.stack.addWidget(self._build_pad())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # --- the people ------------------------------------------------------------------------

    def _build_people(self) -> QWidget:
        card = QFrame(self)
        card.setObjectName("signInCard")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(16)
        self.people_title = QLabel(self.tr("Who is signing in?"), card)
        self.people_title.setObjectName("signInTitle")
        self.people_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.people_prompt = QLabel(
            self.tr("Choose your name, then enter your PIN."), card)
        self.people_prompt.setObjectName("signInPrompt")
        self.people_prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tile_grid = QGridLayout()
        self.tile_grid.setSpacing(12)
        self.people_message = QLabel(card)
        self.people_message.setObjectName("signInError")
        self.people_message.setWordWrap(True)
        self.people_message.hide()
        self.demo_hint = QLabel(card)
        self.demo_hint.setObjectName("demoPins")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_hint.hide()
        layout.addWidget(self.people_title)
        layout.addWidget(self.people_prompt)
        layout.addLayout(self.tile_grid)
        layout.addWidget(self.people_message)
        layout.addWidget(self.demo_hint)
        self.people_page = centered(card, self)
        return self.people_page

    def set_accounts(self, accounts: list[StaffAccount]) -> None:
        """Show these people (the active staff, by name)."""
        self.accounts = list(accounts)
        for tile in self.tiles:
            self.tile_grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []
        for index, account in enumerate(self.accounts):
            tile = QPushButton(f"{account.name}\n{role_words(account.role)}", self)
            tile.setObjectName("personTile")
            tile.setAccessibleName(account.name)
            tile.setAutoDefault(True)  # Enter chooses, as Space does
            tile.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            tile.clicked.connect(lambda _c=False, a=account: self.choose(a))
            tile.installEventFilter(self)
            self.tile_grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
            self.tiles.append(tile)
        for previous, tile in zip(self.tiles, self.tiles[1:], strict=False):
            QWidget.setTabOrder(previous, tile)
        self.people_message.setVisible(not self.accounts)
        if not self.accounts:
            self.people_message.setText(self.tr(
                "No one can sign in: every account is switched off. A manager's account "
                "must be switched on again in the store's database."))
        self._show_demo_hint()

    def _show_demo_hint(self) -> None:
        pins = self._backend.session.demo_pins
        if not (self._backend.demo and pins):
            self.demo_hint.hide()
            return
        people = "   ·   ".join(f"{name}: {pin}" for name, pin in pins)
        self.demo_hint.setText(self.tr("Demo PINs — %1").replace("%1", people))
        self.demo_hint.show()

    def show_people(self) -> None:
        """The list of people, the keyboard on the first (or the last chosen) person."""
        self.person = None
        self.pad.reset()
        self.error_label.setText("")
        self.stack.setCurrentWidget(self.people_page)
        if self.tiles:
            self.tiles[0].setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Arrow keys move between the tiles as on a grid.
        if event.type() == QEvent.Type.KeyPress and watched in self.tiles:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1,
                    Qt.Key.Key_Up: -COLUMNS, Qt.Key.Key_Down: COLUMNS}.get(
                        Qt.Key(event.key()))
            if step is not None:
                index = self.tiles.index(watched) + step  # type: ignore[arg-type]
                if 0 <= index < len(self.tiles):
                    self.tiles[index].setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    # --- the PIN pad -----------------------------------------------------------------------

    def _build_pad(self) -> QWidget:
        card = QFrame(self)
        card.setObjectName("signInCard")
        card.setMinimumWidth(380)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.setSpacing(8)
        self.person_label = QLabel(card)
        self.person_label.setObjectName("signInTitle")
        self.person_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.role_label = QLabel(card)
        self.role_label.setObjectName("signInPrompt")
        self.role_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pad = PinPad(card)
        self.pad.submitted.connect(self.sign_in)
        self.pad.back_requested.connect(self.show_people)
        self.error_label = QLabel(card)
        self.error_label.setObjectName("signInError")
        self.error_label.setWordWrap(True)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.wait_label = QLabel(card)
        self.wait_label.setObjectName("signInWait")
        self.wait_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.wait_label.hide()
        self.back_button = QPushButton(self.tr("Not you? Choose another person  (Esc)"), card)
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.show_people)
        layout.addWidget(self.person_label)
        layout.addWidget(self.role_label)
        layout.addWidget(self.pad)
        layout.addWidget(self.error_label)
        layout.addWidget(self.wait_label)
        layout.addWidget(self.back_button)
        self.pad_page = centered(card, self)
        return self.pad_page

    def choose(self, account: StaffAccount) -> None:
        """The PIN pad for this person, the keyboard on it."""
        self.person = account
        self.person_label.setText(account.name)
        self.role_label.setText(role_words(account.role))
        self.pad.reset()
        self.error_label.setText("")
        self._tick()
        self.stack.setCurrentWidget(self.pad_page)
        self.pad.setFocus()

    def choose_by_id(self, staff_id: str) -> bool:
        account = next((a for a in self.accounts if a.id == staff_id), None)
        if account is None:
            return False
        self.choose(account)
        return True

    def sign_in(self, pin: str) -> None:
        person = self.person
        if person is None or self.pad.busy or time.monotonic() < self.retry_at:
            return
        self.pad.set_busy(True)
        self.error_label.setText(self.tr("Checking…"))
        session = self._backend.session
        self._runner.op(lambda: session.sign_in(person.id, pin)).success(
            self._signed_in).failure(self._refused).run()

    def _signed_in(self, result: SignedIn) -> None:
        self.pad.reset()
        self.error_label.setText("")
        self.signed_in.emit(result)

    def _refused(self, exc: BaseException) -> None:
        self.pad.reset()
        if isinstance(exc, SignInRefused):
            self.error_label.setText(words(exc.message))
            if exc.wait_s > 0:
                self.retry_at = max(self.retry_at, time.monotonic() + exc.wait_s)
        else:
            self.error_label.setText(error_words(
                exc, fallback=self.tr("The PIN could not be checked: the store did not "
                                      "answer. Try again."), doing="sign-in").text)
        self._tick()
        self.pad.setFocus()

    # --- the wait after wrong PINs ---------------------------------------------------------

    @property
    def waiting_s(self) -> int:
        """Whole seconds left of the wait (0: a PIN is taken now)."""
        return max(0, math.ceil(self.retry_at - time.monotonic()))

    def _tick(self) -> None:
        left = self.waiting_s
        self.pad.set_ok_allowed(left == 0)
        if left > 0:
            self.wait_label.setText(
                self.tr("Wait %1 s before the next try.").replace("%1", str(left)))
            self.wait_label.show()
            self._waiting = True
            if not self._countdown.isActive():
                self._countdown.start()
            return
        self._countdown.stop()
        self.wait_label.hide()
        if self._waiting:
            self._waiting = False
            self.error_label.setText(self.tr("You can try again now."))
