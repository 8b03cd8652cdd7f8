"""GUI entry point: application, translations, stylesheet, the starting window, the main
window, start-up tasks.

Start-up shows a window first and loads the rest behind it: `show_starting_window` needs only
Qt, then `build_while_showing` builds the store, the services and sync on a worker thread
while the event loop keeps that window painted, and `start_gui` puts the main window in its
place. This module imports the backend and the screens only inside functions, so that the
first window does not wait for SQLAlchemy, the services or the screens' modules
(tests/test_startup_imports.py checks it).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QLocale,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from posdesk.gui.common.resources import (
    icon,
    install_translators,
    ui_locale,
    use_cjk_fallback,
)
from posdesk.gui.common.theme import follow_color_scheme

if TYPE_CHECKING:
    from posdesk.backend import Backend, StartRefused
    from posdesk.gui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

T = TypeVar("T")

# bench/startup.py sets this: the app prints when its first window paints (POSDESK_SHOWN)
# and when the main window does (POSDESK_READY); see ShownReporter.
ENV_REPORT_SHOWN = "POSDESK_REPORT_SHOWN"

# How long start-up waits for the starting window's first paint before building anyway.
PAINT_WAIT_MS = 500

# The starting window's size is the main window's (gui/shell/main_window.py).
WINDOW_SIZE = (1200, 760)


class ShownReporter(QObject):
    """Prints `<marker> <time.monotonic()>` on stderr at the window's first paint, so a bench
    can time start-up from outside (CLOCK_MONOTONIC is one clock for all processes)."""

    def __init__(self, marker: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._marker = marker

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            print(f"{self._marker} {time.monotonic():.6f}", file=sys.stderr, flush=True)
            watched.removeEventFilter(self)
        return False


def report_when_shown(window: QObject, marker: str = "POSDESK_SHOWN") -> None:
    if os.environ.get(ENV_REPORT_SHOWN):
        reporter = ShownReporter(marker, window)
        window.installEventFilter(reporter)


def allow_web_engine_as_root() -> None:
    """Chromium refuses to start its sandbox as root and the web view then ends the whole
    process; as root (kiosk images, containers) run it unsandboxed and say so."""
    if getattr(os, "geteuid", lambda: -1)() == 0 and not os.environ.get(
        "QTWEBENGINE_DISABLE_SANDBOX"
    ):
        os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
        log.warning("running as root: the card-entry web view runs without Chromium's sandbox")


def prepare_application(*, window_icon: bool = True, language: str = "") -> QApplication:
    """The QApplication (created if needed) with PosDesk's translations and stylesheet, and
    its window icon unless `window_icon` is False (the starting window sets it after its
    first paint: rendering the icon takes a few milliseconds the first window need not
    wait for). `language`: the terminal's choice (settings.language), "" the computer's."""
    app = QApplication.instance()
    if app is None:
        allow_web_engine_as_root()
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("PosDesk")
    app.setOrganizationName("PosDesk")
    if window_icon:
        app.setWindowIcon(icon("card"))
    if not getattr(app, "_posdesk_prepared", False):
        locale = ui_locale(language)
        QLocale.setDefault(locale)
        app._posdesk_translators = install_translators(app, locale)  # type: ignore[attr-defined]
        use_cjk_fallback(app, locale)
        # Light or dark as the OS is (palette and style sheet), again when the OS switches.
        follow_color_scheme(app)
        app._posdesk_prepared = True  # type: ignore[attr-defined]
    return app


# --- the window shown while the rest loads --------------------------------------------------


class StartingWindow(QMainWindow):
    """PosDesk's window as it starts: its title and size and "Starting PosDesk…", shown
    before the store and the screens load; the main window takes its place (start_gui)."""

    first_paint = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("PosDesk"))
        self.resize(*WINDOW_SIZE)
        label = QLabel(self.tr("Starting PosDesk…"), self)
        label.setObjectName("placeholder")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(label)
        # Closed before the main window came: the app ends once start-up has finished.
        self.closed_early = False
        self.painted = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            self.first_paint.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.closed_early = True
        super().closeEvent(event)


# The starting window on screen, until start_gui replaces it.
_starting: StartingWindow | None = None


def show_starting_window(language: str = "") -> StartingWindow:
    """Create the application and show the starting window (it paints once the event loop
    runs: build_while_showing runs one), in the terminal's `language` ("" the computer's)."""
    global _starting
    app = prepare_application(window_icon=False, language=language)
    window = StartingWindow()
    report_when_shown(window)
    window.first_paint.connect(lambda: app.setWindowIcon(icon("card")))
    window.show()
    _starting = window
    return window


class _Finished(QObject):
    # Emitted on the worker thread, delivered on the GUI thread (a queued connection).
    finished = Signal()


def build_while_showing(build: Callable[[], T]) -> T:
    """`build()` on a worker thread while the GUI thread runs the event loop (the starting
    window paints and answers); its result, or its exception raised here. Should the
    starting window be closed meanwhile, this still waits for `build` (the caller closes
    what it built) and `start_abandoned()` says so."""
    outcome: list[T] = []
    failure: list[BaseException] = []
    done = _Finished()
    loop = QEventLoop()
    done.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            outcome.append(build())
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, raised there
            failure.append(exc)
        finally:
            done.finished.emit()

    worker = threading.Thread(target=work, name="posdesk-start", daemon=True)
    starting = _starting
    if starting is None or starting.painted:
        worker.start()
    else:
        # After the window's first paint: until then the worker's imports would hold the
        # GIL the paint needs (every Qt virtual call on a Python class asks for it).
        starting.first_paint.connect(lambda: _start_once(worker))
        # Should no paint come (a hidden or minimised start), the build starts anyway.
        QTimer.singleShot(PAINT_WAIT_MS, lambda: _start_once(worker))
    loop.exec()  # ends at `finished`, or when the application quits (its window closed)
    _start_once(worker)  # closed before its first paint: the build still runs, then ends
    worker.join()
    if failure:
        raise failure[0]
    return outcome[0]


def _start_once(worker: threading.Thread) -> None:
    if worker.ident is None:
        worker.start()


def start_abandoned() -> bool:
    """The starting window was closed before the main window came: do not go on."""
    return _starting is not None and _starting.closed_early


def _take_starting_window() -> StartingWindow | None:
    global _starting
    starting, _starting = _starting, None
    return starting


def discard_starting_window() -> None:
    """Start-up ended without the main window (refused, failed, closed): the starting window
    goes too."""
    starting = _take_starting_window()
    if starting is not None:
        starting.hide()
        starting.deleteLater()


# --- the main window ------------------------------------------------------------------------


def start_gui(backend: Backend) -> MainWindow:
    """Show the main window (where the starting window was, if one is shown) and queue the
    start-up steps; the caller runs the event loop."""
    from posdesk.gui.shell.main_window import MainWindow

    prepare_application()
    window = MainWindow(backend)
    starting = _take_starting_window()
    if starting is None:
        report_when_shown(window)
    else:
        report_when_shown(window, "POSDESK_READY")
        window.setGeometry(starting.geometry())
    if starting is not None and starting.isMaximized():
        window.showMaximized()
    else:
        window.show()
    if starting is not None:
        starting.hide()
        starting.deleteLater()
    problem = backend.keyring_problem
    # Dialogs open for the person signed in: after the sign-in page when nobody is yet.
    if problem is not None:
        explanation = problem.explanation
        QTimer.singleShot(0, lambda: window.till.when_signed_in(
            lambda: window.show_keyring_problem(explanation)))
    elif backend.mode == "unconfigured":
        # First run: nothing works without a key.
        QTimer.singleShot(0, lambda: window.till.when_signed_in(window.open_settings))
    QTimer.singleShot(0, window.start_background_tasks)
    _return_memory_from_time_to_time(window)
    return window


# Start-up's temporaries (the store's first reads, the first sync, the demo's seeding) are
# freed a few seconds after the window shows; what later work frees (a released card page),
# at the next of the regular turns.
FIRST_MEMORY_RETURN_MS = 3_000
MEMORY_RETURN_EVERY_MS = 5 * 60_000


def _return_memory_from_time_to_time(window: QObject) -> None:
    """Give malloc's free pages back to the system once start-up has settled, then every
    few minutes; on a thread of its own, as trimming takes the allocator's locks."""
    from posdesk.backend import return_free_memory

    def trim() -> None:
        threading.Thread(target=return_free_memory, name="posdesk-memory", daemon=True).start()
        timer.setInterval(MEMORY_RETURN_EVERY_MS)

    timer = QTimer(window)
    timer.timeout.connect(trim)
    timer.start(FIRST_MEMORY_RETURN_MS)


def start_presence(backend: Backend) -> StartRefused | None:
    """Register this terminal in its store for the life of the app (backend.close ends it);
    the refusal when it must not start (already running here, a SQLite file in use on
    another computer)."""
    from posdesk.backend import StartRefused

    try:
        backend.start_presence()
    except StartRefused as refusal:
        return refusal
    return None


def explain_start_refused(refusal: StartRefused) -> None:
    """Say why PosDesk does not start: on stderr, in the log, and in a message box (started
    from a desktop icon, nobody reads stderr)."""
    from posdesk.gui.messages import words

    print(str(refusal), file=sys.stderr)
    log.warning("not starting: %s", refusal)
    text = words(refusal.text)
    if QApplication.platformName() in ("offscreen", "minimal"):
        return  # no screen to show a box on (tests, CI)
    title = QCoreApplication.translate("StartRefused", "PosDesk is not starting")
    QMessageBox(QMessageBox.Icon.Warning, title, text).exec()


def run_gui(backend: Backend) -> int:
    """The app until its window is closed. QtWebEngine shuts down with the first quit, so
    an application runs this once."""
    from posdesk.backend import EXIT_START_REFUSED

    prepare_application()
    if _starting is not None:
        # Registering writes to the store: not on the GUI thread while a window is shown.
        refusal = build_while_showing(lambda: start_presence(backend))
        if start_abandoned():
            return 0
    else:
        refusal = start_presence(backend)
    if refusal is not None:
        starting = _take_starting_window()
        if starting is not None:
            starting.close()
        explain_start_refused(refusal)
        return EXIT_START_REFUSED
    window = start_gui(backend)
    code = QApplication.instance().exec()  # type: ignore[union-attr]
    window.deleteLater()
    return code
