"""Authorise now, capture later: capture an authorisation (all of it, or part: Stripe
releases the rest), release it with a reason, and list the open ones with when they lapse.

An authorisation is a payment the ledger made with `capture_method=manual`
(ChargeService.charge_saved_card(authorise_only=True)); it waits in REQUIRES_CAPTURE. A
capture or a release is one more request on that payment, on the same ledger
(ledger/payments.py), in the same order of steps:

1. the payment is claimed across terminals (the ledger's claims), so two terminals never
   capture or release it at once, and settling leaves it alone meanwhile;
2. the request's idempotency key, derived from the payment's id and what is asked (the
   amount, or the reason), is written on the payment and committed before sending
   (ledger/captures.py `CaptureRequests.begin`), so a retry after a lost answer or a crash
   resends the same request with the same key: Stripe replays its first answer;
3. Stripe's answer is recorded on the payment (SUCCEEDED with the amount received, or
   CANCELED) and the key cleared; a lost answer is settled by reading the intent again, and
   when it still waits the result says "check again" (the same key, never a new capture).
   Settling at start-up and on the timer finishes what a crash left (`CaptureRequests.settle`).
   An intent is captured at most once (Stripe refuses a second capture of a captured or
   canceled intent), so a retry can never take money twice.
The sync applier follows the intent's status as well (amount_received, canceled).

Capturing and releasing need Permission.CAPTURE (managers); see services/guard.py.
When an authorisation lapses: the charge's `payment_method_details.card.capture_before`
when Stripe gives it, else the documented default window (domain/captures.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from posdesk.domain.captures import (
    CAPTURE_ALREADY_CAPTURED,
    CAPTURE_ALREADY_RELEASED,
    CAPTURE_AMOUNT_TOO_LARGE,
    CAPTURE_BAD_REASON,
    CAPTURE_BUSY,
    CAPTURE_LAPSED,
    CAPTURE_NOT_CONFIRMED,
    CAPTURE_NOT_OPEN,
    CAPTURE_STRIPE_REFUSED,
    RELEASE_REASONS,
    CaptureKind,
    CaptureResult,
    OpenAuthorisation,
    authorisation_window,
)
from posdesk.domain.money import Money, format_money
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.convert import outcome_for_intent
from posdesk.gateway.errors import GatewayError, IntentAnswer
from posdesk.ledger.captures import CaptureRequests, capture_key, release_key
from posdesk.ledger.payments import PaymentLedger, is_merchant_initiated
from posdesk.services import guard
from posdesk.services.errors import InputError, StripeNotConfigured
from posdesk.services.payment_input import check_chargeable
from posdesk.store.database import Store
from posdesk.store.models import PaymentRecord
from posdesk.store.payments import PaymentRepository

# The most authorisations the list shows (newest first); a shop has a handful at a time.
OPEN_LIMIT = 500


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class CaptureService:
    def __init__(
        self,
        store: Store,
        ledger: PaymentLedger,
        *,
        locale: Callable[[], str] = lambda: "en_US",
    ) -> None:
        self.store = store
        self.ledger = ledger
        self.payments = PaymentRepository(store)
        self.requests = CaptureRequests(ledger)
        self.guard = guard.Guard(ledger.audit)
        self._locale = locale

    @property
    def gateway(self) -> StripeGateway | None:
        return self.ledger.gateway

    def _require_gateway(self) -> StripeGateway:
        if self.gateway is None:
            raise StripeNotConfigured()
        return self.gateway

    def _open_payment(self, payment_id: str) -> PaymentRecord:
        payment = self.payments.get(payment_id)
        if (payment is None or payment.state != PaymentState.REQUIRES_CAPTURE.value
                or not payment.intent_id):
            raise InputError(CAPTURE_NOT_OPEN)
        return payment

    # --- capture ------------------------------------------------------------------------------

    @guard.operation(guard.CAPTURE)
    def capture(
        self, staff: StaffMember, payment_id: str, amount: Money | None = None
    ) -> CaptureResult:
        """Capture an open authorisation: `amount` (at most what was authorised; the rest is
        released) or all of it. Raises PermissionDenied (audited), InputError (not an open
        authorisation, too much, another terminal on it: nothing sent), StripeNotConfigured;
        Stripe's refusal (a lapsed authorisation...) comes back REFUSED with its words."""
        with self.guard.run(staff, guard.CAPTURE, payment_id,
                            {"amount": amount.amount if amount else None}) as audited:
            gateway = self._require_gateway()
            payment = self._open_payment(payment_id)
            authorised = Money(payment.amount, payment.currency)
            wanted = amount or authorised
            check_chargeable(wanted)
            if wanted.currency != authorised.currency or wanted.amount > authorised.amount:
                raise InputError(CAPTURE_AMOUNT_TOO_LARGE(
                    authorized=format_money(authorised, self._locale())))
            intent_id = payment.intent_id or ""
            with self.ledger.held(payment.id) as had:
                if not had:
                    raise InputError(CAPTURE_BUSY)
                result = self._send(gateway, payment, capture_key(payment, wanted.amount),
                                    wanted)
            audited.done(result.kind.value, target=intent_id, payment_id=payment.id,
                         authorised=payment.amount, amount=wanted.amount,
                         currency=payment.currency, code=result.code)
        return result

    # --- release ------------------------------------------------------------------------------

    @guard.operation(guard.RELEASE_AUTHORISATION)
    def release(self, staff: StaffMember, payment_id: str, reason: str) -> CaptureResult:
        """Release an open authorisation (cancel its intent with `reason`: one of
        RELEASE_REASONS); nothing is taken from the card."""
        with self.guard.run(staff, guard.RELEASE_AUTHORISATION, payment_id,
                            {"reason": reason}) as audited:
            if reason not in RELEASE_REASONS:
                raise InputError(CAPTURE_BAD_REASON)
            gateway = self._require_gateway()
            payment = self._open_payment(payment_id)
            intent_id = payment.intent_id or ""
            with self.ledger.held(payment.id) as had:
                if not had:
                    raise InputError(CAPTURE_BUSY)
                result = self._send(gateway, payment, release_key(payment, reason), None)
            audited.done(result.kind.value, target=intent_id, payment_id=payment.id,
                         authorised=payment.amount, currency=payment.currency,
                         reason=reason, code=result.code)
        return result

    # --- sending and recording -------------------------------------------------------------------

    def _send(self, gateway: StripeGateway, payment: PaymentRecord, key: str,
              captured: Money | None) -> CaptureResult:
        """Steps 1 to 3 under the payment's claim: the key committed on the payment, the
        request sent, the answer recorded and the key cleared (kept while unconfirmed)."""
        current = self.payments.get(payment.id) or payment
        if current.capture_key and current.capture_key != key:
            # An earlier request (another amount, or a release) lost its answer: what Stripe
            # did with it decides. It acted: that is recorded and nothing more is sent. It
            # did not (the intent still waits): this request, asked now, replaces it.
            intent, _outcome = gateway.payment_intent_data(current.intent_id or "")
            if intent is None:
                return CaptureResult(payment.id, CaptureKind.UNCONFIRMED,
                                     Money(payment.amount, payment.currency),
                                     reason=CAPTURE_NOT_CONFIRMED)
            if intent.get("status") != "requires_capture":
                self.requests.finish(current, intent)
                raise InputError(CAPTURE_NOT_OPEN)
        pending = self.requests.begin(current, key, captured.amount if captured else None)
        answer = self.requests.send(pending)
        result = self._record(gateway, pending, answer, captured=captured)
        if result.kind is not CaptureKind.UNCONFIRMED:
            self.requests.finish(pending, None)  # the state is recorded by _record
        return result

    # --- recording an answer ----------------------------------------------------------------------

    def _record(
        self,
        gateway: StripeGateway,
        payment: PaymentRecord,
        answer: IntentAnswer,
        *,
        captured: Money | None,
    ) -> CaptureResult:
        authorised = Money(payment.amount, payment.currency)
        intent = answer.intent
        if answer.lost or (intent is None and answer.code == "payment_intent_unexpected_state"):
            # Stripe may have acted (or the intent moved on: lapsed, released, captured):
            # read the intent; never resend with another key.
            intent, _outcome = gateway.payment_intent_data(payment.intent_id or "")
        if intent is None:
            if answer.lost:
                return CaptureResult(payment.id, CaptureKind.UNCONFIRMED, authorised,
                                     reason=CAPTURE_NOT_CONFIRMED, code=answer.code)
            return CaptureResult(payment.id, CaptureKind.REFUSED, authorised,
                                 reason=answer.reason, code=answer.code)
        status = intent.get("status")
        if status != "requires_capture":
            self.ledger.record(payment, outcome_for_intent(intent))
        received = int(intent.get("amount_received") or 0)
        if answer.code is None and not answer.lost:
            if status == "succeeded":
                return CaptureResult(payment.id, CaptureKind.CAPTURED, authorised,
                                     captured=Money(received, payment.currency),
                                     stripe_status=status)
            if status == "canceled" and captured is None:
                return CaptureResult(payment.id, CaptureKind.RELEASED, authorised,
                                     stripe_status=status)
        if answer.lost:
            # The intent tells: what was asked happened, or it still waits (check again).
            if status == "succeeded" and captured is not None:
                return CaptureResult(payment.id, CaptureKind.CAPTURED, authorised,
                                     captured=Money(received, payment.currency),
                                     stripe_status=status)
            if status == "canceled" and captured is None:
                return CaptureResult(payment.id, CaptureKind.RELEASED, authorised,
                                     stripe_status=status)
            if status == "requires_capture":
                return CaptureResult(payment.id, CaptureKind.UNCONFIRMED, authorised,
                                     reason=CAPTURE_NOT_CONFIRMED, code=answer.code,
                                     stripe_status=status)
        return CaptureResult(payment.id, CaptureKind.REFUSED, authorised,
                             reason=self._refusal_words(intent, answer), code=answer.code,
                             stripe_status=status)

    @staticmethod
    def _refusal_words(intent: dict[str, Any], answer: IntentAnswer) -> Any:
        status = intent.get("status")
        if status == "canceled":
            # Canceled by Stripe itself (not by a request of ours or the Dashboard's):
            # stripe-python 16.1's PaymentIntent names those `automatic` and `expired`.
            if intent.get("cancellation_reason") in ("automatic", "expired"):
                return CAPTURE_LAPSED
            return CAPTURE_ALREADY_RELEASED
        if status == "succeeded":
            return CAPTURE_ALREADY_CAPTURED
        return answer.reason or CAPTURE_STRIPE_REFUSED(code=answer.code or "-")

    # --- the open authorisations ------------------------------------------------------------------

    @guard.operation(guard.VIEW_AUTHORISATIONS)
    def open_authorisations(
        self, staff: StaffMember, *, ask_stripe: bool = True
    ) -> list[OpenAuthorisation]:
        """Every payment waiting for its capture, with when it lapses: the charge's
        `capture_before` read from Stripe (`ask_stripe`), else the documented window for
        its card network, counted from when the payment was made (merchant-initiated: a
        saved card charged with the customer absent). Audited only when refused."""
        self.guard.check(staff, guard.VIEW_AUTHORISATIONS, None)
        rows = self.payments.list_in_state(PaymentState.REQUIRES_CAPTURE, OPEN_LIMIT)
        gateway = self.gateway if ask_stripe else None
        found: list[OpenAuthorisation] = []
        for row in rows:
            found.append(self._open_of(row, gateway))
        found.sort(key=lambda a: a.capture_before)
        return found

    def _open_of(self, row: PaymentRecord, gateway: StripeGateway | None) -> OpenAuthorisation:
        created = _utc(row.created_at)
        # A saved card charged with the customer absent (off-session) is merchant-initiated;
        # a new card confirmed at the counter customer-initiated: the documented windows
        # differ by it.
        merchant_initiated = is_merchant_initiated(row)
        brand = last4 = None
        before: datetime | None = None
        if gateway is not None and row.intent_id:
            try:
                intent = gateway.authorisation_of(row.intent_id)
            except GatewayError:
                intent = {}
            charge = intent.get("latest_charge")
            card = ((charge.get("payment_method_details") or {}).get("card") or {}
                    if isinstance(charge, dict) else {})
            brand, last4 = card.get("brand"), card.get("last4")
            if card.get("capture_before"):
                before = datetime.fromtimestamp(int(card["capture_before"]), UTC)
        from_stripe = before is not None
        if before is None:
            before = created + authorisation_window(brand, merchant_initiated)
        return OpenAuthorisation(
            payment_id=row.id, intent_id=row.intent_id, customer_id=row.customer_id,
            amount=Money(row.amount, row.currency), created_at=created,
            capture_before=before, from_stripe=from_stripe, card_brand=brand,
            card_last4=last4, staff_name=row.staff_name,
        )


__all__ = ["CaptureService", "capture_key", "release_key"]
