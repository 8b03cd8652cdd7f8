"""Remote payments end to end against the sandbox: a request's Checkout Session, paid on the
hosted page's own endpoints (as its script does), recorded once through the event applier;
expiry; and remote authentication of an off-session charge with card 4000 0027 6000 3184."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import requests
from sqlmodel import select

from posdesk.domain.money import Money
from posdesk.domain.payment_requests import METADATA_RETRY_OF, REQUEST_ALREADY_SENT, RequestState
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.services.charges import ChargeService
from posdesk.services.errors import InputError
from posdesk.services.payment_requests import PaymentRequestService
from posdesk.store.models import PaymentRecord
from posdesk.sync.applier import EventApplier
from tests.gateway.sandbox_api import attach_card, call, intents, new_customer

CASHIER = StaffMember(id="staff-1", name="Ann", role=Role.CASHIER)
HOUR = timedelta(hours=1)


def events(sandbox: Any, key: str) -> list[dict[str, Any]]:
    return call(sandbox.base_url, key, "GET", "/v1/events?limit=100")["data"]


def sync(sandbox: Any, key: str, store: Any) -> None:
    EventApplier(store).apply(events(sandbox, key))


def pay_on_page(sandbox: Any, key: str, url: str, test_pm: str, *, challenge: bool) -> None:
    """What the hosted page does: start (the session's intent), confirm with the card,
    3D Secure if asked, done."""
    start = requests.post(url + "/start", timeout=10)
    start.raise_for_status()
    intent_id = start.json()["client_secret"].split("_secret_")[0]
    confirmed = call(sandbox.base_url, key, "POST", f"/v1/payment_intents/{intent_id}/confirm",
                     {"payment_method": test_pm})
    if challenge:
        assert confirmed["status"] == "requires_action"
        sandbox.complete_challenge(intent_id)
    done = requests.post(url + "/done", timeout=10)
    done.raise_for_status()
    assert done.json()["status"] == "complete"


def payments(store: Any) -> list[PaymentRecord]:
    with store.session() as session:
        return list(session.exec(select(PaymentRecord)))


@pytest.fixture
def service(sandbox, secret_key, tmp_store) -> PaymentRequestService:
    return PaymentRequestService(tmp_store, StripeGateway(secret_key, sandbox.base_url),
                                 terminal_id="till-1")


def test_a_request_is_paid_once_and_saves_the_card(sandbox, secret_key, tmp_store,
                                                  service) -> None:
    customer = new_customer(sandbox.base_url, secret_key)
    view = service.create(CASHIER, Money(5000, "USD"), "Deposit", customer_id=customer,
                          expires_in=HOUR, save_card=True)
    assert view.state is RequestState.OPEN and view.url and "/c/pay/cs_test_" in view.url
    session = call(sandbox.base_url, secret_key, "GET",
                   f"/v1/checkout/sessions/{view.url.rsplit('/', 1)[1]}")
    assert session["status"] == "open" and session["amount_total"] == 5000
    pay_on_page(sandbox, secret_key, view.url, "pm_card_visa", challenge=False)
    sync(sandbox, secret_key, tmp_store)
    sync(sandbox, secret_key, tmp_store)  # the same events again: nothing new
    paid = service.get(CASHIER, view.id)
    assert paid.state is RequestState.PAID and paid.payment_id == view.id
    [payment] = payments(tmp_store)
    assert (payment.id, payment.state, payment.amount, payment.customer_id) == (
        view.id, PaymentState.SUCCEEDED.value, 5000, customer)
    assert payment.staff_name == "Ann"
    cards = call(sandbox.base_url, secret_key, "GET",
                 f"/v1/customers/{customer}/payment_methods")["data"]
    assert len(cards) == 1  # setup_future_usage saved it to the customer
    assert service.open_requests(CASHIER) == []


def test_an_expired_request_refuses_payment(sandbox, secret_key, tmp_store, service) -> None:
    view = service.create(CASHIER, Money(1200, "EUR"), "Phone order", customer_id=None,
                          expires_in=HOUR)
    assert [r.id for r in service.open_requests(CASHIER)] == [view.id]
    expired = service.expire(CASHIER, view.id)
    assert expired.state is RequestState.EXPIRED
    sync(sandbox, secret_key, tmp_store)
    assert service.get(CASHIER, view.id).state is RequestState.EXPIRED
    assert view.url is not None
    assert requests.post(view.url + "/start", timeout=10).status_code == 400
    page = requests.get(view.url, timeout=10)
    assert "expired" in page.text and 'data-state="closed"' in page.text
    assert payments(tmp_store) == []


def test_a_session_past_its_expiry_ends_by_itself(sandbox, secret_key, tmp_store,
                                                  service) -> None:
    view = service.create(CASHIER, Money(1200, "USD"), "Deposit", customer_id=None,
                          expires_in=timedelta(minutes=30))
    sandbox.state.clock = lambda: 10**10  # far past expires_at
    sync(sandbox, secret_key, tmp_store)  # listing events sweeps the sessions
    assert service.get(CASHIER, view.id).state is RequestState.EXPIRED


def test_input_is_checked_before_anything_is_sent(service) -> None:
    with pytest.raises(InputError):
        service.create(CASHIER, Money(500, "USD"), "x", customer_id=None,
                       expires_in=timedelta(minutes=10))
    with pytest.raises(InputError):
        service.create(CASHIER, Money(500, "USD"), "  ", customer_id=None, expires_in=HOUR)
    with pytest.raises(InputError):
        service.create(CASHIER, Money(500, "USD"), "Deposit", customer_id=None,
                       expires_in=HOUR, save_card=True)
    assert service.open_requests(CASHIER) == []


def test_remote_authentication_records_one_payment(sandbox, secret_key, tmp_store,
                                                   service) -> None:
    customer = new_customer(sandbox.base_url, secret_key)
    card = attach_card(sandbox.base_url, secret_key, customer, "pm_card_authenticationRequired")
    charges = ChargeService(tmp_store, StripeGateway(secret_key, sandbox.base_url))
    failed = charges.charge_saved_card(CASHIER, customer, card, Money(2500, "USD"), "Repair")
    assert failed.state is PaymentState.AUTHENTICATION_REQUIRED
    view = service.request_authentication(CASHIER, failed.payment_id, expires_in=HOUR)
    assert view.retry_of == failed.payment_id and view.amount == Money(2500, "USD")
    with pytest.raises(InputError):  # one link per failed payment
        service.request_authentication(CASHIER, failed.payment_id, expires_in=HOUR)
    assert view.url is not None
    pay_on_page(sandbox, secret_key, view.url, "pm_card_authenticationRequired",
                challenge=True)
    sync(sandbox, secret_key, tmp_store)
    assert service.settle() == 1  # cancels the failed intent
    assert service.settle() == 0
    sync(sandbox, secret_key, tmp_store)
    found = intents(sandbox.base_url, secret_key, customer)
    assert sorted(i["status"] for i in found) == ["canceled", "succeeded"]
    records = {p.id: p for p in payments(tmp_store)}
    succeeded = [p for p in records.values() if p.state == PaymentState.SUCCEEDED.value]
    assert [p.id for p in succeeded] == [view.id]  # one payment holds the money
    assert records[failed.payment_id].state == PaymentState.CANCELED.value
    assert set(records) == {failed.payment_id, view.id}
    assert service.get(CASHIER, view.id).retry_of == failed.payment_id


def test_a_second_authentication_link_is_refused_even_past_the_first_check(
    sandbox, secret_key, tmp_store, service, monkeypatch
) -> None:
    """Another terminal's link written just before this one: the write itself refuses (no
    earlier read decides), so the customer never holds two links for one failed payment."""
    customer = new_customer(sandbox.base_url, secret_key)
    card = attach_card(sandbox.base_url, secret_key, customer, "pm_card_authenticationRequired")
    charges = ChargeService(tmp_store, StripeGateway(secret_key, sandbox.base_url))
    failed = charges.charge_saved_card(CASHIER, customer, card, Money(2500, "USD"), "Repair")
    first = service.request_authentication(CASHIER, failed.payment_id, expires_in=HOUR)
    monkeypatch.setattr(service.requests, "retrying", lambda payment_id: [])
    with pytest.raises(InputError) as refused:
        service.request_authentication(CASHIER, failed.payment_id, expires_in=HOUR)
    assert str(refused.value) == str(REQUEST_ALREADY_SENT)
    monkeypatch.undo()
    assert [r.id for r in service.requests.retrying(failed.payment_id)] == [first.id]
    listed = call(sandbox.base_url, secret_key, "GET", "/v1/checkout/sessions?limit=100")
    retries = [s for s in listed["data"]
               if (s.get("metadata") or {}).get(METADATA_RETRY_OF) == failed.payment_id]
    assert len(retries) == 1
