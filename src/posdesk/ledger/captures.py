"""Captures and releases of authorisations, on the payment ledger's records and claims.

An authorisation (a payment made with capture_method=manual, waiting in REQUIRES_CAPTURE)
moves money once more when it is captured, and gives the hold back when it is released. The
same steps as for the payment itself keep that from happening twice:
1. under the payment's claim, the request's idempotency key (and the amount to capture; no
   amount: a release) is written on the payment and committed (`begin`);
2. the request is sent with that key (`send`);
3. Stripe's answer is recorded on the payment and the key cleared in the same write
   (`finish`), unless the answer was lost: then the key stays.
A crash or a lost answer leaves the key on the payment. Settling (`settle`, with the
ledger's own settling at start-up and on the timer) reads the intent: if Stripe acted, that is
recorded; if the intent still waits for its capture, the *same* request is sent again with
the *same* key (Stripe replays or performs it once); a refusal clears the key. An intent is
captured at most once in any case: Stripe refuses a second capture.

Keys are derived from the payment and what is asked (`capture_key`, `release_key`), so the
same request asked again (staff pressing "Check again") carries the same key.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import text
from sqlmodel import col, select

from posdesk.domain.payment_state import PaymentState
from posdesk.gateway.convert import outcome_for_intent
from posdesk.gateway.errors import IntentAnswer
from posdesk.ledger.payments import ChargeResult, PaymentLedger, result_of
from posdesk.store.models import PaymentRecord
from posdesk.store.payments import unclaimed

log = logging.getLogger(__name__)

RELEASE_PREFIX = "release-"
# The partial index's own WHERE, literally (SQLite uses a partial index only then).
IN_FLIGHT_WHERE = "capture_key IS NOT NULL"


def capture_key(payment: PaymentRecord, amount: int) -> str:
    """The capture request's idempotency key: the payment and the amount asked."""
    return f"capture-{payment.id}-{amount}"


def release_key(payment: PaymentRecord, reason: str) -> str:
    """The release request's key: the payment and the reason (Stripe's
    cancellation_reason values have no '-'), which settling reads back."""
    return f"{RELEASE_PREFIX}{payment.id}-{reason}"


def reason_of(key: str) -> str:
    return key.rsplit("-", 1)[1]


class CaptureRequests:
    """The capture and release steps of one ledger (its gateway, claims and records)."""

    def __init__(self, ledger: PaymentLedger) -> None:
        self.ledger = ledger
        self.payments = ledger.payments

    # --- steps 1 to 3 --------------------------------------------------------------------------

    def begin(self, payment: PaymentRecord, key: str, amount: int | None) -> PaymentRecord:
        """Step 1: the request's key and amount (None: a release) on the payment, committed
        before anything is sent. The caller holds the payment's claim."""
        return self.payments.update(payment.id, capture_key=key, capture_amount=amount)

    def send(self, payment: PaymentRecord) -> IntentAnswer:
        """Step 2: the request written on the payment, with its key (a resend is identical)."""
        gateway = self.ledger._require_gateway()
        key, intent_id = payment.capture_key or "", payment.intent_id or ""
        if payment.capture_amount is None:
            return gateway.release_payment_intent(intent_id, reason=reason_of(key),
                                                  idempotency_key=key)
        return gateway.capture_payment_intent(
            intent_id, amount_to_capture=payment.capture_amount, idempotency_key=key)

    def finish(self, payment: PaymentRecord, intent: dict[str, object] | None) -> None:
        """Step 3: Stripe's intent (when it moved on) recorded and the key cleared, in one
        write; with None (Stripe refused, the intent still waits) only the key is cleared."""
        done: dict[str, object] = {"capture_key": None, "capture_amount": None}
        if intent is not None and intent.get("status") != "requires_capture":
            self.ledger.record(payment, outcome_for_intent(intent), **done)
        else:
            self.payments.update(payment.id, **done)

    # --- settling ------------------------------------------------------------------------------

    def in_flight(self, now: datetime | None = None) -> list[PaymentRecord]:
        """Payments with a capture or release not known to be over; with `now`, only those
        no live terminal has claimed."""
        query = select(PaymentRecord).where(text(IN_FLIGHT_WHERE))
        if now is not None:
            query = query.where(unclaimed(now))
        query = query.order_by(col(PaymentRecord.updated_at))
        with self.ledger.store.session() as session:
            return list(session.exec(query))

    def settle(self) -> list[ChargeResult]:
        """Finish every capture or release a crash or a lost answer left open (see above)."""
        results: list[ChargeResult] = []
        if self.ledger.gateway is None:
            return results
        for payment in self.in_flight(self.ledger._now()):
            try:
                with self.ledger.held(payment.id) as had:
                    current = self.payments.get(payment.id) if had else None
                    if current is not None and current.capture_key:
                        results.append(self._settle(current))
            except Exception:  # one bad record must not block settling the others
                log.exception("settling the capture of payment %s failed", payment.id)
        return results

    def _settle(self, payment: PaymentRecord) -> ChargeResult:
        gateway = self.ledger._require_gateway()
        intent, outcome = gateway.payment_intent_data(payment.intent_id or "")
        if intent is None:  # Stripe could not be asked: try again later
            return result_of(payment, outcome)
        if intent.get("status") == "requires_capture":
            answer = self.send(payment)
            if answer.lost:
                log.info("capture of payment %s not settled yet", payment.id)
                return result_of(payment, outcome)
            if answer.intent is not None:
                intent = answer.intent
            else:
                refreshed, _ = gateway.payment_intent_data(payment.intent_id or "")
                intent = refreshed or intent
        self.finish(payment, intent)
        current = self.payments.get(payment.id) or payment
        settled = outcome_for_intent(intent)
        if PaymentState(current.state) is not PaymentState(payment.state):
            self.ledger.audit_payment("settle_capture", current, settled)
        return result_of(current, settled)


__all__ = ["CaptureRequests", "capture_key", "release_key"]
