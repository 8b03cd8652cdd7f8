"""Start-up reconciliation: every local payment or refund not final at Stripe is re-read."""

from __future__ import annotations

from posdesk.domain.money import Money
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.services.charges import ChargeService
from posdesk.store.models import PaymentRecord
from posdesk.store.payments import PaymentRepository
from posdesk.store.sync_state import RefundRepository
from posdesk.sync.applier import EventApplier
from posdesk.sync.reconcile import StartupReconciler
from tests.gateway.sandbox_api import attach_card, call, new_customer
from tests.sync.conftest import event, intent

STAFF = StaffMember(id="staff-7", name="Cory Cashier", role=Role.CASHIER)


def test_open_payments_and_refunds_are_settled(sandbox, secret_key, store, source) -> None:
    base = sandbox.base_url
    customer = new_customer(base, secret_key, "Olive Open")
    card = attach_card(base, secret_key, customer)
    charges = ChargeService(store, StripeGateway(secret_key, base, timeout=5))
    sandbox.drop_after_processing(1, path_prefix="/v1/payment_intents")
    lost = charges.charge_saved_card(STAFF, customer, card, Money(1800, "USD"))
    assert lost.state is PaymentState.UNCONFIRMED
    # Authorised elsewhere, captured elsewhere while this terminal was off.
    held = call(base, secret_key, "POST", "/v1/payment_intents", {
        "amount": 2600, "currency": "usd", "customer": customer, "payment_method": card,
        "confirm": "true", "off_session": "true", "capture_method": "manual"})
    applier = EventApplier(store, source)
    applier.apply([event("payment_intent.amount_capturable_updated", held, held["created"])])
    assert PaymentRepository(store).get_by_intent(held["id"]).state == (
        PaymentState.REQUIRES_CAPTURE)
    call(base, secret_key, "POST", f"/v1/payment_intents/{held['id']}/capture")
    # A refund last seen pending.
    paid = call(base, secret_key, "POST", "/v1/payment_intents", {
        "amount": 900, "currency": "usd", "customer": customer, "payment_method": card,
        "confirm": "true", "off_session": "true"})
    refund = call(base, secret_key, "POST", "/v1/refunds", {"payment_intent": paid["id"]})
    applier.apply([event("refund.created", {**refund, "status": "pending"}, refund["created"])])
    assert [r.id for r in RefundRepository(store).list_open()] == [refund["id"]]

    report = StartupReconciler(store, charges.ledger, source, applier).run()
    assert report.errors == 0 and report.unsettled == 0
    payments = PaymentRepository(store)
    assert payments.get(lost.payment_id).state == PaymentState.SUCCEEDED
    assert payments.get_by_intent(held["id"]).state == PaymentState.SUCCEEDED
    assert RefundRepository(store).get(refund["id"]).status == "succeeded"
    assert RefundRepository(store).list_open() == []
    assert sandbox.count("payment_intent") == 3  # settling never charged again


def test_an_intent_without_an_outcome_keeps_a_payment_open(store) -> None:
    """The intent's creation event must not make a payment whose answer is still awaited
    look finished (it would drop out of settlement)."""
    repo = PaymentRepository(store)
    record = repo.add(PaymentRecord(
        id="aaaaaaaa-0000-0000-0000-000000000001", idempotency_key="k-open", amount=1250,
        currency="USD", state=PaymentState.UNCONFIRMED.value, staff_id="staff-7",
        customer_id="cus_1", payment_method_id="pm_1"))
    created = intent("pi_open", "requires_confirmation",
                     metadata={"posdesk_payment_id": record.id})
    EventApplier(store).apply([event("payment_intent.created", created, 1_790_000_000)])
    updated = repo.get(record.id)
    assert updated.intent_id == "pi_open" and updated.stripe_status == "requires_confirmation"
    assert updated.state == PaymentState.UNCONFIRMED
    assert [p.id for p in repo.list_needing_settlement()] == [record.id]
