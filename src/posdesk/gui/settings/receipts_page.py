"""Settings → Receipts: what this terminal's receipts are laid out for (an 80 mm thermal
roll, A4 or Letter) and which printer it prints on.

Both belong to the terminal (the printer beside it), so they live in its settings file and
are saved with the dialog's other terminal choices (SettingsService.save_terminal_settings,
audited per change). The printer itself is chosen in the system's print dialog the first
time staff print; this page says which one is remembered and can forget it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from posdesk.backend import Backend
from posdesk.gui.receipts.receipt_document import Paper


class ReceiptsPage(QWidget):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        settings = backend.settings
        self.paper_combo = QComboBox(self)
        for paper, words in (
            (Paper.THERMAL_80, self.tr("80 mm receipt roll (thermal printer)")),
            (Paper.A4, self.tr("A4 sheet")),
            (Paper.LETTER, self.tr("Letter sheet")),
        ):
            self.paper_combo.addItem(words, paper.value)
        index = self.paper_combo.findData(settings.receipt_paper)
        self.paper_combo.setCurrentIndex(max(index, 0))

        # The printer is remembered when staff print; forgetting it takes effect on save.
        self._printer = settings.receipt_printer
        self.printer_label = QLabel(self)
        self.printer_label.setWordWrap(True)
        self.forget_button = QPushButton(self.tr("Use the system's default printer"), self)
        self.forget_button.setAutoDefault(False)
        self.forget_button.clicked.connect(self._forget_printer)
        hint = QLabel(self.tr("The printer is chosen in the print dialog the first time a "
                              "receipt is printed here, and used again after that."), self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Receipt paper"), self.paper_combo)
        form.addRow(self.tr("Printer"), self.printer_label)
        form.addRow("", self.forget_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)
        self._show_printer()

    def _show_printer(self) -> None:
        self.printer_label.setText(self._printer or self.tr("The system's default printer"))
        self.forget_button.setEnabled(bool(self._printer))

    def _forget_printer(self) -> None:
        self._printer = ""
        self._show_printer()

    def chosen_paper(self) -> str:
        return str(self.paper_combo.currentData())

    def chosen_printer(self) -> str:
        return self._printer

    def set_read_only(self, read_only: bool) -> None:
        self.paper_combo.setEnabled(not read_only)
        self.forget_button.setEnabled(not read_only and bool(self._printer))
