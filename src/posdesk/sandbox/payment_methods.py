"""Card payment methods built from test card numbers; attach, detach, list."""

from __future__ import annotations

import copy
from typing import Any

from . import cards
from .context import Context, expand, merge_metadata, paginate, require_secret
from .errors import SandboxError, invalid, no_such
from .lookups import live_customer
from .params import INT, LIST_STR, META, PAGE_SPEC, STR, Schema, enum
from .state import new_id

ADDRESS = {
    "city": STR,
    "country": STR,
    "line1": STR,
    "line2": STR,
    "postal_code": STR,
    "state": STR,
}
BILLING = {"name": STR, "email": STR, "phone": STR, "address": ADDRESS}
REDISPLAY = enum("always", "limited", "unspecified")
# What `payment_method_data[...]` on a confirm may carry: a new card, as on create. Raw card
# details are what Stripe.js sends with a publishable key (see routes.STRIPE_JS_ONLY).
PAYMENT_METHOD_DATA = {
    "type": enum("card"),
    "card": {"number": STR, "exp_month": INT, "exp_year": INT, "cvc": STR},
    "billing_details": BILLING,
    "metadata": META,
    "allow_redisplay": REDISPLAY,
}
CREATE = Schema({**PAYMENT_METHOD_DATA, "expand": LIST_STR}, required=("type",))
RETRIEVE = Schema({"expand": LIST_STR})
UPDATE = Schema(
    {
        "metadata": META,
        "billing_details": BILLING,
        "card": {"exp_month": INT, "exp_year": INT},
        "expand": LIST_STR,
    }
)
ATTACH = Schema({"customer": STR, "expand": LIST_STR}, required=("customer",))
DETACH = Schema({"expand": LIST_STR})
# Stripe's payment method lists take no `created` filter.
_LIST = {**PAGE_SPEC, "type": enum("card"), "allow_redisplay": REDISPLAY}
LIST = Schema({**_LIST, "customer": STR})
LIST_FOR_CUSTOMER = Schema(_LIST)


def card_error(
    ctx: Context,
    code: str,
    message: str,
    *,
    param: str | None = None,
    decline_code: str | None = None,
    extra: dict[str, Any] | None = None,
) -> SandboxError:
    return SandboxError(
        402, "card_error", message, code=code, param=param, decline_code=decline_code, extra=extra
    )


def build(
    ctx: Context,
    profile: cards.CardProfile,
    exp_month: int,
    exp_year: int,
    *,
    cvc_given: bool = True,
    billing: dict[str, Any] | None = None,
    metadata: dict[str, str] | None = None,
    created: int | None = None,
) -> dict[str, Any]:
    """Create and store a payment method; the number itself stays in `state.card_numbers`."""
    billing = billing or {}
    address = {k: None for k in ADDRESS}
    address.update(billing.get("address") or {})
    cvc_check = ("fail" if profile.behaviour == cards.CVC_FAIL else "pass") if cvc_given else None
    pm = {
        "id": new_id("pm"),
        "object": "payment_method",
        "allow_redisplay": "unspecified",
        "billing_details": {
            "address": address,
            "email": billing.get("email"),
            "name": billing.get("name"),
            "phone": billing.get("phone"),
        },
        "card": {
            "brand": profile.brand,
            "checks": {
                "address_line1_check": None,
                "address_postal_code_check": None,
                "cvc_check": cvc_check,
            },
            "country": profile.country,
            "display_brand": profile.brand,
            "exp_month": exp_month,
            "exp_year": exp_year,
            "fingerprint": profile.fingerprint,
            "funding": profile.funding,
            "generated_from": None,
            "last4": profile.last4,
            "networks": {"available": [profile.brand], "preferred": None},
            "three_d_secure_usage": {"supported": True},
            "wallet": None,
        },
        "created": ctx.now() if created is None else created,
        "customer": None,
        "livemode": False,
        "metadata": metadata or {},
        "type": "card",
    }
    ctx.state.add("payment_method", pm)
    ctx.state.card_numbers[pm["id"]] = profile.number
    return pm


def profile_of(ctx: Context, pm: dict[str, Any]) -> cards.CardProfile:
    number = ctx.state.card_numbers.get(pm["id"], "4242424242424242")
    return cards.profile_for(number) or cards.TABLE["4242424242424242"]


# What Stripe answers when a detached payment method is used to pay or attached again.
MESSAGE_DETACHED = (
    "The provided PaymentMethod was previously used with a PaymentIntent without Customer "
    "attachment, shared with a connected account without Customer attachment, or was "
    "detached from a Customer. It may not be used again. To use a PaymentMethod multiple "
    "times, you must attach it to a Customer first."
)


def resolve(ctx: Context, pm_id: Any, param: str = "payment_method") -> dict[str, Any]:
    """A payment method about to be used (to pay, to attach); a `pm_card_*` test id
    materialises a fresh one each time. Detachment is permanent, as at Stripe."""
    if not isinstance(pm_id, str):
        raise invalid(f"Invalid string: {str(pm_id)[:100]}", param)
    number = cards.test_pm_number(pm_id)
    if number is not None:
        profile = cards.TABLE[number]
        year = ctx.state.now() // 31_556_952 + 1970 + 3
        return build(ctx, profile, 12, year)
    pm = ctx.state.get("payment_method", pm_id)
    if pm is None:
        raise no_such("PaymentMethod", pm_id, param)
    if pm_id in ctx.state.detached:
        raise invalid(MESSAGE_DETACHED, param)
    return pm


def create(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    return expand(ctx, create_validated(ctx, p), p.get("expand"))


def check_payment_method_data(data: dict[str, Any]) -> dict[str, Any]:
    """`payment_method_data[...]` on a confirm (its names and values are already checked):
    it needs a type, as a create does."""
    if data.get("type") in (None, ""):
        raise invalid(
            "Missing required param: payment_method_data[type].",
            "payment_method_data[type]",
            "parameter_missing",
        )
    return data


def create_validated(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    card = p.get("card")
    if not card:
        raise missing_card()
    for key in ("number", "exp_month", "exp_year"):
        if card.get(key) in (None, ""):
            raise invalid(
                f"Missing required param: card[{key}].", f"card[{key}]", "parameter_missing"
            )
    number = "".join(ch for ch in card["number"] if not ch.isspace())
    profile = cards.profile_for(number)
    if profile is None:
        raise card_error(ctx, "incorrect_number", "Your card number is incorrect.", param="number")
    month, year = card["exp_month"], card["exp_year"]
    if year < 100:
        year += 2000
    if not 1 <= month <= 12:
        raise card_error(
            ctx,
            "invalid_expiry_month",
            "Your card's expiration month is invalid.",
            param="exp_month",
        )
    now_year = ctx.state.now() // 31_556_952 + 1970
    if year < now_year or year > now_year + 50:
        raise card_error(
            ctx, "invalid_expiry_year", "Your card's expiration year is invalid.", param="exp_year"
        )
    cvc = card.get("cvc")
    if cvc is not None and not (cvc.isdigit() and len(cvc) in (3, 4)):
        raise card_error(ctx, "invalid_cvc", "Your card's security code is invalid.", param="cvc")
    pm = build(
        ctx,
        profile,
        month,
        year,
        cvc_given=cvc is not None,
        billing=p.get("billing_details"),
        metadata=p.get("metadata"),
    )
    if p.get("allow_redisplay"):
        pm["allow_redisplay"] = p["allow_redisplay"]
    return pm


def missing_card() -> SandboxError:
    return invalid("Missing required param: card.", "card", "parameter_missing")


def retrieve(ctx: Context, p: dict[str, Any], pm_id: str) -> dict[str, Any]:
    require_secret(ctx)
    return expand(ctx, ctx.get("payment_method", pm_id), p.get("expand"))


def update(ctx: Context, p: dict[str, Any], pm_id: str) -> dict[str, Any]:
    require_secret(ctx)
    pm = ctx.get("payment_method", pm_id)
    previous: dict[str, Any] = {}
    if "metadata" in p:
        merge_metadata(pm, p["metadata"], previous)
    if p.get("card"):
        previous["card"] = dict(pm["card"])
        pm["card"].update({k: v for k, v in p["card"].items() if v is not None})
    if p.get("billing_details"):
        previous["billing_details"] = copy.deepcopy(pm["billing_details"])
        _update_billing(pm["billing_details"], p["billing_details"])
    if previous:
        ctx.state.dirty = True
        ctx.emit("payment_method.updated", pm, previous)
    return expand(ctx, pm, p.get("expand"))


def _update_billing(details: dict[str, Any], changes: dict[str, Any]) -> None:
    for key, value in changes.items():
        if key != "address":
            details[key] = value or None
        elif value is None:  # `address=` clears it
            details["address"] = {k: None for k in ADDRESS}
        else:
            details["address"].update({k: v or None for k, v in value.items()})


def check_attachable(ctx: Context, pm: dict[str, Any], customer_id: str) -> None:
    """Raise what Stripe answers when this card cannot be saved for the customer."""
    if pm.get("customer") is not None and pm["customer"] != customer_id:
        raise invalid(
            "The payment method you provided has already been attached to a customer.",
            "payment_method",
        )
    profile = profile_of(ctx, pm)
    if profile.behaviour == cards.DECLINE:
        # A card that declines everything already fails when it is saved.
        message = cards.DECLINE_MESSAGES.get(profile.decline_code or "", "Your card was declined.")
        raise card_error(
            ctx,
            profile.code or "card_declined",
            message,
            decline_code=profile.decline_code,
            extra={"payment_method": pm},
        )


def attach_to(ctx: Context, pm: dict[str, Any], customer: dict[str, Any]) -> None:
    check_attachable(ctx, pm, customer["id"])
    if pm.get("customer") == customer["id"]:
        return
    pm["customer"] = customer["id"]
    ctx.state.dirty = True
    ctx.emit("payment_method.attached", pm, {"customer": None})


def attach(ctx: Context, p: dict[str, Any], pm_id: str) -> dict[str, Any]:
    require_secret(ctx)
    customer = live_customer(ctx, p["customer"])
    pm = resolve(ctx, pm_id, "payment_method")
    attach_to(ctx, pm, customer)
    return expand(ctx, pm, p.get("expand"))


def detach(ctx: Context, p: dict[str, Any], pm_id: str) -> dict[str, Any]:
    require_secret(ctx)
    pm = ctx.get("payment_method", pm_id)
    customer_id = pm.get("customer")
    if customer_id is None:
        raise invalid(
            "The payment method you provided is not attached to a customer so detachment is "
            "impossible.",
            "payment_method",
        )
    pm["customer"] = None
    customer = ctx.state.get("customer", customer_id)
    if customer and (customer.get("invoice_settings") or {}).get("default_payment_method") == pm_id:
        old = dict(customer["invoice_settings"])
        customer["invoice_settings"]["default_payment_method"] = None
        ctx.emit("customer.updated", customer, {"invoice_settings": old})
    ctx.state.set_up_for_off_session.discard(pm_id)
    ctx.state.detached.add(pm_id)
    ctx.state.dirty = True
    ctx.emit("payment_method.detached", pm, {"customer": customer_id})
    return expand(ctx, pm, p.get("expand"))


def list_(ctx: Context, p: dict[str, Any], customer_id: str | None = None) -> dict[str, Any]:
    require_secret(ctx)
    cid = customer_id or p.get("customer")
    url = f"/v1/customers/{cid}/payment_methods" if customer_id else "/v1/payment_methods"
    if cid is not None:
        live_customer(ctx, cid, "customer")
    rows = (pm for pm in ctx.state.newest_first("payment_method") if pm.get("customer") == cid)
    if cid is None:
        rows = iter(())  # Stripe lists only a customer's saved methods here
    if "allow_redisplay" in p:
        rows = (pm for pm in rows if pm["allow_redisplay"] == p["allow_redisplay"])
    return expand(ctx, paginate(ctx, rows, p, url, "payment_method"), p.get("expand"))
