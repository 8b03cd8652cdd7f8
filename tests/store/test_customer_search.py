"""Type-ahead ranking. Every case runs on each backend and must give the same answer."""

from __future__ import annotations

import pytest

from posdesk.store import customers as customers_module
from posdesk.store.customers import CustomerData, CustomerRepository, national_numbers
from posdesk.store.database import Store

PEOPLE = [
    CustomerData("cus_Ann01", "Ann", "zed@example.com", None),
    CustomerData("cus_Ann02", "Ann Smith", "ann.smith@example.com", "+1 555 123 4567"),
    CustomerData("cus_Mary3", "Mary Ann Jones", "mary@jones.org", "+44 20 7946 0000"),
    CustomerData("cus_Joan4", "Joanna Berg", "annie@berg.se", None),
    CustomerData("cus_Hann5", "Hannah Ek", "h.ek@example.com", None),
    CustomerData("cus_Jose6", "José Núñez", "jose@nunez.es", "+34 600 111 222"),
    CustomerData("cus_Anto7", "Antonio Ruiz", "toni@ruiz.es", "+34 600 555 123"),
    CustomerData("cus_Shan8", "Shannon Annable", "s@annable.com", None),
    CustomerData("cus_Zed09", "Zed Quist", "ann@zed.io", None),
    CustomerData("cus_NoNm0", None, "anonymous@example.com", None),
]


@pytest.fixture
def repo(store: Store) -> CustomerRepository:
    repo = CustomerRepository(store)
    repo.upsert_many(PEOPLE)
    return repo


def ids(repo: CustomerRepository, text: str, limit: int = 20) -> list[str]:
    return [c.id for c in repo.search(text, limit)]


def test_ranking_is_exactly_as_specified(repo: CustomerRepository) -> None:
    # exact "ann"; then prefix matches ordered by name key:
    #   "ann smith" (name), "joanna berg" (email annie@), "mary ann jones" (word),
    #   "shannon annable" (word), "zed quist" (email ann@zed.io);
    # then substring: "hannah ek".  "anonymous@" and "antonio" do not contain "ann".
    assert ids(repo, "ann") == [
        "cus_Ann01",
        "cus_Ann02",
        "cus_Joan4",
        "cus_Mary3",
        "cus_Shan8",
        "cus_Zed09",
        "cus_Hann5",
    ]


def test_short_input_matches_prefixes_only(repo: CustomerRepository) -> None:
    # "an": prefixes of names, words, emails; no substring ("hannah", "joanna") for < 3 chars.
    # The customer without a name has an empty name key and sorts first.
    assert ids(repo, "an") == [
        "cus_NoNm0",
        "cus_Ann01",
        "cus_Ann02",
        "cus_Anto7",
        "cus_Joan4",
        "cus_Mary3",
        "cus_Shan8",
        "cus_Zed09",
    ]
    assert ids(repo, "h") == ["cus_Hann5"]


def test_case_and_accents_are_ignored(repo: CustomerRepository) -> None:
    assert ids(repo, "NUÑ") == ["cus_Jose6"]
    assert ids(repo, "jose nunez") == ["cus_Jose6"]
    assert ids(repo, "JOSÉ") == ["cus_Jose6"]


def test_email_phone_and_id(repo: CustomerRepository) -> None:
    assert ids(repo, "mary@jones.org") == ["cus_Mary3"]
    # Substring only (no email starts with it), by name; no name sorts first.
    assert ids(repo, "example.com") == ["cus_NoNm0", "cus_Ann01", "cus_Ann02", "cus_Hann5"]
    # Phone: digits only, whatever punctuation was typed; prefix before substring.
    assert ids(repo, "+34 600") == ["cus_Anto7", "cus_Jose6"]
    assert ids(repo, "555 123") == ["cus_Ann02", "cus_Anto7"]
    assert ids(repo, "15551234567") == ["cus_Ann02"]
    # Stripe id, case-insensitive, exact first.
    assert ids(repo, "cus_mary3") == ["cus_Mary3"]
    assert ids(repo, "cus_ann") == ["cus_Ann01", "cus_Ann02"]


def test_words_across_the_name(repo: CustomerRepository) -> None:
    assert ids(repo, "ann jo") == ["cus_Mary3"]
    assert ids(repo, "smith") == ["cus_Ann02"]
    assert ids(repo, "n sm") == ["cus_Ann02"]  # substring across the word boundary


def test_limit_and_nothing_found(repo: CustomerRepository) -> None:
    assert ids(repo, "ann", limit=2) == ["cus_Ann01", "cus_Ann02"]
    assert ids(repo, "xyzzy") == []
    assert ids(repo, "   ") == []
    assert ids(repo, "ann", limit=0) == []


def test_like_wildcards_are_literal(repo: CustomerRepository) -> None:
    assert ids(repo, "a%n") == []
    assert ids(repo, "a_n") == []
    repo.upsert_many([CustomerData("cus_Pct", "100% Club", None, None)])
    assert ids(repo, "100%") == ["cus_Pct"]
    assert ids(repo, "0% c") == ["cus_Pct"]
    assert ids(repo, 'a"b') == []


def test_many_matches_take_the_name_ordered_path(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Force the "many matches" strategy with a small threshold and check it agrees with the
    # sorting strategy, exact match first.
    repo = CustomerRepository(store)
    people = [CustomerData(f"cus_{i:03d}", f"Bo {i:03d} Bo", None, None) for i in range(60)]
    people.append(CustomerData("cus_exact", "bo", None, None))
    people.append(CustomerData("cus_a", "Aa Bo", None, None))
    repo.upsert_many(people)
    sorted_result = ids(repo, "bo", limit=10)
    monkeypatch.setattr(customers_module, "_SORT_THRESHOLD", {"sqlite": 5, "postgresql": 5})
    walked = ids(repo, "bo", limit=10)
    assert walked == sorted_result
    assert walked[:3] == ["cus_exact", "cus_a", "cus_000"]
    assert len(set(walked)) == 10


def test_national_numbers() -> None:
    assert national_numbers("+44 20 7946 0000") == ["2079460000", "02079460000"]
    assert national_numbers("+1 (585) 123-4567") == ["5851234567", "05851234567"]
    assert national_numbers("+353 1 234 5678") == ["12345678", "012345678"]
    assert national_numbers("0049 30 1234567") == ["301234567", "0301234567"]
    assert national_numbers("+39 06 1234 5678") == ["0612345678"]  # Italy keeps its 0
    assert national_numbers("030 1234567") == []  # already national
    assert national_numbers(None) == []
    assert national_numbers("+") == []


def test_phone_typed_without_country_code_is_a_prefix_match(repo: CustomerRepository) -> None:
    # "+44 20 7946 0000": typed as the UK writes it locally, with the trunk 0.
    assert ids(repo, "020 7946") == ["cus_Mary3"]
    assert ids(repo, "020 7946 0000") == ["cus_Mary3"]
    # "+1 555 123 4567" typed as a US cashier would; the Spanish number only contains it.
    assert ids(repo, "(555) 123") == ["cus_Ann02", "cus_Anto7"]
    assert ids(repo, "600 111 222") == ["cus_Jose6"]


def test_substring_window_and_trigram_index_agree(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = CustomerRepository(store)
    people = [
        CustomerData(f"cus_{i:03d}", f"Name {i:03d}", f"u{i}@mail{i % 3}.test") for i in range(90)
    ]
    repo.upsert_many(people)
    expected = [f"cus_{i:03d}" for i in range(90) if i % 3 == 1][:20]
    assert ids(repo, "mail1") == expected  # dense: answered from the window
    monkeypatch.setattr(customers_module, "_SUBSTRING_WALK_WINDOW", 10)
    assert ids(repo, "mail1") == expected  # window too small: the trigram index answers
    assert ids(repo, "ail2.t", limit=5) == [f"cus_{i:03d}" for i in range(90) if i % 3 == 2][:5]


def test_a_stripe_id_is_found_by_its_start_never_by_chance_letters_inside_it(
    store: Store,
) -> None:
    """Stripe ids are random: "ada" typed for Ada must not bring up a customer whose id
    happens to hold those letters, however many customers there are."""
    repo = CustomerRepository(store)
    repo.upsert_many([
        CustomerData("cus_3SqSxHj3PNSdLM5NzPADaBkq", "Giulia Rossi", "giulia@example.it"),
        CustomerData("cus_Q1w2E3r4T5y6U7", "Ada Lovelace", "ada@example.com"),
    ])
    assert ids(repo, "ada") == ["cus_Q1w2E3r4T5y6U7"]
    assert ids(repo, "padab") == []  # only inside an id: nothing
    assert ids(repo, "cus_3sqsx") == ["cus_3SqSxHj3PNSdLM5NzPADaBkq"]  # its start
    assert ids(repo, "cus_3SqSxHj3PNSdLM5NzPADaBkq") == ["cus_3SqSxHj3PNSdLM5NzPADaBkq"]
    assert ids(repo, "ulia ro") == ["cus_3SqSxHj3PNSdLM5NzPADaBkq"]  # other fields: inside
