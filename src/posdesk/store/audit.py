"""The audit log: who did what, when, with which outcome. Rows are only ever appended; the
database itself rejects UPDATE and DELETE on the table (triggers from the migration)."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import col, select

from posdesk.store.database import Store
from posdesk.store.models import AuditEntry

_DETAIL_LIMIT = 4000


def encode_detail(detail: dict[str, Any] | None) -> str | None:
    """Stable JSON (sorted keys); values JSON cannot hold are written as text."""
    if detail is None:
        return None
    encoded = json.dumps(detail, sort_keys=True, default=str, ensure_ascii=False)
    if len(encoded) > _DETAIL_LIMIT:
        raise ValueError(f"audit detail longer than {_DETAIL_LIMIT} characters")
    return encoded


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
        entry = AuditEntry(
            staff_id=staff_id,
            staff_name=staff_name,
            action=action,
            target=target,
            outcome=outcome,
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
