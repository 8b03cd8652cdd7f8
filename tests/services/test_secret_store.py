from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from posdesk.services.secret_store import (
    SECRET_NAMES,
    STRIPE_PUBLISHABLE_KEY,
    STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET,
    KeyringUnavailable,
    SecretStore,
    is_restricted_key,
    mode_of_key,
    validate_secret,
)
from tests.keyrings import DictKeyring


class LockedKeyring(DictKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("collection is locked")


SECRET_KEY = "sk_test_" + secrets.token_hex(12)
RESTRICTED_LIVE = "rk_live_" + secrets.token_hex(12)
PUBLISHABLE = "pk_test_" + secrets.token_hex(12)
WEBHOOK = "whsec_" + secrets.token_hex(16)


def test_set_get_delete_and_status_with_a_backend() -> None:
    backend = DictKeyring()
    store = SecretStore("posdesk-test", backend=backend)
    assert store.status() == {name: False for name in SECRET_NAMES}
    store.set(STRIPE_SECRET_KEY, f"  {SECRET_KEY}\n")
    store.set(STRIPE_PUBLISHABLE_KEY, PUBLISHABLE)
    assert store.get(STRIPE_SECRET_KEY) == SECRET_KEY  # stripped
    assert backend.values[("posdesk-test", "stripe-secret-key")] == SECRET_KEY
    assert store.status() == {
        STRIPE_SECRET_KEY: True, STRIPE_PUBLISHABLE_KEY: True, STRIPE_WEBHOOK_SECRET: False
    }
    assert store.delete(STRIPE_SECRET_KEY) is True
    assert store.delete(STRIPE_SECRET_KEY) is False
    assert store.get(STRIPE_SECRET_KEY) is None


@pytest.mark.parametrize(
    ("name", "value"),
    [
        (STRIPE_SECRET_KEY, PUBLISHABLE),
        (STRIPE_SECRET_KEY, "sk_prod_" + "a" * 20),
        (STRIPE_SECRET_KEY, "sk_test_abc"),
        (STRIPE_PUBLISHABLE_KEY, SECRET_KEY),
        (STRIPE_WEBHOOK_SECRET, "wh_" + "a" * 20),
    ],
)
def test_wrong_shape_is_refused_without_echoing_the_value(name: str, value: str) -> None:
    backend = DictKeyring()
    store = SecretStore(backend=backend)
    with pytest.raises(ValueError) as info:
        store.set(name, value)
    assert value not in str(info.value)
    assert backend.values == {}


def test_unknown_name_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown secret name"):
        SecretStore(backend=DictKeyring()).get("github-token")


def test_validation_and_mode() -> None:
    assert validate_secret(STRIPE_SECRET_KEY, RESTRICTED_LIVE) == RESTRICTED_LIVE
    assert validate_secret(STRIPE_WEBHOOK_SECRET, WEBHOOK) == WEBHOOK
    assert mode_of_key(SECRET_KEY) == "test"
    assert mode_of_key(RESTRICTED_LIVE) == "live"
    assert mode_of_key(PUBLISHABLE) == "test"
    assert is_restricted_key(RESTRICTED_LIVE) and not is_restricted_key(SECRET_KEY)
    with pytest.raises(ValueError):
        mode_of_key(WEBHOOK)


def test_fail_backend_is_refused_with_an_explanation() -> None:
    from keyring.backends import fail

    store = SecretStore(backend=fail.Keyring())
    with pytest.raises(KeyringUnavailable) as info:
        store.get(STRIPE_SECRET_KEY)
    assert "keyring" in info.value.explanation.lower()
    with pytest.raises(KeyringUnavailable):
        store.set(STRIPE_SECRET_KEY, SECRET_KEY)


def test_null_and_plaintext_backends_are_refused() -> None:
    from keyring.backends import null

    class PlaintextKeyring(DictKeyring):  # shaped like keyrings.alt.file.PlaintextKeyring
        pass

    for backend in (null.Keyring(), PlaintextKeyring()):
        with pytest.raises(KeyringUnavailable):
            SecretStore(backend=backend).set(STRIPE_SECRET_KEY, SECRET_KEY)


def test_chainer_without_backends_is_refused() -> None:
    from keyring.backends.chainer import ChainerBackend

    chainer = ChainerBackend()
    chainer.__dict__["backends"] = []  # what the chainer holds when nothing is viable
    with pytest.raises(KeyringUnavailable):
        SecretStore(backend=chainer).status()


def test_backend_error_becomes_keyring_unavailable() -> None:
    with pytest.raises(KeyringUnavailable) as info:
        SecretStore(backend=LockedKeyring()).get(STRIPE_SECRET_KEY)
    assert "KeyringLocked" in str(info.value)


def test_in_memory_store_for_demo_mode() -> None:
    first = SecretStore.in_memory()
    first.set(STRIPE_SECRET_KEY, SECRET_KEY)
    assert first.get(STRIPE_SECRET_KEY) == SECRET_KEY
    assert SecretStore.in_memory().get(STRIPE_SECRET_KEY) is None  # nothing shared


# --- the real OS keyring: GNOME Keyring over a private D-Bus session ---------------------------


BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def wait_for_name(address: str, name: str, owner: subprocess.Popen[bytes]) -> None:
    """Until `name` has an owner on the bus (asking does not start anything)."""
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    deadline = time.monotonic() + 20
    with open_dbus_connection(bus=address) as connection:
        while True:
            reply = connection.send_and_get_reply(message_bus.NameHasOwner(name))
            if reply.body[0]:
                return
            assert owner.poll() is None, "gnome-keyring-daemon exited"
            assert time.monotonic() < deadline, f"{name} never appeared on the bus"
            time.sleep(0.05)


@pytest.fixture
def secret_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[KeyringBackend]:
    dbus = shutil.which("dbus-daemon")
    daemon = shutil.which("gnome-keyring-daemon")
    if not dbus or not daemon:
        pytest.skip("needs dbus-daemon and gnome-keyring-daemon (apt packages dbus, gnome-keyring)")
    home = tmp_path / "home"
    runtime = tmp_path / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
    }
    # A bus without service directories: nothing can be auto-started on it, so the only
    # Secret Service is the daemon started below (an auto-started one would have no
    # unlocked keyring and try to prompt).
    config = tmp_path / "session.conf"
    config.write_text(BUS_CONFIG.format(dir=runtime), encoding="utf-8")
    bus = subprocess.Popen(
        [dbus, f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, env=env, text=True,
    )
    keyring_daemon: subprocess.Popen[bytes] | None = None
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        keyring_daemon = subprocess.Popen(
            [daemon, "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
        )
        assert keyring_daemon.stdin is not None
        # The login keyring's password; it is created unlocked with it.
        keyring_daemon.stdin.write(b"posdesk-test-keyring")
        keyring_daemon.stdin.close()
        wait_for_name(address, "org.freedesktop.secrets", keyring_daemon)
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        from keyring.backends.SecretService import Keyring

        backend = Keyring()
        deadline = time.monotonic() + 20
        while True:  # the login keyring is ready a moment after the name is claimed
            try:
                backend.get_password("posdesk-probe", "probe")
                break
            except keyring.errors.KeyringError:
                assert time.monotonic() < deadline, "the test keyring never became usable"
                time.sleep(0.1)
        yield backend
    finally:
        for process in (keyring_daemon, bus):
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()


def test_real_secret_service_round_trip(secret_service: KeyringBackend) -> None:
    store = SecretStore("posdesk-test-" + secrets.token_hex(3), backend=secret_service)
    assert store.status()[STRIPE_SECRET_KEY] is False
    store.set(STRIPE_SECRET_KEY, SECRET_KEY)
    store.set(STRIPE_WEBHOOK_SECRET, WEBHOOK)
    # A second store over a fresh connection reads what the daemon kept.
    from keyring.backends.SecretService import Keyring

    again = SecretStore(store.service_name, backend=Keyring())
    assert again.get(STRIPE_SECRET_KEY) == SECRET_KEY
    assert again.status() == {
        STRIPE_SECRET_KEY: True, STRIPE_PUBLISHABLE_KEY: False, STRIPE_WEBHOOK_SECRET: True
    }
    assert again.delete(STRIPE_SECRET_KEY) is True
    assert store.get(STRIPE_SECRET_KEY) is None
