"""Local lifecycle of a payment record, as the shop sees it, and which states of Stripe's
objects are final."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType


class PaymentState(StrEnum):
    # Written before the request is sent; the idempotency key is already persisted.
    PENDING = "pending"
    # The request may or may not have reached Stripe; must be settled by retrying with the
    # same idempotency key or retrieving the intent. Never charge again.
    UNCONFIRMED = "unconfirmed"
    # A new-card payment whose intent waits for the customer at a terminal's card form.
    # Never a decline: the customer may still try another card. Settled (the intent
    # cancelled) only once that terminal lets go of it.
    WAITING = "waiting"
    SUCCEEDED = "succeeded"
    PROCESSING = "processing"
    REQUIRES_CAPTURE = "requires_capture"
    DECLINED = "declined"
    AUTHENTICATION_REQUIRED = "authentication_required"
    FAILED = "failed"  # rejected for configuration or request reasons; nothing was charged
    CANCELED = "canceled"

    @property
    def needs_settling(self) -> bool:
        return self in AWAITING_ANSWER


# Payments whose create request has not been answered yet: settling (or an event) decides.
AWAITING_ANSWER = frozenset({PaymentState.PENDING, PaymentState.UNCONFIRMED, PaymentState.WAITING})

# The statuses each kind of Stripe object never leaves: the one definition of "final" (the
# applier orders events by it; a local payment is final when its intent is).
FINAL_STATUSES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "payment_intent": frozenset({"succeeded", "canceled"}),
        "setup_intent": frozenset({"succeeded", "canceled"}),
        # Not "succeeded": Stripe documents that a bank can return a refund it had taken,
        # and the refund is then marked failed (docs.stripe.com/refunds, "Failed refunds").
        "refund": frozenset({"failed", "canceled"}),
        "customer": frozenset({"deleted"}),
        "payment_method": frozenset({"detached"}),
        "charge": frozenset(),
    }
)
