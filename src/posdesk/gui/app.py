"""GUI entry point: application, translations, stylesheet, main window, start-up tasks."""

from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from posdesk.backend import EXIT_START_REFUSED, Backend, StartRefused
from posdesk.gui.common.resources import icon, install_translators, stylesheet
from posdesk.gui.messages import words
from posdesk.gui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

# bench/startup.py sets this: the app prints when its window first paints (see ShownReporter).
ENV_REPORT_SHOWN = "POSDESK_REPORT_SHOWN"


class ShownReporter(QObject):
    """Prints `POSDESK_SHOWN <time.monotonic()>` on stderr at the window's first paint, so a
    bench can time start-up from outside (CLOCK_MONOTONIC is one clock for all processes)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            print(f"POSDESK_SHOWN {time.monotonic():.6f}", file=sys.stderr, flush=True)
            watched.removeEventFilter(self)
        return False


def report_when_shown(window: QObject) -> None:
    if os.environ.get(ENV_REPORT_SHOWN):
        reporter = ShownReporter(window)
        window.installEventFilter(reporter)


def allow_web_engine_as_root() -> None:
    """Chromium refuses to start its sandbox as root and the web view then ends the whole
    process; as root (kiosk images, containers) run it unsandboxed and say so."""
    if getattr(os, "geteuid", lambda: -1)() == 0 and not os.environ.get(
        "QTWEBENGINE_DISABLE_SANDBOX"
    ):
        os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
        log.warning("running as root: the card-entry web view runs without Chromium's sandbox")


def prepare_application() -> QApplication:
    """The QApplication (created if needed) with PosDesk's translations and stylesheet."""
    app = QApplication.instance()
    if app is None:
        allow_web_engine_as_root()
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("PosDesk")
    app.setOrganizationName("PosDesk")
    app.setWindowIcon(icon("card"))
    if not getattr(app, "_posdesk_prepared", False):
        app._posdesk_translators = install_translators(app, QLocale.system())  # type: ignore[attr-defined]
        app.setStyleSheet(stylesheet())
        app._posdesk_prepared = True  # type: ignore[attr-defined]
    return app


def start_gui(backend: Backend) -> MainWindow:
    """Show the main window and queue the start-up steps; the caller runs the event loop."""
    prepare_application()
    window = MainWindow(backend)
    report_when_shown(window)
    window.show()
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
    return window


def start_presence(backend: Backend) -> StartRefused | None:
    """Register this terminal in its store for the life of the app (backend.close ends it);
    the refusal when it must not start (already running here, a SQLite file in use on
    another computer)."""
    try:
        backend.start_presence()
    except StartRefused as refusal:
        return refusal
    return None


def explain_start_refused(refusal: StartRefused) -> None:
    """Say why PosDesk does not start: on stderr, in the log, and in a message box (started
    from a desktop icon, nobody reads stderr)."""
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
    prepare_application()
    if (refusal := start_presence(backend)) is not None:
        explain_start_refused(refusal)
        return EXIT_START_REFUSED
    window = start_gui(backend)
    code = QApplication.instance().exec()  # type: ignore[union-attr]
    window.deleteLater()
    return code
