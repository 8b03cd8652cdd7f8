"""The audit log: who did what, when, with which outcome. Rows are only ever appended; the
database itself rejects UPDATE and DELETE on the table (triggers from the migration)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_
from sqlmodel import col, select

from posdesk.store.database import Store
from posdesk.store.models import AuditEntry

_DETAIL_LIMIT = 4000


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
        # Cut to the columns' sizes rather than fail (PostgreSQL refuses longer text).
        entry = AuditEntry(
            staff_id=_text(staff_id, 64),
            staff_name=_text(staff_name, 256),
            action=_text(action, 64),
            target=_text(target, 128) if target is not None else None,
            outcome=_text(outcome, 64),
            detail=encode_detail(detail),
            terminal_id=self.terminal_id,
        )
        with self.store.session() as session:
            session.add(entry)
            session.flush()
            session.refresh(entry)
        return entry

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
        at, entry_id = col(AuditEntry.at), col(AuditEntry.id)
        query = select(AuditEntry)
        if start is not None:
            query = query.where(at >= start)
        if end is not None:
            query = query.where(at < end)
        if after is not None:
            # `at <= ...` as well: SQLite seeks on it, not on the OR alone.
            query = query.where(
                at <= after[0], or_(at < after[0], and_(at == after[0], entry_id < after[1]))
            )
        query = query.order_by(at.desc(), entry_id.desc()).limit(limit)
        with self.store.session() as session:
            return list(session.exec(query))
