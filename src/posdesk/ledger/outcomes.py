"""What a payment's state says about Stripe's answer, both ways: the state an answer puts a
payment in (`state_for`) and the outcome a stored payment shows again (`outcome_for_record`).

Pure functions over domain types and a record: the ledger, the one event applier and the
screens all read a payment the same way through them.
"""

from __future__ import annotations

from posdesk.domain.outcomes import (
    NEXT_STEP_NEW_PAYMENT,
    NEXT_STEP_REFRESH_OTHER_CARD,
    REASON_CANCELED,
    REASON_CARD_NOT_USABLE,
    REASON_CONFIG_BAD_KEY,
    REASON_CONFIG_PERMISSION,
    REASON_RATE_LIMITED,
    REASON_SERVER_ERROR_NOT_CHARGED,
    REASON_UNAVAILABLE,
    ChargeOutcome,
    OutcomeKind,
    decline_wording,
)
from posdesk.domain.payment_state import PaymentState
from posdesk.store.models import PaymentRecord


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
