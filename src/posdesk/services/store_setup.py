"""Choosing a terminal's store: SQLite on this computer, or PostgreSQL shared by several.

Switching to PostgreSQL takes three steps, each safe to repeat:
1. `store_url` turns what the shop typed into a URL for the shipped driver (psycopg) and
   refuses a password in it: settings.json is a plain file, so the password belongs in
   ~/.pgpass (pgpass.conf on Windows) or PGPASSWORD, where libpq finds it by itself.
2. `prepare_store` connects (a short timeout, so a wrong host fails in seconds) and brings
   the schema up to date (open_store runs the migrations).
3. Optionally `copy_local_data` copies this terminal's local store into it. Rows already
   there are kept as they are and skipped, so running it twice duplicates nothing and a
   store other terminals already fill loses nothing. Audit entries are matched by content,
   not by id (each store numbers its own), and appended with new ids; the audit table
   refuses UPDATE and DELETE, and nothing here needs either.

Customers, cards and refunds mirror Stripe and sync brings them anyway; payments, the audit
log, the terminals and the closed days (Z reports) are the shop's own records and exist
nowhere else.

Problems and progress are reported as ids with parameters; the GUI puts them into words.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, create_engine, func, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError
from sqlalchemy.pool import NullPool

from posdesk.domain import messages
from posdesk.domain.messages import Text
from posdesk.store.audit import AuditLog
from posdesk.store.customers import CustomerData, CustomerRepository
from posdesk.store.database import DATABASE_FILE, Store, default_database_url, open_store
from posdesk.store.models import (
    AuditEntry,
    CustomerRecord,
    DayCloseRecord,
    PaymentMethodRecord,
    PaymentRecord,
    PaymentRequestRecord,
    TerminalRecord,
)
from posdesk.store.refund_models import RefundRequestRecord
from posdesk.store.staff_models import ShopSettingRecord, StaffAccountRecord
from posdesk.store.sync_models import RefundRecord

log = logging.getLogger(__name__)

POSTGRES_DRIVER = "postgresql+psycopg"
_POSTGRES_NAMES = {"postgres", "postgresql", "postgresql+psycopg"}
CONNECT_TIMEOUT_S = 10
_BATCH = 500

# Why a URL is refused (StoreUrlProblem.reason).
URL_EMPTY = "empty"
URL_NOT_POSTGRES = "not_postgres"
URL_HAS_PASSWORD = "password"
URL_NO_DATABASE = "no_database"

# Steps reported while preparing or copying (the GUI words them).
STEP_CONNECTING = "connecting"
STEP_MIGRATING = "migrating"
STEP_COPYING = "copying"

# The tables copied, in an order that satisfies their references.
TABLE_CUSTOMERS = "customers"
TABLE_PAYMENT_METHODS = "payment_methods"
TABLE_PAYMENTS = "payments"
TABLE_REFUNDS = "refunds"
# This shop's refund requests (keys, notes, who asked): after the payments they refund.
TABLE_REFUND_REQUESTS = "refund_requests"
# Links sent to customers: an open one may still be paid, one whose answer was lost still
# needs settling, a paid remote authentication still has its failed intent to cancel.
TABLE_PAYMENT_REQUESTS = "payment_requests"
TABLE_AUDIT_LOG = "audit_log"
TABLE_TERMINALS = "terminals"
# The people who sign in here and the shop's settings move with the data: without them
# nobody could sign in at the shared store. A shared store's own settings win a conflict.
TABLE_STAFF = "staff"
TABLE_SHOP_SETTINGS = "shop_settings"
# Closed days (Z reports): matched by scope and business day, not by number (each store
# numbers its own), and appended in their order with the target's numbers. A shared store
# that closed the same scope and day differently keeps its close; ours is a conflict.
TABLE_DAY_CLOSES = "day_closes"
COPIED_TABLES = (
    TABLE_STAFF, TABLE_SHOP_SETTINGS, TABLE_CUSTOMERS, TABLE_PAYMENT_METHODS, TABLE_PAYMENTS,
    TABLE_REFUNDS, TABLE_REFUND_REQUESTS, TABLE_PAYMENT_REQUESTS, TABLE_AUDIT_LOG,
    TABLE_TERMINALS, TABLE_DAY_CLOSES,
)


# In English for the command line; Settings words each reason itself, translatably.
URL_PROBLEM_EXPLANATIONS: dict[str, Text] = {
    URL_EMPTY: messages.text(
        "store.url_empty",
        "Enter the store's URL, such as postgresql://posdesk@db-server/posdesk.",
    ),
    URL_NOT_POSTGRES: messages.text(
        "store.url_not_postgres",
        "Not a PostgreSQL URL: write it as postgresql://user@host/database.",
    ),
    URL_HAS_PASSWORD: messages.text(
        "store.url_has_password",
        "Leave the password out of the URL: settings are kept in a plain file. Put it in "
        "~/.pgpass (%APPDATA%\\postgresql\\pgpass.conf on Windows) or the PGPASSWORD "
        "environment variable, where PostgreSQL finds it.",
    ),
    URL_NO_DATABASE: messages.text(
        "store.url_no_database",
        "Name the database at the end: postgresql://user@host/database.",
    ),
}


class StoreUrlProblem(ValueError):
    """The typed URL cannot be used; `reason` is one of the URL_* ids."""

    def __init__(self, reason: str) -> None:
        super().__init__(URL_PROBLEM_EXPLANATIONS[reason])
        self.reason = reason
        self.explanation = URL_PROBLEM_EXPLANATIONS[reason]


class StoreUnreachable(Exception):
    """The server did not accept the connection; `detail` is its first line of explanation
    (no password can be in it: URLs with one are refused before connecting)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Progress:
    step: str  # STEP_*
    table: str | None = None
    done: int = 0
    total: int = 0


Report = Callable[[Progress], None]


def _ignore(_progress: Progress) -> None:
    pass


@dataclass
class CopyResult:
    copied: dict[str, int] = field(default_factory=dict)  # table -> rows added
    skipped: dict[str, int] = field(default_factory=dict)  # table -> rows already there
    # Rows not copied because another row holds one of their unique values (e.g. a payment
    # whose intent another payment already has): "table:id", also logged.
    conflicts: list[str] = field(default_factory=list)
    # Of those, our closed days the target had closed otherwise: (scope key, business day).
    closes_kept: list[tuple[str, date]] = field(default_factory=list)

    @property
    def total_copied(self) -> int:
        return sum(self.copied.values())


# --- the URL -----------------------------------------------------------------------------


def store_url(typed: str, *, allow_password: bool = False) -> str:
    """A URL open_store takes: postgresql:// and postgres:// get the psycopg driver;
    sqlite:/// URLs pass unchanged (the demo takes one). Raises StoreUrlProblem."""
    typed = typed.strip()
    if not typed:
        raise StoreUrlProblem(URL_EMPTY)
    if not typed.isprintable():  # control characters, odd spaces: no address holds them
        raise StoreUrlProblem(URL_NOT_POSTGRES)
    try:
        url = make_url(typed)
    except ArgumentError:
        raise StoreUrlProblem(URL_NOT_POSTGRES) from None
    if url.get_backend_name() == "sqlite":
        return typed
    if url.drivername not in _POSTGRES_NAMES:
        raise StoreUrlProblem(URL_NOT_POSTGRES)
    if not allow_password and (url.password or "password" in url.query):
        raise StoreUrlProblem(URL_HAS_PASSWORD)
    if not url.database:
        raise StoreUrlProblem(URL_NO_DATABASE)
    return url.set(drivername=POSTGRES_DRIVER).render_as_string(hide_password=False)


def store_url_for_demo(typed: str) -> str:
    """`posdesk --demo --store URL`: SQLite or PostgreSQL; a password is allowed here, as
    it is used for this run only and never saved."""
    return store_url(typed, allow_password=True)


def postgres_url(typed: str) -> str:
    """The PostgreSQL URL Settings saves: no password, psycopg driver. Raises
    StoreUrlProblem (a sqlite URL is URL_NOT_POSTGRES here)."""
    url = store_url(typed)
    if make_url(url).get_backend_name() != "postgresql":
        raise StoreUrlProblem(URL_NOT_POSTGRES)
    return url


def display_url(url: str) -> str:
    """The store as shown to people and logs: any password masked."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    shown: URL = parsed.set(drivername="postgresql")
    return shown.render_as_string(hide_password=True)


def local_store_url(data_dir: Path) -> str:
    """This computer's SQLite store in the data directory."""
    return default_database_url(data_dir)


def local_store_exists(data_dir: Path) -> bool:
    return (Path(data_dir) / DATABASE_FILE).exists()


# --- connecting and migrating --------------------------------------------------------------


def prepare_store(url: str, report: Report = _ignore) -> Store:
    """Connect to the store, apply pending migrations, return it open (the caller closes it).
    Raises StoreUnreachable when the server refuses or does not answer."""
    report(Progress(STEP_CONNECTING))
    connect_args = (
        {"connect_timeout": CONNECT_TIMEOUT_S}
        if make_url(url).get_backend_name() == "postgresql" else {}
    )
    probe = create_engine(url, poolclass=NullPool, connect_args=connect_args)
    try:
        with probe.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as exc:
        raise StoreUnreachable(_first_line(exc.orig) or type(exc).__name__) from None
    finally:
        probe.dispose()
    report(Progress(STEP_MIGRATING))
    return open_store(url)


@dataclass
class StoreSwitch:
    """A prepared switch to another store: the target, open and at the current schema, and
    this terminal's local store with what it holds (to offer a copy). `close` releases
    what was opened for the switch; the store the app runs on is never closed here."""

    url: str
    target: Store
    local: Store | None
    local_counts: dict[str, int]
    _opened_local: bool = False

    @property
    def local_has_data(self) -> bool:
        return any(self.local_counts.values())

    def copy_local_data(self, report: Report = _ignore) -> CopyResult:
        if self.local is None:
            return CopyResult()
        return copy_local_data(self.local, self.target, report)

    def close(self) -> None:
        self.target.close()
        if self._opened_local and self.local is not None:
            self.local.close()


def prepare_switch(
    url: str, data_dir: Path, current: Store, report: Report = _ignore
) -> StoreSwitch:
    """Prepare the target store (prepare_store) and find this terminal's local data: the
    store in use when it is SQLite, else the data directory's SQLite file if there is one."""
    target = prepare_store(url, report)
    try:
        local: Store | None = None
        opened = False
        if current.dialect == "sqlite":
            local = current
        elif local_store_exists(data_dir):
            local, opened = open_store(default_database_url(data_dir)), True
        counts = data_counts(local) if local is not None else dict.fromkeys(COPIED_TABLES, 0)
    except BaseException:
        target.close()
        raise
    return StoreSwitch(url, target, local, counts, opened)


def same_store(url: str, other: str) -> bool:
    """Whether two URLs name one database (the password, driver and spelling aside)."""
    def key(value: str) -> tuple[Any, ...]:
        parsed = make_url(value)
        return (parsed.get_backend_name(), parsed.username, parsed.host, parsed.port,
                parsed.database)

    return key(url) == key(other)


def _first_line(error: BaseException | None) -> str:
    lines = [line.strip() for line in str(error or "").splitlines() if line.strip()]
    return lines[0] if lines else ""


# --- what the local store holds -------------------------------------------------------------


def data_counts(store: Store) -> dict[str, int]:
    """Rows per copied table, to say what a copy would bring."""
    with store.engine.connect() as connection:
        return {
            name: int(connection.execute(select(func.count()).select_from(_table(name)))
                      .scalar_one())
            for name in COPIED_TABLES
        }


# --- copying ---------------------------------------------------------------------------------


def copy_local_data(source: Store, target: Store, report: Report = _ignore) -> CopyResult:
    """Copy what `source` holds into `target`, keeping every row `target` already has."""
    result = CopyResult()
    totals = data_counts(source)
    for name in COPIED_TABLES:
        total = totals[name]
        report(Progress(STEP_COPYING, name, 0, total))
        if name == TABLE_CUSTOMERS:
            copied = _copy_customers(source, target, result, total, report)
        elif name == TABLE_AUDIT_LOG:
            copied = _copy_audit_log(source, target, total, report)
        elif name == TABLE_DAY_CLOSES:
            copied = _copy_day_closes(source, target, result, total, report)
        else:
            copied = _copy_by_key(source, target, name, result, total, report)
        result.copied[name] = copied
        result.skipped[name] = total - copied - sum(
            1 for c in result.conflicts if c.startswith(f"{name}:")
        )
    shown = display_url(target.engine.url.render_as_string(hide_password=True))
    log.info("local store copied into %s: %s", shown, result.copied)
    return result


def _table(name: str) -> Table:
    models: dict[str, Any] = {
        TABLE_CUSTOMERS: CustomerRecord,
        TABLE_PAYMENT_METHODS: PaymentMethodRecord,
        TABLE_PAYMENTS: PaymentRecord,
        TABLE_REFUNDS: RefundRecord,
        TABLE_REFUND_REQUESTS: RefundRequestRecord,
        TABLE_PAYMENT_REQUESTS: PaymentRequestRecord,
        TABLE_AUDIT_LOG: AuditEntry,
        TABLE_TERMINALS: TerminalRecord,
        TABLE_STAFF: StaffAccountRecord,
        TABLE_SHOP_SETTINGS: ShopSettingRecord,
        TABLE_DAY_CLOSES: DayCloseRecord,
    }
    return models[name].__table__  # type: ignore[no-any-return]


def _batches(store: Store, table: Table) -> Iterable[list[dict[str, Any]]]:
    """Rows of the table in primary-key order, a batch at a time (keyset paging)."""
    (key,) = table.primary_key.columns
    last: Any = None
    while True:
        query = select(table).order_by(key).limit(_BATCH)
        if last is not None:
            query = query.where(key > last)
        with store.engine.connect() as connection:
            rows = [dict(row._mapping) for row in connection.execute(query)]
        if not rows:
            return
        yield rows
        last = rows[-1][key.name]


def _existing_keys(target: Store, table: Table, keys: Sequence[Any]) -> set[Any]:
    (key,) = table.primary_key.columns
    with target.engine.connect() as connection:
        return set(connection.execute(select(key).where(key.in_(keys))).scalars())


def _insert_skipping_existing(target: Store, table: Table) -> Any:
    """INSERT … ON CONFLICT (primary key) DO NOTHING: a row another terminal adds between our
    look-up and our insert is kept, not overwritten. Other unique values still raise."""
    (key,) = table.primary_key.columns
    dialect = postgresql if target.dialect == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing(index_elements=[key.name])


def _copy_by_key(
    source: Store, target: Store, name: str, result: CopyResult, total: int, report: Report
) -> int:
    table = _table(name)
    (key,) = table.primary_key.columns
    statement = _insert_skipping_existing(target, table)
    copied = done = 0
    for rows in _batches(source, table):
        existing = _existing_keys(target, table, [row[key.name] for row in rows])
        missing = [row for row in rows if row[key.name] not in existing]
        copied += _insert_rows(target, statement, missing, name, key.name, result)
        done += len(rows)
        report(Progress(STEP_COPYING, name, done, total))
    return copied


def _insert_rows(
    target: Store, statement: Any, rows: list[dict[str, Any]], name: str, key: str,
    result: CopyResult,
) -> int:
    if not rows:
        return 0
    try:
        with target.engine.begin() as connection:
            return _inserted(connection.execute(statement, rows), len(rows))
    except IntegrityError:
        pass
    # One row of the batch holds a unique value another row already has: find it, keep the
    # rest (one transaction per row only on this rare path).
    copied = 0
    for row in rows:
        try:
            with target.engine.begin() as connection:
                copied += _inserted(connection.execute(statement, [row]), 1)
        except IntegrityError as exc:
            result.conflicts.append(f"{name}:{row[key]}")
            log.warning("not copied: %s %s conflicts with a row already in the store (%s)",
                        name, row[key], _first_line(exc.orig))
    return copied


def _inserted(cursor: Any, attempted: int) -> int:
    # rowcount counts the rows actually inserted (DO NOTHING leaves it out) on both dialects;
    # a driver that cannot tell answers -1, and then the attempt is the best figure there is.
    count = cursor.rowcount
    return attempted if count is None or count < 0 else int(count)


def _copy_customers(
    source: Store, target: Store, result: CopyResult, total: int, report: Report
) -> int:
    """Through the repository, which writes the search entries that find them."""
    table = _table(TABLE_CUSTOMERS)
    repository = CustomerRepository(target)
    copied = done = 0
    for rows in _batches(source, table):
        existing = _existing_keys(target, table, [row["id"] for row in rows])
        missing = [
            CustomerData(
                id=row["id"], name=row["name"], email=row["email"], phone=row["phone"],
                default_payment_method=row["default_payment_method"],
                created=row["created"], deleted=row["deleted"],
            )
            for row in rows if row["id"] not in existing
        ]
        if missing:
            copied += repository.upsert_many(missing)
        done += len(rows)
        report(Progress(STEP_COPYING, TABLE_CUSTOMERS, done, total))
    return copied


_AUDIT_CONTENT = (
    "at", "staff_id", "staff_name", "action", "target", "outcome", "detail", "terminal_id",
)


def _audit_content(row: dict[str, Any]) -> tuple[Any, ...]:
    values = [row[name] for name in _AUDIT_CONTENT]
    at = values[0]
    if isinstance(at, datetime):
        values[0] = (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(UTC)
    return tuple(values)


def _copy_audit_log(source: Store, target: Store, total: int, report: Report) -> int:
    """Entries the target lacks, appended in their original order with the target's ids.

    Matched by content as a multiset (two identical entries stay two), against the target's
    entries from the oldest source entry on: enough for a repeat copy to add nothing."""
    table = _table(TABLE_AUDIT_LOG)
    with source.engine.connect() as connection:
        oldest = connection.execute(select(func.min(table.c.at))).scalar()
    if oldest is None:
        return 0
    present: Counter[tuple[Any, ...]] = Counter()
    with target.engine.connect() as connection:
        for row in connection.execute(select(table).where(table.c.at >= oldest)):
            present[_audit_content(dict(row._mapping))] += 1
    copied = done = 0
    for rows in _batches(source, table):
        missing = []
        for row in rows:
            content = _audit_content(row)
            if present[content] > 0:
                present[content] -= 1
                continue
            missing.append({name: row[name] for name in _AUDIT_CONTENT})
        if missing:
            # Chained onto the target's audit chain (store/audit.py), in their order.
            copied += AuditLog(target).append_copies(missing)
        done += len(rows)
        report(Progress(STEP_COPYING, TABLE_AUDIT_LOG, done, total))
    return copied


# What makes two closes of one scope and day the same close (a repeat copy), whatever number
# each store gave it.
_CLOSE_CONTENT = ("closed_by", "currency", "sales", "refunded", "fees", "totals")


def _copy_day_closes(
    source: Store, target: Store, result: CopyResult, total: int, report: Report
) -> int:
    """Closes the target lacks, by (scope, business day), appended in their number order
    with the target's numbers; a different close of the same scope and day is a conflict."""
    table = _table(TABLE_DAY_CLOSES)
    columns = [c.name for c in table.columns if c.name != "number"]
    copied = done = 0
    for rows in _batches(source, table):
        scopes = {row["scope"] for row in rows}
        days = {row["business_date"] for row in rows}
        with target.engine.connect() as connection:
            present = {
                (row.scope, row.business_date): tuple(getattr(row, c) for c in _CLOSE_CONTENT)
                for row in connection.execute(
                    select(table).where(table.c.scope.in_(scopes),
                                        table.c.business_date.in_(days)))
            }
        for row in rows:
            key = (row["scope"], row["business_date"])
            label = f"{TABLE_DAY_CLOSES}:{row['scope']} {row['business_date'].isoformat()}"
            if key in present:
                if present[key] == tuple(row[c] for c in _CLOSE_CONTENT):
                    continue  # copied before
            else:
                try:
                    with target.engine.begin() as connection:
                        connection.execute(table.insert(), {c: row[c] for c in columns})
                    copied += 1
                    continue
                except IntegrityError:  # another terminal closed that day meanwhile
                    pass
            result.conflicts.append(label)
            result.closes_kept.append(key)
            log.warning("not copied: the store holds another close of %s", label)
        done += len(rows)
        report(Progress(STEP_COPYING, TABLE_DAY_CLOSES, done, total))
    return copied
