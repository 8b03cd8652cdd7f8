"""Help > About PosDesk: the versions of PosDesk and what it runs on, and the third-party
licenses a bundle carries (written at build time by packaging/third_party_licenses.py into
posdesk.resources/licenses; a development install has none and says so)."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from importlib import metadata

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posdesk.gui.common.resources import read_resource
from posdesk.gui.common.workers import TaskRunner

LICENSES = ("licenses", "THIRD-PARTY-LICENSES.txt")


def distribution_version(name: str) -> str | None:
    """An installed distribution's version from its metadata, without importing it (stripe
    costs a few hundred milliseconds to import; a bundle carries its metadata)."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


@dataclass(frozen=True)
class Versions:
    posdesk: str | None
    qt: str
    pyside: str
    python: str
    stripe: str | None

    @classmethod
    def installed(cls) -> Versions:
        return cls(
            posdesk=distribution_version("posdesk"),
            qt=qVersion(),
            pyside=PySide6.__version__,
            python=platform.python_version(),
            stripe=distribution_version("stripe"),
        )


def read_licenses() -> str | None:
    """The bundle's license file, or None in a development install (not built yet)."""
    try:
        return read_resource(*LICENSES).decode("utf-8", errors="replace")
    except OSError:
        return None


class AboutDialog(QDialog):
    def __init__(
        self, runner: TaskRunner, parent: QWidget | None = None,
        versions: Versions | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.versions = versions or Versions.installed()
        self.licenses_view: LicensesView | None = None
        self.setWindowTitle(self.tr("About PosDesk"))
        self.setMinimumWidth(440)
        unknown = self.tr("unknown")
        self.title = QLabel(self.tr("<h2>PosDesk %1</h2>").replace(
            "%1", self.versions.posdesk or unknown))
        blurb = QLabel(self.tr("Point of sale and back office for shops that take payments "
                               "with Stripe."))
        blurb.setWordWrap(True)
        form = QFormLayout()
        self.version_labels: dict[str, QLabel] = {}
        for key, label, value in (
            ("qt", self.tr("Qt"), self.versions.qt),
            ("pyside", self.tr("PySide6"), self.versions.pyside),
            ("python", self.tr("Python"), self.versions.python),
            ("stripe", self.tr("Stripe library"), self.versions.stripe or unknown),
        ):
            shown = QLabel(value)
            shown.setObjectName(f"version_{key}")
            self.version_labels[key] = shown
            form.addRow(label, shown)
        qt_note = QLabel(self.tr(
            "PosDesk uses Qt under the GNU LGPL version 3. The third-party licenses list "
            "every library this copy carries, and how to replace the Qt libraries."))
        qt_note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.licenses_button = QPushButton(self.tr("Third-party licenses…"))
        buttons.addButton(self.licenses_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.licenses_button.clicked.connect(self.show_licenses)
        layout = QVBoxLayout(self)
        for widget in (self.title, blurb):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(qt_note)
        layout.addWidget(buttons)

    def show_licenses(self) -> LicensesView:
        """Open the license viewer; the file (a few hundred KB) is read off the GUI thread."""
        if self.licenses_view is None:
            self.licenses_view = LicensesView(self)
            self._runner.op(read_licenses).success(self.licenses_view.show_text).run()
        self.licenses_view.show()
        self.licenses_view.raise_()
        return self.licenses_view


class LicensesView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Third-party licenses"))
        self.resize(760, 560)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText(self.tr("Loading…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def show_text(self, licenses: str | None) -> None:
        if licenses is None:
            licenses = self.tr(
                "This copy of PosDesk runs from a development install, not an installed "
                "bundle: the license file is written when a bundle is built "
                "(packaging/build-linux.sh, the Windows and macOS installer builds). The "
                "libraries in use are those of this Python environment, each with the "
                "license in its own package metadata.")
        self.text.setPlainText(licenses)
