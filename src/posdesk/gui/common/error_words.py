"""The one place an exception from background work becomes words for staff.

Screens used to sort exceptions themselves (not allowed / refused before sending / anything
else) and drifted apart. `error_words` sorts them once; a screen supplies only its own
sentences for the two cases that depend on what it was doing. `ErrorPresenter` is where an
operation's failure goes when its screen has nothing better to say (gui.common.workers).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from posdesk.backend import InputError, StripeNotConfigured
from posdesk.domain.approval import ConfirmationRequired
from posdesk.domain.money import AmountError
from posdesk.domain.roles import PermissionDenied
from posdesk.gui.formatting import error_text, role_words

# lupdate reads the literal context and text of each call.
translate = QCoreApplication.translate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ErrorWords:
    """An exception told for the screen."""

    text: str
    # The staff member's role does not allow it: a manager must act.
    denied: bool = False
    # PosDesk refused before anything was sent (amount, input, no key): nothing changed.
    refused: bool = False
    # The refusal is about set-up: the settings can fix it.
    needs_settings: bool = False
    # Neither of the above: something failed that the screen did not expect.
    unexpected: bool = False


def error_words(
    exc: BaseException, *, fallback: str, not_allowed: str | None = None, doing: str = ""
) -> ErrorWords:
    """Words for `exc`. `fallback`: what to say when the error carries no sentence of its
    own (only PosDesk's exceptions do; other text stays in the log). `not_allowed`: the
    screen's sentence for a refused permission; %1 is replaced by the staff member's role.
    `doing`: what failed, for the log line of an unexpected error."""
    if isinstance(exc, PermissionDenied):
        text = not_allowed or translate(
            "ErrorWords", "Your role (%1) may not do this. Ask a manager."
        )
        return ErrorWords(text.replace("%1", role_words(exc.staff.role)), denied=True)
    if isinstance(exc, AmountError | InputError | StripeNotConfigured | ConfirmationRequired):
        return ErrorWords(
            error_text(exc, fallback),
            refused=True,
            needs_settings=isinstance(exc, StripeNotConfigured),
        )
    # The type only: an exception's text may carry data that must not reach a log.
    log.error("%s failed: %s", doing or "background work", type(exc).__name__)
    return ErrorWords(error_text(exc, fallback), unexpected=True)


class ErrorPresenter(QObject):
    """Shows failures nobody else handles: in the window's status bar when it has one (the
    cashier keeps working), else in a message box."""

    shown = Signal(str)  # the words, each time (tests and screenshots listen)

    def __init__(self, window: QWidget, status_bar: QStatusBar | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._status_bar = status_bar
        self.last_text = ""

    def present(self, exc: BaseException, fallback: str | None = None) -> None:
        words = error_words(
            exc, fallback=fallback or translate("ErrorWords", "Something went wrong. Try again.")
        )
        self.show_text(words.text)

    def show_text(self, text: str) -> None:
        self.last_text = text
        if self._status_bar is not None:
            self._status_bar.showMessage(text, 15_000)
        else:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                translate("ErrorWords", "PosDesk"),
                text,
                QMessageBox.StandardButton.Ok,
                self._window,
            )
            box.finished.connect(box.deleteLater)
            box.open()
        self.shown.emit(text)


__all__ = ["ErrorPresenter", "ErrorWords", "error_words"]
