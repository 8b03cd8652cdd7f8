"""What staff see for a payment (and its refunds): the one mapping from outcome and state
to words.

Both payment dialogs (the saved-card charge and card entry at the counter), the payments
table and the customer page take their words from here, so one payment never reads two
ways ("one wording per outcome", docs/architecture.md). A dialog adds only what its setting
makes true: the off-session charge offers to authenticate now; card entry says which card
was saved.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication

from posdesk.backend import (
    FLOW_SETUP,
    CardEntryResult,
    CardSummary,
    InputError,
    PaymentMethodRecord,
    RefundResult,
    StripeNotConfigured,
)
from posdesk.domain.captures import CaptureKind, CaptureResult
from posdesk.domain.money import AmountError, Money
from posdesk.domain.outcomes import (
    NEXT_STEP_CHECKING,
    REASON_SERVER_ERROR_NOT_CHARGED,
    ChargeOutcome,
    OutcomeKind,
)
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.refunds import NOT_CONFIRMED as REFUND_NOT_CONFIRMED
from posdesk.domain.refunds import REASON_WORDS as REFUND_REASON_WORDS
from posdesk.domain.refunds import STATE_WORDS as REFUND_STATE_WORDS
from posdesk.domain.refunds import RefundReason, RefundState
from posdesk.gui.common.error_words import ErrorWords
from posdesk.gui.formatting import code_details, money_text, outcome_code, outcome_text, sentences
from posdesk.gui.payments.result_panel import ResultView

# lupdate reads the literal context and text of each call.
translate = QCoreApplication.translate


# Brands whose Stripe id (card.brand) does not read as the name on the card.
_BRAND_NAMES = {
    "amex": "American Express",
    "diners": "Diners Club",
    "eftpos_au": "eftpos Australia",
    "jcb": "JCB",
    "unionpay": "UnionPay",
}


# --- amounts and cards ---


def amount_words(amount: Money, locale: str) -> str:
    """An amount as the shop writes it ($42.50); an unknown locale still shows the amount."""
    return money_text(amount.amount, amount.currency, locale)


def amount_text(amount: Money | None, locale: str, *, charged: bool | None) -> str:
    """The amount line of a result: "… charged", "… not charged", or the bare amount while
    nobody knows yet (charged=None)."""
    if amount is None:
        return ""
    text = amount_words(amount, locale)
    if charged is True:
        return translate("OutcomeView", "%1 charged").replace("%1", text)
    if charged is False:
        return translate("OutcomeView", "%1 not charged").replace("%1", text)
    return text


def card_label(card: CardSummary | PaymentMethodRecord) -> str:
    """A saved card as staff and customers name it: "Visa •••• 4242 (Apple Pay)"."""
    label = f"{brand_name(card.brand)} •••• {card.last4 or '????'}"
    if card.wallet:
        label += f" ({card.wallet.replace('_', ' ').title()})"
    return label


def card_label_of(brand: str | None, last4: str | None) -> str:
    """A card known only by its brand and last four digits (an authorization's charge)."""
    if not brand and not last4:
        return ""
    return f"{brand_name(brand)} •••• {last4 or '????'}"


def brand_name(brand: str | None) -> str:
    """A card brand as printed on the card ("JCB", "American Express"), from Stripe's id."""
    raw = brand or ""
    return _BRAND_NAMES.get(raw.lower()) or (
        raw or translate("OutcomeView", "Card")).replace("_", " ").title()


# --- payment states (the payments table) ---


def state_words() -> dict[PaymentState, str]:
    """Every payment state in the words a cashier uses; one wording each."""
    return {
        PaymentState.PENDING: translate("OutcomeView", "Sending to Stripe"),
        PaymentState.UNCONFIRMED: translate("OutcomeView", "Checking with Stripe"),
        PaymentState.WAITING: translate("OutcomeView", "Waiting for the customer"),
        PaymentState.SUCCEEDED: translate("OutcomeView", "Paid"),
        PaymentState.PROCESSING: translate("OutcomeView", "Processing"),
        PaymentState.REQUIRES_CAPTURE: translate("OutcomeView", "Authorized, not yet captured"),
        PaymentState.DECLINED: translate("OutcomeView", "Declined"),
        PaymentState.AUTHENTICATION_REQUIRED: translate(
            "OutcomeView", "Needs customer to authenticate"
        ),
        PaymentState.FAILED: translate("OutcomeView", "Failed, not charged"),
        PaymentState.CANCELED: translate("OutcomeView", "Canceled"),
    }


def state_text(state: str) -> str:
    """A stored state in words; a state this version does not know shows as it is."""
    try:
        return state_words()[PaymentState(state)]
    except ValueError:
        return state


# --- outcomes (the result panel) ---


def _is_open(state: PaymentState | None, settling: bool) -> bool:
    return settling or (state is not None and state.needs_settling)


# How each kind of outcome looks: tone, icon, and whether the amount reads as charged
# (True), not charged (False) or neither (None: Stripe may still have it).
_LOOK: dict[OutcomeKind, tuple[str, str, bool | None]] = {
    OutcomeKind.SUCCEEDED: ("good", "approved", True),
    OutcomeKind.PROCESSING: ("warn", "waiting", None),
    OutcomeKind.REQUIRES_CAPTURE: ("warn", "waiting", None),
    OutcomeKind.DECLINED: ("bad", "declined", False),
    OutcomeKind.AUTHENTICATION_REQUIRED: ("warn", "warning", False),
    OutcomeKind.UNCONFIRMED: ("warn", "waiting", None),
    OutcomeKind.UNAVAILABLE: ("warn", "warning", False),
    OutcomeKind.RATE_LIMITED: ("warn", "warning", False),
    OutcomeKind.CONFIGURATION_PROBLEM: ("bad", "warning", False),
    OutcomeKind.BUG: ("bad", "declined", False),
}
# Outcomes that say nothing final yet: staff may check again.
_RETRY = frozenset({OutcomeKind.UNCONFIRMED, OutcomeKind.UNAVAILABLE, OutcomeKind.RATE_LIMITED})


def _title(outcome: ChargeOutcome, canceled: bool) -> str:
    kind = outcome.kind
    if kind is OutcomeKind.DECLINED:
        return (
            translate("OutcomeView", "Canceled")
            if canceled
            else translate("OutcomeView", "Declined")
        )
    if kind is OutcomeKind.BUG and outcome.reason == REASON_SERVER_ERROR_NOT_CHARGED:
        # It was sent: Stripe failed on it and proved it took nothing.
        return translate("OutcomeView", "Not charged")
    titles = {
        OutcomeKind.SUCCEEDED: translate("OutcomeView", "Approved"),
        OutcomeKind.PROCESSING: translate("OutcomeView", "Processing"),
        OutcomeKind.REQUIRES_CAPTURE: translate("OutcomeView", "Authorized, not yet captured"),
        OutcomeKind.AUTHENTICATION_REQUIRED: translate("OutcomeView", "Customer must authenticate"),
        OutcomeKind.UNCONFIRMED: translate("OutcomeView", "Checking with Stripe…"),
        OutcomeKind.UNAVAILABLE: translate("OutcomeView", "Stripe can't be reached"),
        OutcomeKind.RATE_LIMITED: translate("OutcomeView", "Stripe is busy"),
        OutcomeKind.CONFIGURATION_PROBLEM: translate("OutcomeView", "Stripe set-up problem"),
        OutcomeKind.BUG: translate("OutcomeView", "Payment not sent"),
    }
    return titles[kind]


def _open_words(kind: OutcomeKind) -> str | None:
    """The body for a payment Stripe may still have when the answer was a refusal to talk:
    it is checked again, never re-sent fresh."""
    if kind is OutcomeKind.UNAVAILABLE:
        return translate(
            "OutcomeView", "The connection to Stripe failed while sending this payment."
        )
    if kind is OutcomeKind.RATE_LIMITED:
        return translate("OutcomeView", "Stripe did not answer about this payment yet.")
    return None


def result_view(
    outcome: ChargeOutcome,
    amount: Money | None,
    locale: str,
    *,
    state: PaymentState | None = None,
    settling: bool = False,
    off_session: bool = False,
) -> ResultView:
    """The words, color and icon for a payment's outcome.

    `state`: the payment's local state, when known; an open state (pending, unconfirmed,
    waiting) means Stripe may still have it, so nothing says "not charged". `settling`: the
    dialog is checking an open payment automatically. `off_session`: the customer is not
    at the counter (saved-card charge), which changes what "authenticate" asks of staff.
    """
    kind = outcome.kind
    tone, icon, charged = _LOOK[kind]
    body, step = outcome_text(outcome.reason), outcome_text(outcome.next_step)
    canceled = outcome.stripe_status == "canceled" or state is PaymentState.CANCELED
    checking = kind is OutcomeKind.UNCONFIRMED
    if _is_open(state, settling) and (open_body := _open_words(kind)) is not None:
        charged, body, step, checking = None, open_body, outcome_text(NEXT_STEP_CHECKING), True
    authenticate_now = kind is OutcomeKind.AUTHENTICATION_REQUIRED and off_session
    if authenticate_now:
        body = sentences(body, translate(
            "OutcomeView",
            "This card needs the customer to approve each payment with their bank, "
            "which cannot happen while they are not here. Nothing was charged.",
        ))
        step += " " + translate(
            "OutcomeView", "If the customer is here, they can confirm it now on this screen."
        )
    generic = kind is OutcomeKind.DECLINED or (
        kind is OutcomeKind.BUG and outcome.reason != REASON_SERVER_ERROR_NOT_CHARGED
    )
    return ResultView(
        tone,
        icon,
        _title(outcome, canceled),
        amount_text(amount, locale, charged=charged),
        body,
        step,
        can_retry=kind in _RETRY,
        can_open_settings=kind is OutcomeKind.CONFIGURATION_PROBLEM,
        settling=checking,
        can_authenticate=authenticate_now,
        details=code_details(outcome_code(outcome)) if generic else "",
    )


def card_entry_view(result: CardEntryResult, locale: str) -> ResultView:
    """Card entry's result: saving a card reads as such; a payment reads as `result_view`
    says, with the card the customer chose to save named after it."""
    outcome = result.outcome
    reason, next_step = outcome_text(outcome.reason), outcome_text(outcome.next_step)
    succeeded = outcome.kind is OutcomeKind.SUCCEEDED
    if result.flow == FLOW_SETUP:
        if succeeded and result.saved_card is not None:
            return ResultView(
                "good",
                "approved",
                translate("OutcomeView", "Card saved"),
                "",
                translate(
                    "OutcomeView", "%1 is saved for future purchases. Nothing was charged."
                ).replace("%1", card_label(result.saved_card)),
                translate("OutcomeView", "It now shows in the customer's saved cards."),
            )
        if succeeded:
            return ResultView(
                "good",
                "approved",
                translate("OutcomeView", "Card saved"),
                "",
                reason,
                translate("OutcomeView", "Nothing was charged."),
            )
        return ResultView(
            "bad", "declined", translate("OutcomeView", "Card not saved"), "", reason, next_step
        )
    view = result_view(outcome, result.amount, locale, state=result.state)
    if succeeded and result.saved_card is not None:
        body = (
            view.body
            + " "
            + translate("OutcomeView", "%1 is saved for future purchases.").replace(
                "%1", card_label(result.saved_card)
            )
        )
        view = ResultView(
            view.tone,
            view.icon,
            view.title,
            view.amount,
            body,
            view.next_step,
            details=view.details,
        )
    return view


# --- errors before or instead of an outcome -----------------------------------------------


def refused_before_sending(exc: BaseException) -> bool:
    """Refused by PosDesk itself (amount, input, no key): nothing reached Stripe."""
    return isinstance(exc, AmountError | InputError | StripeNotConfigured)


def payment_error_view(words: ErrorWords, amount: Money | None, locale: str) -> ResultView:
    """The result panel for a payment that raised instead of answering (see error_words)."""
    if words.denied:
        return ResultView(
            "bad",
            "locked",
            translate("OutcomeView", "Not allowed"),
            amount_text(amount, locale, charged=False),
            words.text,
            translate("OutcomeView", "Ask a manager to take this payment."),
        )
    if words.refused:
        return ResultView(
            "bad",
            "declined",
            translate("OutcomeView", "Not charged"),
            amount_text(amount, locale, charged=False),
            words.text,
            translate("OutcomeView", "Nothing was sent to Stripe."),
            can_open_settings=words.needs_settings,
        )
    return ResultView(
        "bad",
        "declined",
        translate("OutcomeView", "Something went wrong"),
        amount_text(amount, locale, charged=None),
        translate(
            "OutcomeView", "PosDesk could not finish this payment because of an internal error."
        ),
        translate(
            "OutcomeView",
            "Check the customer's recent payments before charging again, and tell a manager.",
        ),
    )


# --- refunds (the refund dialog, the payment's refunds) ---------------------------------------


def refund_state_text(state: RefundState) -> str:
    """A refund's state in the words staff read; one wording each."""
    return outcome_text(REFUND_STATE_WORDS[state])


def refund_reason_text(reason: str | None) -> str:
    """Why the money went back, in words (a reason Stripe set itself shows as it is)."""
    if not reason:
        return ""
    try:
        return outcome_text(REFUND_REASON_WORDS[RefundReason(reason)])
    except ValueError:
        return reason.replace("_", " ")


def refund_result_view(result: RefundResult, locale: str) -> ResultView:
    """The words, color and icon for the answer to a refund."""
    state = result.state
    amount = amount_words(result.amount, locale)
    left = (
        translate("OutcomeView", "Left to refund on this payment: %1.").replace(
            "%1", amount_words(result.left, locale))
        if result.left is not None else ""
    )
    reason = outcome_text(result.reason) if result.reason else ""
    if state is RefundState.SUCCEEDED:
        return ResultView(
            "good", "approved", translate("OutcomeView", "Refunded"),
            translate("OutcomeView", "%1 refunded").replace("%1", amount),
            translate("OutcomeView", "The money goes back to the card the customer paid with."),
            left)
    if state in (RefundState.PENDING, RefundState.REQUIRES_ACTION):
        return ResultView(
            "warn", "waiting", translate("OutcomeView", "Refund pending"),
            translate("OutcomeView", "%1 refund pending").replace("%1", amount),
            translate("OutcomeView", "Stripe has the refund and finishes it later (for "
                                     "example once the Stripe balance covers it)."),
            translate("OutcomeView", "The payment shows when it is done. Do not refund "
                                     "again."))
    if state.needs_settling:
        return ResultView(
            "warn", "waiting", translate("OutcomeView", "Checking with Stripe…"), amount,
            reason or outcome_text(REFUND_NOT_CONFIRMED),
            translate("OutcomeView", "The payment shows the refund once Stripe answers."),
            settling=True)
    if state is RefundState.REFUSED:
        return ResultView(
            "bad", "declined", translate("OutcomeView", "Not refunded"),
            translate("OutcomeView", "%1 not refunded").replace("%1", amount),
            reason, left)
    return ResultView(
        "bad", "declined", translate("OutcomeView", "Refund failed"),
        translate("OutcomeView", "%1 not refunded").replace("%1", amount),
        refund_state_text(state), left)


def refund_error_view(words: ErrorWords, amount: Money | None, locale: str) -> ResultView:
    """The result panel for a refund that raised instead of answering (see error_words)."""
    not_refunded = (
        translate("OutcomeView", "%1 not refunded").replace("%1", amount_words(amount, locale))
        if amount is not None else ""
    )
    if words.denied:
        return ResultView("bad", "locked", translate("OutcomeView", "Not allowed"),
                          not_refunded, words.text,
                          translate("OutcomeView", "Ask a manager to make this refund."))
    if words.refused:
        return ResultView("bad", "declined", translate("OutcomeView", "Not refunded"),
                          not_refunded, words.text,
                          translate("OutcomeView", "Nothing was sent to Stripe."),
                          can_open_settings=words.needs_settings)
    return ResultView(
        "bad", "declined", translate("OutcomeView", "Something went wrong"),
        amount_words(amount, locale) if amount is not None else "",
        translate("OutcomeView",
                  "PosDesk could not finish this refund because of an internal error."),
        translate("OutcomeView",
                  "Check the payment's refunds before refunding again, and tell a manager."))


# --- authorisations: capture later, release ----------------------------------------------------


def release_reason_words() -> dict[str, str]:
    """Why an authorization is released, as staff choose it (Stripe's cancellation reasons)."""
    return {
        "requested_by_customer": translate("OutcomeView", "The customer asked"),
        "abandoned": translate("OutcomeView", "The sale did not happen"),
        "duplicate": translate("OutcomeView", "Authorized twice by mistake"),
        "fraudulent": translate("OutcomeView", "Suspected fraud"),
    }


def time_left_text(left: timedelta) -> str:
    """How long an authorization has before it lapses, in days and hours."""
    seconds = int(left.total_seconds())
    if seconds <= 0:
        return translate("OutcomeView", "Lapsed")
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    if days:
        return translate("OutcomeView", "%1 d %2 h left").replace("%1", str(days)).replace(
            "%2", str(hours))
    if hours:
        return translate("OutcomeView", "%1 h left").replace("%1", str(hours))
    return translate("OutcomeView", "%1 min left").replace("%1", str(max(1, rest // 60)))


def capture_result_view(result: CaptureResult, locale: str) -> ResultView:
    """The words, color and icon for the answer to a capture or a release."""
    authorised = amount_words(result.authorised, locale)
    reason = outcome_text(result.reason) if result.reason else ""
    if result.kind is CaptureKind.CAPTURED and result.captured is not None:
        captured = amount_words(result.captured, locale)
        rest = Money(result.authorised.amount - result.captured.amount,
                     result.authorised.currency)
        released = (translate("OutcomeView", "The rest, %1, was released on the card.")
                    .replace("%1", amount_words(rest, locale)) if rest.amount > 0 else "")
        return ResultView(
            "good", "approved", translate("OutcomeView", "Captured"),
            translate("OutcomeView", "%1 captured").replace("%1", captured),
            translate("OutcomeView", "The money is taken from the card that was authorized."),
            released)
    if result.kind is CaptureKind.RELEASED:
        return ResultView(
            "good", "approved", translate("OutcomeView", "Authorization released"),
            translate("OutcomeView", "%1 released").replace("%1", authorised),
            translate("OutcomeView", "Nothing was taken: the hold on the card is released."),
            "")
    if result.kind is CaptureKind.UNCONFIRMED:
        return ResultView(
            "warn", "waiting", translate("OutcomeView", "Checking with Stripe…"), authorised,
            reason, translate("OutcomeView", "Press Check again; nothing is taken twice."),
            can_retry=True, settling=True, details=code_details(result.code))
    return ResultView(
        "bad", "declined", translate("OutcomeView", "Stripe refused"), authorised, reason,
        translate("OutcomeView", "The payment shows what Stripe says it is now."),
        details=code_details(result.code))


def capture_error_view(words: ErrorWords, amount: Money | None, locale: str) -> ResultView:
    """The result panel for a capture or release that raised instead of answering."""
    shown = amount_words(amount, locale) if amount is not None else ""
    if words.denied:
        return ResultView("bad", "locked", translate("OutcomeView", "Not allowed"), shown,
                          words.text,
                          translate("OutcomeView", "Ask a manager to capture or release it."))
    if words.refused:
        return ResultView("bad", "declined", translate("OutcomeView", "Nothing changed"),
                          shown, words.text,
                          translate("OutcomeView", "Nothing was sent to Stripe."),
                          can_open_settings=words.needs_settings)
    return ResultView(
        "bad", "declined", translate("OutcomeView", "Something went wrong"), shown,
        translate("OutcomeView", "PosDesk could not finish this because of an internal "
                                 "error."),
        translate("OutcomeView", "Open the payment again before trying again, and tell a "
                                 "manager."))
