"""Two terminals, two real processes, one store (SQLite file and PostgreSQL), on one payment
request: both sending the customer of a failed payment an authentication link at the same
moment make one link; both settling a request whose answer was lost make one Checkout
Session, recorded once."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from posdesk.domain.money import Money
from posdesk.domain.payment_requests import (
    METADATA_REQUEST_ID,
    METADATA_RETRY_OF,
    REQUEST_ALREADY_SENT,
    RequestState,
)
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.services.charges import ChargeService
from posdesk.services.payment_requests import PaymentRequestService
from posdesk.store.payment_requests import PaymentRequestRepository
from posdesk.store.this_terminal import Terminal
from tests.gateway.sandbox_api import attach_card, call, new_customer

CASHIER = StaffMember(id="staff-c", name="Cy at till C", role=Role.CASHIER)


def sessions_with(sandbox: Any, key: str, name: str, value: str) -> list[dict[str, Any]]:
    listed = call(sandbox.base_url, key, "GET", "/v1/checkout/sessions?limit=100")["data"]
    return [s for s in listed if (s.get("metadata") or {}).get(name) == value]


def test_two_terminals_sending_one_authentication_link_at_once_make_one(
    tills, shared_store, sandbox, secret_key
) -> None:
    customer = new_customer(sandbox.base_url, secret_key, "Ada Authenticate")
    card = attach_card(sandbox.base_url, secret_key, customer, "pm_card_authenticationRequired")
    charges = ChargeService(shared_store, StripeGateway(secret_key, sandbox.base_url),
                            terminal=Terminal(str(uuid.uuid4()), "till C", "localhost"))
    failed = charges.charge_saved_card(CASHIER, customer, card, Money(2500, "USD"), "Repair")
    assert failed.state is PaymentState.AUTHENTICATION_REQUIRED
    # Each session create waits a moment at Stripe: the second till asks while the first
    # till's request is still out.
    sandbox.hold(0.5, count=2, path_prefix="/v1/checkout/sessions")
    for till in tills:
        till.send("request_authentication", payment=failed.payment_id)
    answers = [till._read() for till in tills]
    made = [a for a in answers if "request_id" in a]
    refused = [a for a in answers if "refused" in a]
    assert len(made) == 1 and len(refused) == 1, answers
    assert refused[0]["refused"] == str(REQUEST_ALREADY_SENT)
    assert made[0]["state"] == RequestState.OPEN.value
    stored = PaymentRequestRepository(shared_store).retrying(failed.payment_id)
    assert [r.id for r in stored] == [made[0]["request_id"]]
    links = sessions_with(sandbox, secret_key, METADATA_RETRY_OF, failed.payment_id)
    assert [s["id"] for s in links] == [made[0]["session_id"]]


def test_two_terminals_settling_a_request_whose_answer_was_lost_make_one_session(
    tills, shared_store, sandbox, secret_key
) -> None:
    service = PaymentRequestService(shared_store, StripeGateway(secret_key, sandbox.base_url),
                                    terminal_id=str(uuid.uuid4()))
    # Stripe makes the session, and its answer never arrives: the request stays SENDING.
    sandbox.drop_after_processing(1, path_prefix="/v1/checkout/sessions")
    view = service.create(CASHIER, Money(1800, "USD"), "Deposit", customer_id=None,
                          expires_in=timedelta(hours=1))
    assert view.state is RequestState.SENDING
    # Both tills' settle timers resend it (same key) while the other's is still out.
    sandbox.hold(0.5, count=2, path_prefix="/v1/checkout/sessions")
    for till in tills:
        till.send("settle_requests")
    answers = [till._read() for till in tills]
    assert all("changed" in a for a in answers), answers
    made = sessions_with(sandbox, secret_key, METADATA_REQUEST_ID, view.id)
    assert len(made) == 1, made
    record = PaymentRequestRepository(shared_store).get(view.id)
    assert record is not None
    # A till whose resend was turned away (the key still in use) leaves it for the next
    # round, which records the one session.
    if record.state == RequestState.SENDING.value:
        tills[0].ask("settle_requests")
        record = PaymentRequestRepository(shared_store).get(view.id)
        assert record is not None
    assert (record.state, record.session_id) == (RequestState.OPEN.value, made[0]["id"])
    assert record.url
