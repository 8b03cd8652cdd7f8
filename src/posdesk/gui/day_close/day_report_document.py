"""An X or Z report on paper: the same layout for the screen, the printer (the receipt
printer's paper, as receipts use) and a PDF (A4 or Letter), set in the bundled receipt font
so Chinese shows in a PDF whatever fonts the machine has (receipts/receipt_document.py).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QPainter, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from posdesk.domain.day_close import DayReport, ReportKind, ScopeKind, SplitLine, StripeStatus
from posdesk.domain.refunds import RefundState
from posdesk.gui.formatting import local_time_text, money_text
from posdesk.gui.messages import words
from posdesk.gui.payments.outcome_view import refund_state_text, state_text
from posdesk.gui.receipts.receipt_document import PAPER, Paper, receipt_font, set_up_page

PDF_RESOLUTION = 300

translate = QCoreApplication.translate


def _breakdown(label: str, lines: Sequence[SplitLine], money: Callable[[int], str]) -> str:
    """Sales, refunds and net per staff member or per terminal (`label` heads the names)."""
    header = _row(label, translate("DayReport", "Sales"), translate("DayReport", "Refunds"),
                  translate("DayReport", "Net"), strong=True)
    return _table([header] + [
        _row(f"{line.name} ({line.payments})", money(line.sales), money(-line.refunded),
             money(line.net))
        for line in lines
    ])


def _heading(text: str) -> str:
    return f"<h3>{_e(text)}</h3>"


def _e(value: str) -> str:
    return html.escape(value, quote=True)


def _row(*cells: str, strong: bool = False) -> str:
    tds = []
    for index, cell in enumerate(cells):
        align = ' align="right"' if index else ""
        value = f"<b>{_e(cell)}</b>" if strong else _e(cell)
        tds.append(f"<td{align}>{value}</td>")
    return "<tr>" + "".join(tds) + "</tr>"


def _table(rows: list[str]) -> str:
    return '<table width="100%" cellspacing="0" cellpadding="1">' + "".join(rows) + "</table>"


def _refund_state(state: str) -> str:
    try:
        return refund_state_text(RefundState(state))
    except ValueError:
        return state


def _date_text(moment: int) -> str:
    return datetime.fromtimestamp(moment, UTC).strftime("%Y-%m-%d")


def title_of(report: DayReport) -> str:
    if report.kind is ReportKind.Z and report.closed is not None:
        if report.copy:
            return translate("DayReport", "Z report no. %1 (COPY)").replace(
                "%1", str(report.closed.number)
            )
        return translate("DayReport", "Z report no. %1 (day closed)").replace(
            "%1", str(report.closed.number)
        )
    return translate("DayReport", "X report (the day is not closed by it)")


def report_html(report: DayReport) -> str:
    """The report as the rich text QTextDocument lays out."""

    def money(amount: int) -> str:
        return money_text(amount, report.currency, report.locale)

    parts = ['<div align="center">']
    if report.shop_name:
        parts.append(f'<p style="font-size: x-large"><b>{_e(report.shop_name)}</b></p>')
    if report.shop_address:
        parts.append("<p>" + "<br>".join(_e(line) for line in report.shop_address) + "</p>")
    parts.append(f'<p style="font-size: large"><b>{_e(title_of(report))}</b></p></div>')
    scope = words(report.scope_name)
    facts = [
        _row(translate("DayReport", "Business day"), report.business_date.isoformat()),
        _row(translate("DayReport", "Time zone"), report.time_zone),
        _row(translate("DayReport", "Scope"), scope),
        _row(translate("DayReport", "Made"), local_time_text(report.made_at)),
        _row(translate("DayReport", "By"), report.made_by),
    ]
    parts.append(_table(facts))
    if report.kind is ReportKind.X and report.closed is not None:
        closed = (
            translate("DayReport", "This day was closed: Z report no. %1 by %2 at %3.")
            .replace("%1", str(report.closed.number))
            .replace("%2", report.closed.staff_name)
            .replace("%3", local_time_text(report.closed.closed_at))
        )
        parts.append(f"<p><b>{_e(closed)}</b></p>")

    parts.append(_heading(translate("DayReport", "Totals")))
    parts.append(
        _table(
            [
                _row(
                    translate("DayReport", "Sales (payments: %1)").replace(
                        "%1", str(report.payments_count)
                    ),
                    money(report.sales),
                ),
                _row(
                    translate("DayReport", "Refunds (%1)").replace("%1", str(report.refunds_count)),
                    money(-report.refunded),
                ),
                _row(translate("DayReport", "Net"), money(report.net), strong=True),
            ]
        )
    )
    if report.other_currency:
        parts.append(
            "<p>"
            + _e(
                translate(
                    "DayReport", "Payments in other currencies, not in these totals: %1."
                ).replace("%1", str(report.other_currency))
            )
            + "</p>"
        )

    parts.append(_heading(translate("DayReport", "Payments by state")))
    rows = [
        _row(state_text(line.state), str(line.count), money(line.amount))
        for line in report.payment_states
    ] or [_row(translate("DayReport", "No payments"), "")]
    parts.append(_table(rows))
    parts.append(_heading(translate("DayReport", "Refunds by state")))
    rows = [
        _row(_refund_state(line.state), str(line.count), money(line.amount))
        for line in report.refund_states
    ] or [_row(translate("DayReport", "No refunds"), "")]
    parts.append(_table(rows))

    parts.append(_heading(translate("DayReport", "By staff")))
    parts.append(_breakdown(translate("DayReport", "Name"), report.by_staff, money))
    if report.scope.kind is ScopeKind.STORE:
        parts.append(_heading(translate("DayReport", "By terminal")))
        parts.append(_breakdown(translate("DayReport", "Terminal"), report.by_terminal, money))

    stripe = report.stripe
    parts.append(_heading(translate("DayReport", "Stripe")))
    if stripe.status is not StripeStatus.OK:
        parts.append(f"<p>{_e(words(stripe.problem or ''))}</p>")
    else:
        rows = [
            _row(
                translate("DayReport", "Charges (%1)").replace("%1", str(stripe.charges_count)),
                money(stripe.gross),
            ),
            _row(
                translate("DayReport", "Refunds (%1)").replace("%1", str(stripe.refunds_count)),
                money(-stripe.refunded),
            ),
            _row(translate("DayReport", "Stripe fees"), money(-stripe.fees)),
            _row(translate("DayReport", "Net to the balance"), money(stripe.net), strong=True),
            _row(translate("DayReport", "Not available yet"), money(stripe.pending)),
            _row(translate("DayReport", "Not paid out yet"), money(stripe.not_paid_out)),
        ]
        parts.append(_table(rows))
        if report.matches_stripe:
            verdict = translate("DayReport", "Matches Stripe's balance transactions.")
        else:
            verdict = translate(
                "DayReport",
                "Does not match Stripe yet: payments or refunds without a balance "
                "transaction, or whose amounts differ: %1.",
            ).replace("%1", str(stripe.missing))
        parts.append(f"<p>{_e(verdict)}</p>")
        if stripe.payouts:
            parts.append(_heading(translate("DayReport", "Payouts")))
            header = _row(
                translate("DayReport", "Payout"),
                translate("DayReport", "Arrives"),
                translate("DayReport", "Of this day"),
                translate("DayReport", "Total"),
                strong=True,
            )
            parts.append(
                _table(
                    [header]
                    + [
                        _row(
                            f"{line.payout_id} ({line.status})",
                            _date_text(line.arrival_date),
                            money(line.of_this_day),
                            money(line.amount),
                        )
                        for line in stripe.payouts
                    ]
                )
            )
    return "".join(parts)


def _mm_to_device(mm: float, device: QPagedPaintDevice) -> float:
    return mm * device.logicalDpiX() / 25.4


def paint_report(report: DayReport, paper: Paper, device: QPagedPaintDevice) -> int:
    """Lay the report out on `paper` and paint it on `device`; the pages painted."""
    spec = PAPER[paper]
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(receipt_font(spec.point_size))
    document.setDocumentMargin(0)
    document.setHtml(report_html(report))
    width_mm = spec.width_mm - 2 * spec.margin_mm
    document.setTextWidth(_mm_to_device(width_mm, device))
    if paper is Paper.THERMAL_80:
        height_mm = document.size().height() * 25.4 / device.logicalDpiY()
        set_up_page(device, paper, height_mm + 2 * spec.margin_mm + 2)
    else:
        set_up_page(device, paper)
    rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
    width, height = document.textWidth(), float(rect.height())
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
            painter.translate(0, -page * height)
            document.drawContents(painter, QRectF(0, page * height, width, height))
            painter.restore()
    finally:
        painter.end()
    return pages


def report_name(report: DayReport) -> str:
    number = report.closed.number if report.kind is ReportKind.Z and report.closed else None
    kind = f"Z{number}" if number else "X"
    return f"{kind}-{report.scope.key.replace(':', '-')[:20]}-{report.business_date}"


def write_pdf(report: DayReport, paper: Paper, path: Path | str) -> int:
    """Save the report as a PDF at `path` (its font embedded); the pages written."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(report_name(report))
    writer.setCreator("PosDesk")
    try:
        return paint_report(report, paper, writer)
    finally:
        del writer  # the file is complete once the writer is gone


def print_report(report: DayReport, paper: Paper, printer: QPrinter) -> int:
    printer.setDocName(report_name(report))
    return paint_report(report, paper, printer)
