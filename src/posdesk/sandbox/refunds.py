"""Refunds of captured charges: full or partial, never more than what was captured."""

from __future__ import annotations

from typing import Any

from . import balance
from .context import Context, expand, merge_metadata, paginate, require_secret
from .errors import invalid
from .params import INT, LIST_SPEC, LIST_STR, META, STR, Schema, enum
from .state import new_id

CREATE = Schema(
    {
        "payment_intent": STR,
        "charge": STR,
        "amount": INT,
        "reason": enum("duplicate", "fraudulent", "requested_by_customer"),
        "metadata": META,
        "expand": LIST_STR,
    }
)
RETRIEVE = Schema({"expand": LIST_STR})
UPDATE = Schema({"metadata": META, "expand": LIST_STR})
LIST = Schema({**LIST_SPEC, "payment_intent": STR, "charge": STR})


def create(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    require_secret(ctx)
    if "charge" in p:
        charge = ctx.get("charge", p["charge"], "charge")
        if "payment_intent" in p and charge.get("payment_intent") != p["payment_intent"]:
            raise invalid("The charge does not belong to the given payment_intent.", "charge")
    elif "payment_intent" in p:
        pi = ctx.get("payment_intent", p["payment_intent"], "payment_intent")
        if pi["status"] != "succeeded" or not pi.get("latest_charge"):
            raise invalid(
                f"This PaymentIntent ({pi['id']}) does not have a successful charge to refund.",
                "payment_intent",
                "charge_not_refundable" if pi.get("latest_charge") else "resource_missing",
            )
        charge = ctx.get("charge", pi["latest_charge"], "payment_intent")
    else:
        raise invalid(
            "One of the following params should be provided for this request: payment_intent or "
            "charge.",
            code="parameter_missing",
        )
    if charge["status"] != "succeeded" or not charge["captured"]:
        raise invalid(
            f"Charge {charge['id']} has not been captured and cannot be refunded; cancel the "
            "PaymentIntent to release it instead.",
            "charge",
            "charge_not_refundable",
        )
    left = charge["amount_captured"] - charge["amount_refunded"]
    if left <= 0:
        raise invalid(
            f"Charge {charge['id']} has already been refunded.", "charge", "charge_already_refunded"
        )
    amount = p.get("amount", left)
    if amount <= 0:
        raise invalid("Invalid positive integer", "amount", "parameter_invalid_integer")
    if amount > left:
        raise invalid(
            f"Refund amount ({amount} {charge['currency']}) is greater than unrefunded amount on "
            f"charge ({left} {charge['currency']})",
            "amount",
            "amount_too_large",
        )
    refund = {
        "id": new_id("re"),
        "object": "refund",
        "amount": amount,
        "balance_transaction": None,  # set below (balance.py)
        "charge": charge["id"],
        "created": ctx.now(),
        "currency": charge["currency"],
        "metadata": p.get("metadata") or {},
        "payment_intent": charge.get("payment_intent"),
        "reason": p.get("reason"),
        "receipt_number": None,
        "status": "succeeded",
    }
    if ctx.state.refunds_pending_next > 0:
        ctx.state.refunds_pending_next -= 1
        refund["status"] = "pending"
    # The money leaves the balance when the refund is made, pending or not.
    refund["balance_transaction"] = balance.for_refund(ctx, refund)
    ctx.state.add("refund", refund)
    ctx.emit("refund.created", refund)
    previous = {
        "amount_refunded": charge["amount_refunded"],
        "refunded": charge["refunded"],
    }
    charge["amount_refunded"] += amount
    charge["refunded"] = charge["amount_refunded"] >= charge["amount_captured"]
    charge["refunds"]["data"].insert(0, refund["id"])
    ctx.state.dirty = True
    ctx.emit("charge.refunded", charge, previous)
    return expand(ctx, refund, p.get("expand"))


def retrieve(ctx: Context, p: dict[str, Any], refund_id: str) -> dict[str, Any]:
    require_secret(ctx)
    return expand(ctx, ctx.get("refund", refund_id), p.get("expand"))


def update(ctx: Context, p: dict[str, Any], refund_id: str) -> dict[str, Any]:
    require_secret(ctx)
    refund = ctx.get("refund", refund_id)
    previous: dict[str, Any] = {}
    if "metadata" in p:
        merge_metadata(refund, p["metadata"], previous)
    if previous:
        ctx.state.dirty = True
        ctx.emit("refund.updated", refund, previous)
    return expand(ctx, refund, p.get("expand"))


def list_(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    require_secret(ctx)
    rows = ctx.state.newest_first("refund")
    for key in ("payment_intent", "charge"):
        if key in p:
            rows = [r for r in rows if r.get(key) == p[key]]
    return expand(ctx, paginate(ctx, rows, p, "/v1/refunds", "refund"), p.get("expand"))


def settle(ctx: Context, refund_id: str, *, succeed: bool) -> dict[str, Any]:
    """Steering: a pending refund succeeds, or fails (its money stays with the merchant: the
    charge's refunded amount goes down again), with the events Stripe sends for it."""
    refund = ctx.get("refund", refund_id)
    if refund["status"] != "pending":
        raise invalid(f"Refund {refund_id} is {refund['status']}, not pending.", "refund")
    previous = {"status": refund["status"]}
    if succeed:
        refund["status"] = "succeeded"
        ctx.state.dirty = True
        ctx.emit("refund.updated", refund, previous)
        return refund
    refund["status"] = "failed"
    refund["failure_reason"] = "unknown"
    refund["failure_balance_transaction"] = balance.for_refund_failure(ctx, refund)
    charge = ctx.get("charge", refund["charge"], "charge")
    charge["amount_refunded"] = max(0, charge["amount_refunded"] - refund["amount"])
    charge["refunded"] = charge["amount_refunded"] >= charge["amount_captured"]
    ctx.state.dirty = True
    ctx.emit("refund.updated", refund, previous)
    ctx.emit("refund.failed", refund, previous)
    return refund
