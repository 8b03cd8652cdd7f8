"""localstripe (PyPI, a third-party stateful Stripe fake) as a subprocess on a free loopback
port, for the tests that compare against it or take its webhooks; they skip without it."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _binary() -> str | None:
    candidate = Path(sys.executable).parent / "localstripe"
    return str(candidate) if candidate.exists() else shutil.which("localstripe")


@contextmanager
def run_localstripe(workdir: Path) -> Iterator[str]:
    """Start localstripe from scratch in `workdir`; yields its base URL, stops it after."""
    binary = _binary()
    if binary is None:
        pytest.skip("localstripe is not installed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--from-scratch"],
        cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail("localstripe did not start")
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
