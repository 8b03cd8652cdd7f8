"""PaymentIntents: create, confirm (with the card table's behaviour), 3D Secure, capture,
cancel, update, retrieve and list."""

from __future__ import annotations

import contextlib
from typing import Any

from . import balance, cards, charges, method_types, payment_methods, tokens
from .confirmation import (
    card_error,
    check_client_secret,
    check_payment_method_data,
    fall_back,
    payment_method_from,
    require_action,
)
from .confirmation import set_fields as _set
from .context import Context, expand, merge_metadata, paginate, require_secret
from .errors import SandboxError, invalid, unexpected_state
from .lookups import live_customer
from .money import check_amount, check_currency
from .params import ANY, BOOL, INT, LIST_SPEC, LIST_STR, META, STR, Schema, enum
from .state import new_id, token

OFF_SESSION = ANY  # `true`/`false` or `one_off`/`recurring`
# The one payment method option the sandbox implements: a re-collected CVC for a saved card.
PAYMENT_METHOD_OPTIONS = {"card": {"cvc_token": STR}}
SETUP_FUTURE_USAGE = enum("off_session", "on_session", "")
CAPTURE_METHOD = enum("automatic", "automatic_async", "manual")
# What create and update share: the intent's own fields.
COMMON = {
    "amount": INT,
    "currency": STR,
    "customer": STR,
    "payment_method": STR,
    "setup_future_usage": SETUP_FUTURE_USAGE,
    "capture_method": CAPTURE_METHOD,
    "allowed_payment_method_types": LIST_STR,
    "metadata": META,
    "description": STR,
    "receipt_email": STR,
    "statement_descriptor": STR,
    "statement_descriptor_suffix": STR,
    "expand": LIST_STR,
}
RULES: dict[str, Any] = {"refused": method_types.REFUSED, "exclusive": method_types.EXCLUSIVE}
CREATE = Schema(
    {
        **COMMON,
        "payment_method_options": PAYMENT_METHOD_OPTIONS,
        "confirm": BOOL,
        "off_session": OFF_SESSION,
        "return_url": STR,
        "confirmation_method": enum("automatic", "manual"),
        "automatic_payment_methods": method_types.AUTOMATIC,
        "use_stripe_sdk": BOOL,
    },
    required=("amount", "currency"),
    **RULES,
)
UPDATE = Schema(COMMON, **RULES)
CONFIRM = Schema(
    {
        "payment_method": STR,
        "payment_method_data": payment_methods.PAYMENT_METHOD_DATA,
        "off_session": OFF_SESSION,
        "return_url": STR,
        "client_secret": STR,
        "setup_future_usage": SETUP_FUTURE_USAGE,
        "capture_method": CAPTURE_METHOD,
        "receipt_email": STR,
        "payment_method_options": PAYMENT_METHOD_OPTIONS,
        "allowed_payment_method_types": LIST_STR,
        "use_stripe_sdk": BOOL,
        "expand": LIST_STR,
    },
    **RULES,
)
CAPTURE = Schema(
    {
        "amount_to_capture": INT,
        "metadata": META,
        "statement_descriptor_suffix": STR,
        "expand": LIST_STR,
    }
)
CANCEL = Schema(
    {
        "cancellation_reason": enum(
            "duplicate", "fraudulent", "requested_by_customer", "abandoned"
        ),
        "expand": LIST_STR,
    }
)
RETRIEVE = Schema({"client_secret": STR, "expand": LIST_STR})
LIST = Schema({**LIST_SPEC, "customer": STR})

CONFIRMABLE = ("requires_payment_method", "requires_confirmation", "requires_action")
UPDATABLE = ("requires_payment_method", "requires_confirmation", "requires_action")
# What Stripe still lets change once the payment went through (or is held for capture).
AFTER_PAYMENT = frozenset({"receipt_email", "description", "metadata", "expand"})
# Statuses on which setting receipt_email has Stripe send its receipt at once.
RECEIPTED = ("succeeded",)
CANCELABLE = (
    "requires_payment_method",
    "requires_capture",
    "requires_confirmation",
    "requires_action",
)


def _off_session(value: Any) -> bool:
    if value is None:
        return False
    if value in ("true", "one_off", "recurring"):
        return True
    if value == "false":
        return False
    raise invalid(f"Invalid off_session: {str(value)[:50]}", "off_session")


def create(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    require_secret(ctx)
    currency = check_currency(p["currency"])
    check_amount(p["amount"], currency)
    confirm = p.get("confirm", False)
    off_session = _off_session(p.get("off_session"))
    if "off_session" in p and not confirm:
        raise invalid("You can only pass off_session when confirm is set to true.", "off_session")
    if "return_url" in p and not confirm:
        raise invalid("You can only pass return_url when confirm is set to true.", "return_url")
    customer_id = p.get("customer")
    if customer_id is not None:
        live_customer(ctx, customer_id)
    if p.get("setup_future_usage") and not customer_id:
        # Stripe allows it without a customer, but nothing could be saved; keep it simple.
        pass
    types = method_types.computed(p.get("allowed_payment_method_types"))
    automatic = method_types.automatic(p.get("automatic_payment_methods"))
    pm = payment_method_from(ctx, p, check=lambda pm: _check_pm_customer(pm, customer_id))
    pi_id = new_id("pi")
    pi = {
        "id": pi_id,
        "object": "payment_intent",
        "amount": p["amount"],
        "amount_capturable": 0,
        "amount_received": 0,
        "automatic_payment_methods": automatic,
        "canceled_at": None,
        "cancellation_reason": None,
        "capture_method": p.get("capture_method", "automatic_async"),
        "client_secret": f"{pi_id}_secret_{token(25)}",
        "confirmation_method": p.get("confirmation_method", "automatic"),
        "created": ctx.now(),
        "currency": currency,
        "customer": customer_id,
        "description": p.get("description"),
        "last_payment_error": None,
        "latest_charge": None,
        "livemode": False,
        "metadata": p.get("metadata") or {},
        "next_action": None,
        "payment_method": pm["id"] if pm else None,
        "payment_method_options": {"card": {"request_three_d_secure": "automatic"}},
        "payment_method_types": types,
        "processing": None,
        "receipt_email": p.get("receipt_email"),
        "setup_future_usage": p.get("setup_future_usage") or None,
        "statement_descriptor": p.get("statement_descriptor"),
        "statement_descriptor_suffix": p.get("statement_descriptor_suffix"),
        "status": "requires_confirmation" if pm else "requires_payment_method",
    }
    if confirm:
        tokens.consume_cvc_token(ctx, p.get("payment_method_options"))
    ctx.state.add("payment_intent", pi)
    ctx.emit("payment_intent.created", pi)
    if confirm:
        _confirm(ctx, pi, pm, off_session, p.get("return_url"), p.get("use_stripe_sdk", False))
    return expand(ctx, pi, p.get("expand"))


def _check_pm_customer(pm: dict[str, Any], customer_id: str | None) -> None:
    owner = pm.get("customer")
    if owner is not None and owner != customer_id:
        raise invalid(
            f"The provided PaymentMethod belongs to a different Customer ({owner}). Please "
            "include that Customer in the `customer` parameter on the PaymentIntent.",
            "payment_method",
        )


def confirm(ctx: Context, p: dict[str, Any], pi_id: str) -> dict[str, Any]:
    check_payment_method_data(p)
    pi = expire_action(ctx, ctx.get("payment_intent", pi_id))
    check_client_secret(ctx, pi, p.get("client_secret"))
    if pi["status"] not in CONFIRMABLE:
        raise unexpected_state(
            f"You cannot confirm this PaymentIntent because it has a status of {pi['status']}. "
            "Only a PaymentIntent with one of the following statuses may be confirmed: "
            "requires_confirmation, requires_action, requires_payment_method."
        )
    previous: dict[str, Any] = {}
    for key in ("setup_future_usage", "receipt_email", "capture_method"):
        if key in p:
            _set(pi, previous, **{key: p[key] or None})
    if "allowed_payment_method_types" in p:
        types = method_types.computed(p["allowed_payment_method_types"])
        _set(pi, previous, payment_method_types=types)
    pm = payment_method_from(
        ctx,
        p,
        pi.get("payment_method"),
        check=lambda pm: _check_pm_customer(pm, pi.get("customer")),
    )
    if pm is not None:
        tokens.consume_cvc_token(ctx, p.get("payment_method_options"))
    _confirm(
        ctx,
        pi,
        pm,
        _off_session(p.get("off_session")),
        p.get("return_url"),
        p.get("use_stripe_sdk", False),
    )
    return expand(ctx, pi, p.get("expand"))


def _confirm(
    ctx: Context,
    pi: dict[str, Any],
    pm: dict[str, Any] | None,
    off_session: bool,
    return_url: str | None,
    use_stripe_sdk: bool = False,
) -> None:
    if pm is None:
        raise unexpected_state(
            "You cannot confirm this PaymentIntent because it's missing a payment method. You "
            "can either update the PaymentIntent with a payment method and then confirm it "
            "again, or confirm it again directly with a payment method."
        )
    previous: dict[str, Any] = {}
    _set(pi, previous, payment_method=pm["id"], last_payment_error=None, next_action=None)
    profile = payment_methods.profile_of(ctx, pm)
    set_up = pm["id"] in ctx.state.set_up_for_off_session
    if cards.needs_auth_for_payment(profile, off_session, set_up):
        if off_session:
            _fail(ctx, pi, pm, "authentication_required", "authentication_required", previous)
        # Remembered so an authentication left open can lapse (expire_action).
        ctx.state.action_since[pi["id"]] = ctx.now()
        require_action(ctx, pi, previous, return_url, use_stripe_sdk)
        return
    _settle(ctx, pi, pm, previous, authenticated=False, off_session=off_session)


def _settle(
    ctx: Context,
    pi: dict[str, Any],
    pm: dict[str, Any],
    previous: dict[str, Any],
    *,
    authenticated: bool,
    off_session: bool = False,
) -> None:
    """Charge the card (authentication, if needed, is done). `off_session`: a
    merchant-initiated payment, which decides how long an authorisation stays valid."""
    profile = payment_methods.profile_of(ctx, pm)
    declines = profile.behaviour in (cards.DECLINE, cards.CHARGE_FAILS, cards.AUTH_THEN_DECLINE)
    if declines:
        _fail(ctx, pi, pm, profile.code or "card_declined", profile.decline_code, previous)
    manual = pi["capture_method"] == "manual"
    charge = charges.new_charge(ctx, pi, pm, captured=not manual,
                                merchant_initiated=off_session)
    _set(pi, previous, latest_charge=charge["id"], next_action=None)
    if manual:
        _set(pi, previous, status="requires_capture", amount_capturable=pi["amount"])
        ctx.emit("payment_intent.amount_capturable_updated", pi, previous)
    else:
        _set(pi, previous, status="succeeded", amount_received=pi["amount"])
        ctx.emit("payment_intent.succeeded", pi, previous)
    ctx.state.dirty = True
    _after_success(ctx, pi, pm, authenticated)


def _after_success(
    ctx: Context, pi: dict[str, Any], pm: dict[str, Any], authenticated: bool
) -> None:
    if pi.get("setup_future_usage") and pi.get("customer"):
        customer = ctx.state.get("customer", pi["customer"])
        if customer is not None and not customer.get("deleted") and pm.get("customer") is None:
            pm["customer"] = customer["id"]
            ctx.emit("payment_method.attached", pm, {"customer": None})
        if pi["setup_future_usage"] == "off_session":
            ctx.state.set_up_for_off_session.add(pm["id"])


def _fail(
    ctx: Context,
    pi: dict[str, Any],
    pm: dict[str, Any],
    code: str,
    decline_code: str | None,
    previous: dict[str, Any],
) -> None:
    """Record a declined attempt and raise Stripe's 402 card error for it."""
    message = cards.DECLINE_MESSAGES.get(decline_code or code, "Your card was declined.")
    if code == "authentication_required":
        message = cards.DECLINE_MESSAGES["authentication_required"]
    charge = charges.new_charge(ctx, pi, pm, failure=(code, message, decline_code))
    card_error(ctx, pi, pm, code, decline_code, message, previous, charge["id"])


ACTION_WINDOW_S = 3600


def lapse_authorisation(ctx: Context, pi: dict[str, Any]) -> dict[str, Any]:
    """An authorisation not captured by its charge's `capture_before` lapses, as Stripe
    documents (docs.stripe.com/payments/place-a-hold-on-a-payment-method): the funds are
    released and the intent is canceled (cancellation_reason "automatic")."""
    if pi["status"] != "requires_capture" or not pi.get("latest_charge"):
        return pi
    charge = ctx.get("charge", pi["latest_charge"])
    before = ((charge.get("payment_method_details") or {}).get("card") or {}).get(
        "capture_before")
    if before is None or ctx.now() < before:
        return pi
    charge.update(refunded=True, amount_refunded=charge["amount"])
    previous: dict[str, Any] = {}
    _set(pi, previous, status="canceled", canceled_at=ctx.now(),
         cancellation_reason="automatic", amount_capturable=0)
    ctx.state.dirty = True
    ctx.emit("payment_intent.canceled", pi, previous)
    return pi


def age_authorisation(ctx: Context, pi: dict[str, Any], seconds: int) -> dict[str, Any]:
    """Control: bring an authorisation's `capture_before` `seconds` closer (tests and the
    demo), then let it lapse if that time has come."""
    if pi["status"] != "requires_capture" or not pi.get("latest_charge"):
        raise unexpected_state(
            f"This PaymentIntent has no authorisation to age (status {pi['status']}).")
    card = ctx.get("charge", pi["latest_charge"])["payment_method_details"]["card"]
    card["capture_before"] = int(card["capture_before"]) - int(seconds)
    ctx.state.dirty = True
    return lapse_authorisation(ctx, pi)


def expire_action(ctx: Context, pi: dict[str, Any]) -> dict[str, Any]:
    """An authentication left open for an hour falls back to requires_payment_method; an
    authorisation past its charge's `capture_before` lapses (lapse_authorisation)."""
    lapse_authorisation(ctx, pi)
    since = ctx.state.action_since.get(pi["id"])
    if pi["status"] != "requires_action" or since is None:
        return pi
    if ctx.now() - since < ACTION_WINDOW_S:
        return pi
    del ctx.state.action_since[pi["id"]]
    fall_back(
        ctx,
        pi,
        "payment_intent_authentication_failure",
        "The PaymentIntent was not confirmed within an hour of requiring authentication. "
        "Confirm it again with a payment method.",
    )
    return pi


def _require_pending_challenge(ctx: Context, pi: dict[str, Any]) -> None:
    expire_action(ctx, pi)
    if pi["status"] != "requires_action":
        raise unexpected_state(
            f"This PaymentIntent has no pending authentication (status {pi['status']})."
        )


def complete_challenge(ctx: Context, pi: dict[str, Any]) -> dict[str, Any]:
    _require_pending_challenge(ctx, pi)
    pm = ctx.get("payment_method", pi["payment_method"])
    # A decline after authentication is recorded on the intent, not raised to the caller.
    with contextlib.suppress(SandboxError):
        _settle(ctx, pi, pm, {}, authenticated=True)
    return pi


def fail_challenge(ctx: Context, pi: dict[str, Any]) -> dict[str, Any]:
    _require_pending_challenge(ctx, pi)
    fall_back(
        ctx,
        pi,
        "payment_intent_authentication_failure",
        "The provided PaymentMethod has failed authentication. You can provide "
        "payment_method_data or a new PaymentMethod to attempt to fulfill this "
        "PaymentIntent again.",
        "https://stripe.com/docs/error-codes/payment-intent-authentication-failure",
    )
    return pi


def retrieve(ctx: Context, p: dict[str, Any], pi_id: str) -> dict[str, Any]:
    pi = expire_action(ctx, ctx.get("payment_intent", pi_id))
    check_client_secret(ctx, pi, p.get("client_secret"))
    return expand(ctx, pi, p.get("expand"))


def update(ctx: Context, p: dict[str, Any], pi_id: str) -> dict[str, Any]:
    require_secret(ctx)
    pi = expire_action(ctx, ctx.get("payment_intent", pi_id))
    if pi["status"] not in UPDATABLE and not set(p) <= AFTER_PAYMENT:
        raise unexpected_state(
            f"You cannot update this PaymentIntent because it has a status of {pi['status']}."
        )
    previous: dict[str, Any] = {}
    currency = check_currency(p["currency"]) if "currency" in p else pi["currency"]
    if "amount" in p or "currency" in p:
        check_amount(p.get("amount", pi["amount"]), currency)
    if "customer" in p and p["customer"]:
        live_customer(ctx, p["customer"])
    if p.get("payment_method"):
        pm = payment_methods.resolve(ctx, p["payment_method"])
        _check_pm_customer(pm, p.get("customer", pi.get("customer")))
        _set(pi, previous, payment_method=pm["id"], status="requires_confirmation")
    for key in (
        "amount",
        "customer",
        "description",
        "receipt_email",
        "setup_future_usage",
        "statement_descriptor",
        "statement_descriptor_suffix",
        "capture_method",
    ):
        if key in p:
            _set(pi, previous, **{key: p[key] if p[key] != "" else None})
    if "allowed_payment_method_types" in p:
        types = method_types.computed(p["allowed_payment_method_types"])
        _set(pi, previous, payment_method_types=types)
    if "currency" in p:
        _set(pi, previous, currency=currency)
    if "metadata" in p:
        merge_metadata(pi, p["metadata"], previous)
    if p.get("receipt_email") and pi["status"] in RECEIPTED:
        # Stripe emails its receipt when the address is set on a payment that went
        # through; the sandbox keeps what it would have sent (GET /_sandbox/receipts).
        _send_receipt(ctx, pi)
    ctx.state.dirty = True
    return expand(ctx, pi, p.get("expand"))


def _send_receipt(ctx: Context, pi: dict[str, Any]) -> None:
    charge = ctx.state.get("charge", pi["latest_charge"]) if pi.get("latest_charge") else None
    card = ((charge or {}).get("payment_method_details") or {}).get("card") or {}
    if charge is not None:
        charge["receipt_email"] = pi["receipt_email"]
    ctx.state.receipts.append({
        "to": pi["receipt_email"],
        "payment_intent": pi["id"],
        "charge": charge["id"] if charge else None,
        "amount": pi.get("amount_received") or pi["amount"],
        "currency": pi["currency"],
        "description": pi.get("description"),
        "card_brand": card.get("brand"),
        "card_last4": card.get("last4"),
        "sent": ctx.state.now(),
    })


def capture(ctx: Context, p: dict[str, Any], pi_id: str) -> dict[str, Any]:
    require_secret(ctx)
    pi = expire_action(ctx, ctx.get("payment_intent", pi_id))
    if pi["status"] != "requires_capture":
        raise unexpected_state(
            f"This PaymentIntent could not be captured because it has a status of {pi['status']}. "
            "Only a PaymentIntent with one of the following statuses may be captured: "
            "requires_capture."
        )
    amount = p.get("amount_to_capture", pi["amount_capturable"])
    if amount > pi["amount_capturable"] or amount < 1:
        raise invalid(
            "The amount_to_capture must be greater than zero and not more than the amount "
            "capturable.",
            "amount_to_capture",
            "amount_too_large" if amount > 0 else "parameter_invalid_integer",
        )
    charge = ctx.get("charge", pi["latest_charge"])
    charge_prev = {
        "amount_captured": charge["amount_captured"],
        "captured": charge["captured"],
        "balance_transaction": None,
    }
    charge.update(amount_captured=amount, captured=True,
                  balance_transaction=balance.for_charge(ctx, charge, amount))
    suffix = p.get("statement_descriptor_suffix")
    if suffix:  # the suffix the statement shows is the one given at capture, if any
        charge_prev["statement_descriptor_suffix"] = charge["statement_descriptor_suffix"]
        charge["statement_descriptor_suffix"] = suffix
    ctx.emit("charge.captured", charge, charge_prev)
    previous: dict[str, Any] = {}
    if "metadata" in p:
        merge_metadata(pi, p["metadata"], previous)
    if suffix:
        _set(pi, previous, statement_descriptor_suffix=suffix)
    _set(pi, previous, status="succeeded", amount_received=amount, amount_capturable=0)
    ctx.state.dirty = True
    ctx.emit("payment_intent.succeeded", pi, previous)
    return expand(ctx, pi, p.get("expand"))


def cancel(ctx: Context, p: dict[str, Any], pi_id: str) -> dict[str, Any]:
    require_secret(ctx)
    pi = expire_action(ctx, ctx.get("payment_intent", pi_id))
    if pi["status"] not in CANCELABLE:
        raise unexpected_state(
            f"You cannot cancel this PaymentIntent because it has a status of {pi['status']}. "
            "Only a PaymentIntent with one of the following statuses may be canceled: "
            "requires_payment_method, requires_capture, requires_confirmation, requires_action, "
            "processing."
        )
    previous: dict[str, Any] = {}
    if pi["status"] == "requires_capture" and pi.get("latest_charge"):
        # Cancelling an authorisation releases it: the uncaptured charge is refunded in full.
        charge = ctx.get("charge", pi["latest_charge"])
        charge.update(refunded=True, amount_refunded=charge["amount"])
    _set(
        pi,
        previous,
        status="canceled",
        canceled_at=ctx.now(),
        cancellation_reason=p.get("cancellation_reason"),
        amount_capturable=0,
        next_action=None,
    )
    ctx.state.dirty = True
    ctx.emit("payment_intent.canceled", pi, previous)
    return expand(ctx, pi, p.get("expand"))


def list_(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    require_secret(ctx)
    rows = [expire_action(ctx, r) for r in ctx.state.newest_first("payment_intent")]
    if "customer" in p:
        rows = [r for r in rows if r.get("customer") == p["customer"]]
    return expand(
        ctx, paginate(ctx, rows, p, "/v1/payment_intents", "payment_intent"), p.get("expand")
    )
