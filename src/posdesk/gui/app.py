"""GUI entry point: application, translations, stylesheet, main window, start-up tasks."""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from posdesk.gui.main_window import MainWindow
from posdesk.gui.resources import icon, install_translators, stylesheet
from posdesk.services.start_guard import EXIT_START_REFUSED, StartRefused

log = logging.getLogger(__name__)


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


def start_gui(context: Any) -> MainWindow:
    """Show the main window and queue the start-up steps; the caller runs the event loop."""
    prepare_application()
    window = MainWindow(context)
    window.show()
    problem = getattr(context, "keyring_problem", None)
    if problem is not None:
        QTimer.singleShot(0, lambda: window.show_keyring_problem(
            getattr(problem, "explanation", str(problem))))
    elif context.mode == "unconfigured":
        QTimer.singleShot(0, window.open_settings)  # first run: nothing works without a key
    QTimer.singleShot(0, window.start_background_tasks)
    return window


def start_presence(context: Any) -> StartRefused | None:
    """Register this terminal in its store for the life of the app (context.close ends it);
    the refusal when it must not start (already running here, a SQLite file in use on
    another computer)."""
    try:
        context.start_presence()
    except StartRefused as refusal:
        return refusal
    return None


def explain_start_refused(refusal: StartRefused) -> None:
    """Say why PosDesk does not start: on stderr, in the log, and in a message box (started
    from a desktop icon, nobody reads stderr)."""
    print(str(refusal), file=sys.stderr)
    log.warning("not starting: %s", refusal)
    text = QCoreApplication.translate("StartRefused", refusal.message).format(**refusal.params)
    if QApplication.platformName() in ("offscreen", "minimal"):
        return  # no screen to show a box on (tests, CI)
    title = QCoreApplication.translate("StartRefused", "PosDesk is not starting")
    QMessageBox(QMessageBox.Icon.Warning, title, text).exec()


def run_gui(context: Any) -> int:
    """The app until its window is closed. QtWebEngine shuts down with the first quit, so
    an application runs this once."""
    prepare_application()
    if (refusal := start_presence(context)) is not None:
        explain_start_refused(refusal)
        return EXIT_START_REFUSED
    window = start_gui(context)
    code = QApplication.instance().exec()  # type: ignore[union-attr]
    window.deleteLater()
    return code
