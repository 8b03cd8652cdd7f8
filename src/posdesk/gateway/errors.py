"""Turning Stripe's exceptions into outcomes the app understands.

Every `stripe` error class lands in exactly one `OutcomeKind`, with one exception that keeps
money safe: a connection error on a charge is UNAVAILABLE (nothing charged, no settling) only
when the connection to Stripe never opened (`never_sent`), and UNCONFIRMED otherwise.
Messages shown or stored come from our own wording; Stripe's text only goes to the log and is
redacted first, because some of it (an invalid key, for one) echoes part of the key.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import stripe
from urllib3.exceptions import ConnectTimeoutError

from posdesk.domain.messages import Text, text
from posdesk.domain.outcomes import (
    DEFAULT_WORDING,
    NEXT_STEP_REFRESH_OTHER_CARD,
    REASON_BUG,
    REASON_BUSY,
    REASON_CARD_NOT_USABLE,
    REASON_CONFIG_BAD_KEY,
    REASON_CONFIG_PERMISSION,
    REASON_RATE_LIMITED,
    REASON_SERVER_ERROR,
    REASON_UNAVAILABLE,
    REASON_UNREACHABLE,
    REASON_WITH_NEXT_STEP,
    ChargeOutcome,
    OutcomeKind,
    decline_wording,
)
from posdesk.domain.refunds import (
    NOT_CONFIRMED,
    STRIPE_ALREADY_REFUNDED,
    STRIPE_BUSY,
    STRIPE_CONFIGURATION,
    STRIPE_MORE_THAN_LEFT,
    STRIPE_NOT_REACHED,
    STRIPE_REFUSED,
    RefundAnswer,
    RefundAnswerKind,
)

log = logging.getLogger(__name__)

# Same shapes as services.log_redaction (which sits above this layer): keys, webhook
# secrets, client secrets.
_SECRET_SHAPES = re.compile(
    r"(?:sk|rk|pk)_(?:test|live)_[A-Za-z0-9_*]*|whsec_[A-Za-z0-9+/=_]+"
    r"|(?:pi|seti)_[A-Za-z0-9]+_secret_[A-Za-z0-9]+"
)

REASON_MISSING_OBJECT = text(
    "gateway.reason.missing_object", "Stripe does not know this card or customer any more."
)
NEXT_STEP_REFRESH = text(
    "gateway.next.refresh", "Open the customer again to refresh the saved cards, then try again."
)


# The code an outcome carries when Stripe answered that the key was used with other
# parameters (Stripe's error has only the type `idempotency_error`).
IDEMPOTENCY_ERROR = "idempotency_error"
# The codes an outcome carries when Stripe answered a money-moving request with a server
# error (5xx). Stripe saves that answer for the idempotency key once the request began
# executing, and replays it (`Idempotent-Replayed: true`) to every retry with the key.
SERVER_ERROR = "server_error"
SERVER_ERROR_REPLAYED = "server_error_replayed"
SERVER_ERRORS = frozenset({SERVER_ERROR, SERVER_ERROR_REPLAYED})
# The code an outcome carries when the request never left this computer: no connection to
# Stripe could be opened, so Stripe cannot have acted on it.
NOT_SENT = "not_sent"


def redact(text: str | None) -> str:
    return _SECRET_SHAPES.sub("[REDACTED]", text or "")


class GatewayError(Exception):
    """A Stripe call that moves no money failed. `message` is safe to show and to log."""

    def __init__(self, kind: OutcomeKind, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.code = code

    @property
    def retryable(self) -> bool:
        return self.kind in (OutcomeKind.UNAVAILABLE, OutcomeKind.RATE_LIMITED)


def error_body(exc: stripe.StripeError) -> dict[str, Any]:
    body = exc.json_body if isinstance(exc.json_body, dict) else {}
    error = body.get("error")
    return error if isinstance(error, dict) else {}


def _log(exc: stripe.StripeError, what: str) -> None:
    detail = redact(exc.user_message or str(exc))
    if isinstance(exc, stripe.APIConnectionError):
        # stripe-python's text is a paragraph asking to write to Stripe's support; the
        # causes say in one line what happened, and whether the request can have arrived.
        detail = " <- ".join(type(e).__name__ for e in causes(exc)[1:]) or "no cause given"
        detail += "; never sent" if never_sent(exc) else "; may have reached Stripe"
    log.warning(
        "Stripe %s failed: %s (status %s, code %s, request %s): %s",
        what,
        type(exc).__name__,
        exc.http_status,
        exc.code,
        exc.request_id,
        detail,
    )


def outcome_for_charge_error(exc: stripe.StripeError) -> ChargeOutcome:
    """The outcome of a money-moving POST that raised. A lost or server-side-failed answer is
    UNCONFIRMED: Stripe may have acted, so the payment must be settled, never sent afresh."""
    _log(exc, "charge")
    error = error_body(exc)
    code = error.get("code") or exc.code
    if isinstance(exc, stripe.IdempotencyError):
        # Proof that Stripe has seen this key before: callers must not treat it as "refused".
        code = code or IDEMPOTENCY_ERROR
    decline_code = error.get("decline_code")
    intent = error.get("payment_intent") if isinstance(error.get("payment_intent"), dict) else {}
    intent_id = intent.get("id")
    status = intent.get("status")
    if isinstance(exc, stripe.CardError):
        wording = decline_wording(code, decline_code)
        kind = (
            OutcomeKind.AUTHENTICATION_REQUIRED
            if "authentication_required" in (code, decline_code)
            else OutcomeKind.DECLINED
        )
        return ChargeOutcome.of(
            kind,
            reason=wording.reason,
            next_step=wording.next_step,
            intent_id=intent_id,
            stripe_status=status,
            code=code,
            decline_code=decline_code,
            livemode=bool(intent.get("livemode", False)),
        )
    if isinstance(exc, stripe.APIConnectionError):
        if never_sent(exc):
            # Refused, no route, name not resolved: provably not charged, nothing to settle.
            return ChargeOutcome.of(OutcomeKind.UNAVAILABLE, code=NOT_SENT)
        # Lost after sending (reset, dropped, read timeout): Stripe may have acted.
        return ChargeOutcome.of(OutcomeKind.UNCONFIRMED, code=code)
    if (exc.http_status or 0) >= 500:
        replayed = _header(exc, "Idempotent-Replayed") == "true"
        return ChargeOutcome.of(
            OutcomeKind.UNCONFIRMED,
            reason=REASON_SERVER_ERROR,
            code=SERVER_ERROR_REPLAYED if replayed else SERVER_ERROR,
            intent_id=intent_id,
        )
    kind, reason, next_step = _classify(exc, code)
    if kind is OutcomeKind.UNAVAILABLE:
        # 409 (a concurrent request with the key) on a POST: Stripe calls it indeterminate.
        return ChargeOutcome.of(OutcomeKind.UNCONFIRMED, code=code, intent_id=intent_id)
    return ChargeOutcome.of(
        kind, reason=reason, next_step=next_step, code=code, intent_id=intent_id,
        stripe_status=status,
    )


def never_sent(exc: BaseException) -> bool:
    """Whether a failed request provably never reached Stripe.

    stripe-python raises APIConnectionError `from` the HTTP library's exception; the chain
    below it tells where the request failed. urllib3 raises ConnectTimeoutError (and its
    subclasses NewConnectionError, NameResolutionError: refused, no route, DNS) only while
    opening the connection, before a byte of the request is written. Anything else (reset,
    dropped, read timeout, a TLS error that may come mid-answer) leaves it ambiguous: False.
    """
    return any(isinstance(error, ConnectTimeoutError) for error in causes(exc))


def causes(exc: BaseException) -> list[BaseException]:
    """`exc` and every exception below it, outermost first: the `from` chain, and what
    requests and urllib3 keep inside (requests: MaxRetryError in args[0]; MaxRetryError:
    the cause in `reason`)."""
    found: list[BaseException] = []
    pending: list[BaseException] = [exc]
    while pending:
        error = pending.pop(0)
        if any(error is seen for seen in found):
            continue
        found.append(error)
        linked = [error.__cause__, error.__context__, getattr(error, "reason", None),
                  *error.args]
        pending.extend(e for e in linked if isinstance(e, BaseException))
    return found


def _header(exc: stripe.StripeError, name: str) -> str | None:
    for key, value in (exc.headers or {}).items():
        if key.lower() == name.lower():
            return str(value).lower()
    return None


def outcome_for_read_error(exc: stripe.StripeError) -> ChargeOutcome:
    """The outcome of a GET about a payment: nothing moved, so failures are just retryable."""
    _log(exc, "payment lookup")
    code = error_body(exc).get("code") or exc.code
    kind, reason, next_step = _classify(exc, code)
    return ChargeOutcome.of(kind, reason=reason, next_step=next_step, code=code)


# A call that moves no money says nothing about charging.
_NO_MONEY_REASONS = {REASON_UNAVAILABLE: REASON_UNREACHABLE, REASON_RATE_LIMITED: REASON_BUSY}


def gateway_error(exc: stripe.StripeError, what: str) -> GatewayError:
    """A safe exception for a call that moves no money (listing, creating a customer, ...)."""
    _log(exc, what)
    code = error_body(exc).get("code") or exc.code
    kind, reason, next_step = _classify(exc, code)
    reason = _NO_MONEY_REASONS.get(reason, reason)
    return GatewayError(kind, REASON_WITH_NEXT_STEP(reason=reason, next_step=next_step), code=code)


def _classify(exc: stripe.StripeError, code: str | None) -> tuple[OutcomeKind, str, str]:
    """Kind and wording for everything that is not a card error."""
    def wording(kind: OutcomeKind, reason: str | None = None) -> tuple[OutcomeKind, str, str]:
        default_reason, next_step = DEFAULT_WORDING[kind]
        return kind, reason or default_reason, next_step

    if isinstance(exc, stripe.APIConnectionError):
        return wording(OutcomeKind.UNAVAILABLE, REASON_UNAVAILABLE)
    if isinstance(exc, stripe.RateLimitError):
        return wording(OutcomeKind.RATE_LIMITED, REASON_RATE_LIMITED)
    if isinstance(exc, stripe.AuthenticationError):
        return wording(OutcomeKind.CONFIGURATION_PROBLEM, REASON_CONFIG_BAD_KEY)
    if isinstance(exc, stripe.PermissionError):
        return wording(OutcomeKind.CONFIGURATION_PROBLEM, REASON_CONFIG_PERMISSION)
    if isinstance(exc, stripe.IdempotencyError):
        return wording(OutcomeKind.BUG, REASON_BUG)
    if isinstance(exc, stripe.InvalidRequestError):
        if code == "resource_missing":
            return OutcomeKind.BUG, REASON_MISSING_OBJECT, NEXT_STEP_REFRESH
        if error_body(exc).get("param") == "payment_method":
            return OutcomeKind.BUG, REASON_CARD_NOT_USABLE, NEXT_STEP_REFRESH_OTHER_CARD
        return wording(OutcomeKind.BUG, REASON_BUG)
    if isinstance(exc, stripe.CardError):
        wording_ = decline_wording(code, error_body(exc).get("decline_code"))
        return OutcomeKind.DECLINED, wording_.reason, wording_.next_step
    if isinstance(exc, stripe.APIError):
        return wording(OutcomeKind.UNAVAILABLE, REASON_UNAVAILABLE)
    return wording(OutcomeKind.BUG, REASON_BUG)


# Stripe's codes for a refund of more than is left on the charge.
_REFUND_TOO_LARGE = frozenset({"amount_too_large", "refund_amount_too_large"})


def answer_for_refund_error(exc: stripe.StripeError) -> RefundAnswer:
    """What a refund create that raised says. As for a charge, a lost or server-side-failed
    answer is UNCONFIRMED (Stripe may have made the refund: settle it, never send afresh);
    a request Stripe refused before running it made no refund (REFUSED, in words)."""
    _log(exc, "refund")
    error = error_body(exc)
    code = error.get("code") or exc.code

    def refused(reason: Text, code_: str | None = code) -> RefundAnswer:
        return RefundAnswer(RefundAnswerKind.REFUSED, reason=reason, code=code_)

    def unconfirmed(code_: str | None) -> RefundAnswer:
        return RefundAnswer(RefundAnswerKind.UNCONFIRMED, reason=NOT_CONFIRMED, code=code_)

    if isinstance(exc, stripe.APIConnectionError):
        if never_sent(exc):
            return refused(STRIPE_NOT_REACHED, NOT_SENT)
        return unconfirmed(code)
    if (exc.http_status or 0) >= 500:
        replayed = _header(exc, "Idempotent-Replayed") == "true"
        return unconfirmed(SERVER_ERROR_REPLAYED if replayed else SERVER_ERROR)
    if isinstance(exc, stripe.IdempotencyError):
        # The key was used with other parameters: the request did reach Stripe once.
        return unconfirmed(code or IDEMPOTENCY_ERROR)
    if isinstance(exc, stripe.RateLimitError):
        return refused(STRIPE_BUSY)
    if isinstance(exc, stripe.AuthenticationError | stripe.PermissionError):
        return refused(STRIPE_CONFIGURATION)
    if isinstance(exc, stripe.InvalidRequestError):
        if (exc.http_status or 0) == 409:
            # A concurrent request with the same key: Stripe calls it indeterminate.
            return unconfirmed(code)
        if code == "charge_already_refunded":
            return refused(STRIPE_ALREADY_REFUNDED)
        if code in _REFUND_TOO_LARGE or error.get("param") == "amount":
            return refused(STRIPE_MORE_THAN_LEFT)
        return refused(STRIPE_REFUSED)
    # Anything else (a 409 for a concurrent request with the key arrives as APIError): what
    # Stripe did is not known, so it is never read as "not refunded".
    return unconfirmed(code)


@dataclass(frozen=True, slots=True)
class IntentAnswer:
    """What a money-moving request on an existing intent (capture, release) came to."""

    intent: dict[str, Any] | None  # the intent as Stripe answered it
    code: str | None = None  # Stripe's error code, when it refused
    stripe_message: str | None = None  # Stripe's own sentence (secrets redacted), for the log
    lost: bool = False  # no answer (or a server error): Stripe may have acted
    reason: Text | None = None  # words for a refusal that is not about the intent's state


def answer_for_intent_error(exc: stripe.StripeError, what: str) -> IntentAnswer:
    """What a capture or release that raised says (gateway.client.IntentAnswer). As for a
    charge, a lost or server-side-failed answer is `lost`: Stripe may have acted, so the
    intent is read again, never sent afresh with a new key."""
    _log(exc, what)
    error = error_body(exc)
    code = error.get("code") or exc.code
    message = redact(error.get("message"))[:300] or None
    intent = error.get("payment_intent") if isinstance(error.get("payment_intent"), dict) else None
    if isinstance(exc, stripe.APIConnectionError):
        if never_sent(exc):
            return IntentAnswer(None, code=NOT_SENT, reason=REASON_UNAVAILABLE)
        return IntentAnswer(None, code=code, lost=True)
    if (exc.http_status or 0) >= 500 or (exc.http_status or 0) == 409:
        return IntentAnswer(None, code=code or SERVER_ERROR, lost=True)
    if isinstance(exc, stripe.IdempotencyError):
        # The key was used before (with other parameters): the intent says what happened.
        return IntentAnswer(None, code=code or IDEMPOTENCY_ERROR, lost=True)
    _kind, reason, next_step = _classify(exc, code)
    return IntentAnswer(intent, code=code, stripe_message=message,
                        reason=REASON_WITH_NEXT_STEP(reason=reason, next_step=next_step))
