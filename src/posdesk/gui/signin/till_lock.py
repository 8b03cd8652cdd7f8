"""What signing in, locking and switching user do to the main window.

While nobody is signed in the window shows only the sign-in screen: the work pages sit
hidden in the same stack (unreachable by mouse or keyboard), the window's own actions and
its menu bar are off, and the dialogs that were open are hidden. Who is signed in shows in
the staff bar at all times.

- Lock (Ctrl+L), or the idle lock: the open work stays underneath; the PIN pad of the person
  who had it comes up. That person signing in again gets everything back as it was, dialogs
  included. Anyone else ("switch user", which starts from the list of people) gets fresh
  pages: the open dialogs are closed and the customer page goes, so nobody acts as the
  person before them.
- A payment in flight (a charge waiting for Stripe's answer, a card entry under way) is
  never hidden: a lock asked for meanwhile happens once it has its answer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from posdesk.backend import (
    DEFAULT_IDLE_LOCK_S,
    ENDED_IDLE,
    ENDED_LOCKED,
    ENDED_SWITCHED,
    Backend,
    SignedIn,
)
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import role_words
from posdesk.gui.payments.card_entry_dialog import CardEntryDialog
from posdesk.gui.payments.charge_dialog import ChargeDialog
from posdesk.gui.payments.refund_dialog import RefundDialog
from posdesk.gui.signin.idle_watch import IdleWatch
from posdesk.gui.signin.sign_in_screen import SignInScreen

log = logging.getLogger(__name__)

# How often a lock that waits for a payment looks again.
PENDING_CHECK_MS = 300
# How often the shop's idle time is read again while someone works (a manager may change it).
IDLE_TIME_REFRESH_MS = 60_000


def payment_in_flight(window: QWidget) -> bool:
    """A dialog of this window is waiting for Stripe (a charge, a refund), or a customer is
    paying in it."""
    for dialog in window.findChildren(QDialog):
        if not dialog.isVisible():
            continue
        if isinstance(dialog, ChargeDialog | RefundDialog) and dialog.busy:
            return True
        if isinstance(dialog, CardEntryDialog):
            session = dialog.session
            if dialog.busy or dialog.closing or (
                session is not None and not session.finished
            ):
                return True
    return False


class TillLock(QObject):
    changed = Signal()  # someone signed in, or the till locked
    locked = Signal(str)  # the reason: locked, idle, switched
    unlocked = Signal(object)  # SignedIn

    def __init__(
        self,
        backend: Backend,
        runner: TaskRunner,
        window: QMainWindow,
        screens: QStackedWidget,
        work: QWidget,
        *,
        work_actions: Callable[[], list[QAction]],
        reset_work: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._backend = backend
        self._runner = runner
        self._window = window
        self._screens = screens
        self._work = work
        self._work_actions = work_actions
        self._reset_work = reset_work
        self.hidden_dialogs: list[QDialog] = []
        self._closing: list[QDialog] = []
        self._focus: QWidget | None = None
        self._after_sign_in: list[Callable[[], None]] = []
        # A lock asked for while a payment is in flight: its reason, until it can happen.
        self.pending: str | None = None
        self._pending_timer = QTimer(self)
        self._pending_timer.setInterval(PENDING_CHECK_MS)
        self._pending_timer.timeout.connect(self._check_pending)

        # Locks and switches are audited in the background (the audit chain's write lock).
        backend.session.defer_audit = lambda record: runner.op(record).run()
        self.screen = SignInScreen(backend, runner, screens)
        self.screen.signed_in.connect(self._signed_in)
        screens.addWidget(self.screen)
        self.idle = IdleWatch(self)
        self.idle.idle_s = DEFAULT_IDLE_LOCK_S
        self.idle.idle.connect(lambda: self.request_lock(ENDED_IDLE))
        self._idle_refresh = QTimer(self)
        self._idle_refresh.setInterval(IDLE_TIME_REFRESH_MS)
        self._idle_refresh.timeout.connect(self._read_idle_time)

        self.lock_action = QAction(self.tr("Loc&k"), window)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setToolTip(self.tr("Lock the till; your work waits for your PIN "
                                            "(Ctrl+L)"))
        self.lock_action.triggered.connect(lambda: self.request_lock(ENDED_LOCKED))
        self.switch_action = QAction(self.tr("S&witch user"), window)
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.switch_action.setToolTip(self.tr("Let someone else sign in (Ctrl+Shift+L)"))
        self.switch_action.triggered.connect(lambda: self.request_lock(ENDED_SWITCHED))
        self.who_label = QLabel(window)
        self.who_label.setObjectName("signedInAs")

    # --- the staff bar ---------------------------------------------------------------------

    def build_toolbar(self) -> QToolBar:
        """Who is signed in, Lock and Switch user; always there (it cannot be hidden)."""
        bar = QToolBar(self.tr("Staff"), self._window)
        bar.setObjectName("staffBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)
        bar.addWidget(self.who_label)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addAction(self.lock_action)
        bar.addAction(self.switch_action)
        bar.setStyleSheet("QLabel#signedInAs { font-size: 16px; font-weight: bold; "
                          "padding: 2px 10px; }")
        return bar

    def _show_who(self) -> None:
        session = self._backend.session
        member = session.member
        if member is not None:
            self.who_label.setText(self.tr("Signed in: %1 (%2)").replace(
                "%1", member.name).replace("%2", role_words(member.role)))
        elif session.held_by is not None:
            self.who_label.setText(self.tr("Locked — %1's work is waiting").replace(
                "%1", session.held_by.name))
        else:
            self.who_label.setText(self.tr("Nobody signed in"))

    # --- starting --------------------------------------------------------------------------

    def start(self) -> None:
        """The work pages if someone is signed in already, else the sign-in screen."""
        if self._backend.session.member is not None:
            self._show_work()
            self._start_idle()
        else:
            self._hide_work()
            self.screen.start(None)
        self._show_who()

    @property
    def is_locked(self) -> bool:
        return self._screens.currentWidget() is self.screen

    def when_signed_in(self, callback: Callable[[], None]) -> None:
        """Run `callback` now if someone is signed in, else right after the next sign-in."""
        if not self.is_locked:
            callback()
        else:
            self._after_sign_in.append(callback)

    # --- locking ---------------------------------------------------------------------------

    def request_lock(self, reason: str = ENDED_LOCKED) -> None:
        """Lock now, or once the payment in flight has its answer."""
        if self.is_locked:
            return
        if payment_in_flight(self._window):
            if self.pending is None or reason != ENDED_IDLE:
                self.pending = reason
            self._window.statusBar().showMessage(self.tr(
                "The till locks as soon as the payment in progress has its answer."))
            self._pending_timer.start()
            return
        self._lock_now(reason)

    def _check_pending(self) -> None:
        reason = self.pending
        if reason is None or self.is_locked:
            self._cancel_pending()
            return
        if reason == ENDED_IDLE and self.idle.seconds_idle() < self.idle.idle_s:
            self._cancel_pending()  # someone came back meanwhile
            self._start_idle()
            return
        if not payment_in_flight(self._window):
            self._cancel_pending()
            self._lock_now(reason)

    def _cancel_pending(self) -> None:
        self.pending = None
        self._pending_timer.stop()
        self._window.statusBar().clearMessage()

    def _lock_now(self, reason: str) -> None:
        session = self._backend.session
        try:
            held = session.switch_user() if reason == ENDED_SWITCHED else session.lock(reason)
        except Exception as exc:  # noqa: BLE001 - the till locks even if the audit fails
            log.error("lock not recorded: %s", type(exc).__name__)
            held = None
        self._hide_work()
        self._show_who()
        self.screen.start(None if reason == ENDED_SWITCHED else held)
        self.locked.emit(reason)
        self.changed.emit()

    def _hide_work(self) -> None:
        self.idle.stop()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()
        if self._screens.currentWidget() is self._work:
            self._focus = self._window.focusWidget()
        hid = False
        for dialog in self._window.findChildren(QDialog):
            if dialog.isVisible() and dialog.isWindow():
                self.hidden_dialogs.append(dialog)
                dialog.hide()
                hid = True
        self._screens.setCurrentWidget(self.screen)
        if hid:  # the keyboard comes back to the window, for the PIN pad
            self._window.activateWindow()
        self._set_work_enabled(False)

    def _set_work_enabled(self, enabled: bool) -> None:
        # The work pages' own actions are on hidden widgets; the window's are switched off,
        # and the menu bar with them (its menus hold the pages' actions too).
        for action in self._work_actions():
            action.setEnabled(enabled)
        # Hidden, not greyed: nothing on the sign-in screen looks usable that is not.
        menu_bar = self._window.menuBar()
        menu_bar.setEnabled(enabled)
        menu_bar.setVisible(enabled)
        for action in (self.lock_action, self.switch_action):
            action.setEnabled(enabled)
            action.setVisible(enabled)

    # --- signing in ------------------------------------------------------------------------

    def _signed_in(self, result: SignedIn) -> None:
        dialogs = [d for d in self.hidden_dialogs if shiboken6.isValid(d)]
        self.hidden_dialogs = []
        if result.continues:
            self._show_work()
            for dialog in dialogs:
                dialog.show()
                dialog.raise_()
                dialog.activateWindow()
            focus = self._focus
            if not dialogs and focus is not None and shiboken6.isValid(focus):
                focus.setFocus()
        else:
            for dialog in dialogs:
                self._close(dialog)
            self._reset_work()
            self._show_work()
        self._focus = None
        self._show_who()
        self._start_idle()
        self.unlocked.emit(result)
        self.changed.emit()
        callbacks, self._after_sign_in = self._after_sign_in, []
        for callback in callbacks:
            QTimer.singleShot(0, callback)

    def _show_work(self) -> None:
        self._screens.setCurrentWidget(self._work)
        self._set_work_enabled(True)

    def _close(self, dialog: QDialog) -> None:
        """Close a dialog of the person before (it is hidden): as its Cancel would."""
        closed: list[int] = []
        dialog.finished.connect(closed.append)
        dialog.reject()
        if not closed and shiboken6.isValid(dialog):
            # Still finishing something with Stripe: closed as soon as it lets go.
            self._closing.append(dialog)
            QTimer.singleShot(PENDING_CHECK_MS, self._close_waiting)

    def _close_waiting(self) -> None:
        waiting, self._closing = self._closing, []
        for dialog in waiting:
            if shiboken6.isValid(dialog) and not dialog.isVisible():
                self._close(dialog)

    # --- the idle lock ---------------------------------------------------------------------

    def _start_idle(self) -> None:
        self.idle.start()
        self._idle_refresh.start()
        self._read_idle_time()

    def _read_idle_time(self) -> None:
        if self.is_locked:
            self._idle_refresh.stop()
            return
        session = self._backend.session
        # The shop's idle time may come from the store: read it off the GUI thread.
        self._runner.op(session.idle_lock_s).success(self._idle_time).failure(
            lambda exc: log.warning("idle lock time unreadable: %s", type(exc).__name__)
        ).run()

    def _idle_time(self, seconds: int) -> None:
        if not self.is_locked:
            self.idle.set_idle_s(seconds)

    def stop(self) -> None:
        """The window closes: no more idle lock, nothing pending."""
        self._cancel_pending()
        self._idle_refresh.stop()
        self.idle.detach()
