"""Running `posdesk relay` as its own process in tests, with keys from a test keyring."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.sync.env_keyring import variable

REPO_ROOT = Path(__file__).resolve().parents[2]
def relay_command() -> list[str]:
    """`python -m posdesk relay`, as the installed command runs it."""
    return [sys.executable, "-m", "posdesk", "relay"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RelayProcess:
    def __init__(
        self,
        data_dir: Path,
        api_base: str,
        args: list[str],
        *,
        secret_key: str | None = None,
        webhook_secret: str | None = None,
        database_url: str | None = None,
    ) -> None:
        env = {**os.environ, "POSDESK_DATA_DIR": str(data_dir), "POSDESK_STRIPE_API_BASE": api_base}
        env["PYTHON_KEYRING_BACKEND"] = "tests.sync.env_keyring.EnvKeyring"
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
        env.pop("POSDESK_DATABASE_URL", None)
        if database_url:  # a store shared with other terminals; else SQLite in data_dir
            env["POSDESK_DATABASE_URL"] = database_url
        for name, value in (("stripe-secret-key", secret_key),
                            ("stripe-webhook-secret", webhook_secret)):
            if value:
                env[variable(name)] = value
        self.secrets = [s for s in (secret_key, webhook_secret) if s]
        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            [*relay_command(), *args],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self._first = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            self._first.set()
        self._first.set()

    def first_line(self, timeout: float = 30.0) -> str:
        assert self._first.wait(timeout), "the relay printed nothing"
        assert self.lines, f"the relay exited with {self.proc.poll()}"
        return self.lines[0]

    def has_line(self, text: str) -> bool:
        return any(text in line for line in self.lines)

    def wait_for_line(self, text: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while not any(text in line for line in self.lines):
            assert time.monotonic() < deadline, f"no {text!r} in relay output: {self.lines}"
            assert self.proc.poll() is None, f"relay exited: {self.lines}"
            time.sleep(0.05)

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)
        self._reader.join(5)

    def terminate(self, timeout: float = 20.0) -> int:
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout)
        self._reader.join(5)
        return code

    def output(self) -> str:
        return "\n".join(self.lines)

    def assert_no_secret_printed(self) -> None:
        text = self.output()
        for secret in self.secrets:
            assert secret not in text
