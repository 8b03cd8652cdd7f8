"""Local lifecycle of a payment record, as the shop sees it."""

from __future__ import annotations

from enum import StrEnum


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
    def is_final(self) -> bool:
        return self in FINAL_STATES

    @property
    def needs_settling(self) -> bool:
        return self in (PaymentState.PENDING, PaymentState.UNCONFIRMED, PaymentState.WAITING)


FINAL_STATES = frozenset(
    {PaymentState.SUCCEEDED, PaymentState.DECLINED, PaymentState.FAILED, PaymentState.CANCELED}
)
