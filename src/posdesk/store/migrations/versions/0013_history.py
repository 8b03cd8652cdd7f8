"""The payment history: summary totals kept by triggers, the payments' timeline of Stripe
events, and the indexes of the history's filters.

- history_totals: payments, received and refunded per (UTC day, currency, state,
  terminal); filled from the payments already there, then kept by triggers on `payments`
  (insert, delete, and an update of a counted column) in the payment write's transaction.
  The totals of a filter by date, state and terminal add these rows up (store/history_totals.py).
- payment_events: each Stripe event the applier applies to an intent, its charge or a
  refund, by intent (sync/applier.py writes it with the event).
- indexes: payments (amount, id) for the amount sort and range, (payment_method_id,
  created_at, id) for the card filter, payment_methods (last4), audit_log (target, at, id)
  for a payment's audit entries.

The trigger bodies are frozen here.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 05:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STR = sqlmodel.sql.sqltypes.AutoString
_TIME = sqlmodel.sql.sqltypes.UTCDateTime

_INDEXES: tuple[tuple[str, str, list[str]], ...] = (
    ("ix_payments_amount_id", "payments", ["amount", "id"]),
    ("ix_payments_method_created", "payments", ["payment_method_id", "created_at", "id"]),
    ("ix_payment_methods_last4", "payment_methods", ["last4"]),
    ("ix_audit_log_target_at", "audit_log", ["target", "at", "id"]),
)

# One signed contribution of a payment row (OLD or NEW) to its totals row.
_SQLITE_UPSERT = (
    "INSERT INTO history_totals (day, currency, state, terminal_id, payments, received, "
    "refunded) VALUES (substr({r}.created_at, 1, 10), {r}.currency, {r}.state, "
    "coalesce({r}.terminal_id, ''), {s}1, {s}{r}.amount_received, {s}{r}.amount_refunded) "
    "ON CONFLICT (day, currency, state, terminal_id) DO UPDATE SET "
    "payments = payments + excluded.payments, received = received + excluded.received, "
    "refunded = refunded + excluded.refunded;"
)
_COUNTED = ("state", "currency", "terminal_id", "amount_received", "amount_refunded",
            "created_at")
_SQLITE_CHANGED = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _COUNTED)

_PG_UPSERT = (
    "INSERT INTO history_totals (day, currency, state, terminal_id, payments, received, "
    "refunded) VALUES (({r}.created_at AT TIME ZONE 'UTC')::date, {r}.currency, {r}.state, "
    "coalesce({r}.terminal_id, ''), {s}1, {s}{r}.amount_received, {s}{r}.amount_refunded) "
    "ON CONFLICT (day, currency, state, terminal_id) DO UPDATE SET "
    "payments = history_totals.payments + excluded.payments, "
    "received = history_totals.received + excluded.received, "
    "refunded = history_totals.refunded + excluded.refunded;"
)
_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION payments_keep_history_totals() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND ({_SQLITE_CHANGED.replace(' IS NOT ', ' IS DISTINCT FROM ')})
       IS NOT TRUE THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        {_PG_UPSERT.format(r="OLD", s="-")}
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        {_PG_UPSERT.format(r="NEW", s="")}
    END IF;
    RETURN NULL;
END
$$
"""

_BACKFILL = {
    "sqlite": "substr(created_at, 1, 10)",
    "postgresql": "(created_at AT TIME ZONE 'UTC')::date",
}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        "history_totals",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("currency", _STR(length=3), nullable=False),
        sa.Column("state", _STR(length=32), nullable=False),
        sa.Column("terminal_id", _STR(length=36), nullable=False),
        sa.Column("payments", sa.BigInteger(), nullable=False),
        sa.Column("received", sa.BigInteger(), nullable=False),
        sa.Column("refunded", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("day", "currency", "state", "terminal_id"),
    )
    op.create_table(
        "payment_events",
        sa.Column("event_id", _STR(length=64), nullable=False),
        sa.Column("intent_id", _STR(length=64), nullable=False),
        sa.Column("type", _STR(length=128), nullable=False),
        sa.Column("created", sa.Integer(), nullable=False),
        sa.Column("object_id", _STR(length=64), nullable=False),
        sa.Column("status", _STR(length=32), nullable=True),
        sa.Column("amount", sa.Integer(), nullable=True),
        sa.Column("currency", _STR(length=3), nullable=True),
        sa.Column("applied_at", _TIME(), nullable=False),
        sa.PrimaryKeyConstraint("event_id"),
    )
    op.create_index("ix_payment_events_intent", "payment_events",
                    ["intent_id", "created", "event_id"], unique=False)
    for name, table, columns in _INDEXES:
        op.create_index(name, table, columns, unique=False)
    if dialect not in _BACKFILL:
        return
    op.execute(
        "INSERT INTO history_totals (day, currency, state, terminal_id, payments, received, "
        f"refunded) SELECT {_BACKFILL[dialect]}, currency, state, coalesce(terminal_id, ''), "
        "count(*), coalesce(sum(amount_received), 0), coalesce(sum(amount_refunded), 0) "
        f"FROM payments GROUP BY {_BACKFILL[dialect]}, currency, state, "
        "coalesce(terminal_id, '')"
    )
    if dialect == "sqlite":
        op.execute(
            "CREATE TRIGGER payments_totals_insert AFTER INSERT ON payments BEGIN "
            + _SQLITE_UPSERT.format(r="NEW", s="") + " END"
        )
        op.execute(
            "CREATE TRIGGER payments_totals_delete AFTER DELETE ON payments BEGIN "
            + _SQLITE_UPSERT.format(r="OLD", s="-") + " END"
        )
        op.execute(
            f"CREATE TRIGGER payments_totals_update AFTER UPDATE OF {', '.join(_COUNTED)} "
            f"ON payments WHEN {_SQLITE_CHANGED} BEGIN "
            + _SQLITE_UPSERT.format(r="OLD", s="-") + " "
            + _SQLITE_UPSERT.format(r="NEW", s="") + " END"
        )
    else:
        op.execute(_PG_FUNCTION)
        op.execute(
            "CREATE TRIGGER payments_keep_history_totals AFTER INSERT OR DELETE OR UPDATE "
            f"OF {', '.join(_COUNTED)} ON payments FOR EACH ROW "
            "EXECUTE FUNCTION payments_keep_history_totals()"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("payments_totals_insert", "payments_totals_delete",
                     "payments_totals_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS payments_keep_history_totals ON payments")
        op.execute("DROP FUNCTION IF EXISTS payments_keep_history_totals()")
    for name, table, _columns in reversed(_INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_index("ix_payment_events_intent", table_name="payment_events")
    op.drop_table("payment_events")
    op.drop_table("history_totals")
