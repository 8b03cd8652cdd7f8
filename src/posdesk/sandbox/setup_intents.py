"""SetupIntents: save a card for later (off-session) use, with 3D Secure where the card asks."""

from __future__ import annotations

import contextlib
import copy
from typing import Any

from . import cards, payment_methods
from .context import PUBLISHABLE, Context, expand, merge_metadata, paginate, require_secret
from .errors import SandboxError, invalid, unexpected_state
from .params import ANY, BOOL, LIST_SPEC, LIST_STR, META, STR, enum, validate
from .payment_intents import _next_action, _set
from .state import new_id, token

CREATE_SPEC = {
    "customer": STR,
    "payment_method_data": ANY,
    "payment_method": STR,
    "usage": enum("off_session", "on_session"),
    "payment_method_types": LIST_STR,
    "metadata": META,
    "description": STR,
    "confirm": BOOL,
    "return_url": STR,
    "automatic_payment_methods": {"enabled": BOOL, "allow_redirects": enum("always", "never")},
    "payment_method_options": ANY,
    "use_stripe_sdk": BOOL,
    "mandate_data": ANY,
    "expand": LIST_STR,
}
CONFIRM_SPEC = {
    "payment_method": STR,
    "payment_method_data": ANY,
    "return_url": STR,
    "client_secret": STR,
    "payment_method_options": ANY,
    "use_stripe_sdk": BOOL,
    "mandate_data": ANY,
    "expand": LIST_STR,
}


def _check_secret(ctx: Context, si: dict[str, Any], given: str | None) -> None:
    if (ctx.key_kind == PUBLISHABLE or given is not None) and given != si["client_secret"]:
        raise invalid(
            "The client_secret provided does not match the client_secret associated with the "
            "SetupIntent.",
            "client_secret",
        )


def create(ctx: Context, raw: dict[str, Any]) -> dict[str, Any]:
    require_secret(ctx)
    p = validate(raw, CREATE_SPEC)
    if p.get("payment_method_data") is not None:
        p["payment_method_data"] = payment_methods.check_payment_method_data(
            p["payment_method_data"]
        )
    if p.get("customer"):
        from .customers import live

        live(ctx, p["customer"])
    pm = None
    if p.get("payment_method_data") is not None:
        pm = payment_methods.create_validated(ctx, p["payment_method_data"])
    elif p.get("payment_method"):
        pm = payment_methods.resolve(ctx, p["payment_method"])
    si_id = new_id("seti")
    si = {
        "id": si_id,
        "object": "setup_intent",
        "cancellation_reason": None,
        "client_secret": f"{si_id}_secret_{token(25)}",
        "created": ctx.now(),
        "customer": p.get("customer"),
        "description": p.get("description"),
        "last_setup_error": None,
        "latest_attempt": None,
        "livemode": False,
        "metadata": p.get("metadata") or {},
        "next_action": None,
        "payment_method": pm["id"] if pm else None,
        "payment_method_types": p.get("payment_method_types") or ["card"],
        "status": "requires_confirmation" if pm else "requires_payment_method",
        "usage": p.get("usage", "off_session"),
    }
    ctx.state.add("setup_intent", si)
    ctx.emit("setup_intent.created", si)
    if p.get("confirm"):
        _confirm(ctx, si, pm, p.get("return_url"), p.get("use_stripe_sdk", False))
    return expand(ctx, si, p.get("expand"))


def confirm(ctx: Context, raw: dict[str, Any], si_id: str) -> dict[str, Any]:
    p = validate(raw, CONFIRM_SPEC)
    if p.get("payment_method_data") is not None:
        p["payment_method_data"] = payment_methods.check_payment_method_data(
            p["payment_method_data"]
        )
    si = ctx.get("setup_intent", si_id)
    _check_secret(ctx, si, p.get("client_secret"))
    if si["status"] not in ("requires_payment_method", "requires_confirmation", "requires_action"):
        raise invalid(
            f"You cannot confirm this SetupIntent because it has a status of {si['status']}.",
            code="setup_intent_unexpected_state",
        )
    pm = None
    if p.get("payment_method_data") is not None:
        if p.get("payment_method"):
            raise invalid(
                "You cannot pass both payment_method and payment_method_data.",
                "payment_method_data",
            )
        pm = payment_methods.create_validated(ctx, p["payment_method_data"])
    elif p.get("payment_method"):
        pm = payment_methods.resolve(ctx, p["payment_method"])
    elif si.get("payment_method"):
        pm = ctx.state.get("payment_method", si["payment_method"])
    _confirm(ctx, si, pm, p.get("return_url"), p.get("use_stripe_sdk", False))
    return expand(ctx, si, p.get("expand"))


def _confirm(
    ctx: Context,
    si: dict[str, Any],
    pm: dict[str, Any] | None,
    return_url: str | None,
    use_stripe_sdk: bool = False,
) -> None:
    if pm is None:
        raise invalid(
            "You cannot confirm this SetupIntent because it's missing a payment method.",
            code="setup_intent_unexpected_state",
        )
    owner = pm.get("customer")
    if owner is not None and owner != si.get("customer"):
        raise invalid(
            "The provided PaymentMethod is attached to a different Customer.", "payment_method"
        )
    previous: dict[str, Any] = {}
    _set(si, previous, payment_method=pm["id"], last_setup_error=None)
    profile = payment_methods.profile_of(ctx, pm)
    if profile.behaviour == cards.DECLINE:
        _fail(ctx, si, pm, profile.code or "card_declined", profile.decline_code, previous)
    if cards.needs_auth_for_setup(profile):
        _set(
            si,
            previous,
            status="requires_action",
            next_action=_next_action(ctx, si["id"], return_url, use_stripe_sdk),
        )
        ctx.state.dirty = True
        ctx.emit("setup_intent.requires_action", si, previous)
        return
    _succeed(ctx, si, pm, previous)


def _succeed(
    ctx: Context, si: dict[str, Any], pm: dict[str, Any], previous: dict[str, Any]
) -> None:
    _set(si, previous, status="succeeded", next_action=None)
    if si.get("customer") and pm.get("customer") is None:
        pm["customer"] = si["customer"]
        ctx.emit("payment_method.attached", pm, {"customer": None})
    if si.get("usage") == "off_session":
        ctx.state.set_up_for_off_session.add(pm["id"])
    ctx.state.dirty = True
    ctx.emit("setup_intent.succeeded", si, previous)


def _fail(
    ctx: Context,
    si: dict[str, Any],
    pm: dict[str, Any],
    code: str,
    decline_code: str | None,
    previous: dict[str, Any],
) -> None:
    message = cards.DECLINE_MESSAGES.get(decline_code or code, "Your card was declined.")
    error = {
        "code": code,
        "decline_code": decline_code,
        "doc_url": "https://stripe.com/docs/error-codes/" + code.replace("_", "-"),
        "message": message,
        "payment_method": copy.deepcopy(pm),
        "type": "card_error",
    }
    _set(
        si,
        previous,
        status="requires_payment_method",
        last_setup_error=error,
        payment_method=None,
        next_action=None,
    )
    ctx.state.dirty = True
    ctx.emit("setup_intent.setup_failed", si, previous)
    raise SandboxError(
        402,
        "card_error",
        message,
        code=code,
        decline_code=decline_code,
        extra={"setup_intent": copy.deepcopy(si), "payment_method": copy.deepcopy(pm)},
    )


def complete_challenge(ctx: Context, si: dict[str, Any]) -> dict[str, Any]:
    if si["status"] != "requires_action":
        raise unexpected_state(f"This SetupIntent has no pending authentication ({si['status']}).")
    pm = ctx.get("payment_method", si["payment_method"])
    profile = payment_methods.profile_of(ctx, pm)
    if profile.behaviour == cards.AUTH_THEN_DECLINE:
        with contextlib.suppress(SandboxError):
            _fail(ctx, si, pm, profile.code or "card_declined", profile.decline_code, {})
        return si
    _succeed(ctx, si, pm, {})
    return si


def fail_challenge(ctx: Context, si: dict[str, Any]) -> dict[str, Any]:
    if si["status"] != "requires_action":
        raise unexpected_state(f"This SetupIntent has no pending authentication ({si['status']}).")
    pm = ctx.state.get("payment_method", si["payment_method"])
    previous: dict[str, Any] = {}
    _set(
        si,
        previous,
        status="requires_payment_method",
        next_action=None,
        payment_method=None,
        last_setup_error={
            "code": "setup_intent_authentication_failure",
            "message": "The latest attempt to set up the payment method has failed because "
            "authentication failed.",
            "payment_method": copy.deepcopy(pm),
            "type": "invalid_request_error",
        },
    )
    ctx.state.dirty = True
    ctx.emit("setup_intent.setup_failed", si, previous)
    return si


def retrieve(ctx: Context, raw: dict[str, Any], si_id: str) -> dict[str, Any]:
    p = validate(raw, {"client_secret": STR, "expand": LIST_STR})
    si = ctx.get("setup_intent", si_id)
    _check_secret(ctx, si, p.get("client_secret"))
    return expand(ctx, si, p.get("expand"))


def update(ctx: Context, raw: dict[str, Any], si_id: str) -> dict[str, Any]:
    require_secret(ctx)
    p = validate(raw, {"metadata": META, "description": STR, "expand": LIST_STR})
    si = ctx.get("setup_intent", si_id)
    previous: dict[str, Any] = {}
    if "metadata" in p:
        merge_metadata(si, p["metadata"], previous)
    if "description" in p:
        _set(si, previous, description=p["description"] or None)
    ctx.state.dirty = True
    return expand(ctx, si, p.get("expand"))


def cancel(ctx: Context, raw: dict[str, Any], si_id: str) -> dict[str, Any]:
    require_secret(ctx)
    p = validate(
        raw,
        {
            "cancellation_reason": enum("abandoned", "duplicate", "requested_by_customer"),
            "expand": LIST_STR,
        },
    )
    si = ctx.get("setup_intent", si_id)
    if si["status"] in ("succeeded", "canceled", "processing"):
        raise invalid(
            f"You cannot cancel this SetupIntent because it has a status of {si['status']}.",
            code="setup_intent_unexpected_state",
        )
    previous: dict[str, Any] = {}
    _set(
        si,
        previous,
        status="canceled",
        cancellation_reason=p.get("cancellation_reason"),
        next_action=None,
    )
    ctx.state.dirty = True
    ctx.emit("setup_intent.canceled", si, previous)
    return expand(ctx, si, p.get("expand"))


def list_(ctx: Context, raw: dict[str, Any]) -> dict[str, Any]:
    require_secret(ctx)
    p = validate(raw, {**LIST_SPEC, "customer": STR, "payment_method": STR})
    rows = ctx.state.newest_first("setup_intent")
    for key in ("customer", "payment_method"):
        if key in p:
            rows = [r for r in rows if r.get(key) == p[key]]
    return expand(ctx, paginate(ctx, rows, p, "/v1/setup_intents", "setup_intent"), p.get("expand"))
