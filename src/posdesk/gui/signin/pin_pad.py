"""A PIN pad for keyboard, mouse and touch: digits 0–9, backspace, clear and OK, the PIN
shown as dots.

The pad itself takes the keyboard: digits (main row or keypad) type, Backspace takes the
last digit back, Delete clears, Enter is OK and Escape asks to go back. Its buttons take no
focus, so a tap never moves the keyboard away from the pad.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from posdesk.backend import PIN_DIGITS

DOT = "●"


class PinPad(QWidget):
    submitted = Signal(str)  # the PIN, on OK or Enter
    back_requested = Signal()  # Escape

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pin = ""
        # Off while a PIN is being checked or a wait runs; typing is still taken.
        self.ok_allowed = True
        self.busy = False

        self.dots = QLabel(self)
        self.dots.setObjectName("pinDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots.setAccessibleName(self.tr("PIN"))

        grid = QGridLayout()
        grid.setSpacing(8)
        self.digit_buttons: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            button = self._key(digit)
            grid.addWidget(button, index // 3, index % 3)
        self.clear_button = self._key(self.tr("Clear"), self.clear)
        self.clear_button.setToolTip(self.tr("Clear the PIN (Delete)"))
        grid.addWidget(self.clear_button, 3, 0)
        grid.addWidget(self._key("0"), 3, 1)
        self.backspace_button = self._key("⌫", self.backspace)
        self.backspace_button.setToolTip(self.tr("Take back the last digit (Backspace)"))
        self.backspace_button.setAccessibleName(self.tr("Backspace"))
        grid.addWidget(self.backspace_button, 3, 2)
        self.ok_button = QPushButton(self.tr("OK"), self)
        self.ok_button.setObjectName("primaryButton")
        self.ok_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ok_button.setMinimumHeight(50)
        self.ok_button.setToolTip(self.tr("Sign in (Enter)"))
        self.ok_button.clicked.connect(self.submit)
        grid.addWidget(self.ok_button, 4, 0, 1, 3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.dots)
        layout.addLayout(grid)
        self._update()

    def _key(self, label: str, action: object = None) -> QPushButton:
        button = QPushButton(label, self)
        button.setObjectName("padKey")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRepeat(False)
        if action is None:
            self.digit_buttons[label] = button
            button.clicked.connect(lambda _checked=False, d=label: self.type_digit(d))
        else:
            button.clicked.connect(action)
        return button

    # --- typing ---------------------------------------------------------------------------

    def type_digit(self, digit: str) -> None:
        if self.busy or len(self.pin) >= PIN_DIGITS[1]:
            return
        self.pin += digit
        self._update()
        self.setFocus()

    def backspace(self) -> None:
        if self.busy:
            return
        self.pin = self.pin[:-1]
        self._update()
        self.setFocus()

    def clear(self) -> None:
        if self.busy:
            return
        self.pin = ""
        self._update()
        self.setFocus()

    def reset(self) -> None:
        """Empty, ready for a PIN (the last one is never kept)."""
        self.busy = False
        self.pin = ""
        self._update()

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.submitted.emit(self.pin)

    def set_ok_allowed(self, allowed: bool) -> None:
        self.ok_allowed = allowed
        self._update()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update()

    def _update(self) -> None:
        empty = not self.pin
        self.dots.setText(self.tr("Enter your PIN") if empty else DOT * len(self.pin))
        if self.dots.property("empty") != empty:
            self.dots.setProperty("empty", empty)
            self.dots.style().unpolish(self.dots)
            self.dots.style().polish(self.dots)
        self.ok_button.setEnabled(
            self.ok_allowed and not self.busy and len(self.pin) >= PIN_DIGITS[0]
        )
        for button in (*self.digit_buttons.values(), self.clear_button, self.backspace_button):
            button.setEnabled(not self.busy)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        typed = event.text()
        if len(typed) == 1 and typed in "0123456789" and not (
            event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                 | Qt.KeyboardModifier.AltModifier)
        ):
            self.type_digit(typed)
        elif key == Qt.Key.Key_Backspace:
            self.backspace()
        elif key == Qt.Key.Key_Delete:
            self.clear()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif key == Qt.Key.Key_Escape:
            self.back_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
