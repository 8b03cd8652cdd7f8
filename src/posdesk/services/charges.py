"""Charging a saved card with the customer absent, and settling charges whose answer was lost.

The order of steps is what keeps money from moving twice:
1. write the payment as PENDING with a fresh idempotency key and commit;
2. send the PaymentIntent create with that key;
3. record Stripe's answer.
A crash or lost connection after step 1 leaves a PENDING or UNCONFIRMED record. Settling it
retries the *same* request with the *same* key (Stripe replays its first answer) or
retrieves the intent; it never sends a request with a new key for that payment.

A server error (5xx) is different from a lost answer: once the request began executing,
Stripe saves the 500 for the key and replays it to every retry, so resending cannot tell
whether an intent was made. Such a payment is settled by finding its intent by our metadata
right away and on every later check; it is closed as "not charged" only when Stripe has
replayed the error (the keyed request is over) and no intent carries our id for a while.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from posdesk.domain.money import (
    MAX_AMOUNT,
    THREE_DECIMAL_CURRENCIES,
    AmountError,
    Money,
    UnknownCurrency,
    check_currency,
    format_money,
    minimum_charge,
)
from posdesk.domain.outcomes import (
    NEXT_STEP_NEW_PAYMENT,
    NEXT_STEP_REFRESH_OTHER_CARD,
    REASON_CANCELED,
    REASON_CARD_NOT_USABLE,
    REASON_CONFIG_BAD_KEY,
    REASON_CONFIG_PERMISSION,
    REASON_RATE_LIMITED,
    REASON_SERVER_ERROR,
    REASON_SERVER_ERROR_NOT_CHARGED,
    REASON_STILL_OPEN,
    REASON_UNAVAILABLE,
    ChargeOutcome,
    OutcomeKind,
    decline_wording,
)
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import Permission, PermissionDenied, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.errors import (
    IDEMPOTENCY_ERROR,
    SERVER_ERROR_REPLAYED,
    SERVER_ERRORS,
    GatewayError,
)
from posdesk.services import payment_input
from posdesk.services.errors import StripeNotConfigured
from posdesk.store.audit import AuditLog
from posdesk.store.database import Store
from posdesk.store.models import PaymentRecord
from posdesk.store.payments import NEEDS_SETTLEMENT, PaymentNotFound, PaymentRepository
from posdesk.store.this_terminal import CLAIM_TTL, Claims, Terminal, process_terminal, utc_now

log = logging.getLogger(__name__)

METADATA_PAYMENT_ID = "posdesk_payment_id"
METADATA_STAFF_ID = "posdesk_staff_id"
# Stripe may prune idempotency keys once they are 24 hours old; past this age a retry could
# create a second intent, so the intent is looked up by our metadata first.
KEY_SAFE_AGE = timedelta(hours=23)
# After a server error, how long no intent may carry our id (with Stripe replaying the error
# for the key) before the payment is closed as not charged: list reads get time to catch up.
SERVER_ERROR_WINDOW = timedelta(seconds=60)

# An intent in these states has not been confirmed and moves no money until it is.
_OPEN_STATUSES = frozenset({"requires_payment_method", "requires_confirmation"})
# ... and these wait for someone to confirm or authenticate it on a page.
_WAITING_STATUSES = _OPEN_STATUSES | {"requires_action"}

# Answers that say what happened at Stripe. Anything else leaves a payment being settled
# untouched, to be tried again.
_DEFINITIVE = frozenset(
    {
        OutcomeKind.SUCCEEDED,
        OutcomeKind.PROCESSING,
        OutcomeKind.REQUIRES_CAPTURE,
        OutcomeKind.DECLINED,
        OutcomeKind.AUTHENTICATION_REQUIRED,
    }
)


@dataclass(frozen=True, slots=True)
class ChargeResult:
    payment_id: str
    outcome: ChargeOutcome
    amount: Money
    state: PaymentState


def state_for(outcome: ChargeOutcome) -> PaymentState:
    """The local state a payment takes after this answer to its create request."""
    kind = outcome.kind
    if kind is OutcomeKind.SUCCEEDED:
        return PaymentState.SUCCEEDED
    if kind is OutcomeKind.PROCESSING:
        return PaymentState.PROCESSING
    if kind is OutcomeKind.REQUIRES_CAPTURE:
        return PaymentState.REQUIRES_CAPTURE
    if kind is OutcomeKind.AUTHENTICATION_REQUIRED:
        return PaymentState.AUTHENTICATION_REQUIRED
    if kind is OutcomeKind.DECLINED:
        canceled = outcome.stripe_status == "canceled"
        return PaymentState.CANCELED if canceled else PaymentState.DECLINED
    if kind is OutcomeKind.UNCONFIRMED:  # UNAVAILABLE here means never sent: FAILED below
        # Sent but unanswered, or answered by a server error: Stripe may have acted.
        return PaymentState.UNCONFIRMED
    # Rate limited, bad key, invalid request: refused before anything ran; nothing charged.
    return PaymentState.FAILED


_KIND_OF_STATE: dict[PaymentState, OutcomeKind] = {
    PaymentState.SUCCEEDED: OutcomeKind.SUCCEEDED,
    PaymentState.PROCESSING: OutcomeKind.PROCESSING,
    PaymentState.REQUIRES_CAPTURE: OutcomeKind.REQUIRES_CAPTURE,
    PaymentState.AUTHENTICATION_REQUIRED: OutcomeKind.AUTHENTICATION_REQUIRED,
    PaymentState.DECLINED: OutcomeKind.DECLINED,
    PaymentState.CANCELED: OutcomeKind.DECLINED,
    PaymentState.PENDING: OutcomeKind.UNCONFIRMED,
    PaymentState.WAITING: OutcomeKind.UNCONFIRMED,
    PaymentState.UNCONFIRMED: OutcomeKind.UNCONFIRMED,
}


# A FAILED payment keeps our reason in error_message; it tells the kind apart again.
_FAILED_KIND_BY_REASON: dict[str, OutcomeKind] = {
    REASON_UNAVAILABLE: OutcomeKind.UNAVAILABLE,  # refused before anything was sent
    REASON_RATE_LIMITED: OutcomeKind.RATE_LIMITED,
    REASON_CONFIG_BAD_KEY: OutcomeKind.CONFIGURATION_PROBLEM,
    REASON_CONFIG_PERMISSION: OutcomeKind.CONFIGURATION_PROBLEM,
}
# ... and the next step, where the kind's default would mislead.
_FAILED_NEXT_STEP_BY_REASON: dict[str, str] = {
    REASON_CARD_NOT_USABLE: NEXT_STEP_REFRESH_OTHER_CARD,
    REASON_SERVER_ERROR_NOT_CHARGED: NEXT_STEP_NEW_PAYMENT,
}


def outcome_for_record(record: PaymentRecord) -> ChargeOutcome:
    """The outcome as last recorded, for showing a stored payment (recent payments, results)."""
    state = PaymentState(record.state)
    kind = _KIND_OF_STATE.get(state)
    reason = next_step = None
    if kind is None:  # FAILED: nothing was charged; the stored reason says why
        kind = _FAILED_KIND_BY_REASON.get(record.error_message or "", OutcomeKind.BUG)
        reason = record.error_message
        next_step = _FAILED_NEXT_STEP_BY_REASON.get(reason or "")
    elif kind in (OutcomeKind.DECLINED, OutcomeKind.AUTHENTICATION_REQUIRED) and (
        record.error_code or record.decline_code
    ):
        wording = decline_wording(record.error_code, record.decline_code)
        reason, next_step = wording.reason, wording.next_step
    elif state is PaymentState.CANCELED:
        reason, next_step = REASON_CANCELED, NEXT_STEP_NEW_PAYMENT
    return ChargeOutcome.of(
        kind,
        reason=reason,
        next_step=next_step,
        intent_id=record.intent_id,
        stripe_status=record.stripe_status,
        code=record.error_code,
        decline_code=record.decline_code,
        amount_received=record.amount_received,
        livemode=record.livemode,
    )


def check_chargeable(amount: Money) -> None:
    """AmountError (with a sentence for the screen) unless Stripe would accept the amount."""
    try:
        code = check_currency(amount.currency)
    except UnknownCurrency as exc:  # a made-up code must never reach Stripe
        raise AmountError(exc.message) from None
    if amount.amount == 0:
        raise AmountError("The amount must be more than zero.")
    if amount.amount < 0:
        raise AmountError("The amount cannot be negative. Use a refund to give money back.")
    if code in THREE_DECIMAL_CURRENCIES and amount.amount % 10:
        raise AmountError(f"{code} amounts must end in 0 in the third decimal place.")
    minimum = minimum_charge(code)
    if amount.amount < minimum.amount:
        raise AmountError(f"The minimum charge in {code} is {format_money(minimum)}.")
    if amount.amount > MAX_AMOUNT:
        raise AmountError(
            f"The maximum charge in {code} is {format_money(Money(MAX_AMOUNT, code))}."
        )


def pending_payment(
    staff: StaffMember,
    customer_id: str,
    amount: Money,
    description: str,
    payment_method_id: str | None,
    *,
    livemode: bool,
    cvc_token: str | None = None,
) -> PaymentRecord:
    """A new payment as written before Stripe hears of it: PENDING, with a fresh
    idempotency key that every retry of its create request reuses (and, for a charge with a
    re-collected CVC, the token that request carries)."""
    return PaymentRecord(
        cvc_token=cvc_token,
        id=str(uuid.uuid4()),
        idempotency_key=str(uuid.uuid4()),
        customer_id=customer_id,
        payment_method_id=payment_method_id,
        amount=amount.amount,
        currency=amount.currency,
        description=description or None,
        state=PaymentState.PENDING.value,
        staff_id=staff.id,
        staff_name=staff.name,
        livemode=livemode,
    )


def record_outcome(
    payments: PaymentRepository,
    payment_id: str,
    outcome: ChargeOutcome,
    state: PaymentState,
    **extra: object,
) -> None:
    """Store Stripe's answer on the payment; what Stripe left out keeps its stored value."""
    fields: dict[str, object] = {
        "state": state,
        "error_code": outcome.code,
        "decline_code": outcome.decline_code,
        "error_message": None if outcome.charged else outcome.reason,
        **extra,
    }
    if state not in (PaymentState.PENDING, PaymentState.UNCONFIRMED):
        fields["cvc_token"] = None  # answered: no retry will send the request again
    if outcome.intent_id:
        fields["intent_id"] = outcome.intent_id
    if outcome.stripe_status:
        fields["stripe_status"] = outcome.stripe_status
    if outcome.amount_received:
        fields["amount_received"] = outcome.amount_received
    payments.update(payment_id, **fields)


def _utc(moment: datetime) -> datetime:
    # SQLite hands datetimes back naive; they were written in UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


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
    ) -> None:
        self.store = store
        self._now = clock or utc_now
        self.server_error_window = server_error_window
        self.terminal = terminal or process_terminal()
        # Which payments this terminal is deciding, as claims in the store: settling on any
        # terminal leaves a payment alone while its claim is live.
        self.claims = Claims(store, self.terminal, ttl=claim_ttl, clock=self._now)
        self.gateway = gateway
        self.payments = PaymentRepository(store)
        self.audit = AuditLog(store, self.terminal.id)
        self._on_pending_written = on_pending_written

    def _require_gateway(self) -> StripeGateway:
        if self.gateway is None:
            raise StripeNotConfigured()
        return self.gateway

    # --- holding a payment away from settling ---------------------------------------------------

    def hold(self, payment_id: str) -> bool:
        """Keep settling (on every terminal) away from this payment: its outcome is being
        decided here (a request waiting for its answer, a customer at the counter). False
        when another live terminal holds it. Until `release`."""
        return self.claims.hold(payment_id)

    def release(self, payment_id: str) -> None:
        """Settling may look at this payment again. Releasing one not held does nothing."""
        self.claims.release(payment_id)

    def is_held(self, payment_id: str) -> bool:
        """Held by this terminal."""
        return self.claims.is_held(payment_id)

    @contextmanager
    def held(self, payment_id: str) -> Iterator[bool]:
        """`hold` for the duration of a block; yields whether the claim was had."""
        with self.claims.held(payment_id) as had:
            yield had

    def add_pending(self, record: PaymentRecord) -> PaymentRecord:
        """Write a new payment, claimed by this terminal in the same insert (no other
        terminal can settle it before its request is sent), and keep the claim alive.
        Release it with `release` once its request is answered."""
        record.terminal_id = self.terminal.id
        for name, value in self.claims.fields().items():
            setattr(record, name, value)
        added = self.payments.add(record)
        self.claims.adopt(added.id)
        return added

    # --- charging ---------------------------------------------------------------------------

    def charge_saved_card(
        self,
        staff: StaffMember,
        customer_id: str,
        payment_method_id: str,
        amount: Money,
        description: str = "",
    ) -> ChargeResult:
        """Charge a saved card off-session. Raises PermissionDenied (audited), AmountError or
        InputError (nothing written) or StripeNotConfigured; every other result, including a
        lost connection, comes back as a ChargeResult with a recorded payment."""
        try:
            staff.require(Permission.CHARGE)
        except PermissionDenied:
            self.audit.append(
                staff.id, staff.name, "charge", customer_id or None, "denied",
                {"amount": amount.amount, "currency": amount.currency,
                 "payment_method_id": payment_method_id},
            )
            raise
        check_chargeable(amount)
        customer_id = payment_input.customer_id(customer_id)
        payment_method_id = payment_input.payment_method_id(payment_method_id)
        description = payment_input.description(description)
        gateway = self._require_gateway()

        record = self.add_pending(
            pending_payment(staff, customer_id, amount, description, payment_method_id,
                            livemode=gateway.livemode)
        )
        try:
            if self._on_pending_written is not None:
                self._on_pending_written(record)
            outcome = self.send_create_request(gateway, record)
            state = state_for(outcome)
            self._record(record, outcome, state)
        finally:
            self.release(record.id)
        self._audit_charge("charge", record, outcome)
        return ChargeResult(record.id, outcome, amount, state)

    @staticmethod
    def send_create_request(gateway: StripeGateway, record: PaymentRecord) -> ChargeOutcome:
        """The create request of this payment. Every retry must send exactly these
        parameters with this key, or Stripe answers with an idempotency error."""
        return gateway.charge_saved_card(
            amount=record.amount,
            currency=record.currency,
            customer_id=record.customer_id or "",
            payment_method_id=record.payment_method_id or "",
            description=record.description,
            metadata={METADATA_PAYMENT_ID: record.id, METADATA_STAFF_ID: record.staff_id},
            idempotency_key=record.idempotency_key,
            cvc_token=record.cvc_token,  # set: re-collected CVC, customer present
        )

    def _record(self, record: PaymentRecord, outcome: ChargeOutcome, state: PaymentState) -> None:
        extra = self._server_error(record, outcome)
        record_outcome(self.payments, record.id, outcome, state, **extra)

    def _server_error(self, record: PaymentRecord, outcome: ChargeOutcome) -> dict[str, object]:
        """The field that starts settling by look-up, the first time Stripe answers 5xx."""
        if outcome.code in SERVER_ERRORS and record.server_error_at is None:
            return {"server_error_at": self._now()}
        return {}

    def _audit_charge(self, action: str, record: PaymentRecord, outcome: ChargeOutcome) -> None:
        self.audit.append(
            record.staff_id,
            record.staff_name,
            action,
            outcome.intent_id or record.id,
            outcome.kind.value,
            {
                "payment_id": record.id,
                "customer_id": record.customer_id,
                "payment_method_id": record.payment_method_id,
                "amount": record.amount,
                "currency": record.currency,
                "code": outcome.code,
                "decline_code": outcome.decline_code,
            },
        )

    # --- settling ---------------------------------------------------------------------------

    def settle_unconfirmed(self) -> list[ChargeResult]:
        """Find out what happened to every payment still pending, unconfirmed or processing.

        Called at start-up and from a retry timer. Payments that still cannot be settled stay
        as they are and come back with a retryable outcome."""
        results: list[ChargeResult] = []
        if self.gateway is None:  # nothing can be learned; the records wait for a key
            return results
        for record in self.payments.list_needing_settlement(self._now()):
            try:
                with self.held(record.id) as had:
                    if had:  # else another terminal took it a moment ago
                        results.append(self._settle_current(record))
            except Exception:  # one bad record must not block settling the others
                log.exception("settling payment %s failed", record.id)
        return results

    def _current(self, record: PaymentRecord) -> PaymentRecord:
        # Re-read once claimed: another terminal may have settled it just before.
        return self.payments.get(record.id) or record

    def _settle_current(self, record: PaymentRecord) -> ChargeResult:
        current = self._current(record)
        if PaymentState(current.state) not in NEEDS_SETTLEMENT:
            return self._result(current, outcome_for_record(current))
        return self._settle(current)

    def retry_unconfirmed(self, payment_id: str) -> ChargeResult:
        """Settle one payment now (the cashier's "check again"). A payment that is already
        settled comes back as recorded."""
        record = self.payments.get(payment_id)
        if record is None:
            raise PaymentNotFound(payment_id)
        if not PaymentState(record.state).needs_settling and (
            record.state != PaymentState.PROCESSING
        ):
            return self._result(record, outcome_for_record(record))
        with self.held(payment_id) as had:
            if not had:  # another terminal is deciding it right now: it will record it
                return self._result(record, outcome_for_record(record))
            return self._settle_current(record)

    def _settle(self, record: PaymentRecord) -> ChargeResult:
        gateway = self._require_gateway()
        outcome = self._ask_stripe(gateway, record)
        current = PaymentState(record.state)
        if outcome.kind in _DEFINITIVE or (
            # A request refused before running (bad input) under the same key: the first
            # request did not charge either, or Stripe would have replayed its answer.
            outcome.kind is OutcomeKind.BUG and record.intent_id is None
        ):
            state = state_for(outcome)
            self._record(record, outcome, state)
            if state is not current:
                self._audit_charge("settle_charge", record, outcome)
            return self._result(record, outcome, state)
        # Still unknown: keep the payment open for the next attempt.
        fields = self._server_error(record, outcome)
        if current is PaymentState.PENDING:
            fields["state"] = current = PaymentState.UNCONFIRMED
        if fields:
            self.payments.update(record.id, **fields)
        log.info("payment %s not settled yet: %s", record.id, outcome.kind.value)
        return self._result(record, outcome, current)

    def _ask_stripe(self, gateway: StripeGateway, record: PaymentRecord) -> ChargeOutcome:
        if record.intent_id:
            outcome = gateway.retrieve_payment_intent(record.intent_id)
            if not record.payment_method_id and outcome.stripe_status in _WAITING_STATUSES:
                # A new-card payment its terminal let go of (it closed or died) with the
                # intent still open: nobody can confirm it any more. Close it at Stripe so
                # no page confirms it later, and record what Stripe then says.
                return gateway.cancel_payment_intent(record.intent_id)
            return outcome
        if not record.payment_method_id:
            # A new-card payment whose intent create lost its answer. That request never
            # confirms and the page never got the intent, so nothing can have been charged:
            # find the intent if Stripe made one, else the payment simply never started.
            found = self._find_sent(gateway, record)
            if found is not None and found.intent_id and found.stripe_status in _OPEN_STATUSES:
                # Nobody can confirm it any more: close it at Stripe too.
                return gateway.cancel_payment_intent(found.intent_id)
            if found is not None:
                return found
            return ChargeOutcome.of(
                OutcomeKind.BUG, reason=REASON_STILL_OPEN, next_step=NEXT_STEP_NEW_PAYMENT
            )
        if record.server_error_at is not None:
            return self._settle_after_server_error(gateway, record)
        age = self._now() - _utc(record.created_at)
        if age >= KEY_SAFE_AGE:
            # The key may be gone at Stripe: only resend if no intent carries our id.
            found = self._find_sent(gateway, record)
            if found is not None:
                return found
        outcome = self.send_create_request(gateway, record)
        if outcome.code == IDEMPOTENCY_ERROR:
            # Stripe says the key was used with other parameters: the request did reach it
            # once. Look the intent up rather than guess; until it shows, stay unsettled.
            found = self._find_sent(gateway, record)
            if found is not None:
                return found
            return ChargeOutcome.of(OutcomeKind.UNCONFIRMED, code=IDEMPOTENCY_ERROR)
        return outcome

    def _settle_after_server_error(
        self, gateway: StripeGateway, record: PaymentRecord
    ) -> ChargeOutcome:
        """A payment whose create Stripe answered with a 5xx: look for its intent first."""
        found = self._find_sent(gateway, record)
        if found is not None:
            return found  # what Stripe made of it, or "cannot ask now" (stays open)
        # Resending with the same key is always safe. If Stripe never began executing the
        # first request (a 502/503 in front of the API), this is where it runs, once.
        outcome = self.send_create_request(gateway, record)
        if outcome.code != SERVER_ERROR_REPLAYED:
            return outcome
        # The keyed request is over at Stripe and no intent carries our id.
        waited = self._now() - _utc(record.server_error_at or self._now())
        if waited < self.server_error_window:
            return ChargeOutcome.of(
                OutcomeKind.UNCONFIRMED, reason=REASON_SERVER_ERROR, code=SERVER_ERROR_REPLAYED
            )
        found = self._find_sent(gateway, record)
        if found is not None:
            return found
        return ChargeOutcome.of(
            OutcomeKind.BUG,
            reason=REASON_SERVER_ERROR_NOT_CHARGED,
            next_step=NEXT_STEP_NEW_PAYMENT,
            code=SERVER_ERROR_REPLAYED,
        )

    @staticmethod
    def _find_sent(gateway: StripeGateway, record: PaymentRecord) -> ChargeOutcome | None:
        """The intent carrying this payment's id, None if Stripe has none, or a retryable
        outcome when Stripe cannot be asked ("not found" is never a guess)."""
        try:
            return gateway.find_payment_intent_by_metadata(
                record.customer_id or "", METADATA_PAYMENT_ID, record.id,
                created_after=_utc(record.created_at),
            )
        except GatewayError as exc:
            return ChargeOutcome.of(exc.kind, code=exc.code)

    @staticmethod
    def _result(
        record: PaymentRecord, outcome: ChargeOutcome, state: PaymentState | None = None
    ) -> ChargeResult:
        return ChargeResult(
            record.id,
            outcome,
            Money(record.amount, record.currency),
            state or PaymentState(record.state),
        )
