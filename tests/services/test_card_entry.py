"""Card entry through the service against the real sandbox over HTTP and a real store. The
page's part (Stripe.js confirming with the publishable key and the client secret) is played
here with plain HTTP calls, the way Stripe.js makes them; the GUI tests drive the real page."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from posdesk.card_page.protocol import PageError
from posdesk.domain.money import AmountError, Money
from posdesk.domain.outcomes import OutcomeKind
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import PermissionDenied
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.errors import GatewayError
from posdesk.ledger.payments import METADATA_PAYMENT_ID
from posdesk.services.card_entry import (
    REASON_AUTHENTICATION_FAILED,
    CardEntryService,
    failure_wording,
)
from posdesk.services.charges import ChargeService
from posdesk.services.errors import StripeNotConfigured
from posdesk.store.audit import AuditLog, decode_detail
from posdesk.store.payment_methods import PaymentMethodRepository
from posdesk.store.payments import PaymentRepository
from tests.conftest import TEST_PUBLISHABLE_KEY
from tests.gateway.sandbox_api import attach_card, call

USD_20 = Money(2000, "USD")


@pytest.fixture
def charges(tmp_store, gateway) -> ChargeService:
    return ChargeService(tmp_store, gateway)


@pytest.fixture
def service(tmp_store, gateway, charges) -> CardEntryService:
    return CardEntryService(tmp_store, gateway, TEST_PUBLISHABLE_KEY, charges)


def page_confirm(sandbox, kind: str, intent_id: str, secret: str, pm: str) -> dict[str, Any]:
    """What Stripe.js does on Pay: confirm with the publishable key and the client secret."""
    path = "payment_intents" if kind == "pi" else "setup_intents"
    response = requests.post(
        f"{sandbox.base_url}/v1/{path}/{intent_id}/confirm",
        data={"client_secret": secret, "payment_method": pm,
              "return_url": "https://127.0.0.1:1/return"},
        auth=(TEST_PUBLISHABLE_KEY, ""), timeout=10,
    )
    return response.json()


def challenge(sandbox, intent_id: str, action: str) -> None:
    response = requests.post(
        f"{sandbox.base_url}/_sandbox/challenges/{intent_id}/{action}", timeout=10
    )
    response.raise_for_status()


def audit_actions(store) -> list[tuple[str, str]]:
    return [(e.action, e.outcome) for e in reversed(AuditLog(store).list_recent(100))]


def test_payment_is_written_before_the_intent_and_recorded_from_stripe(
    service, charges, tmp_store, sandbox, secret_key, customer_id, cashier, data_dir
) -> None:
    session = service.start_payment(cashier, customer_id, USD_20, " Order 7 ")
    [record] = PaymentRepository(tmp_store).list_recent()
    assert record.state == PaymentState.WAITING
    assert record.intent_id == session.intent_id and record.payment_method_id is None
    intent = call(sandbox.base_url, secret_key, "GET", f"/v1/payment_intents/{session.intent_id}")
    assert intent["metadata"][METADATA_PAYMENT_ID] == record.id
    assert intent["payment_method_types"] == ["card"] and intent["customer"] == customer_id
    assert intent["amount"] == 2000 and intent["description"] == "Order 7"
    # The client secret is only for the page: never printed, never stored.
    secret = session.client_secret.reveal()
    assert secret not in repr(session) and secret not in str(session.client_secret)
    assert not any(secret.encode() in p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    # While the customer types, settling leaves the payment alone.
    assert charges.settle_unconfirmed() == []
    assert PaymentRepository(tmp_store).get(record.id).state == PaymentState.WAITING

    page_confirm(sandbox, "pi", session.intent_id, secret, "pm_card_visa")
    result = service.finish(session)
    assert result.outcome.kind is OutcomeKind.SUCCEEDED
    assert result.state is PaymentState.SUCCEEDED and result.saved_card is None
    record = PaymentRepository(tmp_store).get(record.id)
    assert record.state == PaymentState.SUCCEEDED and record.amount_received == 2000
    assert record.payment_method_id and record.payment_method_id.startswith("pm_")
    assert ("card_entry_start", "started") in audit_actions(tmp_store)
    assert ("card_entry_payment", "succeeded") in audit_actions(tmp_store)


def test_save_consent_sets_future_usage_and_the_card_lands_on_the_customer(
    service, tmp_store, sandbox, secret_key, customer_id, cashier
) -> None:
    session = service.start_payment(cashier, customer_id, USD_20)
    service.set_save_card(session, True)
    intent = call(sandbox.base_url, secret_key, "GET", f"/v1/payment_intents/{session.intent_id}")
    assert intent["setup_future_usage"] == "off_session"
    page_confirm(sandbox, "pi", session.intent_id, session.client_secret.reveal(), "pm_card_visa")
    result = service.finish(session)
    assert result.outcome.kind is OutcomeKind.SUCCEEDED
    assert result.saved_card is not None and result.saved_card.last4 == "4242"
    [card] = PaymentMethodRepository(tmp_store).list_for_customer(customer_id)
    assert card.id == result.saved_card.id
    assert ("card_entry_save_consent", "consented") in audit_actions(tmp_store)


def test_declining_consent_clears_future_usage(
    service, sandbox, secret_key, customer_id, cashier
) -> None:
    session = service.start_payment(cashier, customer_id, USD_20)
    service.set_save_card(session, True)
    service.set_save_card(session, False)
    intent = call(sandbox.base_url, secret_key, "GET", f"/v1/payment_intents/{session.intent_id}")
    assert intent["setup_future_usage"] is None


def test_a_done_report_stripe_does_not_confirm_records_nothing_as_paid(
    service, tmp_store, customer_id, cashier
) -> None:
    session = service.start_payment(cashier, customer_id, USD_20)
    result = service.finish(session)  # the page claims done; Stripe says still open
    assert result.outcome.kind is not OutcomeKind.SUCCEEDED
    assert PaymentRepository(tmp_store).get(session.payment_id).state == PaymentState.WAITING
    assert not session.finished


def test_declined_then_abandoned_cancels_the_intent_and_records_no_payment(
    service, tmp_store, sandbox, secret_key, customer_id, cashier
) -> None:
    session = service.start_payment(cashier, customer_id, USD_20)
    answer = page_confirm(sandbox, "pi", session.intent_id, session.client_secret.reveal(),
                          "pm_card_chargeDeclinedInsufficientFunds")
    error = answer["error"]
    page_error = PageError(error["type"], error["code"], error.get("decline_code"),
                           error["message"])
    service.note_failure(session, page_error)
    assert "insufficient funds" in failure_wording(page_error)[0]
    result = service.abandon(session)
    assert result is not None and not result.outcome.charged
    record = PaymentRepository(tmp_store).get(session.payment_id)
    assert record.state == PaymentState.CANCELED
    intent = call(sandbox.base_url, secret_key, "GET", f"/v1/payment_intents/{session.intent_id}")
    assert intent["status"] == "canceled"
    assert ("card_entry_attempt", "failed") in audit_actions(tmp_store)


def test_save_without_charge_with_challenge_then_off_session_charge_succeeds(
    service, charges, tmp_store, sandbox, customer_id, cashier
) -> None:
    session = service.start_setup(cashier, customer_id)
    answer = page_confirm(sandbox, "seti", session.intent_id, session.client_secret.reveal(),
                          "pm_card_authenticationRequiredOnSetup")
    assert answer["status"] == "requires_action"
    challenge(sandbox, session.intent_id, "complete")
    result = service.finish(session)
    assert result.outcome.kind is OutcomeKind.SUCCEEDED
    assert result.saved_card is not None and result.saved_card.last4 == "3155"
    assert PaymentRepository(tmp_store).list_recent() == []  # nothing charged
    charge = charges.charge_saved_card(cashier, customer_id, result.saved_card.id, USD_20)
    assert charge.outcome.kind is OutcomeKind.SUCCEEDED
    assert ("save_card", "succeeded") in audit_actions(tmp_store)


def test_authentication_required_is_finished_on_the_same_intent(
    service, charges, tmp_store, sandbox, secret_key, customer_id, cashier
) -> None:
    pm = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_authenticationRequired")
    failed = charges.charge_saved_card(cashier, customer_id, pm, USD_20)
    assert failed.outcome.kind is OutcomeKind.AUTHENTICATION_REQUIRED
    session = service.start_authenticate(cashier, failed.payment_id)
    assert session.intent_id == failed.outcome.intent_id and session.payment_method == pm
    answer = page_confirm(sandbox, "pi", session.intent_id, session.client_secret.reveal(), pm)
    assert answer["status"] == "requires_action"
    challenge(sandbox, session.intent_id, "complete")
    result = service.finish(session)
    assert result.outcome.kind is OutcomeKind.SUCCEEDED
    assert result.payment_id == failed.payment_id
    [record] = PaymentRepository(tmp_store).list_recent()
    assert record.state == PaymentState.SUCCEEDED and record.intent_id == session.intent_id
    assert ("authenticate_payment", "succeeded") in audit_actions(tmp_store)


def test_failed_challenge_leaves_the_payment_waiting_for_authentication(
    service, charges, tmp_store, sandbox, secret_key, customer_id, cashier
) -> None:
    pm = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_authenticationRequired")
    failed = charges.charge_saved_card(cashier, customer_id, pm, USD_20)
    session = service.start_authenticate(cashier, failed.payment_id)
    page_confirm(sandbox, "pi", session.intent_id, session.client_secret.reveal(), pm)
    challenge(sandbox, session.intent_id, "fail")
    error = PageError("card_error", "payment_intent_authentication_failure", None, "x")
    assert failure_wording(error)[0] == REASON_AUTHENTICATION_FAILED
    service.note_failure(session, error)
    result = service.abandon(session)
    assert result is not None and not result.outcome.charged
    record = PaymentRepository(tmp_store).get(failed.payment_id)
    assert record.state == PaymentState.AUTHENTICATION_REQUIRED


def test_refusals_change_nothing(
    tmp_store, gateway, charges, service, customer_id, support, cashier
) -> None:
    with pytest.raises(PermissionDenied):
        service.start_payment(support, customer_id, USD_20)
    with pytest.raises(PermissionDenied):
        service.start_setup(support, customer_id)
    with pytest.raises(AmountError):
        service.start_payment(cashier, customer_id, Money(0, "USD"))
    no_pk = CardEntryService(tmp_store, gateway, None, charges)
    with pytest.raises(StripeNotConfigured):
        no_pk.start_payment(cashier, customer_id, USD_20)
    secret_as_pk = CardEntryService(tmp_store, gateway, "sk_test_nope", charges)
    with pytest.raises(StripeNotConfigured):
        secret_as_pk.start_setup(cashier, customer_id)
    assert PaymentRepository(tmp_store).list_recent() == []
    denied = [e for e in AuditLog(tmp_store).list_recent() if e.outcome == "denied"]
    assert len(denied) == 2 and decode_detail(denied[0]) is None


def test_page_config_carries_only_the_publishable_key_and_one_secret(
    service, customer_id, cashier, secret_key
) -> None:
    session = service.start_payment(cashier, customer_id, USD_20)
    config = session.config_json(TEST_PUBLISHABLE_KEY, "https://127.0.0.1:9/return?token=t")
    assert secret_key not in config
    assert TEST_PUBLISHABLE_KEY in config and session.client_secret.reveal() in config


def test_cvc_charge_is_on_session_and_hands_over_to_authentication(
    service, tmp_store, sandbox, secret_key, customer_id, cashier
) -> None:
    def cvc_token() -> str:
        response = requests.post(f"{sandbox.base_url}/v1/tokens",
                                 data={"cvc_update[cvc]": "123"},
                                 auth=(TEST_PUBLISHABLE_KEY, ""), timeout=10)
        response.raise_for_status()
        return response.json()["id"]

    visa = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_visa")
    session = service.start_cvc(cashier, customer_id, visa, USD_20, "Order 9")
    assert session.client_secret is None and session.intent_id is None
    result = service.charge_with_cvc(session, cvc_token())
    assert result.outcome.kind is OutcomeKind.SUCCEEDED and not result.needs_authentication
    intent = call(sandbox.base_url, secret_key, "GET",
                  f"/v1/payment_intents/{result.outcome.intent_id}")
    assert intent["metadata"][METADATA_PAYMENT_ID] == result.payment_id

    strict = attach_card(sandbox.base_url, secret_key, customer_id,
                         "pm_card_authenticationRequired")
    session = service.start_cvc(cashier, customer_id, strict, USD_20)
    result = service.charge_with_cvc(session, cvc_token())
    # On-session: the bank asks for 3D Secure instead of refusing outright.
    assert result.needs_authentication and result.state is PaymentState.AUTHENTICATION_REQUIRED
    follow_up = service.start_authenticate(cashier, result.payment_id)
    assert follow_up.intent_id == result.outcome.intent_id and follow_up.payment_method == strict
    assert ("charge_with_cvc", "succeeded") in audit_actions(tmp_store)


def _cvc_token(sandbox) -> str:
    response = requests.post(f"{sandbox.base_url}/v1/tokens", data={"cvc_update[cvc]": "123"},
                             auth=(TEST_PUBLISHABLE_KEY, ""), timeout=10)
    response.raise_for_status()
    return response.json()["id"]


def _token_used(sandbox, token_id: str) -> bool:
    from posdesk.sandbox import tokens  # the sandbox's own bookkeeping, read in place

    return bool(tokens._TOKENS[sandbox.state][token_id]["used"])


def test_cvc_charge_with_a_lost_answer_is_settled_by_the_identical_request(
    service, charges, tmp_store, sandbox, secret_key, customer_id, cashier
) -> None:
    """The answer is lost after Stripe charged: settling resends the same on-session request
    (same key, same CVC token), gets Stripe's saved answer, and charges nothing more."""
    visa = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_visa")
    token = _cvc_token(sandbox)
    sandbox.drop_after_processing(1, path_prefix="/v1/payment_intents")
    session = service.start_cvc(cashier, customer_id, visa, USD_20, "Order 10")
    result = service.charge_with_cvc(session, token)
    assert result.state is PaymentState.UNCONFIRMED
    [record] = PaymentRepository(tmp_store).list_recent()
    assert record.cvc_token == token and _token_used(sandbox, token)

    [settled] = charges.settle_unconfirmed()
    assert settled.state is PaymentState.SUCCEEDED
    [intent] = [i for i in sandbox.state.objects["payment_intent"].values()
                if i["metadata"].get(METADATA_PAYMENT_ID) == record.id]
    assert sandbox.count("payment_intent") == 1 and intent["status"] == "succeeded"
    record = PaymentRepository(tmp_store).get(record.id)
    assert record.intent_id == intent["id"] and record.state == PaymentState.SUCCEEDED
    assert record.cvc_token is None  # answered: the token is not kept


class _Killed(BaseException):
    """The process dies here: nothing after this line runs."""


def test_cvc_charge_killed_before_sending_is_sent_once_with_its_token(
    service, tmp_store, gateway, sandbox, secret_key, customer_id, cashier, monkeypatch
) -> None:
    """Dead between "pending written" and the request: the next start sends the request it
    would have sent, CVC token and all (on-session), once."""
    strict = attach_card(sandbox.base_url, secret_key, customer_id,
                         "pm_card_authenticationRequired")
    token = _cvc_token(sandbox)

    def die(*_args: object, **_kwargs: object) -> None:
        raise _Killed

    with monkeypatch.context() as patch:
        patch.setattr(type(gateway), "create_confirmed_intent", die)
        session = service.start_cvc(cashier, customer_id, strict, USD_20)
        with pytest.raises(_Killed):
            service.charge_with_cvc(session, token)
    [record] = PaymentRepository(tmp_store).list_recent()
    assert record.state == PaymentState.PENDING and record.cvc_token == token
    assert sandbox.count("payment_intent") == 0 and not _token_used(sandbox, token)

    restarted = ChargeService(tmp_store, StripeGateway(secret_key, sandbox.base_url))
    [settled] = restarted.settle_unconfirmed()
    # On-session, as sent the first time: 3D Secure is asked for, not refused off-session.
    assert settled.state is PaymentState.AUTHENTICATION_REQUIRED
    assert settled.outcome.stripe_status == "requires_action"
    assert sandbox.count("payment_intent") == 1 and _token_used(sandbox, token)
    record = PaymentRepository(tmp_store).get(record.id)
    assert record.cvc_token is None and record.intent_id == settled.outcome.intent_id
    assert restarted.settle_unconfirmed() == []


def test_new_card_payment_whose_start_was_lost_is_closed_without_a_charge(
    service, charges, tmp_store, sandbox, secret_key, customer_id, cashier
) -> None:
    """The intent for the page was created but its answer lost: the page never had it, so
    settling finds it, cancels it and closes the payment as not charged; it never creates
    a charge."""
    sandbox.drop_after_processing(1, path_prefix="/v1/payment_intents")
    with pytest.raises(GatewayError):
        service.start_payment(cashier, customer_id, USD_20)
    [record] = PaymentRepository(tmp_store).list_recent()
    assert record.state == PaymentState.UNCONFIRMED and record.intent_id is None
    assert sandbox.count("payment_intent") == 1

    [settled] = charges.settle_unconfirmed()
    assert not settled.outcome.charged and settled.state is PaymentState.CANCELED
    [intent] = sandbox.state.objects["payment_intent"].values()
    assert settled.outcome.intent_id == intent["id"] and intent["status"] == "canceled"
    record = PaymentRepository(tmp_store).get(record.id)
    assert record.intent_id == intent["id"] and record.state == PaymentState.CANCELED
    assert charges.settle_unconfirmed() == []


def test_new_card_payment_that_never_reached_stripe_is_closed_as_not_started(
    service, charges, tmp_store, sandbox, customer_id, cashier
) -> None:
    sandbox.fail_next(1, 500, path_prefix="/v1/payment_intents")
    with pytest.raises(GatewayError):
        service.start_payment(cashier, customer_id, USD_20)
    [record] = PaymentRepository(tmp_store).list_recent()
    assert record.state == PaymentState.UNCONFIRMED
    [settled] = charges.settle_unconfirmed()
    assert settled.state is PaymentState.FAILED and not settled.outcome.charged
    assert sandbox.count("payment_intent") == 0
