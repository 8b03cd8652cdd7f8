"""What PaymentIntents and SetupIntents share when confirmed: the client secret check, picking
the payment method, the 3D Secure next action, and recording a failed attempt. What differs
(a payment charges the card, a setup only saves it) stays with each intent."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from . import payment_methods
from .context import PUBLISHABLE, Context
from .errors import SandboxError, invalid
from .state import new_id

# Per intent object: its name in messages, its error field and its failure event.
_KINDS = {
    "payment_intent": ("PaymentIntent", "last_payment_error", "payment_intent.payment_failed"),
    "setup_intent": ("SetupIntent", "last_setup_error", "setup_intent.setup_failed"),
}


def set_fields(obj: dict[str, Any], previous: dict[str, Any], **changes: Any) -> None:
    """Apply changes, remembering each field's first old value for the event's
    previous_attributes."""
    for key, value in changes.items():
        if obj.get(key) != value:
            previous.setdefault(key, copy.deepcopy(obj.get(key)))
            obj[key] = value


def check_client_secret(ctx: Context, intent: dict[str, Any], given: str | None) -> None:
    """A publishable key must show the intent's client secret; a secret key may, and then it
    must match too."""
    if (ctx.key_kind == PUBLISHABLE or given is not None) and given != intent["client_secret"]:
        noun = _KINDS[intent["object"]][0]
        raise invalid(
            "The client_secret provided does not match the client_secret associated with "
            f"the {noun}.",
            "client_secret",
        )


def check_payment_method_data(p: dict[str, Any]) -> None:
    """Normalise `payment_method_data` in validated params, if given."""
    if p.get("payment_method_data") is not None:
        p["payment_method_data"] = payment_methods.check_payment_method_data(
            p["payment_method_data"]
        )


def payment_method_from(
    ctx: Context,
    p: dict[str, Any],
    current: str | None = None,
    check: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any] | None:
    """The payment method a confirm uses: new `payment_method_data`, a given `payment_method`
    (passed to `check`), else the intent's `current` one."""
    if p.get("payment_method_data") is not None:
        if p.get("payment_method"):
            raise invalid(
                "You cannot pass both payment_method and payment_method_data.",
                "payment_method_data",
            )
        return payment_methods.create_validated(ctx, p["payment_method_data"])
    if p.get("payment_method"):
        pm = payment_methods.resolve(ctx, p["payment_method"])
        if check is not None:
            check(pm)
        return pm
    if current:
        return ctx.state.get("payment_method", current)
    return None


def next_action(
    ctx: Context, intent_id: str, return_url: str | None, use_stripe_sdk: bool = False
) -> dict[str, Any]:
    """Stripe.js confirms with `use_stripe_sdk=true` and shows card authentication in the page
    itself; a server-side confirm with a `return_url` gets a redirect instead."""
    url = f"{ctx.base_url}/_sandbox/challenges/{intent_id}"
    if return_url and not use_stripe_sdk:
        # The challenge page sends the customer back to return_url, as the bank's would.
        query = urlencode({"return_url": return_url})
        return {
            "type": "redirect_to_url",
            "redirect_to_url": {"url": f"{url}?{query}", "return_url": return_url},
        }
    return {
        "type": "use_stripe_sdk",
        "use_stripe_sdk": {
            "type": "three_d_secure_redirect",
            "stripe_js": url,
            "source": new_id("src"),
        },
    }


def require_action(
    ctx: Context,
    intent: dict[str, Any],
    previous: dict[str, Any],
    return_url: str | None,
    use_stripe_sdk: bool,
) -> None:
    """Move the intent to requires_action with a 3D Secure challenge as its next action."""
    set_fields(
        intent,
        previous,
        status="requires_action",
        next_action=next_action(ctx, intent["id"], return_url, use_stripe_sdk),
    )
    ctx.state.dirty = True
    ctx.emit(f"{intent['object']}.requires_action", intent, previous)


def fall_back(
    ctx: Context,
    intent: dict[str, Any],
    code: str,
    message: str,
    doc_url: str | None = None,
) -> None:
    """An authentication that failed or lapsed: the intent drops its payment method and goes
    back to requires_payment_method with the reason recorded."""
    _, error_field, event = _KINDS[intent["object"]]
    pm = ctx.state.get("payment_method", intent.get("payment_method") or "")
    error: dict[str, Any] = {"code": code}
    if doc_url is not None:
        error["doc_url"] = doc_url
    error.update(message=message, payment_method=copy.deepcopy(pm), type="invalid_request_error")
    previous: dict[str, Any] = {}
    set_fields(
        intent,
        previous,
        status="requires_payment_method",
        next_action=None,
        payment_method=None,
        **{error_field: error},
    )
    ctx.state.dirty = True
    ctx.emit(event, intent, previous)


def card_error(
    ctx: Context,
    intent: dict[str, Any],
    pm: dict[str, Any],
    code: str,
    decline_code: str | None,
    message: str,
    previous: dict[str, Any],
    charge_id: str | None = None,
) -> None:
    """Record a declined attempt on the intent and raise Stripe's 402 card error for it."""
    _, error_field, event = _KINDS[intent["object"]]
    error: dict[str, Any] = {"charge": charge_id} if charge_id is not None else {}
    error.update(
        code=code,
        decline_code=decline_code,
        doc_url="https://stripe.com/docs/error-codes/" + code.replace("_", "-"),
        message=message,
        payment_method=copy.deepcopy(pm),
        type="card_error",
    )
    changes: dict[str, Any] = {"status": "requires_payment_method", error_field: error}
    if charge_id is not None:
        changes["latest_charge"] = charge_id
    set_fields(intent, previous, **changes, payment_method=None, next_action=None)
    ctx.state.dirty = True
    ctx.emit(event, intent, previous)
    extra: dict[str, Any] = {"charge": charge_id} if charge_id is not None else {}
    extra[intent["object"]] = copy.deepcopy(intent)
    extra["payment_method"] = copy.deepcopy(pm)
    raise SandboxError(
        402, "card_error", message, code=code, decline_code=decline_code, extra=extra
    )
