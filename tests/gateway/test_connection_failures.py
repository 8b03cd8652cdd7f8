"""A connection that never opened is told apart from one lost after the request went out,
over real sockets: a closed port (refused) proves nothing was charged; an answer dropped after
Stripe processed the request, or one that did not come in time, leaves it unknown."""

from __future__ import annotations

import socket
import uuid

import pytest
import requests
import stripe
from urllib3.exceptions import (
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
)

from posdesk.domain.outcomes import REASON_UNAVAILABLE, OutcomeKind
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.errors import NOT_SENT, never_sent, outcome_for_charge_error
from tests.gateway.sandbox_api import new_customer


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"  # closed again: nothing listens


def charge(gateway: StripeGateway, customer: str) -> object:
    return gateway.charge_saved_card(
        amount=1250, currency="usd", customer_id=customer, payment_method_id="pm_card_visa",
        description="Test sale", metadata={"posdesk_payment_id": "pay-1"},
        idempotency_key=str(uuid.uuid4()),
    )


def raised_by(base_url: str, secret_key: str, timeout: float = 5) -> stripe.StripeError:
    """What stripe-python itself raises for a create request to `base_url`."""
    client = stripe.StripeClient(secret_key, base_addresses={"api": base_url},
                                 max_network_retries=0,
                                 http_client=stripe.RequestsClient(timeout=timeout))
    with pytest.raises(stripe.StripeError) as raised:
        client.v1.payment_intents.create({"amount": 100, "currency": "usd"},
                                         {"idempotency_key": str(uuid.uuid4())})
    return raised.value


def chain(exc: BaseException) -> list[type[BaseException]]:
    found: list[type[BaseException]] = []
    current: BaseException | None = exc
    while current is not None:
        found.append(type(current))
        nested = current.__cause__ or getattr(current, "reason", None) or next(
            (a for a in current.args if isinstance(a, BaseException)), None)
        current = nested if isinstance(nested, BaseException) else None
    return found


def test_a_refused_connection_is_unavailable_nothing_charged(secret_key) -> None:
    gateway = StripeGateway(secret_key, closed_port_url(), timeout=5)
    outcome = charge(gateway, "cus_anyone")
    assert outcome.kind is OutcomeKind.UNAVAILABLE and outcome.code == NOT_SENT
    assert outcome.reason == REASON_UNAVAILABLE and "nothing was charged" in outcome.reason
    assert outcome.retryable and not outcome.charged


def test_stripe_python_wraps_the_refusal_and_the_chain_shows_it(secret_key) -> None:
    refused = raised_by(closed_port_url(), secret_key)
    assert isinstance(refused, stripe.APIConnectionError)
    assert chain(refused) == [stripe.APIConnectionError, requests.exceptions.ConnectionError,
                              MaxRetryError, NewConnectionError, ConnectionRefusedError]
    assert never_sent(refused)


def test_an_answer_lost_after_processing_stays_unconfirmed(sandbox, secret_key) -> None:
    sandbox.drop_after_processing(1, path_prefix="/v1/payment_intents")
    lost = raised_by(sandbox.base_url, secret_key)
    assert chain(lost)[:3] == [stripe.APIConnectionError, requests.exceptions.ConnectionError,
                               ProtocolError]
    assert not never_sent(lost)
    assert outcome_for_charge_error(lost).kind is OutcomeKind.UNCONFIRMED

    gateway = StripeGateway(secret_key, sandbox.base_url, timeout=5)
    customer = new_customer(sandbox.base_url, secret_key)
    sandbox.drop_after_processing(1, path_prefix="/v1/payment_intents")
    outcome = charge(gateway, customer)
    assert outcome.kind is OutcomeKind.UNCONFIRMED and outcome.code != NOT_SENT
    assert sandbox.count("payment_intent") == 2  # Stripe did act both times


def test_an_answer_that_does_not_come_in_time_stays_unconfirmed(sandbox, secret_key) -> None:
    sandbox.hold(1.5, path_prefix="/v1/payment_intents")
    late = raised_by(sandbox.base_url, secret_key, timeout=0.5)
    assert chain(late)[:3] == [stripe.APIConnectionError, requests.exceptions.ReadTimeout,
                               ReadTimeoutError]
    assert not never_sent(late)
    assert outcome_for_charge_error(late).kind is OutcomeKind.UNCONFIRMED


def test_only_failures_to_open_the_connection_count_as_not_sent() -> None:
    def wrapped(cause: BaseException) -> stripe.APIConnectionError:
        try:
            try:
                raise cause
            except BaseException as inner:
                raise stripe.APIConnectionError("Unexpected error communicating") from inner
        except stripe.APIConnectionError as outer:
            return outer

    def via_requests(reason: BaseException, kind: type = requests.exceptions.ConnectionError):
        return wrapped(kind(MaxRetryError(None, "/v1/payment_intents", reason)))

    dns = NameResolutionError("api.stripe.com", None, OSError("no such host"))
    assert never_sent(via_requests(NewConnectionError(None, "refused")))
    assert never_sent(via_requests(dns))
    assert never_sent(wrapped(requests.exceptions.ConnectTimeout(
        MaxRetryError(None, "/", NewConnectionError(None, "timed out")))))
    assert not never_sent(via_requests(ProtocolError("Connection aborted.",
                                                     ConnectionResetError())))
    assert not never_sent(wrapped(requests.exceptions.ReadTimeout("read timed out")))
    assert not never_sent(wrapped(requests.exceptions.SSLError("EOF in violation")))
    assert not never_sent(stripe.APIConnectionError("no cause at all"))
