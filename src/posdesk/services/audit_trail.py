"""The audit trail for managers: read it a page at a time with filters, verify that nobody
changed it, export it; and the store's audit key, kept only in the OS keyring.

What the chain guarantees and how it is checked is in store/audit.py. This module keeps the
keys (`KeyringAuditKeys`: one keyring entry per key, "audit-key-<key id>"; the key never
goes to a file, a log, the database or an exception message), puts a verification into
sentences (`describe`), and guards each operation: viewing and verifying need
Permission.VIEW_AUDIT, exporting Permission.EXPORT.

Sharing the key between the terminals of one store: `posdesk audit key export` on a terminal
that has it prints one line; `posdesk audit key import` on the others reads it.
"""

from __future__ import annotations

import base64
import binascii
import csv
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from posdesk.domain.messages import Text, message, text
from posdesk.domain.roles import StaffMember
from posdesk.services import guard
from posdesk.services.secret_store import (
    AUDIT_KEY_PREFIX,
    EXPLAIN_ERROR,
    KeyringUnavailable,
    SecretStore,
    keyring_failures,
    platform_explanation,
)
from posdesk.store.audit import (
    KEY_BYTES,
    AuditLog,
    AuditQuery,
    ChainKeeping,
    ChainReport,
    Finding,
    HeadMemory,
    chain_keeping,
    keep_chain,
    key_id_of,
    new_key,
    read_head,
    remember_verified,
    verify_chain,
)
from posdesk.store.database import Store
from posdesk.store.models import AuditEntry
from posdesk.store.this_terminal import Terminal

# What the viewer filters by (all optional; time in [start, end)).
AuditFilter = AuditQuery
# The keyset position of an entry in the viewer's order: (at, id), newest first.
AuditPageKey = tuple[datetime, int]

_KEY_ID_RE = re.compile(r"[0-9a-f]{16}")
_EXPORT_PREFIX = "posdesk-audit-key-v1"


def audit_page_key(entry: AuditEntry) -> AuditPageKey:
    return (entry.at, entry.id or 0)


# --- the keys ----------------------------------------------------------------------------------


def _keyring_problem(exc: Exception) -> KeyringUnavailable:
    return KeyringUnavailable(
        EXPLAIN_ERROR(problem=type(exc).__name__, explanation=platform_explanation())
    )


class KeyringAuditKeys:
    """The store's audit keys in the OS keyring (the SecretStore's service and backend)."""

    def __init__(self, secrets: SecretStore) -> None:
        self.secrets = secrets

    def key(self, key_id: str) -> bytes | None:
        if not _KEY_ID_RE.fullmatch(key_id or ""):
            return None  # not a name this terminal could have made or imported
        backend = self.secrets.backend()
        try:
            stored = backend.get_password(self.secrets.service_name, AUDIT_KEY_PREFIX + key_id)
        except keyring_failures() as exc:
            raise _keyring_problem(exc) from None
        if not stored:
            return None
        key = _decode_key(stored)
        # A keyring entry that does not hold the key it is named after is no key at all.
        return key if key is not None and key_id_of(key) == key_id else None

    def create(self) -> tuple[str, bytes]:
        key_id, key = new_key()
        self.save(key_id, key)
        return key_id, key

    def save(self, key_id: str, key: bytes) -> None:
        backend = self.secrets.backend()
        try:
            backend.set_password(
                self.secrets.service_name, AUDIT_KEY_PREFIX + key_id, _encode_key(key)
            )
        except keyring_failures() as exc:
            raise _keyring_problem(exc) from None


def _encode_key(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).decode("ascii")


def _decode_key(value: str) -> bytes | None:
    try:
        key = base64.urlsafe_b64decode(value.strip().encode("ascii"))
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None
    return key if len(key) == KEY_BYTES else None


MESSAGE_NO_STORE_KEY = text(
    "audit.key.none_yet",
    "This store has no audit key yet: a terminal makes it with its first audited action "
    "once its keyring works.",
)
MESSAGE_KEY_NOT_HERE = message(
    "audit.key.not_here",
    "This terminal does not hold the store's audit key ({key_id}). Export it on a terminal "
    "that does (posdesk audit key export) and import it here (posdesk audit key import).",
)
MESSAGE_NOT_A_KEY = text(
    "audit.key.not_a_key",
    "This is not an exported audit key. It is one line starting with posdesk-audit-key-v1.",
)
MESSAGE_KEY_OF_ANOTHER_STORE = message(
    "audit.key.other_store",
    "This audit key ({key_id}) is not the one this store's entries are authenticated with "
    "({store_key_id}). It was kept anyway, for the store it belongs to.",
)


class AuditKeyProblem(Exception):
    """Why a key could not be exported or imported; the message never holds a key."""


def store_key_id(store: Store) -> str | None:
    """The id of the key the store's chain is authenticated with, if it has one."""
    with store.engine.connect() as conn:
        head = read_head(conn)
    return head.key_id if head is not None else None


def export_key(store: Store, secrets: SecretStore) -> str:
    """The store's audit key as one line for `import_key` on another terminal."""
    key_id = store_key_id(store)
    if key_id is None:
        raise AuditKeyProblem(MESSAGE_NO_STORE_KEY)
    key = KeyringAuditKeys(secrets).key(key_id)
    if key is None:
        raise AuditKeyProblem(MESSAGE_KEY_NOT_HERE(key_id=key_id))
    return f"{_EXPORT_PREFIX}:{key_id}:{_encode_key(key)}"


def import_key(store: Store | None, secrets: SecretStore, line: str) -> tuple[str, Text | None]:
    """Keep an exported key in this terminal's keyring: (its id, a warning or None)."""
    parts = (line or "").strip().split(":")
    key = _decode_key(parts[2]) if len(parts) == 3 and parts[0] == _EXPORT_PREFIX else None
    if key is None or key_id_of(key) != parts[1]:
        raise AuditKeyProblem(MESSAGE_NOT_A_KEY)
    key_id = parts[1]
    KeyringAuditKeys(secrets).save(key_id, key)
    current = store_key_id(store) if store is not None else None
    if current is not None and current != key_id:
        return key_id, MESSAGE_KEY_OF_ANOTHER_STORE(key_id=key_id, store_key_id=current)
    return key_id, None


# --- a verification in sentences ---------------------------------------------------------------


class VerifyStatus(StrEnum):
    INTACT = "intact"  # every entry checked and authenticated
    TAMPERED = "tampered"  # the first bad entry is named
    INCOMPLETE = "incomplete"  # nothing wrong found, but not everything could be checked


# Exit statuses of `posdesk audit verify`.
EXIT_INTACT = 0
EXIT_TAMPERED = 1
EXIT_INCOMPLETE = 3

SUMMARY_INTACT = message(
    "audit.verify.intact",
    "Audit trail intact: {count} entries, seq 1 to {last}, hashes and MACs checked in "
    "{seconds} s.",
)
SUMMARY_EMPTY = text("audit.verify.empty", "Audit trail intact: no entries yet.")
SUMMARY_INCOMPLETE = message(
    "audit.verify.incomplete",
    "Audit trail checked, nothing wrong found, but not all of it could be: {count} entries, "
    "seq 1 to {last}.",
)
SUMMARY_TAMPERED = message("audit.verify.tampered", "Audit trail NOT intact: {problem}")

PROBLEM_EDITED = message(
    "audit.problem.edited",
    "entry seq {seq} (id {id}) was edited: its contents no longer match its hash.",
)
PROBLEM_EDITED_BEFORE = message(
    "audit.problem.edited_before",
    "entry seq {seq} was edited and its hash recomputed: the entry after it was written "
    "after a different one.",
)
PROBLEM_DELETED = message(
    "audit.problem.deleted",
    "entries are missing from seq {seq} (deleted): the chain goes on at seq {other}.",
)
PROBLEM_DELETED_RENUMBERED = message(
    "audit.problem.deleted_renumbered",
    "the entry before seq {seq} (id {id}) was deleted and the later entries renumbered.",
)
PROBLEM_INSERTED = message(
    "audit.problem.inserted",
    "entry seq {seq} was inserted: it was not written in the chain's order.",
)
PROBLEM_INSERTED_OUTSIDE = message(
    "audit.problem.inserted_outside",
    "entry id {id} was inserted behind the audit log's back: it is outside the chain.",
)
PROBLEM_REORDERED = message(
    "audit.problem.reordered",
    "entry seq {seq} is out of order: it was written after the entry now at seq {other}.",
)
PROBLEM_BAD_MAC = message(
    "audit.problem.bad_mac",
    "entry seq {seq} (id {id}) has a bad MAC: it was not written by a terminal holding the "
    "store's audit key (forged, or rewritten with its hash recomputed).",
)
PROBLEM_KEY_CHANGED = message(
    "audit.problem.key_changed",
    "entry seq {seq} names another audit key than the store's: the chain was rewritten "
    "from there.",
)
PROBLEM_TRUNCATED = message(
    "audit.problem.truncated",
    "truncated: the chain ends at seq {last}, but this terminal wrote or verified seq "
    "{remembered}; entries from seq {seq} on are gone.",
)
PROBLEM_REWRITTEN = message(
    "audit.problem.rewritten",
    "entry seq {seq} is not the one this terminal wrote or verified: the chain was "
    "rewritten up to it.",
)
PROBLEM_MEMORY_ALTERED = message(
    "audit.problem.memory_altered",
    "this terminal's record of the last entry it saw (seq {seq}) was altered.",
)

NOTE_NO_KEY_HERE = message(
    "audit.note.no_key_here",
    "This terminal does not hold the store's audit key ({key_id}): order and hashes were "
    "checked, MACs were not, so an edit that recomputes the hashes would go unnoticed here. "
    "Import the key (posdesk audit key import).",
)
NOTE_NO_KEY_YET = text(
    "audit.note.no_key_yet",
    "No entry is authenticated: the store has no audit key yet (no terminal with a usable "
    "keyring has written to it), so anyone with the database could rewrite it unnoticed.",
)
NOTE_UNAUTHENTICATED = message(
    "audit.note.unauthenticated",
    "{count} entries (the first at seq {seq}; terminals: {terminals}) carry no MAC: they "
    "were written on terminals without the audit key, and an inserted entry would look the "
    "same. Import the key on those terminals.",
)
NOTE_UNKEYED = message(
    "audit.note.unkeyed",
    "Entries seq 1 to {last} were written before the store had an audit key; the MACs of "
    "the entries after them cover them since.",
)
NOTE_NO_MEMORY = text(
    "audit.note.no_memory",
    "This terminal remembers no head of this store yet: entries cut off the end before "
    "today would not be noticed here.",
)


@dataclass(frozen=True, slots=True)
class AuditVerification:
    """A verification as staff read it."""

    status: VerifyStatus
    summary: Text  # one line
    notes: tuple[Text, ...]  # what could not be checked, and why
    finding: Finding | None
    first_bad_seq: int | None
    first_bad_id: int | None
    entries: int
    seconds: float
    report: ChainReport

    @property
    def exit_code(self) -> int:
        return {
            VerifyStatus.INTACT: EXIT_INTACT,
            VerifyStatus.TAMPERED: EXIT_TAMPERED,
            VerifyStatus.INCOMPLETE: EXIT_INCOMPLETE,
        }[self.status]


def describe(report: ChainReport, terminal_names: dict[str, str] | None = None
             ) -> AuditVerification:
    names = terminal_names or {}
    notes: list[Text] = []
    if report.key_id is not None and not report.key_held:
        notes.append(NOTE_NO_KEY_HERE(key_id=report.key_id))
    if report.key_id is None and report.entries:
        notes.append(NOTE_NO_KEY_YET)
    if report.unauthenticated:
        terminals = ", ".join(names.get(t, t) or "?" for t in report.unauthenticated_terminals)
        notes.append(NOTE_UNAUTHENTICATED(count=report.unauthenticated,
                                          seq=report.first_unauthenticated or 0,
                                          terminals=terminals))
    if report.key_id is not None and report.unkeyed:
        notes.append(NOTE_UNKEYED(last=report.unkeyed))
    if report.remembered is None and report.entries:
        notes.append(NOTE_NO_MEMORY)
    problem = report.problem
    seconds = f"{report.seconds:.1f}"
    if problem is not None:
        summary = SUMMARY_TAMPERED(problem=_problem_words(report))
        status = VerifyStatus.TAMPERED
    elif report.last_seq is None:
        summary, status = SUMMARY_EMPTY, VerifyStatus.INTACT
    elif report.complete:
        summary = SUMMARY_INTACT(count=report.entries, last=report.last_seq, seconds=seconds)
        status = VerifyStatus.INTACT
    else:
        summary = SUMMARY_INCOMPLETE(count=report.entries, last=report.last_seq)
        status = VerifyStatus.INCOMPLETE
    return AuditVerification(
        status=status, summary=summary, notes=tuple(notes),
        finding=problem.finding if problem else None,
        first_bad_seq=problem.seq if problem else None,
        first_bad_id=problem.entry_id if problem else None,
        entries=report.entries, seconds=report.seconds, report=report,
    )


def _problem_words(report: ChainReport) -> Text:
    problem = report.problem
    assert problem is not None
    seq, entry_id, other = problem.seq or 0, problem.entry_id or 0, problem.other_seq or 0
    finding = problem.finding
    if finding is Finding.EDITED:
        if problem.entry_id is None:
            return PROBLEM_EDITED_BEFORE(seq=seq)
        return PROBLEM_EDITED(seq=seq, id=entry_id)
    if finding is Finding.DELETED:
        if problem.other_seq is None:
            return PROBLEM_DELETED_RENUMBERED(seq=seq, id=entry_id)
        return PROBLEM_DELETED(seq=seq, other=other)
    if finding is Finding.INSERTED:
        if problem.seq is None:
            return PROBLEM_INSERTED_OUTSIDE(id=entry_id)
        return PROBLEM_INSERTED(seq=seq)
    if finding is Finding.REORDERED:
        return PROBLEM_REORDERED(seq=seq, other=other)
    if finding is Finding.BAD_MAC:
        return PROBLEM_BAD_MAC(seq=seq, id=entry_id)
    if finding is Finding.KEY_CHANGED:
        return PROBLEM_KEY_CHANGED(seq=seq)
    if finding is Finding.TRUNCATED:
        return PROBLEM_TRUNCATED(seq=seq, last=max(seq - 1, 0), remembered=other)
    if finding is Finding.REWRITTEN:
        return PROBLEM_REWRITTEN(seq=seq)
    return PROBLEM_MEMORY_ALTERED(seq=seq)


def verify_store(
    store: Store, keeping: ChainKeeping | None = None, *,
    terminal_names: dict[str, str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> AuditVerification:
    """Verify the store's chain with this terminal's keys and memory; an intact, complete
    chain's head is remembered, so a later truncation is noticed here."""
    keeping = keeping if keeping is not None else chain_keeping(store)
    report = verify_chain(store, keeping, progress=progress)
    remember_verified(store, report, keeping)
    names = terminal_names if terminal_names is not None else AuditLog(store).terminal_names()
    return describe(report, names)


def keep_store_chain(store: Store, secrets: SecretStore, data_dir: Path) -> ChainKeeping:
    """This terminal's keys and head memory for every audit append and check on `store`."""
    return keep_chain(store, KeyringAuditKeys(secrets), HeadMemory(data_dir))


# --- the service -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """What the viewer's pickers offer: (id, label) for staff and terminals."""

    staff: tuple[tuple[str, str], ...]
    terminals: tuple[tuple[str, str], ...]
    actions: tuple[str, ...]
    outcomes: tuple[str, ...]


EXPORT_COLUMNS = (
    "seq", "at", "staff_id", "staff_name", "terminal_id", "terminal", "action", "target",
    "outcome", "detail", "entry_hash",
)
# A cell a spreadsheet would run as a formula starts with one of these: exported behind a '.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    words = "" if value is None else str(value)
    return "'" + words if words.startswith(_FORMULA_STARTS) else words


class AuditTrailService:
    def __init__(self, store: Store, secrets: SecretStore, data_dir: Path,
                 terminal: Terminal) -> None:
        self.store = store
        self.keeping = keep_store_chain(store, secrets, data_dir)
        self.log = AuditLog(store, terminal.id)
        self.guard = guard.Guard(self.log)

    @guard.operation(guard.VIEW_AUDIT_TRAIL)
    def page(
        self, staff: StaffMember, query: AuditFilter, after: AuditPageKey | None, limit: int
    ) -> list[AuditEntry]:
        """One keyset page of the entries `query` selects, newest first."""
        self.guard.check(staff, guard.VIEW_AUDIT_TRAIL, None)
        return self.log.page(query, after, limit)

    @guard.operation(guard.VIEW_AUDIT_TRAIL)
    def choices(self, staff: StaffMember) -> FilterChoices:
        """What the filters can choose from: the values the log holds."""
        self.guard.check(staff, guard.VIEW_AUDIT_TRAIL, None)
        staff_ids = self.log.distinct("staff_id")
        staff_names = self.log.staff_names(staff_ids)
        terminal_names = self.log.terminal_names()
        return FilterChoices(
            staff=tuple((s, staff_names.get(s) or s) for s in staff_ids),
            terminals=tuple(
                (t, terminal_names.get(t) or t) for t in self.log.distinct("terminal_id")
            ),
            actions=tuple(self.log.distinct("action")),
            outcomes=tuple(self.log.distinct("outcome")),
        )

    @guard.operation(guard.VIEW_AUDIT_TRAIL)
    def terminal_names(self, staff: StaffMember) -> dict[str, str]:
        self.guard.check(staff, guard.VIEW_AUDIT_TRAIL, None)
        return self.log.terminal_names()

    @guard.operation(guard.VERIFY_AUDIT_TRAIL)
    def verify(self, staff: StaffMember) -> AuditVerification:
        """Check the whole chain (audited with what it found)."""
        with self.guard.run(staff, guard.VERIFY_AUDIT_TRAIL, None) as audited:
            result = verify_store(self.store, self.keeping,
                                  terminal_names=self.log.terminal_names())
            found = {"finding": result.finding.value, "first_bad_seq": result.first_bad_seq,
                     "first_bad_id": result.first_bad_id} if result.finding else {}
            audited.done(result.status.value, entries=result.entries,
                         **{k: v for k, v in found.items() if v is not None})
        return result

    @guard.operation(guard.EXPORT_AUDIT_TRAIL)
    def export_csv(self, staff: StaffMember, query: AuditFilter, path: Path) -> int:
        """Write the entries `query` selects, newest first, to a CSV file at `path`
        (readable by the user only); the number written (audited)."""
        with self.guard.run(staff, guard.EXPORT_AUDIT_TRAIL, None) as audited:
            names = self.log.terminal_names()
            count = 0
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                writer = csv.writer(out)
                writer.writerow(EXPORT_COLUMNS)
                for entry in self.log.iterate(query):
                    writer.writerow([_cell(v) for v in (
                        entry.seq, entry.at.isoformat(), entry.staff_id, entry.staff_name,
                        entry.terminal_id, names.get(entry.terminal_id or "", ""),
                        entry.action, entry.target, entry.outcome, entry.detail,
                        entry.entry_hash,
                    )])
                    count += 1
            audited.done("exported", entries=count, file=Path(path).name, **_filter_details(query))
        return count


def _filter_details(query: AuditFilter) -> dict[str, object]:
    return {
        f"filter_{name}": str(value)
        for name, value in (
            ("staff", query.staff_id), ("terminal", query.terminal_id),
            ("action", query.action), ("outcome", query.outcome),
            ("start", query.start), ("end", query.end),
        )
        if value is not None
    }


__all__ = [
    "EXIT_INCOMPLETE",
    "EXIT_INTACT",
    "EXIT_TAMPERED",
    "AuditFilter",
    "AuditKeyProblem",
    "AuditPageKey",
    "AuditTrailService",
    "AuditVerification",
    "FilterChoices",
    "KeyringAuditKeys",
    "VerifyStatus",
    "audit_page_key",
    "describe",
    "export_key",
    "import_key",
    "keep_store_chain",
    "verify_store",
]
