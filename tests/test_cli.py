"""The `posdesk` command line: keyring management, the helper-process launcher, the demo's
shared store and sandbox, and refusing to start beside a live twin."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import textwrap
import time
import types
import urllib.request

import keyring
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posdesk import cli
from tests.conftest import TEST_SECRET_KEY
from tests.keyrings import DictKeyring
from tests.sandbox_program import start_sandbox


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


# --- `posdesk secrets set NAME`: every bad value a clear message and exit 2, nothing stored ---

_SHAPES = {
    "stripe-secret-key": re.compile(r"(?:sk|rk)_(?:test|live)_[A-Za-z0-9_]{8,1016}"),
    "stripe-publishable-key": re.compile(r"pk_(?:test|live)_[A-Za-z0-9_]{8,1016}"),
    "stripe-webhook-secret": re.compile(r"whsec_[A-Za-z0-9+/=_]{8,1018}"),
}


def _set_secret(name: str, stdin: io.TextIOBase) -> tuple[int, str, dict]:
    """Run `posdesk secrets set NAME` on a fresh test keyring: (exit code, stderr, stored)."""
    previous, backend = keyring.get_keyring(), DictKeyring()
    keyring.set_keyring(backend)
    saved_stdin, err = sys.stdin, io.StringIO()
    sys.stdin = stdin
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            try:
                code = cli.main(["secrets", "set", name])
            except SystemExit as exited:  # argparse's own refusal
                code = int(exited.code or 0)
    finally:
        sys.stdin = saved_stdin
        keyring.set_keyring(previous)
    return code, err.getvalue(), backend.values


@pytest.mark.parametrize(
    ("name", "typed", "said"),
    [
        ("stripe-key", TEST_SECRET_KEY, "invalid choice: 'stripe-key'"),
        ("stripe-secret-key", "", "Nothing was read"),
        ("stripe-secret-key", "   ", "Nothing was read"),
        ("stripe-secret-key", "pk_test_abcdefgh1234", "not a Stripe secret or restricted key"),
        ("stripe-secret-key", "sk_test_abcd", "not a Stripe secret or restricted key"),
        ("stripe-publishable-key", TEST_SECRET_KEY, "not a Stripe publishable key"),
        ("stripe-webhook-secret", TEST_SECRET_KEY, "not a webhook signing secret"),
        ("stripe-secret-key", "sk_test_abcd\x00efgh1234", "control character"),
        ("stripe-secret-key", "sk_test_abcdefgh\x1b[2J", "control character"),
        ("stripe-publishable-key", "pk_test_abcd\u200befgh", "control character"),
        ("stripe-secret-key", "sk_test_" + "a" * 2000, "too long"),
    ],
)
def test_secrets_set_refuses_each_bad_value_with_a_message_and_stores_nothing(
    name: str, typed: str, said: str
) -> None:
    code, err, stored = _set_secret(name, io.StringIO(typed + "\n"))
    assert code == 2 and said in err and stored == {}
    if len(typed.strip()) > 8:
        assert typed.strip() not in err  # the value is never echoed


def test_secrets_set_refuses_bytes_that_are_not_text(dict_keyring) -> None:
    code, err, stored = _set_secret(
        "stripe-secret-key", io.TextIOWrapper(io.BytesIO(b"sk_test_\xff\xfe\n"), "utf-8"))
    assert code == 2 and "not text" in err and stored == {}


@settings(max_examples=300, deadline=None, database=None)
@given(
    name=st.sampled_from(sorted(_SHAPES)),
    typed=st.one_of(
        st.text(max_size=40),
        st.tuples(st.sampled_from(["sk_test_", "rk_live_", "pk_test_", "whsec_", "sk_"]),
                  st.text(max_size=40)).map("".join),
        st.tuples(st.sampled_from(["sk_test_", "pk_live_", "whsec_"]),
                  st.from_regex(r"[A-Za-z0-9_]{0,40}", fullmatch=True)).map("".join),
    ),
)  # fmt: skip
def test_any_typed_secret_is_stored_as_its_shape_requires_or_refused_with_exit_2(
    name: str, typed: str
) -> None:
    line = typed.split("\n")[0].strip()  # the command reads one line
    code, err, stored = _set_secret(name, io.StringIO(typed + "\n"))
    if _SHAPES[name].fullmatch(line):
        assert (code, stored) == (0, {("posdesk", name): line})
    else:
        assert code == 2 and stored == {} and err.strip()
        assert len(line) <= 12 or line not in err  # never echoed (short ones may be words)


# --- `posdesk sandbox` and `posdesk relay` options: argparse's message, exit 2 ---------------


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["sandbox", "--port", "70000"], "70000 is not a port number (0 to 65535)"),
        (["sandbox", "--port", "-1"], "-1 is not a port number"),
        (["sandbox", "--port", "http"], "'http' is not a port number"),
        (["sandbox", "--latency-ms", "-5"], "-5 is not between 0 and 3600000 ms"),
        (["sandbox", "--latency-ms", "1.5"], "'1.5' is not a number of milliseconds"),
        (["relay", "--port", "65536"], "65536 is not a port number"),
        (["relay", "--interval", "0"], "0 is not between 0.1 and 3600 seconds"),
        (["relay", "--interval", "nan"], "nan is not between 0.1 and 3600 seconds"),
        (["relay", "--interval", "soon"], "'soon' is not a number of seconds"),
    ],
)
def test_out_of_range_server_options_get_argparse_messages(capsys, argv, said) -> None:
    # `--port 70000` once ended the sandbox with an OverflowError traceback from bind(), and a
    # negative latency failed each request later on.
    with pytest.raises(SystemExit) as exited:
        cli.main(argv)
    assert exited.value.code == 2
    assert said in capsys.readouterr().err


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
            from tests.sandbox_program import start_sandbox
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
    from posdesk.store.database import default_database_url, open_store
    from posdesk.store.models import TerminalRecord
    from posdesk.store.terminals import TerminalRepository
    from posdesk.store.this_terminal import load_terminal

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
