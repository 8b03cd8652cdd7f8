"""The `posdesk` command line: keyring management and the helper-process launcher."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
import time
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
