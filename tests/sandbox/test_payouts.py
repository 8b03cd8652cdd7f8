"""The sandbox's daily automatic payouts: what is available at the time of the run is paid
out, one payout per currency, with its own `payout` balance transaction; each balance
transaction is paid out once; `GET /v1/balance_transactions?payout=` lists what one payout
paid out (Stripe's reconciliation of automatic payouts); and the status moves from
`in_transit` to `paid` when the arrival date passes."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import stripe

from posdesk.sandbox.balance import DAY_S
from posdesk.sandbox.server import SandboxServer

PAYOUT_FIELDS = {"id", "object", "amount", "arrival_date", "automatic", "balance_transaction",
                 "created", "currency", "status", "method", "reconciliation_status", "type",
                 "description", "destination", "livemode", "metadata"}


def _paid(client: stripe.StripeClient, amount: int, currency: str = "usd") -> Any:
    customer = client.v1.customers.create({"name": "Rita"})
    return client.v1.payment_intents.create({
        "amount": amount, "currency": currency, "customer": customer.id,
        "payment_method": "pm_card_visa", "confirm": True, "off_session": True,
        "allowed_payment_method_types": ["card"],
    })


def _run(sandbox: SandboxServer, now: int | None = None) -> list[dict[str, Any]]:
    body = json.dumps({} if now is None else {"now": now}).encode()
    request = urllib.request.Request(sandbox.base_url + "/_sandbox/payouts/run", data=body,
                                     method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())["data"]


def test_nothing_is_paid_out_before_it_is_available(
    sandbox: SandboxServer, client: stripe.StripeClient
) -> None:
    _paid(client, 2000)
    assert _run(sandbox) == []
    assert client.v1.payouts.list().data == []


def test_the_days_payout_pays_out_what_is_available(
    sandbox: SandboxServer, client: stripe.StripeClient
) -> None:
    one, two = _paid(client, 2000), _paid(client, 1000)
    client.v1.refunds.create({"payment_intent": one.id, "amount": 500})
    _paid(client, 700, currency="eur")
    txns = client.v1.balance_transactions.list({"limit": 100}).data
    at = max(t.available_on for t in txns)
    made = _run(sandbox, at)
    assert [p["currency"] for p in made] == ["eur", "usd"]
    usd = next(p for p in made if p["currency"] == "usd")
    payout = client.v1.payouts.retrieve(usd["id"]).to_dict()
    assert set(payout) >= PAYOUT_FIELDS
    assert (payout["object"], payout["automatic"], payout["method"]) == ("payout", True,
                                                                         "standard")
    # 2000 - 88 fee, 1000 - 59 fee, -500 refund
    assert payout["amount"] == 1912 + 941 - 500
    assert payout["created"] == at and payout["arrival_date"] == (at // DAY_S + 1) * DAY_S
    assert payout["status"] == "in_transit"  # the sandbox's clock is before arrival
    own = client.v1.balance_transactions.retrieve(payout["balance_transaction"])
    assert (own.type, own.amount, own.fee, own.source) == ("payout", -2353, 0, payout["id"])
    paid = client.v1.balance_transactions.list({"payout": payout["id"], "limit": 100}).data
    assert {t.source for t in paid if t.type == "charge"} == {one.latest_charge,
                                                               two.latest_charge}
    assert sum(t.net for t in paid if t.type != "payout") == payout["amount"]
    # Each transaction is paid out once: the next day's run finds nothing new.
    assert _run(sandbox, at + DAY_S) == []
    assert len(client.v1.payouts.list().data) == 2


def test_payout_status_follows_the_clock_and_list_filters(
    sandbox: SandboxServer, client: stripe.StripeClient
) -> None:
    _paid(client, 2000)
    at = client.v1.balance_transactions.list().data[0].available_on
    [made] = _run(sandbox, at)
    sandbox.state.clock = lambda: float(made["arrival_date"] + 60)
    assert client.v1.payouts.retrieve(made["id"]).status == "paid"
    assert [p.id for p in client.v1.payouts.list({"status": "paid"}).data] == [made["id"]]
    assert client.v1.payouts.list({"status": "pending"}).data == []
    arrival = made["arrival_date"]
    assert len(client.v1.payouts.list({"arrival_date": {"gte": arrival}}).data) == 1
    assert client.v1.payouts.list({"arrival_date": {"gt": arrival}}).data == []
    assert client.v1.balance_transactions.list({"type": "charge"}).data[0].status == "available"


def test_an_unknown_payout_is_404(client: stripe.StripeClient) -> None:
    try:
        client.v1.payouts.retrieve("po_missing")
    except stripe.InvalidRequestError as error:
        assert error.http_status == 404 and error.code == "resource_missing"
    else:  # pragma: no cover
        raise AssertionError("an unknown payout was found")
