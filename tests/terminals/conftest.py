"""Several terminals on one store: the store under test comes from tests/conftest.py
(`store_url`: a SQLite file, and PostgreSQL when POSDESK_TEST_DATABASE_URL is set)."""
