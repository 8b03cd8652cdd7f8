"""The idle lock's clock: an event filter on the app's windows notes the time of the last
user input (keys, mouse buttons and moves, wheel, touch, in any window of the app, the
card-entry page included), and a single-shot timer fires `idle` once that is `idle_s`
seconds ago.

The filter sits on each top-level QWindow (every window the app shows, taken when it gets
the focus), where the platform delivers all input, rather than on the QApplication: a
Python filter there is handed every object of the process as it dispatches, the web
engine's objects while they are being torn down included, and that crashes. The filter
does the least work it can for each event (a type test and a clock read); the timer
re-arms itself for whatever is left when it wakes early.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress,
    QEvent.Type.InputMethod,
})


class IdleWatch(QObject):
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle_s = 0  # 0: never
        self.running = False
        self.last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._wake)
        self._attached = False
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._watch)
            self._attached = True
        self._watch_all()

    def _watch(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # once: installing again only moves it first

    def _watch_all(self) -> None:
        for window in QGuiApplication.topLevelWindows():
            self._watch(window)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    def seconds_idle(self) -> float:
        return time.monotonic() - self.last_input

    def start(self, idle_s: int | None = None) -> None:
        """Count from now; `idle_s` replaces the limit (0: never fire)."""
        if idle_s is not None:
            self.idle_s = max(0, int(idle_s))
        self.running = True
        self.last_input = time.monotonic()
        self._watch_all()
        self._arm(self.idle_s)

    def set_idle_s(self, idle_s: int) -> None:
        """A new limit, counted from the last input."""
        self.idle_s = max(0, int(idle_s))
        if self.running:
            self._arm(self.idle_s - self.seconds_idle())

    def stop(self) -> None:
        self.running = False
        self._timer.stop()

    def detach(self) -> None:
        """Stop, and stop watching the windows (the main window closes)."""
        self.stop()
        app = QGuiApplication.instance()
        if self._attached and isinstance(app, QGuiApplication):
            app.focusWindowChanged.disconnect(self._watch)
            self._attached = False
        for window in QGuiApplication.topLevelWindows():
            window.removeEventFilter(self)

    def _arm(self, seconds: float) -> None:
        if self.idle_s <= 0:
            self._timer.stop()
            return
        self._timer.start(max(10, int(seconds * 1000)))

    def _wake(self) -> None:
        if not self.running or self.idle_s <= 0:
            return
        left = self.idle_s - self.seconds_idle()
        if left > 0.05:
            self._arm(left)
            return
        self.running = False
        self.idle.emit()
