"""A saved-card charge whose connection to Stripe was refused is closed as not charged at
once (nothing to settle), while one lost after sending stays to be settled, and a refusal
while settling never closes a payment Stripe may have taken."""

from __future__ import annotations

import socket

from posdesk.domain.money import Money
from posdesk.domain.outcomes import REASON_UNAVAILABLE, OutcomeKind
from posdesk.domain.payment_state import PaymentState
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.errors import NOT_SENT
from posdesk.services.charges import ChargeService
from posdesk.store.audit import AuditLog
from posdesk.store.payments import PaymentRepository

USD_9 = Money(900, "USD")


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def test_a_refused_charge_is_failed_not_charged_and_left_alone(
    tmp_store, secret_key, cashier
) -> None:
    service = ChargeService(tmp_store, StripeGateway(secret_key, closed_port_url(), timeout=5))
    result = service.charge_saved_card(cashier, "cus_ann", "pm_card_visa", USD_9)
    assert result.outcome.kind is OutcomeKind.UNAVAILABLE
    assert result.state is PaymentState.FAILED
    [record] = PaymentRepository(tmp_store).list_recent()
    assert record.state == PaymentState.FAILED
    assert (record.error_code, record.error_message) == (NOT_SENT, REASON_UNAVAILABLE)
    assert service.settle_unconfirmed() == []  # nothing to find out
    [entry] = AuditLog(tmp_store).list_recent()
    assert (entry.action, entry.outcome) == ("charge", "unavailable")


def test_a_refusal_while_settling_keeps_a_lost_answer_open(
    tmp_store, sandbox, secret_key, customer_id, cashier
) -> None:
    service = ChargeService(tmp_store, StripeGateway(secret_key, sandbox.base_url, timeout=5))
    sandbox.drop_after_processing(1, path_prefix="/v1/payment_intents")
    lost = service.charge_saved_card(cashier, customer_id, "pm_card_visa", USD_9)
    assert lost.state is PaymentState.UNCONFIRMED  # Stripe did take it
    assert sandbox.count("payment_intent") == 1

    service.gateway = StripeGateway(secret_key, closed_port_url(), timeout=5)
    [still] = service.settle_unconfirmed()
    assert still.outcome.kind is OutcomeKind.UNAVAILABLE
    assert still.state is PaymentState.UNCONFIRMED  # the resend was refused, not the payment
    [record] = PaymentRepository(tmp_store).list_recent()
    assert record.state == PaymentState.UNCONFIRMED

    service.gateway = StripeGateway(secret_key, sandbox.base_url, timeout=5)
    [settled] = service.settle_unconfirmed()
    assert settled.state is PaymentState.SUCCEEDED
    assert sandbox.count("payment_intent") == 1  # one charge, never two
