from __future__ import annotations

from posdesk.store.customers import (
    CustomerData,
    CustomerRepository,
    normalise_text,
    phone_digits,
    search_query,
)
from posdesk.store.database import Store


def test_normalisation_strips_case_accents_and_spacing() -> None:
    assert normalise_text("  José   NÚÑEZ ") == "jose nunez"
    # Letters with a stroke fold too: cashiers type "Orsted" for "Ørsted".
    assert normalise_text("Ørsted Åse") == "orsted ase"
    assert normalise_text(None) == ""
    assert phone_digits("+1 (555) 123-4567") == "15551234567"
    assert search_query("+44 20 7946") == "44207946"
    assert search_query("Ann 2") == "ann 2"


def test_upsert_inserts_then_updates_with_keys(store: Store) -> None:
    repo = CustomerRepository(store)
    repo.upsert_many(
        [CustomerData("cus_1", "Zoë Adams", "Zoe@Example.COM", "+1 555-0100", "pm_1", 10)]
    )
    record = repo.get("cus_1")
    assert record is not None
    assert (record.name_key, record.email_key, record.phone_key) == (
        "zoe adams",
        "zoe@example.com",
        "15550100",
    )
    assert record.default_payment_method == "pm_1"
    assert record.created == 10

    repo.upsert_many([CustomerData("cus_1", "Zoë Brown", None, None, None, 10)])
    record = repo.get("cus_1")
    assert record is not None
    assert record.name == "Zoë Brown"
    assert record.email is None and record.email_key == ""
    assert repo.count() == 1
    # Search entries follow the update: the old name no longer matches.
    assert [c.id for c in repo.search("adams")] == []
    assert [c.id for c in repo.search("brown")] == ["cus_1"]


def test_a_customer_stripe_sends_unchanged_is_not_written_again(store: Store) -> None:
    repo = CustomerRepository(store)
    ann = CustomerData("cus_1", "Ann Lee", "ann@example.com", None, "pm_1", 10)
    assert repo.upsert_many([ann]) == 1
    first = repo.get("cus_1")
    assert first is not None

    assert repo.upsert_many([ann]) == 1  # counted, not written: synced_at stays
    again = repo.get("cus_1")
    assert again is not None and again.synced_at == first.synced_at
    # A field search does not read (the default card) is still written.
    repo.upsert_many([CustomerData("cus_1", "Ann Lee", "ann@example.com", None, "pm_2", 10)])
    changed = repo.get("cus_1")
    assert changed is not None and changed.default_payment_method == "pm_2"
    assert changed.synced_at > first.synced_at


def test_upsert_many_handles_batches_and_duplicates(store: Store) -> None:
    repo = CustomerRepository(store)
    customers = [CustomerData(f"cus_{i:05d}", f"Person {i}") for i in range(1234)]
    customers.append(CustomerData("cus_00001", "Renamed"))
    repo.upsert_many(customers)
    assert repo.count() == 1234
    record = repo.get("cus_00001")
    assert record is not None and record.name == "Renamed"
    # Same id twice within one batch: the later one wins, once.
    repo.upsert_many([CustomerData("cus_x", "First"), CustomerData("cus_x", "Second")])
    assert [c.name for c in repo.search("cus_x")] == ["Second"]


def test_get_unknown_is_none(store: Store) -> None:
    assert CustomerRepository(store).get("cus_missing") is None


def test_mark_deleted_hides_from_search_and_count(store: Store) -> None:
    repo = CustomerRepository(store)
    repo.upsert_many([CustomerData("cus_1", "Ann Lee"), CustomerData("cus_2", "Ann Moe")])
    assert repo.mark_deleted("cus_1") is True
    assert repo.mark_deleted("cus_nope") is False
    assert [c.id for c in repo.search("ann")] == ["cus_2"]
    assert repo.count() == 1
    assert repo.count(include_deleted=True) == 2
    record = repo.get("cus_1")
    assert record is not None and record.deleted


def test_customer_deleted_in_stripe_arrives_deleted(store: Store) -> None:
    repo = CustomerRepository(store)
    repo.upsert_many([CustomerData("cus_1", "Ann Lee")])
    repo.upsert_many([CustomerData("cus_1", "Ann Lee", deleted=True)])
    assert repo.search("ann") == []
    repo.upsert_many([CustomerData("cus_1", "Ann Lee")])
    assert [c.id for c in repo.search("ann")] == ["cus_1"]
