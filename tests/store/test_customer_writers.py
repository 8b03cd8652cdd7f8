"""Two writers of the same customers at once (the first import and the event applier, or two
terminals' imports) end with one customer row and one set of search rows each, never a
refused write: what is stored is read under the write lock."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from posdesk.store import customers as customers_module
from posdesk.store.customers import CustomerData, CustomerRepository
from posdesk.store.database import Store
from posdesk.store.models import CustomerSearchText

PEOPLE = [CustomerData(f"cus_race_{i}", f"Ada Race {i}", f"ada{i}@race.test") for i in range(50)]


def test_a_writer_that_read_first_does_not_trip_over_another(
    open_test_store: Callable[[], Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    slow_store, fast_store = open_test_store(), open_test_store()
    read_done = threading.Event()
    original = customers_module._stored_state

    def slow_read(conn: Any, ids: list[str]) -> Any:
        stored = original(conn, ids)
        if threading.current_thread().name == "slow":
            read_done.set()
            time.sleep(0.5)  # the other writer gets every chance to store these meanwhile
        return stored

    monkeypatch.setattr(customers_module, "_stored_state", slow_read)
    errors: list[BaseException] = []

    def write(store: Store) -> None:
        try:
            CustomerRepository(store).upsert_many(PEOPLE)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    slow = threading.Thread(target=write, args=(slow_store,), name="slow")
    slow.start()
    assert read_done.wait(10)
    fast = threading.Thread(target=write, args=(fast_store,), name="fast")
    fast.start()
    slow.join(30)
    fast.join(30)

    assert errors == []
    repo = CustomerRepository(fast_store)
    assert repo.count() == len(PEOPLE)
    with fast_store.session() as session:
        texts = session.execute(select(func.count()).select_from(CustomerSearchText)).scalar_one()
    assert texts == len(PEOPLE)
    assert [c.id for c in repo.search("ada race 7")] == ["cus_race_7"]
