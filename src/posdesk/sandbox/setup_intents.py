"""SetupIntents: save a card for later (off-session) use, with 3D Secure where the card asks."""

from __future__ import annotations

import contextlib
from typing import Any

from . import cards, payment_methods
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
from .params import ANY, BOOL, LIST_SPEC, LIST_STR, META, STR, enum, validate
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


def create(ctx: Context, raw: dict[str, Any]) -> dict[str, Any]:
    require_secret(ctx)
    p = validate(raw, CREATE_SPEC)
    check_payment_method_data(p)
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
    check_payment_method_data(p)
    si = ctx.get("setup_intent", si_id)
    check_client_secret(ctx, si, p.get("client_secret"))
    if si["status"] not in ("requires_payment_method", "requires_confirmation", "requires_action"):
        raise invalid(
            f"You cannot confirm this SetupIntent because it has a status of {si['status']}.",
            code="setup_intent_unexpected_state",
        )
    pm = payment_method_from(ctx, p, si.get("payment_method"))
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
        _decline(ctx, si, pm, profile, previous)
    if cards.needs_auth_for_setup(profile):
        require_action(ctx, si, previous, return_url, use_stripe_sdk)
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


def _decline(
    ctx: Context,
    si: dict[str, Any],
    pm: dict[str, Any],
    profile: cards.CardProfile,
    previous: dict[str, Any],
) -> None:
    """Record the card's decline on the setup and raise it (no charge: nothing was paid)."""
    code = profile.code or "card_declined"
    message = cards.DECLINE_MESSAGES.get(profile.decline_code or code, "Your card was declined.")
    card_error(ctx, si, pm, code, profile.decline_code, message, previous)


def complete_challenge(ctx: Context, si: dict[str, Any]) -> dict[str, Any]:
    if si["status"] != "requires_action":
        raise unexpected_state(f"This SetupIntent has no pending authentication ({si['status']}).")
    pm = ctx.get("payment_method", si["payment_method"])
    profile = payment_methods.profile_of(ctx, pm)
    if profile.behaviour == cards.AUTH_THEN_DECLINE:
        with contextlib.suppress(SandboxError):
            _decline(ctx, si, pm, profile, {})
        return si
    _succeed(ctx, si, pm, {})
    return si


def fail_challenge(ctx: Context, si: dict[str, Any]) -> dict[str, Any]:
    if si["status"] != "requires_action":
        raise unexpected_state(f"This SetupIntent has no pending authentication ({si['status']}).")
    fall_back(
        ctx,
        si,
        "setup_intent_authentication_failure",
        "The latest attempt to set up the payment method has failed because authentication failed.",
    )
    return si


def retrieve(ctx: Context, raw: dict[str, Any], si_id: str) -> dict[str, Any]:
    p = validate(raw, {"client_secret": STR, "expand": LIST_STR})
    si = ctx.get("setup_intent", si_id)
    check_client_secret(ctx, si, p.get("client_secret"))
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
