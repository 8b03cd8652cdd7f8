"""Start PosDesk's own helper programs (the demo sandbox) through PosDesk's entry point, so
the same code works from a source checkout, a wheel and a frozen bundle."""

from __future__ import annotations

import subprocess
import sys
import threading
from dataclasses import dataclass


def own_command() -> list[str]:
    """The command that runs `posdesk` itself."""
    if getattr(sys, "frozen", False):  # PyInstaller and friends: the executable is posdesk
        return [sys.executable]
    return [sys.executable, "-m", "posdesk"]


@dataclass
class SandboxProcess:
    process: subprocess.Popen[str]
    base_url: str

    def stop(self, timeout: float = 5.0) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe:
                pipe.close()


def start_sandbox(
    extra_args: list[str] | None = None, startup_timeout: float = 30.0
) -> SandboxProcess:
    """Start `posdesk sandbox` on a free loopback port and wait for the URL it prints first."""
    cmd = [
        *own_command(), "sandbox", "--host", "127.0.0.1", "--port", "0", "--exit-with-parent",
        *(extra_args or []),
    ]
    # stdin stays open for as long as this process lives: the sandbox ends with it.
    process = subprocess.Popen(
        cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True, bufsize=1,
    )
    first_line: list[str] = []
    reader = threading.Thread(
        target=lambda: first_line.append(process.stdout.readline() if process.stdout else ""),
        daemon=True,
    )
    reader.start()
    reader.join(startup_timeout)
    url = first_line[0].strip() if first_line else ""
    if not url.startswith("http"):
        process.kill()
        process.wait()
        raise RuntimeError(f"the sandbox did not start (exit code {process.poll()})")
    # Keep draining stdout so the child never blocks on a full pipe.
    threading.Thread(target=_drain, args=(process,), daemon=True).start()
    return SandboxProcess(process, url)


def _drain(process: subprocess.Popen[str]) -> None:
    if process.stdout is None:
        return
    for _ in process.stdout:
        pass
