"""Refunding a payment, in full or in part, and settling refunds whose answer was lost.

A thin use case on the ledger (posdesk.ledger.refunds, whose docstring is the reference for
the order of steps that keeps money from moving twice): this module checks the staff member
(the guard), the input, what is left to refund and the manager's approval, then lets the
ledger write, send, record and settle.

Who may refund (domain/roles.py): managers, cashiers and support. Above the shop's refund
limit (`refund_approval_over`) someone who may not approve needs a manager's PIN on the spot
(services/approval.py); with no limit set, every refund of theirs does. A manager's own
refund needs nobody else's.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import NoReturn

from posdesk.domain.money import (
    AMOUNT_NEGATIVE,
    AMOUNT_ZERO,
    AmountError,
    Money,
    format_money,
)
from posdesk.domain.refunds import (
    BUSY_ELSEWHERE,
    MORE_THAN_LEFT,
    NOT_REFUNDABLE,
    NOTE_CONTROL,
    NOTE_TOO_LONG,
    NOTHING_LEFT,
    OTHER_CURRENCY,
    UNKNOWN_PAYMENT,
    UNKNOWN_REASON,
    RefundReason,
)
from posdesk.domain.roles import StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.ledger.payments import SERVER_ERROR_WINDOW, NoGateway
from posdesk.ledger.refunds import (
    CLAIM_WAIT,
    NotEnoughLeft,
    NotRefundable,
    PaymentBusy,
    RefundLedger,
    RefundResult,
)
from posdesk.services import guard
from posdesk.services.approval import Approvals
from posdesk.services.errors import InputError, StripeNotConfigured
from posdesk.services.staff import Approval
from posdesk.store.database import Store
from posdesk.store.models import PaymentRecord
from posdesk.store.refund_models import RefundRequestRecord
from posdesk.store.refund_requests import Refundable, RefundLine
from posdesk.store.this_terminal import CLAIM_TTL, Terminal

__all__ = [
    "NOTE_LIMIT",
    "RefundLine",
    "RefundRefused",
    "RefundResult",
    "RefundService",
    "Refundable",
]

NOTE_LIMIT = 500


class RefundRefused(InputError):
    """Refused before anything was sent (nothing left, more than is left, the payment
    cannot be refunded, another terminal is refunding it); audited."""


def check_reason(reason: RefundReason | str | None) -> RefundReason:
    try:
        return RefundReason(reason or RefundReason.REQUESTED_BY_CUSTOMER)
    except ValueError:
        raise InputError(UNKNOWN_REASON) from None


def check_note(note: str | None) -> str:
    """Trimmed; kept in the store only (never sent to Stripe)."""
    note = (note or "").strip()
    if len(note) > NOTE_LIMIT:
        raise InputError(NOTE_TOO_LONG(limit=NOTE_LIMIT))
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in note):
        raise InputError(NOTE_CONTROL)
    return note


class RefundService:
    def __init__(
        self,
        store: Store,
        gateway: StripeGateway | None,
        *,
        terminal: Terminal | None = None,
        approvals: Approvals | None = None,
        clock: Callable[[], datetime] | None = None,
        server_error_window: timedelta = SERVER_ERROR_WINDOW,
        claim_ttl: timedelta = CLAIM_TTL,
        claim_wait: timedelta = CLAIM_WAIT,
        on_pending_written: Callable[[RefundRequestRecord], None] | None = None,
    ) -> None:
        self.store = store
        self.ledger = RefundLedger(
            store, gateway, clock=clock, server_error_window=server_error_window,
            terminal=terminal, claim_ttl=claim_ttl, claim_wait=claim_wait,
        )
        self.terminal = self.ledger.terminal
        self.guard = guard.Guard(self.ledger.audit)
        self.approvals = approvals or Approvals.of_store(store, self.terminal.id)
        # Called once the request is committed, before its refund is sent.
        self._on_pending_written = on_pending_written

    @property
    def gateway(self) -> StripeGateway | None:
        return self.ledger.gateway

    @gateway.setter
    def gateway(self, gateway: StripeGateway | None) -> None:
        self.ledger.gateway = gateway

    def _require_gateway(self) -> StripeGateway:
        if self.gateway is None:
            raise StripeNotConfigured()
        return self.gateway

    def _locale(self) -> str:
        return self.approvals.settings().locale or "en_US"

    def _payment(self, payment_id: str) -> PaymentRecord:
        payment = self.ledger.payments.get((payment_id or "").strip()) if payment_id else None
        if payment is None:
            raise InputError(UNKNOWN_PAYMENT)
        return payment

    # --- reading ----------------------------------------------------------------------------

    @guard.operation(guard.VIEW_REFUNDS)
    def payment(self, staff: StaffMember, payment_id: str) -> PaymentRecord:
        """The payment a refund would be for (a result screen's "Refund…" names only its
        id). Raises InputError when the store does not know it."""
        self.guard.check(staff, guard.VIEW_REFUNDS, payment_id or None)
        return self._payment(payment_id)

    @guard.operation(guard.VIEW_REFUNDS)
    def refundable(self, staff: StaffMember, payment_id: str) -> Refundable:
        """What is left to refund of a payment, what was refunded, and its refunds (made
        here or elsewhere), for the refund dialog. Audited only when refused."""
        self.guard.check(staff, guard.VIEW_REFUNDS, payment_id or None)
        return self.ledger.requests.refundable(self._payment(payment_id))

    # --- refunding --------------------------------------------------------------------------

    @guard.operation(guard.REFUND)
    def refund(
        self,
        staff: StaffMember,
        payment_id: str,
        amount: Money | None = None,
        reason: RefundReason | str | None = RefundReason.REQUESTED_BY_CUSTOMER,
        note: str = "",
        approval: Approval | None = None,
    ) -> RefundResult:
        """Refund `amount` of a payment (None: all that is left). Raises PermissionDenied
        (audited), InputError or AmountError (nothing written), StripeNotConfigured,
        RefundRefused (audited, nothing sent: nothing or not that much is left, another
        terminal kept the payment) or ApprovalRequired (audited, nothing written: call again
        with a manager's `approval`). Every other result, a lost connection included,
        comes back as a RefundResult with a recorded request."""
        denied_details: dict[str, object] = {
            "payment_id": payment_id,
            "amount": amount.amount if amount else None,
            "currency": amount.currency if amount else None,
        }
        with self.guard.run(staff, guard.REFUND, payment_id or None, denied_details) as audited:
            reason_ = check_reason(reason)
            note = check_note(note)
            payment = self._payment(payment_id)
            if amount is not None:
                if amount.amount == 0:
                    raise AmountError(AMOUNT_ZERO)
                if amount.amount < 0:
                    raise AmountError(AMOUNT_NEGATIVE)
                if amount.currency != payment.currency:
                    raise InputError(OTHER_CURRENCY(currency=payment.currency))
            self._require_gateway()
            details: dict[str, object] = {
                "payment_id": payment.id, "intent_id": payment.intent_id,
                "customer_id": payment.customer_id, "reason": reason_.value,
                "currency": payment.currency,
            }
            if not self.ledger.is_refundable(payment):
                self._refuse(audited, details, "not_refundable", NOT_REFUNDABLE)
            refundable = self.ledger.requests.refundable(payment)
            wanted = amount or Money(refundable.left, payment.currency)
            details["amount"] = wanted.amount
            self._check_left(audited, details, refundable, wanted.amount)
            audited.details.update(self.approvals.check(
                self.guard, staff, guard.REFUND, payment.id, approval,
                amount=wanted, details={**denied_details, **details}))
            approver = audited.details.get("approved_by")
            try:
                result = self.ledger.refund(
                    staff, payment.id, wanted.amount, reason_.value, note,
                    approved_by=str(approver) if approver else None,
                    before_send=self._on_pending_written,
                )
            except NoGateway:
                raise StripeNotConfigured() from None
            except NotRefundable:
                self._refuse(audited, details, "not_refundable", NOT_REFUNDABLE)
            except NotEnoughLeft as exc:
                self._check_left(audited, details, exc.refundable, wanted.amount)
                raise
            except PaymentBusy:
                self._refuse(audited, details, "busy", BUSY_ELSEWHERE)
            audited.done(
                result.state.value, target=result.refund_id or result.request_id,
                refund_request_id=result.request_id, refund_id=result.refund_id, **details,
            )
        return result

    def _check_left(
        self, audited: guard.Audited, details: dict[str, object], refundable: Refundable,
        amount: int,
    ) -> None:
        if refundable.left <= 0:
            self._refuse(audited, details, "nothing_left", NOTHING_LEFT)
        if amount > refundable.left:
            left = format_money(Money(refundable.left, refundable.currency), self._locale())
            self._refuse(audited, {**details, "left": refundable.left}, "more_than_left",
                         MORE_THAN_LEFT(left=left))

    @staticmethod
    def _refuse(
        audited: guard.Audited, details: dict[str, object], code: str, words: str
    ) -> NoReturn:
        audited.done("refused", code=code, **details)
        raise RefundRefused(words)

    # --- settling ---------------------------------------------------------------------------

    def settle_unconfirmed(self) -> list[RefundResult]:
        """The ledger's settling of every refund left open (start-up, settle timer)."""
        return self.ledger.settle_unconfirmed()
