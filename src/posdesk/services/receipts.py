"""Receipts: what a printed or saved receipt of a payment (or of one of its refunds) says,
built from the shop's records, and asking Stripe to email its own receipt.

A `Receipt` is plain data (gui/receipts/ lays it out for 80 mm thermal paper or A4/Letter):
the shop's name and address (shop settings), when, which terminal and who took the payment,
its description, amount, card brand and last four, Stripe's payment id, and its refunds.

Who may do what (domain/roles.py):
- printing a receipt or saving it as PDF: anyone who may view customers (every role);
- emailing a receipt at the sale (the charge dialog's result): CHARGE (cashiers, managers);
- re-sending it later from the customer's payments: RESEND_RECEIPT (support, managers).

Stripe sends the email itself: `receipt_email` is set on the payment's intent, and Stripe
mails its receipt to that address (again whenever the address is set again).

Reprints say COPY. How many receipts of a payment were handed out is read from the audit
trail (each print and each PDF is audited with the payment as its target); the first is the
original, every later one a copy. The audit row is written once the receipt is built for
printing, before the printer or file is reached: a failed print still counts, so a second
one says COPY (never two originals).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import func
from sqlmodel import col, select

from posdesk.domain.messages import text
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.refunds import RefundState
from posdesk.domain.roles import StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.services import guard
from posdesk.services.errors import InputError, StripeNotConfigured
from posdesk.services.shop_settings import ShopSettings
from posdesk.store.audit import AuditLog
from posdesk.store.database import Store
from posdesk.store.models import AuditEntry, PaymentMethodRecord, PaymentRecord, TerminalRecord
from posdesk.store.payments import PaymentRepository
from posdesk.store.refund_requests import RefundRequestRepository

__all__ = [
    "EMAIL_LIMIT",
    "Receipt",
    "ReceiptKind",
    "ReceiptRefund",
    "ReceiptService",
]

EMAIL_LIMIT = 254
# The audit actions of a receipt handed out on paper or as a file: each counts as one.
HANDED_OUT = (guard.PRINT_RECEIPT.action, guard.SAVE_RECEIPT_PDF.action)

UNKNOWN_PAYMENT = text("receipt.unknown_payment", "This payment is not in the shop's records.")
NOT_PAID = text("receipt.not_paid",
                "Only a payment that went through has a receipt. Nothing was printed.")
UNKNOWN_REFUND = text("receipt.unknown_refund", "This refund is not one of the payment's.")
BAD_EMAIL = text("receipt.bad_email", "Type an email address such as ann@example.com.")
NO_INTENT = text("receipt.no_intent",
                 "Stripe does not know this payment yet, so it cannot email a receipt.")

# What a receipt may be made for: money received. An authorization still to be captured
# has none yet (what it will come to is known only once it is captured).
HAS_RECEIPT = frozenset({PaymentState.SUCCEEDED})
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ReceiptKind(StrEnum):
    PAYMENT = "payment"
    REFUND = "refund"


@dataclass(frozen=True, slots=True)
class ReceiptRefund:
    """One refund line: Stripe's refund id (None until Stripe names it), amount, when."""

    refund_id: str | None
    amount: int
    state: RefundState
    created_at: datetime  # UTC
    staff_name: str | None


@dataclass(frozen=True, slots=True)
class Receipt:
    """Everything a receipt shows, in the shop's currency and locale (amounts in minor units,
    times in UTC: the layout shows local time)."""

    kind: ReceiptKind
    copy: bool  # a reprint: printed "COPY"
    shop_name: str
    shop_address: tuple[str, ...]
    locale: str
    payment_id: str
    intent_id: str | None  # Stripe's payment id (pi_...)
    created_at: datetime  # UTC: when the payment was taken
    terminal_name: str
    staff_name: str
    description: str
    amount: int
    currency: str
    card_brand: str | None
    card_last4: str | None
    refunds: tuple[ReceiptRefund, ...]  # refunds that count (or may), oldest first
    # A refund receipt: the refund it is for (also among `refunds`).
    refund: ReceiptRefund | None = None

    @property
    def refunded(self) -> int:
        return sum(r.amount for r in self.refunds)

    @property
    def net(self) -> int:
        """What the customer paid less what went back."""
        return max(0, self.amount - self.refunded)


def check_email(email: str | None) -> str:
    email = (email or "").strip()
    if not email or len(email) > EMAIL_LIMIT or not _EMAIL.match(email):
        raise InputError(BAD_EMAIL)
    return email


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class ReceiptService:
    def __init__(
        self,
        store: Store,
        gateway: StripeGateway | None,
        shop_settings: Callable[[], ShopSettings],
        *,
        terminal_id: str | None = None,
    ) -> None:
        self.store = store
        self.gateway = gateway
        self.shop_settings = shop_settings
        self.audit = AuditLog(store, terminal_id)
        self.guard = guard.Guard(self.audit)
        self.payments = PaymentRepository(store)
        self.requests = RefundRequestRepository(store)

    # --- building ---------------------------------------------------------------------------

    def _payment(self, payment_id: str) -> PaymentRecord:
        payment = self.payments.get(payment_id.strip()) if payment_id else None
        if payment is None:
            raise InputError(UNKNOWN_PAYMENT)
        return payment

    def _handed_out(self, payment_id: str) -> int:
        """Receipts of the payment printed or saved so far (its audit rows)."""
        query = (
            select(func.count()).select_from(AuditEntry)
            .where(col(AuditEntry.action).in_(HANDED_OUT))
            .where(col(AuditEntry.target) == payment_id)
            .where(col(AuditEntry.outcome) == "made")
        )
        with self.store.session() as session:
            return int(session.exec(query).one())

    def _build(self, payment: PaymentRecord, refund_id: str | None, copy: bool) -> Receipt:
        if PaymentState(payment.state) not in HAS_RECEIPT:
            raise InputError(NOT_PAID)
        shop = self.shop_settings()
        with self.store.session() as session:
            card = (session.get(PaymentMethodRecord, payment.payment_method_id)
                    if payment.payment_method_id else None)
            terminal = (session.get(TerminalRecord, payment.terminal_id)
                        if payment.terminal_id else None)
        refundable = self.requests.refundable(payment)
        counted = [line for line in refundable.lines if line.counts]
        lines = tuple(
            ReceiptRefund(line.refund_id, line.amount, line.state,
                          datetime.fromtimestamp(line.created, UTC), line.staff_name)
            for line in counted
        )
        refund = None
        if refund_id is not None:
            # Stripe's id (re_...) or this shop's request id, for one not named yet.
            refund = next((receipt_line for line, receipt_line in zip(counted, lines, strict=True)
                           if refund_id in (line.refund_id, line.request_id)), None)
            if refund is None:
                raise InputError(UNKNOWN_REFUND)
        return Receipt(
            kind=ReceiptKind.REFUND if refund else ReceiptKind.PAYMENT,
            copy=copy,
            shop_name=shop.shop_name,
            shop_address=tuple(line for line in shop.shop_address.splitlines() if line),
            locale=shop.locale,
            payment_id=payment.id,
            intent_id=payment.intent_id,
            created_at=_utc(payment.created_at),
            terminal_name=(terminal.name or terminal.host) if terminal else "",
            staff_name=payment.staff_name,
            description=payment.description or "",
            amount=payment.amount_received or payment.amount,
            currency=payment.currency,
            card_brand=card.brand if card else None,
            card_last4=card.last4 if card else None,
            refunds=lines,
            refund=refund,
        )

    @guard.operation(guard.VIEW_RECEIPT)
    def preview(self, staff: StaffMember, payment_id: str,
                refund_id: str | None = None) -> Receipt:
        """The receipt as the next print would be (COPY when one was handed out before),
        for a preview; nothing is counted. Audited only when refused."""
        self.guard.check(staff, guard.VIEW_RECEIPT, payment_id or None)
        payment = self._payment(payment_id)
        return self._build(payment, refund_id, self._handed_out(payment.id) > 0)

    @guard.operation(guard.PRINT_RECEIPT)
    def print_receipt(self, staff: StaffMember, payment_id: str,
                      refund_id: str | None = None) -> Receipt:
        """The receipt to print now (call once the printer is chosen); audited, and counted:
        a later print or PDF says COPY."""
        return self._hand_out(staff, guard.PRINT_RECEIPT, payment_id, refund_id)

    @guard.operation(guard.SAVE_RECEIPT_PDF)
    def save_receipt_pdf(self, staff: StaffMember, payment_id: str,
                         refund_id: str | None = None) -> Receipt:
        """The receipt to save as a PDF now (call once the file is chosen); audited and
        counted as print_receipt is."""
        return self._hand_out(staff, guard.SAVE_RECEIPT_PDF, payment_id, refund_id)

    def _hand_out(self, staff: StaffMember, operation: guard.Operation, payment_id: str,
                  refund_id: str | None) -> Receipt:
        with self.guard.run(staff, operation, payment_id or None) as audited:
            payment = self._payment(payment_id)
            before = self._handed_out(payment.id)
            receipt = self._build(payment, refund_id, copy=before > 0)
            audited.done("made", target=payment.id, intent_id=payment.intent_id,
                         refund_id=refund_id, copy=receipt.copy, number=before + 1)
        return receipt

    # --- email ------------------------------------------------------------------------------

    @guard.operation(guard.EMAIL_RECEIPT)
    def email_receipt(self, staff: StaffMember, payment_id: str, email: str) -> str:
        """Have Stripe email its receipt of the payment to `email` (at the sale). Returns
        the address used. Raises PermissionDenied (audited), InputError, StripeNotConfigured
        or GatewayError (audited)."""
        return self._email(staff, guard.EMAIL_RECEIPT, payment_id, email)

    @guard.operation(guard.RESEND_RECEIPT)
    def resend_receipt(self, staff: StaffMember, payment_id: str, email: str) -> str:
        """email_receipt later, from the customer's payments (support and managers)."""
        return self._email(staff, guard.RESEND_RECEIPT, payment_id, email)

    def _email(self, staff: StaffMember, operation: guard.Operation, payment_id: str,
               email: str) -> str:
        with self.guard.run(staff, operation, payment_id or None) as audited:
            address = check_email(email)
            payment = self._payment(payment_id)
            if PaymentState(payment.state) not in HAS_RECEIPT:
                raise InputError(NOT_PAID)
            if not payment.intent_id:
                raise InputError(NO_INTENT)
            if self.gateway is None:
                raise StripeNotConfigured()
            self.gateway.set_receipt_email(payment.intent_id, address)
            # The address is personal data: the audit keeps only its domain.
            audited.done("sent", target=payment.id, intent_id=payment.intent_id,
                         email_domain=address.rsplit("@", 1)[1].lower())
        return address
