"""The sandbox's balance transactions as Stripe shapes them: one per captured charge (with the
documented fee model), one per refund (no fee of its own, the charge's fee not returned), a
refund failure giving the money back, the charge's `balance_transaction` set, Stripe's list
filters and paging, and a restricted key without the balance permission refused (403)."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest
import stripe

from posdesk.sandbox.balance import available_on, card_fee
from posdesk.sandbox.server import SandboxServer
from tests.sandbox.conftest import make_client

FIELDS = {"id", "object", "amount", "available_on", "created", "currency", "description",
          "exchange_rate", "fee", "fee_details", "net", "reporting_category", "source",
          "status", "type", "balance_type"}


def _paid(client: stripe.StripeClient, amount: int, *, manual: bool = False,
          currency: str = "usd") -> Any:
    customer = client.v1.customers.create({"name": "Rita"})
    params: dict[str, Any] = {
        "amount": amount, "currency": currency, "customer": customer.id,
        "payment_method": "pm_card_visa", "confirm": True, "off_session": True,
        "allowed_payment_method_types": ["card"],
    }
    if manual:
        params["capture_method"] = "manual"
    return client.v1.payment_intents.create(params)


def _control(sandbox: SandboxServer, path: str, data: dict[str, Any] | None = None) -> Any:
    request = urllib.request.Request(sandbox.base_url + path, data=json.dumps(data or {}).encode(),
                                     method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


@pytest.mark.parametrize(("amount", "currency", "fee"), [
    (1000, "usd", 59),      # 29 + 30
    (2000, "usd", 88),      # 58 + 30
    (1050, "usd", 60),      # 30.45 -> 30, + 30
    (1052, "usd", 61),      # 30.508 -> 31 (half up), + 30
    (5000, "jpy", 145),     # zero-decimal: no fixed part
])
def test_the_fee_model(amount: int, currency: str, fee: int) -> None:
    assert card_fee(amount, currency, {"percent_bp": 290, "fixed": 30, "refund_fixed": 0}) == fee


def test_a_captured_charge_has_its_balance_transaction(client: stripe.StripeClient) -> None:
    intent = _paid(client, 2000)
    charge = client.v1.charges.retrieve(intent.latest_charge)
    txn = client.v1.balance_transactions.retrieve(charge.balance_transaction)
    data = txn.to_dict()
    assert set(data) >= FIELDS
    assert (data["object"], data["type"], data["reporting_category"]) == (
        "balance_transaction", "charge", "charge")
    assert (data["amount"], data["fee"], data["net"], data["currency"]) == (2000, 88, 1912, "usd")
    assert data["source"] == charge.id
    assert data["fee_details"] == [{"amount": 88, "application": None, "currency": "usd",
                                    "description": "Stripe processing fees",
                                    "type": "stripe_fee"}]
    assert data["available_on"] == available_on(data["created"]) > data["created"]
    assert data["status"] == "pending"


def test_an_authorisation_has_none_until_captured_and_then_for_what_was_captured(
    client: stripe.StripeClient,
) -> None:
    intent = _paid(client, 3000, manual=True)
    assert client.v1.charges.retrieve(intent.latest_charge).balance_transaction is None
    assert client.v1.balance_transactions.list({"type": "charge"}).data == []
    client.v1.payment_intents.capture(intent.id, {"amount_to_capture": 2500})
    charge = client.v1.charges.retrieve(intent.latest_charge)
    txn = client.v1.balance_transactions.retrieve(charge.balance_transaction)
    assert (txn.amount, txn.fee, txn.source) == (2500, 103, charge.id)  # 72.5 -> 73, + 30


def test_a_refund_takes_its_amount_and_returns_no_fee(client: stripe.StripeClient) -> None:
    intent = _paid(client, 2000)
    refund = client.v1.refunds.create({"payment_intent": intent.id, "amount": 500})
    txn = client.v1.balance_transactions.retrieve(refund.balance_transaction)
    assert (txn.type, txn.reporting_category, txn.source) == ("refund", "refund", refund.id)
    assert (txn.amount, txn.fee, txn.net) == (-500, 0, -500)
    charge_txn = client.v1.balance_transactions.list({"type": "charge"}).data[0]
    assert charge_txn.fee == 88  # unchanged: the charge's fee is not given back


def test_a_refund_that_fails_gives_the_money_back(
    sandbox: SandboxServer, client: stripe.StripeClient
) -> None:
    intent = _paid(client, 2000)
    _control(sandbox, "/_sandbox/refunds/pending", {"count": 1})
    refund = client.v1.refunds.create({"payment_intent": intent.id, "amount": 700})
    assert client.v1.balance_transactions.retrieve(refund.balance_transaction).amount == -700
    failed = _control(sandbox, f"/_sandbox/refunds/{refund.id}/fail")
    back = client.v1.balance_transactions.retrieve(failed["failure_balance_transaction"])
    assert (back.type, back.amount, back.source) == ("refund_failure", 700, refund.id)


def test_the_fee_model_can_be_changed_for_later_transactions(
    sandbox: SandboxServer, client: stripe.StripeClient
) -> None:
    assert _control(sandbox, "/_sandbox/fees", {"percent_bp": 150, "refund_fixed": 15}) == {
        "percent_bp": 150, "fixed": 30, "refund_fixed": 15}
    intent = _paid(client, 1000)
    refund = client.v1.refunds.create({"payment_intent": intent.id, "amount": 100})
    charge_txn, = client.v1.balance_transactions.list({"type": "charge"}).data
    refund_txn = client.v1.balance_transactions.retrieve(refund.balance_transaction)
    assert (charge_txn.fee, refund_txn.fee, refund_txn.net) == (45, 15, -115)


def test_list_filters_and_paging(client: stripe.StripeClient) -> None:
    intents = [_paid(client, 1000 + i * 100) for i in range(3)]
    eur = _paid(client, 900, currency="eur")
    refund = client.v1.refunds.create({"payment_intent": intents[0].id, "amount": 200})
    everything = client.v1.balance_transactions.list({"limit": 100}).data
    assert len(everything) == 5
    assert [t.type for t in everything][0] == "refund"  # newest first
    charges = client.v1.balance_transactions.list({"type": "charge"}).data
    assert len(charges) == 4
    assert [t.id for t in client.v1.balance_transactions.list(
        {"source": refund.id}).data] == [refund.balance_transaction]
    eur_list = client.v1.balance_transactions.list({"currency": "eur"}).data
    assert [t.source for t in eur_list] == [eur.latest_charge]
    first = client.v1.balance_transactions.list({"limit": 2})
    assert first.has_more
    rest = client.v1.balance_transactions.list({"limit": 2, "starting_after": first.data[-1].id})
    back = client.v1.balance_transactions.list({"limit": 2, "ending_before": rest.data[0].id})
    assert [t.id for t in back.data] == [t.id for t in first.data]
    created = everything[-1].created
    assert len(client.v1.balance_transactions.list(
        {"created": {"gte": created}, "limit": 100}).data) == 5
    assert client.v1.balance_transactions.list({"created": {"lt": created}}).data == []
    paged = list(client.v1.balance_transactions.list({"limit": 2}).auto_paging_iter())
    assert [t.id for t in paged] == [t.id for t in everything]


def test_the_charge_source_expands(client: stripe.StripeClient) -> None:
    intent = _paid(client, 1000)
    page = client.v1.balance_transactions.list({"expand": ["data.source"]})
    assert page.data[0].source.payment_intent == intent.id


def test_unknown_and_unsupported_parameters_are_refused(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError) as unknown:
        client.v1.balance_transactions.list({"colour": "red"})  # type: ignore[typeddict-unknown-key]
    assert unknown.value.code == "parameter_unknown"


def test_a_key_without_the_balance_permission_is_refused(sandbox: SandboxServer) -> None:
    restricted = make_client(sandbox.base_url, "rk_test_nobalance_" + "a" * 16)
    with pytest.raises(stripe.PermissionError) as refused:
        restricted.v1.balance_transactions.list()
    assert "rak_balance_transaction_source_read" in str(refused.value)
    with pytest.raises(stripe.PermissionError):
        restricted.v1.payouts.list()
    assert restricted.v1.customers.list().data == []  # the rest of the key still works
