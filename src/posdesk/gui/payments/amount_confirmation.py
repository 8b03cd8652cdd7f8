"""The "Confirm the amount" section a charge dialog shows in place when the amount is above
the shop's "confirm amounts over" setting: the cashier types the amount again.

The dialog says which amount it is about to send (`ask`); `confirmed()` is that amount once
it was typed again exactly, else None, and `changed` fires on every edit so the dialog can
enable its primary button. A retype that differs says so when the cashier leaves the field
or presses Enter. The service refuses an unconfirmed large charge too
(services/approval.py), so this is never the only check.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from posdesk.domain.messages import Text
from posdesk.domain.money import AmountError, Money, parse_amount
from posdesk.gui.formatting import outcome_text, sentences
from posdesk.gui.payments import outcome_view


class AmountConfirmation(QFrame):
    changed = Signal()  # shown, hidden, or the retyped amount edited
    submitted = Signal()  # Enter in the field with the amount confirmed

    def __init__(self, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._currency = currency
        self._locale = locale
        self._amount: Money | None = None
        self.setObjectName("approvalSection")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        title = QLabel(self.tr("Confirm the amount"), self)
        title.setObjectName("sectionTitle")
        self.reason_label = QLabel(self)
        self.reason_label.setWordWrap(True)
        self.retype_edit = QLineEdit(self)
        self.retype_edit.setObjectName("amountEdit")
        self.retype_edit.setAccessibleName(self.tr("Amount again"))
        self.retype_edit.setPlaceholderText(self.tr("Type the amount again"))
        self.retype_edit.textChanged.connect(self._edited)
        self.retype_edit.editingFinished.connect(self._check)
        self.retype_edit.returnPressed.connect(self._enter)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("Amount again (%1)").replace("%1", currency), self.retype_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.reason_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        self.hide()

    @property
    def pending(self) -> bool:
        """Shown and not yet confirmed."""
        return self._amount is not None and self.confirmed() is None

    @property
    def asked(self) -> bool:
        return self._amount is not None

    def ask(self, amount: Money, reason: Text | str) -> None:
        """Ask for `amount` to be typed again; the field is cleared when the amount is new."""
        if amount != self._amount:
            self.retype_edit.clear()
        self._amount = amount
        self.reason_label.setText(
            sentences(outcome_text(reason), self.tr("Type %1 again to confirm it.").replace(
                "%1", outcome_view.amount_words(amount, self._locale))))
        self._say("")
        self.show()
        self.changed.emit()

    def close_section(self) -> None:
        self._amount = None
        self.retype_edit.clear()
        self._say("")
        self.hide()
        self.changed.emit()

    def retyped(self) -> Money | None:
        text = self.retype_edit.text()
        if not text.strip():
            return None
        try:
            return parse_amount(text, self._currency, self._locale)
        except AmountError:
            return None

    def confirmed(self) -> Money | None:
        """The amount asked for, once typed again exactly; else None."""
        retyped = self.retyped()
        return retyped if retyped is not None and retyped == self._amount else None

    def _edited(self, _text: str) -> None:
        if self.confirmed() is not None:
            self._say("")
        self.changed.emit()

    def _check(self) -> None:
        """Leaving the field (or Enter) with another amount: say so."""
        if self._amount is None or not self.retype_edit.text().strip():
            return
        if self.confirmed() is None:
            self._say(self.tr("This is not the same amount: %1 was entered above. Check "
                              "both and type it again.").replace(
                "%1", outcome_view.amount_words(self._amount, self._locale)))

    def _enter(self) -> None:
        self._check()
        if self.confirmed() is not None:
            self.submitted.emit()

    def _say(self, words: str) -> None:
        shown = self.error_label.text()
        self.error_label.setText(words)
        self.error_label.setVisible(bool(words))
        if words != shown:
            self.changed.emit()
