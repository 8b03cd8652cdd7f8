"""The `posdesk` command line: keyring management, the helper-process launcher, the demo's
shared store and sandbox, and refusing to start beside a live twin."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import textwrap
import time
import types
import urllib.request

import keyring
import pytest

from posdesk import cli
from posdesk.helper_process import start_sandbox
from tests.conftest import TEST_SECRET_KEY
from tests.keyrings import DictKeyring


@pytest.fixture
def dict_keyring():
    previous = keyring.get_keyring()
    backend = DictKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


def test_secrets_set_reads_stdin_and_never_echoes(dict_keyring, monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(TEST_SECRET_KEY + "\n"))
    assert cli.main(["secrets", "set", "stripe-secret-key"]) == 0
    out = capsys.readouterr()
    assert TEST_SECRET_KEY not in out.out + out.err
    assert TEST_SECRET_KEY in dict_keyring.values.values()

    assert cli.main(["secrets", "status"]) == 0
    out = capsys.readouterr().out
    assert "stripe-secret-key: set" in out
    assert "stripe-webhook-secret: not set" in out
    assert TEST_SECRET_KEY not in out

    assert cli.main(["secrets", "delete", "stripe-secret-key"]) == 0
    assert TEST_SECRET_KEY not in dict_keyring.values.values()


def test_secrets_set_rejects_a_value_of_the_wrong_shape(dict_keyring, monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("pk_test_not_a_secret_key\n"))
    assert cli.main(["secrets", "set", "stripe-secret-key"]) == 2
    out = capsys.readouterr()
    assert "pk_test_not_a_secret_key" not in out.out + out.err
    assert dict_keyring.values == {}


def test_secrets_set_with_empty_input_changes_nothing(dict_keyring, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    assert cli.main(["secrets", "set", "stripe-webhook-secret"]) == 2
    assert dict_keyring.values == {}


def test_sandbox_starts_through_posdesks_own_entry_point() -> None:
    sandbox = start_sandbox(["--seed", "demo"])
    try:
        assert sandbox.base_url.startswith("http://127.0.0.1:")
        request = urllib.request.Request(
            sandbox.base_url + "/v1/customers?limit=100",
            headers={"Authorization": f"Bearer {TEST_SECRET_KEY}"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            page = json.load(response)
        assert page["object"] == "list"
        assert len(page["data"]) == 100 and page["has_more"] is True
    finally:
        sandbox.stop()
    assert sandbox.process.poll() is not None


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads process state from /proc")
def test_the_sandbox_ends_when_the_app_that_started_it_is_killed() -> None:
    # A demo killed by the OS, or crashing, must not leave its sandbox running.
    parent = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent("""
            import sys, time
            from posdesk.helper_process import start_sandbox
            sandbox = start_sandbox()
            print(sandbox.process.pid, flush=True)
            time.sleep(60)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        child_pid = int(parent.stdout.readline())
        parent.kill()  # no clean-up code runs
        parent.wait(10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and _alive(child_pid):
            time.sleep(0.1)
        assert not _alive(child_pid)
    finally:
        parent.kill()
        parent.stdout.close()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"  # a zombie has already exited
    except FileNotFoundError:
        return False


# --- the demo's store and sandbox ------------------------------------------------------------


@pytest.fixture
def app_runs(monkeypatch):
    """What `posdesk` would run the app with, instead of running it."""
    calls: list[dict] = []
    monkeypatch.setattr(cli, "run_app", lambda **kwargs: calls.append(kwargs) or 0)
    return calls


def test_demo_takes_a_shared_store_and_a_sandbox_to_join(app_runs) -> None:
    assert cli.main([
        "--demo", "--store", "postgresql://pos@db-server/demo",
        "--sandbox-url", "http://127.0.0.1:12111",
    ]) == 0
    assert app_runs == [{
        "demo": True, "debug": False,
        "store_url": "postgresql+psycopg://pos@db-server/demo",  # the shipped driver added
        "sandbox_url": "http://127.0.0.1:12111",
    }]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--store", "postgresql://pos@db/posdesk"], "go with --demo"),
        (["--sandbox-url", "http://127.0.0.1:12111"], "go with --demo"),
        (["--demo", "--store", "mysql://pos@db/posdesk"], "Not a PostgreSQL URL"),
    ],
)
def test_store_options_the_app_cannot_use_are_refused(app_runs, capsys, argv, said) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(argv)
    assert exited.value.code == 2
    assert said in capsys.readouterr().err
    assert app_runs == []


def test_the_demo_runs_on_the_store_and_sandbox_it_was_given(monkeypatch) -> None:
    import logging

    import posdesk.demo
    import posdesk.gui.app
    import posdesk.logging_setup

    given: list[tuple] = []

    @contextlib.contextmanager
    def demo_context(data_dir, *, store_url=None, sandbox_url=None):
        given.append((store_url, sandbox_url))
        yield types.SimpleNamespace(debug=False)

    monkeypatch.setattr(cli, "_missing_system_libraries", lambda: None)
    monkeypatch.setattr(posdesk.demo, "demo_context", demo_context)
    monkeypatch.setattr(posdesk.gui.app, "run_gui", lambda context: 0)
    monkeypatch.setattr(posdesk.logging_setup, "configure_logging", lambda *a, **k: None)
    monkeypatch.setattr(logging, "shutdown", lambda: None)

    assert cli.main(["--demo", "--store", "postgres://pos@db/demo",
                     "--sandbox-url", "http://127.0.0.1:12111"]) == 0
    assert given == [("postgresql+psycopg://pos@db/demo", "http://127.0.0.1:12111")]


# --- one PosDesk per terminal, one computer per SQLite file ------------------------------------


@pytest.mark.parametrize(
    ("same_terminal", "said"),
    [
        (True, "PosDesk is already running on this computer"),
        (False, "is in use by PosDesk on another computer (office-pc)"),
    ],
)
def test_posdesk_refuses_to_start_beside_a_live_twin_and_says_why(
    data_dir, same_terminal, said
) -> None:
    from datetime import UTC, datetime

    from posdesk.services.start_guard import EXIT_START_REFUSED
    from posdesk.services.terminal import load_terminal
    from posdesk.store.database import default_database_url, open_store
    from posdesk.store.models import TerminalRecord
    from posdesk.store.terminals import TerminalRepository

    terminal = load_terminal(data_dir)
    now = datetime.now(UTC)
    # The first PosDesk: this very test process, alive and seen just now.
    twin = TerminalRecord(
        id=terminal.id if same_terminal else "33333333-3333-4333-8333-333333333333",
        name="Till 1", host=terminal.host if same_terminal else "office-pc",
        version="0.1.0", pid=os.getpid(), started_at=now, last_seen=now,
    )
    store = open_store(default_database_url(data_dir))
    try:
        TerminalRepository(store).register(twin)
    finally:
        store.close()
    env = {
        **os.environ, "POSDESK_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    env.pop("POSDESK_DATABASE_URL", None)

    second = subprocess.run(
        [sys.executable, "-m", "posdesk"], env=env, capture_output=True, text=True, timeout=120,
    )

    assert second.returncode == EXIT_START_REFUSED, second.stderr[-2000:]
    assert said in second.stderr
