"""A PosDesk terminal as a real process on the store under test (terminal_process.py),
driven line by line: what the multi-terminal tests start as their tills."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

SCRIPT = Path(__file__).with_name("terminal_process.py")
REPO_ROOT = Path(__file__).resolve().parents[2]
CLAIM_TTL_S = 1.5


class TerminalProcess:
    """Till A: a PosDesk process on the shared store, driven through its standard input."""

    def __init__(self, store_url: str, sandbox: Any, secret_key: str) -> None:
        env = {**os.environ, "POSDESK_TEST_SECRET_KEY": secret_key}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
        self.terminal_id = str(uuid.uuid4())
        self.process = subprocess.Popen(
            [sys.executable, str(SCRIPT), store_url, sandbox.base_url, self.terminal_id,
             str(CLAIM_TTL_S)],
            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        assert self._read() == {"ready": True}

    def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, "the terminal process ended"
        return json.loads(line)

    def send(self, cmd: str, **fields: Any) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"cmd": cmd, **fields}) + "\n")
        self.process.stdin.flush()

    def ask(self, cmd: str, **fields: Any) -> dict[str, Any]:
        self.send(cmd, **fields)
        return self._read()

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
