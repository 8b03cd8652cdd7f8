from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from posdesk.domain.payment_state import PaymentState
from posdesk.store.database import Store
from posdesk.store.models import PaymentRecord, utcnow
from posdesk.store.payments import PaymentNotFound, PaymentRepository


def pending(customer: str = "cus_1", **overrides: object) -> PaymentRecord:
    fields: dict[str, object] = {
        "id": str(uuid.uuid4()),
        "idempotency_key": str(uuid.uuid4()),
        "customer_id": customer,
        "payment_method_id": "pm_1",
        "amount": 1250,
        "currency": "EUR",
        "state": PaymentState.PENDING.value,
        "staff_id": "staff_1",
        "staff_name": "Pat",
    }
    fields.update(overrides)
    return PaymentRecord(**fields)  # type: ignore[arg-type]


def test_add_is_durable_and_readable_by_another_store(store: Store, open_test_store) -> None:
    record = pending()
    PaymentRepository(store).add(record)
    other = PaymentRepository(open_test_store())
    loaded = other.get(record.id)
    assert loaded is not None
    assert (loaded.amount, loaded.currency, loaded.state) == (1250, "EUR", "pending")
    assert other.get_by_idempotency_key(record.idempotency_key).id == record.id  # type: ignore[union-attr]


def test_idempotency_key_and_intent_are_unique(store: Store) -> None:
    repo = PaymentRepository(store)
    first = repo.add(pending(intent_id="pi_1"))
    with pytest.raises(IntegrityError):
        repo.add(pending(idempotency_key=first.idempotency_key))
    with pytest.raises(IntegrityError):
        repo.add(pending(intent_id="pi_1"))
    assert len(repo.list_recent(10)) == 1


def test_update_records_the_answer_and_stamps_updated_at(store: Store) -> None:
    repo = PaymentRepository(store)
    record = repo.add(pending())
    before = record.updated_at
    updated = repo.update(
        record.id,
        state=PaymentState.SUCCEEDED,
        intent_id="pi_9",
        stripe_status="succeeded",
        amount_received=1250,
    )
    assert updated.state == "succeeded"
    assert updated.updated_at > before
    assert repo.get_by_intent("pi_9").id == record.id  # type: ignore[union-attr]
    assert repo.get_by_intent("pi_other") is None


def test_update_refuses_key_fields_and_unknown_ids(store: Store) -> None:
    repo = PaymentRepository(store)
    record = repo.add(pending())
    with pytest.raises(ValueError, match="idempotency_key"):
        repo.update(record.id, idempotency_key="new")
    with pytest.raises(ValueError, match="unknown"):
        repo.update(record.id, colour="red")
    with pytest.raises(PaymentNotFound):
        repo.update("nope", state="failed")
    assert repo.get(record.id).idempotency_key == record.idempotency_key  # type: ignore[union-attr]


def test_list_needing_settlement(store: Store) -> None:
    repo = PaymentRepository(store)
    now = utcnow()
    states = ["pending", "unconfirmed", "processing", "succeeded", "declined", "requires_capture"]
    added = {}
    for offset, state in enumerate(states):
        added[state] = repo.add(pending(state=state, created_at=now + timedelta(seconds=offset)))
    found = [r.id for r in repo.list_needing_settlement()]
    assert found == [added["pending"].id, added["unconfirmed"].id, added["processing"].id]


def test_lists_are_newest_first_and_limited(store: Store) -> None:
    repo = PaymentRepository(store)
    now = utcnow()
    mine = [repo.add(pending(created_at=now + timedelta(seconds=i))) for i in range(5)]
    repo.add(pending(customer="cus_2", created_at=now + timedelta(seconds=10)))
    assert [r.id for r in repo.list_for_customer("cus_1", limit=3)] == [
        mine[4].id,
        mine[3].id,
        mine[2].id,
    ]
    recent = repo.list_recent(2)
    assert [r.customer_id for r in recent] == ["cus_2", "cus_1"]
    assert recent[1].id == mine[4].id
