"""The audit log: who did what, when, on which terminal, with which outcome.

Rows are only ever appended; the database itself rejects UPDATE and DELETE on the table
(triggers from the migration). Whoever can write the database file can lift those triggers,
so the entries are also tamper-evident:

- **One chain per store.** Each entry has a `seq` (1, 2, 3, ... with no gaps) and the hash
  of the entry before it (`prev_hash`); its own `entry_hash` is the SHA-256 of a canonical
  encoding of every field (`chain_hash`). Appends from every terminal and process of a store
  are serialised (the SQLite write lock, a PostgreSQL advisory lock) and read the head
  under that lock, so the chain never forks.
- **Authenticated.** `mac` is the HMAC-SHA256 of `entry_hash` with the store's audit key,
  which lives only in the OS keyring of the store's terminals (`AuditKeys`, kept by
  services/audit_trail.py) and is named in each entry by `key_id` (a fingerprint, not the
  key). The first terminal that appends with a usable keyring makes the key. A terminal
  without it still appends (an audit row is never lost) with no MAC, and verification says
  so.
- **Remembered heads.** Each terminal remembers, outside the database, the last (seq, hash)
  it wrote or verified for each store (`HeadMemory`), so a chain cut short is noticed.

`verify_chain` streams the chain in seq order and names the first entry that is wrong.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import and_, or_, text
from sqlalchemy.engine import Connection
from sqlmodel import col, select

from posdesk.store.database import Store
from posdesk.store.models import AuditEntry, TerminalRecord

log = logging.getLogger(__name__)

_DETAIL_LIMIT = 4000

# --- the chain's encoding (version 1) ---------------------------------------------------------
# Migration 0010 writes the same encoding for the entries it chains; change neither alone.

CHAIN_VERSION = 1
GENESIS_HASH = "0" * 64  # prev_hash of seq 1
_KEY_ID_LABEL = b"posdesk audit key id"
KEY_BYTES = 32
# Serialises appends of all terminals on one PostgreSQL store (a transaction advisory lock).
_PG_AUDIT_LOCK = 7_318_204_414


def canonical_at(at: datetime | str) -> str:
    """`at` as the chain hashes it: UTC with microseconds, "YYYY-MM-DD HH:MM:SS.ffffff"
    (the text SQLite keeps; PostgreSQL's verification query spells it the same)."""
    if isinstance(at, str):
        return at
    if at.utcoffset() is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def chain_hash(
    seq: int, at: str, staff_id: str, staff_name: str, terminal_id: str | None, action: str,
    target: str | None, outcome: str, detail: str | None, prev_hash: str, key_id: str | None,
) -> str:
    """The SHA-256 (hex) of an entry: every field, the hash before it and its key's id."""
    encoded = _ENCODER.encode(
        [CHAIN_VERSION, seq, at, staff_id, staff_name, terminal_id, action, target, outcome,
         detail, prev_hash, key_id]
    )
    return hashlib.sha256(encoded.encode("utf-8", "surrogatepass")).hexdigest()


# json.dumps(..., ensure_ascii=False, separators=(",", ":")), built once: a million entries
# are hashed per verification.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def chain_mac(key: bytes, entry_hash: str) -> str:
    return hmac.digest(key, entry_hash.encode("ascii"), "sha256").hex()


def key_id_of(key: bytes) -> str:
    """The public name of a key (16 hex digits): reveals nothing of the key itself."""
    return hmac.new(key, _KEY_ID_LABEL, hashlib.sha256).hexdigest()[:16]


def new_key() -> tuple[str, bytes]:
    key = os.urandom(KEY_BYTES)
    return key_id_of(key), key


class AuditKeys(Protocol):
    """This terminal's audit keys (the OS keyring; services/audit_trail.py)."""

    def key(self, key_id: str) -> bytes | None:
        """The key named key_id, or None when this terminal does not hold it."""
        ...

    def create(self) -> tuple[str, bytes] | None:
        """A new key, kept where `key` finds it; None when it cannot be kept."""
        ...


@dataclass(frozen=True, slots=True)
class ChainHead:
    seq: int
    entry_hash: str
    key_id: str | None


# --- this terminal's memory of each store's head ----------------------------------------------

HEADS_FILE = "audit-heads.json"
_HEADS_LOCK = threading.Lock()


def store_ref(store: Store) -> str:
    """Names a store in the memory file without its URL (nor any password)."""
    url = store.engine.url.render_as_string(hide_password=True)
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class RememberedHead:
    head: ChainHead
    # The record's HMAC with the key it names, when this terminal held it; None otherwise.
    mac: str | None


class HeadMemory:
    """The last (seq, hash, key id) this terminal wrote or verified on each store, in a file
    of the data directory readable by the user only, each record authenticated with the
    store's audit key when the terminal holds it. Records only move forward."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / HEADS_FILE

    def recall(self, ref: str) -> RememberedHead | None:
        record = self._read().get(ref)
        if not isinstance(record, dict):
            return None
        try:
            head = ChainHead(int(record["seq"]), str(record["hash"]), record.get("key_id"))
        except (KeyError, TypeError, ValueError):
            return None
        mac = record.get("mac")
        return RememberedHead(head, mac if isinstance(mac, str) else None)

    def remember(self, ref: str, head: ChainHead, key: bytes | None) -> None:
        with _HEADS_LOCK:
            records = self._read()
            known = records.get(ref)
            if isinstance(known, dict) and isinstance(known.get("seq"), int) and (
                known["seq"] > head.seq
            ):
                return  # another process of this terminal got further
            records[ref] = {
                "seq": head.seq, "hash": head.entry_hash, "key_id": head.key_id,
                "mac": None if key is None else self.record_mac(ref, head, key),
            }
            self._write(records)

    @staticmethod
    def record_mac(ref: str, head: ChainHead, key: bytes) -> str:
        message = f"head|{ref}|{head.seq}|{head.entry_hash}|{head.key_id or ''}"
        return hmac.digest(key, message.encode("ascii"), "sha256").hex()

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("audit head memory unreadable (%s); starting afresh", type(exc).__name__)
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, records: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(records, out, sort_keys=True)
            os.replace(partial, self.path)
        except OSError as exc:
            log.warning("audit head not remembered: %s", exc.strerror)


# A key found missing, or a keyring that refused to keep a new one, is asked again after this.
_RECHECK_S = 30.0


# --- how a store's chain is kept in this process -----------------------------------------------


@dataclass
class ChainKeeping:
    """The keys and memory appends and verification of one store use in this process."""

    keys: AuditKeys | None = None
    memory: HeadMemory | None = None
    # Keys looked up: key id -> key or None (missing: asked again after _RECHECK_S).
    _found: dict[str, tuple[bytes | None, float]] = field(default_factory=dict)
    _create_failed_at: float = -_RECHECK_S
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def key(self, key_id: str) -> bytes | None:
        if self.keys is None:
            return None
        with self._lock:
            known = self._found.get(key_id)
        if known is not None and (known[0] is not None or
                                  time.monotonic() - known[1] < _RECHECK_S):
            return known[0]
        try:
            key = self.keys.key(key_id)
        except Exception as exc:  # an unusable keyring: append without a MAC, never fail
            log.warning("audit key unreadable (%s): entries are appended without a MAC "
                        "and MACs are not checked here", type(exc).__name__)
            key = None
        with self._lock:
            self._found[key_id] = (key, time.monotonic())
        return key

    def create(self) -> tuple[str, bytes] | None:
        if self.keys is None:
            return None
        with self._lock:
            if time.monotonic() - self._create_failed_at < _RECHECK_S:
                return None  # the keyring refused a moment ago: not at every append
        try:
            made = self.keys.create()
        except Exception as exc:
            log.warning("audit key not made (%s): entries are appended without a MAC",
                        type(exc).__name__)
            with self._lock:
                self._create_failed_at = time.monotonic()
            return None
        if made is not None:
            with self._lock:
                self._found[made[0]] = (made[1], time.monotonic())
        return made

    def forget(self) -> None:
        with self._lock:
            self._found.clear()


_KEEPING: weakref.WeakKeyDictionary[Store, ChainKeeping] = weakref.WeakKeyDictionary()
_KEEPING_LOCK = threading.Lock()


def keep_chain(store: Store, keys: AuditKeys | None, memory: HeadMemory | None) -> ChainKeeping:
    """Every AuditLog on `store` in this process authenticates with `keys` and remembers
    heads in `memory` (the composition root calls this once per store)."""
    keeping = ChainKeeping(keys, memory)
    with _KEEPING_LOCK:
        _KEEPING[store] = keeping
    return keeping


def chain_keeping(store: Store) -> ChainKeeping:
    with _KEEPING_LOCK:
        keeping = _KEEPING.get(store)
        if keeping is None:
            keeping = _KEEPING[store] = ChainKeeping()
        return keeping


# --- writing -----------------------------------------------------------------------------------


def encode_detail(detail: dict[str, Any] | None) -> str | None:
    """Stable JSON (sorted keys); values JSON cannot hold are written as text.

    Never fails for length: an entry is often written after money moved, when refusing to
    audit would be worse than a shortened detail. Long values are cut (and marked) until the
    entry fits."""
    if detail is None:
        return None
    encoded = _dump(detail)
    for keep in (200, 40, 0):
        if len(encoded) <= _DETAIL_LIMIT:
            return encoded
        encoded = _dump({**_shortened(detail, keep), "truncated": True})
    return _dump({"truncated": True, "keys": sorted(str(k)[:40] for k in detail)[:50]})


def _text(value: str, limit: int) -> str:
    # PostgreSQL text cannot hold NUL; a column refuses what is longer than it.
    return value.replace("\x00", "")[:limit]


def _dump(detail: dict[str, Any]) -> str:
    return json.dumps(detail, sort_keys=True, default=str, ensure_ascii=False)


def _shortened(detail: dict[str, Any], keep: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in detail.items():
        text = value if isinstance(value, str) else _dump(value) if isinstance(
            value, dict | list) else value
        if isinstance(text, str) and len(text) > keep:
            text = text[:keep] + "…"
        out[str(key)[:keep or 40]] = text
    return out


def decode_detail(entry: AuditEntry) -> dict[str, Any] | None:
    return None if entry.detail is None else json.loads(entry.detail)


def _lock_chain(conn: Connection) -> None:
    """Hold the chain's head for the rest of the transaction: SQLite's database write lock
    (a write statement that changes nothing; sqlite3 otherwise starts the transaction only at
    the first change), PostgreSQL's transaction advisory lock for audit appends."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_AUDIT_LOCK})
    else:
        conn.exec_driver_sql("UPDATE audit_log SET seq = seq WHERE 0")


_HEAD_QUERY = (
    "SELECT seq, entry_hash, key_id FROM audit_log WHERE seq IS NOT NULL "
    "ORDER BY seq DESC LIMIT 1"
)


def read_head(conn: Connection) -> ChainHead | None:
    row = conn.exec_driver_sql(_HEAD_QUERY).first()
    return None if row is None else ChainHead(int(row[0]), str(row[1] or ""), row[2])


@dataclass(frozen=True, slots=True)
class _Content:
    staff_id: str
    staff_name: str
    action: str
    target: str | None
    outcome: str
    detail: str | None
    terminal_id: str | None
    at: datetime | None = None  # None: the time of the append


def _content(
    staff_id: str, staff_name: str, action: str, target: str | None, outcome: str,
    detail: str | None, terminal_id: str | None, at: datetime | None = None,
) -> _Content:
    # Cut to the columns' sizes rather than fail (PostgreSQL refuses longer text).
    return _Content(
        staff_id=_text(staff_id, 64), staff_name=_text(staff_name, 256),
        action=_text(action, 64),
        target=_text(target, 128) if target is not None else None,
        outcome=_text(outcome, 64),
        detail=_text(detail, _DETAIL_LIMIT) if detail is not None else None,
        terminal_id=_text(terminal_id, 36) if terminal_id is not None else None,
        at=at,
    )


class AuditLog:
    def __init__(self, store: Store, terminal_id: str | None = None) -> None:
        self.store = store
        self.terminal_id = terminal_id  # the terminal every entry of this log is made on

    def append(
        self,
        staff_id: str,
        staff_name: str,
        action: str,
        target: str | None,
        outcome: str,
        detail: dict[str, Any] | None = None,
    ) -> AuditEntry:
        content = _content(staff_id, staff_name, action, target, outcome,
                           encode_detail(detail), self.terminal_id)
        return self._append([content])[0]

    def append_copies(self, rows: Sequence[dict[str, Any]]) -> int:
        """Entries copied from another store (their own time, staff and terminal), chained
        here in the order given."""
        contents = [
            _content(r["staff_id"], r.get("staff_name") or "", r["action"], r.get("target"),
                     r["outcome"], r.get("detail"), r.get("terminal_id"), r.get("at"))
            for r in rows
        ]
        for start in range(0, len(contents), 2000):
            self._append(contents[start:start + 2000])
        return len(contents)

    def _append(self, contents: list[_Content]) -> list[AuditEntry]:
        keeping = chain_keeping(self.store)
        # Keys are looked up (or made) before the lock: a keyring may be slow, and all
        # terminals of the store wait for the lock.
        with self.store.engine.connect() as conn:
            peeked = read_head(conn)
        candidate: tuple[str, bytes] | None = None
        if peeked is not None and peeked.key_id is not None:
            keeping.key(peeked.key_id)
        elif keeping.keys is not None:
            candidate = keeping.create()
        entries: list[AuditEntry] = []
        with self.store.session() as session:
            conn = session.connection()
            _lock_chain(conn)
            head = read_head(conn)
            if head is not None and head.key_id is not None:
                key_id: str | None = head.key_id
                key = keeping.key(head.key_id)
            elif candidate is not None:
                key_id, key = candidate
            else:
                key_id, key = None, None
            seq = head.seq if head is not None else 0
            prev = head.entry_hash if head is not None else GENESIS_HASH
            now = datetime.now(UTC)
            for c in contents:
                seq += 1
                at = c.at if c.at is not None else now
                at_text = canonical_at(at)
                digest = chain_hash(seq, at_text, c.staff_id, c.staff_name, c.terminal_id,
                                    c.action, c.target, c.outcome, c.detail, prev, key_id)
                entries.append(AuditEntry(
                    at=_parse_at(at_text), staff_id=c.staff_id, staff_name=c.staff_name,
                    action=c.action, target=c.target, outcome=c.outcome, detail=c.detail,
                    terminal_id=c.terminal_id, seq=seq, prev_hash=prev, entry_hash=digest,
                    key_id=key_id, mac=None if key is None else chain_mac(key, digest),
                ))
                prev = digest
            session.add_all(entries)
            session.flush()
            if len(entries) == 1:
                session.refresh(entries[0])
        if keeping.memory is not None and entries:
            keeping.memory.remember(store_ref(self.store), ChainHead(seq, prev, key_id), key)
        return entries

    # --- reading ---------------------------------------------------------------------------

    def list_recent(self, limit: int = 100) -> list[AuditEntry]:
        query = select(AuditEntry).order_by(col(AuditEntry.id).desc()).limit(limit)
        with self.store.session() as session:
            return list(session.exec(query))

    def between(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        after: tuple[datetime, int] | None = None,
        limit: int = 100,
    ) -> list[AuditEntry]:
        """Entries made in [start, end), newest first by (at, id), strictly after `after`
        (the previous page's last (at, id)): a keyset page read off ix_audit_log_at_id."""
        return self.page(AuditQuery(start=start, end=end), after, limit)

    def page(
        self, query: AuditQuery, after: tuple[datetime, int] | None = None, limit: int = 100
    ) -> list[AuditEntry]:
        """One keyset page of the entries `query` selects, newest first by (at, id)."""
        statement = _filtered(query, after).order_by(
            col(AuditEntry.at).desc(), col(AuditEntry.id).desc()
        ).limit(limit)
        with self.store.session() as session:
            return list(session.exec(statement))

    def iterate(self, query: AuditQuery, batch: int = 2000) -> Iterator[AuditEntry]:
        """Every entry `query` selects, newest first, a keyset page at a time."""
        after: tuple[datetime, int] | None = None
        while True:
            rows = self.page(query, after, batch)
            yield from rows
            if len(rows) < batch:
                return
            last = rows[-1]
            after = (last.at, last.id or 0)

    def distinct(self, column: str) -> list[str]:
        """The distinct non-empty values of an indexed column (action, outcome, staff_id,
        terminal_id), each found by one index seek (a loose index scan), not by reading
        every entry."""
        if column not in _DISTINCT_COLUMNS:
            raise ValueError(column)
        statement = text(
            f"WITH RECURSIVE v(x) AS ("
            f"SELECT min({column}) FROM audit_log "
            f"UNION ALL SELECT (SELECT min({column}) FROM audit_log WHERE {column} > v.x) "
            f"FROM v WHERE v.x IS NOT NULL) SELECT x FROM v WHERE x IS NOT NULL"
        )
        with self.store.engine.connect() as conn:
            return [str(v) for v in conn.execute(statement).scalars() if v != ""]

    def staff_names(self, staff_ids: Iterable[str]) -> dict[str, str]:
        """The name each staff member had in their latest entry."""
        names: dict[str, str] = {}
        with self.store.engine.connect() as conn:
            for staff_id in staff_ids:
                name = conn.execute(
                    select(AuditEntry.staff_name).where(AuditEntry.staff_id == staff_id)
                    .order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc()).limit(1)
                ).scalar()
                names[staff_id] = name or ""
        return names

    def terminal_names(self) -> dict[str, str]:
        with self.store.engine.connect() as conn:
            return {
                row[0]: row[1] or row[2] or ""
                for row in conn.execute(
                    select(TerminalRecord.id, TerminalRecord.name, TerminalRecord.host)
                )
            }


_DISTINCT_COLUMNS = ("action", "outcome", "staff_id", "terminal_id")


def _parse_at(at_text: str) -> datetime:
    return datetime.strptime(at_text, "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """Which entries: each field set narrows them (time in [start, end))."""

    staff_id: str | None = None
    terminal_id: str | None = None
    action: str | None = None
    outcome: str | None = None
    start: datetime | None = None
    end: datetime | None = None


def _filtered(query: AuditQuery, after: tuple[datetime, int] | None) -> Any:
    at, entry_id = col(AuditEntry.at), col(AuditEntry.id)
    statement = select(AuditEntry)
    for column, value in (
        (AuditEntry.staff_id, query.staff_id), (AuditEntry.terminal_id, query.terminal_id),
        (AuditEntry.action, query.action), (AuditEntry.outcome, query.outcome),
    ):
        if value is not None:
            statement = statement.where(col(column) == value)
    if query.start is not None:
        statement = statement.where(at >= query.start)
    if query.end is not None:
        statement = statement.where(at < query.end)
    if after is not None:
        # `at <= ...` as well: SQLite seeks on it, not on the OR alone.
        statement = statement.where(
            at <= after[0], or_(at < after[0], and_(at == after[0], entry_id < after[1]))
        )
    return statement


# --- verifying ---------------------------------------------------------------------------------


class Finding(StrEnum):
    """What is wrong with the first bad entry."""

    EDITED = "edited"  # its fields no longer match its hash
    DELETED = "deleted"  # entries are missing before it
    INSERTED = "inserted"  # it was not written in this chain's order
    REORDERED = "reordered"  # it stands before an entry it was written after
    BAD_MAC = "bad_mac"  # consistent, but not written with the store's key
    KEY_CHANGED = "key_changed"  # names another key than the store's
    TRUNCATED = "truncated"  # the chain ends before the head this terminal remembers
    REWRITTEN = "rewritten"  # the remembered head is no longer in the chain
    MEMORY_ALTERED = "memory_altered"  # the remembered head's own MAC is wrong


@dataclass(frozen=True, slots=True)
class ChainProblem:
    finding: Finding
    seq: int | None  # the first bad entry's seq (or where it should be)
    entry_id: int | None  # its row id, when there is a row
    # Extra facts for the wording: e.g. the last seq present, the remembered seq.
    other_seq: int | None = None


@dataclass(frozen=True, slots=True)
class ChainReport:
    entries: int  # entries in the chain that were checked before stopping
    last_seq: int | None
    last_hash: str | None
    problem: ChainProblem | None
    key_id: str | None  # the store's audit key (first keyed entry), if any
    key_held: bool  # this terminal holds it: MACs were checked
    unkeyed: int  # entries from before the store had a key (seq 1..unkeyed)
    unauthenticated: int  # keyed entries without a MAC (appended on terminals lacking it)
    first_unauthenticated: int | None
    unauthenticated_terminals: tuple[str, ...]
    remembered: ChainHead | None  # this terminal's memory, as checked
    seconds: float

    @property
    def tampered(self) -> bool:
        return self.problem is not None

    @property
    def complete(self) -> bool:
        """Everything was checked and authenticated: no reservation to report."""
        if self.problem is not None:
            return False
        if self.last_seq is None:
            return True  # an empty log
        return self.key_id is not None and self.key_held and self.unauthenticated == 0


_COLUMNS = (
    "id, seq, {at}, staff_id, staff_name, terminal_id, action, target, outcome, detail, "
    "prev_hash, entry_hash, key_id, mac"
)
_PG_AT = "to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"


def _chain_rows(conn: Connection, batch: int) -> Iterator[Sequence[Any]]:
    """Every chained row in seq order, as the driver's plain tuples (no Row or ORM object
    per entry), streamed: a server-side cursor on PostgreSQL, SQLite's own stepping."""
    postgres = conn.dialect.name == "postgresql"
    at = _PG_AT if postgres else "at"
    sql = (f"SELECT {_COLUMNS.format(at=at)} FROM audit_log WHERE seq IS NOT NULL "
           "ORDER BY seq, id")
    conn.exec_driver_sql("SELECT 1")  # the transaction the cursor below reads in
    raw = conn.connection.dbapi_connection
    assert raw is not None
    cursor = raw.cursor(name="posdesk_audit_chain") if postgres else raw.cursor()
    try:
        if postgres:
            cursor.itersize = batch
        cursor.execute(sql)
        while rows := cursor.fetchmany(batch):
            yield from rows
    finally:
        cursor.close()


def verify_chain(
    store: Store, keeping: ChainKeeping | None = None, *, batch: int = 5000,
    progress: Callable[[int], None] | None = None,
) -> ChainReport:
    """Check the store's whole chain in seq order; stop at the first bad entry.

    `keeping` gives this terminal's keys and memory (default: what keep_chain set for the
    store). Reads only: the caller decides whether to remember the verified head."""
    keeping = keeping if keeping is not None else chain_keeping(store)
    ref = store_ref(store)
    remembered = keeping.memory.recall(ref) if keeping.memory is not None else None
    started = time.perf_counter()
    v = _Verifier(keeping, remembered.head if remembered is not None else None)
    with store.engine.connect() as conn:
        for row in _chain_rows(conn, batch):
            if not v.check(row):
                v.problem = _diagnose(conn, v, row)
                break
            if progress is not None and v.entries % 100_000 == 0:
                progress(v.entries)
        if v.problem is None:
            at_the_end = v.after_stream()
            v.problem = _outside_chain(conn) or at_the_end
        if v.problem is None and remembered is not None:
            v.problem = _check_memory_mac(ref, remembered, keeping)
    return ChainReport(
        entries=v.entries, last_seq=v.last_seq, last_hash=v.prev if v.last_seq else None,
        problem=v.problem, key_id=v.key_id, key_held=v.key is not None,
        unkeyed=v.unkeyed, unauthenticated=v.unauthenticated,
        first_unauthenticated=v.first_unauthenticated,
        unauthenticated_terminals=tuple(sorted(v.unauthenticated_terminals)),
        remembered=remembered.head if remembered is not None else None,
        seconds=time.perf_counter() - started,
    )


def remember_verified(store: Store, report: ChainReport, keeping: ChainKeeping | None = None
                      ) -> None:
    """After a complete, intact verification: remember its head on this terminal."""
    keeping = keeping if keeping is not None else chain_keeping(store)
    if keeping.memory is None or not report.complete or report.last_seq is None:
        return
    key = keeping.key(report.key_id) if report.key_id else None
    keeping.memory.remember(
        store_ref(store), ChainHead(report.last_seq, report.last_hash or "", report.key_id), key
    )


class _Verifier:
    def __init__(self, keeping: ChainKeeping, remembered: ChainHead | None) -> None:
        self.keeping = keeping
        self.remembered = remembered
        self.expected = 1
        self.prev = GENESIS_HASH
        self.entries = 0
        self.last_seq: int | None = None
        self.last_id: int | None = None
        self.key_id: str | None = None
        self.key: bytes | None = None
        self.unkeyed = 0
        self.unauthenticated = 0
        self.first_unauthenticated: int | None = None
        self.unauthenticated_terminals: set[str] = set()
        self.hash_at_remembered: str | None = None
        self.problem: ChainProblem | None = None
        # Why the row `check` refused is bad, for the diagnosis.
        self.failed: str = ""

    def check(self, row: Sequence[Any]) -> bool:
        (entry_id, seq, at, staff_id, staff_name, terminal_id, action, target, outcome,
         detail, prev_hash, entry_hash, key_id, mac) = row
        if seq != self.expected:
            self.failed = "seq"
            return False
        digest = chain_hash(seq, at, staff_id, staff_name, terminal_id, action, target,
                            outcome, detail, prev_hash, key_id)
        if digest != entry_hash:
            self.failed = "hash"
            return False
        if prev_hash != self.prev:
            self.failed = "link"
            return False
        if self.key_id is None:
            if key_id is not None:  # the first entry made with the store's key
                self.key_id = key_id
                self.key = self.keeping.key(key_id)
                self.unkeyed = seq - 1
        elif key_id != self.key_id:
            self.failed = "key"
            return False
        if key_id is not None:
            if mac is None:
                self.unauthenticated += 1
                if self.first_unauthenticated is None:
                    self.first_unauthenticated = seq
                self.unauthenticated_terminals.add(terminal_id or "")
            elif self.key is not None and mac != chain_mac(self.key, entry_hash):
                self.failed = "mac"
                return False
        if self.remembered is not None and seq == self.remembered.seq:
            self.hash_at_remembered = entry_hash
        self.entries += 1
        self.expected = seq + 1
        self.prev = entry_hash
        self.last_seq = seq
        self.last_id = entry_id
        return True

    def after_stream(self) -> ChainProblem | None:
        if self.key_id is None:
            self.unkeyed = self.entries
        memory = self.remembered
        if memory is None:
            return None
        if self.last_seq is None or self.last_seq < memory.seq:
            return ChainProblem(Finding.TRUNCATED, (self.last_seq or 0) + 1, None, memory.seq)
        if self.hash_at_remembered != memory.entry_hash:
            return ChainProblem(Finding.REWRITTEN, memory.seq, None)
        if memory.key_id is not None and memory.key_id != self.key_id:
            return ChainProblem(Finding.KEY_CHANGED, memory.seq, None)
        return None


def _check_memory_mac(
    ref: str, remembered: RememberedHead, keeping: ChainKeeping
) -> ChainProblem | None:
    head = remembered.head
    if remembered.mac is None or head.key_id is None:
        return None
    key = keeping.key(head.key_id)
    if key is None:
        return None
    if remembered.mac != HeadMemory.record_mac(ref, head, key):
        return ChainProblem(Finding.MEMORY_ALTERED, head.seq, None)
    return None


def _outside_chain(conn: Connection) -> ChainProblem | None:
    """A row with no seq was not written by the audit log: inserted behind its back."""
    row = conn.exec_driver_sql("SELECT min(id) FROM audit_log WHERE seq IS NULL").first()
    if row is None or row[0] is None:
        return None
    return ChainProblem(Finding.INSERTED, None, int(row[0]))


def _seq_of_hash(conn: Connection, entry_hash: str | None) -> int | None:
    if not entry_hash:
        return None
    row = conn.execute(
        text("SELECT seq FROM audit_log WHERE entry_hash = :h AND seq IS NOT NULL "
             "ORDER BY seq LIMIT 1"), {"h": entry_hash}
    ).first()
    return None if row is None else int(row[0])


def _successor_elsewhere(conn: Connection, prev_hash: str, entry_id: int) -> int | None:
    """The seq of another entry written right after the entry whose hash is prev_hash."""
    row = conn.execute(
        text("SELECT seq FROM audit_log WHERE prev_hash = :p AND id <> :i AND seq IS NOT NULL "
             "ORDER BY seq LIMIT 1"), {"p": prev_hash, "i": entry_id}
    ).first()
    return None if row is None else int(row[0])


def _diagnose(conn: Connection, v: _Verifier, row: Sequence[Any]) -> ChainProblem:
    """What happened at the first row that does not follow: a few look-ups, only now."""
    entry_id, seq, prev_hash = int(row[0]), int(row[1]), row[10]
    expected, expected_prev = v.expected, v.prev
    if v.failed == "seq":
        if seq < expected:  # a second entry with a seq already seen
            return ChainProblem(Finding.INSERTED, seq, entry_id)
        moved = _successor_elsewhere(conn, expected_prev, entry_id)
        if moved is not None and moved > seq:
            return ChainProblem(Finding.REORDERED, expected, None, moved)
        return ChainProblem(Finding.DELETED, expected, None, seq)
    if v.failed == "key":
        return ChainProblem(Finding.KEY_CHANGED, seq, entry_id)
    if v.failed == "mac":
        moved = _successor_elsewhere(conn, expected_prev, entry_id)
        if moved is not None:
            return ChainProblem(Finding.INSERTED, seq, entry_id, moved)
        return ChainProblem(Finding.BAD_MAC, seq, entry_id)
    if v.failed == "link":
        # Consistent in itself, but the entry before it is not the one it was written after.
        moved = _successor_elsewhere(conn, expected_prev, entry_id)
        if moved is not None:
            return ChainProblem(Finding.INSERTED, seq, entry_id, moved)
        # The entry before was edited and its hash recomputed (seen without the key).
        return ChainProblem(Finding.EDITED, seq - 1, v.last_id)
    # Its fields do not match its hash: edited, or moved (seq is hashed too).
    written_after = _seq_of_hash(conn, prev_hash)
    if prev_hash == expected_prev or written_after == expected - 1:
        return ChainProblem(Finding.EDITED, seq, entry_id)
    if written_after is not None and written_after > seq:
        return ChainProblem(Finding.REORDERED, seq, entry_id, written_after)
    if written_after is not None and written_after < expected - 1:
        # Written right after an earlier entry: the ones between were inserted.
        return ChainProblem(Finding.INSERTED, written_after + 1, None, seq)
    if _successor_elsewhere(conn, expected_prev, entry_id) is None and written_after is None:
        # The entry it was written after is gone, and the rest renumbered.
        return ChainProblem(Finding.DELETED, seq, entry_id)
    return ChainProblem(Finding.EDITED, seq, entry_id)
