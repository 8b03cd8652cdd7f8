"""The result of a payment in large type: colored title, amount, reason, next step, icon.

Shared by the saved-card charge and the card-entry dialogs, so an outcome reads the same
wherever it happened. The words come in a `ResultView`; the dialogs decide them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from posdesk.gui.common.resources import pixmap


@dataclass(frozen=True)
class ResultView:
    """What the result panel shows; built from an outcome, kept for tests and screenshots."""

    tone: str  # good | bad | warn
    icon: str
    title: str
    amount: str
    body: str
    next_step: str
    can_retry: bool = False
    can_open_settings: bool = False
    settling: bool = False
    # The off-session charge needs the customer's bank: they can confirm it at the counter.
    can_authenticate: bool = False
    # Small print under the words: the Stripe code of an outcome told in generic words.
    details: str = ""


class ResultPanel(QFrame):
    """Icon on the left, the words on the right; its `tone` property picks the colors in
    the style sheet (#resultPanel[tone=...])."""

    ICON_SIZE = 64

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultPanel")
        self.icon = QLabel(self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.icon.setFixedWidth(76)
        self.title = self._label("resultTitle")
        self.amount = self._label("resultAmount", wrap=False)
        self.body = self._label("resultBody")
        self.next_step = self._label("resultNextStep")
        self.details = self._label("hint")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.hide()

        self._words = QVBoxLayout()
        self._words.addWidget(self.title)
        self._words.addWidget(self.amount)
        self._words.addSpacing(6)
        self._words.addWidget(self.body)
        self._words.addWidget(self.next_step)
        self._words.addWidget(self.details)
        self._words.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.icon)
        layout.addLayout(self._words, 1)

    def _label(self, name: str, *, wrap: bool = True) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(wrap)
        return label

    def add_line(self, widget: QWidget) -> None:
        """A dialog's own line under the next step (the charge dialog's "next check in")."""
        widget.setParent(self)
        self._words.insertWidget(self._words.count() - 1, widget)  # above the stretch

    def show_view(self, view: ResultView) -> None:
        self.setProperty("tone", view.tone)
        # A dynamic property only restyles after a re-polish, of the frame and its labels.
        for widget in [self, *self.findChildren(QLabel)]:
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.icon.setPixmap(pixmap(view.icon, self.ICON_SIZE))
        self.title.setText(view.title)
        self.amount.setText(view.amount)
        self.amount.setVisible(bool(view.amount))
        self.body.setText(view.body)
        self.next_step.setText(view.next_step)
        self.details.setText(view.details)
        self.details.setVisible(bool(view.details))


def fit_dialog_to_page(dialog: QDialog, page: QWidget) -> None:
    """Size the dialog to the height its result page asks for at the current width, so
    wrapped text is never clipped and Done sits right under the words."""
    margins = dialog.layout().contentsMargins()
    # Wide enough for the page's row of buttons too (they are longer in some languages).
    page_width = page.minimumSizeHint().width() + margins.left() + margins.right()
    width = max(dialog.width(), dialog.minimumWidth(), page_width)
    inner = width - margins.left() - margins.right()
    layout = page.layout()
    needed = layout.totalHeightForWidth(inner) if layout.hasHeightForWidth() else -1
    needed = max(needed, page.sizeHint().height()) + margins.top() + margins.bottom()
    dialog.setMinimumHeight(needed)
    dialog.resize(width, needed)


__all__ = ["ResultPanel", "ResultView", "fit_dialog_to_page"]
