"""This terminal: its lasting identity, its row in the store, and the claims it holds.

A shop may run several terminals (tills, a back-office PC) on one store. Each has an id kept
in its data directory, so payments and audit entries say where they were made, and so a
terminal that restarts knows which claims were its own. While it runs it refreshes its
`last_seen` and the claims on payments it is deciding; when it dies, both lapse and the other
terminals take over (settle its payments, run sync).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from posdesk import __version__
from posdesk.store.database import Store
from posdesk.store.models import TerminalRecord
from posdesk.store.payments import PaymentRepository
from posdesk.store.terminals import TerminalRepository

log = logging.getLogger(__name__)

TERMINAL_ID_FILE = "terminal-id"
# The headless relay beside the app on one computer is a terminal of its own: it holds its
# own claims and the sync lease, and its start is checked like any terminal's.
RELAY_TERMINAL_ID_FILE = "relay-terminal-id"
# A claim lasts this long unless renewed; renewed every third of it while the terminal runs.
CLAIM_TTL = timedelta(seconds=30)
# A terminal not seen for this long is taken for gone.
LIVE_WITHIN = timedelta(seconds=30)
HEARTBEAT_INTERVAL_S = 5.0

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


# Longest terminal name kept (the column holds 256 characters).
TERMINAL_NAME_MAX = 100
# Control characters, lone surrogates, separators: become spaces in a terminal's name.
_UNSHOWN = frozenset({"Cc", "Cs", "Zl", "Zp"})


def clean_terminal_name(name: str) -> str:
    """The name as kept: one line, trimmed, at most TERMINAL_NAME_MAX characters, without
    the characters no database keeps (NUL, lone surrogates) or no label shows."""
    printable = "".join(
        ch if unicodedata.category(ch) not in _UNSHOWN else " " for ch in name or ""
    )
    return " ".join(printable.split())[:TERMINAL_NAME_MAX].strip()


@dataclass(frozen=True, slots=True)
class Terminal:
    id: str
    name: str
    host: str


def load_terminal(data_dir: Path, name: str | None = None, *, relay: bool = False) -> Terminal:
    """This install's terminal (or its headless relay): the id is made once and kept in the
    data directory."""
    path = Path(data_dir) / (RELAY_TERMINAL_ID_FILE if relay else TERMINAL_ID_FILE)
    try:
        terminal_id = path.read_text(encoding="ascii").strip()
        uuid.UUID(terminal_id)
    except (OSError, ValueError):
        terminal_id = str(uuid.uuid4())
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as stream:
            stream.write(terminal_id + "\n")
    host = socket.gethostname()
    default = f"{host} (relay)" if relay else host
    # The name comes from settings.json, a file anyone can edit: keep what a store can hold.
    return Terminal(terminal_id, clean_terminal_name(name or "") or default, host)


def process_terminal() -> Terminal:
    """A terminal identity for one process that keeps no data directory (a headless tool,
    a test): its claims simply lapse when it ends."""
    host = socket.gethostname()
    return Terminal(str(uuid.uuid4()), f"{host} (pid {os.getpid()})", host)


class Claims:
    """The claims this terminal holds on payments it is deciding, kept alive in the store.

    `hold` claims a payment (or fails when another live terminal holds it); a thread renews
    every held claim while any is held; `release` drops one. Settling on any terminal skips
    payments with a live claim.
    """

    def __init__(
        self,
        store: Store,
        terminal: Terminal,
        *,
        ttl: timedelta = CLAIM_TTL,
        clock: Clock = utc_now,
    ) -> None:
        self.terminal = terminal
        self.ttl = ttl
        self._now = clock
        self._payments = PaymentRepository(store)
        self._held: set[str] = set()
        self._lock = threading.Lock()
        self._renewer: threading.Thread | None = None

    def fields(self) -> dict[str, object]:
        """The claim a new payment record is written with (so no other terminal can settle
        it between its insert and its request)."""
        return {"claimed_by": self.terminal.id, "claim_expires_at": self._now() + self.ttl}

    def adopt(self, payment_id: str) -> None:
        """Keep renewing a claim written with the record (`fields`)."""
        with self._lock:
            self._held.add(payment_id)
        self._ensure_renewer()

    def hold(self, payment_id: str) -> bool:
        """Claim the payment; False when another live terminal holds it."""
        now = self._now()
        if not self._payments.claim(payment_id, self.terminal.id, now + self.ttl, now):
            return False
        self.adopt(payment_id)
        return True

    def release(self, payment_id: str) -> None:
        with self._lock:
            self._held.discard(payment_id)
        self._payments.release_claim(payment_id, self.terminal.id)

    def is_held(self, payment_id: str) -> bool:
        with self._lock:
            return payment_id in self._held

    @contextmanager
    def held(self, payment_id: str) -> Iterator[bool]:
        """`hold` for a block; yields whether the claim was had."""
        had = self.hold(payment_id)
        try:
            yield had
        finally:
            if had:
                self.release(payment_id)

    def release_stale(self) -> int:
        """At start-up: claims this terminal left from an earlier run are over."""
        return self._payments.release_claims_of(self.terminal.id)

    def renew(self) -> None:
        with self._lock:
            held = sorted(self._held)
        if held:
            self._payments.renew_claims(self.terminal.id, held, self._now() + self.ttl)

    def _ensure_renewer(self) -> None:
        with self._lock:
            if self._renewer is not None and self._renewer.is_alive():
                return
            self._renewer = threading.Thread(
                target=self._renew_loop, name="posdesk-claims", daemon=True
            )
            self._renewer.start()

    def _renew_loop(self) -> None:
        interval = max(self.ttl.total_seconds() / 3, 0.05)
        while True:
            time.sleep(interval)
            with self._lock:
                if not self._held:
                    self._renewer = None
                    return
            try:
                self.renew()
            except Exception:  # a store hiccup: the next round tries again before expiry
                log.warning("renewing payment claims failed", exc_info=True)


class TerminalPresence:
    """Registers the terminal in the store and refreshes its `last_seen` while it runs."""

    def __init__(
        self,
        store: Store,
        terminal: Terminal,
        *,
        interval_s: float = HEARTBEAT_INTERVAL_S,
        clock: Clock = utc_now,
    ) -> None:
        self.terminal = terminal
        self._repo = TerminalRepository(store)
        self._interval = interval_s
        self._now = clock
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def register(self) -> None:
        now = self._now()
        self._repo.register(
            TerminalRecord(
                id=self.terminal.id, name=self.terminal.name, host=self.terminal.host,
                version=__version__, pid=os.getpid(), started_at=now, last_seen=now,
            )
        )

    def start(self) -> None:
        self.register()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="posdesk-presence", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                self._repo.seen(self.terminal.id, self._now())
            except Exception:
                log.warning("refreshing this terminal's presence failed", exc_info=True)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
