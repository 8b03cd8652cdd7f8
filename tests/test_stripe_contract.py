"""The contract between PosDesk's requests and the pinned Stripe API version.

tests/conftest.py records every request the gateway sends during the whole suite and fails
the test that sent a parameter stripe-python's generated type for that endpoint does not
have. These tests show the check catches what it must, and that it really ran.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from posdesk.domain.money import Money
from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway import client as gateway_client
from posdesk.gateway.client import StripeGateway
from posdesk.services.charges import ChargeService
from posdesk.services.refunds import RefundService
from tests.conftest import CONTRACT_SUMMARY_TEST
from tests.gateway.sandbox_api import call
from tests.stripe_contract import RECORDER, SentRequest, check_request, violations

CASHIER = StaffMember(id="staff-1", name="Ann", role=Role.CASHIER)


@pytest.fixture
def customer_with_card(sandbox, secret_key) -> tuple[str, str]:
    customer = call(sandbox.base_url, secret_key, "POST", "/v1/customers", {"name": "Ann"})
    card = call(
        sandbox.base_url, secret_key, "POST", "/v1/payment_methods/pm_card_visa/attach",
        {"customer": customer["id"]},
    )
    return customer["id"], card["id"]


def _charge(sandbox, secret_key, tmp_store, customer_with_card) -> list[SentRequest]:
    customer_id, card_id = customer_with_card
    service = ChargeService(tmp_store, StripeGateway(secret_key, sandbox.base_url))
    with RECORDER.collecting() as sent:
        service.charge_saved_card(CASHIER, customer_id, card_id, Money(1250, "USD"), "Sale")
    return sent


def test_a_charge_sends_only_what_the_pinned_version_accepts(
    sandbox, secret_key, tmp_store, customer_with_card
) -> None:
    sent = _charge(sandbox, secret_key, tmp_store, customer_with_card)
    [create] = [r for r in sent if r.method == "post" and r.path == "/v1/payment_intents"]
    assert create.params_type == "PaymentIntentCreateParams"
    assert create.params["allowed_payment_method_types"] == ["card"]
    assert "services/charges.py" in create.call_site.replace("\\", "/")
    assert violations(sent) == []


def test_a_refund_sends_only_what_the_pinned_version_accepts(
    sandbox, secret_key, tmp_store, customer_with_card
) -> None:
    manager = StaffMember(id="staff-9", name="Mo", role=Role.MANAGER)
    gateway = StripeGateway(secret_key, sandbox.base_url)
    customer_id, card_id = customer_with_card
    paid = ChargeService(tmp_store, gateway).charge_saved_card(
        manager, customer_id, card_id, Money(1250, "USD"))
    with RECORDER.collecting() as sent:
        RefundService(tmp_store, gateway).refund(manager, paid.payment_id, Money(250, "USD"),
                                                 "duplicate")
    [create] = [r for r in sent if r.method == "post" and r.path == "/v1/refunds"]
    assert create.params_type == "RefundCreateParams"
    assert create.params["reason"] == "duplicate" and create.params["amount"] == 250
    assert "ledger/refunds.py" in create.call_site.replace("\\", "/")
    assert violations(sent) == []
    # The shop's note stays in the store: Stripe's refund create has no such parameter.
    bad = SentRequest("post", "/v1/refunds", "RefundCreateParams",
                      {**create.params, "note": "wrong size"}, create.call_site)
    [violation] = check_request(bad)
    assert violation.param == "note" and "not accepted" in violation.problem


def test_a_removed_parameter_fails_naming_parameter_endpoint_and_call_site(
    sandbox, secret_key, tmp_store, customer_with_card, monkeypatch
) -> None:
    # Re-introduce the parameter endive removed, exactly where the app used to send it.
    real = gateway_client.intent_params

    def with_removed_parameter(**kwargs: object) -> dict[str, object]:
        params = real(**kwargs)  # type: ignore[arg-type]
        params["payment_method_types"] = ["card"]
        return params

    monkeypatch.setattr(gateway_client, "intent_params", with_removed_parameter)
    sent = _charge(sandbox, secret_key, tmp_store, customer_with_card)
    [violation] = violations(sent)
    text = str(violation).replace("\\", "/")
    assert violation.param == "payment_method_types"
    assert "POST /v1/payment_intents:" in text
    assert "stripe.params.PaymentIntentCreateParams" in text
    assert "posdesk/gateway/client.py" in text and "posdesk/services/charges.py" in text


CHILD_CHARGE = """
import sys
from posdesk.gateway import client
real = client.intent_params
client.intent_params = lambda **kw: {**real(**kw), "payment_method_types": ["card"]}
gateway = client.StripeGateway(sys.argv[1], sys.argv[2])
gateway.charge_saved_card(amount=1250, currency="usd", customer_id=sys.argv[3],
    payment_method_id=sys.argv[4], description=None, metadata={}, idempotency_key="k-1")
"""


def test_a_child_process_sending_a_removed_parameter_is_caught_too(
    sandbox, secret_key, customer_with_card, _record_gateway_requests
) -> None:
    # Terminals killed mid-charge and the relay run as child processes of the suite.
    _record_gateway_requests.read_new()
    subprocess.run(
        [sys.executable, "-c", CHILD_CHARGE, secret_key, sandbox.base_url, *customer_with_card],
        check=True, timeout=60, env=os.environ.copy(),
    )
    count, found = _record_gateway_requests.read_new()
    assert count == 1
    [violation] = found
    assert "POST /v1/payment_intents: parameter `payment_method_types`" in violation
    assert "posdesk/gateway/client.py" in violation.replace("\\", "/")


@pytest.mark.parametrize(
    ("params", "param", "problem"),
    [
        ({"amount": 100, "currency": "usd", "payment_method_types": ["card"]},
         "payment_method_types", "not accepted"),
        ({"amount": 100, "currency": "usd",
          "automatic_payment_methods": {"enabled": True, "bogus": True}},
         "automatic_payment_methods[bogus]", "not accepted"),
        ({"amount": 100, "currency": "usd", "confirm": "yes"},
         "confirm", "boolean"),
        ({"amount": "100", "currency": "usd"}, "amount", "integer"),
        ({"amount": 100, "currency": "usd", "allowed_payment_method_types": [7]},
         "allowed_payment_method_types[0]", "not one of"),
        ({"currency": "usd"}, "amount", "required"),
        ({"amount": 100, "currency": "usd", "metadata": {"order": ["x"]}},
         "metadata[order]", "string"),
    ],
)
def test_the_check_catches_names_values_and_missing_parameters(
    params: dict[str, object], param: str, problem: str
) -> None:
    request = SentRequest("post", "/v1/payment_intents", "PaymentIntentCreateParams", params,
                          "posdesk/gateway/client.py:1 (test)")
    [violation] = check_request(request)
    assert violation.param == param and problem in violation.problem


def test_nested_and_optional_parameters_that_exist_pass() -> None:
    params = {
        "amount": 100, "currency": "usd", "customer": "cus_1", "confirm": True,
        "off_session": True, "payment_method_options": {"card": {"cvc_token": "cvctok_1"}},
        "metadata": {"posdesk_payment_id": "p"}, "setup_future_usage": "off_session",
    }
    request = SentRequest("post", "/v1/payment_intents", "PaymentIntentCreateParams", params,
                          "posdesk/gateway/client.py:1 (test)")
    assert check_request(request) == []


def test_a_request_without_a_declared_type_is_a_violation() -> None:
    request = SentRequest("post", "/v1/unknown", None, {}, "posdesk/gateway/client.py:1 (t)")
    [violation] = check_request(request)
    assert "no stripe.params type" in violation.problem


def test_the_suite_checked_the_gateways_requests(request: pytest.FixtureRequest) -> None:
    # Runs last (tests/conftest.py): proves the recorder saw the suite's gateway traffic.
    assert request.node.name == CONTRACT_SUMMARY_TEST
    if request.session.testscollected < 300:
        pytest.skip("counts the whole suite's requests; run the whole suite")
    assert RECORDER.checked >= 200, f"only {RECORDER.checked} gateway requests were checked"



def test_authorise_capture_and_release_send_only_what_the_pinned_version_accepts(
    sandbox, secret_key, tmp_store, customer_with_card
) -> None:
    from posdesk.services.captures import CaptureService

    manager = StaffMember(id="staff-9", name="Mo", role=Role.MANAGER)
    gateway = StripeGateway(secret_key, sandbox.base_url)
    customer_id, card_id = customer_with_card
    charges = ChargeService(tmp_store, gateway)
    captures = CaptureService(tmp_store, charges.ledger)
    with RECORDER.collecting() as sent:
        held = charges.charge_saved_card(manager, customer_id, card_id, Money(5000, "USD"),
                                         authorise_only=True)
        other = charges.charge_saved_card(manager, customer_id, card_id, Money(900, "USD"),
                                          authorise_only=True)
        captures.open_authorisations(manager)
        captures.capture(manager, held.payment_id, Money(3000, "USD"))
        captures.release(manager, other.payment_id, "abandoned")
    creates = [r for r in sent if r.method == "post" and r.path == "/v1/payment_intents"]
    assert {r.params["capture_method"] for r in creates} == {"manual"}
    [capture] = [r for r in sent if r.path.endswith("/capture")]
    assert capture.params_type == "PaymentIntentCaptureParams"
    assert capture.params == {"amount_to_capture": 3000}
    [cancel] = [r for r in sent if r.path.endswith("/cancel")]
    assert cancel.params_type == "PaymentIntentCancelParams"
    assert cancel.params == {"cancellation_reason": "abandoned"}
    reads = [r for r in sent if r.method == "get" and r.params.get("expand")]
    assert reads and all(r.params["expand"] == ["latest_charge"] for r in reads)
    assert violations(sent) == []
