"""Alembic environment: runs against the connection open_store hands over, or a URL given
with ``-x url=...`` when a developer runs ``alembic`` by hand to write a new revision."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlmodel import SQLModel

from posdesk.store import (  # noqa: F401  (registers the tables)
    models,
    refund_models,
    staff_models,
    sync_models,
)
from posdesk.store.schema_objects import include_object

config = context.config
target_metadata = SQLModel.metadata
# Serialises migrations when several terminals start at once against one PostgreSQL.
_PG_MIGRATION_LOCK = 7_318_204_411


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    engine = create_engine(url)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; pass -x url=... instead")
run_migrations_online()
