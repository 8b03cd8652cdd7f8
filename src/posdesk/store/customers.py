"""Cached Stripe customers and the type-ahead search over them.

Ranking: exact matches of a whole field (name, email, phone digits, Stripe id) first, then
prefix matches (of a whole field or of any word of the name), then, for 3+ characters,
substring matches; ties are ordered by normalised name, then id. Matching ignores case and
accents.

Speed at 100k customers comes from two helper tables kept in step on every write:
``customer_search_terms`` (prefix ranges on an indexed term column, with the name copied in
for ordering) and ``customer_search_text`` (trigram-indexed: FTS5 on SQLite, pg_trgm on
PostgreSQL).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from posdesk.store.database import Store
from posdesk.store.models import (
    CustomerRecord,
    CustomerSearchTerm,
    CustomerSearchText,
    utcnow,
)

MIN_SUBSTRING_LENGTH = 3
# Above this many matching terms the prefix query walks the name-ordered index instead of
# sorting every match; below it, sorting the matches is cheaper.
_SORT_THRESHOLD = 2000
# Highest code point: term < prefix + this  <=>  term starts with prefix (byte order).
_MAX_CHAR = "\U0010ffff"
_BATCH = 500
_PHONE_QUERY = re.compile(r"^[\d\s()+.\-/]*\d[\d\s()+.\-/]*$")
_SEPARATOR = "\n"  # between fields of the search text; a query never contains it


@dataclass(frozen=True)
class CustomerData:
    """A customer as Stripe describes it, ready to cache."""

    id: str
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    default_payment_method: str | None = None
    created: int = 0
    deleted: bool = False


def normalise_text(value: str | None) -> str:
    """Lower-case, accents stripped, whitespace collapsed: 'José  Núñez' -> 'jose nunez'."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    cleaned = "".join(ch if ch.isprintable() else " " for ch in stripped.casefold())
    return " ".join(cleaned.split())


def phone_digits(value: str | None) -> str:
    return "".join(ch for ch in value or "" if ch.isdigit() and ch.isascii())


def _keys(customer: CustomerData) -> tuple[str, str, str]:
    return (
        normalise_text(customer.name),
        normalise_text(customer.email),
        phone_digits(customer.phone),
    )


def _terms(customer_id: str, name_key: str, email_key: str, phone_key: str) -> dict[str, bool]:
    """term -> is it a whole field (an exact match of it ranks first)."""
    terms: dict[str, bool] = {}
    words = name_key.split(" ")
    for i in range(1, len(words)):
        terms[" ".join(words[i:])] = False
    for whole in (name_key, email_key, phone_key, customer_id.lower()):
        if whole:
            terms[whole] = True
    return terms


def _search_text(customer_id: str, name_key: str, email_key: str, phone_key: str) -> str:
    return _SEPARATOR.join((name_key, email_key, phone_key, customer_id.lower()))


class CustomerRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

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
            name_key, email_key, phone_key = _keys(c)
            rows.append(
                {
                    "id": c.id,
                    "name": c.name,
                    "email": c.email,
                    "phone": c.phone,
                    "name_key": name_key,
                    "email_key": email_key,
                    "phone_key": phone_key,
                    "default_payment_method": c.default_payment_method,
                    "created": c.created,
                    "deleted": c.deleted,
                    "synced_at": now,
                }
            )
            if c.deleted:
                continue
            for term, whole in _terms(c.id, name_key, email_key, phone_key).items():
                term_rows.append(
                    {"term": term, "customer_id": c.id, "name_key": name_key, "whole": whole}
                )
            text_rows.append(
                {
                    "customer_id": c.id,
                    "name_key": name_key,
                    "text": _search_text(c.id, name_key, email_key, phone_key),
                }
            )
        ids = list(unique)
        with self.store.session() as session:
            insert = self._insert(session)
            stmt = insert(CustomerRecord).values(rows)
            updatable = {k: stmt.excluded[k] for k in rows[0] if k != "id"}
            session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=updatable))
            session.execute(
                delete(CustomerSearchTerm).where(CustomerSearchTerm.customer_id.in_(ids))
            )
            session.execute(
                delete(CustomerSearchText).where(CustomerSearchText.customer_id.in_(ids))
            )
            if term_rows:
                session.execute(insert(CustomerSearchTerm).values(term_rows))
            if text_rows:
                session.execute(insert(CustomerSearchText).values(text_rows))
        return len(rows)

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
        """Type-ahead search; see the module docstring for matching and ranking."""
        query = search_query(text_)
        if not query or limit <= 0:
            return []
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
    """What to look for: phone-looking input becomes its digits, anything else normalised."""
    if _PHONE_QUERY.match(typed.strip()):
        return phone_digits(typed)
    return normalise_text(typed)


# -- the SQL behind search -------------------------------------------------------------------


_COUNT_SQL = (
    "SELECT count(*) FROM (SELECT 1 FROM customer_search_terms "
    "WHERE term >= :q AND term < :hi LIMIT :cap) AS matches"
)
# Few matches: take them all by the term index, rank and sort.
_PREFIX_SORTED_SQL = (
    "SELECT customer_id, name_key, min(CASE WHEN whole AND term = :q THEN 0 ELSE 1 END) AS r "
    "FROM customer_search_terms WHERE term >= :q AND term < :hi "
    "GROUP BY customer_id, name_key ORDER BY r, name_key, customer_id LIMIT :limit"
)
# Many matches: exact ones by the term index, the rest by walking the name-ordered index until
# enough distinct customers are found.
_EXACT_SQL = (
    "SELECT customer_id, name_key FROM customer_search_terms WHERE term = :q AND whole "
    "ORDER BY name_key, customer_id LIMIT :limit"
)
_PREFIX_BY_NAME_SQL = {
    "sqlite": (
        "SELECT customer_id, name_key FROM customer_search_terms "
        "INDEXED BY ix_customer_search_terms_name "
        "WHERE term >= :q AND term < :hi ORDER BY name_key, customer_id LIMIT :rows"
    ),
    "postgresql": (
        "SELECT customer_id, name_key FROM customer_search_terms "
        "WHERE term >= :q AND term < :hi ORDER BY name_key, customer_id LIMIT :rows"
    ),
}
_SUBSTRING_SQL_SQLITE = (
    "SELECT s.customer_id, s.name_key FROM customer_search_fts f "
    "JOIN customer_search_text s ON s.id = f.rowid "
    "WHERE customer_search_fts MATCH :phrase ORDER BY s.name_key, s.customer_id LIMIT :limit"
)
_SUBSTRING_SQL_PG = (
    "SELECT customer_id, name_key FROM customer_search_text "
    "WHERE text LIKE :pattern ESCAPE '\\' ORDER BY name_key, customer_id LIMIT :limit"
)


def _substring_params(dialect: str, query: str, limit: int) -> dict[str, Any]:
    if dialect == "sqlite":
        return {"phrase": '"' + query.replace('"', '""') + '"', "limit": limit}
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return {"pattern": f"%{escaped}%", "limit": limit}


def ranked_ids(conn: Any, query: str, limit: int) -> list[str]:
    """Customer ids for a normalised query, best first (runs on a SQLAlchemy connection)."""
    dialect = conn.dialect.name
    hi = query + _MAX_CHAR
    matches = conn.execute(
        text(_COUNT_SQL), {"q": query, "hi": hi, "cap": _SORT_THRESHOLD}
    ).scalar_one()
    ranked: list[str] = []
    if matches < _SORT_THRESHOLD:
        rows = conn.execute(text(_PREFIX_SORTED_SQL), {"q": query, "hi": hi, "limit": limit})
        ranked = [row[0] for row in rows]
    else:
        exact = [r[0] for r in conn.execute(text(_EXACT_SQL), {"q": query, "limit": limit})]
        ranked = list(exact)
        seen = set(exact)
        rows_wanted = limit * 4
        while len(ranked) < limit:
            rows = conn.execute(
                text(_PREFIX_BY_NAME_SQL[dialect]),
                {"q": query, "hi": hi, "rows": rows_wanted},
            ).all()
            ranked = list(exact)
            seen = set(exact)
            for customer_id, _name in rows:
                if customer_id not in seen:
                    seen.add(customer_id)
                    ranked.append(customer_id)
                    if len(ranked) >= limit:
                        break
            if len(rows) < rows_wanted:
                break
            rows_wanted *= 4
    if len(ranked) >= limit or len(query) < MIN_SUBSTRING_LENGTH:
        return ranked[:limit]
    sql = _SUBSTRING_SQL_SQLITE if dialect == "sqlite" else _SUBSTRING_SQL_PG
    # Prefix matches also contain the query: fetch enough to skip them.
    params = _substring_params(dialect, query, limit + len(ranked))
    seen = set(ranked)
    for customer_id, _name in conn.execute(text(sql), params):
        if customer_id not in seen:
            seen.add(customer_id)
            ranked.append(customer_id)
            if len(ranked) >= limit:
                break
    return ranked
