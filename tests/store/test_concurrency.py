"""Several threads and several stores (terminals) on one database at once."""

from __future__ import annotations

import subprocess
import sys
import threading
import uuid
from collections.abc import Callable

from sqlalchemy import text

from posdesk.store.audit import AuditLog
from posdesk.store.customers import CustomerData, CustomerRepository
from posdesk.store.database import Store, open_store
from posdesk.store.models import PaymentRecord
from posdesk.store.payments import PaymentRepository


def run_threads(count: int, work: Callable[[int], None]) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def runner(n: int) -> None:
        try:
            start.wait()
            work(n)
        except BaseException as exc:  # noqa: BLE001  collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=runner, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_concurrent_writers_from_two_terminals(open_test_store: Callable[[], Store]) -> None:
    stores = [open_test_store(), open_test_store()]

    def work(n: int) -> None:
        store = stores[n % 2]
        log = AuditLog(store)
        customers = CustomerRepository(store)
        for i in range(25):
            log.append(f"staff{n}", "", "test", None, "ok", {"i": i})
            customers.upsert_many([CustomerData(f"cus_{n}_{i}", f"Name {n} {i}")])

    assert run_threads(6, work) == []
    assert len(AuditLog(stores[0]).list_recent(1000)) == 150
    assert CustomerRepository(stores[1]).count() == 150
    assert len(CustomerRepository(stores[1]).search("name 3", limit=100)) == 25


def test_same_idempotency_key_is_stored_once_under_a_race(store: Store) -> None:
    key = str(uuid.uuid4())
    repo = PaymentRepository(store)

    def work(n: int) -> None:
        repo.add(
            PaymentRecord(
                id=str(uuid.uuid4()),
                idempotency_key=key,
                amount=100,
                currency="USD",
                state="pending",
                staff_id=f"s{n}",
            )
        )

    errors = run_threads(4, work)
    assert len(errors) == 3
    assert len(repo.list_recent(10)) == 1


def test_readers_see_committed_data_while_a_writer_holds_a_transaction(
    open_test_store: Callable[[], Store],
) -> None:
    writer, reader = open_test_store(), open_test_store()
    CustomerRepository(writer).upsert_many([CustomerData("cus_1", "Before")])
    with writer.engine.connect() as conn:
        tx = conn.begin()
        conn.execute(text("UPDATE customers SET name = 'During' WHERE id = 'cus_1'"))
        # WAL on SQLite, MVCC on PostgreSQL: the reader neither blocks nor sees the change.
        record = CustomerRepository(reader).get("cus_1")
        assert record is not None and record.name == "Before"
        tx.commit()
    record = CustomerRepository(reader).get("cus_1")
    assert record is not None and record.name == "During"


def test_opening_the_same_new_database_concurrently_migrates_once(store_url: str) -> None:
    opened: list[Store] = []
    lock = threading.Lock()

    def work(_n: int) -> None:
        store = open_store(store_url)
        with lock:
            opened.append(store)

    try:
        assert run_threads(3, work) == []
        with opened[0].engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    finally:
        for store in opened:
            store.close()


def test_terminals_starting_at_once_in_separate_processes(store_url: str) -> None:
    code = (
        "import sys; from posdesk.store.database import open_store; "
        "from posdesk.store.audit import AuditLog; s = open_store(sys.argv[1]); "
        "AuditLog(s).append('s', '', 'start', None, 'ok'); s.close()"
    )
    processes = [
        subprocess.Popen([sys.executable, "-c", code, store_url], stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    failures = []
    for process in processes:
        _, err = process.communicate(timeout=120)
        if process.returncode:
            failures.append(err.decode()[-2000:])
    assert failures == []
    store = open_store(store_url)
    try:
        assert len(AuditLog(store).list_recent()) == 4
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    finally:
        store.close()


def test_read_then_write_after_another_terminal_wrote(
    open_test_store: Callable[[], Store],
) -> None:
    # A session that read first must still be able to write after another connection
    # committed in between (on SQLite a read snapshot must not turn into "database is locked").
    first, second = open_test_store(), open_test_store()
    CustomerRepository(first).upsert_many([CustomerData("cus_1", "One")])
    with first.session() as session:
        assert session.execute(text("SELECT count(*) FROM customers")).scalar_one() == 1
        CustomerRepository(second).upsert_many([CustomerData("cus_2", "Two")])
        session.execute(text("UPDATE customers SET name = 'Uno' WHERE id = 'cus_1'"))
    assert CustomerRepository(second).get("cus_1").name == "Uno"  # type: ignore[union-attr]
    assert CustomerRepository(first).count() == 2
