"""A charge above the shop's "confirm amounts over": refused unless its amount was typed again
(audited, nothing sent to Stripe, nothing written), charged once with the retyped amount or a
manager's approval for it; a wrong retype is refused too; below the setting nothing is asked."""

from __future__ import annotations

from dataclasses import replace

import pytest

from posdesk.domain.approval import ApprovalRequired, ConfirmationRequired
from posdesk.domain.money import Money
from posdesk.domain.outcomes import OutcomeKind
from posdesk.services.approval import Approvals
from posdesk.services.card_entry import CardEntryService
from posdesk.services.charges import ChargeService
from posdesk.services.errors import InputError
from posdesk.services.guard import Guard
from posdesk.services.shop_settings import ShopSettingsService
from posdesk.store.audit import AuditLog, decode_detail
from posdesk.store.payments import PaymentRepository
from tests.conftest import TEST_PUBLISHABLE_KEY
from tests.services.test_approval import People, Requests, audit

USD_60 = Money(6000, "USD")
USD_50 = Money(5000, "USD")


@pytest.fixture
def people(tmp_store) -> People:
    return People(tmp_store)


@pytest.fixture
def shop(tmp_store, people) -> ShopSettingsService:
    shop = ShopSettingsService(tmp_store, Guard(AuditLog(tmp_store, "till-1")))
    shop.save(people.manager, replace(shop.get(), confirm_amount_over=5000))
    return shop


@pytest.fixture
def charges(tmp_store, gateway, shop) -> ChargeService:
    return ChargeService(tmp_store, gateway, approvals=Approvals(shop.get))


@pytest.fixture
def requests(sandbox, customer_id) -> Requests:
    return Requests(sandbox)


def test_a_large_charge_is_refused_without_confirmation_and_nothing_is_sent(
    charges, tmp_store, people, customer_id, requests
) -> None:
    with pytest.raises(ConfirmationRequired) as needed:
        charges.charge_saved_card(people.cashier, customer_id, "pm_card_visa", USD_60)
    assert "$50.00" in str(needed.value) and "Nothing was charged" in str(needed.value)
    assert requests.count == 0
    assert PaymentRepository(tmp_store).list_recent(10) == []
    [refused] = audit(tmp_store, "charge")
    assert (refused.outcome, refused.staff_id) == ("confirmation_required", people.cashier.id)
    assert decode_detail(refused)["amount"] == 6000


def test_a_wrong_retype_is_refused_too(charges, tmp_store, people, customer_id,
                                       requests) -> None:
    with pytest.raises(ConfirmationRequired):
        charges.charge_saved_card(people.cashier, customer_id, "pm_card_visa", USD_60,
                                  confirmed=Money(600, "USD"))
    assert requests.count == 0
    [refused] = audit(tmp_store, "charge")
    assert decode_detail(refused)["confirmed_amount"] == 600


def test_the_retyped_amount_charges_once(charges, tmp_store, people, customer_id,
                                         requests) -> None:
    result = charges.charge_saved_card(people.cashier, customer_id, "pm_card_visa", USD_60,
                                       confirmed=USD_60)
    assert result.outcome.kind is OutcomeKind.SUCCEEDED
    assert requests.count == 1
    assert decode_detail(audit(tmp_store, "charge")[-1])["amount_confirmed"] == "retyped"


def test_a_manager_types_it_again_as_well(charges, people, customer_id) -> None:
    # The confirmation guards against a mistyped amount: no role is exempt.
    with pytest.raises(ConfirmationRequired):
        charges.charge_saved_card(people.manager, customer_id, "pm_card_visa", USD_60)


def test_at_the_setting_nothing_is_asked(charges, people, customer_id) -> None:
    result = charges.charge_saved_card(people.cashier, customer_id, "pm_card_visa", USD_50)
    assert result.outcome.kind is OutcomeKind.SUCCEEDED


def test_a_managers_approval_of_the_amount_confirms_it(
    charges, shop, tmp_store, people, customer_id, requests
) -> None:
    shop.save(people.manager, replace(shop.get(), charge_approval_over=1000))
    with pytest.raises(ApprovalRequired) as needed:
        charges.charge_saved_card(people.cashier, customer_id, "pm_card_visa", USD_60)
    approval = people.approve(people.cashier, needed.value)
    result = charges.charge_saved_card(people.cashier, customer_id, "pm_card_visa", USD_60,
                                       approval=approval)
    assert result.outcome.kind is OutcomeKind.SUCCEEDED
    assert decode_detail(audit(tmp_store, "charge")[-1])["amount_confirmed"] == "approved"


def test_a_new_card_and_a_cvc_charge_ask_too(tmp_store, gateway, charges, people,
                                              customer_id, requests) -> None:
    service = CardEntryService(tmp_store, gateway, TEST_PUBLISHABLE_KEY, charges=charges)
    with pytest.raises(ConfirmationRequired):
        service.start_payment(people.cashier, customer_id, USD_60)
    with pytest.raises(ConfirmationRequired):
        service.start_cvc(people.cashier, customer_id, "pm_card_visa", USD_60)
    assert requests.count == 0
    assert PaymentRepository(tmp_store).list_recent(10) == []
    session = service.start_payment(people.cashier, customer_id, USD_60, confirmed=USD_60)
    assert session.intent_id


def test_the_setting_is_checked_and_audited(shop, tmp_store, people) -> None:
    with pytest.raises(InputError):
        shop.save(people.manager, replace(shop.get(), confirm_amount_over=-1))
    [changed] = [e for e in audit(tmp_store, "shop_setting") if e.target == "confirm_amount_over"]
    assert decode_detail(changed) == {"old": None, "new": 5000}
