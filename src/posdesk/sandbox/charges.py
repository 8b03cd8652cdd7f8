"""Charge objects: one per payment attempt, succeeded or failed."""

from __future__ import annotations

from typing import Any

from . import balance
from .context import Context, expand, paginate, require_secret
from .params import LIST_SPEC, LIST_STR, STR, Schema
from .state import new_id

# How long an online card authorisation stays valid, in seconds, by network and by whether
# the merchant (off-session) or the customer initiated it, as Stripe documents
# (docs.stripe.com/payments/place-a-hold-on-a-payment-method, card-not-present table):
# Visa 5 days merchant-initiated (exactly 4 days 18 hours) and 7 customer-initiated; the
# other networks 7 days either way.
DAY_S = 24 * 3600
AUTHORISATION_WINDOWS_S: dict[tuple[str, bool], int] = {("visa", True): 4 * DAY_S + 18 * 3600}
DEFAULT_AUTHORISATION_WINDOW_S = 7 * DAY_S


def authorisation_window_s(brand: str | None, merchant_initiated: bool) -> int:
    return AUTHORISATION_WINDOWS_S.get(((brand or "").lower(), merchant_initiated),
                                       DEFAULT_AUTHORISATION_WINDOW_S)


def new_charge(
    ctx: Context,
    pi: dict[str, Any],
    pm: dict[str, Any],
    *,
    failure: tuple[str, str, str | None] | None = None,
    captured: bool = True,
    merchant_initiated: bool = False,
) -> dict[str, Any]:
    """`failure` is (code, message, decline_code) for a declined attempt. An authorisation
    (`captured` False) carries `payment_method_details.card.capture_before`: the card
    network's window for online payments, by who initiated it (AUTHORISATION_WINDOWS_S)."""
    ok = failure is None
    card = pm["card"]
    charge = {
        "id": new_id("ch"),
        "object": "charge",
        "amount": pi["amount"],
        "amount_captured": pi["amount"] if ok and captured else 0,
        "amount_refunded": 0,
        "balance_transaction": None,  # set below once captured (balance.py)
        "billing_details": pm["billing_details"],
        "captured": ok and captured,
        "created": ctx.now(),
        "currency": pi["currency"],
        "customer": pi.get("customer"),
        "description": pi.get("description"),
        "failure_code": failure[0] if failure else None,
        "failure_message": failure[1] if failure else None,
        "livemode": False,
        "metadata": dict(pi.get("metadata") or {}),
        "outcome": {
            "network_status": "approved_by_network" if ok else "declined_by_network",
            "reason": None if ok else (failure[2] or failure[0]),
            "risk_level": "normal",
            "seller_message": "Payment complete." if ok else "The bank did not approve the charge.",
            "type": "authorized" if ok else "issuer_declined",
        },
        "paid": ok,
        "payment_intent": pi["id"],
        "payment_method": pm["id"],
        "payment_method_details": {
            "card": {
                "brand": card["brand"],
                "checks": card["checks"],
                "country": card["country"],
                "exp_month": card["exp_month"],
                "exp_year": card["exp_year"],
                "fingerprint": card["fingerprint"],
                "funding": card["funding"],
                "last4": card["last4"],
                "network": card["brand"],
                "wallet": None,
            },
            "type": "card",
        },
        "receipt_email": pi.get("receipt_email"),
        "refunded": False,
        "refunds": {"object": "list", "data": [], "has_more": False, "url": ""},
        "statement_descriptor_suffix": pi.get("statement_descriptor_suffix"),
        "status": "succeeded" if ok else "failed",
    }
    charge["refunds"]["url"] = f"/v1/charges/{charge['id']}/refunds"
    if ok and captured:
        charge["balance_transaction"] = balance.for_charge(ctx, charge, charge["amount"])
    if ok and not captured:
        charge["payment_method_details"]["card"]["capture_before"] = (
            charge["created"] + authorisation_window_s(card.get("brand"), merchant_initiated))
    ctx.state.add("charge", charge)
    ctx.emit("charge.succeeded" if ok else "charge.failed", charge)
    return charge


RETRIEVE = Schema({"expand": LIST_STR})
LIST = Schema({**LIST_SPEC, "customer": STR, "payment_intent": STR})


def retrieve(ctx: Context, p: dict[str, Any], charge_id: str) -> dict[str, Any]:
    require_secret(ctx)
    return expand(ctx, ctx.get("charge", charge_id), p.get("expand"))


def list_(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    require_secret(ctx)
    rows = ctx.state.newest_first("charge")
    for key in ("customer", "payment_intent"):
        if key in p:
            rows = [c for c in rows if c.get(key) == p[key]]
    return expand(ctx, paginate(ctx, rows, p, "/v1/charges", "charge"), p.get("expand"))
