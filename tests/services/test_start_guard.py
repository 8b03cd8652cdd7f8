"""A terminal starts once per computer, and a SQLite store is used by one computer; the app's
presence in the store lasts from start to close and ends the claims of an earlier run."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from posdesk.app_context import AppContext
from posdesk.services.secret_store import SecretStore
from posdesk.services.start_guard import (
    MESSAGE_ALREADY_RUNNING,
    MESSAGE_SAME_TERMINAL_ELSEWHERE,
    MESSAGE_SQLITE_IN_USE_ELSEWHERE,
    StartRefused,
    check_may_start,
    process_alive,
)
from posdesk.settings import Settings
from posdesk.store.database import Store
from posdesk.store.models import PaymentRecord, TerminalRecord
from posdesk.store.terminals import TerminalRepository
from posdesk.store.this_terminal import LIVE_WITHIN, Terminal, load_terminal
from tests.store import conftest as store_fixtures

# More stores on the database under test (`store_url` of tests/conftest.py: SQLite, and
# PostgreSQL too when POSDESK_TEST_DATABASE_URL is set).
open_test_store = store_fixtures.open_test_store
store = store_fixtures.store

HOST = socket.gethostname()


@pytest.fixture
def other_process() -> Iterator[subprocess.Popen[bytes]]:
    """A live process that is not this one (the "first instance")."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        yield process
    finally:
        process.kill()
        process.wait()


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def register(
    store: Store, terminal_id: str, *, host: str = HOST, pid: int, seen_ago: timedelta
) -> None:
    seen = datetime.now(UTC) - seen_ago
    TerminalRepository(store).register(TerminalRecord(
        id=terminal_id, name="Till", host=host, version="0.1.0", pid=pid,
        started_at=seen, last_seen=seen,
    ))


def new_terminal() -> Terminal:
    return Terminal(str(uuid.uuid4()), "Till", HOST)


def test_process_alive_tells_a_running_process_from_an_ended_one(
    other_process: subprocess.Popen[bytes],
) -> None:
    assert process_alive(os.getpid())
    assert process_alive(other_process.pid)
    assert not process_alive(dead_pid())
    assert not process_alive(0)


def test_a_second_instance_of_the_same_terminal_is_refused(
    store: Store, other_process: subprocess.Popen[bytes]
) -> None:
    terminal = new_terminal()
    register(store, terminal.id, pid=other_process.pid, seen_ago=timedelta(seconds=2))

    with pytest.raises(StartRefused) as refused:
        check_may_start(store, terminal)

    assert refused.value.message == MESSAGE_ALREADY_RUNNING
    assert str(refused.value).startswith("PosDesk is already running on this computer")
    assert refused.value.params == {"pid": str(other_process.pid)}


def test_the_same_terminal_starts_again_after_its_process_ended_or_went_silent(
    store: Store, other_process: subprocess.Popen[bytes]
) -> None:
    ended, silent = new_terminal(), new_terminal()
    register(store, ended.id, pid=dead_pid(), seen_ago=timedelta(seconds=1))
    register(store, silent.id, pid=other_process.pid, seen_ago=LIVE_WITHIN * 2)
    check_may_start(store, ended)
    check_may_start(store, silent)
    check_may_start(store, new_terminal())  # never registered
    mine = new_terminal()  # this very process registering again (e.g. a restarted window)
    register(store, mine.id, pid=os.getpid(), seen_ago=timedelta(0))
    check_may_start(store, mine)


def test_the_same_terminal_live_on_another_computer_is_refused(
    store: Store, other_process: subprocess.Popen[bytes]
) -> None:
    terminal = new_terminal()  # a data folder copied to a second till
    register(store, terminal.id, host="till-2", pid=other_process.pid, seen_ago=timedelta(0))
    with pytest.raises(StartRefused) as refused:
        check_may_start(store, terminal)
    expected = {
        "sqlite": MESSAGE_SQLITE_IN_USE_ELSEWHERE,  # it is also another computer on the file
        "postgresql": MESSAGE_SAME_TERMINAL_ELSEWHERE,
    }
    assert refused.value.message == expected[store.dialect]
    assert refused.value.params["host"] == "till-2"


def test_a_sqlite_file_in_use_on_another_computer_is_refused_a_shared_store_is_not(
    store: Store, other_process: subprocess.Popen[bytes]
) -> None:
    register(store, str(uuid.uuid4()), host="office-pc", pid=123, seen_ago=timedelta(seconds=3))
    if store.dialect == "sqlite":
        with pytest.raises(StartRefused) as refused:
            check_may_start(store, new_terminal())
        assert refused.value.message == MESSAGE_SQLITE_IN_USE_ELSEWHERE
        assert refused.value.params["host"] == "office-pc"
        assert "posdesk.db" in str(refused.value)
    else:
        check_may_start(store, new_terminal())  # PostgreSQL is made for several computers


def test_a_sqlite_file_is_free_once_the_other_computer_went_silent_or_is_this_one(
    store: Store, other_process: subprocess.Popen[bytes]
) -> None:
    register(store, str(uuid.uuid4()), host="office-pc", pid=123, seen_ago=LIVE_WITHIN * 2)
    # Another terminal on this computer (a relay beside the GUI) shares the file safely.
    register(store, str(uuid.uuid4()), pid=other_process.pid, seen_ago=timedelta(0))
    check_may_start(store, new_terminal())


# --- the app's presence -----------------------------------------------------------------------


def make_context(data_dir: Path, store: Store) -> AppContext:
    return AppContext(
        settings=Settings(), data_dir=data_dir, store=store, secrets=SecretStore.in_memory(),
        api_base=None,
        terminal=load_terminal(data_dir, "Till 3"),
    )


def test_presence_registers_releases_earlier_claims_and_ends_with_close(
    data_dir: Path, open_test_store: Callable[[], Store]
) -> None:
    store = open_test_store()
    context = make_context(data_dir, open_test_store())
    terminal = context.terminal
    # A payment this terminal was deciding when its earlier run ended (a crash).
    payment_id = str(uuid.uuid4())
    with store.session() as session:
        session.add(PaymentRecord(
            id=payment_id, idempotency_key=str(uuid.uuid4()), amount=100, currency="usd",
            state="unconfirmed", staff_id="staff-1", claimed_by=terminal.id,
            claim_expires_at=datetime.now(UTC) + timedelta(minutes=1),
        ))

    context.start_presence()
    try:
        row = TerminalRepository(store).get(terminal.id)
        assert row is not None
        assert (row.name, row.host, row.pid) == ("Till 3", HOST, os.getpid())
        assert datetime.now(UTC) - row.last_seen < timedelta(seconds=5)
        with store.session() as session:
            assert session.get(PaymentRecord, payment_id).claimed_by is None  # type: ignore[union-attr]
    finally:
        context.close()
    assert context._presence is None


def test_presence_refused_registers_nothing(
    data_dir: Path, store: Store, other_process: subprocess.Popen[bytes]
) -> None:
    context = make_context(data_dir, store)
    register(store, context.terminal.id, pid=other_process.pid, seen_ago=timedelta(0))
    with pytest.raises(StartRefused):
        context.start_presence()
    assert context._presence is None
    row = TerminalRepository(store).get(context.terminal.id)
    assert row is not None and row.pid == other_process.pid  # the first one's row is kept
