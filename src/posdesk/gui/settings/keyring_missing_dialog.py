"""Shown when no secure OS keyring is usable: PosDesk will not keep keys anywhere else."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from posdesk.gui.common.resources import pixmap
from posdesk.gui.formatting import outcome_text


class KeyringMissingDialog(QDialog):
    def __init__(self, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("System keyring needed"))
        self.setMinimumWidth(560)
        icon = QLabel(self)
        icon.setPixmap(pixmap("warning", 56))
        title = QLabel(self.tr("PosDesk cannot store the Stripe key safely"), self)
        title.setObjectName("sectionTitle")
        title.setWordWrap(True)
        self.explanation_label = QLabel(outcome_text(explanation), self)
        self.explanation_label.setWordWrap(True)
        self.explanation_label.setObjectName("resultBody")
        footer = QLabel(
            self.tr("Keys are never written to a file instead. Until a keyring works, "
                    "PosDesk can only run the demo (posdesk --demo)."),
            self,
        )
        footer.setWordWrap(True)
        footer.setObjectName("hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("closeButton")
        self.close_button.setText(self.tr("Close  (Esc)"))
        # Enter closes too, wherever the keyboard is; the button has it first.
        self.close_button.setDefault(True)
        self.close_button.setFocus()

        words = QVBoxLayout()
        words.addWidget(title)
        words.addWidget(self.explanation_label)
        words.addWidget(footer)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
