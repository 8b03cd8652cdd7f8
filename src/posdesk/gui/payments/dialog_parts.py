"""Pieces every money dialog (charge, refund, capture) builds the same way."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)


def busy_indicator(parent: QWidget) -> tuple[QLabel, QProgressBar]:
    """A wrapping status line and an indeterminate bar, both hidden until a request runs."""
    label = QLabel(parent)
    label.setObjectName("busyLabel")
    label.setWordWrap(True)
    bar = QProgressBar(parent)
    bar.setRange(0, 0)  # indeterminate
    bar.setTextVisible(False)
    bar.setMaximumHeight(10)
    label.hide()
    bar.hide()
    return label, bar


def authorise_only_check(parent: QWidget) -> QCheckBox:
    """"Authorize only" on a charge (saved card or new card): capture_method=manual."""
    return QCheckBox(QCoreApplication.translate(
        "DialogParts", "Authorize only: hold the amount now, capture or release it later"),
        parent)


def button_row(cancel: QPushButton, action: QPushButton) -> QHBoxLayout:
    """Cancel, then the dialog's action (the default button), at the right."""
    cancel.setAutoDefault(False)
    action.setDefault(True)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(cancel)
    row.addWidget(action)
    return row
