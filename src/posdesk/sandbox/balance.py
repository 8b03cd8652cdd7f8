"""Balance transactions: what each charge, refund and payout does to the account's balance,
with the sandbox's documented fee model. Shaped as Stripe's `balance_transaction` object
(docs.stripe.com/api/balance_transactions/object): `amount` (gross; negative when money
leaves), `fee`, `fee_details`, `net` (amount - fee), `currency`, `created`, `available_on`,
`status` (`pending` until `available_on`, then `available`), `reporting_category`,
`source` (ch_…, re_…, po_…) and `type`.

The fee model (the sandbox's; real fees depend on the account's country and pricing plan):

- A card charge, when it is captured (at once, or by a later capture of all or part of an
  authorisation): 2.9% of the captured amount rounded half up to the minor unit, plus 30
  minor units (no fixed part for zero-decimal currencies such as JPY), one `stripe_fee`
  entry in `fee_details`: Stripe's US standard price for domestic cards (stripe.com/pricing,
  "2.9% + 30¢ per successful transaction"); rounding half up is the sandbox's choice.
  `POST /_sandbox/fees {"percent_bp", "fixed", "refund_fixed"}` changes it for later
  transactions.
- A refund: a `refund` transaction of minus the refunded amount and, by default, no fee of
  its own. As at Stripe (docs.stripe.com/refunds: a refund "might incur a fee"; the fee of
  the original payment is not returned), the charge's fee stays where it was. A non-zero
  `refund_fixed` adds a fixed fee to each refund for testing that case.
- A refund that later fails gives the money back: a `refund_failure` transaction of plus
  the amount (the refund's `failure_balance_transaction`).
- A payout (payouts.py): a `payout` transaction of minus the amount paid out, no fee.

Funds become available two days after the transaction, at 00:00 UTC of that day
(`available_on`); daily automatic payouts (payouts.py) sweep what is available.
"""

from __future__ import annotations

from typing import Any

from .context import Context, expand, paginate, require_secret
from .money import ZERO_DECIMAL
from .params import LIST_SPEC, LIST_STR, STR, Schema
from .state import new_id

DAY_S = 24 * 3600
AVAILABLE_AFTER_DAYS = 2

RETRIEVE = Schema({"expand": LIST_STR})
LIST = Schema({**LIST_SPEC, "payout": STR, "source": STR, "type": STR, "currency": STR})


def card_fee(amount: int, currency: str, fees: dict[str, int]) -> int:
    """The fee of a card charge of `amount` minor units: percentage rounded half up, plus
    the fixed part (none for zero-decimal currencies)."""
    percent = (amount * fees["percent_bp"] + 5000) // 10000
    fixed = 0 if currency.lower() in ZERO_DECIMAL else fees["fixed"]
    return percent + fixed


def available_on(created: int) -> int:
    """00:00 UTC, AVAILABLE_AFTER_DAYS days after the day of `created`."""
    return (created // DAY_S + AVAILABLE_AFTER_DAYS) * DAY_S


def refresh_status(ctx: Context, txn: dict[str, Any]) -> dict[str, Any]:
    """A transaction's status as of the sandbox's clock."""
    txn["status"] = "available" if txn["available_on"] <= ctx.now() else "pending"
    return txn


def new_transaction(
    ctx: Context,
    *,
    type_: str,
    source: str,
    amount: int,
    currency: str,
    fee: int = 0,
    description: str | None = None,
    reporting_category: str | None = None,
    available: int | None = None,
) -> dict[str, Any]:
    created = ctx.now()
    fee_details = (
        [{"amount": fee, "application": None, "currency": currency,
          "description": "Stripe processing fees", "type": "stripe_fee"}]
        if fee else []
    )
    txn = {
        "id": new_id("txn"),
        "object": "balance_transaction",
        "amount": amount,
        "available_on": available if available is not None else available_on(created),
        "balance_type": "payments",
        "created": created,
        "currency": currency,
        "description": description,
        "exchange_rate": None,
        "fee": fee,
        "fee_details": fee_details,
        "net": amount - fee,
        "reporting_category": reporting_category or type_,
        "source": source,
        "status": "pending",
        "type": type_,
    }
    refresh_status(ctx, txn)
    ctx.state.add("balance_transaction", txn)
    return txn


def for_charge(ctx: Context, charge: dict[str, Any], amount: int) -> str:
    """The `charge` transaction of a captured charge (`amount` captured); its id."""
    fee = card_fee(amount, charge["currency"], ctx.state.fees)
    txn = new_transaction(ctx, type_="charge", source=charge["id"], amount=amount,
                          currency=charge["currency"], fee=fee,
                          description=charge.get("description"))
    return txn["id"]


def for_refund(ctx: Context, refund: dict[str, Any]) -> str:
    """The `refund` transaction of a refund: the money leaves the balance when the refund
    is made (pending ones too); its id."""
    fee = ctx.state.fees["refund_fixed"]
    txn = new_transaction(ctx, type_="refund", source=refund["id"], amount=-refund["amount"],
                          currency=refund["currency"], fee=fee,
                          description="REFUND FOR CHARGE")
    return txn["id"]


def for_refund_failure(ctx: Context, refund: dict[str, Any]) -> str:
    """A failed refund gives its money back to the balance; the transaction's id."""
    txn = new_transaction(ctx, type_="refund_failure", source=refund["id"],
                          amount=refund["amount"], currency=refund["currency"],
                          description="REFUND FAILURE", reporting_category="refund_failure")
    return txn["id"]


def retrieve(ctx: Context, p: dict[str, Any], txn_id: str) -> dict[str, Any]:
    require_secret(ctx)
    return expand(ctx, refresh_status(ctx, ctx.get("balance_transaction", txn_id)),
                  p.get("expand"))


def list_(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    """Newest first, with Stripe's filters: `payout` (the transactions an automatic payout
    paid out), `source`, `type`, `currency`, `created`."""
    require_secret(ctx)
    rows = [refresh_status(ctx, t) for t in ctx.state.newest_first("balance_transaction")]
    if "payout" in p:
        ctx.get("payout", p["payout"], "payout")
        rows = [t for t in rows if ctx.state.paid_out_in.get(t["id"]) == p["payout"]]
    for key in ("source", "type"):
        if key in p:
            rows = [t for t in rows if t.get(key) == p[key]]
    if "currency" in p:
        rows = [t for t in rows if t["currency"] == str(p["currency"]).lower()]
    return expand(ctx, paginate(ctx, rows, p, "/v1/balance_transactions", "balance_transaction"),
                  p.get("expand"))
