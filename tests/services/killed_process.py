"""Runs one of the *_then_die.py scripts beside this file: a PosDesk process that moves money
and kills itself part-way, for the crash-recovery tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from posdesk.store.database import default_database_url

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]


def run_and_die(script: str, data_dir: Path, sandbox: Any, secret_key: str, payment_id: str,
                mode: str, terminal_id: str) -> int:
    """The script's exit code (it says which point it died at); the key goes by the
    environment and never shows in its output."""
    env = {**os.environ, "POSDESK_TEST_SECRET_KEY": secret_key}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    process = subprocess.run(
        [sys.executable, str(HERE / script), default_database_url(data_dir), sandbox.base_url,
         payment_id, mode, terminal_id],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert secret_key not in process.stdout + process.stderr
    return process.returncode
