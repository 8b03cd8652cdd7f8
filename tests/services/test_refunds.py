"""Refunds through the service and the ledger: real sandbox over HTTP, the store on SQLite
and (with POSDESK_TEST_DATABASE_URL) PostgreSQL.

Partial refunds then the rest; one more refused in words with nothing sent; a lost answer
settled once with the same key; refunds made elsewhere and failed refunds brought in by
sync; the shop's refund limit (approval required, audited; with a manager's PIN one refund
naming both people); roles.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
import requests as http

from posdesk.domain import roles
from posdesk.domain.approval import ApprovalRequired
from posdesk.domain.money import Money
from posdesk.domain.refunds import (
    STRIPE_MORE_THAN_LEFT,
    RefundReason,
    RefundState,
)
from posdesk.domain.roles import PermissionDenied, Role, StaffMember
from posdesk.ledger.refunds import METADATA_REFUND_ID, RefundLedger
from posdesk.services.approval import Approvals, approval_target
from posdesk.services.charges import ChargeService
from posdesk.services.guard import Guard
from posdesk.services.refunds import RefundRefused, RefundService
from posdesk.services.shop_settings import ShopSettingsService
from posdesk.services.staff import StaffService
from posdesk.store.audit import AuditLog, decode_detail
from posdesk.store.database import Store, open_store
from posdesk.store.payments import PaymentRepository
from posdesk.store.refund_requests import RefundRequestRepository
from posdesk.store.staff import StaffRepository
from posdesk.sync.applier import EventApplier
from tests.gateway.sandbox_api import call

MANAGER_PIN, CASHIER_PIN = "2580", "7391"
USD = "USD"


class Requests:
    """Counts the API requests the sandbox receives (and which)."""

    def __init__(self, sandbox) -> None:
        self.seen: list[tuple[str, str]] = []
        handle = sandbox.handle_api

        def counted(req, method, path, *args, **kwargs):
            self.seen.append((method, path))
            return handle(req, method, path, *args, **kwargs)

        sandbox.handle_api = counted

    def posts(self, path: str = "/v1/refunds") -> int:
        return sum(1 for method, p in self.seen if method == "POST" and p == path)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()


class Shop:
    def __init__(self, store: Store, gateway) -> None:
        self.store = store
        self.accounts = StaffService(StaffRepository(store), Guard(AuditLog(store, "till-1")),
                                     "till-1")
        self.manager = self.accounts.create_first_manager("Mo Manager", MANAGER_PIN)
        self.cashier = self.accounts.add(self.manager, "Cory Cashier", Role.CASHIER,
                                         CASHIER_PIN).member
        self.support = StaffMember("staff-support", "Sam Support", Role.SUPPORT)
        self.settings = ShopSettingsService(store, Guard(AuditLog(store, "till-1")))
        self.charges = ChargeService(store, gateway, approvals=Approvals(self.settings.get))
        self.refunds = RefundService(store, gateway, approvals=Approvals(self.settings.get))

    def limit(self, refund_over: int | None) -> None:
        self.settings.save(self.manager, replace(self.settings.get(),
                                                 refund_approval_over=refund_over))

    def paid(self, customer_id: str, amount: int = 5000) -> str:
        result = self.charges.charge_saved_card(self.manager, customer_id, "pm_card_visa",
                                                Money(amount, USD), "Sale")
        return result.payment_id


@pytest.fixture
def shop(store, gateway) -> Shop:
    shop = Shop(store, gateway)
    shop.limit(10_000)
    return shop


@pytest.fixture
def sent(sandbox) -> Requests:
    return Requests(sandbox)


def audit(store: Store, action: str) -> list[Any]:
    return [e for e in reversed(AuditLog(store).list_recent(500)) if e.action == action]


def stripe_refunds(sandbox, secret_key: str, intent_id: str) -> list[dict[str, Any]]:
    return call(sandbox.base_url, secret_key, "GET",
                f"/v1/refunds?payment_intent={intent_id}&limit=100")["data"]


def events(sandbox, secret_key: str) -> list[dict[str, Any]]:
    return call(sandbox.base_url, secret_key, "GET", "/v1/events?limit=100")["data"]


def payment(store: Store, payment_id: str):
    record = PaymentRepository(store).get(payment_id)
    assert record is not None
    return record


# --- partial refunds, then the rest, then nothing -------------------------------------------


def test_a_partial_refund_then_the_rest_then_one_more_refused_with_nothing_sent(
    shop, store, sandbox, secret_key, customer_id, sent
) -> None:
    payment_id = shop.paid(customer_id, 5000)
    first = shop.refunds.refund(shop.cashier, payment_id, Money(1500, USD),
                                RefundReason.REQUESTED_BY_CUSTOMER, "  wrong size  ")
    assert first.state is RefundState.SUCCEEDED and first.refund_id
    assert first.amount == Money(1500, USD) and first.left == Money(3500, USD)
    rest = shop.refunds.refund(shop.cashier, payment_id, None, RefundReason.DUPLICATE)
    assert rest.state is RefundState.SUCCEEDED and rest.amount == Money(3500, USD)
    assert rest.left == Money(0, USD)
    assert sent.posts() == 2
    with pytest.raises(RefundRefused) as refused:
        shop.refunds.refund(shop.cashier, payment_id, Money(100, USD))
    assert "refunded in full" in str(refused.value)
    assert sent.posts() == 2  # nothing sent
    record = payment(store, payment_id)
    assert record.amount_refunded == 5000
    intent = record.intent_id or ""
    at_stripe = stripe_refunds(sandbox, secret_key, intent)
    assert sorted(r["amount"] for r in at_stripe) == [1500, 3500]
    assert {r["reason"] for r in at_stripe} == {"requested_by_customer", "duplicate"}
    assert all(r["metadata"][METADATA_REFUND_ID] for r in at_stripe)
    assert all("note" not in r["metadata"] for r in at_stripe)  # the note stays here
    view = shop.refunds.refundable(shop.cashier, payment_id)
    assert (view.received, view.refunded, view.left) == (5000, 5000, 0)
    assert [(line.amount, line.state, line.note) for line in view.lines] == [
        (1500, RefundState.SUCCEEDED, "wrong size"), (3500, RefundState.SUCCEEDED, None)]
    rows = audit(store, "refund")
    assert [r.outcome for r in rows] == ["succeeded", "succeeded", "refused"]
    assert decode_detail(rows[-1])["code"] == "nothing_left"
    assert rows[0].staff_id == shop.cashier.id and rows[0].terminal_id


def test_more_than_is_left_is_refused_in_words_and_nothing_is_sent(
    shop, store, customer_id, sent
) -> None:
    payment_id = shop.paid(customer_id, 2000)
    shop.refunds.refund(shop.cashier, payment_id, Money(1500, USD))
    with pytest.raises(RefundRefused) as refused:
        shop.refunds.refund(shop.cashier, payment_id, Money(600, USD))
    assert str(refused.value) == (
        "Only $5.00 is left to refund on this payment. Nothing was refunded.")
    assert sent.posts() == 1
    assert len(RefundRequestRepository(store).list_for_payment(payment_id)) == 1


def test_stripes_own_refusal_of_too_much_is_shown_in_words(
    shop, store, sandbox, secret_key, customer_id
) -> None:
    payment_id = shop.paid(customer_id, 2000)
    # Refunded at Stripe behind this store's back (no event applied yet): the local check
    # passes, Stripe refuses.
    intent = payment(store, payment_id).intent_id
    call(sandbox.base_url, secret_key, "POST", "/v1/refunds",
         {"payment_intent": intent, "amount": 1800})
    result = shop.refunds.refund(shop.cashier, payment_id, Money(500, USD))
    assert result.state is RefundState.REFUSED
    assert result.reason == STRIPE_MORE_THAN_LEFT
    [request] = RefundRequestRepository(store).list_for_payment(payment_id)
    assert (request.state, request.error_message) == ("refused", STRIPE_MORE_THAN_LEFT)
    assert len(stripe_refunds(sandbox, secret_key, intent or "")) == 1


# --- lost answers: settled once, with the same key -------------------------------------------


def test_a_lost_answer_is_settled_once_with_one_refund_and_one_record(
    shop, store, gateway, sandbox, secret_key, customer_id, sent
) -> None:
    payment_id = shop.paid(customer_id, 3000)
    sandbox.drop_after_processing(1, "/v1/refunds")
    lost = shop.refunds.refund(shop.cashier, payment_id, Money(1000, USD))
    assert lost.state is RefundState.UNCONFIRMED and lost.refund_id is None
    # Still counted: nobody can refund past it while it is unknown.
    assert shop.refunds.refundable(shop.cashier, payment_id).left == 2000
    # A new start of this terminal settles it.
    restarted = RefundService(store, gateway, approvals=shop.refunds.approvals)
    [settled] = restarted.settle_unconfirmed()
    assert settled.state is RefundState.SUCCEEDED and settled.refund_id
    intent = payment(store, payment_id).intent_id or ""
    [refund] = stripe_refunds(sandbox, secret_key, intent)
    assert refund["id"] == settled.refund_id and refund["amount"] == 1000
    [request] = RefundRequestRepository(store).list_for_payment(payment_id)
    assert (request.state, request.stripe_refund_id) == ("succeeded", refund["id"])
    assert restarted.settle_unconfirmed() == []
    assert payment(store, payment_id).amount_refunded == 1000
    [settle_row] = audit(store, "settle_refund")
    assert settle_row.outcome == "succeeded" and settle_row.staff_id == shop.cashier.id


def test_a_refund_that_never_ran_is_sent_again_with_the_same_key_once(
    shop, store, gateway, sandbox, secret_key, customer_id
) -> None:
    payment_id = shop.paid(customer_id, 3000)
    keys: list[str | None] = []
    original = sandbox.handle_api

    def watch(req, method, path, *args, **kwargs):
        if method == "POST" and path == "/v1/refunds":
            keys.append(req.headers.get("Idempotency-Key"))
        return original(req, method, path, *args, **kwargs)

    sandbox.handle_api = watch
    sandbox.fail_next(1, 503, "/v1/refunds")  # in front of Stripe: nothing ran, nothing saved
    lost = shop.refunds.refund(shop.cashier, payment_id, Money(1200, USD))
    assert lost.state is RefundState.UNCONFIRMED
    [settled] = shop.refunds.settle_unconfirmed()
    assert settled.state is RefundState.SUCCEEDED
    assert len(keys) == 2 and keys[0] == keys[1]
    [request] = RefundRequestRepository(store).list_for_payment(payment_id)
    assert request.idempotency_key == keys[0]
    intent = payment(store, payment_id).intent_id or ""
    assert len(stripe_refunds(sandbox, secret_key, intent)) == 1
    # The key replays the same refund at Stripe: a third send would make no second one.
    replay = http.post(sandbox.base_url + "/v1/refunds", auth=(secret_key, ""), timeout=10,
                       headers={"Idempotency-Key": keys[0] or ""},
                       data={"payment_intent": intent, "amount": 1200,
                             "reason": "requested_by_customer",
                             f"metadata[{METADATA_REFUND_ID}]": request.id,
                             "metadata[posdesk_payment_id]": payment_id,
                             "metadata[posdesk_staff_id]": shop.cashier.id})
    assert replay.headers.get("Idempotent-Replayed") == "true"
    assert replay.json()["id"] == settled.refund_id


def test_sync_before_our_answer_makes_one_refund_too(
    shop, store, gateway, sandbox, secret_key, customer_id
) -> None:
    payment_id = shop.paid(customer_id, 3000)
    sandbox.drop_after_processing(1, "/v1/refunds")
    shop.refunds.refund(shop.cashier, payment_id, Money(700, USD))
    EventApplier(store).apply(events(sandbox, secret_key))  # refund.created first
    [request] = RefundRequestRepository(store).list_for_payment(payment_id)
    assert request.state == "succeeded" and request.stripe_refund_id
    assert shop.refunds.settle_unconfirmed() == []  # nothing left open
    view = shop.refunds.refundable(shop.cashier, payment_id)
    assert [(line.amount, line.request_id) for line in view.lines] == [(700, request.id)]
    assert view.left == 2300


# --- sync: refunds made elsewhere, failed refunds --------------------------------------------


def test_a_refund_made_elsewhere_shows_on_its_payment(
    shop, store, sandbox, secret_key, customer_id
) -> None:
    payment_id = shop.paid(customer_id, 4000)
    intent = payment(store, payment_id).intent_id
    call(sandbox.base_url, secret_key, "POST", "/v1/refunds",
         {"payment_intent": intent, "amount": 1000, "reason": "duplicate"})
    EventApplier(store).apply(events(sandbox, secret_key))
    assert payment(store, payment_id).amount_refunded == 1000
    view = shop.refunds.refundable(shop.cashier, payment_id)
    [line] = view.lines
    assert (line.amount, line.state, line.reason, line.request_id) == (
        1000, RefundState.SUCCEEDED, "duplicate", None)
    assert view.left == 3000


def test_a_failed_refund_is_shown_failed_and_does_not_count(
    shop, store, sandbox, secret_key, customer_id
) -> None:
    payment_id = shop.paid(customer_id, 4000)
    sandbox.hold_refunds_pending(1)
    pending = shop.refunds.refund(shop.cashier, payment_id, Money(2500, USD))
    assert pending.state is RefundState.PENDING and pending.left == Money(1500, USD)
    assert payment(store, payment_id).amount_refunded == 2500
    applier = EventApplier(store)
    applier.apply(events(sandbox, secret_key))
    sandbox.settle_refund(pending.refund_id or "", succeed=False)
    found = events(sandbox, secret_key)
    assert "refund.failed" in {e["type"] for e in found}
    applier.apply(found)
    view = shop.refunds.refundable(shop.cashier, payment_id)
    [line] = view.lines
    assert line.state is RefundState.FAILED and not line.counts
    assert view.left == 4000 and payment(store, payment_id).amount_refunded == 0
    [request] = RefundRequestRepository(store).list_for_payment(payment_id)
    assert request.state == "failed"
    # The money can be refunded again.
    again = shop.refunds.refund(shop.cashier, payment_id, None)
    assert again.state is RefundState.SUCCEEDED and again.amount == Money(4000, USD)


# --- the shop's refund limit -----------------------------------------------------------------


def test_over_the_limit_without_approval_is_refused_audited_and_nothing_sent(
    shop, store, customer_id, sent
) -> None:
    payment_id = shop.paid(customer_id, 20_000)
    with pytest.raises(ApprovalRequired) as needed:
        shop.refunds.refund(shop.cashier, payment_id, Money(15_000, USD))
    assert "$100.00" in str(needed.value) and "Nothing was refunded" in str(needed.value)
    assert needed.value.action == "refund"
    assert needed.value.target == approval_target(payment_id, Money(15_000, USD))
    assert sent.posts() == 0
    assert RefundRequestRepository(store).list_for_payment(payment_id) == []
    [refused] = audit(store, "refund")
    assert (refused.outcome, refused.staff_id) == ("approval_required", shop.cashier.id)
    assert decode_detail(refused)["amount"] == 15_000


def test_with_a_managers_approval_one_refund_is_made_and_the_audit_names_both(
    shop, store, customer_id, sent
) -> None:
    payment_id = shop.paid(customer_id, 20_000)
    with pytest.raises(ApprovalRequired) as needed:
        shop.refunds.refund(shop.cashier, payment_id, None)  # the rest: 200.00
    approval = shop.accounts.approve(shop.manager.id, MANAGER_PIN, shop.cashier,
                                     needed.value.action, needed.value.target)
    result = shop.refunds.refund(shop.cashier, payment_id, None, approval=approval)
    assert result.state is RefundState.SUCCEEDED and result.amount == Money(20_000, USD)
    assert sent.posts() == 1
    done = audit(store, "refund")[-1]
    detail = decode_detail(done)
    assert (done.outcome, done.staff_id) == ("succeeded", shop.cashier.id)
    assert (detail["approved_by"], detail["approved_by_name"]) == (shop.manager.id,
                                                                   "Mo Manager")
    [request] = RefundRequestRepository(store).list_for_payment(payment_id)
    assert request.approved_by == shop.manager.id
    [approved] = audit(store, "approve")
    assert approved.staff_id == shop.manager.id


def test_an_approval_covers_only_its_amount(shop, customer_id) -> None:
    payment_id = shop.paid(customer_id, 20_000)
    with pytest.raises(ApprovalRequired) as needed:
        shop.refunds.refund(shop.cashier, payment_id, Money(12_000, USD))
    approval = shop.accounts.approve(shop.manager.id, MANAGER_PIN, shop.cashier,
                                     needed.value.action, needed.value.target)
    with pytest.raises(ApprovalRequired):
        shop.refunds.refund(shop.cashier, payment_id, Money(19_000, USD), approval=approval)


def test_under_the_limit_a_cashier_refunds_alone_and_a_manager_always(
    shop, customer_id
) -> None:
    payment_id = shop.paid(customer_id, 30_000)
    assert shop.refunds.refund(shop.cashier, payment_id, Money(10_000, USD)).state is \
        RefundState.SUCCEEDED
    big = shop.refunds.refund(shop.manager, payment_id, Money(20_000, USD))
    assert big.state is RefundState.SUCCEEDED


def test_with_no_limit_set_every_refund_by_a_cashier_needs_a_manager(
    shop, store, customer_id, sent
) -> None:
    shop.limit(None)
    payment_id = shop.paid(customer_id, 2000)
    with pytest.raises(ApprovalRequired) as needed:
        shop.refunds.refund(shop.cashier, payment_id, Money(100, USD))
    assert "no refund limit" in str(needed.value)
    assert sent.posts() == 0
    assert shop.refunds.refund(shop.manager, payment_id, Money(100, USD)).state is \
        RefundState.SUCCEEDED


# --- roles and input -------------------------------------------------------------------------


@pytest.mark.parametrize("role", list(Role))
def test_every_role_may_refund_within_the_limit(shop, customer_id, role: Role) -> None:
    payment_id = shop.paid(customer_id, 2000)
    member = StaffMember(f"staff-{role.value}", f"A {role.value}", role)
    assert shop.refunds.refund(member, payment_id, Money(500, USD)).state is \
        RefundState.SUCCEEDED


def test_a_role_without_refund_permission_is_refused_and_audited(
    shop, store, customer_id, sent, monkeypatch
) -> None:
    payment_id = shop.paid(customer_id, 2000)
    monkeypatch.setitem(roles.ROLE_PERMISSIONS, Role.SUPPORT,
                        roles.ROLE_PERMISSIONS[Role.SUPPORT] - {roles.Permission.REFUND})
    with pytest.raises(PermissionDenied):
        shop.refunds.refund(shop.support, payment_id, Money(500, USD))
    assert sent.posts() == 0
    [denied] = audit(store, "refund")
    assert (denied.outcome, denied.staff_id) == ("denied", shop.support.id)


def test_an_unpaid_payment_and_another_currency_are_refused(shop, store, customer_id) -> None:
    declined = shop.charges.charge_saved_card(shop.manager, customer_id,
                                              "pm_card_chargeDeclined", Money(900, USD))
    with pytest.raises(RefundRefused):
        shop.refunds.refund(shop.manager, declined.payment_id, None)
    payment_id = shop.paid(customer_id, 2000)
    with pytest.raises(Exception, match="refund it in USD"):
        shop.refunds.refund(shop.manager, payment_id, Money(100, "EUR"))


def test_a_refund_waits_for_another_terminal_holding_the_payment(
    shop, store, gateway, customer_id
) -> None:
    payment_id = shop.paid(customer_id, 2000)
    other = RefundLedger(store, gateway)
    with other.payment_held(payment_id, wait=False) as had:
        assert had
        quick = RefundService(store, gateway, approvals=shop.refunds.approvals,
                              claim_wait=timedelta(seconds=0.3))
        with pytest.raises(RefundRefused, match="Another terminal"):
            quick.refund(shop.manager, payment_id, Money(100, USD))
    assert shop.refunds.refund(shop.manager, payment_id, Money(100, USD)).state is \
        RefundState.SUCCEEDED
