"""Lookups several resources share, kept below them all so none imports another for them: a
customer that still exists (payment methods attach to it, intents are made for it)."""

from __future__ import annotations

from typing import Any

from .context import Context
from .errors import no_such


def live_customer(ctx: Context, customer_id: str, param: str = "customer") -> dict[str, Any]:
    """The customer, as long as it is not deleted (a deleted one is "no such customer")."""
    customer = ctx.get("customer", customer_id, param)
    if customer.get("deleted"):
        raise no_such("customer", customer_id, param)
    return customer
