"""The gateway against the sandbox over real HTTP: each Stripe answer lands in the right
outcome, and no message ever carries the key."""

from __future__ import annotations

import logging
import socket
import uuid

import pytest

from posdesk.domain.outcomes import (
    REASON_CONFIG_PERMISSION,
    REASON_DECLINED_GENERIC,
    REASON_EXPIRED_CARD,
    REASON_INCORRECT_CVC,
    REASON_INSUFFICIENT_FUNDS,
    REASON_PROCESSING_ERROR,
    REASON_SERVER_ERROR,
    OutcomeKind,
)
from posdesk.gateway.client import API_VERSION, StripeGateway, intent_params
from posdesk.gateway.errors import NOT_SENT, SERVER_ERROR, SERVER_ERROR_REPLAYED, GatewayError
from tests.gateway.sandbox_api import attach_card, intents, new_customer, set_default_card


@pytest.fixture
def gateway(sandbox, secret_key: str) -> StripeGateway:
    return StripeGateway(secret_key, sandbox.base_url, timeout=5)


@pytest.fixture
def customer(sandbox, secret_key: str) -> str:
    return new_customer(sandbox.base_url, secret_key, "Ann Example", email="ann@example.com")


def charge(gateway: StripeGateway, customer: str, pm: str, key: str | None = None, amount=1250):
    return gateway.charge_saved_card(
        amount=amount,
        currency="usd",
        customer_id=customer,
        payment_method_id=pm,
        description="Test sale",
        metadata={"posdesk_payment_id": "pay-1", "posdesk_staff_id": "staff-1"},
        idempotency_key=key or str(uuid.uuid4()),
    )


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_api_version_is_the_pinned_one() -> None:
    assert API_VERSION == "2026-10-28.endive"


def test_check_key_ok(gateway: StripeGateway) -> None:
    check = gateway.check_key()
    assert (check.ok, check.mode, check.problem) == (True, "test", None)


def test_check_key_rejected_is_a_configuration_problem_without_the_key(sandbox, caplog) -> None:
    bad_key = "sk_test_abc"  # too short for the sandbox: 401 like a revoked key
    caplog.set_level(logging.DEBUG)
    check = StripeGateway(bad_key, sandbox.base_url).check_key()
    assert not check.ok
    assert check.kind is OutcomeKind.CONFIGURATION_PROBLEM
    assert check.problem and "abc" not in check.problem
    assert "sk_test_abc" not in caplog.text


def test_check_key_unreachable(secret_key: str) -> None:
    check = StripeGateway(secret_key, f"http://127.0.0.1:{closed_port()}", timeout=2).check_key()
    assert not check.ok and check.kind is OutcomeKind.UNAVAILABLE


def test_approved_charge(gateway: StripeGateway, customer: str) -> None:
    outcome = charge(gateway, customer, "pm_card_visa")
    assert outcome.kind is OutcomeKind.SUCCEEDED
    assert outcome.intent_id and outcome.intent_id.startswith("pi_")
    assert outcome.stripe_status == "succeeded"
    assert outcome.amount_received == 1250
    assert not outcome.retryable


@pytest.mark.parametrize(
    ("test_pm", "code", "decline_code", "reason"),
    [
        ("pm_card_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds",
         REASON_INSUFFICIENT_FUNDS),
        ("pm_card_chargeDeclinedExpiredCard", "expired_card", None, REASON_EXPIRED_CARD),
        ("pm_card_chargeDeclinedIncorrectCvc", "incorrect_cvc", None, REASON_INCORRECT_CVC),
        ("pm_card_chargeDeclinedProcessingError", "processing_error", None,
         REASON_PROCESSING_ERROR),
        ("pm_card_chargeDeclined", "card_declined", "generic_decline", REASON_DECLINED_GENERIC),
    ],
)
def test_declines(gateway, customer, test_pm, code, decline_code, reason) -> None:
    outcome = charge(gateway, customer, test_pm)
    assert outcome.kind is OutcomeKind.DECLINED
    assert outcome.code == code
    if decline_code:
        assert outcome.decline_code == decline_code
    assert outcome.reason == reason
    assert outcome.next_step
    assert outcome.intent_id and outcome.intent_id.startswith("pi_")
    assert outcome.stripe_status == "requires_payment_method"
    # Retrieving the intent later tells the same story.
    again = gateway.retrieve_payment_intent(outcome.intent_id)
    assert (again.kind, again.reason) == (OutcomeKind.DECLINED, reason)


@pytest.mark.parametrize("test_pm", ["pm_card_chargeDeclinedLostCard",
                                     "pm_card_chargeDeclinedStolenCard"])
def test_lost_and_stolen_read_as_a_generic_decline(gateway, customer, test_pm) -> None:
    outcome = charge(gateway, customer, test_pm)
    assert outcome.kind is OutcomeKind.DECLINED
    assert outcome.decline_code in ("lost_card", "stolen_card")
    words = (outcome.reason + " " + outcome.next_step).lower()
    assert "lost" not in words and "stolen" not in words and "fraud" not in words
    assert outcome.reason == REASON_DECLINED_GENERIC


def test_authentication_required_keeps_the_intent(gateway, customer) -> None:
    outcome = charge(gateway, customer, "pm_card_authenticationRequired")
    assert outcome.kind is OutcomeKind.AUTHENTICATION_REQUIRED
    assert outcome.code == "authentication_required"
    assert outcome.intent_id and outcome.intent_id.startswith("pi_")
    assert "confirm" in outcome.reason.lower()
    retrieved = gateway.retrieve_payment_intent(outcome.intent_id)
    assert retrieved.kind is OutcomeKind.AUTHENTICATION_REQUIRED
    assert retrieved.intent_id == outcome.intent_id


def test_read_only_restricted_key_cannot_charge(sandbox, customer) -> None:
    gateway = StripeGateway("rk_test_readonly_" + uuid.uuid4().hex[:12], sandbox.base_url)
    assert gateway.check_key().ok  # reading works
    outcome = charge(gateway, customer, "pm_card_visa")
    assert outcome.kind is OutcomeKind.CONFIGURATION_PROBLEM
    assert outcome.reason == REASON_CONFIG_PERMISSION
    assert sandbox.count("payment_intent") == 0


def test_invalid_key_on_charge_is_a_configuration_problem(sandbox, customer) -> None:
    outcome = charge(StripeGateway("sk_test_x", sandbox.base_url), customer, "pm_card_visa")
    assert outcome.kind is OutcomeKind.CONFIGURATION_PROBLEM and not outcome.retryable


def test_server_error_on_charge_is_unconfirmed_and_the_same_key_settles_it(
    sandbox, gateway, customer
) -> None:
    # 503 in front of the API: nothing ran and nothing was saved for the key.
    key = str(uuid.uuid4())
    sandbox.fail_next(1, status=503, path_prefix="/v1/payment_intents")
    first = charge(gateway, customer, "pm_card_visa", key)
    assert first.kind is OutcomeKind.UNCONFIRMED and first.retryable
    assert first.code == SERVER_ERROR and first.reason == REASON_SERVER_ERROR
    again = charge(gateway, customer, "pm_card_visa", key)
    assert again.kind is OutcomeKind.SUCCEEDED
    assert sandbox.count("payment_intent") == 1


@pytest.mark.parametrize("processed", [False, True])
def test_a_500_that_began_executing_is_replayed_for_its_key(
    sandbox, gateway, customer, processed
) -> None:
    # Stripe saves the 500 of a keyed request that began executing and replays it: resending
    # can never tell what happened, which is why settling looks the intent up instead.
    key = str(uuid.uuid4())
    sandbox.fail_next(1, status=500, path_prefix="/v1/payment_intents", processed=processed)
    first = charge(gateway, customer, "pm_card_visa", key)
    assert first.kind is OutcomeKind.UNCONFIRMED and first.code == SERVER_ERROR
    again = charge(gateway, customer, "pm_card_visa", key)
    assert again.kind is OutcomeKind.UNCONFIRMED and again.code == SERVER_ERROR_REPLAYED
    assert sandbox.count("payment_intent") == (1 if processed else 0)


def test_rate_limit_is_retryable_and_charges_nothing(sandbox, gateway, customer) -> None:
    sandbox.fail_next(1, status=429, path_prefix="/v1/payment_intents")
    outcome = charge(gateway, customer, "pm_card_visa")
    assert outcome.kind is OutcomeKind.RATE_LIMITED and outcome.retryable
    assert sandbox.count("payment_intent") == 0


def test_server_error_on_a_read_raises_a_retryable_gateway_error(sandbox, gateway) -> None:
    sandbox.fail_next(1, status=500, path_prefix="/v1/customers")
    with pytest.raises(GatewayError) as info:
        gateway.list_customers_page()
    assert info.value.kind is OutcomeKind.UNAVAILABLE and info.value.retryable


def test_rate_limited_read(sandbox, gateway) -> None:
    sandbox.fail_next(1, status=429, path_prefix="/v1/customers")
    with pytest.raises(GatewayError) as info:
        gateway.list_customers_page()
    assert info.value.kind is OutcomeKind.RATE_LIMITED


def test_answer_lost_after_processing_is_unconfirmed_then_replayed(
    sandbox, gateway, customer, secret_key
) -> None:
    key = str(uuid.uuid4())
    sandbox.drop_after_processing(1, path_prefix="/v1/payment_intents")
    lost = charge(gateway, customer, "pm_card_visa", key)
    assert lost.kind is OutcomeKind.UNCONFIRMED and lost.retryable
    assert lost.intent_id is None
    assert sandbox.count("payment_intent") == 1  # Stripe did act
    replay = charge(gateway, customer, "pm_card_visa", key)
    assert replay.kind is OutcomeKind.SUCCEEDED
    assert sandbox.count("payment_intent") == 1
    assert [i["id"] for i in intents(sandbox.base_url, secret_key, customer)] == [replay.intent_id]


def test_timeout_while_held_is_unconfirmed(sandbox, secret_key, customer) -> None:
    gateway = StripeGateway(secret_key, sandbox.base_url, timeout=0.5)
    sandbox.hold(1.5, path_prefix="/v1/payment_intents")
    outcome = charge(gateway, customer, "pm_card_visa")
    assert outcome.kind is OutcomeKind.UNCONFIRMED


def test_unreachable_server_on_charge_is_unavailable_never_sent(secret_key) -> None:
    # Refused: the request never left this computer (tests/gateway/test_connection_failures).
    gateway = StripeGateway(secret_key, f"http://127.0.0.1:{closed_port()}", timeout=2)
    outcome = charge(gateway, "cus_x", "pm_card_visa")
    assert outcome.kind is OutcomeKind.UNAVAILABLE and outcome.code == NOT_SENT


def test_same_key_with_other_parameters_is_a_bug(gateway, customer) -> None:
    key = str(uuid.uuid4())
    assert charge(gateway, customer, "pm_card_visa", key).kind is OutcomeKind.SUCCEEDED
    outcome = charge(gateway, customer, "pm_card_visa", key, amount=9999)
    assert outcome.kind is OutcomeKind.BUG and not outcome.retryable


def test_unknown_payment_method_is_not_retryable(gateway, customer) -> None:
    outcome = charge(gateway, customer, "pm_doesnotexist")
    assert outcome.kind is OutcomeKind.BUG
    assert outcome.code == "resource_missing"


def test_customers_are_paged(sandbox, gateway, secret_key) -> None:
    made = {new_customer(sandbox.base_url, secret_key, f"Customer {i}") for i in range(5)}
    seen: list[str] = []
    cursor = None
    while True:
        page, has_more = gateway.list_customers_page(cursor, limit=2)
        assert len(page) <= 2
        seen.extend(c.id for c in page)
        if not has_more:
            break
        cursor = page[-1].id
    assert set(seen) == made and len(seen) == 5
    assert {c.name for c in gateway.list_customers_page(None, 100)[0]} == {
        f"Customer {i}" for i in range(5)
    }


def test_create_customer_is_idempotent(sandbox, gateway) -> None:
    key = str(uuid.uuid4())
    first = gateway.create_customer("Bo Lee", "bo@example.com", "+1 555 0100", key)
    second = gateway.create_customer("Bo Lee", "bo@example.com", "+1 555 0100", key)
    assert first.id == second.id and first.id.startswith("cus_")
    assert (first.name, first.email, first.phone) == ("Bo Lee", "bo@example.com", "+1 555 0100")
    assert sandbox.count("customer") == 1


def test_cards_default_and_detach(sandbox, gateway, secret_key, customer) -> None:
    visa = attach_card(sandbox.base_url, secret_key, customer, "pm_card_visa")
    amex = attach_card(sandbox.base_url, secret_key, customer, "pm_card_amex")
    set_default_card(sandbox.base_url, secret_key, customer, amex)
    cards = {pm.id: pm for pm in gateway.list_payment_methods(customer)}
    assert set(cards) == {visa, amex}
    assert (cards[visa].brand, cards[visa].last4) == ("visa", "4242")
    assert (cards[amex].brand, cards[amex].last4) == ("amex", "0005")
    assert cards[visa].customer_id == customer and cards[visa].exp_month
    assert gateway.retrieve_customer(customer).default_payment_method == amex
    gateway.detach_payment_method(visa, str(uuid.uuid4()))
    assert [pm.id for pm in gateway.list_payment_methods(customer)] == [amex]
    with pytest.raises(GatewayError) as info:
        gateway.detach_payment_method(visa, str(uuid.uuid4()))
    assert info.value.kind is OutcomeKind.BUG


def test_find_payment_intent_by_metadata(gateway, customer) -> None:
    charged = charge(gateway, customer, "pm_card_visa")
    other = gateway.charge_saved_card(
        amount=900, currency="usd", customer_id=customer, payment_method_id="pm_card_visa",
        description=None, metadata={"posdesk_payment_id": "pay-2"},
        idempotency_key=str(uuid.uuid4()),
    )
    found = gateway.find_payment_intent_by_metadata(customer, "posdesk_payment_id", "pay-1")
    assert found is not None and found.intent_id == charged.intent_id
    assert found.kind is OutcomeKind.SUCCEEDED
    found2 = gateway.find_payment_intent_by_metadata(customer, "posdesk_payment_id", "pay-2")
    assert found2 is not None and found2.intent_id == other.intent_id
    assert gateway.find_payment_intent_by_metadata(customer, "posdesk_payment_id", "nope") is None


def test_repr_and_errors_never_show_the_key(sandbox, caplog) -> None:
    key = "sk_test_" + uuid.uuid4().hex
    caplog.set_level(logging.DEBUG)
    gateway = StripeGateway(key, sandbox.base_url)
    assert key not in repr(gateway)
    sandbox.fail_next(1, status=500, path_prefix="/v1/customers")
    with pytest.raises(GatewayError) as info:
        gateway.list_customers_page()
    assert key not in str(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__
    bad = StripeGateway("sk_test_" + "9" * 5, sandbox.base_url)
    with pytest.raises(GatewayError) as info2:
        bad.list_customers_page()
    assert "99999" not in str(info2.value)
    assert key not in caplog.text and "sk_test_99999" not in caplog.text


def test_intent_params_are_rebuilt_the_same_for_a_retry() -> None:
    # Settling resends a create with the stored key: the parameters must come out equal.
    def build() -> dict:
        return intent_params(
            amount=1250, currency="USD", customer_id="cus_1", payment_method_id="pm_1",
            metadata={"posdesk_payment_id": "pay-1"}, description="Sale",
            confirm=True, off_session=True,
        )

    params = build()
    assert params == build()
    assert list(params) == [
        "amount", "currency", "customer", "payment_method", "allowed_payment_method_types",
        "confirm", "off_session", "metadata", "description",
    ]
    assert params["currency"] == "usd" and params["allowed_payment_method_types"] == ["card"]
    # Refused by the pinned API version (endive): must never be sent again.
    assert "payment_method_types" not in params
    bare = intent_params(amount=1250, currency="usd", customer_id="cus_1", metadata={},
                         description=None)
    assert "payment_method" not in bare and "description" not in bare


def test_requests_through_the_gateway_get_its_error_mapping(sandbox, gateway) -> None:
    with pytest.raises(GatewayError) as missing:
        gateway.request("customer lookup", lambda v1: v1.customers.retrieve("cus_nobody"))
    assert missing.value.kind is OutcomeKind.BUG
    assert missing.value.code == "resource_missing"
    sandbox.fail_next(1, status=503, path_prefix="/v1/customers")
    with pytest.raises(GatewayError) as down:
        gateway.request("customer list", lambda v1: v1.customers.list({"limit": 1}))
    assert down.value.kind is OutcomeKind.UNAVAILABLE and down.value.retryable
    page = gateway.request("customer list", lambda v1: v1.customers.list({"limit": 1}))
    assert page.data is not None


def test_cancel_answers_a_finished_intent_as_it_stands(gateway, customer) -> None:
    paid = charge(gateway, customer, "pm_card_visa")
    assert paid.kind is OutcomeKind.SUCCEEDED
    again = gateway.cancel_payment_intent(paid.intent_id)
    assert again.kind is OutcomeKind.SUCCEEDED and again.intent_id == paid.intent_id
    data, outcome = gateway.payment_intent_data(paid.intent_id)
    assert data is not None and data["status"] == "succeeded"
    assert outcome.kind is OutcomeKind.SUCCEEDED
