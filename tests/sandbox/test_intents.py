"""PaymentIntent, SetupIntent and refund status transitions through stripe-python."""

from __future__ import annotations

import pytest
import stripe

from posdesk.sandbox.errors import SandboxError
from posdesk.sandbox.server import SandboxServer

from .conftest import card_pm, make_client


@pytest.fixture
def customer(client: stripe.StripeClient):
    return client.v1.customers.create(params={"name": "Ada Lovelace", "email": "ada@example.com"})


def saved(client: stripe.StripeClient, customer, number: str = "4242424242424242"):
    pm = card_pm(client, number)
    return client.v1.payment_methods.attach(pm.id, params={"customer": customer.id})


def test_create_confirm_and_charge(client: stripe.StripeClient, customer) -> None:
    pi = client.v1.payment_intents.create(
        params={
            "amount": 2599,
            "currency": "eur",
            "customer": customer.id,
            "metadata": {"order": "42"},
            "description": "Till 1",
            "receipt_email": "ada@example.com",
            "statement_descriptor_suffix": "SHOP",
            "allowed_payment_method_types": ["card"],
        }
    )
    assert pi.status == "requires_payment_method"
    assert pi.client_secret.startswith(pi.id + "_secret_")
    pm = saved(client, customer)
    pi = client.v1.payment_intents.update(pi.id, params={"payment_method": pm.id})
    assert pi.status == "requires_confirmation"
    pi = client.v1.payment_intents.confirm(pi.id, params={"expand": ["latest_charge"]})
    assert pi.status == "succeeded"
    assert pi.amount_received == 2599
    charge = pi.latest_charge
    assert charge.object == "charge" and charge.paid and charge.captured
    assert charge.payment_method_details.card.last4 == "4242"
    assert (charge.metadata.order, charge.description) == ("42", "Till 1")
    again = client.v1.payment_intents.retrieve(
        pi.id, params={"expand": ["payment_method", "customer"]}
    )
    assert again.payment_method.card.brand == "visa"
    assert again.customer.email == "ada@example.com"


def test_decline_then_retry_with_another_card(client: stripe.StripeClient, customer) -> None:
    pm = saved(client, customer, "4000000000000341")
    with pytest.raises(stripe.CardError) as info:
        client.v1.payment_intents.create(
            params={
                "amount": 1000,
                "currency": "usd",
                "customer": customer.id,
                "payment_method": pm.id,
                "confirm": True,
                "off_session": True,
            }
        )
    err = info.value
    assert err.http_status == 402 and err.code == "card_declined"
    failed = err.error.payment_intent
    assert failed.status == "requires_payment_method"
    assert failed.last_payment_error.decline_code == "generic_decline"
    charge = client.v1.charges.retrieve(failed.latest_charge)
    assert charge.status == "failed" and charge.failure_code == "card_declined"
    good = saved(client, customer)
    pi = client.v1.payment_intents.confirm(
        failed.id, params={"payment_method": good.id, "off_session": True}
    )
    assert pi.status == "succeeded" and pi.last_payment_error is None


def test_manual_capture_partial(client: stripe.StripeClient, customer) -> None:
    pm = saved(client, customer)
    pi = client.v1.payment_intents.create(
        params={
            "amount": 5000,
            "currency": "usd",
            "customer": customer.id,
            "payment_method": pm.id,
            "capture_method": "manual",
            "confirm": True,
            "off_session": True,
        }
    )
    assert pi.status == "requires_capture" and pi.amount_capturable == 5000
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.payment_intents.capture(pi.id, params={"amount_to_capture": 6000})
    pi = client.v1.payment_intents.capture(
        pi.id, params={"amount_to_capture": 3000, "statement_descriptor_suffix": "TILL 2"}
    )
    assert (pi.status, pi.amount_received, pi.amount_capturable) == ("succeeded", 3000, 0)
    assert pi.statement_descriptor_suffix == "TILL 2"
    charge = client.v1.charges.retrieve(pi.latest_charge)
    assert (charge.amount_captured, charge.statement_descriptor_suffix) == (3000, "TILL 2")
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.payment_intents.capture(pi.id)
    assert info.value.code == "payment_intent_unexpected_state"


def test_cancel(client: stripe.StripeClient, customer) -> None:
    pi = client.v1.payment_intents.create(params={"amount": 700, "currency": "gbp"})
    pi = client.v1.payment_intents.cancel(pi.id, params={"cancellation_reason": "abandoned"})
    assert pi.status == "canceled" and pi.cancellation_reason == "abandoned"
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.payment_intents.confirm(pi.id, params={"payment_method": "pm_card_visa"})


def test_on_session_three_d_secure_and_failed_challenge(
    client: stripe.StripeClient, sandbox: SandboxServer, customer
) -> None:
    pi = client.v1.payment_intents.create(
        params={
            "amount": 1200,
            "currency": "usd",
            "customer": customer.id,
            "payment_method": "pm_card_threeDSecure2Required",
            "confirm": True,
            "return_url": "https://example.com/back",
        }
    )
    assert pi.status == "requires_action"
    assert pi.next_action.type == "redirect_to_url"
    assert "/_sandbox/challenges/" in pi.next_action.redirect_to_url.url
    sandbox.fail_challenge(pi.id)
    pi = client.v1.payment_intents.retrieve(pi.id)
    assert pi.status == "requires_payment_method"
    assert pi.last_payment_error.code == "payment_intent_authentication_failure"
    pi = client.v1.payment_intents.confirm(pi.id, params={"payment_method": "pm_card_visa"})
    assert pi.status == "succeeded"


def test_setup_future_usage_attaches_on_success(client: stripe.StripeClient, customer) -> None:
    pm = card_pm(client, "5555555555554444")
    pi = client.v1.payment_intents.create(
        params={
            "amount": 1000,
            "currency": "usd",
            "customer": customer.id,
            "payment_method": pm.id,
            "setup_future_usage": "off_session",
            "confirm": True,
        }
    )
    assert pi.status == "succeeded"
    listed = client.v1.customers.payment_methods.list(customer.id, params={"type": "card"})
    assert [m.id for m in listed.data] == [pm.id]


def test_setup_future_usage_waits_for_authentication(
    client: stripe.StripeClient, sandbox: SandboxServer, customer
) -> None:
    pm = card_pm(client, "4000002500003155")
    pi = client.v1.payment_intents.create(
        params={
            "amount": 1000,
            "currency": "usd",
            "customer": customer.id,
            "payment_method": pm.id,
            "setup_future_usage": "off_session",
            "confirm": True,
        }
    )
    assert pi.status == "requires_action"
    assert client.v1.payment_methods.retrieve(pm.id).customer is None
    sandbox.complete_challenge(pi.id)
    assert client.v1.payment_methods.retrieve(pm.id).customer == customer.id
    off = client.v1.payment_intents.create(
        params={
            "amount": 800,
            "currency": "usd",
            "customer": customer.id,
            "payment_method": pm.id,
            "confirm": True,
            "off_session": True,
        }
    )
    assert off.status == "succeeded"


def _setup(client: stripe.StripeClient, sandbox: SandboxServer, customer, number: str):
    pm = card_pm(client, number)
    si = client.v1.setup_intents.create(
        params={
            "customer": customer.id,
            "usage": "off_session",
            "allowed_payment_method_types": ["card"],
        }
    )
    assert si.status == "requires_payment_method"
    si = client.v1.setup_intents.confirm(si.id, params={"payment_method": pm.id})
    assert si.status == "requires_action"
    sandbox.complete_challenge(si.id)
    si = client.v1.setup_intents.retrieve(si.id)
    assert si.status == "succeeded"
    assert client.v1.payment_methods.retrieve(pm.id).customer == customer.id
    return pm


def _off_session(client: stripe.StripeClient, customer, pm_id: str):
    return client.v1.payment_intents.create(
        params={
            "amount": 990,
            "currency": "usd",
            "customer": customer.id,
            "payment_method": pm_id,
            "confirm": True,
            "off_session": True,
        }
    )


def test_3155_set_up_with_authentication_then_off_session_succeeds(
    client: stripe.StripeClient, sandbox: SandboxServer, customer
) -> None:
    pm = _setup(client, sandbox, customer, "4000002500003155")
    assert _off_session(client, customer, pm.id).status == "succeeded"


def test_3184_always_needs_authentication(
    client: stripe.StripeClient, sandbox: SandboxServer, customer
) -> None:
    pm = _setup(client, sandbox, customer, "4000002760003184")
    with pytest.raises(stripe.CardError) as info:
        _off_session(client, customer, pm.id)
    assert info.value.code == "authentication_required"
    pi = info.value.error.payment_intent
    assert pi.status == "requires_payment_method"
    # Recovery: the customer comes back and authenticates the same intent.
    pi = client.v1.payment_intents.confirm(pi.id, params={"payment_method": pm.id})
    assert pi.status == "requires_action"
    sandbox.complete_challenge(pi.id)
    assert client.v1.payment_intents.retrieve(pi.id).status == "succeeded"


def test_setup_intent_decline_and_cancel(client: stripe.StripeClient, customer) -> None:
    si = client.v1.setup_intents.create(params={"customer": customer.id})
    with pytest.raises(stripe.CardError) as info:
        client.v1.setup_intents.confirm(si.id, params={"payment_method": "pm_card_chargeDeclined"})
    assert info.value.error.setup_intent.status == "requires_payment_method"
    si = client.v1.setup_intents.cancel(si.id)
    assert si.status == "canceled"


def test_publishable_key_with_client_secret(
    client: stripe.StripeClient, sandbox: SandboxServer
) -> None:
    pi = client.v1.payment_intents.create(params={"amount": 1000, "currency": "usd"})
    public = make_client(sandbox.base_url, "pk_test_" + "p" * 24)
    seen = public.v1.payment_intents.retrieve(pi.id, params={"client_secret": pi.client_secret})
    assert seen.id == pi.id
    with pytest.raises(stripe.InvalidRequestError):
        public.v1.payment_intents.retrieve(pi.id, params={"client_secret": "pi_x_secret_y"})
    with pytest.raises(stripe.AuthenticationError):
        public.v1.payment_intents.list()
    pm = public.v1.payment_methods.create(
        params={
            "type": "card",
            "card": {"number": "4242424242424242", "exp_month": 1, "exp_year": 2031},
        }
    )
    done = public.v1.payment_intents.confirm(
        pi.id, params={"client_secret": pi.client_secret, "payment_method": pm.id}
    )
    assert done.status == "succeeded"


def test_refunds_full_partial_and_never_more(client: stripe.StripeClient, customer) -> None:
    pi = _off_session(client, customer, saved(client, customer).id)
    first = client.v1.refunds.create(
        params={"payment_intent": pi.id, "amount": 400, "reason": "requested_by_customer"}
    )
    assert (first.status, first.amount, first.reason) == ("succeeded", 400, "requested_by_customer")
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.refunds.create(params={"payment_intent": pi.id, "amount": 600})
    assert info.value.code == "amount_too_large"
    rest = client.v1.refunds.create(params={"payment_intent": pi.id})
    assert rest.amount == 590
    charge = client.v1.charges.retrieve(pi.latest_charge)
    assert charge.refunded and charge.amount_refunded == 990
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.refunds.create(params={"payment_intent": pi.id, "amount": 1})
    assert info.value.code == "charge_already_refunded"
    listed = client.v1.refunds.list(params={"payment_intent": pi.id})
    assert [r.id for r in listed.data] == [rest.id, first.id]
    assert client.v1.refunds.retrieve(first.id).amount == 400


def test_uncaptured_cannot_be_refunded(client: stripe.StripeClient, customer) -> None:
    pi = client.v1.payment_intents.create(
        params={"amount": 900, "currency": "usd", "payment_method": "pm_card_visa",
                "confirm": True, "capture_method": "manual"}
    )  # fmt: skip
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.refunds.create(params={"payment_intent": pi.id})


def test_amount_rules(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.payment_intents.create(params={"amount": 20, "currency": "usd"})
    assert info.value.code == "amount_too_small"
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.payment_intents.create(params={"amount": 100_000_000, "currency": "usd"})
    assert info.value.code == "amount_too_large"
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.payment_intents.create(params={"amount": 1005, "currency": "kwd"})
    assert client.v1.payment_intents.create(params={"amount": 50, "currency": "jpy"}).amount == 50
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.payment_intents.create(
            params={"amount": 500, "currency": "usd", "off_session": True}
        )
    assert info.value.param == "off_session"


def test_list_by_customer_and_cursors(client: stripe.StripeClient, customer) -> None:
    pm = saved(client, customer)
    ids = [_off_session(client, customer, pm.id).id for _ in range(5)]
    client.v1.payment_intents.create(params={"amount": 500, "currency": "usd"})
    page = client.v1.payment_intents.list(params={"customer": customer.id, "limit": 2})
    assert [p.id for p in page.data] == ids[::-1][:2] and page.has_more
    page2 = client.v1.payment_intents.list(
        params={"customer": customer.id, "limit": 10, "starting_after": page.data[-1].id}
    )
    assert [p.id for p in page2.data] == ids[::-1][2:] and not page2.has_more
    back = client.v1.payment_intents.list(
        params={"customer": customer.id, "limit": 2, "ending_before": ids[0]}
    )
    assert [p.id for p in back.data] == [ids[2], ids[1]]
    newest = client.v1.payment_intents.retrieve(ids[-1]).created
    assert len(client.v1.payment_intents.list(params={"created": {"gt": newest}}).data) == 0
    assert len(client.v1.payment_intents.list(params={"created": {"lte": newest}}).data) == 6


def test_confirm_with_payment_method_data_and_publishable_key(
    client: stripe.StripeClient, sandbox: SandboxServer
) -> None:
    pi = client.v1.payment_intents.create(params={"amount": 1000, "currency": "usd"})
    public = make_client(sandbox.base_url, "pk_test_" + "q" * 24)
    card = {"number": "4000000000003220", "exp_month": 4, "exp_year": 2031, "cvc": "123"}
    pi = public.v1.payment_intents.confirm(
        pi.id,
        params={"client_secret": pi.client_secret,
                "payment_method_data": {"type": "card", "card": card}},
    )  # fmt: skip
    assert pi.status == "requires_action"
    sandbox.complete_challenge(pi.id)
    done = public.v1.payment_intents.retrieve(pi.id, params={"client_secret": pi.client_secret})
    assert done.status == "succeeded"
    with pytest.raises(stripe.InvalidRequestError) as info:
        public.v1.payment_intents.confirm(
            pi.id,
            params={"client_secret": pi.client_secret,
                    "payment_method_data": {"type": "card", "card": {**card, "pin": "1"}}},
        )  # fmt: skip
    assert info.value.param == "payment_method_data[card][pin]"


def test_open_authentication_falls_back_after_an_hour(
    client: stripe.StripeClient, sandbox: SandboxServer
) -> None:
    pi = client.v1.payment_intents.create(
        params={"amount": 1000, "currency": "usd", "confirm": True,
                "payment_method": "pm_card_threeDSecure2Required"}
    )  # fmt: skip
    assert pi.status == "requires_action"
    start = pi.created
    sandbox.state.clock = lambda: start + 3599
    assert client.v1.payment_intents.retrieve(pi.id).status == "requires_action"
    sandbox.state.clock = lambda: start + 3601
    late = client.v1.payment_intents.retrieve(pi.id)
    assert late.status == "requires_payment_method" and late.next_action is None
    assert late.last_payment_error.code == "payment_intent_authentication_failure"
    with pytest.raises(SandboxError) as info:
        sandbox.complete_challenge(pi.id)
    assert info.value.status == 400


def test_allowed_payment_method_types_as_posdesk_sends_them(
    client: stripe.StripeClient, customer
) -> None:
    card_only = {"allowed_payment_method_types": ["card"]}
    pm = saved(client, customer)
    charged = client.v1.payment_intents.create(
        params={"amount": 1250, "currency": "usd", "customer": customer.id,
                "payment_method": pm.id, "confirm": True, "off_session": True, **card_only}
    )  # fmt: skip
    assert charged.status == "succeeded" and charged.payment_method_types == ["card"]
    entry = client.v1.payment_intents.create(
        params={"amount": 1250, "currency": "usd", "customer": customer.id, **card_only}
    )
    assert entry.status == "requires_payment_method" and entry.payment_method_types == ["card"]
    setup = client.v1.setup_intents.create(
        params={"customer": customer.id, "usage": "off_session", **card_only}
    )
    assert setup.payment_method_types == ["card"]


def test_payment_method_types_is_computed_from_what_is_allowed(
    client: stripe.StripeClient,
) -> None:
    # Stripe filters the allowed list silently to what can be used; the sandbox takes cards.
    mixed = client.v1.payment_intents.create(
        params={"amount": 500, "currency": "usd", "allowed_payment_method_types": ["link", "card"]}
    )
    assert mixed.payment_method_types == ["card"]
    dynamic = client.v1.payment_intents.create(
        params={"amount": 500, "currency": "usd", "automatic_payment_methods": {"enabled": True}}
    )
    assert dynamic.payment_method_types == ["card"]
    assert dynamic.automatic_payment_methods.to_dict() == {
        "enabled": True,
        "allow_redirects": "always",
    }
    assert mixed.automatic_payment_methods is None
    updated = client.v1.setup_intents.update(
        client.v1.setup_intents.create().id, params={"allowed_payment_method_types": ["card"]}
    )
    assert updated.payment_method_types == ["card"]
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.payment_intents.create(
            params={
                "amount": 500,
                "currency": "usd",
                "allowed_payment_method_types": ["sepa_debit"],
            }
        )
    assert info.value.param == "allowed_payment_method_types"
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.payment_intents.create(
            params={"amount": 500, "currency": "usd", "payment_method_types": ["card"]}
        )
    assert (info.value.http_status, info.value.code, info.value.param) == (
        400,
        "payment_method_types_no_longer_supported",
        "payment_method_types",
    )
