"""The ledger of payments: how money moves, whichever use case moves it.

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

While a terminal decides a payment (its request waits for an answer, its customer is at the
card form) it holds a claim on it in the store, and settling on every terminal leaves it
alone until the claim is released or lapses.

A use case is a thin layer on this: it checks its input, calls `open` (step 1), `send`
(steps 2 and 3) and audits the result. The request that moves the money is the use case's
own `SendRequest`, which the ledger is given keyed by the record (`request_for`), so that
settling resends exactly it; a capture is one more request, not one more copy of this
sequence. A refund is a record of its own (several per payment, written before Stripe names
it): ledger/refunds.py runs these same steps on it with the same pieces (the payment's
claim, keys persisted first, look-up by our metadata before any resend).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from posdesk.domain.money import Money
from posdesk.domain.outcomes import (
    NEXT_STEP_NEW_PAYMENT,
    REASON_SERVER_ERROR,
    REASON_SERVER_ERROR_NOT_CHARGED,
    REASON_STILL_OPEN,
    ChargeOutcome,
    OutcomeKind,
)
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.errors import (
    IDEMPOTENCY_ERROR,
    SERVER_ERROR_REPLAYED,
    SERVER_ERRORS,
    GatewayError,
)
from posdesk.ledger.outcomes import outcome_for_record, state_for
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

# An authorise-only payment (capture_method=manual: the amount is held on the card and
# captured or released later) is named by its idempotency key: the key is written with the
# record before anything is sent and never changes, so the request settling rebuilds from the
# record is the authorise-only one exactly when the first was.
AUTHORISE_KEY_PREFIX = "authorise-"
# ...and one the customer confirmed at the counter (a new card on the card page) rather than
# a saved card charged in their absence: card networks keep a customer-initiated
# authorisation valid longer (domain/captures.py).
CUSTOMER_PRESENT_KEY_PREFIX = AUTHORISE_KEY_PREFIX + "present-"


def is_authorise_only(record: PaymentRecord) -> bool:
    """Whether the payment's create request holds the amount for a later capture."""
    return record.idempotency_key.startswith(AUTHORISE_KEY_PREFIX)


def is_merchant_initiated(record: PaymentRecord) -> bool:
    """An authorisation made on a saved card with the customer absent (off-session)."""
    return (is_authorise_only(record)
            and not record.idempotency_key.startswith(CUSTOMER_PRESENT_KEY_PREFIX))


# The request that moves a payment's money (step 2). It must build every parameter from
# the record alone: settling calls it again, and the same key with other parameters is an
# idempotency error at Stripe.
SendRequest = Callable[[StripeGateway, PaymentRecord], ChargeOutcome]
# Which request a stored payment was made with: what settling resends.
RequestFor = Callable[[PaymentRecord], SendRequest]


@dataclass(frozen=True, slots=True)
class ChargeResult:
    payment_id: str
    outcome: ChargeOutcome
    amount: Money
    state: PaymentState


class NoGateway(Exception):
    """The ledger was asked to reach Stripe with no gateway; nothing was sent."""


def intent_metadata(record: PaymentRecord) -> dict[str, str]:
    """What an intent carries so that settling finds it by our payment id."""
    return {METADATA_PAYMENT_ID: record.id, METADATA_STAFF_ID: record.staff_id}


def payment_details(record: PaymentRecord, outcome: ChargeOutcome) -> dict[str, object]:
    """The audit details of a payment's answer (charge and settle alike)."""
    details: dict[str, object] = {
        "payment_id": record.id,
        "customer_id": record.customer_id,
        "payment_method_id": record.payment_method_id,
        "amount": record.amount,
        "currency": record.currency,
        "code": outcome.code,
        "decline_code": outcome.decline_code,
    }
    if is_authorise_only(record):
        details["authorise_only"] = True
    return details


def result_of(
    record: PaymentRecord, outcome: ChargeOutcome, state: PaymentState | None = None
) -> ChargeResult:
    return ChargeResult(
        record.id,
        outcome,
        Money(record.amount, record.currency),
        state or PaymentState(record.state),
    )


def _utc(moment: datetime) -> datetime:
    # SQLite hands datetimes back naive; they were written in UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class PaymentLedger:
    """Pending -> send -> record -> settle for the payments of one store, from one terminal."""

    def __init__(
        self,
        store: Store,
        gateway: StripeGateway | None,
        *,
        request_for: RequestFor,
        clock: Callable[[], datetime] | None = None,
        server_error_window: timedelta = SERVER_ERROR_WINDOW,
        terminal: Terminal | None = None,
        claim_ttl: timedelta = CLAIM_TTL,
    ) -> None:
        self.store = store
        self.gateway = gateway
        self.request_for = request_for
        self._now = clock or utc_now
        self.server_error_window = server_error_window
        self.terminal = terminal or process_terminal()
        # Which payments this terminal is deciding, as claims in the store: settling on any
        # terminal leaves a payment alone while its claim is live.
        self.claims = Claims(store, self.terminal, ttl=claim_ttl, clock=self._now)
        self.payments = PaymentRepository(store)
        # Settling has no staff member at hand: it audits as the payment's own staff.
        self.audit = AuditLog(store, self.terminal.id)

    def _require_gateway(self) -> StripeGateway:
        if self.gateway is None:
            raise NoGateway()
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

    # --- step 1: pending ----------------------------------------------------------------------

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

    def open(
        self,
        staff: StaffMember,
        customer_id: str,
        amount: Money,
        description: str,
        payment_method_id: str | None,
        *,
        livemode: bool,
        cvc_token: str | None = None,
        authorise_only: bool = False,
        customer_present: bool = False,
    ) -> PaymentRecord:
        """Step 1: the payment written and committed PENDING, held by this terminal, before
        Stripe hears of it, with a fresh idempotency key that every retry of its request
        reuses (and, for a charge with a re-collected CVC, the token that request carries).
        `authorise_only`: the key says so (AUTHORISE_KEY_PREFIX), see is_authorise_only;
        with `customer_present` (the card page) too, see is_merchant_initiated."""
        key = str(uuid.uuid4())
        if authorise_only:
            key = (CUSTOMER_PRESENT_KEY_PREFIX if customer_present
                   else AUTHORISE_KEY_PREFIX) + key
        return self.add_pending(
            PaymentRecord(
                cvc_token=cvc_token,
                id=str(uuid.uuid4()),
                idempotency_key=key,
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
        )

    # --- steps 2 and 3: send and record ------------------------------------------------------

    def send(
        self,
        record: PaymentRecord,
        request: SendRequest | None = None,
        *,
        before_send: Callable[[PaymentRecord], None] | None = None,
    ) -> ChargeResult:
        """Send the request of a payment `open` wrote (the one `request_for` names unless
        given), record the answer and let go of the claim, whatever happens. A lost answer
        comes back as an UNCONFIRMED result for settling, never as an exception."""
        gateway = self._require_gateway()
        send_request = request or self.request_for(record)
        try:
            if before_send is not None:
                before_send(record)
            outcome = send_request(gateway, record)
            state = self.record(record, outcome)
        finally:
            self.release(record.id)
        return result_of(record, outcome, state)

    def record(
        self, payment: PaymentRecord | str, outcome: ChargeOutcome, **extra: object
    ) -> PaymentState:
        """Step 3: store Stripe's answer (however it was learned: a request, a page, a
        re-read) on the payment or payment id, and return the state it puts the payment
        in. The first server error starts settling by look-up."""
        payment_id = payment if isinstance(payment, str) else payment.id
        state = state_for(outcome)
        # What Stripe left out keeps its stored value.
        fields: dict[str, object] = {
            "state": state,
            "error_code": outcome.code,
            "decline_code": outcome.decline_code,
            "error_message": None if outcome.charged else outcome.reason,
            **self._server_error(payment, outcome),
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
        self.payments.update(payment_id, **fields)
        return state

    def record_waiting(self, payment_id: str, intent_id: str, stripe_status: str | None) -> None:
        """The intent was made and waits for the customer at a card form; the payment stays
        held by the caller until the form is done."""
        self.payments.update(payment_id, intent_id=intent_id, stripe_status=stripe_status,
                             state=PaymentState.WAITING)

    def record_not_created(self, payment_id: str, error: GatewayError) -> PaymentState:
        """Stripe refused (or did not answer) an intent create that confirms nothing, and
        the claim is let go. A lost answer may have left an open intent: UNCONFIRMED, so
        settling finds it by metadata; else nothing was made and the payment FAILED."""
        state = (
            PaymentState.UNCONFIRMED if error.kind is OutcomeKind.UNAVAILABLE
            else PaymentState.FAILED
        )
        self.payments.update(payment_id, state=state, error_message=error.message,
                             error_code=error.code)
        self.release(payment_id)
        return state

    def record_unanswered(self, payment_id: str) -> None:
        """Stripe could not be asked how the payment ended: leave it for settling."""
        self.payments.update(payment_id, state=PaymentState.UNCONFIRMED)

    def _server_error(
        self, payment: PaymentRecord | str, outcome: ChargeOutcome
    ) -> dict[str, object]:
        """The field that starts settling by look-up, the first time Stripe answers 5xx."""
        if outcome.code not in SERVER_ERRORS:
            return {}
        record = self.payments.get(payment) if isinstance(payment, str) else payment
        if record is not None and record.server_error_at is None:
            return {"server_error_at": self._now()}
        return {}

    def audit_payment(self, action: str, record: PaymentRecord, outcome: ChargeOutcome) -> None:
        """Audit an answer learned without a staff member at hand (settling), in the name
        of the payment's own staff."""
        self.audit.append(
            record.staff_id,
            record.staff_name,
            action,
            outcome.intent_id or record.id,
            outcome.kind.value,
            payment_details(record, outcome),
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

    def retry_unconfirmed(self, payment_id: str) -> ChargeResult:
        """Settle one payment now (the cashier's "check again"). A payment that is already
        settled comes back as recorded."""
        record = self.payments.get(payment_id)
        if record is None:
            raise PaymentNotFound(payment_id)
        if not PaymentState(record.state).needs_settling and (
            record.state != PaymentState.PROCESSING
        ):
            return result_of(record, outcome_for_record(record))
        with self.held(payment_id) as had:
            if not had:  # another terminal is deciding it right now: it will record it
                return result_of(record, outcome_for_record(record))
            return self._settle_current(record)

    def _settle_current(self, record: PaymentRecord) -> ChargeResult:
        # Re-read once claimed: another terminal may have settled it just before.
        current = self.payments.get(record.id) or record
        if PaymentState(current.state) not in NEEDS_SETTLEMENT:
            return result_of(current, outcome_for_record(current))
        return self._settle(current)

    def _settle(self, record: PaymentRecord) -> ChargeResult:
        gateway = self._require_gateway()
        outcome = self._ask_stripe(gateway, record)
        current = PaymentState(record.state)
        if outcome.kind in _DEFINITIVE or (
            # A request refused before running (bad input) under the same key: the first
            # request did not charge either, or Stripe would have replayed its answer.
            outcome.kind is OutcomeKind.BUG and record.intent_id is None
        ):
            state = self.record(record, outcome)
            if state is not current:
                self.audit_payment("settle_charge", record, outcome)
            return result_of(record, outcome, state)
        # Still unknown: keep the payment open for the next attempt.
        fields = self._server_error(record, outcome)
        if current is PaymentState.PENDING:
            fields["state"] = current = PaymentState.UNCONFIRMED
        if fields:
            self.payments.update(record.id, **fields)
        log.info("payment %s not settled yet: %s", record.id, outcome.kind.value)
        return result_of(record, outcome, current)

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
        outcome = self.request_for(record)(gateway, record)
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
        outcome = self.request_for(record)(gateway, record)
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
