"""Start `posdesk sandbox` as a program of its own, through PosDesk's entry point (as a shop
would run one sandbox for several demo terminals), and wait for the URL it prints first."""

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


class StartingSandbox:
    """A sandbox process spawned but not yet waited for: the demo spawns it first and does
    its own start-up (imports, the window) while the sandbox starts on another core."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self._first_line: list[str] = []
        self._reader = threading.Thread(target=self._read_first_line, daemon=True)
        self._reader.start()

    def _read_first_line(self) -> None:
        stdout = self.process.stdout
        self._first_line.append(stdout.readline() if stdout else "")

    def ready(self, startup_timeout: float = 30.0) -> SandboxProcess:
        """Wait for the URL the sandbox prints first; the running sandbox."""
        self._reader.join(startup_timeout)
        url = self._first_line[0].strip() if self._first_line else ""
        if not url.startswith("http"):
            self.process.kill()
            self.process.wait()
            raise RuntimeError(f"the sandbox did not start (exit code {self.process.poll()})")
        # Keep draining stdout so the child never blocks on a full pipe.
        threading.Thread(target=_drain, args=(self.process,), daemon=True).start()
        return SandboxProcess(self.process, url)

    def stop(self, timeout: float = 5.0) -> None:
        """End it without waiting for it to be ready (start-up stopped early)."""
        SandboxProcess(self.process, "").stop(timeout)


def spawn_sandbox(extra_args: list[str] | None = None) -> StartingSandbox:
    """Spawn `posdesk sandbox` on a free loopback port; `ready()` waits for its URL."""
    cmd = [
        *own_command(), "sandbox", "--host", "127.0.0.1", "--port", "0", "--exit-with-parent",
        *(extra_args or []),
    ]
    # stdin stays open for as long as this process lives: the sandbox ends with it.
    process = subprocess.Popen(
        cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True, bufsize=1,
    )
    return StartingSandbox(process)


def start_sandbox(
    extra_args: list[str] | None = None, startup_timeout: float = 30.0
) -> SandboxProcess:
    """Start `posdesk sandbox` on a free loopback port and wait for the URL it prints first."""
    return spawn_sandbox(extra_args).ready(startup_timeout)


def _drain(process: subprocess.Popen[str]) -> None:
    if process.stdout is None:
        return
    for _ in process.stdout:
        pass
