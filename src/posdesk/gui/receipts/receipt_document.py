"""A receipt laid out on paper: 80 mm thermal rolls (72 mm printed width, one page as long as
the receipt) or A4/Letter (pages as needed), painted on any paged device (a QPrinter, a
QPdfWriter).

The receipt's words are this terminal's language; its text is set in the bundled receipt
font (resources/fonts/ReceiptCJK.ttf, a subset of WenQuanYi Micro Hei: Latin and the
simplified Chinese of GB 2312), so a PDF shows Chinese whatever fonts the machine has: Qt
embeds the glyphs it uses. Characters it lacks fall back to the machine's fonts.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextDocument,
)

from posdesk.backend import PaymentMethodRecord, Receipt, ReceiptKind
from posdesk.gui.common.resources import bundled_cjk_family
from posdesk.gui.formatting import local_time_text, money_text
from posdesk.gui.payments.outcome_view import card_label

log = logging.getLogger(__name__)


class Paper(StrEnum):
    THERMAL_80 = "thermal80"
    A4 = "a4"
    LETTER = "letter"


@dataclass(frozen=True, slots=True)
class PaperSpec:
    width_mm: float  # the sheet (a thermal roll: its width; its length follows the receipt)
    height_mm: float | None
    margin_mm: float
    point_size: float
    # On a sheet the receipt is a centred column this wide, not spread over the page.
    column_mm: float | None = None


PAPER: dict[Paper, PaperSpec] = {
    # 80 mm roll: printers print about 72 mm of it.
    Paper.THERMAL_80: PaperSpec(80.0, None, 4.0, 8.5),
    Paper.A4: PaperSpec(210.0, 297.0, 20.0, 11.0, 120.0),
    Paper.LETTER: PaperSpec(215.9, 279.4, 19.05, 11.0, 120.0),
}


translate = QCoreApplication.translate


def receipt_font(point_size: float) -> QFont:
    font = QFont()
    family = bundled_cjk_family()
    if family:
        font.setFamilies([family])
    font.setPointSizeF(point_size)
    return font


# --- what the receipt says ------------------------------------------------------------------


def _e(value: str) -> str:
    return html.escape(value, quote=True)


def _row(label: str, value: str, *, strong: bool = False, small: bool = False) -> str:
    style = ' style="font-size: small"' if small else ""
    value_html = f"<b>{_e(value)}</b>" if strong else _e(value)
    return (f"<tr><td{style}>{_e(label)}</td>"
            f'<td align="right"{style}>{value_html}</td></tr>')


def _words() -> dict[str, str]:
    """The receipt's own words, in this terminal's language."""
    return {
        "copy": translate("ReceiptDocument", "COPY"),
        "receipt": translate("ReceiptDocument", "Receipt"),
        "refund_receipt": translate("ReceiptDocument", "Refund receipt"),
        "date": translate("ReceiptDocument", "Date"),
        "terminal": translate("ReceiptDocument", "Terminal"),
        "staff": translate("ReceiptDocument", "Served by"),
        "card": translate("ReceiptDocument", "Card"),
        "payment_id": translate("ReceiptDocument", "Payment ID"),
        "payment": translate("ReceiptDocument", "Payment"),
        "refund_on": translate("ReceiptDocument", "Refund %1"),
        "refunded": translate("ReceiptDocument", "Refunded"),
        "refund_id": translate("ReceiptDocument", "Refund ID"),
        "paid": translate("ReceiptDocument", "Paid"),
        "total": translate("ReceiptDocument", "Total"),
        "thanks": translate("ReceiptDocument", "Thank you"),
    }


def receipt_html(receipt: Receipt, paper: Paper) -> str:
    """The receipt as the rich text QTextDocument lays out."""
    w = _words()

    def money(amount: int) -> str:
        return money_text(amount, receipt.currency, receipt.locale)

    table = '<table width="100%" cellspacing="0" cellpadding="1">'
    parts: list[str] = ['<div align="center">']
    if receipt.shop_name:
        parts.append(f'<p style="font-size: x-large"><b>{_e(receipt.shop_name)}</b></p>')
    if receipt.shop_address:
        parts.append("<p>" + "<br>".join(_e(line) for line in receipt.shop_address) + "</p>")
    if receipt.copy:
        parts.append(f'<p style="font-size: x-large"><b>*** {_e(w["copy"])} ***</b></p>')
    title = w["refund_receipt"] if receipt.kind is ReceiptKind.REFUND else w["receipt"]
    parts.append(f'<p style="font-size: large"><b>{_e(title)}</b></p></div>')

    parts.append(table)
    parts.append(_row(w["date"], local_time_text(receipt.created_at)))
    if receipt.terminal_name:
        parts.append(_row(w["terminal"], receipt.terminal_name))
    if receipt.staff_name:
        parts.append(_row(w["staff"], receipt.staff_name))
    if receipt.card_last4 or receipt.card_brand:
        card = PaymentMethodRecord(id="", brand=receipt.card_brand, last4=receipt.card_last4)
        parts.append(_row(w["card"], card_label(card)))
    parts.append("</table>")
    if receipt.intent_id:
        # Stripe's id is long and has no place to break: a line of its own on a roll.
        if paper is Paper.THERMAL_80:
            parts.append(f'<p style="font-size: small">{_e(w["payment_id"])}<br>'
                         f"{_e(receipt.intent_id)}</p>")
        else:
            parts.append(table + _row(w["payment_id"], receipt.intent_id) + "</table>")
    parts.append("<hr>")

    parts.append(table)
    parts.append(_row(receipt.description or w["payment"], money(receipt.amount)))
    for refund in receipt.refunds:
        when = local_time_text(refund.created_at)
        parts.append(_row(w["refund_on"].replace("%1", when), "−" + money(refund.amount)))
    parts.append("</table><hr>")

    parts.append(table)
    if receipt.kind is ReceiptKind.REFUND and receipt.refund is not None:
        parts.append(_row(w["refunded"], money(receipt.refund.amount), strong=True))
        if receipt.refund.refund_id:
            parts.append(_row(w["refund_id"], receipt.refund.refund_id, small=True))
    elif receipt.refunds:
        parts.append(_row(w["paid"], money(receipt.amount)))
        parts.append(_row(w["refunded"], "−" + money(receipt.refunded)))
        parts.append(_row(w["total"], money(receipt.net), strong=True))
    else:
        parts.append(_row(w["total"], money(receipt.amount), strong=True))
    parts.append("</table>")
    parts.append(f'<p align="center">{_e(w["thanks"])}</p>')
    return "".join(parts)


# --- laying it out and painting it ------------------------------------------------------------


def _mm_to_device(mm: float, device: QPagedPaintDevice) -> float:
    return mm * device.logicalDpiX() / 25.4


def build_document(receipt: Receipt, paper: Paper, device: QPagedPaintDevice) -> QTextDocument:
    """The receipt laid out for `device`'s resolution, `paper`'s printable width."""
    spec = PAPER[paper]
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(receipt_font(spec.point_size))
    document.setDocumentMargin(0)
    document.setHtml(receipt_html(receipt, paper))
    width_mm = spec.width_mm - 2 * spec.margin_mm
    document.setTextWidth(_mm_to_device(min(width_mm, spec.column_mm or width_mm), device))
    return document


def set_up_page(device: QPagedPaintDevice, paper: Paper, length_mm: float | None = None) -> None:
    """The sheet and margins of `paper` on `device` (before painting starts). A thermal
    roll's page is as long as the receipt (`length_mm`, margins included)."""
    spec = PAPER[paper]
    if paper is Paper.THERMAL_80:
        size = QPageSize(QSizeF(spec.width_mm, max(length_mm or 0, 60.0)),
                         QPageSize.Unit.Millimeter, "80 mm", QPageSize.SizeMatchPolicy.ExactMatch)
    elif paper is Paper.A4:
        size = QPageSize(QPageSize.PageSizeId.A4)
    else:
        size = QPageSize(QPageSize.PageSizeId.Letter)
    margins = QMarginsF(spec.margin_mm, spec.margin_mm, spec.margin_mm, spec.margin_mm)
    device.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, margins,
                                     QPageLayout.Unit.Millimeter))


def paint_receipt(receipt: Receipt, paper: Paper, device: QPagedPaintDevice) -> int:
    """Lay the receipt out, size the page(s) and paint it on `device`; the pages painted."""
    spec = PAPER[paper]
    document = build_document(receipt, paper, device)
    if paper is Paper.THERMAL_80:
        height_mm = document.size().height() * 25.4 / device.logicalDpiY()
        set_up_page(device, paper, height_mm + 2 * spec.margin_mm + 2)
    else:
        set_up_page(device, paper)
    rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
    width, height = document.textWidth(), float(rect.height())
    left = max(0.0, (rect.width() - width) / 2)
    if paper is not Paper.THERMAL_80:
        document.setPageSize(QSizeF(width, height))
    pages = max(1, document.pageCount()) if paper is not Paper.THERMAL_80 else 1
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or file could not be opened")
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(left, -page * height)
            document.drawContents(painter, QRectF(0, page * height, width, height))
            painter.restore()
    finally:
        painter.end()
    return pages
