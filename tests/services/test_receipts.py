"""Receipts through the service: built from the shop's records (shop name and address,
terminal, staff, amount, card, Stripe's id, refunds), guarded and audited; a second receipt
of a payment says COPY (counted from the audit trail); emailing sets receipt_email at the
sandbox, whose outbox shows what Stripe would have sent. Real sandbox over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
import requests as http

from posdesk.domain.money import Money
from posdesk.domain.refunds import RefundState
from posdesk.domain.roles import PermissionDenied, Role, StaffMember
from posdesk.domain.stripe_objects import PaymentMethodData
from posdesk.services.approval import Approvals
from posdesk.services.charges import ChargeService
from posdesk.services.errors import InputError, StripeNotConfigured
from posdesk.services.guard import Guard
from posdesk.services.receipts import ReceiptKind, ReceiptService
from posdesk.services.refunds import RefundService
from posdesk.services.shop_settings import ShopSettingsService
from posdesk.store.audit import AuditLog, decode_detail
from posdesk.store.database import Store, open_store
from posdesk.store.models import TerminalRecord
from posdesk.store.payment_methods import PaymentMethodRepository
from posdesk.store.payments import PaymentRepository
from posdesk.store.terminals import TerminalRepository
from tests.gateway.sandbox_api import attach_card

USD = "USD"
MANAGER = StaffMember("staff-m", "Mo Manager", Role.MANAGER)
CASHIER = StaffMember("staff-c", "Cory Cashier", Role.CASHIER)
SUPPORT = StaffMember("staff-s", "Sam Support", Role.SUPPORT)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()


class Shop:
    def __init__(self, store: Store, gateway, sandbox, secret_key: str) -> None:
        self.store, self.sandbox, self.secret_key = store, sandbox, secret_key
        self.settings = ShopSettingsService(store, Guard(AuditLog(store, "till-1")))
        self.settings.save(MANAGER, replace(
            self.settings.get(), shop_name="Corner Shop",
            shop_address="1 High Street\nSpringfield"))
        TerminalRepository(store).register(TerminalRecord(id="till-1", name="Front till"))
        approvals = Approvals(self.settings.get)
        self.charges = ChargeService(store, gateway, approvals=approvals)
        self.refunds = RefundService(store, gateway, approvals=approvals)
        self.receipts = ReceiptService(store, gateway, self.settings.get, terminal_id="till-1")

    def paid(self, customer_id: str, amount: int = 2599) -> str:
        pm = attach_card(self.sandbox.base_url, self.secret_key, customer_id)
        PaymentMethodRepository(self.store).upsert(
            PaymentMethodData(pm, customer_id, brand="visa", last4="4242"))
        result = self.charges.charge_saved_card(CASHIER, customer_id, pm, Money(amount, USD),
                                                "Two coffees")
        PaymentRepository(self.store).update(result.payment_id, terminal_id="till-1")
        return result.payment_id


@pytest.fixture
def shop(store, gateway, sandbox, secret_key) -> Shop:
    return Shop(store, gateway, sandbox, secret_key)


def audit(store: Store, action: str) -> list[Any]:
    return [e for e in reversed(AuditLog(store).list_recent(500)) if e.action == action]


def outbox(sandbox) -> list[dict[str, Any]]:
    response = http.get(sandbox.base_url + "/_sandbox/receipts", timeout=5)
    response.raise_for_status()
    return response.json()["data"]


def test_a_receipt_says_what_was_paid_where_by_whom_and_with_which_card(
    shop, store, customer_id
) -> None:
    payment_id = shop.paid(customer_id)
    receipt = shop.receipts.print_receipt(CASHIER, payment_id)
    payment = PaymentRepository(store).get(payment_id)
    assert payment is not None
    assert receipt.kind is ReceiptKind.PAYMENT and not receipt.copy
    assert (receipt.shop_name, receipt.shop_address) == (
        "Corner Shop", ("1 High Street", "Springfield"))
    assert (receipt.amount, receipt.currency, receipt.description) == (2599, USD, "Two coffees")
    assert (receipt.card_brand, receipt.card_last4) == ("visa", "4242")
    assert receipt.intent_id == payment.intent_id and receipt.intent_id.startswith("pi_")
    assert (receipt.terminal_name, receipt.staff_name) == ("Front till", "Cory Cashier")
    assert receipt.created_at.tzinfo is not None
    assert receipt.refunds == () and receipt.net == 2599
    [row] = audit(store, "print_receipt")
    assert (row.outcome, row.target, row.staff_id, row.terminal_id) == (
        "made", payment_id, CASHIER.id, "till-1")
    assert decode_detail(row)["copy"] is False


def test_a_second_receipt_printed_or_saved_says_copy_and_a_preview_counts_nothing(
    shop, store, customer_id
) -> None:
    payment_id = shop.paid(customer_id)
    assert shop.receipts.preview(SUPPORT, payment_id).copy is False
    assert shop.receipts.save_receipt_pdf(SUPPORT, payment_id).copy is False
    assert shop.receipts.preview(SUPPORT, payment_id).copy is True
    assert shop.receipts.print_receipt(CASHIER, payment_id).copy is True
    assert shop.receipts.print_receipt(CASHIER, payment_id).copy is True
    assert [decode_detail(r)["number"] for r in audit(store, "print_receipt")] == [2, 3]
    assert audit(store, "view_receipt") == []  # an allowed preview writes nothing
    other = shop.paid(customer_id, 500)
    assert shop.receipts.print_receipt(CASHIER, other).copy is False  # per payment


def test_refunds_show_as_lines_and_a_refund_has_its_own_receipt(shop, customer_id) -> None:
    payment_id = shop.paid(customer_id, 5000)
    first = shop.refunds.refund(MANAGER, payment_id, Money(1500, USD))
    shop.refunds.refund(MANAGER, payment_id, Money(1000, USD))
    receipt = shop.receipts.print_receipt(CASHIER, payment_id)
    assert [(r.amount, r.state) for r in receipt.refunds] == [
        (1500, RefundState.SUCCEEDED), (1000, RefundState.SUCCEEDED)]
    assert (receipt.refunded, receipt.net) == (2500, 2500)
    refund = shop.receipts.print_receipt(CASHIER, payment_id, first.refund_id)
    assert refund.kind is ReceiptKind.REFUND and refund.refund is not None
    assert (refund.refund.refund_id, refund.refund.amount) == (first.refund_id, 1500)
    with pytest.raises(InputError):
        shop.receipts.print_receipt(CASHIER, payment_id, "re_not_this_one")


def test_a_payment_that_did_not_go_through_or_is_unknown_has_no_receipt(
    shop, store, customer_id
) -> None:
    payment_id = shop.paid(customer_id)
    PaymentRepository(store).update(payment_id, state="declined")
    with pytest.raises(InputError):
        shop.receipts.print_receipt(CASHIER, payment_id)
    with pytest.raises(InputError):
        shop.receipts.preview(CASHIER, "no-such-payment")


def test_emailing_sets_receipt_email_and_stripe_sends_its_receipt(
    shop, store, sandbox, customer_id
) -> None:
    payment_id = shop.paid(customer_id)
    before = len(outbox(sandbox))
    assert shop.receipts.email_receipt(CASHIER, payment_id, " ann@example.com ") == (
        "ann@example.com")
    assert shop.receipts.resend_receipt(SUPPORT, payment_id, "ann@example.org")
    sent = outbox(sandbox)[before:]
    payment = PaymentRepository(store).get(payment_id)
    assert payment is not None
    assert [(m["to"], m["payment_intent"], m["amount"]) for m in sent] == [
        ("ann@example.com", payment.intent_id, 2599),
        ("ann@example.org", payment.intent_id, 2599)]
    assert sent[0]["card_last4"] == "4242"
    [emailed] = audit(store, "email_receipt")
    assert (emailed.outcome, emailed.target) == ("sent", payment_id)
    detail = decode_detail(emailed)
    assert detail["email_domain"] == "example.com"
    assert "ann@example.com" not in str(detail)  # the address itself is not audited


def test_email_is_checked_and_needs_the_permission_and_stripe(
    shop, store, customer_id
) -> None:
    payment_id = shop.paid(customer_id)
    with pytest.raises(InputError):
        shop.receipts.email_receipt(CASHIER, payment_id, "not an address")
    with pytest.raises(PermissionDenied):
        shop.receipts.email_receipt(SUPPORT, payment_id, "ann@example.com")
    with pytest.raises(PermissionDenied):
        shop.receipts.resend_receipt(CASHIER, payment_id, "ann@example.com")
    assert [r.outcome for r in audit(store, "email_receipt")] == ["denied"]
    assert [r.outcome for r in audit(store, "resend_receipt")] == ["denied"]
    offline = ReceiptService(store, None, shop.settings.get)
    with pytest.raises(StripeNotConfigured):
        offline.email_receipt(CASHIER, payment_id, "ann@example.com")
