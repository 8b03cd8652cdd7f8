"""The shop's reusable payment links (Stripe Payment Links): a fixed item sold often, e.g.
"Deposit" for 50.00, paid by anyone who opens the link or scans its QR code. Create one,
see the active ones with their QR code, print or save that code, deactivate a link (its
printed code then takes no more payments).

Managers create and deactivate links (the service checks MANAGE_SETTINGS); anyone who may
look up customers sees them. Opened from the main menu (PosDesk → Payment links…).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import Backend
from posdesk.domain.money import AmountError, parse_amount
from posdesk.domain.payment_requests import LINK_NAME_LIMIT, PaymentLinkData
from posdesk.gui.common.error_words import error_words
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import money_text
from posdesk.gui.messages import words
from posdesk.gui.requests.qr_code import qr_image, qr_pixmap


class PaymentLinksDialog(QDialog):
    loaded = Signal(object)  # list[PaymentLinkData]

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self.links: list[PaymentLinkData] = []
        self.setWindowTitle(self.tr("Payment links"))
        self.resize(760, 480)
        self.list = QListWidget(self)
        self.list.setObjectName("paymentLinks")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.currentRowChanged.connect(self._selected)
        self.qr_label = QLabel(self)
        self.qr_label.setObjectName("linkQr")
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setMinimumSize(240, 240)
        self.url_edit = QLineEdit(self)
        self.url_edit.setReadOnly(True)
        self.print_button = QPushButton(self.tr("Print QR code…"), self)
        self.print_button.clicked.connect(self.print_qr)
        self.save_button = QPushButton(self.tr("Save QR code…"), self)
        self.save_button.clicked.connect(self.save_qr)
        self.deactivate_button = QPushButton(self.tr("Deactivate"), self)
        self.deactivate_button.clicked.connect(self.deactivate_selected)
        detail = QVBoxLayout()
        detail.addWidget(self.qr_label, 1)
        detail.addWidget(self.url_edit)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.deactivate_button):
            buttons.addWidget(button)
        detail.addLayout(buttons)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(detail, 1)

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("linkName")
        self.name_edit.setMaxLength(LINK_NAME_LIMIT)
        self.name_edit.setPlaceholderText(self.tr("e.g. Deposit"))
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setObjectName("linkAmount")
        self.create_button = QPushButton(self.tr("Create link"), self)
        self.create_button.clicked.connect(self.create_link)
        new_link = QGroupBox(self.tr("New link"), self)
        form = QFormLayout(new_link)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Amount"), self.amount_edit)
        form.addRow("", self.create_button)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(new_link)
        layout.addWidget(self.status)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self._selected(-1)
        self.load()

    def _locale(self) -> str:
        return self._backend.shop_settings.get().locale or "en_US"

    def load(self) -> None:
        service, staff = self._backend.payment_requests, self._backend.staff
        self._runner.op(lambda: service.links(staff)).success(self._show).failure(
            self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_words(
            exc, fallback=self.tr("Stripe could not be asked."), doing="payment links").text)

    def _show(self, links: list[PaymentLinkData]) -> None:
        self.links = list(links)
        self.list.clear()
        for link in links:
            amount = (money_text(link.amount.amount, link.amount.currency, self._locale())
                      if link.amount else "")
            self.list.addItem(f"{link.name}  {amount}".strip())
        if links:
            self.list.setCurrentRow(0)
        else:
            self._selected(-1)
        self.loaded.emit(self.links)

    def selected(self) -> PaymentLinkData | None:
        row = self.list.currentRow()
        return self.links[row] if 0 <= row < len(self.links) else None

    def _selected(self, _row: int) -> None:
        link = self.selected()
        for button in (self.print_button, self.save_button, self.deactivate_button):
            button.setEnabled(link is not None)
        self.url_edit.setText(link.url if link else "")
        self.url_edit.setCursorPosition(0)
        if link is None:
            self.qr_label.clear()
        else:
            self.qr_label.setPixmap(qr_pixmap(link.url, scale=5))

    def create_link(self) -> None:
        currency = self._backend.shop_settings.get().currency or "USD"
        try:
            amount = parse_amount(self.amount_edit.text(), currency, self._locale())
        except AmountError as exc:
            self.status.setText(words(exc.message))
            return
        name = self.name_edit.text()
        service, staff = self._backend.payment_requests, self._backend.staff
        self.create_button.setEnabled(False)
        self._runner.op(lambda: service.create_link(staff, name, amount)).success(
            self._created).failure(self._create_failed).run()

    def _created(self, link: PaymentLinkData) -> None:
        self.create_button.setEnabled(True)
        self.name_edit.clear()
        self.amount_edit.clear()
        self.status.setText(self.tr("Link created: %1").replace("%1", link.name))
        self.load()

    def _create_failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        self._failed(exc)

    def deactivate_selected(self) -> None:
        link = self.selected()
        if link is None:
            return
        service, staff = self._backend.payment_requests, self._backend.staff
        self._runner.op(lambda: service.deactivate_link(staff, link.id)).success(
            lambda _link: self.load()).failure(self._failed).run()

    def save_qr(self) -> None:
        link = self.selected()
        if link is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save QR code"),
                                              f"{link.name}.png", "PNG (*.png)")
        if path:
            qr_image(link.url, scale=12).save(path, "PNG")

    def print_qr(self) -> None:
        """The code with the link's name under it, centred on the page."""
        link = self.selected()
        if link is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        image = qr_image(link.url, scale=12)
        painter = QPainter(printer)
        try:
            page = painter.viewport()
            side = min(page.width(), page.height()) // 2
            left, top = (page.width() - side) // 2, page.height() // 6
            painter.drawImage(left, top, image.scaled(side, side))
            painter.drawText(left, top + side + 40, side, 200,
                             int(Qt.AlignmentFlag.AlignHCenter), link.name)
        finally:
            painter.end()
