"""Authorise now, capture later: what a capture or a release of an authorisation came to,
how long an authorisation stays valid, and the words for staff."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from posdesk.domain.messages import Text, message, text
from posdesk.domain.money import Money

# Why an authorisation is released (Stripe's `cancellation_reason` values a caller may give:
# docs.stripe.com/api/payment_intents/cancel).
RELEASE_REASONS = ("requested_by_customer", "duplicate", "fraudulent", "abandoned")

# How long an online card authorisation stays valid when Stripe does not say
# (`payment_method_details.card.capture_before` on the charge is the authority): Stripe's
# card-not-present table (docs.stripe.com/payments/place-a-hold-on-a-payment-method) gives
# Visa 5 days merchant-initiated (exactly 4 days 18 hours) and 7 days customer-initiated,
# Mastercard, American Express and Discover 7 days either way.
DEFAULT_WINDOW = timedelta(days=7)
WINDOWS: dict[tuple[str, bool], timedelta] = {
    ("visa", True): timedelta(days=4, hours=18),
}
# An authorisation with less than this left is flagged.
WARN_BEFORE = timedelta(days=1)


def authorisation_window(brand: str | None, merchant_initiated: bool) -> timedelta:
    """The documented window for a card network and who initiated the payment."""
    return WINDOWS.get(((brand or "").lower(), merchant_initiated), DEFAULT_WINDOW)


class CaptureKind(StrEnum):
    CAPTURED = "captured"  # the amount (or part of it) was taken; the rest released
    RELEASED = "released"  # the hold was released, nothing taken
    REFUSED = "refused"  # Stripe (or PosDesk before sending) said no; nothing changed
    UNCONFIRMED = "unconfirmed"  # the answer was lost: check again (same key)


@dataclass(frozen=True, slots=True)
class CaptureResult:
    payment_id: str
    kind: CaptureKind
    authorised: Money
    captured: Money | None = None  # what was taken (CAPTURED)
    reason: Text | None = None  # REFUSED / UNCONFIRMED: in words
    code: str | None = None  # Stripe's error code, when there was one
    stripe_status: str | None = None


@dataclass(frozen=True, slots=True)
class OpenAuthorisation:
    """An authorization waiting for its capture, and when it lapses."""

    payment_id: str
    intent_id: str | None
    customer_id: str | None
    amount: Money
    created_at: datetime
    capture_before: datetime
    # True: Stripe said when (`capture_before`); False: the documented default window.
    from_stripe: bool
    card_brand: str | None = None
    card_last4: str | None = None
    staff_name: str = ""

    def time_left(self, now: datetime) -> timedelta:
        return self.capture_before - now

    def lapsing(self, now: datetime) -> bool:
        """Under a day left (or lapsed)."""
        return self.time_left(now) < WARN_BEFORE


CAPTURE_AMOUNT_TOO_LARGE = message(
    "capture.amount_too_large",
    "At most {authorized} can be captured: that is what the card authorized. Nothing was "
    "captured.",
)
CAPTURE_NOT_OPEN = text(
    "capture.not_open",
    "This payment is not an open authorization, so there is nothing to capture or release.",
)
CAPTURE_BUSY = text(
    "capture.busy",
    "Another terminal is working on this payment right now. Try again in a moment.",
)
CAPTURE_BAD_REASON = text("capture.bad_reason", "Choose why the authorization is released.")
CAPTURE_LAPSED = text(
    "capture.lapsed",
    "Stripe refused: the authorization has lapsed, so the card's bank released the hold and "
    "Stripe canceled the payment. Nothing was captured; take a new payment instead.",
)
CAPTURE_ALREADY_RELEASED = text(
    "capture.already_released",
    "Stripe refused: this authorization was already released (the payment is canceled). "
    "Nothing was captured.",
)
CAPTURE_ALREADY_CAPTURED = text(
    "capture.already_captured",
    "Stripe refused: this authorization was already captured. Nothing more was taken.",
)
CAPTURE_STRIPE_REFUSED = message(
    "capture.stripe_refused",
    "Stripe refused the request ({code}). Nothing changed on the card.",
)
CAPTURE_NOT_CONFIRMED = text(
    "capture.not_confirmed",
    "Stripe's answer did not arrive. Check again: the same request is sent, so nothing is "
    "taken twice.",
)
