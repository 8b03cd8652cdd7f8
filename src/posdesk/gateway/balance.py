"""Reading the Stripe balance for the close of day: balance transactions of a period and the
payouts that paid them out, as domain data (domain/day_close.py). Reads only: no money moves.

Every list is read to its end (Stripe's pages of 100, `starting_after`). A restricted key
may lack the balance permissions: Stripe answers 403, and these reads raise
`BalanceNotPermitted` so the report can say "fees unavailable with this key" rather than
fail. Any other Stripe error is the usual GatewayError.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import stripe

from posdesk.domain.day_close import BalanceTxn, PayoutData
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.convert import as_dict

T = TypeVar("T")
PAGE = 100


class BalanceNotPermitted(Exception):
    """The key may not read the balance (a restricted key without that permission)."""


class _Refused:
    """What a read returns inside `StripeGateway.request` when Stripe answered 403."""


def _permitted(fetch: Callable[[Any], T]) -> Callable[[Any], T | _Refused]:
    def call(v1: Any) -> T | _Refused:
        try:
            return fetch(v1)
        except stripe.PermissionError:
            return _Refused()

    return call


def _read(gateway: StripeGateway, what: str, fetch: Callable[[Any], T]) -> T:
    result = gateway.request(what, _permitted(fetch))
    if isinstance(result, _Refused):
        raise BalanceNotPermitted(what)
    return result


def _id_of(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("id")
    return value if isinstance(value, str) else None


def balance_txn(obj: stripe.StripeObject | dict[str, Any]) -> BalanceTxn:
    data = as_dict(obj)
    source = data.get("source")
    intent = source.get("payment_intent") if isinstance(source, dict) else None
    return BalanceTxn(
        id=str(data["id"]),
        type=str(data.get("type") or ""),
        source=_id_of(source),
        amount=int(data.get("amount") or 0),
        fee=int(data.get("fee") or 0),
        net=int(data.get("net") or 0),
        currency=str(data.get("currency") or "").upper(),
        created=int(data.get("created") or 0),
        available_on=int(data.get("available_on") or 0),
        status=str(data.get("status") or ""),
        reporting_category=str(data.get("reporting_category") or ""),
        payment_intent=_id_of(intent),
    )


def payout_data(obj: stripe.StripeObject | dict[str, Any]) -> PayoutData:
    data = as_dict(obj)
    return PayoutData(
        id=str(data["id"]),
        amount=int(data.get("amount") or 0),
        currency=str(data.get("currency") or "").upper(),
        arrival_date=int(data.get("arrival_date") or 0),
        created=int(data.get("created") or 0),
        status=str(data.get("status") or ""),
        automatic=bool(data.get("automatic", False)),
    )


def _all(first: Callable[[Any, dict[str, Any]], Any], params: dict[str, Any]
         ) -> Callable[[Any], list[dict[str, Any]]]:
    """Every item of a list, page after page."""

    def fetch(v1: Any) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        page_params = dict(params)
        while True:
            page = first(v1, page_params)
            items.extend(as_dict(item) for item in page.data)
            if not page.has_more or not page.data:
                return items
            page_params["starting_after"] = page.data[-1].id

    return fetch


def balance_transactions(
    gateway: StripeGateway,
    *,
    created_gte: int | None = None,
    created_lt: int | None = None,
    payout: str | None = None,
    type_: str | None = None,
    with_sources: bool = True,
) -> list[BalanceTxn]:
    """Every balance transaction created in [created_gte, created_lt), or paid out in
    `payout`; newest first. `with_sources`: each charge's source is read with it, so a
    transaction names its payment (`payment_intent`)."""
    params: stripe.params.BalanceTransactionListParams = {"limit": PAGE}
    created: stripe.params.BalanceTransactionListParamsCreated = {}
    if created_gte is not None:
        created["gte"] = int(created_gte)
    if created_lt is not None:
        created["lt"] = int(created_lt)
    if created:
        params["created"] = created
    if payout:
        params["payout"] = payout
    if type_:
        params["type"] = type_
    if with_sources:
        params["expand"] = ["data.source"]
    rows = _read(gateway, "balance transactions",
                 _all(lambda v1, p: v1.balance_transactions.list(p), dict(params)))
    return [balance_txn(row) for row in rows]


def payouts(
    gateway: StripeGateway, *, created_gte: int | None = None, created_lt: int | None = None
) -> list[PayoutData]:
    """Every payout created in [created_gte, created_lt), newest first."""
    params: stripe.params.PayoutListParams = {"limit": PAGE}
    created: stripe.params.PayoutListParamsCreated = {}
    if created_gte is not None:
        created["gte"] = int(created_gte)
    if created_lt is not None:
        created["lt"] = int(created_lt)
    if created:
        params["created"] = created
    rows = _read(gateway, "payouts", _all(lambda v1, p: v1.payouts.list(p), dict(params)))
    return [payout_data(row) for row in rows]


def payout(gateway: StripeGateway, payout_id: str) -> PayoutData:
    return payout_data(_read(gateway, "payout", lambda v1: v1.payouts.retrieve(payout_id)))


def paid_out_in(gateway: StripeGateway, payout_ids: list[str]) -> dict[str, str]:
    """Which of these automatic payouts paid out each balance transaction: txn id -> po id."""
    found: dict[str, str] = {}
    for payout_id in payout_ids:
        for txn in balance_transactions(gateway, payout=payout_id, with_sources=False):
            found[txn.id] = payout_id
    return found


__all__ = [
    "BalanceNotPermitted",
    "balance_transactions",
    "paid_out_in",
    "payout",
    "payouts",
]
