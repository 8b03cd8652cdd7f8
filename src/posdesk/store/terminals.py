"""The terminals of a store and the leases that let exactly one of them run a job.

Times are each terminal's own UTC clock; claims and leases last tens of seconds, far longer
than the skew of clocks kept by NTP, which every till is expected to use.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from posdesk.store.database import Store
from posdesk.store.models import LeaseRecord, TerminalRecord


class TerminalRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def register(self, record: TerminalRecord) -> None:
        """Add the terminal or refresh its row (name, host, version, pid, start time)."""
        with self.store.session() as session:
            current = session.get(TerminalRecord, record.id, with_for_update=True)
            if current is None:
                session.add(record)
                return
            for name in ("name", "host", "version", "pid", "started_at", "last_seen"):
                setattr(current, name, getattr(record, name))
            session.add(current)

    def seen(self, terminal_id: str, now: datetime) -> None:
        table = TerminalRecord.__table__  # type: ignore[attr-defined]
        with self.store.session() as session:
            session.connection().execute(
                update(table).where(table.c.id == terminal_id).values(last_seen=now)
            )

    def rename(self, terminal_id: str, name: str) -> None:
        table = TerminalRecord.__table__  # type: ignore[attr-defined]
        with self.store.session() as session:
            session.connection().execute(
                update(table).where(table.c.id == terminal_id).values(name=name)
            )

    def get(self, terminal_id: str) -> TerminalRecord | None:
        with self.store.session() as session:
            return session.get(TerminalRecord, terminal_id)

    def list_all(self) -> list[TerminalRecord]:
        query = select(TerminalRecord).order_by(col(TerminalRecord.last_seen).desc())
        with self.store.session() as session:
            return list(session.exec(query))

    def live(self, now: datetime, within: timedelta) -> list[TerminalRecord]:
        query = select(TerminalRecord).where(col(TerminalRecord.last_seen) >= now - within)
        with self.store.session() as session:
            return list(session.exec(query))


class LeaseRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def acquire(self, name: str, holder: str, until: datetime, now: datetime) -> bool:
        """Take or renew the lease: True while `holder` has it until `until`. It can be taken
        only when free or lapsed, in one conditional statement, so two terminals racing for
        it cannot both win."""
        table = LeaseRecord.__table__  # type: ignore[attr-defined]
        stmt = (
            update(table)
            .where(table.c.name == name)
            .where(or_(table.c.holder == holder, table.c.expires_at < now))
            .values(holder=holder, expires_at=until)
        )
        with self.store.session() as session:
            if session.connection().execute(stmt).rowcount == 1:
                return True
        try:
            with self.store.session() as session:
                if session.get(LeaseRecord, name) is not None:
                    return False  # held by a live terminal
                session.add(
                    LeaseRecord(name=name, holder=holder, expires_at=until, acquired_at=now)
                )
        except IntegrityError:
            return False  # another terminal created it first
        return True

    def release(self, name: str, holder: str) -> None:
        """Give the lease up at once (a clean stop), so another terminal need not wait."""
        table = LeaseRecord.__table__  # type: ignore[attr-defined]
        with self.store.session() as session:
            session.connection().execute(
                update(table)
                .where(table.c.name == name, table.c.holder == holder)
                .values(expires_at=datetime(1970, 1, 1, tzinfo=UTC))
            )

    def get(self, name: str) -> LeaseRecord | None:
        with self.store.session() as session:
            return session.get(LeaseRecord, name)
