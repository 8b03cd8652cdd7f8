"""Daily automatic payouts, shaped as Stripe's `payout` object (docs.stripe.com/api/payouts):
`po_…`, `amount`, `arrival_date`, `automatic: true`, `balance_transaction`, `created`,
`currency`, `status`, `method: standard`, `reconciliation_status: completed`.

Stripe pays an account's available balance out on its schedule; the sandbox makes that day's
payout when told (`POST /_sandbox/payouts/run {"now"}`, optional `now` in Unix seconds,
default the sandbox's clock): per currency, every balance transaction already available at
`now` (`available_on <= now`) and not yet paid out goes into one payout, whose own `payout`
balance transaction takes the sum of their nets out of the balance. Nothing available, or a
sum that is not positive: no payout. The payout arrives at 00:00 UTC the day after `now`
(`arrival_date`) and reads `in_transit` until then, `paid` after.
`GET /v1/balance_transactions?payout=po_…` lists what one payout paid out, as Stripe's
payout reconciliation does for automatic payouts.
"""

from __future__ import annotations

from typing import Any

from . import balance
from .context import Context, created_matches, expand, paginate, require_secret
from .params import INT, LIST_SPEC, LIST_STR, STR, IntOrHash, Schema, enum
from .state import new_id

RANGE = {"gt": INT, "gte": INT, "lt": INT, "lte": INT}
RETRIEVE = Schema({"expand": LIST_STR})
LIST = Schema({
    **LIST_SPEC,
    "arrival_date": IntOrHash(RANGE),
    "status": enum("pending", "paid", "failed", "canceled"),
    "destination": STR,
})


def refresh_status(ctx: Context, payout: dict[str, Any]) -> dict[str, Any]:
    payout["status"] = "paid" if payout["arrival_date"] <= ctx.now() else "in_transit"
    return payout


def run_daily(ctx: Context, now: int | None = None) -> list[dict[str, Any]]:
    """Pay out what is available at `now`: one payout per currency; the payouts made."""
    at = ctx.now() if now is None else int(now)
    due: dict[str, list[dict[str, Any]]] = {}
    for txn in reversed(ctx.state.newest_first("balance_transaction")):  # oldest first
        if txn["type"] == "payout" or txn["id"] in ctx.state.paid_out_in:
            continue
        if txn["available_on"] <= at:
            due.setdefault(txn["currency"], []).append(txn)
    made = []
    for currency, txns in sorted(due.items()):
        total = sum(t["net"] for t in txns)
        if total <= 0:
            continue
        payout_id = new_id("po")
        txn = balance.new_transaction(
            ctx, type_="payout", source=payout_id, amount=-total, currency=currency,
            description="STRIPE PAYOUT", available=at)
        txn["created"] = at
        payout = {
            "id": payout_id,
            "object": "payout",
            "amount": total,
            "application_fee": None,
            "application_fee_amount": None,
            "arrival_date": (at // balance.DAY_S + 1) * balance.DAY_S,
            "automatic": True,
            "balance_transaction": txn["id"],
            "created": at,
            "currency": currency,
            "description": "STRIPE PAYOUT",
            "destination": "ba_sandbox_bank_account",
            "failure_balance_transaction": None,
            "failure_code": None,
            "failure_message": None,
            "livemode": False,
            "metadata": {},
            "method": "standard",
            "original_payout": None,
            "reconciliation_status": "completed",
            "reversed_by": None,
            "source_type": "card",
            "statement_descriptor": None,
            "status": "in_transit",
            "type": "bank_account",
        }
        refresh_status(ctx, payout)
        for paid in txns:
            ctx.state.paid_out_in[paid["id"]] = payout_id
        ctx.state.paid_out_in[txn["id"]] = payout_id
        ctx.state.add("payout", payout)
        ctx.emit("payout.created", payout)
        ctx.emit("payout.reconciliation_completed", payout)
        made.append(payout)
    return made


def retrieve(ctx: Context, p: dict[str, Any], payout_id: str) -> dict[str, Any]:
    require_secret(ctx)
    return expand(ctx, refresh_status(ctx, ctx.get("payout", payout_id)), p.get("expand"))


def list_(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    require_secret(ctx)
    rows = [refresh_status(ctx, po) for po in ctx.state.newest_first("payout")]
    if "status" in p:
        rows = [po for po in rows if po["status"] == p["status"]]
    if "destination" in p:
        rows = [po for po in rows if po["destination"] == p["destination"]]
    if "arrival_date" in p:
        rows = [po for po in rows if created_matches(po["arrival_date"], p["arrival_date"])]
    return expand(ctx, paginate(ctx, rows, p, "/v1/payouts", "payout"), p.get("expand"))
