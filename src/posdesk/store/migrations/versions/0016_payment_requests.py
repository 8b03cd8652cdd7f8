"""Payment requests: a customer pays on Stripe's hosted page (a Checkout Session sent as a
link or QR code), store/models.py PaymentRequestRecord. Written with its idempotency key
before Stripe hears of it; the payment it brings is an ordinary `payments` row. Indexes: a
customer's requests in order, the few still open (partial; the literal is frozen here, the
model spells the same), and the requests retrying a payment (remote authentication).

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30 06:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STR = sqlmodel.sql.sqltypes.AutoString
_TIME = sqlmodel.sql.sqltypes.UTCDateTime
_OPEN = "state IN ('sending', 'open')"


def upgrade() -> None:
    op.create_table(
        "payment_requests",
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("idempotency_key", _STR(length=255), nullable=False),
        sa.Column("session_id", _STR(length=255), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("currency", _STR(length=3), nullable=False),
        sa.Column("description", _STR(length=200), nullable=False),
        sa.Column("customer_id", _STR(length=64), nullable=True),
        sa.Column("save_card", sa.Boolean(), nullable=False),
        sa.Column("expires_at", _TIME(), nullable=False),
        sa.Column("state", _STR(length=16), nullable=False),
        sa.Column("payment_id", _STR(length=36), nullable=True),
        sa.Column("intent_id", _STR(length=64), nullable=True),
        sa.Column("retry_of", _STR(length=36), nullable=True),
        sa.Column("retry_intent_id", _STR(length=64), nullable=True),
        sa.Column("retry_canceled_at", _TIME(), nullable=True),
        sa.Column("error_code", _STR(length=64), nullable=True),
        sa.Column("error_message", _STR(length=1000), nullable=True),
        sa.Column("staff_id", _STR(length=64), nullable=False),
        sa.Column("staff_name", _STR(length=256), nullable=False),
        sa.Column("terminal_id", _STR(length=36), nullable=True),
        sa.Column("created_at", _TIME(), nullable=False),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("idempotency_key"),
        sa.UniqueConstraint("session_id"),
    )
    op.create_index("ix_payment_requests_customer", "payment_requests",
                    ["customer_id", "created_at", "id"], unique=False)
    op.create_index("ix_payment_requests_open", "payment_requests", ["expires_at", "id"],
                    unique=False, sqlite_where=sa.text(_OPEN), postgresql_where=sa.text(_OPEN))
    op.create_index("ix_payment_requests_retry_of", "payment_requests", ["retry_of"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_payment_requests_retry_of", table_name="payment_requests")
    op.drop_index("ix_payment_requests_open", table_name="payment_requests")
    op.drop_index("ix_payment_requests_customer", table_name="payment_requests")
    op.drop_table("payment_requests")
