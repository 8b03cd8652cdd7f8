"""Refunds as the shop sees them: the states of a refund request, the reasons Stripe takes,
what Stripe's answer to a refund request says, and how much of a payment is left to refund.

A refund request is written before Stripe hears of it (SENDING, with its idempotency key),
then takes Stripe's status for the refund it made (pending, requires_action, succeeded,
failed, canceled), or REFUSED when Stripe refused to make one (nothing refunded), or stays
UNCONFIRMED while nobody knows whether Stripe made it (settling finds out).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from posdesk.domain.messages import Text, message, text


class RefundState(StrEnum):
    # Written, idempotency key kept, request not answered yet.
    SENDING = "sending"
    # Sent, answer lost (or a server error): Stripe may have made the refund. Never send a
    # new request for it: settling looks it up or resends the same one with the same key.
    UNCONFIRMED = "unconfirmed"
    # Stripe's statuses of the refund it made.
    PENDING = "pending"
    REQUIRES_ACTION = "requires_action"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELED = "canceled"
    # Stripe refused the request (more than is left, a bad key, too many requests): no
    # refund was made.
    REFUSED = "refused"

    @property
    def needs_settling(self) -> bool:
        return self in UNSETTLED

    @property
    def counts(self) -> bool:
        """Takes money back (or may have): counted against what is left to refund."""
        return self in COUNTING


# Requests whose outcome at Stripe is not known yet.
UNSETTLED = frozenset({RefundState.SENDING, RefundState.UNCONFIRMED})
# Stripe's refund statuses that take money back (its own amount_refunded counts pending
# refunds too), and the local states that may have.
COUNTED_STATUSES = frozenset({"pending", "requires_action", "succeeded"})
COUNTING = frozenset({RefundState(s) for s in COUNTED_STATUSES}) | UNSETTLED


class RefundReason(StrEnum):
    """The reasons Stripe's refund create accepts (`reason`)."""

    REQUESTED_BY_CUSTOMER = "requested_by_customer"
    DUPLICATE = "duplicate"
    FRAUDULENT = "fraudulent"


REASON_WORDS: dict[RefundReason, Text] = {
    RefundReason.REQUESTED_BY_CUSTOMER: text("refund.reason.requested_by_customer",
                                             "Requested by the customer"),
    RefundReason.DUPLICATE: text("refund.reason.duplicate", "Charged twice (duplicate)"),
    RefundReason.FRAUDULENT: text("refund.reason.fraudulent", "Fraudulent payment"),
}

STATE_WORDS: dict[RefundState, Text] = {
    RefundState.SENDING: text("refund.state.sending", "Being sent to Stripe"),
    RefundState.UNCONFIRMED: text("refund.state.unconfirmed", "Not confirmed yet"),
    RefundState.PENDING: text("refund.state.pending", "Pending"),
    RefundState.REQUIRES_ACTION: text("refund.state.requires_action", "Waiting for action"),
    RefundState.SUCCEEDED: text("refund.state.succeeded", "Refunded"),
    RefundState.FAILED: text("refund.state.failed", "Failed: not refunded"),
    RefundState.CANCELED: text("refund.state.canceled", "Canceled: not refunded"),
    RefundState.REFUSED: text("refund.state.refused", "Refused: not refunded"),
}

# Why a refund is refused before anything is sent, or what Stripe's refusal means.
NOTHING_LEFT = text("refund.nothing_left",
                    "This payment has been refunded in full. Nothing was refunded.")
MORE_THAN_LEFT = message(
    "refund.more_than_left",
    "Only {left} is left to refund on this payment. Nothing was refunded.",
)
NOT_REFUNDABLE = text(
    "refund.not_refundable",
    "Only a payment that went through can be refunded. Nothing was refunded.",
)
OTHER_CURRENCY = message(
    "refund.other_currency",
    "This payment was taken in {currency}: refund it in {currency}. Nothing was refunded.",
)
BUSY_ELSEWHERE = text(
    "refund.busy_elsewhere",
    "Another terminal is refunding this payment right now. Try again in a moment; nothing "
    "was refunded.",
)
NOTE_TOO_LONG = message("refund.note_too_long", "The note may have at most {limit} characters.")
NOTE_CONTROL = text("refund.note_control", "The note contains characters that cannot be kept.")
UNKNOWN_REASON = text("refund.unknown_reason", "Choose why the money goes back.")
UNKNOWN_PAYMENT = text("refund.unknown_payment",
                       "This payment is not in the shop's records. Nothing was refunded.")
# Stripe refused the refund request itself.
STRIPE_MORE_THAN_LEFT = text(
    "refund.stripe_more_than_left",
    "Stripe says this is more than is left to refund on the payment. Nothing was refunded.",
)
STRIPE_ALREADY_REFUNDED = text(
    "refund.stripe_already_refunded",
    "Stripe says this payment has already been refunded in full. Nothing was refunded.",
)
STRIPE_REFUSED = text(
    "refund.stripe_refused",
    "Stripe refused this refund. Nothing was refunded. Check the payment in the Stripe "
    "Dashboard.",
)
STRIPE_NOT_REACHED = text(
    "refund.not_reached",
    "Stripe could not be reached, so nothing was refunded. Check the internet connection "
    "and try again.",
)
STRIPE_BUSY = text(
    "refund.busy",
    "Stripe is busy and did not take the refund. Nothing was refunded: try again in a minute.",
)
STRIPE_CONFIGURATION = text(
    "refund.configuration",
    "Stripe refused the shop's key for refunds. Nothing was refunded: a manager checks the "
    "key in Settings.",
)
NOT_CONFIRMED = text(
    "refund.unconfirmed",
    "Stripe's answer did not arrive. PosDesk checks with Stripe by itself; do not refund "
    "again.",
)
SERVER_ERROR_NOT_REFUNDED = text(
    "refund.server_error_not_refunded",
    "Stripe answered with an error and made no refund. Nothing was refunded.",
)


class RefundAnswerKind(StrEnum):
    MADE = "made"  # Stripe made a refund (any status of it)
    REFUSED = "refused"  # Stripe refused the request: nothing refunded
    UNCONFIRMED = "unconfirmed"  # the answer is lost or a server error: may have been made


@dataclass(frozen=True, slots=True)
class RefundAnswer:
    """What Stripe answered to a refund request (or a look-up of the refund)."""

    kind: RefundAnswerKind
    refund_id: str | None = None
    status: str | None = None
    amount: int = 0
    currency: str = ""
    created: int = 0
    reason: Text | None = None  # why it was refused or is unconfirmed, for staff
    code: str | None = None  # Stripe's error code, or the gateway's own

    @property
    def state(self) -> RefundState:
        if self.kind is RefundAnswerKind.REFUSED:
            return RefundState.REFUSED
        if self.kind is RefundAnswerKind.UNCONFIRMED:
            return RefundState.UNCONFIRMED
        try:
            return RefundState(self.status or "pending")
        except ValueError:
            return RefundState.PENDING


def left_to_refund(received: int, counted: Iterable[int]) -> int:
    """What is left of an amount received once the refunds that count are taken off."""
    return max(0, received - sum(counted))
