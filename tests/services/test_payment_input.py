"""Bad input to a payment is refused with a sentence before anything is written or sent,
on SQLite and PostgreSQL alike (where a NUL or an over-long id once became a DataError)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posdesk.domain.money import Money
from posdesk.services import payment_input
from posdesk.services.charges import ChargeService
from posdesk.services.errors import InputError
from posdesk.store.audit import AuditLog
from posdesk.store.database import open_store
from posdesk.store.payments import PaymentRepository

USD_12 = Money(1200, "USD")


@pytest.fixture
def shared_store(store_url: str) -> Iterator[object]:
    store = open_store(store_url)
    yield store
    store.close()


@pytest.fixture
def service(shared_store, gateway) -> ChargeService:
    return ChargeService(shared_store, gateway)


@pytest.mark.parametrize(
    ("customer", "card", "description", "message"),
    [
        ("cus_" + "x" * 4000, "pm_card_visa", "", payment_input.MESSAGE_BAD_CUSTOMER),
        ("cus_1", "pm_" + "y" * 65, "", payment_input.MESSAGE_BAD_CARD),
        ("cus_1", "pm_card_visa", "tea\x00cake", payment_input.MESSAGE_DESCRIPTION_CONTROL),
        ("cus_1", "pm_card_visa", "x" * 1001, payment_input.MESSAGE_DESCRIPTION_TOO_LONG),
        ("cus_1'; DROP TABLE payments; --", "pm_card_visa", "", payment_input.MESSAGE_BAD_CUSTOMER),
        ("  ", "pm_card_visa", "", payment_input.MESSAGE_NO_CUSTOMER),
    ],
)
def test_bad_payment_input_is_refused_and_nothing_is_written(
    service, shared_store, sandbox, cashier, customer, card, description, message
) -> None:
    with pytest.raises(InputError) as refused:
        service.charge_saved_card(cashier, customer, card, USD_12, description)
    assert refused.value.message == message
    assert PaymentRepository(shared_store).list_recent() == []
    assert AuditLog(shared_store).list_recent() == []
    assert sandbox.count("payment_intent") == 0


@settings(max_examples=300, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(customer=st.text(max_size=80), card=st.text(max_size=80), description=st.text())
def test_any_text_is_either_a_clean_request_or_a_clear_refusal(
    customer: str, card: str, description: str
) -> None:
    try:
        checked = (payment_input.customer_id(customer), payment_input.payment_method_id(card),
                   payment_input.description(description))
    except InputError as exc:
        assert exc.message.endswith(".")
        return
    cid, pm, text = checked
    assert cid.isascii() and len(cid) <= 64 and pm.isascii() and len(pm) <= 64
    assert "\x00" not in text and len(text) <= payment_input.DESCRIPTION_LIMIT
