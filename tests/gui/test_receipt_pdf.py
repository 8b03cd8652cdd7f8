"""Receipt PDFs as a customer gets them: made from the shop's records through the receipt
service, laid out for an 80 mm roll and for A4/Letter, then read back with poppler
(pdftotext for the words, pdftoppm for a picture of the page, pdffonts for the embedded
font). One receipt is in Chinese; a reprint says COPY.

The PNGs are kept in POSDESK_RECEIPT_SHOTS (when set) for a person to look at."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from posdesk.domain.roles import Role, StaffMember
from posdesk.domain.stripe_objects import PaymentMethodData
from posdesk.services.guard import Guard
from posdesk.services.receipts import ReceiptService
from posdesk.services.shop_settings import ShopSettingsService
from posdesk.store.audit import AuditLog
from posdesk.store.models import PaymentRecord, TerminalRecord
from posdesk.store.payment_methods import PaymentMethodRepository
from posdesk.store.payments import PaymentRepository
from posdesk.store.terminals import TerminalRepository

POPPLER = all(shutil.which(tool) for tool in ("pdftoppm", "pdftotext", "pdffonts"))
pytestmark = pytest.mark.skipif(
    not POPPLER, reason="pdftoppm/pdftotext not installed (Debian package poppler-utils)")

MANAGER = StaffMember("staff-m", "Mo Manager", Role.MANAGER)
CASHIER = StaffMember("staff-c", "Cory Cashier", Role.CASHIER)
TAKEN = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)


def _shop(store, name: str, address: str, locale: str = "en_US") -> ReceiptService:
    settings = ShopSettingsService(store, Guard(AuditLog(store, "till-1")))
    settings.save(MANAGER, replace(settings.get(), shop_name=name, shop_address=address,
                                   locale=locale))
    TerminalRepository(store).register(TerminalRecord(id="till-1", name="Front till"))
    return ReceiptService(store, None, settings.get, terminal_id="till-1")


def _paid(store, payment_id: str, amount: int, description: str) -> str:
    PaymentMethodRepository(store).upsert(
        PaymentMethodData("pm_1", "cus_1", brand="mastercard", last4="4444"))
    PaymentRepository(store).add(PaymentRecord(
        id=payment_id, idempotency_key=f"key-{payment_id}", intent_id=f"pi_{payment_id}",
        customer_id="cus_1", payment_method_id="pm_1", amount=amount, currency="USD",
        description=description, state="succeeded", staff_id=CASHIER.id,
        staff_name=CASHIER.name, amount_received=amount, terminal_id="till-1",
        created_at=TAKEN))
    return payment_id


def _pdf(receipt, paper_name: str, path: Path) -> tuple[str, Path]:
    from posdesk.gui.receipts.receipt_document import Paper
    from posdesk.gui.receipts.receipt_printer import write_pdf

    assert write_pdf(receipt, Paper(paper_name), path) == 1
    words = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                           capture_output=True, text=True).stdout
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(path),
                    str(path.with_suffix(""))], check=True)
    png = path.with_suffix(".png")
    assert png.stat().st_size > 5000  # a page with something on it
    shots = os.environ.get("POSDESK_RECEIPT_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(shots) / png.name)
    return words, png


def _fonts(path: Path) -> str:
    return subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                          text=True).stdout


def _date(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _page_mm(png: Path, dpi: int = 150) -> tuple[float, float]:
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    return image.width() * 25.4 / dpi, image.height() * 25.4 / dpi


def test_an_80mm_receipt_pdf_says_shop_amount_card_and_date_and_a_reprint_says_copy(
    qapp, tmp_store, tmp_path
) -> None:
    receipts = _shop(tmp_store, "Corner Shop", "1 High Street\nSpringfield")
    payment_id = _paid(tmp_store, "pay-80", 2599, "Two coffees")
    first = receipts.print_receipt(CASHIER, payment_id)
    words, png = _pdf(first, "thermal80", tmp_path / "receipt_80mm_en.pdf")
    for expected in ("Corner Shop", "1 High Street", "$25.99", "Mastercard", "4444",
                     _date(TAKEN), "Front till", "Cory Cashier", "Two coffees", "pi_pay-80"):
        assert expected in words, expected
    assert "COPY" not in words
    width, height = _page_mm(png)
    assert abs(width - 80) < 1 and 60 <= height < 200  # a roll: as long as the receipt
    assert "WenQuanYi" in _fonts(tmp_path / "receipt_80mm_en.pdf")  # the bundled font, embedded
    again, _ = _pdf(receipts.print_receipt(CASHIER, payment_id), "thermal80",
                    tmp_path / "receipt_80mm_en_copy.pdf")
    assert "COPY" in again and "$25.99" in again


def test_an_a4_receipt_in_chinese_embeds_a_font_that_shows_it(
    qapp, tmp_store, tmp_path
) -> None:
    from PySide6.QtCore import QLocale

    from posdesk.gui.common.resources import install_translators

    receipts = _shop(tmp_store, "街角小店", "北京市朝阳区建国路 88 号", locale="zh_CN")
    payment_id = _paid(tmp_store, "pay-a4", 12800, "咖啡两杯，蛋糕一块")
    receipt = receipts.save_receipt_pdf(CASHIER, payment_id)
    # Laid out by a till whose UI is in Chinese: the receipt's own words are Chinese too.
    installed = install_translators(qapp, QLocale("zh_CN"))
    try:
        words, png = _pdf(receipt, "a4", tmp_path / "receipt_a4_zh.pdf")
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    for expected in ("街角小店", "北京市朝阳区建国路", "咖啡两杯", "US$128.00", "4444",
                     _date(TAKEN), "收据", "日期", "谢谢惠顾"):
        assert expected in words, expected
    assert "Receipt" not in words and "Thank you" not in words
    width, height = _page_mm(png)
    assert abs(width - 210) < 1 and abs(height - 297) < 1
    fonts = _fonts(tmp_path / "receipt_a4_zh.pdf")
    assert "WenQuanYi" in fonts
    embedded = [line.split()[-5] for line in fonts.splitlines()[2:]]
    assert embedded and set(embedded) == {"yes"}  # every font in the file is embedded


def test_a_letter_receipt_of_a_refund(qapp, tmp_store, tmp_path) -> None:
    from posdesk.store.refund_models import RefundRequestRecord
    from posdesk.store.refund_requests import RefundRequestRepository

    receipts = _shop(tmp_store, "Corner Shop", "")
    payment_id = _paid(tmp_store, "pay-letter", 5000, "Shoes")
    RefundRequestRepository(tmp_store).add(RefundRequestRecord(
        id="rr-1", idempotency_key="rk-1", payment_id=payment_id, intent_id="pi_pay-letter",
        customer_id="cus_1", amount=1500, currency="USD", state="succeeded",
        staff_id=MANAGER.id, staff_name=MANAGER.name, terminal_id="till-1"))
    receipt = receipts.print_receipt(CASHIER, payment_id, "rr-1")
    words, png = _pdf(receipt, "letter", tmp_path / "receipt_letter_refund.pdf")
    assert "Refund receipt" in words and "$15.00" in words and "$50.00" in words
    width, height = _page_mm(png)
    assert abs(width - 215.9) < 1 and abs(height - 279.4) < 1
