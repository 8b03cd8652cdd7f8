"""Charging a saved card through the service: real sandbox over HTTP, real SQLite store."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from posdesk.domain.money import AmountError, Money
from posdesk.domain.outcomes import (
    NEXT_STEP_REFRESH_OTHER_CARD,
    REASON_CARD_NOT_USABLE,
    REASON_CONFIG_PERMISSION,
    REASON_INSUFFICIENT_FUNDS,
    REASON_SERVER_ERROR,
    REASON_SERVER_ERROR_NOT_CHARGED,
    REASON_UNAVAILABLE,
    OutcomeKind,
)
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import PermissionDenied
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.errors import SERVER_ERROR_REPLAYED
from posdesk.ledger.outcomes import outcome_for_record
from posdesk.ledger.payments import METADATA_PAYMENT_ID, SERVER_ERROR_WINDOW
from posdesk.services.charges import ChargeService
from posdesk.services.errors import InputError, StripeNotConfigured
from posdesk.store.audit import AuditLog, decode_detail
from posdesk.store.models import PaymentRecord
from posdesk.store.payments import PaymentRepository
from tests.gateway.sandbox_api import attach_card, call, intents

USD_12_50 = Money(1250, "USD")


@pytest.fixture
def service(tmp_store, gateway) -> ChargeService:
    return ChargeService(tmp_store, gateway)


def payments(store) -> list[PaymentRecord]:
    return PaymentRepository(store).list_recent(100)


def audit(store):
    return list(reversed(AuditLog(store).list_recent(100)))


def test_approved_charge_is_recorded_and_audited(
    service, tmp_store, sandbox, secret_key, customer_id, cashier
) -> None:
    result = service.charge_saved_card(cashier, customer_id, "pm_card_visa", USD_12_50, " Sale ")
    assert result.outcome.kind is OutcomeKind.SUCCEEDED
    assert result.state is PaymentState.SUCCEEDED
    assert result.amount == USD_12_50
    [record] = payments(tmp_store)
    assert record.id == result.payment_id
    assert record.state == PaymentState.SUCCEEDED
    assert record.intent_id == result.outcome.intent_id
    assert (record.amount, record.currency, record.description) == (1250, "USD", "Sale")
    assert (record.staff_id, record.staff_name) == ("staff-7", "Cory Cashier")
    assert record.amount_received == 1250
    uuid.UUID(record.idempotency_key)  # a fresh v4 key, not the record id
    assert record.idempotency_key != record.id
    [intent] = intents(sandbox.base_url, secret_key, customer_id)
    assert intent["id"] == record.intent_id
    assert intent["metadata"] == {METADATA_PAYMENT_ID: record.id, "posdesk_staff_id": "staff-7"}
    assert intent["description"] == "Sale"
    [entry] = audit(tmp_store)
    assert (entry.action, entry.outcome, entry.target) == ("charge", "succeeded", record.intent_id)
    assert decode_detail(entry)["amount"] == 1250


def test_pending_record_with_key_is_durable_before_the_request(
    tmp_store, gateway, sandbox, customer_id, cashier
) -> None:
    seen: list[tuple[str, str, int]] = []

    def hook(record: PaymentRecord) -> None:
        stored = PaymentRepository(tmp_store).get(record.id)
        assert stored is not None
        seen.append((stored.state, stored.idempotency_key, sandbox.count("payment_intent")))

    service = ChargeService(tmp_store, gateway, on_pending_written=hook)
    result = service.charge_saved_card(cashier, customer_id, "pm_card_visa", USD_12_50)
    [record] = payments(tmp_store)
    assert seen == [("pending", record.idempotency_key, 0)]
    assert result.state is PaymentState.SUCCEEDED


def test_insufficient_funds(service, tmp_store, customer_id, cashier) -> None:
    result = service.charge_saved_card(
        cashier, customer_id, "pm_card_chargeDeclinedInsufficientFunds", USD_12_50
    )
    assert result.outcome.kind is OutcomeKind.DECLINED
    assert result.outcome.reason == REASON_INSUFFICIENT_FUNDS
    [record] = payments(tmp_store)
    assert record.state == PaymentState.DECLINED
    assert (record.error_code, record.decline_code) == ("card_declined", "insufficient_funds")
    assert record.intent_id == result.outcome.intent_id
    assert outcome_for_record(record).reason == REASON_INSUFFICIENT_FUNDS
    assert audit(tmp_store)[-1].outcome == "declined"


def test_authentication_required_off_session(service, tmp_store, customer_id, cashier) -> None:
    result = service.charge_saved_card(
        cashier, customer_id, "pm_card_authenticationRequired", USD_12_50
    )
    assert result.outcome.kind is OutcomeKind.AUTHENTICATION_REQUIRED
    [record] = payments(tmp_store)
    assert record.state == PaymentState.AUTHENTICATION_REQUIRED
    assert record.intent_id and record.intent_id == result.outcome.intent_id
    # Not final: settling only retrieves the same intent, never charges anew.
    assert service.settle_unconfirmed() == []


def test_card_removed_elsewhere_is_explained_and_recorded_once(
    service, tmp_store, sandbox, secret_key, customer_id, cashier
) -> None:
    """The customer removed the card online moments ago: Stripe refuses it (detachment is
    permanent), nothing is charged, and the cashier is told to pick another card."""
    card = attach_card(sandbox.base_url, secret_key, customer_id, "pm_card_visa")
    call(sandbox.base_url, secret_key, "POST", f"/v1/payment_methods/{card}/detach", {})
    result = service.charge_saved_card(cashier, customer_id, card, USD_12_50)
    assert result.outcome.kind is OutcomeKind.BUG
    assert (result.outcome.reason, result.outcome.next_step) == (
        REASON_CARD_NOT_USABLE, NEXT_STEP_REFRESH_OTHER_CARD)
    assert result.state is PaymentState.FAILED
    [record] = payments(tmp_store)
    assert record.state == PaymentState.FAILED and record.intent_id is None
    assert intents(sandbox.base_url, secret_key, customer_id) == []
    shown = outcome_for_record(record)  # the recent-payments view says the same later
    assert (shown.reason, shown.next_step) == (REASON_CARD_NOT_USABLE,
                                               NEXT_STEP_REFRESH_OTHER_CARD)
    assert service.settle_unconfirmed() == []  # final: nothing to settle
    assert audit(tmp_store)[-1].outcome == "bug"


def test_support_staff_may_not_charge(service, tmp_store, sandbox, customer_id, support) -> None:
    with pytest.raises(PermissionDenied):
        service.charge_saved_card(support, customer_id, "pm_card_visa", USD_12_50)
    assert payments(tmp_store) == []
    assert sandbox.count("payment_intent") == 0
    [entry] = audit(tmp_store)
    assert (entry.action, entry.outcome, entry.staff_id) == ("charge", "denied", "staff-8")
    assert decode_detail(entry)["amount"] == 1250


@pytest.mark.parametrize(
    ("money", "words"),
    [
        (Money(0, "USD"), "more than zero"),
        (Money(-100, "USD"), "negative"),
        (Money(49, "USD"), "minimum charge in USD is $0.50"),
        (Money(100_000_000, "USD"), "maximum charge"),
        (Money(1005, "KWD"), "third decimal"),
    ],
)
def test_bad_amounts_change_nothing(service, tmp_store, sandbox, customer_id, cashier, money,
                                    words) -> None:
    with pytest.raises(AmountError) as info:
        service.charge_saved_card(cashier, customer_id, "pm_card_visa", money)
    assert words in str(info.value)
    assert payments(tmp_store) == [] and audit(tmp_store) == []
    assert sandbox.count("payment_intent") == 0


def test_missing_card_or_overlong_description(service, tmp_store, customer_id, cashier) -> None:
    with pytest.raises(InputError):
        service.charge_saved_card(cashier, customer_id, " ", USD_12_50)
    with pytest.raises(InputError):
        service.charge_saved_card(cashier, customer_id, "pm_card_visa", USD_12_50, "x" * 1001)
    assert payments(tmp_store) == []


def test_not_configured(tmp_store, cashier) -> None:
    with pytest.raises(StripeNotConfigured):
        ChargeService(tmp_store, None).charge_saved_card(cashier, "cus_1", "pm_1", USD_12_50)
    assert payments(tmp_store) == []


def test_read_only_key_fails_without_charging(tmp_store, sandbox, customer_id, cashier) -> None:
    gateway = StripeGateway("rk_test_readonly_" + uuid.uuid4().hex[:10], sandbox.base_url)
    result = ChargeService(tmp_store, gateway).charge_saved_card(
        cashier, customer_id, "pm_card_visa", USD_12_50
    )
    assert result.outcome.kind is OutcomeKind.CONFIGURATION_PROBLEM
    assert result.outcome.reason == REASON_CONFIG_PERMISSION
    assert result.state is PaymentState.FAILED
    assert sandbox.count("payment_intent") == 0
    [record] = payments(tmp_store)
    assert outcome_for_record(record).kind is OutcomeKind.CONFIGURATION_PROBLEM


def test_rate_limited_charge_fails_and_needs_no_settling(
    service, tmp_store, sandbox, customer_id, cashier
) -> None:
    sandbox.fail_next(1, status=429, path_prefix="/v1/payment_intents")
    result = service.charge_saved_card(cashier, customer_id, "pm_card_visa", USD_12_50)
    assert result.outcome.kind is OutcomeKind.RATE_LIMITED and result.outcome.retryable
    assert result.state is PaymentState.FAILED
    assert outcome_for_record(payments(tmp_store)[0]).kind is OutcomeKind.RATE_LIMITED
    assert service.settle_unconfirmed() == []
    assert sandbox.count("payment_intent") == 0


def test_connection_dropped_after_processing_settles_to_one_charge(
    service, tmp_store, sandbox, secret_key, customer_id, cashier
) -> None:
    sandbox.drop_after_processing(1, path_prefix="/v1/payment_intents")
    result = service.charge_saved_card(cashier, customer_id, "pm_card_visa", USD_12_50)
    assert result.outcome.kind is OutcomeKind.UNCONFIRMED
    assert result.state is PaymentState.UNCONFIRMED
    [record] = payments(tmp_store)
    assert record.state == PaymentState.UNCONFIRMED and record.intent_id is None
    assert sandbox.count("payment_intent") == 1

    [settled] = service.settle_unconfirmed()
    assert settled.payment_id == record.id
    assert settled.outcome.kind is OutcomeKind.SUCCEEDED
    assert settled.state is PaymentState.SUCCEEDED
    [record] = payments(tmp_store)
    [intent] = intents(sandbox.base_url, secret_key, customer_id)
    assert record.state == PaymentState.SUCCEEDED and record.intent_id == intent["id"]
    assert sandbox.count("payment_intent") == 1
    assert [e.action for e in audit(tmp_store)] == ["charge", "settle_charge"]
    assert [e.outcome for e in audit(tmp_store)] == ["unconfirmed", "succeeded"]
    assert service.settle_unconfirmed() == []  # nothing left


def test_server_error_then_still_down_then_settled(
    service, tmp_store, sandbox, customer_id, cashier
) -> None:
    # 503: refused in front of the API before anything ran, so Stripe saved nothing for the
    # key and the same request can still run (a 500 that began executing is replayed).
    sandbox.fail_next(1, status=503, path_prefix="/v1/payment_intents")
    result = service.charge_saved_card(cashier, customer_id, "pm_card_visa", USD_12_50)
    assert result.state is PaymentState.UNCONFIRMED and result.outcome.retryable
    sandbox.fail_next(1, status=503, path_prefix="/v1/payment_intents")
    [still] = service.settle_unconfirmed()
    assert still.state is PaymentState.UNCONFIRMED and still.outcome.retryable
    assert payments(tmp_store)[0].state == PaymentState.UNCONFIRMED
    settled = service.retry_unconfirmed(result.payment_id)
    assert settled.state is PaymentState.SUCCEEDED
    assert sandbox.count("payment_intent") == 1
    assert len(payments(tmp_store)) == 1
    # Asking again about a settled payment answers from the record.
    again = service.retry_unconfirmed(result.payment_id)
    assert again.outcome.kind is OutcomeKind.SUCCEEDED
    assert again.outcome.intent_id == settled.outcome.intent_id
    assert sandbox.count("payment_intent") == 1


class Clock:
    """The service's clock, moved by the test instead of waiting."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def clocked_service(tmp_store, gateway, clock) -> ChargeService:
    return ChargeService(tmp_store, gateway, clock=clock)


def test_server_error_after_the_intent_was_made_is_settled_by_lookup_at_once(
    clocked_service, tmp_store, sandbox, secret_key, customer_id, cashier
) -> None:
    # Stripe charged, then answered 500 and saved that answer for the key.
    sandbox.fail_next(1, status=500, path_prefix="/v1/payment_intents", processed=True)
    result = clocked_service.charge_saved_card(cashier, customer_id, "pm_card_visa", USD_12_50)
    assert result.state is PaymentState.UNCONFIRMED
    assert result.outcome.reason == REASON_SERVER_ERROR
    [record] = payments(tmp_store)
    assert record.server_error_at is not None and record.intent_id is None

    [settled] = clocked_service.settle_unconfirmed()  # no waiting: found by its metadata
    [intent] = intents(sandbox.base_url, secret_key, customer_id)
    assert settled.state is PaymentState.SUCCEEDED
    assert payments(tmp_store)[0].intent_id == intent["id"]
    assert intent["metadata"][METADATA_PAYMENT_ID] == record.id
    assert sandbox.count("payment_intent") == 1
    assert [(e.action, e.outcome) for e in audit(tmp_store)] == [
        ("charge", "unconfirmed"), ("settle_charge", "succeeded"),
    ]


def test_server_error_before_anything_ran_is_closed_as_not_charged_after_the_window(
    clocked_service, clock, tmp_store, sandbox, secret_key, customer_id, cashier
) -> None:
    sandbox.fail_next(1, status=500, path_prefix="/v1/payment_intents", processed=False)
    result = clocked_service.charge_saved_card(cashier, customer_id, "pm_card_visa", USD_12_50)
    assert result.state is PaymentState.UNCONFIRMED

    # Right away: no intent carries our id, and resending only replays the saved 500.
    [first] = clocked_service.settle_unconfirmed()
    assert first.state is PaymentState.UNCONFIRMED
    assert first.outcome.code == SERVER_ERROR_REPLAYED
    clock.advance(30)
    [second] = clocked_service.settle_unconfirmed()
    assert second.state is PaymentState.UNCONFIRMED

    clock.advance(SERVER_ERROR_WINDOW.total_seconds())
    [closed] = clocked_service.settle_unconfirmed()
    assert closed.state is PaymentState.FAILED
    assert closed.outcome.reason == REASON_SERVER_ERROR_NOT_CHARGED
    assert intents(sandbox.base_url, secret_key, customer_id) == []
    assert sandbox.count("payment_intent") == 0
    [record] = payments(tmp_store)
    shown = outcome_for_record(record)
    assert shown.reason == REASON_SERVER_ERROR_NOT_CHARGED and not shown.charged
    assert [(e.action, e.outcome) for e in audit(tmp_store)] == [
        ("charge", "unconfirmed"), ("settle_charge", "bug"),
    ]
    assert clocked_service.settle_unconfirmed() == []


def test_server_error_that_stripe_never_saved_runs_once_on_settling(
    clocked_service, tmp_store, sandbox, secret_key, customer_id, cashier
) -> None:
    # A 502 from in front of the API: nothing saved, so the same keyed request runs now.
    sandbox.fail_next(1, status=502, path_prefix="/v1/payment_intents")
    result = clocked_service.charge_saved_card(cashier, customer_id, "pm_card_visa", USD_12_50)
    assert result.state is PaymentState.UNCONFIRMED
    [settled] = clocked_service.settle_unconfirmed()
    assert settled.state is PaymentState.SUCCEEDED
    assert len(intents(sandbox.base_url, secret_key, customer_id)) == 1


def _old_unconfirmed(store, customer_id: str, key: str, *, payment_id: str) -> PaymentRecord:
    return PaymentRepository(store).add(
        PaymentRecord(
            id=payment_id,
            idempotency_key=key,
            customer_id=customer_id,
            payment_method_id="pm_card_visa",
            amount=1250,
            currency="USD",
            state=PaymentState.UNCONFIRMED.value,
            staff_id="staff-7",
            staff_name="Cory Cashier",
            created_at=datetime.now(UTC) - timedelta(days=2),
        )
    )


def test_old_payment_is_found_by_metadata_not_charged_again(
    service, tmp_store, gateway, sandbox, customer_id
) -> None:
    payment_id = str(uuid.uuid4())
    # The intent was created two days ago under a key Stripe has since pruned: the record's
    # key is unknown to the server, so resending it would charge a second time.
    first = gateway.charge_saved_card(
        amount=1250, currency="USD", customer_id=customer_id, payment_method_id="pm_card_visa",
        description=None, metadata={METADATA_PAYMENT_ID: payment_id, "posdesk_staff_id": "staff-7"},
        idempotency_key=str(uuid.uuid4()),
    )
    _old_unconfirmed(tmp_store, customer_id, str(uuid.uuid4()), payment_id=payment_id)
    [settled] = service.settle_unconfirmed()
    assert settled.state is PaymentState.SUCCEEDED
    assert settled.outcome.intent_id == first.intent_id
    assert sandbox.count("payment_intent") == 1
    assert payments(tmp_store)[0].intent_id == first.intent_id


def test_old_payment_that_never_reached_stripe_is_sent_once(
    service, tmp_store, sandbox, customer_id
) -> None:
    payment_id = str(uuid.uuid4())
    _old_unconfirmed(tmp_store, customer_id, str(uuid.uuid4()), payment_id=payment_id)
    [settled] = service.settle_unconfirmed()
    assert settled.state is PaymentState.SUCCEEDED
    assert sandbox.count("payment_intent") == 1
    assert service.settle_unconfirmed() == []
    assert sandbox.count("payment_intent") == 1


def test_settling_without_stripe_leaves_payments_open(tmp_store, customer_id) -> None:
    _old_unconfirmed(tmp_store, customer_id, str(uuid.uuid4()), payment_id=str(uuid.uuid4()))
    assert ChargeService(tmp_store, None).settle_unconfirmed() == []  # logged, not raised
    assert payments(tmp_store)[0].state == PaymentState.UNCONFIRMED


def test_a_held_payment_is_left_to_whoever_holds_it(
    service, tmp_store, sandbox, customer_id
) -> None:
    payment_id = str(uuid.uuid4())
    _old_unconfirmed(tmp_store, customer_id, str(uuid.uuid4()), payment_id=payment_id)
    with service.held(payment_id):
        assert service.is_held(payment_id)
        assert service.settle_unconfirmed() == []
        assert sandbox.count("payment_intent") == 0
    assert not service.is_held(payment_id)
    service.hold(payment_id)
    assert service.settle_unconfirmed() == []
    service.release(payment_id)
    service.release(payment_id)  # releasing twice is harmless
    [settled] = service.settle_unconfirmed()
    assert settled.payment_id == payment_id and settled.state is PaymentState.SUCCEEDED
    assert sandbox.count("payment_intent") == 1


def test_a_stored_refused_charge_is_shown_as_stripe_unreachable() -> None:
    # Refused before it left this computer: FAILED, and shown again as "can't be reached".
    record = PaymentRecord(
        id="p-1", idempotency_key="k-1", amount=1250, currency="USD", staff_id="s",
        state=PaymentState.FAILED.value, error_message=REASON_UNAVAILABLE,
    )
    shown = outcome_for_record(record)
    assert shown.kind is OutcomeKind.UNAVAILABLE and not shown.charged
