"""Staff accounts and sign-in delays in the store: rows only; PIN rules and hashing are the
staff service's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import func, text, update
from sqlmodel import col, select

from posdesk.store.database import Store
from posdesk.store.models import utcnow
from posdesk.store.staff_models import StaffAccountRecord, TerminalSignInRecord

# pg_advisory_xact_lock key for creating the first manager (any fixed 64-bit number).
_FIRST_MANAGER_LOCK = 0x5057_5354_4146_4631


class StaffRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def count(self) -> int:
        with self.store.session() as session:
            return int(session.exec(select(func.count()).select_from(StaffAccountRecord)).one())

    def add_first(self, record: StaffAccountRecord) -> bool:
        """Add the store's first account, only if it has none: two terminals starting a new
        store at once end with one first manager. False if someone was first."""
        with self.store.session() as session:
            conn = session.connection()
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _FIRST_MANAGER_LOCK})
            else:  # SQLite: take the write lock before looking
                conn.exec_driver_sql("UPDATE staff SET id = id WHERE 0")
            if session.exec(select(func.count()).select_from(StaffAccountRecord)).one():
                return False
            session.add(record)
        return True

    def add(self, record: StaffAccountRecord) -> None:
        with self.store.session() as session:
            session.add(record)

    def get(self, staff_id: str) -> StaffAccountRecord | None:
        with self.store.session() as session:
            return session.get(StaffAccountRecord, staff_id)

    def list(self, include_inactive: bool = False) -> list[StaffAccountRecord]:
        query = select(StaffAccountRecord)
        if not include_inactive:
            query = query.where(col(StaffAccountRecord.active).is_(True))
        query = query.order_by(col(StaffAccountRecord.name), col(StaffAccountRecord.id))
        with self.store.session() as session:
            return list(session.exec(query))

    def update(self, staff_id: str, **values: object) -> StaffAccountRecord | None:
        with self.store.session() as session:
            record = session.get(StaffAccountRecord, staff_id, with_for_update=True)
            if record is None:
                return None
            for name, value in values.items():
                setattr(record, name, value)
            record.updated_at = utcnow()
            session.add(record)
            session.flush()
            session.refresh(record)
            return record

    # -- sign-in delays ---------------------------------------------------------------------

    def terminal_block(self, terminal_id: str) -> TerminalSignInRecord | None:
        with self.store.session() as session:
            return session.get(TerminalSignInRecord, terminal_id)

    def record_failure(
        self,
        staff_id: str | None,
        terminal_id: str,
        delay_for: Callable[[int], float],
        now: datetime,
    ) -> tuple[int, int]:
        """Count one wrong PIN against the account (if known) and the terminal, in one
        transaction; set each one's next allowed try. Returns both counts."""
        account_count = 0
        with self.store.session() as session:
            if staff_id is not None:
                table = StaffAccountRecord.__table__  # type: ignore[attr-defined]
                session.connection().execute(
                    update(table)
                    .where(table.c.id == staff_id)
                    .values(failed_sign_ins=table.c.failed_sign_ins + 1)
                )
                account = session.get(StaffAccountRecord, staff_id)
                if account is not None:
                    account_count = account.failed_sign_ins
                    account.blocked_until = _until(now, delay_for(account_count))
                    session.add(account)
            terminal = session.get(TerminalSignInRecord, terminal_id, with_for_update=True)
            if terminal is None:
                terminal = TerminalSignInRecord(terminal_id=terminal_id)
            terminal.failed_sign_ins += 1
            terminal.blocked_until = _until(now, delay_for(terminal.failed_sign_ins))
            session.add(terminal)
            return account_count, terminal.failed_sign_ins

    def record_success(self, staff_id: str, terminal_id: str, **account_values: object) -> None:
        with self.store.session() as session:
            account = session.get(StaffAccountRecord, staff_id, with_for_update=True)
            if account is not None:
                account.failed_sign_ins = 0
                account.blocked_until = None
                for name, value in account_values.items():
                    setattr(account, name, value)
                session.add(account)
            terminal = session.get(TerminalSignInRecord, terminal_id, with_for_update=True)
            if terminal is not None:
                terminal.failed_sign_ins = 0
                terminal.blocked_until = None
                session.add(terminal)


def _until(now: datetime, seconds: float) -> datetime | None:
    return now + timedelta(seconds=seconds) if seconds > 0 else None
