"""Every row of the test-card table, driven through stripe-python: what saving the card,
an on-session payment (with the 3D Secure challenge completed) and an off-session payment do."""

from __future__ import annotations

import json

import pytest
import stripe

from posdesk.sandbox.server import SandboxServer

from .conftest import card_pm

OK = "succeeded"
ACTION = "requires_action"
AUTH_REQ = "authentication_required"

GENERIC = "card_declined/generic_decline"


def _declines_everywhere(number: str, outcome: str) -> tuple:
    return (number, "visa", outcome, outcome, None, outcome)


# number, brand, attach error, on-session result, result after completing 3DS, off-session result
ROWS = [
    ("4242424242424242", "visa", None, OK, None, OK),
    ("5555555555554444", "mastercard", None, OK, None, OK),
    ("378282246310005", "amex", None, OK, None, OK),
    ("4000002500003155", "visa", None, ACTION, OK, AUTH_REQ),
    ("4000002760003184", "visa", None, ACTION, OK, AUTH_REQ),
    ("4000003800000446", "visa", None, ACTION, OK, OK),
    ("4000008260003178", "visa", None, ACTION, "card_declined/insufficient_funds", AUTH_REQ),
    ("4000000000003220", "visa", None, ACTION, OK, AUTH_REQ),
    ("4000008400001629", "visa", None, ACTION, GENERIC, AUTH_REQ),
    _declines_everywhere("4000000000000002", "card_declined/generic_decline"),
    _declines_everywhere("4000000000009995", "card_declined/insufficient_funds"),
    _declines_everywhere("4000000000009987", "card_declined/lost_card"),
    _declines_everywhere("4000000000009979", "card_declined/stolen_card"),
    _declines_everywhere("4000000000000069", "expired_card/expired_card"),
    _declines_everywhere("4000000000000127", "incorrect_cvc/incorrect_cvc"),
    _declines_everywhere("4000000000000119", "processing_error/processing_error"),
    ("4000000000000341", "visa", None, GENERIC, None, GENERIC),
    ("4000000000000101", "visa", None, OK, None, OK),
]


def _pay(client: stripe.StripeClient, pm_id: str, customer: str | None, off: bool):
    params = {"amount": 1500, "currency": "usd", "payment_method": pm_id, "confirm": True}
    if customer:
        params["customer"] = customer
    if off:
        params["off_session"] = True
    try:
        return client.v1.payment_intents.create(params=params), None
    except stripe.CardError as err:
        return None, err


def _outcome(pi, err) -> str:
    if err is not None:
        code = err.code
        if code == AUTH_REQ:
            assert err.error.payment_intent.status == "requires_payment_method"
            return AUTH_REQ
        return f"{code}/{err.error.decline_code}"
    return pi.status


@pytest.mark.parametrize(("number", "brand", "attach", "on", "after_auth", "off"), ROWS)
def test_card_row(
    client: stripe.StripeClient,
    sandbox: SandboxServer,
    number: str,
    brand: str,
    attach: str | None,
    on: str,
    after_auth: str | None,
    off: str,
) -> None:
    pm = card_pm(client, number)
    assert pm.card.brand == brand
    assert pm.card.last4 == number[-4:]
    assert pm.card.wallet is None
    assert number not in json.dumps(pm.to_dict())
    customer = client.v1.customers.create(params={"email": "row@example.com"})
    try:
        client.v1.payment_methods.attach(pm.id, params={"customer": customer.id})
        attached = None
    except stripe.CardError as err:
        attached = f"{err.code}/{err.error.decline_code}"
    assert attached == attach
    owner = customer.id if attach is None else None

    pi, err = _pay(client, card_pm(client, number).id if owner is None else pm.id, owner, off=False)
    assert _outcome(pi, err) == on
    if on == ACTION:
        assert pi.next_action.type == "use_stripe_sdk"
        done = sandbox.complete_challenge(pi.id)
        fetched = client.v1.payment_intents.retrieve(pi.id)
        assert fetched.status == done["status"]
        if after_auth == OK:
            assert fetched.status == "succeeded"
        else:
            assert fetched.status == "requires_payment_method"
            lpe = fetched.last_payment_error
            assert f"{lpe.code}/{lpe.decline_code}" == after_auth

    pi, err = _pay(client, card_pm(client, number).id if owner is None else pm.id, owner, off=True)
    assert _outcome(pi, err) == off


def test_incorrect_number_fails_on_creation(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.CardError) as info:
        card_pm(client, "4242424242424241")
    assert info.value.code == "incorrect_number"
    assert info.value.http_status == 402


def test_cvc_check_fails_only_when_cvc_given(client: stripe.StripeClient) -> None:
    assert card_pm(client, "4000000000000101").card.checks.cvc_check == "fail"
    assert card_pm(client, "4000000000000101", cvc=None).card.checks.cvc_check is None
    assert card_pm(client, "4242424242424242").card.checks.cvc_check == "pass"


def test_card_details_and_stable_fingerprint(client: stripe.StripeClient) -> None:
    a = card_pm(client, "5555555555554444")
    b = card_pm(client, "5555 5555 5555 4444")
    c = card_pm(client, "4242424242424242")
    assert a.id != b.id
    assert a.card.fingerprint == b.card.fingerprint != c.card.fingerprint
    assert (a.card.exp_month, a.card.exp_year, a.card.funding, a.card.country) == (
        12,
        2034,
        "credit",
        "US",
    )


def test_expired_expiry_refused(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.CardError) as info:
        client.v1.payment_methods.create(
            params={
                "type": "card",
                "card": {"number": "4242424242424242", "exp_month": 1, "exp_year": 2001},
            }
        )
    assert info.value.code == "invalid_expiry_year"


@pytest.mark.parametrize(
    ("test_id", "last4", "expect"),
    [
        ("pm_card_visa", "4242", OK),
        ("pm_card_mastercard", "4444", OK),
        ("pm_card_amex", "0005", OK),
        ("pm_card_chargeDeclined", "0002", "card_declined/generic_decline"),
        ("pm_card_chargeDeclinedInsufficientFunds", "9995", "card_declined/insufficient_funds"),
        ("pm_card_visa_chargeDeclinedExpiredCard", "0069", "expired_card/expired_card"),
        ("pm_card_authenticationRequiredOnSetup", "3155", AUTH_REQ),
        ("pm_card_authenticationRequired", "3184", AUTH_REQ),
    ],
)
def test_pm_card_ids_materialise_fresh_methods(
    client: stripe.StripeClient, sandbox: SandboxServer, test_id: str, last4: str, expect: str
) -> None:
    before = sandbox.count("payment_method")
    pi, err = _pay(client, test_id, None, off=True)
    assert _outcome(pi, err) == expect
    pm_id = pi.payment_method if pi else err.error.payment_method.id
    assert pm_id.startswith("pm_") and pm_id != test_id
    assert client.v1.payment_methods.retrieve(pm_id).card.last4 == last4
    _pay(client, test_id, None, off=True)
    assert sandbox.count("payment_method") == before + 2


def test_update_billing_address_and_list_by_redisplay(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create()
    pm = client.v1.payment_methods.create(
        params={"type": "card", "allow_redisplay": "always",
                "card": {"number": "4242424242424242", "exp_month": 12, "exp_year": 2034}}
    )  # fmt: skip
    client.v1.payment_methods.attach(pm.id, params={"customer": customer.id})
    other = client.v1.payment_methods.attach("pm_card_visa", params={"customer": customer.id})
    pm = client.v1.payment_methods.update(
        pm.id,
        params={"billing_details": {"name": "Ada", "address": {"postal_code": "N1 9GU"}}},
    )
    assert pm.billing_details.name == "Ada"
    assert pm.billing_details.address.postal_code == "N1 9GU"
    assert pm.billing_details.address.city is None
    listed = client.v1.customers.payment_methods.list(
        customer.id, params={"allow_redisplay": "always"}
    )
    assert [m.id for m in listed.data] == [pm.id]
    listed = client.v1.payment_methods.list(
        params={"customer": customer.id, "allow_redisplay": "unspecified"}
    )
    assert [m.id for m in listed.data] == [other.id]
