"""Customer lookup, creation, the customer page and detaching cards: sandbox + SQLite."""

from __future__ import annotations

import socket
from datetime import date

import pytest

from posdesk.domain.outcomes import OutcomeKind
from posdesk.domain.roles import PermissionDenied, Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.errors import GatewayError
from posdesk.services.customers import CustomerService, card_summary
from posdesk.services.errors import InputError, StripeNotConfigured
from posdesk.store.audit import AuditLog, decode_detail
from posdesk.store.models import PaymentMethodRecord
from tests.gateway.sandbox_api import attach_card, call, new_customer, set_default_card

# Who reads customers in these tests (every role may).
READER = StaffMember(id="staff-7", name="Cory Cashier", role=Role.CASHIER)


@pytest.fixture
def service(tmp_store, gateway) -> CustomerService:
    return CustomerService(tmp_store, gateway)


def audit(store):
    return list(reversed(AuditLog(store).list_recent(100)))


def test_refresh_pages_every_customer_into_the_cache(
    service, sandbox, secret_key, tmp_store
) -> None:
    names = [f"Zoe Number{i:02d}" for i in range(7)] + ["Ann Example", "Annika Berg"]
    for name in names:
        new_customer(sandbox.base_url, secret_key, name, email=f"{name.split()[1].lower()}@x.io")
    service.page_size = 3
    progress: list[int] = []
    assert service.refresh_from_stripe(progress=progress.append) == 9
    assert progress == [3, 6, 9]
    assert service.customers.count() == 9
    found = service.search(READER, "ann")
    assert [c.name for c in found][:2] == ["Ann Example", "Annika Berg"]
    # Anything after them matched inside its random Stripe id (cus_…Ann…), which search
    # also covers; nothing else may match.
    assert all("ann" in c.id.lower() for c in found[2:])
    assert [c.name for c in service.search(READER, "number03")] == ["Zoe Number03"]


def test_refresh_can_be_stopped(service, sandbox, secret_key) -> None:
    for i in range(4):
        new_customer(sandbox.base_url, secret_key, f"Customer {i}")
    service.page_size = 2
    pages: list[int] = []
    stored = service.refresh_from_stripe(
        progress=pages.append, should_stop=lambda: len(pages) >= 1
    )
    assert stored == 2 and pages == [2]


def test_refresh_failure_is_a_gateway_error(service, sandbox) -> None:
    sandbox.fail_next(1, status=500, path_prefix="/v1/customers")
    with pytest.raises(GatewayError) as info:
        service.refresh_from_stripe()
    assert info.value.retryable


def test_create_customer(service, sandbox, secret_key, tmp_store, cashier) -> None:
    record = service.create_customer(
        cashier, "  Dana Scully ", "dana@fbi.example", "+1 202 555 0199"
    )
    assert record.id.startswith("cus_") and record.name == "Dana Scully"
    stripe_side = call(sandbox.base_url, secret_key, "GET", f"/v1/customers/{record.id}")
    assert (stripe_side["email"], stripe_side["phone"]) == ("dana@fbi.example", "+1 202 555 0199")
    assert [c.id for c in service.search(READER, "scul")] == [record.id]
    [entry] = audit(tmp_store)
    assert (entry.action, entry.outcome) == ("create_customer", "succeeded")
    assert entry.target == record.id
    assert decode_detail(entry)["name"] == "Dana Scully"


@pytest.mark.parametrize(
    ("name", "email", "phone", "words"),
    [
        ("  ", None, None, "name"),
        ("Ann", "not-an-email", None, "email"),
        ("Ann", None, "call me maybe", "phone"),
        ("x" * 257, None, None, "too long"),
    ],
)
def test_create_customer_bad_input_changes_nothing(
    service, sandbox, tmp_store, cashier, name, email, phone, words
) -> None:
    with pytest.raises(InputError) as info:
        service.create_customer(cashier, name, email, phone)
    assert words in str(info.value)
    assert sandbox.count("customer") == 0
    assert audit(tmp_store) == []


def test_create_customer_without_stripe(tmp_store, cashier) -> None:
    with pytest.raises(StripeNotConfigured):
        CustomerService(tmp_store, None).create_customer(cashier, "Ann")


def test_customer_page_reads_cards_fresh_and_marks_the_default(
    service, sandbox, secret_key, customer_id
) -> None:
    visa = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_visa")
    amex = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_amex")
    set_default_card(sandbox.base_url, secret_key, customer_id, visa)
    page = service.customer_page(READER, customer_id)
    assert page.cards_fresh and page.problem is None
    assert page.customer.id == customer_id and page.customer.name == "Ann Example"
    cards = {c.id: c for c in page.cards}
    assert set(cards) == {visa, amex}
    assert cards[visa].is_default and not cards[amex].is_default
    assert (cards[amex].brand, cards[amex].last4) == ("amex", "0005")
    assert not cards[visa].expired
    assert page.recent_payments == []


def test_customer_page_falls_back_to_the_cache(
    tmp_store, gateway, sandbox, secret_key, customer_id
) -> None:
    visa = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_visa")
    CustomerService(tmp_store, gateway).customer_page(READER, customer_id)  # fills the cache
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    offline_gateway = StripeGateway(secret_key, f"http://127.0.0.1:{port}", timeout=2)
    offline = CustomerService(tmp_store, offline_gateway)
    page = offline.customer_page(READER, customer_id)
    assert not page.cards_fresh and page.problem
    assert [c.id for c in page.cards] == [visa]


def test_unknown_customer(service) -> None:
    with pytest.raises(InputError):
        CustomerService(service.store, None).customer_page(READER, "cus_missing")


@pytest.mark.parametrize(
    ("exp", "expired", "soon"),
    [
        ((2026, 3), True, False),
        ((2025, 12), True, False),
        ((2026, 4), False, True),  # this month: valid through its end
        ((2026, 5), False, True),  # next month
        ((2026, 6), False, False),
        ((2027, 1), False, False),
    ],
)
def test_expiry_badges(exp, expired, soon) -> None:
    method = PaymentMethodRecord(
        id="pm_1", customer_id="cus_1", brand="visa", last4="4242", exp_year=exp[0],
        exp_month=exp[1],
    )
    card = card_summary(method, "pm_1", date(2026, 4, 15))
    assert (card.expired, card.expires_soon, card.is_default) == (expired, soon, True)
    assert card.expiry == f"{exp[1]:02d}/{exp[0] % 100:02d}"


def test_december_rolls_over_to_january() -> None:
    method = PaymentMethodRecord(id="pm_1", customer_id="c", exp_year=2027, exp_month=1)
    assert card_summary(method, None, date(2026, 12, 31)).expires_soon


def test_detach_card_needs_permission_and_is_audited(
    service, sandbox, secret_key, tmp_store, customer_id, cashier, support
) -> None:
    visa = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_visa")
    service.customer_page(READER, customer_id)
    with pytest.raises(PermissionDenied):
        service.detach_card(cashier, customer_id, visa)
    assert [c.id for c in service.customer_page(READER, customer_id).cards] == [visa]
    service.detach_card(support, customer_id, visa)
    assert service.methods.list_for_customer(customer_id) == []
    assert service.gateway.list_payment_methods(customer_id) == []
    entries = audit(tmp_store)
    assert [(e.action, e.outcome, e.staff_id) for e in entries] == [
        ("detach_card", "denied", "staff-7"),
        ("detach_card", "succeeded", "staff-8"),
    ]
    assert decode_detail(entries[1])["last4"] == "4242"


def test_detach_failure_is_audited_and_keeps_the_card(
    service, sandbox, secret_key, tmp_store, customer_id, support
) -> None:
    visa = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_visa")
    service.customer_page(READER, customer_id)
    sandbox.fail_next(1, status=500, path_prefix="/v1/payment_methods")
    with pytest.raises(GatewayError) as info:
        service.detach_card(support, customer_id, visa)
    assert info.value.kind is OutcomeKind.UNAVAILABLE
    assert [m.id for m in service.methods.list_for_customer(customer_id)] == [visa]
    assert audit(tmp_store)[-1].outcome == "unavailable"


def test_detach_card_of_another_customer_is_refused(
    service, sandbox, secret_key, customer_id, support
) -> None:
    visa = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_visa")
    service.customer_page(READER, customer_id)
    other = new_customer(sandbox.base_url, secret_key, "Other Person")
    with pytest.raises(InputError):
        service.detach_card(support, other, visa)
    assert len(service.gateway.list_payment_methods(customer_id)) == 1

