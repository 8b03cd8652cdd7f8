"""Charging a saved card with the customer absent, and settling charges whose answer was lost.

A thin use case on the ledger (posdesk.ledger.payments), whose docstring is the reference for
the order of steps that keeps money from moving twice: this module checks the staff member
and the input, then lets the ledger write, send, record and settle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from posdesk.domain.money import Money
from posdesk.domain.outcomes import ChargeOutcome
from posdesk.domain.roles import StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.ledger.captures import CaptureRequests
from posdesk.ledger.outcomes import outcome_for_record
from posdesk.ledger.payments import (
    SERVER_ERROR_WINDOW,
    ChargeResult,
    NoGateway,
    PaymentLedger,
    SendRequest,
    intent_metadata,
    is_authorise_only,
    payment_details,
)
from posdesk.services import guard, payment_input
from posdesk.services.approval import Approvals
from posdesk.services.errors import StripeNotConfigured
from posdesk.services.payment_input import check_chargeable
from posdesk.services.staff import Approval
from posdesk.store.database import Store
from posdesk.store.models import PaymentRecord
from posdesk.store.payments import PaymentRepository
from posdesk.store.this_terminal import CLAIM_TTL, Terminal

# ChargeResult, outcome_for_record and check_chargeable: the backend and tests have always
# imported them from here.
__all__ = [
    "ChargeResult",
    "ChargeService",
    "charge_request",
    "check_chargeable",
    "outcome_for_record",
    "payment_ledger",
    "request_for",
]


def charge_request(gateway: StripeGateway, record: PaymentRecord) -> ChargeOutcome:
    """The create request of a saved-card payment (off-session, or on-session with a
    re-collected CVC): the ledger sends it and settling resends it. Every retry must send
    exactly these parameters with this key, or Stripe answers with an idempotency error."""
    return gateway.charge_saved_card(
        amount=record.amount,
        currency=record.currency,
        customer_id=record.customer_id or "",
        payment_method_id=record.payment_method_id or "",
        description=record.description,
        metadata=intent_metadata(record),
        idempotency_key=record.idempotency_key,
        cvc_token=record.cvc_token,  # set: re-collected CVC, customer present
        authorise_only=is_authorise_only(record),  # capture_method=manual
    )


def request_for(record: PaymentRecord) -> SendRequest:
    """The request settling resends for a stored payment: every payment so far was made by
    a PaymentIntent create (refunds are records of their own, on ledger/refunds.py)."""
    return charge_request


def payment_ledger(store: Store, gateway: StripeGateway | None) -> PaymentLedger:
    """A ledger of this store's payments that knows how to resend each of them."""
    return PaymentLedger(store, gateway, request_for=request_for)


class ChargeService:
    def __init__(
        self,
        store: Store,
        gateway: StripeGateway | None,
        *,
        on_pending_written: Callable[[PaymentRecord], None] | None = None,
        clock: Callable[[], datetime] | None = None,
        server_error_window: timedelta = SERVER_ERROR_WINDOW,
        terminal: Terminal | None = None,
        claim_ttl: timedelta = CLAIM_TTL,
        approvals: Approvals | None = None,
    ) -> None:
        self.store = store
        self.ledger = PaymentLedger(
            store, gateway, request_for=request_for, clock=clock,
            server_error_window=server_error_window, terminal=terminal, claim_ttl=claim_ttl,
        )
        self.terminal = self.ledger.terminal
        self.claims = self.ledger.claims
        self.audit = self.ledger.audit
        self.guard = guard.Guard(self.audit)
        # When a charge needs a manager's approval (the shop's limits).
        self.approvals = approvals or Approvals.of_store(store, self.terminal.id)
        # Called once the pending payment is committed, before its request is sent.
        self._on_pending_written = on_pending_written

    # The ledger's own, so that swapping one (new keys, a test's stand-in) reaches every step.
    @property
    def gateway(self) -> StripeGateway | None:
        return self.ledger.gateway

    @gateway.setter
    def gateway(self, gateway: StripeGateway | None) -> None:
        self.ledger.gateway = gateway

    @property
    def payments(self) -> PaymentRepository:
        return self.ledger.payments

    @payments.setter
    def payments(self, payments: PaymentRepository) -> None:
        self.ledger.payments = payments

    @property
    def server_error_window(self) -> timedelta:
        return self.ledger.server_error_window

    @server_error_window.setter
    def server_error_window(self, window: timedelta) -> None:
        self.ledger.server_error_window = window

    def _require_gateway(self) -> StripeGateway:
        if self.gateway is None:
            raise StripeNotConfigured()
        return self.gateway

    # --- holding a payment away from settling: the ledger's claims, under the names callers
    # of this service have always used ---------------------------------------------------------

    def hold(self, payment_id: str) -> bool:
        return self.ledger.hold(payment_id)

    def release(self, payment_id: str) -> None:
        self.ledger.release(payment_id)

    def is_held(self, payment_id: str) -> bool:
        return self.ledger.is_held(payment_id)

    @contextmanager
    def held(self, payment_id: str) -> Iterator[bool]:
        with self.ledger.held(payment_id) as had:
            yield had

    # --- charging ---------------------------------------------------------------------------

    @guard.operation(guard.CHARGE_SAVED_CARD)
    def charge_saved_card(
        self,
        staff: StaffMember,
        customer_id: str,
        payment_method_id: str,
        amount: Money,
        description: str = "",
        approval: Approval | None = None,
        confirmed: Money | None = None,
        authorise_only: bool = False,
    ) -> ChargeResult:
        """Charge a saved card off-session. Raises PermissionDenied (audited), AmountError or
        InputError (nothing written), StripeNotConfigured, ApprovalRequired (audited,
        nothing written: above the shop's limit, call again with a manager's `approval`), or
        ConfirmationRequired (audited, nothing written: above the shop's "confirm amounts
        over", call again with the amount typed again as `confirmed`); `authorise_only`:
        the amount is held on the card (REQUIRES_CAPTURE) for a capture or release later
        (services/captures.py);
        every other result, including a lost connection, comes back as a ChargeResult with
        a recorded payment."""
        denied_details: dict[str, object] = {
            "amount": amount.amount, "currency": amount.currency,
            "payment_method_id": payment_method_id}
        if authorise_only:
            denied_details["authorise_only"] = True
        with self.guard.run(
            staff, guard.CHARGE_SAVED_CARD, customer_id or None, denied_details
        ) as audited:
            check_chargeable(amount)
            customer_id = payment_input.customer_id(customer_id)
            payment_method_id = payment_input.payment_method_id(payment_method_id)
            description = payment_input.description(description)
            gateway = self._require_gateway()
            audited.details.update(self.approvals.check(
                self.guard, staff, guard.CHARGE_SAVED_CARD, customer_id, approval,
                amount=amount, details=denied_details))
            audited.details.update(self.approvals.check_confirmed(
                self.guard, staff, guard.CHARGE_SAVED_CARD, customer_id, amount, confirmed,
                approval, details=denied_details))
            record = self.ledger.open(staff, customer_id, amount, description,
                                      payment_method_id, livemode=gateway.livemode,
                                      authorise_only=authorise_only)
            result = self.ledger.send(record, charge_request,
                                      before_send=self._on_pending_written)
            outcome = result.outcome
            audited.done(outcome.kind.value, target=outcome.intent_id or record.id,
                         **payment_details(record, outcome))
        return result

    # --- settling ---------------------------------------------------------------------------

    def settle_unconfirmed(self) -> list[ChargeResult]:
        """The ledger's settling of every payment left open, and of every capture or release
        of an authorisation a crash or a lost answer left open (start-up, retry timer)."""
        return self.ledger.settle_unconfirmed() + CaptureRequests(self.ledger).settle()

    def retry_unconfirmed(self, payment_id: str) -> ChargeResult:
        """Settle one payment now (the cashier's "check again")."""
        try:
            return self.ledger.retry_unconfirmed(payment_id)
        except NoGateway:
            raise StripeNotConfigured() from None
