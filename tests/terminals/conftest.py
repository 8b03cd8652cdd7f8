"""Several terminals on one store: the store under test comes from tests/conftest.py
(`store_url`: a SQLite file, and PostgreSQL when POSDESK_TEST_DATABASE_URL is set)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from posdesk.store.database import Store, open_store
from tests.terminals.tills import TerminalProcess


@pytest.fixture
def till_a(store_url: str, sandbox: Any, secret_key: str) -> Iterator[TerminalProcess]:
    process = TerminalProcess(store_url, sandbox, secret_key)
    yield process
    process.close()


@pytest.fixture
def tills(store_url: str, sandbox: Any, secret_key: str) -> Iterator[list[TerminalProcess]]:
    """Two tills, each a process of its own on the store under test."""
    processes = [TerminalProcess(store_url, sandbox, secret_key) for _ in range(2)]
    yield processes
    for process in processes:
        process.close()


@pytest.fixture
def shared_store(store_url: str) -> Iterator[Store]:
    """The store under test, opened in this process (what a third till sees)."""
    store = open_store(store_url)
    yield store
    store.close()
