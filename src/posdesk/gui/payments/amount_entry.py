"""The amount and description fields of a payment form, with live amount validation.

Shared by the saved-card charge and the new-card dialogs so both read and check an amount
the same way; each dialog words its own primary button from `validity_changed`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from posdesk.domain.money import AmountError, Money, parse_amount
from posdesk.gui.formatting import outcome_text


class AmountEntry(QWidget):
    validity_changed = Signal(object)  # Money | None, after every edit of the amount

    def __init__(
        self,
        currency: str,
        locale: str,
        *,
        mark_invalid: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._currency = currency
        self._locale = locale
        self._mark_invalid = mark_invalid  # red border on a bad amount (the stylesheet's)
        self._money: Money | None = None

        self.amount_edit = QLineEdit(self)
        self.amount_edit.setObjectName("amountEdit")
        self.amount_edit.setPlaceholderText(self.tr("Amount in %1").replace("%1", currency))
        self.amount_edit.setAccessibleName(self.tr("Amount"))
        self.amount_edit.textChanged.connect(self._validate)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.description_edit = QLineEdit(self)
        self.description_edit.setPlaceholderText(self.tr("What is it for? (optional)"))
        self.description_edit.setMaxLength(500)

        form = QFormLayout(self)
        # No margins of its own: the fields line up with the rest of the dialog's page.
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow(self.tr("Amount (%1)").replace("%1", currency), self.amount_edit)
        form.addRow("", self.error_label)
        form.addRow(self.tr("Description"), self.description_edit)
        self._validate(self.amount_edit.text())

    def money(self) -> Money | None:
        """The amount typed, or None while it is empty or not a valid amount."""
        return self._money

    def description(self) -> str:
        return self.description_edit.text().strip()

    def _validate(self, text: str) -> None:
        self._money = None
        message = ""
        if text.strip():
            try:
                self._money = parse_amount(text, self._currency, self._locale)
            except AmountError as exc:
                message = outcome_text(exc.message)
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        if self._mark_invalid:
            self.amount_edit.setProperty("invalid", bool(message))
            # A dynamic property only restyles after a re-polish.
            self.amount_edit.style().unpolish(self.amount_edit)
            self.amount_edit.style().polish(self.amount_edit)
        self.validity_changed.emit(self._money)
