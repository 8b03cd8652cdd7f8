"""SQLModel tables: the local picture of Stripe plus the shop's own records.

Card data is limited to what Stripe itself exposes (brand, last4, expiry, wallet); a card
number or CVC has no column to live in.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Index,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


# Payment states whose outcome at Stripe still has to be looked up (the settlement query's
# filter, domain.payment_state values). Few rows ever are in them, so a partial index holding
# only those rows keeps the settlement query to a handful of rows whatever the statistics
# say about `state` on average. Written out in SQL because the query must spell the same
# literals for SQLite to use the partial index (store/payments.py checks they agree).
SETTLING_STATES = ("pending", "unconfirmed", "waiting", "processing")
SETTLING_WHERE = "state IN ('pending', 'unconfirmed', 'waiting', 'processing')"


class CustomerRecord(SQLModel, table=True):
    __tablename__ = "customers"

    id: str = Field(primary_key=True, max_length=64)  # Stripe id, cus_...
    name: str | None = Field(default=None, max_length=256)
    email: str | None = Field(default=None, max_length=512)
    phone: str | None = Field(default=None, max_length=64)
    # Normalised copies used by the type-ahead search (lower-case text, digits-only phone).
    # Not indexed: search reads customer_search_terms / customer_search_text, and these say
    # what a customer's search rows were made of (store/customers.py).
    name_key: str = Field(default="", max_length=256)
    email_key: str = Field(default="", max_length=512)
    phone_key: str = Field(default="", max_length=64)
    default_payment_method: str | None = Field(default=None, max_length=64)
    created: int = Field(default=0)  # Stripe's unix timestamp
    deleted: bool = Field(default=False)
    # When Stripe's values were last written here: a re-sync that changes nothing writes
    # nothing (store/customers.py).
    synced_at: datetime = Field(default_factory=utcnow)


class PaymentMethodRecord(SQLModel, table=True):
    __tablename__ = "payment_methods"

    id: str = Field(primary_key=True, max_length=64)  # pm_...
    customer_id: str | None = Field(default=None, max_length=64, index=True)
    type: str = Field(default="card", max_length=32)
    brand: str | None = Field(default=None, max_length=32)
    last4: str | None = Field(default=None, max_length=4)
    exp_month: int | None = None
    exp_year: int | None = None
    funding: str | None = Field(default=None, max_length=16)
    country: str | None = Field(default=None, max_length=2)
    wallet: str | None = Field(default=None, max_length=32)
    created: int = Field(default=0)
    synced_at: datetime = Field(default_factory=utcnow)


class PaymentRecord(SQLModel, table=True):
    __tablename__ = "payments"
    # Each list of payments is newest first by (created_at, id) (keyset pages): an index per
    # filter ending in (created_at, id) gives rows in that order, so no query sorts.
    __table_args__ = (
        Index("ix_payments_created_at_id", "created_at", "id"),
        Index("ix_payments_customer_created", "customer_id", "created_at", "id"),
        Index("ix_payments_state_created", "state", "created_at", "id"),
        Index("ix_payments_terminal_created", "terminal_id", "created_at", "id"),
        Index("ix_payments_staff_created", "staff_id", "created_at", "id"),
        Index(
            "ix_payments_settling",
            "created_at",
            "id",
            sqlite_where=text(SETTLING_WHERE),
            postgresql_where=text(SETTLING_WHERE),
        ),
        # The few authorisations with a capture or release in flight (settling finds them).
        Index(
            "ix_payments_capture_in_flight",
            "capture_key",
            sqlite_where=text("capture_key IS NOT NULL"),
            postgresql_where=text("capture_key IS NOT NULL"),
        ),
        # A terminal's claims (released at its start): only claimed rows are indexed.
        Index(
            "ix_payments_claimed_by",
            "claimed_by",
            sqlite_where=text("claimed_by IS NOT NULL"),
            postgresql_where=text("claimed_by IS NOT NULL"),
        ),
    )

    id: str = Field(primary_key=True, max_length=36)  # local UUID, also in intent metadata
    idempotency_key: str = Field(unique=True, max_length=255)
    intent_id: str | None = Field(default=None, unique=True, max_length=64)
    customer_id: str | None = Field(default=None, max_length=64)
    payment_method_id: str | None = Field(default=None, max_length=64)
    amount: int  # minor units
    currency: str = Field(max_length=3)
    description: str | None = Field(default=None, max_length=1000)
    state: str = Field(max_length=32)  # domain.payment_state.PaymentState
    stripe_status: str | None = Field(default=None, max_length=32)
    staff_id: str = Field(max_length=64)
    staff_name: str = Field(default="", max_length=256)
    error_code: str | None = Field(default=None, max_length=64)
    decline_code: str | None = Field(default=None, max_length=64)
    error_message: str | None = Field(default=None, max_length=1000)
    amount_received: int = 0
    amount_refunded: int = 0
    livemode: bool = False
    # The single-use `cvc_update` token (never the CVC) of a charge with a re-collected CVC,
    # kept until Stripe's answer is recorded so that a retry resends the identical request.
    cvc_token: str | None = Field(default=None, max_length=255)
    # When Stripe first answered the create with a server error (5xx). Stripe saves that
    # answer for the key and replays it, so such a payment is settled by looking its intent up.
    server_error_at: datetime | None = None
    # A capture or release of this authorisation in flight: its idempotency key, committed
    # before the request is sent and cleared once Stripe's answer is recorded, and the
    # amount to capture (None: a release). A crash or a lost answer leaves it set, and
    # settling finishes the same request with the same key (ledger/payments.py).
    capture_key: str | None = Field(default=None, max_length=255)
    capture_amount: int | None = None
    # The terminal that took the payment.
    terminal_id: str | None = Field(default=None, max_length=36)
    # A claim: the terminal deciding this payment right now (a request in flight, a customer
    # at its card form). Settling, reconciliation and sync leave a payment alone while its
    # claim has not expired; the terminal renews it while alive, so a dead one's lapses.
    claimed_by: str | None = Field(default=None, max_length=36)
    claim_expires_at: datetime | None = Field(default=None, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class AuditEntry(SQLModel, table=True):
    """Append-only: who did what, when, with which outcome. Never updated or deleted.

    Tamper-evident (store/audit.py): `seq` numbers the store's entries 1, 2, 3, ... without
    gaps; `entry_hash` is the SHA-256 of every field with `prev_hash`, the hash of the entry
    before, so the entries form one chain; `mac` authenticates `entry_hash` with the store's
    audit key (an HMAC key kept in the OS keyring of its terminals, named by `key_id`).
    A row without `seq` was not written through the audit log."""

    __tablename__ = "audit_log"
    # The log by time, newest first by (at, id): the index gives that order, and each
    # filter of the audit viewer has one ending in (at, id). The chain is read by seq.
    __table_args__ = (
        Index("ix_audit_log_at_id", "at", "id"),
        Index("ix_audit_log_seq", "seq", unique=True),
        Index("ix_audit_log_action_at", "action", "at", "id"),
        Index("ix_audit_log_staff_at", "staff_id", "at", "id"),
        Index("ix_audit_log_terminal_at", "terminal_id", "at", "id"),
        Index("ix_audit_log_outcome_at", "outcome", "at", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    staff_id: str = Field(max_length=64)
    staff_name: str = Field(default="", max_length=256)
    action: str = Field(max_length=64)  # e.g. "charge", "detach_card"
    target: str | None = Field(default=None, max_length=128)  # e.g. cus_..., pi_...
    outcome: str = Field(max_length=64)  # e.g. "succeeded", "declined", "denied"
    detail: str | None = Field(default=None, max_length=4000)  # JSON, redacted
    terminal_id: str | None = Field(default=None, max_length=36)  # where it was done
    seq: int | None = Field(default=None)
    prev_hash: str | None = Field(default=None, max_length=64)  # hex SHA-256
    entry_hash: str | None = Field(default=None, max_length=64)  # hex SHA-256
    key_id: str | None = Field(default=None, max_length=16)  # names the key, never holds it
    mac: str | None = Field(default=None, max_length=64)  # hex HMAC-SHA256 of entry_hash


# Byte-order comparison on PostgreSQL too, so prefix ranges and name ordering behave exactly
# as on SQLite whatever the server's default collation is.
def _c_collated(length: int) -> String:
    return String(length).with_variant(String(length, collation="C"), "postgresql")


class CustomerSearchTerm(SQLModel, table=True):
    """Prefix index for the type-ahead: one row per searchable field start of a customer.

    Terms are the whole normalised name, email, phone digits and id ("whole" rows) plus the
    name from each later word onwards ("ann smith" for "mary ann smith"), so a range scan on
    ``term`` finds prefix matches of any field or any word. ``name_key`` is copied here so
    results can be ordered by name without touching the customers table.

    Two b-trees, as every imported customer pays for each of them about six times over:
    - the primary key (term, whole, name_key, customer_id): a prefix's matches, an exact
      whole field's matches already in name order, all without the table's rows;
    - ``head``, the term's first 2 characters (its first alone when that is a Chinese or
      Japanese ideograph or a Korean syllable, one of thousands: store/customers.py
      ``head_of``), indexed in name order. Short input matches a large share of a million
      customers; this index lists exactly the matches of a whole head ("jo", "王") in name
      order, so the first page costs the same at 10k or 1M customers. One letter merges
      the name-ordered runs of its 2-character groups; longer input walks the run of its
      head (store/customers.py).

    Rows are found by their key alone: a customer's terms follow from its stored keys and
    phone (store/customers.py ``_terms``), so rewriting or deleting them needs no index on
    ``customer_id``; and no foreign key, as only the customer repository writes them.
    """

    __tablename__ = "customer_search_terms"
    __table_args__ = (
        PrimaryKeyConstraint("term", "whole", "name_key", "customer_id"),
        Index("ix_customer_search_terms_head", "head", "name_key", "customer_id", "term"),
        # Clustered on the key in SQLite: a prefix range reads one b-tree run.
        {"sqlite_with_rowid": False},
    )

    term: str = Field(sa_column=Column(_c_collated(512), primary_key=True))
    customer_id: str = Field(sa_column=Column(String(64), primary_key=True))
    name_key: str = Field(sa_column=Column(_c_collated(256), primary_key=True))
    whole: bool = Field(sa_column=Column(Boolean, primary_key=True, default=False))
    head: str = Field(
        default="", sa_column=Column(_c_collated(2), nullable=False, server_default="")
    )


class CustomerSearchText(SQLModel, table=True):
    """A customer's name, email and phone keys in one string, for substring (3+ characters)
    search; not the Stripe id, whose random characters would match typed text by chance.

    SQLite indexes it with an FTS5 trigram table kept in step by triggers; PostgreSQL with a
    pg_trgm GIN index when the extension is available (both created by the migration).
    Like the terms, written only by the customer repository: no foreign key to check.
    """

    __tablename__ = "customer_search_text"
    # Covers the alphabetical substring walk, so it never touches the table rows.
    __table_args__ = (Index("ix_customer_search_text_name", "name_key", "customer_id", "text"),)

    id: int | None = Field(default=None, primary_key=True)
    customer_id: str = Field(sa_column=Column(String(64), nullable=False, unique=True))
    name_key: str = Field(sa_column=Column(_c_collated(256), nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))


class TerminalRecord(SQLModel, table=True):
    """A till or back-office PC using this store; it refreshes last_seen while it runs."""

    __tablename__ = "terminals"

    id: str = Field(primary_key=True, max_length=36)  # kept in the data directory
    name: str = Field(default="", max_length=256)
    host: str = Field(default="", max_length=256)
    version: str = Field(default="", max_length=32)
    pid: int = 0
    started_at: datetime = Field(default_factory=utcnow)
    last_seen: datetime = Field(default_factory=utcnow, index=True)


class LeaseRecord(SQLModel, table=True):
    """A job exactly one terminal of the store may run at a time (e.g. syncing with Stripe):
    held until expires_at, renewed by its holder, taken over once it lapses."""

    __tablename__ = "leases"

    name: str = Field(primary_key=True, max_length=64)
    holder: str = Field(max_length=36)
    expires_at: datetime
    acquired_at: datetime = Field(default_factory=utcnow)


class ChangeRecord(SQLModel, table=True):
    """The change feed between terminals: one row per committed change a screen may show
    (a payment, a customer, a card, a refund), written in the same transaction."""

    __tablename__ = "changes"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)  # "payment", "customer", "payment_method", "refund"
    entity_id: str = Field(max_length=128)
    customer_id: str | None = Field(default=None, max_length=64)
    terminal_id: str | None = Field(default=None, max_length=36)
    at: datetime = Field(default_factory=utcnow, index=True)


# --- payment history (store/history.py; migration 0013) -----------------------------------------


class HistoryTotal(SQLModel, table=True):
    """How many payments, and how much received and refunded, per UTC day, currency, state
    and terminal ('' for none): what the history's totals add up instead of every payment.

    Kept by triggers on `payments` (migration 0013, store/history_totals.py), so every
    writer (the ledger, the event applier, a bulk copy) updates it in the transaction of
    its payment write, and no writer can forget to."""

    __tablename__ = "history_totals"

    day: date = Field(primary_key=True)
    currency: str = Field(primary_key=True, max_length=3)
    state: str = Field(primary_key=True, max_length=32)
    terminal_id: str = Field(primary_key=True, max_length=36)
    payments: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
    received: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
    refunded: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))


class PaymentEvent(SQLModel, table=True):
    """A Stripe event the applier applied to a payment intent, its charge or a refund: the
    payment's timeline (written by sync/applier.py in the event's own transaction).
    Keyed to the intent, so an event applied before its payment was known still shows."""

    __tablename__ = "payment_events"
    __table_args__ = (Index("ix_payment_events_intent", "intent_id", "created", "event_id"),)

    event_id: str = Field(primary_key=True, max_length=64)  # evt_...
    intent_id: str = Field(max_length=64)  # pi_...
    type: str = Field(max_length=128)  # e.g. "charge.refunded"
    created: int = 0  # Stripe's unix timestamp of the event
    object_id: str = Field(max_length=64)  # the intent, charge or refund it is about
    status: str | None = Field(default=None, max_length=32)
    amount: int | None = None  # minor units: the refund's, or the intent's
    currency: str | None = Field(default=None, max_length=3)
    applied_at: datetime = Field(default_factory=utcnow)


# The history's filters and sorts beyond the indexes above: by amount (sort and range), by
# card (last four digits -> payment methods -> their payments), and a payment's audit
# entries (by target: the payment, its intent, its refunds).
Index("ix_payments_amount_id", PaymentRecord.__table__.c.amount,  # type: ignore[attr-defined]
      PaymentRecord.__table__.c.id)  # type: ignore[attr-defined]
Index("ix_payments_method_created",
      PaymentRecord.__table__.c.payment_method_id,  # type: ignore[attr-defined]
      PaymentRecord.__table__.c.created_at, PaymentRecord.__table__.c.id)  # type: ignore[attr-defined]
Index("ix_payment_methods_last4", PaymentMethodRecord.__table__.c.last4)  # type: ignore[attr-defined]
Index("ix_audit_log_target_at", AuditEntry.__table__.c.target,  # type: ignore[attr-defined]
      AuditEntry.__table__.c.at, AuditEntry.__table__.c.id)  # type: ignore[attr-defined]


class DayCloseRecord(SQLModel, table=True):
    """A closed business day (a Z report) of one terminal or of the whole store: who closed
    it, when, and the report's figures. One per scope and day (the unique constraint: two
    terminals closing at once end with one close); `number` numbers the Z reports."""

    __tablename__ = "day_closes"
    __table_args__ = (
        UniqueConstraint("scope", "business_date", name="uq_day_closes_scope_date"),
    )

    number: int | None = Field(default=None, primary_key=True)
    scope: str = Field(max_length=48)  # domain.day_close.Scope.key: "store" / "terminal:<id>"
    terminal_id: str | None = Field(default=None, max_length=36)  # a terminal scope's
    business_date: date  # in the shop's time zone
    time_zone: str = Field(max_length=64)
    closed_at: datetime = Field(default_factory=utcnow)
    closed_by: str = Field(max_length=64)  # staff id
    closed_by_name: str = Field(default="", max_length=256)
    closed_on: str | None = Field(default=None, max_length=36)  # the terminal it was closed at
    currency: str = Field(max_length=3)
    sales: int = 0
    refunded: int = 0
    fees: int | None = None  # Stripe's, when they could be read
    totals: str = Field(sa_column=Column(Text, nullable=False))  # the report as JSON


# Payment requests whose link may still be paid (domain.payment_requests.RequestState):
# the open-requests list and expiry read only these, through a partial index.
OPEN_REQUEST_STATES = ("sending", "open")
OPEN_REQUEST_WHERE = "state IN ('sending', 'open')"


class PaymentRequestRecord(SQLModel, table=True):
    """A request for a customer to pay on Stripe's hosted page (a Checkout Session), written
    with its idempotency key before Stripe hears of it (services/payment_requests.py). The
    payment it brings is an ordinary `payments` row, made by the event applier under this
    request's id (the intent's metadata carries it): `payment_id` once paid."""

    __tablename__ = "payment_requests"
    __table_args__ = (
        Index("ix_payment_requests_customer", "customer_id", "created_at", "id"),
        Index("ix_payment_requests_open", "expires_at", "id",
              sqlite_where=text(OPEN_REQUEST_WHERE), postgresql_where=text(OPEN_REQUEST_WHERE)),
        Index("ix_payment_requests_retry_of", "retry_of"),
    )

    id: str = Field(primary_key=True, max_length=36)  # local UUID, in the session's metadata
    idempotency_key: str = Field(unique=True, max_length=255)
    session_id: str | None = Field(default=None, unique=True, max_length=255)  # cs_...
    url: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    amount: int  # minor units
    currency: str = Field(max_length=3)
    description: str = Field(max_length=200)
    customer_id: str | None = Field(default=None, max_length=64)  # None: a walk-in
    save_card: bool = False
    expires_at: datetime
    state: str = Field(max_length=16)  # domain.payment_requests.RequestState
    payment_id: str | None = Field(default=None, max_length=36)  # payments.id once paid
    intent_id: str | None = Field(default=None, max_length=64)
    # A remote authentication: the payment that failed for lack of authentication, its
    # intent (canceled once this request is paid), and when that cancel was confirmed.
    retry_of: str | None = Field(default=None, max_length=36)
    retry_intent_id: str | None = Field(default=None, max_length=64)
    retry_canceled_at: datetime | None = None
    error_code: str | None = Field(default=None, max_length=64)
    error_message: str | None = Field(default=None, max_length=1000)
    staff_id: str = Field(max_length=64)
    staff_name: str = Field(default="", max_length=256)
    terminal_id: str | None = Field(default=None, max_length=36)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
