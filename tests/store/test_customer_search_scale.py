"""What keeps search and its upkeep fast at a million customers gives the same answers: the
head-index walk agrees with sorting every match, an unchanged customer's search rows are left
alone, and migration 0008 fills the heads of terms written before it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import inspect, select, text

from posdesk.store import customers as customers_module
from posdesk.store.customers import CustomerData, CustomerRepository, head_of, search_entries
from posdesk.store.database import Store, open_store
from posdesk.store.maintenance import run_maintenance
from posdesk.store.models import CustomerSearchTerm, CustomerSearchText
from tests.store.conftest import migrated_to


def ids(repo: CustomerRepository, query: str, limit: int = 20) -> list[str]:
    return [c.id for c in repo.search(query, limit)]


@pytest.fixture
def crowd(store: Store) -> CustomerRepository:
    repo = CustomerRepository(store)
    people = [
        CustomerData(f"cus_{i:03d}", f"{first} {last}", f"{first.lower()}{i}@mail.test")
        for i, (first, last) in enumerate(
            (first, last)
            for first in ("Jo", "John", "Johanna", "Joan", "Mary")
            for last in ("Smith", "Johnson", "Jones", "Brown", "Jo")
            for _ in range(4)
        )
    ]
    people.append(CustomerData("cus_exact", "john", None, None))
    repo.upsert_many(people)
    return repo


def sorted_answer(
    repo: CustomerRepository, monkeypatch: pytest.MonkeyPatch, query: str, limit: int
) -> list[str]:
    """The answer with every match counted and sorted (no head index, no walk)."""
    with monkeypatch.context() as patched:
        patched.setattr(customers_module, "_SORT_THRESHOLD", {"sqlite": 10**9, "postgresql": 10**9})
        patched.setattr(customers_module, "_SHORT_INPUT", False)
        return ids(repo, query, limit=limit)


@pytest.mark.parametrize("query", ["j", "jo", "joh", "john", "johns", "johnson", "jo j"])
def test_the_head_walk_agrees_with_sorting_every_match(
    crowd: CustomerRepository, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    sorted_ids = sorted_answer(crowd, monkeypatch, query, 30)
    monkeypatch.setattr(customers_module, "_SORT_THRESHOLD", {"sqlite": 1, "postgresql": 1})
    walked = ids(crowd, query, limit=30)
    assert walked == sorted_ids
    assert len(walked) == len(set(walked))
    if query == "john":
        assert walked[0] == "cus_exact"


@pytest.mark.parametrize("window", [1, 8, 10**6])
@pytest.mark.parametrize("query", ["john s", "johns", "jo j", "mary j", "johanna"])
def test_a_walk_whose_window_runs_out_gives_the_sorted_answer(
    crowd: CustomerRepository, monkeypatch: pytest.MonkeyPatch, query: str, window: int
) -> None:
    # "john s" matches only at the end of the "joh" terms in name order: a small window
    # runs out before the page fills, and the sorted query answers instead.
    monkeypatch.setattr(customers_module, "_SORT_THRESHOLD", {"sqlite": 10**9, "postgresql": 10**9})
    sorted_ids = ids(crowd, query, limit=30)
    monkeypatch.setattr(customers_module, "_SORT_THRESHOLD", {"sqlite": 1, "postgresql": 1})
    monkeypatch.setattr(customers_module, "_HEAD_WALK_WINDOW", window)
    assert ids(crowd, query, limit=30) == sorted_ids
    assert ids(crowd, query, limit=3) == sorted_ids[:3]


@pytest.fixture
def letters(store: Store) -> CustomerRepository:
    """One letter starting many 2-character groups, in names, words, emails and ids; and
    names whose first character is a head of its own (Chinese, Korean)."""
    repo = CustomerRepository(store)
    names = ["Ada Stone", "Sam Sun", "Saul Ast", "Sienna Ash", "S", "Sven Østby", "Sé Sá",
             "Stella S", "Silas Ng", "Sofia Sy", "Zed Sax", "Amy S-Bell", "Sue 7", "王伟",
             "王芳", "王", "Wang 王", "李娜", "김민준", "王a"]
    repo.upsert_many(
        CustomerData(f"cus_{i:03d}{name[:1]}", name, f"{name[-2:].lower()}{i}@s{i % 4}.test",
                     f"+44 20 7946 {i:04d}" if i % 2 else None)
        for i, name in enumerate(names * 7)
    )
    return repo


@pytest.mark.parametrize(
    "query", ["s", "a", "4", "c", "z", "ø", "é", "w", "王", "王伟", "李", "김"]
)
def test_short_input_reads_the_head_index_as_sorting_every_match_would(
    letters: CustomerRepository, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    sorted_ids = sorted_answer(letters, monkeypatch, query, 40)
    assert ids(letters, query, limit=40) == sorted_ids
    assert ids(letters, query, limit=7) == sorted_ids[:7]
    # Too many groups to merge: the sorted query answers, alike.
    monkeypatch.setattr(customers_module, "_MERGE_MAX", 1)
    assert ids(letters, query, limit=40) == sorted_ids


def _search_row_ids(store: Store) -> dict[str, int]:
    """Each customer's search text row by its id: a rewritten row (deleted and inserted
    again, as with its terms) has a new one."""
    with store.session() as session:
        rows = session.execute(select(CustomerSearchText.customer_id, CustomerSearchText.id))
        return {customer_id: row_id for customer_id, row_id in rows}


def test_unchanged_customers_keep_their_search_rows(store: Store) -> None:
    repo = CustomerRepository(store)
    people = [
        CustomerData(f"cus_{i}", f"Ann {i}", f"a{i}@x.test", f"+44 20 7946 000{i}")
        for i in range(5)
    ]
    repo.upsert_many(people)
    written = _search_row_ids(store)
    repo.upsert_many(people)  # a re-sync: Stripe says the same
    assert _search_row_ids(store) == written
    # Same keys, other spelling: nothing to rewrite either, and the name is updated.
    repo.upsert(CustomerData("cus_0", "ÁNN 0", "a0@x.test", "+44 20 7946 0000"))
    assert _search_row_ids(store) == written
    record = repo.get("cus_0")
    assert record is not None and record.name == "ÁNN 0"
    # A new email rewrites that customer's rows only.
    repo.upsert(CustomerData("cus_1", "Ann 1", "new@x.test", "+44 20 7946 0001"))
    rewritten = _search_row_ids(store)
    assert rewritten["cus_1"] != written["cus_1"]
    assert {k: v for k, v in rewritten.items() if k != "cus_1"} == {
        k: v for k, v in written.items() if k != "cus_1"}
    assert ids(repo, "new@") == ["cus_1"] and ids(repo, "a1@") == []
    with store.session() as session:
        terms = session.execute(
            select(CustomerSearchTerm.term).where(CustomerSearchTerm.customer_id == "cus_1")
        ).scalars()
        expected = search_entries("cus_1", "Ann 1", "new@x.test", "+44 20 7946 0001")
        assert set(terms) == set(expected.terms)
        texts = session.execute(select(CustomerSearchText.customer_id)).scalars().all()
        assert sorted(texts) == [f"cus_{i}" for i in range(5)]


def test_deleting_and_restoring_through_upsert_rewrites_search_rows(store: Store) -> None:
    repo = CustomerRepository(store)
    repo.upsert(CustomerData("cus_1", "Ann Lee"))
    repo.upsert(CustomerData("cus_1", "Ann Lee", deleted=True))
    assert ids(repo, "ann") == []
    repo.upsert(CustomerData("cus_1", "Ann Lee"))
    assert ids(repo, "ann") == ["cus_1"] and ids(repo, "lee") == ["cus_1"]


def test_rewritten_and_deleted_customers_leave_no_search_rows_behind(store: Store) -> None:
    """Old terms are deleted by the key their stored fields give (no index on the customer):
    after every kind of change the tables hold exactly the current customers' rows."""
    repo = CustomerRepository(store)
    repo.upsert_many([
        CustomerData("cus_1", "Mary Ann Smith", "mary@x.test", "+44 20 7946 0000"),
        CustomerData("cus_2", "Bo Li", None, "0049 30 1234567"),
        CustomerData("cus_3", "Zoë Ø", "z@x.test", None),
    ])  # fmt: skip
    repo.upsert_many([
        CustomerData("cus_1", "Mary Jones", None, "+1 555 123 4567"),  # every field
        CustomerData("cus_3", "Zoë Ø", "zoe@x.test", None),  # one field
    ])  # fmt: skip
    assert repo.mark_deleted("cus_2")
    repo.upsert(CustomerData("cus_3", "Zoe O", "zoe@x.test", None, deleted=True))
    repo.upsert(CustomerData("cus_3", "Zoe Olsen", "zoe@x.test", "+33 1 23 45 67 89"))
    with store.engine.connect() as conn:
        term, text_ = CustomerSearchTerm, CustomerSearchText
        terms = sorted(conn.execute(select(term.customer_id, term.term)))
        texts = sorted(conn.execute(select(text_.customer_id, text_.text)))
    current = {
        "cus_1": search_entries("cus_1", "Mary Jones", None, "+1 555 123 4567"),
        "cus_3": search_entries("cus_3", "Zoe Olsen", "zoe@x.test", "+33 1 23 45 67 89"),
    }
    assert [tuple(row) for row in terms] == sorted(
        (customer, term) for customer, entries in current.items() for term in entries.terms
    )
    assert [tuple(row) for row in texts] == [(c, e.text) for c, e in sorted(current.items())]


def test_an_upsert_larger_than_a_transaction_keeps_every_customer(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(customers_module, "_TRANSACTION", 50)
    repo = CustomerRepository(store)
    size = 2 * customers_module._TRANSACTION + 7
    people = [CustomerData(f"cus_{i:05d}", f"Person {i:05d}") for i in range(size)]
    assert repo.upsert_many(people) == size
    assert repo.count() == size
    assert ids(repo, "person 00106") == ["cus_00106"]
    assert ids(repo, "person 00049") == ["cus_00049"]


# -- migration 0008 ----------------------------------------------------------------------------


@pytest.fixture
def store_at_0007(store_url: str) -> Iterator[str]:
    with migrated_to(store_url, "0007") as connection:
        connection.execute(
            text("INSERT INTO customers (id, name, name_key, email_key, phone_key, created, "
                 "deleted, synced_at) VALUES ('cus_1', 'Ann Lee', 'ann lee', '', '', 0, "
                 ":no, CURRENT_TIMESTAMP)"),
            {"no": False},
        )  # fmt: skip
        for term, whole in search_entries("cus_1", "Ann Lee", None, None).terms.items():
            connection.execute(
                text("INSERT INTO customer_search_terms (term, customer_id, name_key, whole) "
                     "VALUES (:term, 'cus_1', 'ann lee', :whole)"),
                {"term": term, "whole": whole},
            )  # fmt: skip
    yield store_url


def test_migration_0008_fills_the_heads_of_existing_terms(store_at_0007: str) -> None:
    store = open_store(store_at_0007)  # and on through 0020, which keeps one head
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(text("SELECT term, head FROM customer_search_terms")).all()
        assert rows and all(head == head_of(term) for term, head in rows)
        assert ids(CustomerRepository(store), "le") == ["cus_1"]
    finally:
        store.close()


# -- migration 0019 ----------------------------------------------------------------------------


@pytest.fixture
def store_at_0018(store_url: str) -> Iterator[str]:
    """A customer searched as before 0019: its search text ends with its lower-cased id."""
    with migrated_to(store_url, "0018") as connection:
        entries = search_entries("cus_9xAdaQ", "Giulia Rossi", "g@rossi.it", "+39 06 6982")
        connection.execute(
            text("INSERT INTO customers (id, name, email, phone, name_key, email_key, "
                 "phone_key, created, deleted, synced_at) VALUES ('cus_9xAdaQ', "
                 "'Giulia Rossi', 'g@rossi.it', '+39 06 6982', :n, :e, :p, 0, :no, "
                 "CURRENT_TIMESTAMP)"),
            {"n": entries.name_key, "e": entries.email_key, "p": entries.phone_key,
             "no": False},
        )  # fmt: skip
        for term, whole in entries.terms.items():
            connection.execute(
                text("INSERT INTO customer_search_terms (term, customer_id, name_key, whole, "
                     "head1, head2, head3) VALUES (:term, 'cus_9xAdaQ', :n, :whole, "
                     ":h1, :h2, :h3)"),
                {"term": term, "n": entries.name_key, "whole": whole, "h1": term[:1],
                 "h2": term[:2], "h3": term[:3]},
            )  # fmt: skip
        connection.execute(
            text("INSERT INTO customer_search_text (customer_id, name_key, text) "
                 "VALUES ('cus_9xAdaQ', :n, :t)"),
            {"n": entries.name_key, "t": entries.text + "\ncus_9xadaq"},
        )
    yield store_url


def test_migration_0019_takes_the_id_out_of_the_search_text(store_at_0018: str) -> None:
    store = open_store(store_at_0018)
    try:
        with store.engine.connect() as conn:
            stored = conn.execute(text("SELECT text FROM customer_search_text")).scalar_one()
        assert stored == "giulia rossi\ng@rossi.it\n39066982"
        repo = CustomerRepository(store)
        assert ids(repo, "xada") == []  # was found inside the id (the trigram index too)
        assert ids(repo, "lia ro") == ["cus_9xAdaQ"]
        assert ids(repo, "cus_9xa") == ["cus_9xAdaQ"]
    finally:
        store.close()


# -- migration 0020 ----------------------------------------------------------------------------


@pytest.fixture
def store_at_0019(store_url: str) -> Iterator[str]:
    """Customers whose terms were written as before 0020: head1..head3, key (term, id)."""
    with migrated_to(store_url, "0019") as connection:
        for customer_id, name in (("cus_1", "Ann Lee"), ("cus_2", "Lena Ahn"), ("cus_3", "王伟")):
            entries = search_entries(customer_id, name, None, None)
            connection.execute(
                text("INSERT INTO customers (id, name, name_key, email_key, phone_key, "
                     "created, deleted, synced_at) VALUES (:id, :name, :n, '', '', 0, :no, "
                     "CURRENT_TIMESTAMP)"),
                {"id": customer_id, "name": name, "n": entries.name_key, "no": False},
            )  # fmt: skip
            for term, whole in entries.terms.items():
                connection.execute(
                    text("INSERT INTO customer_search_terms (term, customer_id, name_key, "
                         "whole, head1, head2, head3) VALUES (:term, :id, :n, :whole, "
                         ":h1, :h2, :h3)"),
                    {"term": term, "id": customer_id, "n": entries.name_key, "whole": whole,
                     "h1": term[:1], "h2": term[:2], "h3": term[:3]},
                )  # fmt: skip
    yield store_url


def test_migration_0020_keeps_the_terms_in_two_btrees(store_at_0019: str) -> None:
    store = open_store(store_at_0019)
    try:
        with store.engine.connect() as conn:
            inspector = inspect(conn)
            key = inspector.get_pk_constraint("customer_search_terms")["constrained_columns"]
            indexes = {i["name"] for i in inspector.get_indexes("customer_search_terms")}
            columns = {c["name"] for c in inspector.get_columns("customer_search_terms")}
            rows = conn.execute(
                text("SELECT term, head, customer_id FROM customer_search_terms")
            ).all()
        assert key == ["term", "whole", "name_key", "customer_id"]
        assert indexes == {"ix_customer_search_terms_head"}
        assert not {"head1", "head2", "head3"} & columns
        assert len(rows) == 8 and all(head == head_of(term) for term, head, _ in rows)
        assert ("王伟", "王", "cus_3") in [tuple(row) for row in rows]
        repo = CustomerRepository(store)
        assert ids(repo, "l") == ["cus_1", "cus_2"]  # "lee" and "lena ahn", in name order
        assert ids(repo, "le") == ["cus_1", "cus_2"]
        assert ids(repo, "lena") == ["cus_2"]
        assert ids(repo, "王") == ids(repo, "王伟") == ["cus_3"]
        # The migrated rows are found by the new key: a rename replaces them all.
        repo.upsert(CustomerData("cus_2", "Lena Berg", None, None))
        assert ids(repo, "ahn") == []
        assert ids(repo, "be") == ["cus_2"]
        assert repo.mark_deleted("cus_1")
        with store.engine.connect() as conn:
            left = conn.execute(text("SELECT customer_id FROM customer_search_terms")).all()
        assert {row[0] for row in left} == {"cus_2", "cus_3"}
    finally:
        store.close()


# -- key lookups while the table grows ---------------------------------------------------------


def test_customers_are_looked_up_by_key_while_an_import_outgrows_the_statistics(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import page reads which of its customers are stored. On PostgreSQL the statistics
    lag far behind a table an import is filling: a lookup left to them scanned the table,
    a little longer at every page, which made a first import quadratic."""
    if store.dialect != "postgresql":
        pytest.skip("SQLite reads IN (...) through the primary key whatever its statistics")
    run_maintenance(store)  # statistics of the empty table, as when an import starts
    repo = CustomerRepository(store)
    for page in range(40):
        repo.upsert_many(
            CustomerData(f"cus_{page:02d}{i:03d}", f"Person {i}") for i in range(100)
        )
    sent: list[tuple[str, Any]] = []
    driver_rows = customers_module._driver_rows

    def recording(conn: Any, sql: str, params: Any) -> list[Any]:
        sent.append((sql, params))
        return driver_rows(conn, sql, params)

    run = customers_module._run

    def recording_run(conn: Any, sql: str, params: dict[str, Any]) -> list[Any]:
        sent.append((customers_module._driver_sql(sql, "postgresql"), params))
        return run(conn, sql, params)

    monkeypatch.setattr(customers_module, "_driver_rows", recording)
    monkeypatch.setattr(customers_module, "_run", recording_run)
    repo.upsert_many(CustomerData(f"cus_39{i:03d}", f"Person {i}") for i in range(100))
    assert ids(repo, "person 7")
    # What an import page reads, and what a search reads of the customers it found.
    lookups = [(sql, params) for sql, params in sent if "FROM customers " in sql]
    assert len(lookups) == 2
    with store.engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()
        for sql, params in lookups:
            cursor.execute("EXPLAIN " + sql, params, prepare=False)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "Seq Scan on customers" not in plan, plan
            assert "customers_pkey" in plan, plan


def test_renaming_many_customers_at_once_leaves_no_old_search_rows(store: Store) -> None:
    # Enough stale rows that PostgreSQL is sent them by COPY rather than as arrays.
    repo = CustomerRepository(store)
    repo.upsert_many(CustomerData(f"cus_{i:04d}", f"Ann Lee{i}", f"ann{i}@x.test")
                     for i in range(1000))
    repo.upsert_many(CustomerData(f"cus_{i:04d}", f"Bo Chan{i}", f"bo{i}@x.test")
                     for i in range(1000))
    assert ids(repo, "ann") == [] and ids(repo, "lee1") == []
    assert ids(repo, "bo chan999") == ["cus_0999"]
    with store.session() as session:
        terms = session.execute(select(CustomerSearchTerm.term)).scalars().all()
    expected = [t for i in range(1000)
                for t in search_entries(f"cus_{i:04d}", f"Bo Chan{i}", f"bo{i}@x.test", None).terms]
    assert sorted(terms) == sorted(expected)
