"""The demo's sandbox on threads of the app's own process (`posdesk --demo`).

A demo needs a stand-in for Stripe's servers, not a second program: run here it adds about
8 MB to the app (its seeded objects, and its code, whose standard-library imports the app
has already made), where a process of its own held about 37 MB (an interpreter, those
imports and the same objects again). Terminals that share one sandbox join `posdesk sandbox`,
a program of its own, with --sandbox-url.

It seeds on a thread of its own, begun once the window is up, while the app loads the rest
of itself; `ready()` waits for it and says where it listens.
"""

from __future__ import annotations

import threading

from .server import SandboxServer


class SeedingSandbox:
    """A demo sandbox being seeded and started on a thread of its own."""

    def __init__(self) -> None:
        self._server: SandboxServer | None = None
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._start, name="sandbox-start", daemon=True)
        self._thread.start()

    def _start(self) -> None:
        try:
            self._server = SandboxServer(host="127.0.0.1", port=0, seed="demo").start()
        except BaseException as exc:  # handed to whoever waits in ready()
            self._failure = exc

    def ready(self, startup_timeout: float = 30.0) -> str:
        """The base URL of the running sandbox, once seeded and listening."""
        self._thread.join(startup_timeout)
        if self._server is None:
            reason = self._failure or TimeoutError(f"not ready after {startup_timeout:.0f} s")
            raise RuntimeError(f"the sandbox did not start: {reason}") from self._failure
        return self._server.base_url

    def stop(self) -> None:
        """End it, ready or not (start-up stopped early)."""
        self._thread.join()
        if self._server is not None:
            self._server.stop()
            self._server = None
