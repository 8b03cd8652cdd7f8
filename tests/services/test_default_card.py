"""Making a saved card the customer's default: at Stripe, in the cache, audited, allowed to the
roles that edit customers (sandbox + SQLite)."""

from __future__ import annotations

import pytest

from posdesk.domain import roles
from posdesk.domain.outcomes import OutcomeKind
from posdesk.domain.roles import Permission, PermissionDenied, Role, StaffMember
from posdesk.gateway.errors import GatewayError
from posdesk.services.customers import CustomerService
from posdesk.services.errors import InputError, StripeNotConfigured
from posdesk.store.audit import AuditLog, decode_detail
from tests.gateway.sandbox_api import attach_card, call, new_customer, set_default_card
from tests.stripe_contract import RECORDER, violations

# Who reads customers in these tests (every role may).
READER = StaffMember(id="staff-7", name="Cory Cashier", role=Role.CASHIER)


@pytest.fixture
def service(tmp_store, gateway) -> CustomerService:
    return CustomerService(tmp_store, gateway, terminal_id="till-1")


def audit(store):
    return list(reversed(AuditLog(store).list_recent(100)))


def stripe_default(sandbox, secret_key, customer_id) -> str | None:
    customer = call(sandbox.base_url, secret_key, "GET", f"/v1/customers/{customer_id}")
    return customer["invoice_settings"]["default_payment_method"]


@pytest.mark.parametrize("role", [Role.CASHIER, Role.SUPPORT, Role.MANAGER])
def test_set_default_card_at_stripe_and_in_the_cache_and_audited(
    service, sandbox, secret_key, tmp_store, customer_id, role
) -> None:
    visa = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_visa")
    amex = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_amex")
    set_default_card(sandbox.base_url, secret_key, customer_id, visa)
    service.customer_page(READER, customer_id)
    staff = roles.StaffMember(id="staff-5", name="Pat", role=role)

    with RECORDER.collecting() as sent:
        service.set_default_card(staff, customer_id, amex)

    assert stripe_default(sandbox, secret_key, customer_id) == amex
    # The cache says so too: the page shows it without asking Stripe again.
    cards = {c.id: c for c in service.customer_page(READER, customer_id, from_stripe=False).cards}
    assert cards[amex].is_default and not cards[visa].is_default
    [update] = [r for r in sent if r.path == f"/v1/customers/{customer_id}"]
    assert update.params_type == "CustomerUpdateParams"
    assert update.params == {"invoice_settings": {"default_payment_method": amex}}
    # Taken out of the suite-wide check by collecting them here: checked here instead.
    assert violations(sent) == []
    [entry] = audit(tmp_store)
    assert (entry.staff_id, entry.staff_name, entry.terminal_id) == ("staff-5", "Pat", "till-1")
    assert (entry.action, entry.target, entry.outcome) == ("set_default_card", amex, "succeeded")
    assert decode_detail(entry) == {
        "customer_id": customer_id, "brand": "amex", "last4": "0005", "previous_default": visa,
    }


def test_every_update_has_its_own_idempotency_key(
    service, sandbox, secret_key, customer_id, cashier
) -> None:
    visa = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_visa")
    amex = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_amex")
    service.customer_page(READER, customer_id)
    keys: list[str] = []
    real = service.gateway.set_default_payment_method

    def spy(customer: str, card: str, idempotency_key: str):
        keys.append(idempotency_key)
        return real(customer, card, idempotency_key=idempotency_key)

    service.gateway.set_default_payment_method = spy  # type: ignore[method-assign]
    service.set_default_card(cashier, customer_id, amex)
    service.set_default_card(cashier, customer_id, visa)
    assert len(keys) == 2 and len(set(keys)) == 2 and all(keys)
    # A reused key would have replayed the first answer: the second change really happened.
    assert stripe_default(sandbox, secret_key, customer_id) == visa


def test_a_role_without_edit_customers_is_refused_and_audited(
    service, sandbox, secret_key, tmp_store, customer_id, cashier, monkeypatch
) -> None:
    # Every role edits customers today; a shop that takes it from cashiers is refused here.
    monkeypatch.setitem(
        roles.ROLE_PERMISSIONS, Role.CASHIER,
        roles.ROLE_PERMISSIONS[Role.CASHIER] - {Permission.EDIT_CUSTOMERS},
    )
    visa = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_visa")
    service.customer_page(READER, customer_id)
    with pytest.raises(PermissionDenied):
        service.set_default_card(cashier, customer_id, visa)
    assert stripe_default(sandbox, secret_key, customer_id) is None
    [entry] = audit(tmp_store)
    assert (entry.action, entry.outcome, entry.staff_id) == ("edit_customers", "denied", "staff-7")


def test_failure_is_audited_and_keeps_the_default(
    service, sandbox, secret_key, tmp_store, customer_id, cashier
) -> None:
    visa = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_visa")
    amex = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_amex")
    set_default_card(sandbox.base_url, secret_key, customer_id, visa)
    service.customer_page(READER, customer_id)
    sandbox.fail_next(1, status=500, path_prefix="/v1/customers")
    with pytest.raises(GatewayError) as info:
        service.set_default_card(cashier, customer_id, amex)
    assert info.value.kind is OutcomeKind.UNAVAILABLE
    assert service.customers.get(customer_id).default_payment_method == visa
    [entry] = audit(tmp_store)
    assert (entry.action, entry.outcome) == ("set_default_card", "unavailable")
    assert decode_detail(entry)["previous_default"] == visa


def test_a_card_of_another_customer_is_refused(
    service, sandbox, secret_key, customer_id, cashier
) -> None:
    visa = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_visa")
    service.customer_page(READER, customer_id)
    other = new_customer(sandbox.base_url, secret_key, "Other Person")
    with pytest.raises(InputError):
        service.set_default_card(cashier, other, visa)
    assert stripe_default(sandbox, secret_key, other) is None


def test_a_card_stripe_does_not_know_on_the_customer_is_refused_by_stripe(
    service, sandbox, secret_key, tmp_store, customer_id, cashier
) -> None:
    # Not in the cache (another terminal attached it elsewhere): Stripe is the judge.
    other = new_customer(sandbox.base_url, secret_key, "Other Person")
    elsewhere = attach_card(sandbox.base_url, secret_key, other, "pm_card_visa")
    service.customer_page(READER, customer_id)
    with pytest.raises(GatewayError) as info:
        service.set_default_card(cashier, customer_id, elsewhere)
    assert not info.value.retryable
    assert stripe_default(sandbox, secret_key, customer_id) is None
    assert audit(tmp_store)[-1].outcome == info.value.kind.value


def test_set_default_card_without_stripe(tmp_store, cashier) -> None:
    with pytest.raises(StripeNotConfigured):
        CustomerService(tmp_store, None).set_default_card(cashier, "cus_1", "pm_1")


@pytest.mark.parametrize(
    ("customer", "card"), [("cus_1/../../v1/charges", "pm_1"), ("cus_1", "pm_1?expand=x"),
                           ("", "pm_1"), ("cus_1", " ")],
)
def test_ids_that_are_not_stripe_ids_are_refused_before_anything_is_sent(
    service, sandbox, tmp_store, cashier, customer, card
) -> None:
    with RECORDER.collecting() as sent, pytest.raises(InputError):
        service.set_default_card(cashier, customer, card)
    assert sent == [] and audit(tmp_store) == []
