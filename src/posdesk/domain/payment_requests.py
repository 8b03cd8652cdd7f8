"""Remote payments: a request for a customer to pay on Stripe's hosted page (a Checkout
Session, by link or QR code), and the shop's reusable Payment Links. Plain data and rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from posdesk.domain.messages import Text, message, text
from posdesk.domain.money import Money

# Stripe: a Checkout Session's `expires_at` must be 30 minutes to 24 hours ahead
# (docs.stripe.com/payments/checkout/managing-limited-inventory).
MIN_EXPIRY = timedelta(minutes=30)
MAX_EXPIRY = timedelta(hours=24)
DEFAULT_EXPIRY = timedelta(hours=1)
# Sent a minute inside the bounds: the request spends time on the way to Stripe.
EXPIRY_SLACK = timedelta(minutes=1)
DESCRIPTION_LIMIT = 200
LINK_NAME_LIMIT = 120

# What the session's intent carries: our request id (to link the payment to the request)
# and the original payment a remote authentication retries.
METADATA_REQUEST_ID = "posdesk_request_id"
METADATA_RETRY_OF = "posdesk_retry_of"
# A payment link's own fields, kept in its metadata (the link object does not list its
# line items): the name and amount shown in the list.
METADATA_LINK_NAME = "posdesk_link_name"
METADATA_LINK_AMOUNT = "posdesk_link_amount"


class RequestState(StrEnum):
    """A payment request's life. SENDING: written, its session not (yet) known to exist;
    OPEN: the link works; PAID / EXPIRED: final; FAILED: Stripe refused to make it."""

    SENDING = "sending"
    OPEN = "open"
    PAID = "paid"
    EXPIRED = "expired"
    FAILED = "failed"

    @property
    def is_final(self) -> bool:
        return self in (RequestState.PAID, RequestState.EXPIRED, RequestState.FAILED)


REQUEST_STATE_WORDS: dict[RequestState, Text] = {
    RequestState.SENDING: text("request.state.sending", "Creating the link…"),
    RequestState.OPEN: text("request.state.open", "Waiting for the customer to pay"),
    RequestState.PAID: text("request.state.paid", "Paid"),
    RequestState.EXPIRED: text("request.state.expired", "Expired: the link no longer works"),
    RequestState.FAILED: text("request.state.failed", "The link could not be created"),
}

REQUEST_BAD_EXPIRY = message(
    "request.bad_expiry",
    "The link must stay open between {min} and {max} minutes.")
REQUEST_NO_DESCRIPTION = text("request.no_description", "Say what the payment is for.")
REQUEST_DESCRIPTION_TOO_LONG = message(
    "request.description_too_long", "The description can have at most {limit} characters.")
REQUEST_SAVE_NEEDS_CUSTOMER = text(
    "request.save_needs_customer", "A card can only be saved for a customer on file.")
REQUEST_NOT_OPEN = text("request.not_open", "This request is no longer open.")
REQUEST_NOT_FOUND = text("request.not_found", "This payment request does not exist.")
REQUEST_NOT_AUTHENTICATION = text(
    "request.not_authentication",
    "Only a payment that failed for lack of the customer's authentication can be sent as "
    "a link.")
REQUEST_ALREADY_SENT = text(
    "request.already_sent", "A link to authenticate this payment is already open.")
LINK_NO_NAME = text("link.no_name", "Give the link a name customers will see.")
LINK_NAME_TOO_LONG = message("link.name_too_long", "The name can have at most {limit} "
                             "characters.")


@dataclass(frozen=True, slots=True)
class CheckoutSessionData:
    """What PosDesk reads of a Checkout Session."""

    id: str
    url: str | None
    status: str  # open / complete / expired
    payment_status: str  # unpaid / paid / no_payment_required
    payment_intent: str | None
    customer: str | None
    expires_at: int
    amount_total: int
    currency: str
    metadata: dict[str, str]


@dataclass(frozen=True, slots=True)
class PaymentLinkData:
    id: str
    url: str
    active: bool
    name: str
    amount: Money | None  # from our metadata; None for a link made elsewhere


@dataclass(frozen=True, slots=True)
class PaymentRequestView:
    """A request as the screens show it."""

    id: str
    state: RequestState
    amount: Money
    description: str
    customer_id: str | None
    url: str | None
    expires_at: datetime
    payment_id: str | None
    retry_of: str | None
    save_card: bool
    staff_name: str
    created_at: datetime
    error_message: str | None = None

    def time_left(self, now: datetime) -> timedelta:
        return max(timedelta(0), self.expires_at - now)
