"""The gateway's balance reads against the sandbox over real HTTP (every request checked
against stripe-python's request types by the suite's contract fixture): balance transactions
of a period read to the end of every page, with each charge's payment; payouts and what each
paid out; and a restricted key without the balance permission reported as such."""

from __future__ import annotations

import json
import urllib.request
import uuid

import pytest

from posdesk.domain.outcomes import OutcomeKind
from posdesk.gateway import balance
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.errors import GatewayError
from tests.gateway.sandbox_api import call, new_customer


@pytest.fixture
def gateway(sandbox, secret_key: str) -> StripeGateway:
    return StripeGateway(secret_key, sandbox.base_url, timeout=5)


def _paid(sandbox, key: str, amount: int) -> dict[str, object]:
    customer = new_customer(sandbox.base_url, key)
    return call(sandbox.base_url, key, "POST", "/v1/payment_intents", {
        "amount": amount, "currency": "usd", "customer": customer,
        "payment_method": "pm_card_visa", "confirm": "true", "off_session": "true",
        "allowed_payment_method_types[]": "card",
    })


def test_a_period_is_read_to_the_end_with_each_charges_payment(
    sandbox, secret_key: str, gateway: StripeGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(balance, "PAGE", 2)  # several pages from a handful of payments
    paid = [_paid(sandbox, secret_key, 1000 + 100 * i) for i in range(5)]
    refund = call(sandbox.base_url, secret_key, "POST", "/v1/refunds",
                  {"payment_intent": paid[0]["id"], "amount": 300})
    txns = balance.balance_transactions(gateway, created_gte=0, created_lt=2**31)
    assert len(txns) == 6
    charges = [t for t in txns if t.type == "charge"]
    assert sorted(t.payment_intent for t in charges) == sorted(p["id"] for p in paid)
    assert {t.currency for t in txns} == {"USD"}
    first = next(t for t in charges if t.payment_intent == paid[0]["id"])
    assert (first.amount, first.fee, first.net, first.status) == (1000, 59, 941, "pending")
    [back] = [t for t in txns if t.type == "refund"]
    assert (back.source, back.amount, back.fee, back.net) == (refund["id"], -300, 0, -300)
    only_refunds = balance.balance_transactions(gateway, type_="refund", with_sources=False)
    assert [t.id for t in only_refunds] == [back.id]
    assert balance.balance_transactions(gateway, created_lt=first.created) == []


def test_payouts_and_what_each_paid_out(sandbox, secret_key: str,
                                         gateway: StripeGateway) -> None:
    _paid(sandbox, secret_key, 2000)
    _paid(sandbox, secret_key, 1500)
    [txn, *_] = balance.balance_transactions(gateway)
    body = json.dumps({"now": txn.available_on}).encode()
    request = urllib.request.Request(sandbox.base_url + "/_sandbox/payouts/run", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        [made] = json.loads(response.read())["data"]
    [payout] = balance.payouts(gateway, created_gte=txn.available_on - 10)
    assert (payout.id, payout.amount, payout.currency, payout.automatic) == (
        made["id"], 1912 + 1426, "USD", True)  # 1500: 43.5 -> 44, + 30
    assert balance.payout(gateway, payout.id) == payout
    links = balance.paid_out_in(gateway, [payout.id])
    charges = balance.balance_transactions(gateway, type_="charge")
    assert {t.id for t in charges} <= set(links)
    assert set(links.values()) == {payout.id}
    assert balance.payouts(gateway, created_lt=txn.available_on - 10) == []


def test_a_key_without_the_balance_permission_says_so(sandbox) -> None:
    restricted = StripeGateway("rk_test_nobalance_" + uuid.uuid4().hex, sandbox.base_url,
                               timeout=5)
    with pytest.raises(balance.BalanceNotPermitted):
        balance.balance_transactions(restricted)
    with pytest.raises(balance.BalanceNotPermitted):
        balance.payouts(restricted)


def test_other_failures_are_gateway_errors(sandbox) -> None:
    bad = StripeGateway("sk_test_" + "0" * 8 + "!", sandbox.base_url, timeout=5)
    with pytest.raises(GatewayError) as refused:
        balance.balance_transactions(bad)
    assert refused.value.kind is OutcomeKind.CONFIGURATION_PROBLEM
