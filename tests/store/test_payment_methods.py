from __future__ import annotations

import pytest

from posdesk.store.database import Store
from posdesk.store.models import PaymentMethodRecord
from posdesk.store.payment_methods import PaymentMethodData, PaymentMethodRepository


def card(pm: str, customer: str = "cus_1", created: int = 1, **extra: object) -> PaymentMethodData:
    fields: dict[str, object] = {
        "brand": "visa",
        "last4": "4242",
        "exp_month": 12,
        "exp_year": 2030,
    }
    fields.update(extra)
    return PaymentMethodData(id=pm, customer_id=customer, created=created, **fields)  # type: ignore[arg-type]


def test_no_column_can_hold_a_card_number_or_cvc() -> None:
    columns = set(PaymentMethodRecord.model_fields)
    assert not columns & {"number", "card_number", "pan", "cvc", "cvv"}


def test_replace_for_customer_keeps_exactly_the_given_methods(store: Store) -> None:
    repo = PaymentMethodRepository(store)
    repo.replace_for_customer("cus_1", [card("pm_a", created=1), card("pm_b", created=2)])
    repo.replace_for_customer("cus_2", [card("pm_c", customer="cus_2")])
    repo.replace_for_customer("cus_1", [card("pm_b", created=2), card("pm_d", created=3)])
    assert [m.id for m in repo.list_for_customer("cus_1")] == ["pm_d", "pm_b"]
    assert [m.id for m in repo.list_for_customer("cus_2")] == ["pm_c"]
    repo.replace_for_customer("cus_1", [])
    assert repo.list_for_customer("cus_1") == []


def test_replace_rejects_methods_of_another_customer(store: Store) -> None:
    repo = PaymentMethodRepository(store)
    repo.replace_for_customer("cus_1", [card("pm_a")])
    with pytest.raises(ValueError, match="belongs to"):
        repo.replace_for_customer("cus_1", [card("pm_x", customer="cus_2")])
    assert [m.id for m in repo.list_for_customer("cus_1")] == ["pm_a"]


def test_upsert_moves_and_updates_and_remove(store: Store) -> None:
    repo = PaymentMethodRepository(store)
    repo.upsert(card("pm_a", wallet="apple_pay"))
    repo.upsert(card("pm_a", exp_year=2031, wallet="apple_pay"))
    stored = repo.get("pm_a")
    assert stored is not None and (stored.exp_year, stored.wallet) == (2031, "apple_pay")
    repo.upsert(card("pm_a", customer="cus_2"))
    assert repo.list_for_customer("cus_1") == []
    assert [m.id for m in repo.list_for_customer("cus_2")] == ["pm_a"]
    assert repo.remove("pm_a") is True
    assert repo.remove("pm_a") is False
    assert repo.get("pm_a") is None


def test_upsert_many_writes_as_upsert_does_and_records_the_same_changes(store: Store) -> None:
    from posdesk.store import changes as change_feed

    repo = PaymentMethodRepository(store)
    repo.upsert(card("pm_a"))
    repo.upsert(card("pm_b", customer="cus_2"))
    with store.engine.connect() as connection:
        before = change_feed.newest_id(connection)
    repo.upsert_many([
        card("pm_a", exp_year=2031, wallet="apple_pay"),  # changed
        card("pm_b", customer="cus_3"),  # moved to another customer
        card("pm_c", created=5),  # new
        card("pm_c", created=6),  # twice in one batch: the last wins
    ])
    stored = repo.get("pm_a")
    assert stored is not None and (stored.exp_year, stored.wallet) == (2031, "apple_pay")
    assert [m.id for m in repo.list_for_customer("cus_2")] == []
    assert [m.id for m in repo.list_for_customer("cus_3")] == ["pm_b"]
    assert [(m.id, m.created) for m in repo.list_for_customer("cus_1")] == [
        ("pm_c", 6), ("pm_a", 1)
    ]
    with store.engine.connect() as connection:
        recorded = change_feed.read(connection, before).changes
    assert sorted((c.entity_id, c.customer_id) for c in recorded) == [
        ("pm_a", "cus_1"), ("pm_b", "cus_2"), ("pm_b", "cus_3"), ("pm_c", "cus_1")
    ]
    repo.upsert_many([])  # nothing to write
