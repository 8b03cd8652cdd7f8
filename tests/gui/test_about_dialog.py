"""Help > About: versions (stripe's from its metadata, never by importing it) and the
third-party licenses, from the bundle's file or, in a development install, a note."""

from __future__ import annotations

import sys
from importlib import metadata
from typing import Any

import pytest
from PySide6.QtCore import qVersion

import posdesk
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.shell import about_dialog
from posdesk.gui.shell.about_dialog import AboutDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(gui_app: Any) -> TaskRunner:
    return TaskRunner()


def test_about_shows_the_versions_without_importing_stripe(
    qtbot: Any, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An `import stripe` inside the dialog would raise here.
    monkeypatch.setitem(sys.modules, "stripe", None)
    dialog = AboutDialog(runner)
    qtbot.addWidget(dialog)
    labels = {key: label.text() for key, label in dialog.version_labels.items()}
    assert labels["qt"] == qVersion()
    assert labels["stripe"] == metadata.version("stripe")
    assert labels["python"] == ".".join(map(str, sys.version_info[:3]))
    import PySide6

    assert labels["pyside"] == PySide6.__version__
    assert dialog.versions.posdesk == posdesk.__version__
    assert dialog.title.text() == f"<h2>PosDesk {posdesk.__version__}</h2>"


def test_licenses_button_shows_the_bundled_file(
    qtbot: Any, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = "PosDesk: third-party software in this bundle\nQt ... LGPL-3.0\n"
    asked: list[tuple[str, ...]] = []

    def read_resource(*parts: str) -> bytes:
        asked.append(parts)
        return bundled.encode()

    monkeypatch.setattr(about_dialog, "read_resource", read_resource)
    dialog = AboutDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.licenses_button.click()
    view = dialog.licenses_view
    assert view is not None and view.isVisible()
    qtbot.waitUntil(lambda: view.text.toPlainText() == bundled, timeout=5000)
    assert asked == [about_dialog.LICENSES]


def test_a_development_install_says_where_the_licenses_come_from(
    qtbot: Any, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(*parts: str) -> bytes:
        raise OSError("resource not found")

    monkeypatch.setattr(about_dialog, "read_resource", missing)
    dialog = AboutDialog(runner)
    qtbot.addWidget(dialog)
    view = dialog.show_licenses()
    qtbot.waitUntil(lambda: "development install" in view.text.toPlainText(), timeout=5000)


def test_the_help_menu_opens_about(window: Any, qtbot: Any) -> None:
    help_menu = next(action.menu() for action in window.menuBar().actions()
                     if action.text() == "&Help")
    assert window.about_action in help_menu.actions()
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
