"""Set a member of staff's PIN (a manager, for anyone). The PIN goes to the staff service off
the GUI thread; its words show here when it refuses one (too short, too easy to guess)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import error_text
from posdesk.gui.settings.staff_account_dialog import pin_edit


class PinDialog(QDialog):
    def __init__(
        self,
        runner: TaskRunner,
        name: str,
        submit: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._submit = submit
        self.busy = False
        self.setWindowTitle(self.tr("New PIN for %1").replace("%1", name))
        self.setMinimumWidth(400)
        self.pin_edit = pin_edit(self, self.tr("New PIN"))
        self.pin_again_edit = pin_edit(self, self.tr("New PIN again"))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("New PIN"), self.pin_edit)
        form.addRow(self.tr("New PIN again"), self.pin_again_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        if self.busy:
            return
        pin = self.pin_edit.text()
        if pin != self.pin_again_edit.text():
            self._say(self.tr("The two PINs differ. Type the same PIN twice."))
            return
        self.busy = True
        self.buttons.setEnabled(False)
        submit = self._submit
        self._runner.op(lambda: submit(pin)).success(lambda _r: self._done()).failure(
            self._refused).run()

    def _done(self) -> None:
        self.busy = False
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        self.pin_edit.clear()
        self.pin_again_edit.clear()
        self._say(error_text(exc, self.tr("The PIN could not be saved. Try again.")))

    def _say(self, words: str) -> None:
        self.error_label.setText(words)
        self.error_label.setVisible(bool(words))

    def reject(self) -> None:
        if not self.busy:
            super().reject()
