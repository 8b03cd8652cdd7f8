"""Customer search takes any text on both backends: an answer, never an error, and the right
one; look-alike spellings find each other; keys written before look-alikes folded are found
after migration 0006."""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from posdesk.domain.search_folding import fold_for_search
from posdesk.store import customers as customers_module
from posdesk.store.customers import (
    CustomerData,
    CustomerRepository,
    national_numbers,
    search_entries,
    search_query,
)
from posdesk.store.database import Store, open_store
from posdesk.store.models import (
    CustomerRecord,
    CustomerSearchTerm,
    CustomerSearchText,
    utcnow,
)
from tests.look_alikes import PIECES, spell
from tests.store.conftest import migrated_to

DB_SETTINGS = settings(
    max_examples=300, deadline=None, database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)  # fmt: skip

PEOPLE = [
    CustomerData("cus_Oneil", "Siobhán O’Neil", "s.oneil@example.ie", "+353 1 234 5678"),
    CustomerData("cus_Anne", "Anne‐Marie Dupont", "am@dupont.fr", "+33 6 12 34 56 78"),
    CustomerData("cus_Full", "ＦＵＬＬ Ｗｉｄｔｈ", "ｆｗ@example.jp", "０３-１２３４-５６７８"),
    CustomerData("cus_Lodz", "Łukasz Łódź", "lukasz@example.pl", None),
    CustomerData("cus_Pct", "100% “Club”", None, None),
    CustomerData("cus_Plain", "Ann Smith", "ann.smith@example.com", "+1 555 123 4567"),
]


@pytest.fixture
def repo(store: Store) -> CustomerRepository:
    repo = CustomerRepository(store)
    repo.upsert_many(PEOPLE)
    return repo


def ids(repo: CustomerRepository, text: str, limit: int = 100) -> list[str]:
    return [c.id for c in repo.search(text, limit)]


def expected_ids(query: str) -> set[str]:
    """Which of PEOPLE the search spec says match: a term starting with the query, or for
    3+ characters the query inside the search text (or a national form of the phone)."""
    found = set()
    for c in PEOPLE:
        entries = search_entries(c.id, c.name, c.email, c.phone)
        haystack = "\n".join([entries.text, *national_numbers(c.phone)])
        if any(term.startswith(query) for term in entries.terms) or (
            len(query) >= customers_module.MIN_SUBSTRING_LENGTH and query in haystack
        ):
            found.add(c.id)
    return found


# -- instance: a search of 50,000+ characters made SQLite raise "LIKE pattern too complex" ----


def test_a_search_longer_than_50000_characters_is_an_empty_answer_not_an_error(
    repo: CustomerRepository,
) -> None:
    assert ids(repo, "a" * 60_000) == []
    assert ids(repo, "%_" * 40_000) == []
    assert ids(repo, "ann smith " + "x" * 100_000) == []
    # Just below the longest stored text, the query still runs (and matches nothing).
    assert ids(repo, "ann" * 299) == []
    assert ids(repo, "Ann Smith", limit=10**30) == ["cus_Plain"]


def test_a_name_that_folds_longer_than_its_column_is_stored_and_found(store: Store) -> None:
    # 'ﷺ' unfolds to 18 letters: the key is cut to its column instead of overflowing it.
    repo = CustomerRepository(store)
    repo.upsert(CustomerData("cus_Long", "\ufdfa" * 256, None, None))
    record = repo.get("cus_Long")
    assert record is not None and 0 < len(record.name_key) <= 256
    assert ids(repo, "\ufdfa") == ["cus_Long"]


# -- instance: "O’Neil" was not found by typing "O'Neil" ----------------------------------


def test_look_alike_punctuation_and_forms_find_the_customer(repo: CustomerRepository) -> None:
    assert ids(repo, "O'Neil") == ids(repo, "o`neil") == ids(repo, "O＇NEIL") == ["cus_Oneil"]
    assert ids(repo, "siobhan o'n") == ["cus_Oneil"]
    assert ids(repo, "Anne-Marie") == ids(repo, "anne—marie") == ["cus_Anne"]
    assert ids(repo, "full width") == ids(repo, "ｆｕｌｌ") == ["cus_Full"]
    assert ids(repo, "fw@example.jp") == ["cus_Full"]
    assert ids(repo, "03-1234") == ids(repo, "０３‐１２３４") == ["cus_Full"]
    assert ids(repo, "lukasz lodz") == ids(repo, "Łódź") == ["cus_Lodz"]
    assert ids(repo, '100% "club"') == ["cus_Pct"]
    assert ids(repo, "ann\u00a0smith") == ids(repo, "ANN\u2009SMITH") == ["cus_Plain"]


# -- properties -------------------------------------------------------------------------------

TEXTS = st.one_of(
    st.text(max_size=40),
    st.sampled_from([c.name or "" for c in PEOPLE] + [c.email or "" for c in PEOPLE]).flatmap(
        lambda field: st.tuples(st.integers(0, len(field)), st.integers(0, len(field))).map(
            lambda ends, f=field: f[min(ends):max(ends)]
        )
    ),
    st.sampled_from(["%", "_", "\\", '"', "'", "*", "\x00", "\ud800", "\n", "\ufdfa"]),
    st.integers(1_000, 80_000).map(lambda n: "ab%" * (n // 3)),
)


@DB_SETTINGS
@given(text=TEXTS)
def test_any_search_text_gets_the_right_answer_and_never_an_error(
    repo: CustomerRepository, text: str
) -> None:
    found = ids(repo, text)
    query = search_query(text)
    if not query or len(query) > customers_module.LONGEST_QUERY:
        assert found == []
    else:
        assert set(found) == expected_ids(query), query
    assert len(found) == len(set(found))


_counter = itertools.count()


@settings(
    max_examples=200, deadline=None, database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)  # fmt: skip
@given(pieces=PIECES, typed=st.integers(1, 24))
def test_any_look_alike_spelling_finds_the_stored_name(
    store: Store, pieces, typed: int
) -> None:
    saved, searched = spell(pieces, 0), spell(pieces[:typed], 1)
    assume(fold_for_search(searched))
    customer_id = f"cus_look{next(_counter)}"
    repo = CustomerRepository(store)
    repo.upsert(CustomerData(customer_id, saved, None, None))
    # The whole name, and what a cashier has typed of it so far, in another spelling.
    assert customer_id in ids(repo, spell(pieces, 1), limit=1000), (saved, spell(pieces, 1))
    assert customer_id in ids(repo, searched, limit=1000), (saved, searched)


# -- migration 0006: keys written with the old folding ---------------------------------------


def _old_normalise(value: str | None) -> str:
    """The folding before 0006: case and accents only."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    cleaned = "".join(ch if ch.isprintable() else " " for ch in stripped.casefold())
    return " ".join(cleaned.split())


@pytest.fixture
def store_at_0005(store_url: str) -> Iterator[str]:
    with migrated_to(store_url, "0005"):
        pass
    yield store_url


def _write_with_old_keys(url: str, people: list[CustomerData]) -> None:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            for c in people:
                name_key, email_key = _old_normalise(c.name), _old_normalise(c.email)
                phone_key = "".join(ch for ch in c.phone or "" if ch.isascii() and ch.isdigit())
                connection.execute(CustomerRecord.__table__.insert(), {  # type: ignore[attr-defined]
                    "id": c.id, "name": c.name, "email": c.email, "phone": c.phone,
                    "name_key": name_key, "email_key": email_key, "phone_key": phone_key,
                    "created": 0, "deleted": c.deleted, "synced_at": utcnow(),
                })  # fmt: skip
                if c.deleted:
                    continue
                terms = customers_module._terms(c.id, name_key, email_key, phone_key, c.phone)
                connection.execute(CustomerSearchTerm.__table__.insert(), [  # type: ignore[attr-defined]
                    {"term": t, "customer_id": c.id, "name_key": name_key, "whole": w}
                    for t, w in terms.items()
                ])  # fmt: skip
                # The text then ended with the lower-cased id (migration 0019 took it out).
                text = "\n".join((name_key, email_key, phone_key, c.id.lower()))
                connection.execute(
                    CustomerSearchText.__table__.insert(),  # type: ignore[attr-defined]
                    {"customer_id": c.id, "name_key": name_key, "text": text},
                )
    finally:
        engine.dispose()


def test_customers_saved_with_the_old_folding_are_found_after_migration_0006(
    store_at_0005: str,
) -> None:
    old = [
        CustomerData("cus_Oneil", "Siobhán O’Neil", "s.o’neil@example.ie", "+353 1 234 5678"),
        CustomerData("cus_Anne", "Anne‐Marie Dupont", None, None),
        CustomerData("cus_Gone", "Mary O’Hara", None, None, deleted=True),
        CustomerData("cus_Plain", "Ann Smith", "ann.smith@example.com", "+1 555 123 4567"),
    ]
    _write_with_old_keys(store_at_0005, old)
    store = open_store(store_at_0005)  # upgrades to head, through 0006
    try:
        repo = CustomerRepository(store)
        assert ids(repo, "O'Neil") == ids(repo, "siobhan o’neil") == ["cus_Oneil"]
        assert ids(repo, "'neil") == ["cus_Oneil"]  # substring, through the trigram index
        assert ids(repo, "s.o'neil@") == ["cus_Oneil"]
        assert ids(repo, "anne-marie") == ["cus_Anne"]
        assert ids(repo, "ann smith") == ["cus_Plain"] and ids(repo, "555 123") == ["cus_Plain"]
        assert ids(repo, "o'hara") == []  # deleted: re-keyed, still not searchable
        gone = repo.get("cus_Gone")
        assert gone is not None and gone.name_key == "mary o'hara"
        # Every key is now exactly what a write today would store.
        for c in old:
            record = repo.get(c.id)
            assert record is not None
            entries = search_entries(c.id, c.name, c.email, c.phone)
            assert (record.name_key, record.email_key, record.phone_key) == (
                entries.name_key, entries.email_key, entries.phone_key)
    finally:
        store.close()
