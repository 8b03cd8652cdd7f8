"""Cached Stripe customers and the type-ahead search over them.

Ranking: exact matches of a whole field (name, email, phone digits, the phone without its
country code, Stripe id) first, then prefix matches (of a whole field or of any word of the
name), then, for 3+ characters, substring matches; ties are ordered by normalised name, then
id. Stored keys and typed text are folded alike (domain/search_folding.py: case, accents,
look-alike apostrophes, dashes, quotes, spaces, full-width forms); phone-looking input is
reduced to its digits.

Speed at a million customers (bench/customer_search.py prints p50/p95 beside the raw SQL
floor and how p95 grows from 100k to 1M) comes from two helper tables kept in step on every
write:
- ``customer_search_terms`` (term, customer, name, head), in two b-trees: its key and the
  (head, name) index (migration 0020). A term's head is its first 2 characters, or its
  first alone when that is a Chinese or Japanese ideograph or a Korean syllable
  (``head_of``). Input that is a whole head ("jo", "王") reads its prefix matches from the
  head index: exactly the matches, already in result order, so a page costs the same
  whatever the number of customers. One letter merges the name-ordered runs of the
  2-character groups it starts. Longer input counts its matches on the key (up to
  _SORT_THRESHOLD): few are read and sorted (from the key (term, whole, name, customer)
  alone, no table rows); many are walked in name order within the group of their head,
  for at most _HEAD_WALK_WINDOW rows per result: where they are not dense ("andrew s"
  comes after every other "andrew"), they are sorted instead. Exact whole-field matches
  come first, from the key.
- ``customer_search_text``: name, email and phone in one string (not the Stripe id, whose
  random characters would match typed text by chance; an id is found by its start, through
  the terms; migration 0019 took it out). Substring matches are first looked for
  in the alphabetically first rows (enough when matches are common), else through the
  trigram index (FTS5 on SQLite, pg_trgm GIN on PostgreSQL; plain LIKE if neither), which
  finds rare substrings without reading every customer.
Both dialects run the same queries over byte-ordered ("C" collated) keys, so they agree.
Search statements go straight to the driver (exec_driver_sql): at a few milliseconds per
keystroke, compiling them each time would cost as much as running them.

Writes compare each customer with what is cached: search rows are rewritten only for
customers whose keys changed, unchanged ones are not even folded again. Rows go to the
driver as plain tuples (executemany on SQLite, the search texts thousands to a statement
for their FTS5 index; COPY, or one array-based statement, on PostgreSQL), never through
per-row statement parameters. A customer's terms follow from the
keys and phone stored on its row (``_terms``), so the old ones are deleted by their primary
key and the terms table needs no index on the customer: a change to ``_terms`` or to the
folding needs a migration that rewrites the stored terms, as 0006 did.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Any

from sqlalchemy import Boolean, DateTime, Integer, delete, func, select, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import configure_mappers, instrumentation, make_transient_to_detached
from sqlmodel import Session, col

from posdesk.domain.search_folding import fold_for_search
from posdesk.domain.stripe_objects import CustomerData
from posdesk.store import changes
from posdesk.store.database import Store
from posdesk.store.models import (
    CustomerRecord,
    CustomerSearchTerm,
    CustomerSearchText,
    utcnow,
)

MIN_SUBSTRING_LENGTH = 3
_CUSTOMERS = CustomerRecord.__table__  # type: ignore[attr-defined]
_TERMS = CustomerSearchTerm.__table__  # type: ignore[attr-defined]
_TEXTS = CustomerSearchText.__table__  # type: ignore[attr-defined]
# Search terms carry their head, indexed in name order (models.py): their first 2
# characters, or the first alone where it is one of thousands (a Chinese or Japanese
# ideograph, a Korean syllable): one such character narrows as much as two letters, and
# typed alone it is then one run of the index instead of hundreds of groups to merge.
_HEAD = 2
_WIDE_SCRIPTS = (  # code point ranges (migration 0020 spells the same in SQL)
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF),
)  # fmt: skip
# Input that is a whole head (or one character of a narrow script) is read from the head
# index uncounted (False in tests: every match counted and sorted).
_SHORT_INPUT = True
# Longer input: from this many matching terms on, the prefix query walks the name-ordered
# run of its head instead of sorting every match (counting up to it is the price of
# choosing). PostgreSQL reads rows more slowly than SQLite's clustered table, so it
# switches earlier (measured at 100k and 1M customers).
_SORT_THRESHOLD = {"sqlite": 2_000, "postgresql": 1_000}
# Highest code point: term < prefix + this  <=>  term starts with prefix (byte order).
_MAX_CHAR = "\U0010ffff"
# Change records are made per _BATCH customers (one bulk change each when many changed);
# a transaction writes _TRANSACTION customers. Each commit writes every index page the
# transaction touched, and new terms land all over the (head, name) indexes: at 5,000 a
# transaction, an import of 100,000 rewrote those indexes 20 times, and its commits took
# longer than its inserts. 20,000 still leaves another till's write waiting well under
# busy_timeout (a few seconds at most).
_BATCH = 500
_TRANSACTION = 20_000
_PHONE_QUERY = re.compile(r"[0-9 ()+./-]*[0-9][0-9 ()+./-]*")  # on folded text
_SEPARATOR = "\n"  # between fields of the search text; a query never contains it
# Keys are cut to their columns (folding can lengthen a text: 'ﷺ' becomes 18 letters).
NAME_KEY_LENGTH, EMAIL_KEY_LENGTH, PHONE_KEY_LENGTH, ID_LENGTH = 256, 512, 64, 64
# No stored term or search text is longer: a longer query matches nothing, and is never sent
# to the database (SQLite refuses LIKE patterns above 50,000 bytes as "too complex").
LONGEST_QUERY = NAME_KEY_LENGTH + EMAIL_KEY_LENGTH + PHONE_KEY_LENGTH + ID_LENGTH + 3
# More results than any screen shows; keeps the row limits far from integer overflow.
MAX_RESULTS = 10_000


def normalise_text(value: str | None) -> str:
    """Folded for search: 'José  O’Neil' -> "jose o'neil" (see domain/search_folding.py)."""
    return fold_for_search(value)


def phone_digits(value: str | None) -> str:
    """The digits 0-9 of a phone number, whichever script or width they were typed in."""
    return "".join(ch for ch in fold_for_search(value) if "0" <= ch <= "9")


# ITU country calling codes are prefix-free: 1 and 7 stand alone, these two-digit codes are
# assigned, and every other code has three digits.
_TWO_DIGIT_CALLING_CODES = frozenset(
    str(code)
    for code in (20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49)
    + (51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86)
    + (90, 91, 92, 93, 94, 95, 98)
)


def national_numbers(phone: str | None) -> list[str]:
    """How a cashier may type an international number locally: without the country code,
    with or without the trunk 0 ('+44 20 7946 0000' -> '2079460000', '02079460000')."""
    return _national_numbers(fold_for_search(phone))  # a full-width ＋ is a plus too


_NOT_DIGITS = {code: None for code in range(128) if not "0" <= chr(code) <= "9"}


def _digits(folded: str) -> str:
    if folded.isascii():
        return folded.translate(_NOT_DIGITS)
    return "".join(ch for ch in folded if "0" <= ch <= "9")


def _national_numbers(raw: str) -> list[str]:
    """national_numbers of a phone number already folded."""
    # Folding ASCII text again changes nothing but case and spaces: its digits are these.
    digits = _digits(raw) if raw.isascii() else phone_digits(raw)
    if raw.startswith("00"):
        digits = digits[2:]
    elif not raw.startswith("+"):
        return []
    if not digits:
        return []
    if digits[0] in "17":
        code_length = 1
    elif digits[:2] in _TWO_DIGIT_CALLING_CODES:
        code_length = 2
    else:
        code_length = 3
    national = digits[code_length:]
    if not national:
        return []
    return [national] if national.startswith("0") else [national, "0" + national]


def _terms(
    customer_id: str, name_key: str, email_key: str, phone_key: str, phone: str | None
) -> dict[str, bool]:
    """term -> is it a whole field (an exact match of it ranks first)."""
    return _terms_of(customer_id, name_key, email_key, phone_key, national_numbers(phone))


def _terms_of(
    customer_id: str, name_key: str, email_key: str, phone_key: str, nationals: list[str]
) -> dict[str, bool]:
    terms: dict[str, bool] = {}
    if " " in name_key:
        words = name_key.split(" ")
        for i in range(1, len(words)):
            terms[" ".join(words[i:])] = False
    wholes = [name_key, email_key, phone_key, customer_id.lower(), *nationals]
    for whole in wholes:
        if whole:
            terms[whole] = True
    return terms


def _search_text(name_key: str, email_key: str, phone_key: str) -> str:
    # Not the Stripe id: its random characters would match what a cashier types by chance
    # ("ada" finding Giulia Rossi through cus_...PADa...). Ids are found by their start.
    return _SEPARATOR.join((name_key, email_key, phone_key))


@dataclass(frozen=True)
class SearchEntries:
    """What search keeps of one customer: the keys on its row, its terms and search text."""

    name_key: str
    email_key: str
    phone_key: str
    terms: dict[str, bool]  # term -> is it a whole field
    text: str


def search_entries(
    customer_id: str, name: str | None, email: str | None, phone: str | None
) -> SearchEntries:
    """The search keys of a customer: what every write stores (and migration 0006 redid)."""
    name_key = normalise_text(name)[:NAME_KEY_LENGTH].strip()
    email_key = normalise_text(email)[:EMAIL_KEY_LENGTH].strip()
    folded_phone = fold_for_search(phone)  # once: the key and the national numbers
    phone_key = _digits(folded_phone)[:PHONE_KEY_LENGTH]
    return SearchEntries(
        name_key,
        email_key,
        phone_key,
        _terms_of(customer_id, name_key, email_key, phone_key, _national_numbers(folded_phone)),
        _search_text(name_key, email_key, phone_key),
    )


# What Stripe says about a customer: a write that leaves these as they are changes nothing
# a screen shows (opening a customer page rewrites the customer it just read from Stripe).
_STRIPE_FIELDS = ("name", "email", "phone", "default_payment_method", "created", "deleted")
_stripe_values = attrgetter(*_STRIPE_FIELDS)  # a CustomerData's, in _STRIPE_FIELDS order


def changed_customer_ids(session: Session, customers: Iterable[CustomerData]) -> list[str]:
    """Ids of the customers that are new to the cache or differ from it."""
    wanted = {c.id: c for c in customers}
    if not wanted:
        return []
    columns = [getattr(CustomerRecord, name) for name in ("id", *_STRIPE_FIELDS)]
    query = select(*columns).where(col(CustomerRecord.id).in_(wanted))
    stored = {row[0]: tuple(row[1:]) for row in session.execute(query)}
    return [
        customer_id
        for customer_id, customer in wanted.items()
        if stored.get(customer_id) != _stripe_values(customer)
    ]


def _search_state(customer: CustomerData, entries: SearchEntries) -> tuple[Any, ...]:
    """What a customer's search rows are made of: equal states, equal rows."""
    keys = (entries.name_key, entries.email_key, entries.phone_key)
    return (*keys, customer.phone, customer.deleted)


@dataclass(frozen=True)
class _Stored:
    """A cached customer as one batch query reads it."""

    stripe: tuple[Any, ...]  # _STRIPE_FIELDS
    keys: tuple[str, str, str]  # name_key, email_key, phone_key

    @property
    def raw(self) -> tuple[Any, ...]:  # name, email, phone, deleted
        return _RAW_FIELDS(self.stripe)

    @property
    def search(self) -> tuple[Any, ...]:
        return (*self.keys, *_SEARCH_FIELDS(self.stripe))


# Picked out of _Stored.stripe by position: asked once per customer of every import page.
_RAW_FIELDS = itemgetter(*(_STRIPE_FIELDS.index(f) for f in ("name", "email", "phone", "deleted")))
_SEARCH_FIELDS = itemgetter(*(_STRIPE_FIELDS.index(f) for f in ("phone", "deleted")))


# Any 64-bit number no other PosDesk lock uses ("posdcust").
_CUSTOMER_WRITES_LOCK = 0x706F736463757374


def _lock_customer_writes(conn: Any) -> None:
    """Take the write lock for the rest of the transaction: SQLite's database write lock
    (a write statement that changes nothing; sqlite3 otherwise starts the transaction only
    at the first change), PostgreSQL's transaction advisory lock for customer writes."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CUSTOMER_WRITES_LOCK})
    else:
        conn.exec_driver_sql("UPDATE customers SET id = id WHERE 0")


def _pg_customers_by_id(columns: Sequence[str], ids_param: str) -> str:
    """PostgreSQL: the customers among an array of ids, each found through the primary key.

    ``WHERE id = ANY(...)`` leaves the plan to the statistics, and during an import they
    lag far behind the table (a prepared statement keeps the plan made when it was small):
    the seq scan chosen then grew with every page, 1 ms per thousand stored customers, and
    made a first import quadratic. A LIMIT in the lateral subquery keeps it a nested loop
    of key lookups whatever the statistics say."""
    listed = ", ".join(columns)
    return (
        f"SELECT {listed} FROM unnest({ids_param}::text[]) AS wanted(wanted_id) "
        f"CROSS JOIN LATERAL (SELECT {listed} FROM customers WHERE id = wanted.wanted_id "
        "LIMIT 1) AS found"
    )


def _stored_state(conn: Any, ids: list[str]) -> dict[str, _Stored]:
    """The cached customers among ids, read in one query."""
    names = ("id", *_STRIPE_FIELDS, "name_key", "email_key", "phone_key")
    columns = ", ".join(names)
    if conn.dialect.name == "postgresql":
        sql, params = _pg_customers_by_id(names, "%s"), (ids,)
    else:
        sql, params = f"SELECT {columns} FROM customers WHERE id IN ({_marks(len(ids))})", ids
    n = len(_STRIPE_FIELDS)
    return {
        row[0]: _Stored(
            tuple(bool(v) if i == n - 1 else v for i, v in enumerate(row[1 : n + 1])),
            (row[n + 1], row[n + 2], row[n + 3]),
        )
        for row in _driver_rows(conn, sql, params)
    }


# Ids per statement (SQLite allows 32,766 parameters; older builds 999 ... kept far below).
_IDS_PER_STATEMENT = 5000


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), _IDS_PER_STATEMENT):
        yield values[start : start + _IDS_PER_STATEMENT]


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def _driver_rows(conn: Any, sql: str, params: Any) -> list[Any]:
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.execute(sql, params)
        return cursor.fetchall()
    finally:
        cursor.close()


def customer_row(customer: CustomerData, entries: SearchEntries, now: datetime) -> dict[str, Any]:
    """The customers-table row of a customer (what every write stores)."""
    keys = (entries.name_key, entries.email_key, entries.phone_key)
    return dict(zip(_CUSTOMER_COLUMNS, _customer_values(customer, keys, now), strict=True))


_CUSTOMER_COLUMNS = (
    "id", "name", "email", "phone", "name_key", "email_key", "phone_key",
    "default_payment_method", "created", "deleted", "synced_at",
)  # fmt: skip
_TERM_COLUMNS = ("term", "customer_id", "name_key", "whole", "head")
_TEXT_COLUMNS = ("customer_id", "name_key", "text")


def _customer_values(
    customer: CustomerData, keys: tuple[str, str, str], now: Any
) -> tuple[Any, ...]:
    c = customer
    return (
        c.id, c.name, c.email, c.phone, *keys, c.default_payment_method, c.created,
        c.deleted, now,
    )  # fmt: skip


def _is_wide(character: str) -> bool:
    point = ord(character)
    # Most terms start below the first range (Latin letters, digits): one comparison.
    return point >= _WIDE_SCRIPTS[0][0] and any(
        low <= point <= high for low, high in _WIDE_SCRIPTS)


def head_of(text: str) -> str:
    """A term's head (the group of the head index it belongs to)."""
    return text[:1] if text and _is_wide(text[0]) else text[:_HEAD]


def _term_values(customer_id: str, name_key: str, terms: dict[str, bool]) -> list[tuple]:
    """customer_search_terms rows in _TERM_COLUMNS order."""
    return [
        (term, customer_id, name_key, whole, head_of(term))
        for term, whole in terms.items()
    ]


def search_term_rows(customer_id: str, entries: SearchEntries) -> list[dict[str, Any]]:
    """The customer_search_terms rows of a (not deleted) customer."""
    return [
        dict(zip(_TERM_COLUMNS, values, strict=True))
        for values in _term_values(customer_id, entries.name_key, entries.terms)
    ]


def search_text_row(customer_id: str, entries: SearchEntries) -> dict[str, Any]:
    """The customer_search_text row of a (not deleted) customer."""
    return {"customer_id": customer_id, "name_key": entries.name_key, "text": entries.text}


def newly_deleted_ids(session: Session, customer_ids: Iterable[str]) -> list[str]:
    """Ids of cached customers not flagged deleted yet."""
    ids = set(customer_ids)
    if not ids:
        return []
    query = select(CustomerRecord.id).where(
        col(CustomerRecord.id).in_(ids), col(CustomerRecord.deleted).is_(False)
    )
    return sorted(session.execute(query).scalars())


TermKey = tuple[str, bool, str, str]  # the primary key: term, whole, name_key, customer_id


def _stored_terms(
    customer_id: str, keys: tuple[str, str, str], phone: str | None
) -> list[TermKey]:
    """The keys of the term rows stored for a customer with these keys and phone (if not
    deleted)."""
    name_key = keys[0]
    return [
        (term, whole, name_key, customer_id)
        for term, whole in _terms(customer_id, *keys, phone).items()
    ]


# -- writing rows: straight to the driver --------------------------------------------------
#
# SQLite: executemany of tuples (in-process, each row costs microseconds; SQLAlchemy's
# per-row parameter processing would cost as much as the insert). PostgreSQL: COPY for the
# rows that are only ever inserted, one array-based statement (unnest) for the rest: row by
# row, every row would be a server round of its own, and 100,000 customers bring 600,000
# search rows.


def _bind(conn: Any, column: Any, value: Any) -> Any:
    """A value as SQLAlchemy would hand it to the driver for this column (e.g. a time)."""
    process = column.type._cached_bind_processor(conn.dialect)
    return value if process is None else process(value)


def _upsert_customers(
    conn: Any, rows: list[tuple[Any, ...]], new: list[tuple[Any, ...]]
) -> None:
    """Write customers: ``rows`` may be stored already, ``new`` are not (read under the
    customer write lock, which every writer of this table takes)."""
    if not rows and not new:
        return
    columns = _CUSTOMER_COLUMNS
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
    if conn.dialect.name != "postgresql":
        conn.exec_driver_sql(
            f"INSERT INTO customers ({', '.join(columns)}) VALUES ({_marks(len(columns))}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}",
            rows + new,
        )
        return
    if new:
        _insert_rows(conn, "customers", columns, new)
    if not rows:
        return
    arrays = ", ".join(f"%s::{_pg_array_type(_CUSTOMERS.c[c].type)}" for c in columns)
    with conn.connection.driver_connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO customers ({', '.join(columns)}) SELECT * FROM unnest({arrays}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}",
            [list(values) for values in zip(*rows, strict=True)],
        )


def _insert_rows(conn: Any, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    if conn.dialect.name != "postgresql":
        conn.exec_driver_sql(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({_marks(len(columns))})", rows
        )
        return
    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    with conn.connection.driver_connection.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


# Search texts per INSERT statement on SQLite (3 parameters each: far below the 32,766 a
# statement may carry).
_TEXTS_PER_STATEMENT = 5000


def _insert_search_texts(conn: Any, rows: list[tuple[str, str, str]]) -> None:
    """Insert customer_search_text rows; on SQLite many to a statement. Its trigger adds
    each row to the FTS5 index, and FTS5 writes out what it holds in memory as a new segment
    at every statement (a savepoint): row by row, 100,000 customers made 100,000 one-row
    segments to merge, and took 3 times as long as in statements of thousands."""
    if conn.dialect.name != "sqlite":
        _insert_rows(conn, _TEXTS.name, _TEXT_COLUMNS, rows)
        return
    head = f"INSERT INTO {_TEXTS.name} ({', '.join(_TEXT_COLUMNS)}) VALUES "
    for start in range(0, len(rows), _TEXTS_PER_STATEMENT):
        chunk = rows[start : start + _TEXTS_PER_STATEMENT]
        values = ", ".join(["(?, ?, ?)"] * len(chunk))
        conn.exec_driver_sql(head + values, tuple(v for row in chunk for v in row))


def _delete_texts(conn: Any, customer_ids: list[str]) -> None:
    """Delete the customers' customer_search_text rows (indexed on customer_id, unique:
    index lookups, not a scan)."""
    if conn.dialect.name != "postgresql":
        for ids in _chunks(customer_ids):
            conn.execute(delete(_TEXTS).where(_TEXTS.c.customer_id.in_(ids)))
        return
    # One array parameter: thousands of bound values cost PostgreSQL more to parse and plan
    # than the deletes themselves.
    with conn.connection.driver_connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {_TEXTS.name} WHERE customer_id = ANY(%s::text[])", (customer_ids,))


def _delete_terms(conn: Any, keys: Sequence[TermKey]) -> None:
    """Delete customer_search_terms rows by their primary key."""
    if not keys:
        return
    if conn.dialect.name != "postgresql":
        conn.exec_driver_sql(
            "DELETE FROM customer_search_terms "
            "WHERE term = ? AND whole = ? AND name_key = ? AND customer_id = ?",
            list(keys),
        )
        return
    with conn.connection.driver_connection.cursor() as cursor:
        if len(keys) < _ROWS_BY_COPY:
            source = "unnest(%s::text[], %s::boolean[], %s::text[], %s::text[])"
            params: list[Any] | None = [list(column) for column in zip(*keys, strict=True)]
        else:
            source = _pg_copy_to_temporary(
                cursor, "stale_search_terms",
                "(term text, whole boolean, name_key text, customer_id text)",
                ("term", "whole", "name_key", "customer_id"), keys)
            params = None
        cursor.execute(
            f"DELETE FROM customer_search_terms t USING {source} "
            "AS k(term, whole, name_key, customer_id) WHERE t.term = k.term "
            "AND t.whole = k.whole AND t.name_key = k.name_key "
            "AND t.customer_id = k.customer_id",
            params,
        )


# From this many rows on, a PostgreSQL statement reads them from a temporary table filled by
# COPY rather than from array parameters: psycopg builds an array parameter in Python (about
# a second per 100,000 rows of a few columns), COPY writes its rows in C.
_ROWS_BY_COPY = 2000


def _pg_copy_to_temporary(
    cursor: Any, name: str, definition: str, columns: Sequence[str], rows: Sequence[tuple]
) -> str:
    """Fill this connection's temporary table `name` (made from `definition` on first use,
    emptied at every commit) with rows; its name, to read them from."""
    cursor.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {name} {definition} "
                   "ON COMMIT DELETE ROWS")
    cursor.execute(f"TRUNCATE {name}")  # rows an earlier statement of this transaction left
    with cursor.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    return name


def _pg_array_type(column_type: Any) -> str:
    column_type = getattr(column_type, "impl", column_type)  # a TypeDecorator's own type
    if isinstance(column_type, Boolean):
        return "boolean[]"
    if isinstance(column_type, Integer):
        return "bigint[]"
    if isinstance(column_type, DateTime):
        return "timestamptz[]"
    return "text[]"


# SQLite's default page cache (2 MB) is far smaller than the search indexes a batch writes
# into; a bigger one while writing saves re-reading the same index pages many times.
_WRITE_CACHE_KIB = 65_536


@contextmanager
def _write_cache(conn: Any) -> Iterator[Any]:
    if conn.dialect.name != "sqlite":
        yield conn
        return
    previous = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{_WRITE_CACHE_KIB}")
    try:
        yield conn
    finally:
        # Never in the way of the write's own outcome (a refused value must stay that error).
        with suppress(SQLAlchemyError):
            conn.exec_driver_sql(f"PRAGMA cache_size={int(previous)}")


class CustomerRepository:
    def __init__(
        self, store: Store, *, terminal_id: str | None = None, record_changes: bool = True
    ) -> None:
        self.store = store
        # Writes record their changes for the change feed, unless the caller records them
        # itself in the same transaction (the sync applier batches all of its own).
        self.terminal_id = terminal_id
        self.record_changes = record_changes

    # -- writes ----------------------------------------------------------------------------

    def upsert_many(self, customers: Iterable[CustomerData]) -> int:
        """Insert or refresh customers (and their search entries); returns how many."""
        count = 0
        batch: list[CustomerData] = []
        for customer in customers:
            batch.append(customer)
            if len(batch) >= _TRANSACTION:
                count += self._upsert_batch(batch)
                batch = []
        if batch:
            count += self._upsert_batch(batch)
        return count

    def upsert(self, customer: CustomerData) -> None:
        self._upsert_batch([customer])

    def _upsert_batch(self, batch: Sequence[CustomerData]) -> int:
        # Last one wins when Stripe pages overlap within one batch.
        unique = {c.id: c for c in batch}
        customers = list(unique.values())
        with self.store.session() as session, _write_cache(session.connection()) as conn:
            now = _bind(conn, _CUSTOMERS.c.synced_at, utcnow())
            # What is stored must be read under the write lock: another writer (the event
            # applier, an import on another terminal) may store the same customers between
            # a read and this batch's first write.
            _lock_customer_writes(conn)
            stored: dict[str, _Stored] = {}
            for ids in _chunks(list(unique)):
                stored.update(_stored_state(conn, ids))
            rows: list[tuple[Any, ...]] = []
            new: list[tuple[Any, ...]] = []
            stale: list[str] = []
            stale_terms: list[TermKey] = []
            term_rows: list[tuple] = []
            text_rows: list[tuple[str, str, str]] = []
            changed: set[str] = set()  # new, or any of Stripe's fields differs
            for c in customers:
                before = stored.get(c.id)
                if before is not None and before.stripe == _stripe_values(c):
                    continue  # nothing at all to write
                changed.add(c.id)
                if before is not None and before.raw == (c.name, c.email, c.phone, c.deleted):
                    # Same fields, same keys and search rows: nothing to fold or rewrite
                    # (every write and migration keeps stored keys as folding makes them).
                    rows.append(_customer_values(c, before.keys, now))
                    continue
                entries = search_entries(c.id, c.name, c.email, c.phone)
                keys = (entries.name_key, entries.email_key, entries.phone_key)
                (rows if before is not None else new).append(_customer_values(c, keys, now))
                if before is not None:
                    if before.search == _search_state(c, entries):
                        continue  # e.g. 'Jose' -> 'José': the same keys
                    stale.append(c.id)
                    old_phone = before.raw[2]
                    stale_terms.extend(_stored_terms(c.id, before.keys, old_phone))
                if not c.deleted:
                    term_rows.extend(_term_values(c.id, entries.name_key, entries.terms))
                    text_rows.append((c.id, entries.name_key, entries.text))
            _upsert_customers(conn, rows, new)
            if stale:
                stale_terms.sort(key=itemgetter(0))  # in term order, as the inserts below
                _delete_terms(conn, stale_terms)
                _delete_texts(conn, stale)
            if term_rows:
                # In term order: neighbouring inserts land on the same b-tree pages. By the
                # term alone (a customer's rows of one term stay together anyway): comparing
                # whole tuples made this sort several times slower, a second per import.
                term_rows.sort(key=itemgetter(0))
                _insert_rows(conn, _TERMS.name, _TERM_COLUMNS, term_rows)
            if text_rows:
                _insert_search_texts(conn, text_rows)
            if self.record_changes:
                # One record per changed customer, or one bulk change per _BATCH customers,
                # exactly as when each _BATCH was its own transaction.
                for start in range(0, len(customers), _BATCH):
                    batch_ids = [c.id for c in customers[start : start + _BATCH]]
                    self._record(session, [i for i in batch_ids if i in changed])
        return len(customers)

    def _record(self, session: Session, customer_ids: Sequence[str]) -> None:
        terminal = self.terminal_id
        changes.record(session, [changes.customer_change(c, terminal) for c in customer_ids])

    def mark_deleted(self, customer_id: str) -> bool:
        """Flag a customer deleted in Stripe; it disappears from search. False if unknown."""
        with self.store.session() as session:
            _lock_customer_writes(session.connection())  # as upserts do: read what is current
            record = session.get(CustomerRecord, customer_id)
            if record is None:
                return False
            if self.record_changes and not record.deleted:
                self._record(session, [customer_id])
            keys = (record.name_key, record.email_key, record.phone_key)
            terms = _stored_terms(customer_id, keys, record.phone)
            record.deleted = True
            record.synced_at = utcnow()
            session.add(record)
            _delete_terms(session.connection(), terms)
            _delete_texts(session.connection(), [customer_id])
        return True

    # -- reads -----------------------------------------------------------------------------

    def get(self, customer_id: str) -> CustomerRecord | None:
        with self.store.session() as session:
            return session.get(CustomerRecord, customer_id)

    def count(self, include_deleted: bool = False) -> int:
        query = select(func.count()).select_from(CustomerRecord)
        if not include_deleted:
            query = query.where(CustomerRecord.deleted.is_(False))
        with self.store.session() as session:
            return int(session.execute(query).scalar_one())

    def search(self, text_: str, limit: int = 20) -> list[CustomerRecord]:
        """Type-ahead search; see the module docstring for matching and ranking. Any text
        gives an answer: one longer than every stored text matches nothing."""
        query = search_query(text_)
        if not query or limit <= 0 or len(query) > LONGEST_QUERY:
            return []
        limit = min(limit, MAX_RESULTS)
        # A plain connection and driver-level statements: at a few milliseconds a keystroke,
        # statement compilation per query would cost about as much as the queries themselves.
        # Autocommit: read-only statements need no BEGIN / ROLLBACK round trips.
        try:
            return self._search(query, limit)
        except DBAPIError as exc:
            if not exc.connection_invalidated:
                raise
            # A pooled connection lost since its last use (database.py pings only idle
            # ones): the pool has let it go; the next one is fresh.
            return self._search(query, limit)

    def _search(self, query: str, limit: int) -> list[CustomerRecord]:
        options = {"isolation_level": "AUTOCOMMIT"}
        with self.store.engine.connect().execution_options(**options) as conn:
            ids = ranked_ids(conn, query, limit)
            if not ids:
                return []
            by_id = _records(conn, ids)
        return [by_id[i] for i in ids if i in by_id]


# The customers' rows, read like every search statement (driver-level, no compilation) and
# made into records as the ORM loads them (no session, no identity map, no validation: the
# values come from the database), detached as the ORM leaves them when its session closes.
_RECORD_COLUMNS = tuple(_CUSTOMERS.columns.keys())
_RECORDS_SQL = {
    "postgresql": _pg_customers_by_id(_RECORD_COLUMNS, ":ids"),
    "sqlite": f"SELECT {', '.join(_RECORD_COLUMNS)} FROM customers WHERE id IN ({{marks}})",
}


@lru_cache(maxsize=4)
def _record_values(dialect: Any) -> Any:
    """row -> the attribute values of its record, as the ORM converts them."""
    configure_mappers()  # records are made without a session: the mappers may be new
    processors = [
        (name, column.type.dialect_impl(dialect).result_processor(dialect, None))
        for name, column in _CUSTOMERS.columns.items()
    ]
    if not any(process for _, process in processors):
        names = [name for name, _ in processors]
        return lambda row: dict(zip(names, row, strict=True))
    return lambda row: {
        name: value if process is None else process(value)
        for (name, process), value in zip(processors, row, strict=True)
    }


def _records(conn: Any, ids: list[str]) -> dict[str, CustomerRecord]:
    dialect = conn.dialect
    if dialect.name == "postgresql":
        rows = _run(conn, _RECORDS_SQL["postgresql"], {"ids": ids})
    else:
        sql = _RECORDS_SQL["sqlite"].format(marks=_marks(len(ids)))
        rows = list(conn.exec_driver_sql(sql, tuple(ids)))
    values = _record_values(dialect)
    new_record = instrumentation.manager_of_class(CustomerRecord).new_instance
    records: dict[str, CustomerRecord] = {}
    for row in rows:
        record = new_record()
        record.__dict__.update(values(row))
        make_transient_to_detached(record)
        records[record.id] = record
    return records


def search_query(typed: str) -> str:
    """What to look for: typed text folded like the stored keys; phone-looking input is
    then reduced to its digits."""
    folded = fold_for_search(typed)
    return phone_digits(folded) if _PHONE_QUERY.fullmatch(folded) else folded


# -- the SQL behind search -------------------------------------------------------------------


_COUNT_SQL = (
    "SELECT count(*) FROM (SELECT 1 FROM customer_search_terms "
    "WHERE term >= :q AND term < :hi LIMIT :cap) AS matches"
)
# Few matches: read them all through the key and keep the best rows (a top-N sort,
# cheaper than grouping); duplicates of one customer are dropped afterwards. The
# key (term, whole, name_key, customer_id) holds every column: no table row is read.
_PREFIX_SORTED_SQL = (
    "SELECT customer_id, CASE WHEN whole AND term = :q THEN 0 ELSE 1 END AS r, name_key "
    "FROM customer_search_terms WHERE term >= :q AND term < :hi "
    "ORDER BY r, name_key, customer_id LIMIT :rows"
)
# Many matches: exact ones through the primary key, the rest in name order from the index
# of the terms' heads. Input that is a whole head ("jo", "王"): ``head = :q`` is exactly
# "starts with the query" and the index yields the page's rows and no others; one letter
# merges the name-ordered runs of the 2-character groups it starts (found by a skip scan, a
# few dozen index seeks); longer input walks the run of its head, where (having many
# matches) it is usually dense.
# ``whole = TRUE`` (not a bare ``whole``): SQLite uses an index column only in a comparison.
# With it the key (term, whole, name_key, customer_id) yields the page and nothing else,
# past however many customers have the text as a word of their name (a common last name).
_EXACT_SQL = (
    "SELECT customer_id FROM customer_search_terms WHERE term = :q AND whole = TRUE "
    "ORDER BY name_key, customer_id LIMIT :rows"
)
_PREFIX_BY_HEAD_SQL = (
    "SELECT customer_id FROM customer_search_terms {hint}WHERE head = :head "
    "ORDER BY name_key, customer_id LIMIT :rows"
)
# The distinct head values starting with the typed character, each found by one seek.
_HEADS_SQL = (
    "WITH RECURSIVE heads(found) AS ("
    "SELECT min(head) FROM customer_search_terms WHERE head >= :q AND head < :hi "
    "UNION ALL SELECT (SELECT min(head) FROM customer_search_terms "
    "WHERE head > heads.found AND head < :hi) FROM heads WHERE heads.found IS NOT NULL) "
    "SELECT found FROM heads WHERE found IS NOT NULL"
)
# One arm per head group, each read in name order from the index; SQLite merges them
# ("MERGE (UNION ALL)"), PostgreSQL with a Merge Append, and both stop at the LIMIT.
# PostgreSQL orders a bare arm's rows by the index only where the arm has its own ORDER BY
# (without, it sorts every match of every group); the arm's LIMIT bounds it to a page.
_MERGE_ARM_SQL = {
    "sqlite": "SELECT customer_id, name_key FROM customer_search_terms {hint}WHERE head = :h{i}",
    "postgresql": (
        "(SELECT customer_id, name_key FROM customer_search_terms WHERE head = :h{i} "
        "ORDER BY name_key, customer_id LIMIT :rows)"
    ),
}
_MERGE_ORDER_SQL = " ORDER BY name_key, customer_id LIMIT :rows"
# More groups than this (only in odd data: a character followed by hundreds of different
# ones) and the matches are sorted instead; SQLite allows 500 arms to a compound SELECT.
_MERGE_MAX = 200
# Longer input walks at most _HEAD_WALK_WINDOW rows of its group per result wanted (2,000
# for a page of 20), then lets the sorted query answer. Its matches are not always dense
# where the walk starts: "andrew s" first passes every "andrew a..." to "andrew r..." (at a
# million customers tens of thousands of rows for 80 matches, where sorting its 1,100
# matches reads 1,100). The window is read in result order, so what it finds is the page's
# start. "starts with" is written as substr(...) = :q, not as the term range: given the
# range, PostgreSQL reads all matches through the key and sorts them.
_PREFIX_IN_WINDOW_SQL = (
    "SELECT customer_id FROM (SELECT customer_id, name_key, term FROM customer_search_terms "
    "{hint}WHERE head = :head ORDER BY name_key, customer_id LIMIT :window) AS walked "
    "WHERE substr(term, 1, :n) = :q ORDER BY name_key, customer_id LIMIT :rows"
)
# The outer ORDER BY is what guarantees the order: PostgreSQL knows the window is in that
# order and stops at the page; SQLite reads the whole window and sorts its matches (at most
# _HEAD_WALK_WINDOW rows per result, a fraction of a millisecond).
_HEAD_WALK_WINDOW = 100
# SQLite's planner, without statistics for a new store, may prefer the key and sort.
_HEAD_HINT = {"sqlite": "INDEXED BY ix_customer_search_terms_head "}
# Substring, first try: read the first names in alphabetical order and keep those containing
# the query. When matches are common this fills the page at once and is exact (the window is
# read in result order); otherwise the trigram index below answers.
_SUBSTRING_WALK_SQL = (
    "SELECT customer_id FROM (SELECT customer_id, name_key, text FROM customer_search_text "
    "ORDER BY name_key, customer_id LIMIT :window) AS head "
    "WHERE text LIKE :pattern ESCAPE '\\' ORDER BY name_key, customer_id"
)
_SUBSTRING_WALK_WINDOW = 2000
_SUBSTRING_SQL = {
    "sqlite": (
        "SELECT s.customer_id FROM customer_search_fts f "
        "JOIN customer_search_text s ON s.id = f.rowid "
        "WHERE customer_search_fts MATCH :phrase ORDER BY s.name_key, s.customer_id LIMIT :rows"
    ),
    # Materialized: the matches come from the trigram index and are then sorted. Left to
    # itself the planner may walk the name index and test every customer's text instead.
    "postgresql": (
        "WITH matches AS MATERIALIZED (SELECT customer_id, name_key FROM customer_search_text "
        "WHERE text LIKE :pattern ESCAPE '\\') "
        "SELECT customer_id FROM matches ORDER BY name_key, customer_id LIMIT :rows"
    ),
}


def _like_pattern(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _substring_params(dialect: str, query: str) -> dict[str, Any]:
    if dialect == "sqlite":
        return {"phrase": '"' + query.replace('"', '""') + '"'}
    return {"pattern": _like_pattern(query)}


@lru_cache(maxsize=64)
def _driver_sql(sql: str, dialect: str) -> str:
    """The statement in the driver's own parameter style (sqlite3 takes :name as written)."""
    return sql if dialect == "sqlite" else re.sub(r"(?<![:\w]):(\w+)", r"%(\1)s", sql)


def _run(conn: Any, sql: str, params: dict[str, Any]) -> list[Any]:
    # Straight to the driver: no statement compilation or cache-key work per keystroke.
    return conn.exec_driver_sql(_driver_sql(sql, conn.dialect.name), params).all()


def _extend_distinct(
    conn: Any, sql: str, params: dict[str, Any], ranked: list[str], limit: int
) -> list[str]:
    """Append distinct customer ids from a query's rows (first column) until ``limit``.

    A customer can match through several rows; if duplicates leave the page short, the
    query is repeated with a larger row limit until it runs dry.
    """
    return _fill(conn, sql, params, ranked, limit)[0]


def _fill(
    conn: Any, sql: str, params: dict[str, Any], ranked: list[str], limit: int
) -> tuple[list[str], bool]:
    """_extend_distinct, and whether the page filled before the query ran dry."""
    rows_wanted = 4 * limit + len(ranked)
    base = list(ranked)
    while True:
        rows = _run(conn, sql, {**params, "rows": rows_wanted})
        result = list(base)
        seen = set(base)
        for row in rows:
            if row[0] not in seen:
                seen.add(row[0])
                result.append(row[0])
                if len(result) >= limit:
                    return result, True
        if len(rows) < rows_wanted:
            return result, False
        rows_wanted *= 4


def _prefix_by_head(conn: Any, query: str, head: str, limit: int) -> list[str] | None:
    """Exact matches, then prefix matches in name order from the head index (``head`` is
    the query's); None when longer input's window of its group ran out first, or one letter
    starts too many groups to merge (the sorted query answers then)."""
    hint = _HEAD_HINT.get(conn.dialect.name, "")
    ranked = _extend_distinct(conn, _EXACT_SQL, {"q": query}, [], limit)
    if len(query) < _HEAD and not _is_wide(query):  # one letter: shorter than its heads
        return _merge_heads(conn, query, ranked, limit, hint)
    if len(query) == len(head):
        sql = _PREFIX_BY_HEAD_SQL.format(hint=hint)
        return _extend_distinct(conn, sql, {"head": head}, ranked, limit)
    params = {"head": head, "q": query, "n": len(query), "window": _HEAD_WALK_WINDOW * limit}
    ranked, filled = _fill(conn, _PREFIX_IN_WINDOW_SQL.format(hint=hint), params, ranked, limit)
    return ranked if filled else None


def _merge_heads(
    conn: Any, query: str, ranked: list[str], limit: int, hint: str
) -> list[str] | None:
    """Prefix matches of one letter (shorter than its heads): the name-ordered runs of every
    head group it starts, merged."""
    heads = [row[0] for row in _run(conn, _HEADS_SQL, {"q": query, "hi": query + _MAX_CHAR})]
    if len(heads) > _MERGE_MAX:
        return None
    if not heads:
        return ranked
    if len(heads) == 1:  # one group: its run alone (nothing to merge)
        sql = _PREFIX_BY_HEAD_SQL.format(hint=hint)
        return _extend_distinct(conn, sql, {"head": heads[0]}, ranked, limit)
    arm = _MERGE_ARM_SQL.get(conn.dialect.name, _MERGE_ARM_SQL["sqlite"])
    arms = " UNION ALL ".join(arm.format(hint=hint, i=i) for i in range(len(heads)))
    params = {f"h{i}": head for i, head in enumerate(heads)}
    return _extend_distinct(conn, arms + _MERGE_ORDER_SQL, params, ranked, limit)


def ranked_ids(conn: Any, query: str, limit: int) -> list[str]:
    """Customer ids for a normalised query, best first (runs on a SQLAlchemy connection)."""
    dialect = conn.dialect.name
    bounds = {"q": query, "hi": query + _MAX_CHAR}
    threshold = _SORT_THRESHOLD.get(dialect, 1_500)
    # A whole head (or one letter) costs a page of the head index whatever the number of
    # matches, so there is nothing to count; beyond, few matches are cheaper sorted than
    # walked.
    head = head_of(query)
    many = (_SHORT_INPUT and len(query) <= len(head)) or (
        _run(conn, _COUNT_SQL, {**bounds, "cap": threshold})[0][0] >= threshold
    )
    ranked = _prefix_by_head(conn, query, head, limit) if many else None
    if ranked is None:
        ranked = _extend_distinct(conn, _PREFIX_SORTED_SQL, bounds, [], limit)
    if len(ranked) >= limit or len(query) < MIN_SUBSTRING_LENGTH:
        return ranked[:limit]
    window = _run(
        conn,
        _SUBSTRING_WALK_SQL,
        {"pattern": _like_pattern(query), "window": _SUBSTRING_WALK_WINDOW},
    )
    walked = list(ranked)
    seen = set(walked)
    for (customer_id,) in window:
        if customer_id not in seen:
            seen.add(customer_id)
            walked.append(customer_id)
            if len(walked) >= limit:
                return walked
    params = _substring_params(dialect, query)
    return _extend_distinct(conn, _SUBSTRING_SQL[dialect], params, ranked, limit)
