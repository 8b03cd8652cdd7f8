"""Alembic migrations of the PosDesk database (run by store.database.open_store)."""
