"""What came of a call to Stripe, in terms a cashier can act on.

The gateway turns every answer (and every failure to get one) into a `ChargeOutcome`; the
services store it and the GUI shows `reason` and `next_step`. The wording lives here as
module-level message ids (`domain.messages.text`): each is its English words as a `str`, so
the logic compares and stores them as before, and the GUI translates them by id.

Stripe's own `message` never reaches a screen: it is written for developers ("The provided
PaymentMethod has failed authentication...") and can echo what was sent. Every code maps to
words here; a code without words of its own gets a generic sentence, and the screen names the
code on a details line (`unexplained_code`) so a manager can look it up.

Spelling is American, as in Stripe's own terms (canceled, authorized).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from posdesk.domain.messages import message, text


class OutcomeKind(StrEnum):
    SUCCEEDED = "succeeded"
    PROCESSING = "processing"
    REQUIRES_CAPTURE = "requires_capture"
    DECLINED = "declined"
    # Off-session charge refused until the customer authenticates with their bank.
    AUTHENTICATION_REQUIRED = "authentication_required"
    # Stripe could not be reached or had a server problem; nothing moved, try again.
    UNAVAILABLE = "unavailable"
    RATE_LIMITED = "rate_limited"
    # Bad or revoked key, or a restricted key without the needed permission.
    CONFIGURATION_PROBLEM = "configuration_problem"
    # Stripe rejected the request itself: a fault in the app, not something to retry.
    BUG = "bug"
    # The request may have reached Stripe but the answer was lost. Must be settled with the
    # same idempotency key or by retrieving the intent; never charged again.
    UNCONFIRMED = "unconfirmed"


RETRYABLE_KINDS = frozenset(
    {OutcomeKind.UNAVAILABLE, OutcomeKind.RATE_LIMITED, OutcomeKind.UNCONFIRMED}
)


# --- Wording shown to the cashier -------------------------------------------------------------
# Reasons: what happened. Next steps: what to do now.

REASON_SUCCEEDED = text("outcome.reason.succeeded", "The payment was approved.")
REASON_PROCESSING = text(
    "outcome.reason.processing", "The payment is being processed by the bank."
)
REASON_REQUIRES_CAPTURE = text(
    "outcome.reason.requires_capture",
    "The amount is reserved on the card and waits to be captured.",
)
REASON_UNAVAILABLE = text(
    "outcome.reason.unavailable", "Stripe could not be reached, so nothing was charged."
)
REASON_RATE_LIMITED = text(
    "outcome.reason.rate_limited",
    "Stripe is receiving too many requests right now, so nothing was charged.",
)
# The same for calls that move no money (reading cards, listing events, checking a key):
# "nothing was charged" would make a cashier wonder what was.
REASON_UNREACHABLE = text("outcome.reason.unreachable", "Stripe could not be reached.")
REASON_BUSY = text("outcome.reason.busy", "Stripe is receiving too many requests right now.")
REASON_CONFIG_BAD_KEY = text(
    "outcome.reason.config_bad_key", "The Stripe key in the settings was not accepted."
)
REASON_CONFIG_PERMISSION = text(
    "outcome.reason.config_permission", "The Stripe key in the settings is not allowed to do this."
)
REASON_BUG = text(
    "outcome.reason.bug", "Stripe rejected the request because of a problem in this app."
)
REASON_UNCONFIRMED = text(
    "outcome.reason.unconfirmed", "The connection to Stripe was lost before the answer arrived."
)
# Stripe answered with a server error (5xx): it may or may not have taken the payment.
REASON_SERVER_ERROR = text(
    "outcome.reason.server_error",
    "Stripe had a problem answering, so it is not yet known whether the payment went through.",
)
# ... and the payment was then proven absent at Stripe.
REASON_SERVER_ERROR_NOT_CHARGED = text(
    "outcome.reason.server_error_not_charged",
    "Stripe had a problem with this payment and did not take it, so nothing was charged.",
)
REASON_STILL_OPEN = text(
    "outcome.reason.still_open", "The payment was not completed, so nothing was charged."
)
REASON_CANCELED = text(
    "outcome.reason.canceled", "The payment was canceled, so nothing was charged."
)
# Stripe refuses a card removed from the customer (detachment is permanent), typically
# removed elsewhere moments before this terminal's list caught up.
REASON_CARD_NOT_USABLE = text(
    "outcome.reason.card_not_usable",
    "Stripe will not charge this card for this customer: it has been removed from their "
    "saved cards.",
)

REASON_DECLINED_GENERIC = text("outcome.reason.declined_generic", "The card was declined.")
REASON_INSUFFICIENT_FUNDS = text(
    "outcome.reason.insufficient_funds", "The card was declined: insufficient funds."
)
REASON_EXPIRED_CARD = text(
    "outcome.reason.expired_card", "The card was declined: the card has expired."
)
REASON_INCORRECT_CVC = text(
    "outcome.reason.incorrect_cvc", "The card was declined: the security code is incorrect."
)
REASON_INCORRECT_NUMBER = text(
    "outcome.reason.incorrect_number", "The card was declined: the card number is incorrect."
)
REASON_PROCESSING_ERROR = text(
    "outcome.reason.processing_error",
    "The card could not be charged because of a processing error.",
)
REASON_AUTHENTICATION_REQUIRED = text(
    "outcome.reason.authentication_required",
    "The bank wants the customer to confirm this payment themselves.",
)
REASON_LIMIT_EXCEEDED = text(
    "outcome.reason.limit_exceeded", "The card was declined: the card's limit has been reached."
)
REASON_CURRENCY_NOT_SUPPORTED = text(
    "outcome.reason.currency_not_supported",
    "The card was declined: the card does not support this currency.",
)
REASON_CARD_NOT_SUPPORTED = text(
    "outcome.reason.card_not_supported",
    "The card was declined: the card does not support this kind of purchase.",
)
REASON_TRY_AGAIN_LATER = text(
    "outcome.reason.try_again_later", "The card was declined for now by the bank."
)

NEXT_STEP_NONE = text("outcome.next.none", "Nothing more to do.")
NEXT_STEP_WAIT = text(
    "outcome.next.wait",
    "No need to charge again. The result will be updated when the bank answers.",
)
NEXT_STEP_CAPTURE = text("outcome.next.capture", "Capture the payment when the order is ready.")
NEXT_STEP_OTHER_CARD = text(
    "outcome.next.other_card", "Ask for another card or another payment method."
)
NEXT_STEP_UPDATE_CARD = text(
    "outcome.next.update_card",
    "Ask the customer for a card that is still valid, or another payment method.",
)
NEXT_STEP_CHECK_DETAILS = text(
    "outcome.next.check_details",
    "Ask the customer to check the card details, or use another card.",
)
NEXT_STEP_RETRY_SAME = text(
    "outcome.next.retry_same",
    "Try the same card again in a moment. If it fails again, ask for another card.",
)
NEXT_STEP_AUTHENTICATE = text(
    "outcome.next.authenticate",
    "Ask the customer to pay in person so they can confirm it with their bank, "
    "or use another card.",
)
NEXT_STEP_RETRY_LATER = text(
    "outcome.next.retry_later",
    "Try again in a minute. If it keeps happening, check the internet connection.",
)
NEXT_STEP_FIX_SETTINGS = text(
    "outcome.next.fix_settings", "Ask a manager to check the Stripe key in the settings."
)
NEXT_STEP_REPORT = text(
    "outcome.next.report", "Do not retry. Tell a manager; the details are in the log."
)
NEXT_STEP_CHECKING = text(
    "outcome.next.checking",
    "Do not charge again. The app is checking with Stripe and will show the result.",
)
NEXT_STEP_REFRESH_OTHER_CARD = text(
    "outcome.next.refresh_other_card",
    "Close this to refresh the saved cards, then choose another card or take a new card.",
)
NEXT_STEP_NEW_PAYMENT = text(
    "outcome.next.new_payment", "Start a new payment if the customer still owes this amount."
)
NEXT_STEP_CONTACT_BANK = text(
    "outcome.next.contact_bank", "Ask the customer to contact their bank, or use another card."
)

# What happened and what to do, said in one go (an error message of a call that moves no
# money). A message of its own so a language can join the two sentences its way.
REASON_WITH_NEXT_STEP = message("outcome.reason_with_next_step", "{reason} {next_step}")

# What the card form (Stripe's Payment Element on the checkout page) reports when the customer
# presses Pay: a failed 3D Secure challenge, details the form itself refuses, or a failure of
# the page's own connection. The card stays on screen for another try.
REASON_AUTHENTICATION_FAILED = text(
    "card_form.reason.authentication_failed", "The customer's bank did not confirm the payment."
)
NEXT_STEP_AUTHENTICATION_FAILED = text(
    "card_form.next.authentication_failed",
    "Nothing was charged. The customer can try again or use another card.",
)
REASON_FORM_NUMBER = text(
    "card_form.reason.number", "The card number in the form is incomplete or incorrect."
)
REASON_FORM_EXPIRY = text(
    "card_form.reason.expiry", "The expiry date in the form is incomplete or in the past."
)
REASON_FORM_CVC = text("card_form.reason.cvc", "The security code in the form is incomplete.")
REASON_FORM_POSTAL = text("card_form.reason.postal", "The postal code in the form is incomplete.")
REASON_FORM_INCOMPLETE = text(
    "card_form.reason.incomplete", "The card details in the form are incomplete or incorrect."
)
NEXT_STEP_FIX_FORM = text(
    "card_form.next.fix_details",
    "Nothing was charged. Ask the customer to check the card details.",
)
REASON_FORM_UNREACHABLE = text(
    "card_form.reason.unreachable", "The card form could not reach Stripe, so nothing was charged."
)
REASON_FORM_FAILED = text(
    "card_form.reason.failed", "The card could not be checked, so nothing was charged."
)
NEXT_STEP_FORM_RETRY = text(
    "card_form.next.retry", "Ask the customer to try again in a moment, or use another card."
)


@dataclass(frozen=True, slots=True)
class DeclineWording:
    reason: str
    next_step: str


GENERIC_DECLINE = DeclineWording(REASON_DECLINED_GENERIC, NEXT_STEP_OTHER_CARD)

# Keyed by Stripe's decline_code (for card_declined) or error code. Lost, stolen, pickup and
# fraud codes read as a generic decline on purpose: Stripe advises never telling the
# customer (or the cashier facing them) that a card was reported lost or stolen.
DECLINE_WORDING: dict[str, DeclineWording] = {
    "generic_decline": GENERIC_DECLINE,
    "card_declined": GENERIC_DECLINE,
    "do_not_honor": DeclineWording(REASON_DECLINED_GENERIC, NEXT_STEP_CONTACT_BANK),
    "do_not_try_again": GENERIC_DECLINE,
    "call_issuer": DeclineWording(REASON_DECLINED_GENERIC, NEXT_STEP_CONTACT_BANK),
    "no_action_taken": DeclineWording(REASON_DECLINED_GENERIC, NEXT_STEP_CONTACT_BANK),
    "not_permitted": DeclineWording(REASON_DECLINED_GENERIC, NEXT_STEP_CONTACT_BANK),
    "restricted_card": GENERIC_DECLINE,
    "security_violation": GENERIC_DECLINE,
    "service_not_allowed": DeclineWording(REASON_DECLINED_GENERIC, NEXT_STEP_CONTACT_BANK),
    "transaction_not_allowed": DeclineWording(REASON_DECLINED_GENERIC, NEXT_STEP_CONTACT_BANK),
    "lost_card": GENERIC_DECLINE,
    "stolen_card": GENERIC_DECLINE,
    "pickup_card": GENERIC_DECLINE,
    "fraudulent": GENERIC_DECLINE,
    "merchant_blacklist": GENERIC_DECLINE,
    "invalid_account": GENERIC_DECLINE,
    "new_account_information_available": DeclineWording(
        REASON_DECLINED_GENERIC, NEXT_STEP_UPDATE_CARD
    ),
    "insufficient_funds": DeclineWording(REASON_INSUFFICIENT_FUNDS, NEXT_STEP_OTHER_CARD),
    "withdrawal_count_limit_exceeded": DeclineWording(REASON_LIMIT_EXCEEDED, NEXT_STEP_OTHER_CARD),
    "card_velocity_exceeded": DeclineWording(REASON_LIMIT_EXCEEDED, NEXT_STEP_OTHER_CARD),
    "invalid_amount": DeclineWording(REASON_DECLINED_GENERIC, NEXT_STEP_CONTACT_BANK),
    "expired_card": DeclineWording(REASON_EXPIRED_CARD, NEXT_STEP_UPDATE_CARD),
    "incorrect_cvc": DeclineWording(REASON_INCORRECT_CVC, NEXT_STEP_CHECK_DETAILS),
    "invalid_cvc": DeclineWording(REASON_INCORRECT_CVC, NEXT_STEP_CHECK_DETAILS),
    "incorrect_number": DeclineWording(REASON_INCORRECT_NUMBER, NEXT_STEP_CHECK_DETAILS),
    "invalid_number": DeclineWording(REASON_INCORRECT_NUMBER, NEXT_STEP_CHECK_DETAILS),
    "invalid_expiry_month": DeclineWording(REASON_EXPIRED_CARD, NEXT_STEP_CHECK_DETAILS),
    "invalid_expiry_year": DeclineWording(REASON_EXPIRED_CARD, NEXT_STEP_CHECK_DETAILS),
    "processing_error": DeclineWording(REASON_PROCESSING_ERROR, NEXT_STEP_RETRY_SAME),
    "reenter_transaction": DeclineWording(REASON_PROCESSING_ERROR, NEXT_STEP_RETRY_SAME),
    "issuer_not_available": DeclineWording(REASON_TRY_AGAIN_LATER, NEXT_STEP_RETRY_SAME),
    "try_again_later": DeclineWording(REASON_TRY_AGAIN_LATER, NEXT_STEP_RETRY_SAME),
    "approve_with_id": DeclineWording(REASON_TRY_AGAIN_LATER, NEXT_STEP_RETRY_SAME),
    "currency_not_supported": DeclineWording(REASON_CURRENCY_NOT_SUPPORTED, NEXT_STEP_OTHER_CARD),
    "card_not_supported": DeclineWording(REASON_CARD_NOT_SUPPORTED, NEXT_STEP_OTHER_CARD),
    "authentication_required": DeclineWording(
        REASON_AUTHENTICATION_REQUIRED, NEXT_STEP_AUTHENTICATE
    ),
}


def decline_wording(code: str | None, decline_code: str | None) -> DeclineWording:
    """Wording for a card error: the decline code is more specific than the error code."""
    for key in (decline_code, code):
        if key and key in DECLINE_WORDING:
            return DECLINE_WORDING[key]
    return GENERIC_DECLINE


# Stripe.js's codes for details its card form refuses before anything is sent
# (`validation_error`).
FORM_WORDING: dict[str, DeclineWording] = {
    "incomplete_number": DeclineWording(REASON_FORM_NUMBER, NEXT_STEP_FIX_FORM),
    "invalid_number": DeclineWording(REASON_FORM_NUMBER, NEXT_STEP_FIX_FORM),
    "incomplete_expiry": DeclineWording(REASON_FORM_EXPIRY, NEXT_STEP_FIX_FORM),
    "invalid_expiry_month": DeclineWording(REASON_FORM_EXPIRY, NEXT_STEP_FIX_FORM),
    "invalid_expiry_month_past": DeclineWording(REASON_FORM_EXPIRY, NEXT_STEP_FIX_FORM),
    "invalid_expiry_year": DeclineWording(REASON_FORM_EXPIRY, NEXT_STEP_FIX_FORM),
    "invalid_expiry_year_past": DeclineWording(REASON_FORM_EXPIRY, NEXT_STEP_FIX_FORM),
    "incomplete_cvc": DeclineWording(REASON_FORM_CVC, NEXT_STEP_FIX_FORM),
    "invalid_cvc": DeclineWording(REASON_FORM_CVC, NEXT_STEP_FIX_FORM),
    "incomplete_zip": DeclineWording(REASON_FORM_POSTAL, NEXT_STEP_FIX_FORM),
}
FORM_INCOMPLETE = DeclineWording(REASON_FORM_INCOMPLETE, NEXT_STEP_FIX_FORM)

# Codes Stripe sends that have words of their own somewhere in PosDesk (here, or in the
# gateway's mapping of errors that are not card errors).
EXPLAINED_CODES = frozenset(DECLINE_WORDING) | frozenset(FORM_WORDING) | {
    "resource_missing",
    "rate_limit",
    "payment_intent_authentication_failure",
    "setup_intent_authentication_failure",
}
# ... and these say nothing beyond "declined" or "rejected", so they need no details line.
GENERIC_CODES = frozenset({"card_declined", "generic_decline"})


def unexplained_code(code: str | None, decline_code: str | None) -> str | None:
    """The most specific code Stripe gave that PosDesk has no words of its own for, if any.
    The screen shows the generic sentence and names this code on a details line."""
    for key in (decline_code, code):
        if key and key not in EXPLAINED_CODES and key not in GENERIC_CODES:
            return key
    return None


@dataclass(frozen=True, slots=True)
class ChargeOutcome:
    kind: OutcomeKind
    reason: str
    next_step: str
    intent_id: str | None = None
    stripe_status: str | None = None
    code: str | None = None
    decline_code: str | None = None
    retryable: bool = False
    # Amount Stripe reports as received (minor units), when it told us.
    amount_received: int = 0
    livemode: bool = False

    @property
    def charged(self) -> bool:
        return self.kind is OutcomeKind.SUCCEEDED

    @classmethod
    def of(
        cls,
        kind: OutcomeKind,
        *,
        reason: str | None = None,
        next_step: str | None = None,
        **fields: object,
    ) -> ChargeOutcome:
        """An outcome with the default wording for its kind unless told otherwise."""
        default_reason, default_next = DEFAULT_WORDING[kind]
        return cls(
            kind=kind,
            reason=reason or default_reason,
            next_step=next_step or default_next,
            retryable=kind in RETRYABLE_KINDS,
            **fields,  # type: ignore[arg-type]
        )


DEFAULT_WORDING: dict[OutcomeKind, tuple[str, str]] = {
    OutcomeKind.SUCCEEDED: (REASON_SUCCEEDED, NEXT_STEP_NONE),
    OutcomeKind.PROCESSING: (REASON_PROCESSING, NEXT_STEP_WAIT),
    OutcomeKind.REQUIRES_CAPTURE: (REASON_REQUIRES_CAPTURE, NEXT_STEP_CAPTURE),
    OutcomeKind.DECLINED: (REASON_DECLINED_GENERIC, NEXT_STEP_OTHER_CARD),
    OutcomeKind.AUTHENTICATION_REQUIRED: (REASON_AUTHENTICATION_REQUIRED, NEXT_STEP_AUTHENTICATE),
    OutcomeKind.UNAVAILABLE: (REASON_UNAVAILABLE, NEXT_STEP_RETRY_LATER),
    OutcomeKind.RATE_LIMITED: (REASON_RATE_LIMITED, NEXT_STEP_RETRY_LATER),
    OutcomeKind.CONFIGURATION_PROBLEM: (REASON_CONFIG_BAD_KEY, NEXT_STEP_FIX_SETTINGS),
    OutcomeKind.BUG: (REASON_BUG, NEXT_STEP_REPORT),
    OutcomeKind.UNCONFIRMED: (REASON_UNCONFIRMED, NEXT_STEP_CHECKING),
}
