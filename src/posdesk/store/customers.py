"""Cached Stripe customers and the type-ahead search over them.

Ranking: exact matches of a whole field (name, email, phone digits, the phone without its
country code, Stripe id) first, then prefix matches (of a whole field or of any word of the
name), then, for 3+ characters, substring matches; ties are ordered by normalised name, then
id. Stored keys and typed text are folded alike (domain/search_folding.py: case, accents,
look-alike apostrophes, dashes, quotes, spaces, full-width forms); phone-looking input is
reduced to its digits.

Speed at 100k customers (bench/customer_search.py) comes from two helper tables kept in step
on every write:
- ``customer_search_terms`` (term, customer, name): prefix matches are a range scan on the
  clustered term key; with many matches (short input) the name-ordered index is walked
  instead, which fills a page after a few rows.
- ``customer_search_text``: all fields in one string. Substring matches are first looked for
  in the alphabetically first rows (enough when matches are common), else through the
  trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL; plain LIKE if neither).
Both dialects run the same queries over byte-ordered ("C" collated) keys, so they agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.dialects import postgresql, sqlite
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
# Above this many matching terms the prefix query walks the name-ordered index instead of
# sorting every match; below it, sorting the matches is cheaper. PostgreSQL reads rows more
# slowly than SQLite's clustered table, so it switches earlier (measured at 100k customers).
_SORT_THRESHOLD = {"sqlite": 10_000, "postgresql": 1_500}
# Highest code point: term < prefix + this  <=>  term starts with prefix (byte order).
_MAX_CHAR = "\U0010ffff"
_BATCH = 500
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
    raw = fold_for_search(phone)  # a full-width ＋ is a plus too
    digits = phone_digits(raw)
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
    terms: dict[str, bool] = {}
    words = name_key.split(" ")
    for i in range(1, len(words)):
        terms[" ".join(words[i:])] = False
    wholes = [name_key, email_key, phone_key, customer_id.lower(), *national_numbers(phone)]
    for whole in wholes:
        if whole:
            terms[whole] = True
    return terms


def _search_text(customer_id: str, name_key: str, email_key: str, phone_key: str) -> str:
    return _SEPARATOR.join((name_key, email_key, phone_key, customer_id.lower()))


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
    phone_key = phone_digits(phone)[:PHONE_KEY_LENGTH]
    return SearchEntries(
        name_key,
        email_key,
        phone_key,
        _terms(customer_id, name_key, email_key, phone_key, phone),
        _search_text(customer_id, name_key, email_key, phone_key),
    )


# What Stripe says about a customer: a write that leaves these as they are changes nothing
# a screen shows (opening a customer page rewrites the customer it just read from Stripe).
_STRIPE_FIELDS = ("name", "email", "phone", "default_payment_method", "created", "deleted")


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
        if stored.get(customer_id) != tuple(getattr(customer, f) for f in _STRIPE_FIELDS)
    ]


def newly_deleted_ids(session: Session, customer_ids: Iterable[str]) -> list[str]:
    """Ids of cached customers not flagged deleted yet."""
    ids = set(customer_ids)
    if not ids:
        return []
    query = select(CustomerRecord.id).where(
        col(CustomerRecord.id).in_(ids), col(CustomerRecord.deleted).is_(False)
    )
    return sorted(session.execute(query).scalars())


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
            if len(batch) >= _BATCH:
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
        now = utcnow()
        rows: list[dict[str, Any]] = []
        term_rows: list[dict[str, Any]] = []
        text_rows: list[dict[str, Any]] = []
        for c in unique.values():
            entries = search_entries(c.id, c.name, c.email, c.phone)
            rows.append(
                {
                    "id": c.id,
                    "name": c.name,
                    "email": c.email,
                    "phone": c.phone,
                    "name_key": entries.name_key,
                    "email_key": entries.email_key,
                    "phone_key": entries.phone_key,
                    "default_payment_method": c.default_payment_method,
                    "created": c.created,
                    "deleted": c.deleted,
                    "synced_at": now,
                }
            )
            if c.deleted:
                continue
            for term, whole in entries.terms.items():
                term_rows.append(
                    {"term": term, "customer_id": c.id, "name_key": entries.name_key,
                     "whole": whole}
                )
            text_rows.append(
                {"customer_id": c.id, "name_key": entries.name_key, "text": entries.text}
            )
        ids = list(unique)
        with self.store.session() as session:
            changed = changed_customer_ids(session, unique.values()) if self.record_changes else []
            # Parameter lists (executemany) rather than one giant VALUES: the statement is
            # compiled once and cached, which matters when a first sync brings 100k customers.
            insert = self._insert(session)
            stmt = insert(CustomerRecord)
            updatable = {k: stmt.excluded[k] for k in rows[0] if k != "id"}
            session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=updatable), rows)
            session.execute(
                delete(CustomerSearchTerm).where(col(CustomerSearchTerm.customer_id).in_(ids))
            )
            session.execute(
                delete(CustomerSearchText).where(col(CustomerSearchText.customer_id).in_(ids))
            )
            if term_rows:
                session.execute(insert(CustomerSearchTerm), term_rows)
            if text_rows:
                session.execute(insert(CustomerSearchText), text_rows)
            self._record(session, changed)
        return len(rows)

    def _record(self, session: Session, customer_ids: Sequence[str]) -> None:
        terminal = self.terminal_id
        changes.record(session, [changes.customer_change(c, terminal) for c in customer_ids])

    @staticmethod
    def _insert(session: Session) -> Any:
        dialect = session.get_bind().dialect.name
        return postgresql.insert if dialect == "postgresql" else sqlite.insert

    def mark_deleted(self, customer_id: str) -> bool:
        """Flag a customer deleted in Stripe; it disappears from search. False if unknown."""
        with self.store.session() as session:
            record = session.get(CustomerRecord, customer_id)
            if record is None:
                return False
            if self.record_changes and not record.deleted:
                self._record(session, [customer_id])
            record.deleted = True
            record.synced_at = utcnow()
            session.add(record)
            session.execute(
                delete(CustomerSearchTerm).where(CustomerSearchTerm.customer_id == customer_id)
            )
            session.execute(
                delete(CustomerSearchText).where(CustomerSearchText.customer_id == customer_id)
            )
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
        with self.store.session() as session:
            conn = session.connection()
            ids = ranked_ids(conn, query, limit)
            if not ids:
                return []
            records = session.execute(
                select(CustomerRecord).where(CustomerRecord.id.in_(ids))
            ).scalars()
            by_id = {r.id: r for r in records}
        return [by_id[i] for i in ids if i in by_id]


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
# Few matches: read them all through the term index and keep the best rows (a top-N sort,
# cheaper than grouping); duplicates of one customer are dropped afterwards.
_PREFIX_SORTED_SQL = (
    "SELECT customer_id, CASE WHEN whole AND term = :q THEN 0 ELSE 1 END AS r, name_key "
    "FROM customer_search_terms WHERE term >= :q AND term < :hi "
    "ORDER BY r, name_key, customer_id LIMIT :rows"
)
# Many matches (short input): exact ones through the term index, the rest by walking the
# name-ordered index, where matches are dense enough to fill a page after a short walk.
_EXACT_SQL = (
    "SELECT customer_id FROM customer_search_terms WHERE term = :q AND whole "
    "ORDER BY name_key, customer_id LIMIT :rows"
)
_PREFIX_BY_NAME_SQL = {
    "sqlite": (
        "SELECT customer_id FROM customer_search_terms "
        "INDEXED BY ix_customer_search_terms_name "
        "WHERE term >= :q AND term < :hi ORDER BY name_key, customer_id LIMIT :rows"
    ),
    "postgresql": (
        "SELECT customer_id FROM customer_search_terms "
        "WHERE term >= :q AND term < :hi ORDER BY name_key, customer_id LIMIT :rows"
    ),
}
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
    "postgresql": (
        "SELECT customer_id FROM customer_search_text "
        "WHERE text LIKE :pattern ESCAPE '\\' ORDER BY name_key, customer_id LIMIT :rows"
    ),
}


def _like_pattern(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _substring_params(dialect: str, query: str) -> dict[str, Any]:
    if dialect == "sqlite":
        return {"phrase": '"' + query.replace('"', '""') + '"'}
    return {"pattern": _like_pattern(query)}


def _extend_distinct(
    conn: Any, sql: str, params: dict[str, Any], ranked: list[str], limit: int
) -> list[str]:
    """Append distinct customer ids from a query's rows (first column) until ``limit``.

    A customer can match through several rows; if duplicates leave the page short, the
    query is repeated with a larger row limit until it runs dry.
    """
    rows_wanted = 4 * limit + len(ranked)
    base = list(ranked)
    while True:
        rows = conn.execute(text(sql), {**params, "rows": rows_wanted}).all()
        result = list(base)
        seen = set(base)
        for row in rows:
            if row[0] not in seen:
                seen.add(row[0])
                result.append(row[0])
                if len(result) >= limit:
                    return result
        if len(rows) < rows_wanted:
            return result
        rows_wanted *= 4


def ranked_ids(conn: Any, query: str, limit: int) -> list[str]:
    """Customer ids for a normalised query, best first (runs on a SQLAlchemy connection)."""
    dialect = conn.dialect.name
    bounds = {"q": query, "hi": query + _MAX_CHAR}
    threshold = _SORT_THRESHOLD.get(dialect, 1_500)
    matches = conn.execute(text(_COUNT_SQL), {**bounds, "cap": threshold}).scalar_one()
    if matches < threshold:
        ranked = _extend_distinct(conn, _PREFIX_SORTED_SQL, bounds, [], limit)
    else:
        ranked = _extend_distinct(conn, _EXACT_SQL, {"q": query}, [], limit)
        ranked = _extend_distinct(conn, _PREFIX_BY_NAME_SQL[dialect], bounds, ranked, limit)
    if len(ranked) >= limit or len(query) < MIN_SUBSTRING_LENGTH:
        return ranked[:limit]
    window = conn.execute(
        text(_SUBSTRING_WALK_SQL),
        {"pattern": _like_pattern(query), "window": _SUBSTRING_WALK_WINDOW},
    ).all()
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
