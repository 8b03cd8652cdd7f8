"""Manager approval above the shop's limits: refused without it (audited, nothing sent to
Stripe, nothing written), done once with a manager's PIN (both people audited), never with a
cashier's; removing a card while the shop asks for approval; the refund rule in place."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from posdesk.domain.approval import ApprovalRequired
from posdesk.domain.money import Money
from posdesk.domain.outcomes import OutcomeKind
from posdesk.domain.roles import Role, StaffMember
from posdesk.services import guard
from posdesk.services.approval import Approvals, approval_target
from posdesk.services.card_entry import CardEntryService
from posdesk.services.charges import ChargeService
from posdesk.services.customers import CustomerService
from posdesk.services.guard import Guard
from posdesk.services.shop_settings import ShopSettingsService
from posdesk.services.staff import Approval, SignInRefused, StaffService
from posdesk.store.audit import AuditLog, decode_detail
from posdesk.store.payments import PaymentRepository
from posdesk.store.staff import StaffRepository
from tests.conftest import TEST_PUBLISHABLE_KEY
from tests.gateway.sandbox_api import attach_card

USD_12_50 = Money(1250, "USD")
USD_10 = Money(1000, "USD")
MANAGER_PIN, CASHIER_PIN, SUPPORT_PIN = "2580", "7391", "4826"


class Requests:
    """Counts the API requests the sandbox receives."""

    def __init__(self, sandbox) -> None:
        self.count = 0
        handle = sandbox.handle_api

        def counted(*args, **kwargs):
            self.count += 1
            return handle(*args, **kwargs)

        sandbox.handle_api = counted


class People:
    def __init__(self, store) -> None:
        self.accounts = StaffService(StaffRepository(store), Guard(AuditLog(store, "till-1")),
                                     "till-1")
        self.manager = self.accounts.create_first_manager("Mo Manager", MANAGER_PIN)
        self.cashier = self.accounts.add(self.manager, "Cory Cashier", Role.CASHIER,
                                         CASHIER_PIN).member
        self.support = self.accounts.add(self.manager, "Sam Support", Role.SUPPORT,
                                         SUPPORT_PIN).member

    def approve(self, requester: StaffMember, error: ApprovalRequired) -> Approval:
        return self.accounts.approve(self.manager.id, MANAGER_PIN, requester, error.action,
                                     error.target)


@pytest.fixture
def people(tmp_store) -> People:
    return People(tmp_store)


@pytest.fixture
def shop(tmp_store, people) -> ShopSettingsService:
    shop = ShopSettingsService(tmp_store, Guard(AuditLog(tmp_store, "till-1")))
    shop.save(people.manager, replace(shop.get(), charge_approval_over=1000,
                                      refund_approval_over=5000,
                                      remove_card_needs_approval=True))
    return shop


@pytest.fixture
def charges(tmp_store, gateway, shop) -> ChargeService:
    return ChargeService(tmp_store, gateway, approvals=Approvals(shop.get))


@pytest.fixture
def requests(sandbox, customer_id) -> Iterator[Requests]:
    yield Requests(sandbox)


def audit(store, action: str):
    return [e for e in reversed(AuditLog(store).list_recent(500)) if e.action == action]


def test_a_charge_over_the_limit_is_refused_without_approval_and_nothing_is_sent(
    charges, tmp_store, people, customer_id, requests
) -> None:
    with pytest.raises(ApprovalRequired) as needed:
        charges.charge_saved_card(people.cashier, customer_id, "pm_card_visa", USD_12_50)
    assert "$10.00" in str(needed.value) and "Nothing was charged" in str(needed.value)
    assert needed.value.action == "charge"
    assert needed.value.target == approval_target(customer_id, USD_12_50)
    assert requests.count == 0
    assert PaymentRepository(tmp_store).list_recent(10) == []
    [refused] = audit(tmp_store, "charge")
    assert (refused.outcome, refused.staff_id) == ("approval_required", people.cashier.id)
    assert decode_detail(refused)["amount"] == 1250


def test_with_a_managers_approval_it_is_charged_once_and_both_are_audited(
    charges, tmp_store, people, customer_id, requests
) -> None:
    with pytest.raises(ApprovalRequired) as needed:
        charges.charge_saved_card(people.cashier, customer_id, "pm_card_visa", USD_12_50)
    approval = people.approve(people.cashier, needed.value)
    result = charges.charge_saved_card(people.cashier, customer_id, "pm_card_visa", USD_12_50,
                                       approval=approval)
    assert result.outcome.kind is OutcomeKind.SUCCEEDED
    assert len(PaymentRepository(tmp_store).list_recent(10)) == 1
    assert requests.count == 1  # the one PaymentIntent create
    charged = audit(tmp_store, "charge")[-1]
    assert (charged.outcome, charged.staff_id) == ("succeeded", people.cashier.id)
    detail = decode_detail(charged)
    assert (detail["approved_by"], detail["approved_by_name"]) == (people.manager.id,
                                                                  "Mo Manager")
    [approved] = audit(tmp_store, "approve")
    assert (approved.outcome, approved.staff_id) == ("approved", people.manager.id)
    assert decode_detail(approved)["for"] == people.cashier.id


def test_at_the_limit_no_approval_is_asked(charges, people, customer_id) -> None:
    result = charges.charge_saved_card(people.cashier, customer_id, "pm_card_visa", USD_10)
    assert result.outcome.kind is OutcomeKind.SUCCEEDED


def test_a_managers_own_charge_names_them_as_approver(
    charges, tmp_store, people, customer_id
) -> None:
    charges.charge_saved_card(people.manager, customer_id, "pm_card_visa", USD_12_50)
    assert decode_detail(audit(tmp_store, "charge")[-1])["approved_by"] == people.manager.id


def test_a_cashier_cannot_approve(charges, tmp_store, people, customer_id, requests) -> None:
    other = people.accounts.add(people.manager, "Cleo Cashier", Role.CASHIER, "8150").member
    with pytest.raises(ApprovalRequired) as needed:
        charges.charge_saved_card(people.cashier, customer_id, "pm_card_visa", USD_12_50)
    with pytest.raises(SignInRefused) as refused:
        people.accounts.approve(other.id, "8150", people.cashier, needed.value.action,
                                needed.value.target)
    assert "Only a manager" in refused.value.message
    # An approval in a cashier's name, however it was made, is not taken.
    forged = Approval(other, needed.value.action, needed.value.target)
    with pytest.raises(ApprovalRequired):
        charges.charge_saved_card(people.cashier, customer_id, "pm_card_visa", USD_12_50,
                                  approval=forged)
    assert requests.count == 0
    assert audit(tmp_store, "approve")[-1].outcome == "denied"


def test_an_approval_covers_only_its_own_action_amount_and_customer(
    charges, people, customer_id, requests
) -> None:
    with pytest.raises(ApprovalRequired) as needed:
        charges.charge_saved_card(people.cashier, customer_id, "pm_card_visa", USD_12_50)
    approval = people.approve(people.cashier, needed.value)
    for amount, customer in ((Money(99_999, "USD"), customer_id), (USD_12_50, "cus_other")):
        with pytest.raises(ApprovalRequired):
            charges.charge_saved_card(people.cashier, customer, "pm_card_visa", amount,
                                      approval=approval)
    self_approved = Approval(people.cashier, approval.action, approval.target)
    with pytest.raises(ApprovalRequired):
        charges.charge_saved_card(people.cashier, customer_id, "pm_card_visa", USD_12_50,
                                  approval=self_approved)
    assert requests.count == 0


def test_a_wrong_pin_approves_nothing(charges, people, customer_id) -> None:
    with pytest.raises(ApprovalRequired) as needed:
        charges.charge_saved_card(people.cashier, customer_id, "pm_card_visa", USD_12_50)
    with pytest.raises(SignInRefused) as refused:
        people.accounts.approve(people.manager.id, "0000", people.cashier,
                                needed.value.action, needed.value.target)
    assert "Wrong PIN" in refused.value.message


def test_removing_a_card_needs_approval_while_the_shop_asks_for_it(
    tmp_store, gateway, sandbox, secret_key, customer_id, shop, people
) -> None:
    customers = CustomerService(tmp_store, gateway, approvals=Approvals(shop.get))
    visa = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_visa")
    customers.customer_page(people.support, customer_id)
    requests = Requests(sandbox)
    with pytest.raises(ApprovalRequired) as needed:
        customers.detach_card(people.support, customer_id, visa)
    assert requests.count == 0
    assert [m.id for m in customers.methods.list_for_customer(customer_id)] == [visa]
    assert audit(tmp_store, "detach_card")[-1].outcome == "approval_required"
    approval = people.approve(people.support, needed.value)
    customers.detach_card(people.support, customer_id, visa, approval=approval)
    assert customers.methods.list_for_customer(customer_id) == []
    removed = audit(tmp_store, "detach_card")[-1]
    assert removed.outcome == "succeeded"
    assert decode_detail(removed)["approved_by_name"] == "Mo Manager"


def test_a_new_card_payment_over_the_limit_asks_before_anything_is_sent(
    tmp_store, gateway, charges, people, customer_id, requests
) -> None:
    card_entry = CardEntryService(tmp_store, gateway, TEST_PUBLISHABLE_KEY, charges)
    with pytest.raises(ApprovalRequired) as needed:
        card_entry.start_payment(people.cashier, customer_id, USD_12_50)
    with pytest.raises(ApprovalRequired):
        card_entry.start_cvc(people.cashier, customer_id, "pm_card_visa", USD_12_50)
    assert requests.count == 0
    assert PaymentRepository(tmp_store).list_recent(10) == []
    approval = people.approve(people.cashier, needed.value)
    session = card_entry.start_payment(people.cashier, customer_id, USD_12_50,
                                       approval=approval)
    assert session.intent_id and requests.count == 1
    started = [e for e in audit(tmp_store, "card_entry_start") if e.outcome == "started"]
    assert decode_detail(started[-1])["approved_by"] == people.manager.id
    card_entry.abandon(session)


def test_the_refund_rule_reads_its_own_limit(shop) -> None:
    approvals = Approvals(shop.get)
    assert approvals.needed(guard.REFUND, Money(5000, "USD")) is None
    assert "$50.00" in str(approvals.needed(guard.REFUND, Money(5001, "USD")))
    assert approvals.needed(guard.CHARGE_SAVED_CARD, Money(5001, "EUR")) is not None
    assert approvals.needed(guard.SET_DEFAULT_CARD) is None
