"""Demo only: the receipts Stripe would have emailed, as the built-in sandbox kept them
(`GET /_sandbox/receipts`). Opened from the PosDesk menu when PosDesk runs its demo."""

from __future__ import annotations

import json
import urllib.request
from datetime import UTC, datetime
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import Backend, PaymentMethodRecord
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import local_time_text, money_text
from posdesk.gui.payments.outcome_view import card_label

TIMEOUT_S = 5.0


def outbox(api_base: str) -> list[dict[str, Any]]:
    """What the sandbox at `api_base` would have emailed, oldest first."""
    url = api_base.rstrip("/") + "/_sandbox/receipts"
    with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:  # noqa: S310 - loopback
        data = json.loads(response.read().decode("utf-8"))
    return list(data.get("data") or [])


class ReceiptOutboxDialog(QDialog):
    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self.setWindowTitle(self.tr("Emailed receipts (demo)"))
        self.setMinimumSize(720, 360)
        self.note = QLabel(self.tr(
            "In the demo no email leaves this computer: these are the receipts Stripe would "
            "have sent."), self)
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Sent"), self.tr("To"), self.tr("Amount"), self.tr("Card"),
            self.tr("Payment ID")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def load(self) -> None:
        base = self._backend.api_base
        if not base:
            return
        self._runner.op(lambda: outbox(base)).success(self.show_receipts).run()

    def show_receipts(self, receipts: list[dict[str, Any]]) -> None:
        locale = self._backend.settings.locale
        self.table.setRowCount(len(receipts))
        for row, sent in enumerate(reversed(receipts)):  # newest first
            card = PaymentMethodRecord(id="", brand=sent.get("card_brand"),
                                       last4=sent.get("card_last4"))
            values = [
                local_time_text(datetime.fromtimestamp(int(sent.get("sent") or 0), UTC)),
                str(sent.get("to") or ""),
                money_text(int(sent.get("amount") or 0), str(sent.get("currency") or "usd"),
                           locale),
                card_label(card) if sent.get("card_last4") else "",
                str(sent.get("payment_intent") or ""),
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
