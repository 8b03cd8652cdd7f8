"""Settings → Display: the language PosDesk speaks on this terminal.

By default it follows the computer's language; a shop whose computers are set up in English
can still have its tills in Chinese (or the other way round). The choice is this terminal's
(its settings file) and takes effect at the next start: every screen is built in one
language.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from posdesk.backend import Backend

# Each language named in itself, as language menus do, so anyone can find their own.
LANGUAGE_NAMES = {"en_US": "English", "zh_CN": "简体中文"}


class DisplayPage(QWidget):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._started_with = backend.settings.language
        self.language_combo = QComboBox(self)
        system = QLocale.system()
        self.language_combo.addItem(
            self.tr("The computer's language (%1)").replace(
                "%1", system.nativeLanguageName() or system.name()), "")
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        index = self.language_combo.findData(backend.settings.language)
        self.language_combo.setCurrentIndex(max(index, 0))
        self.language_combo.currentIndexChanged.connect(self._show_hint)
        self.restart_label = QLabel(
            self.tr("PosDesk speaks the new language from its next start."), self)
        self.restart_label.setObjectName("hint")
        self.restart_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.restart_label)
        layout.addStretch(1)
        self._show_hint()

    def _show_hint(self) -> None:
        self.restart_label.setVisible(self.chosen_language() != self._started_with)

    def chosen_language(self) -> str:
        return str(self.language_combo.currentData())

    def set_read_only(self, read_only: bool) -> None:
        self.language_combo.setEnabled(not read_only)
