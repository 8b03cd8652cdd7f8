"""Whether this terminal may start on its store.

Two refusals, both read from the store's `terminals` table (each running terminal refreshes
its row every few seconds, see services/terminal.py):

- The same terminal twice: a second PosDesk started from the same data directory would
  share the first one's id, and at start-up it releases the claims "left by an earlier run"
  — claims the first one still needs. So when the row of this id shows another process on
  this computer that is alive and was seen within LIVE_WITHIN, the second one does not start.
  The same id live on another computer means a copied data directory: refused as well.
- A SQLite file used from two computers (a posdesk.db on a network share): SQLite's locking
  is not safe over network file systems, and one file is meant for one computer. Another
  terminal on this same computer (a relay beside the GUI) is fine.

The check and the registration that follows are two steps, so two instances started in the
same instant could both pass; the check is for the everyday case of a second double-click.
"""

from __future__ import annotations

import os
from datetime import datetime

from posdesk.domain.messages import Message, Text, message
from posdesk.store.database import Store
from posdesk.store.models import TerminalRecord
from posdesk.store.terminals import TerminalRepository
from posdesk.store.this_terminal import LIVE_WITHIN, Terminal, utc_now

# `posdesk` exits with this status when it refuses to start (3 is missing system libraries).
EXIT_START_REFUSED = 4

ALREADY_RUNNING = message(
    "start.already_running",
    "PosDesk is already running on this computer (process {pid}). Switch to its window, "
    "or close it before starting PosDesk again.",
)
SAME_TERMINAL_ELSEWHERE = message(
    "start.same_terminal_elsewhere",
    "PosDesk on the computer {host} is running as this same terminal right now: its data "
    "folder was probably copied from this one. Close PosDesk there, or delete the file "
    "terminal-id in its data folder so that it becomes a terminal of its own.",
)
SQLITE_IN_USE_ELSEWHERE = message(
    "start.sqlite_in_use_elsewhere",
    "This store ({database}) is in use by PosDesk on another computer ({host}). A SQLite "
    "store belongs to one computer: two computers writing one file over a network share can "
    "damage it. Close PosDesk on {host}, or let the terminals share a PostgreSQL store "
    "(Settings, Store).",
)
# Their English templates, as StartRefused.message carries them (the GUI translates the
# template, then fills in the parameters).
MESSAGE_ALREADY_RUNNING = ALREADY_RUNNING.template
MESSAGE_SAME_TERMINAL_ELSEWHERE = SAME_TERMINAL_ELSEWHERE.template
MESSAGE_SQLITE_IN_USE_ELSEWHERE = SQLITE_IN_USE_ELSEWHERE.template


class StartRefused(Exception):
    """This terminal must not start; `text` says why and what to do (`message` is its English
    template with {named} parameters, filled from `params`)."""

    def __init__(self, reason: Message, **params: object) -> None:
        self.params = {name: str(value) for name, value in params.items()}
        self.text: Text = reason(**self.params)
        self.message = reason.template
        super().__init__(self.text)


def check_may_start(
    store: Store,
    terminal: Terminal,
    *,
    now: datetime | None = None,
    pid: int | None = None,
) -> None:
    """Raise StartRefused when another live process is this terminal, or (SQLite only) when
    a terminal on another computer uses the file."""
    now = now or utc_now()
    pid = os.getpid() if pid is None else pid
    repo = TerminalRepository(store)
    if store.dialect == "sqlite":
        for other in repo.live(now, LIVE_WITHIN):
            if not _same_host(other.host, terminal.host):
                raise StartRefused(
                    SQLITE_IN_USE_ELSEWHERE,
                    database=store.engine.url.database or "", host=other.host,
                )
    row = repo.get(terminal.id)
    if row is None or not _seen_within(row, now):
        return
    if not _same_host(row.host, terminal.host):
        raise StartRefused(SAME_TERMINAL_ELSEWHERE, host=row.host)
    if row.pid != pid and process_alive(row.pid):
        raise StartRefused(ALREADY_RUNNING, pid=row.pid)


def _same_host(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def _seen_within(row: TerminalRecord, now: datetime) -> bool:
    return row.last_seen >= now - LIVE_WITHIN


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer (best effort on Windows)."""
    if pid <= 0:
        return False
    if os.name == "nt":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: checks that the process exists, sends nothing
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    except OSError:
        return False
    return True


def _windows_process_alive(pid: int) -> bool:
    # Not os.kill: on Windows it terminates the process whatever the signal number.
    import ctypes
    from ctypes import wintypes

    process_query_limited_information = 0x1000
    still_active = 259
    error_access_denied = 5
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
    kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        # Access denied: it exists (another user's, or elevated); anything else: gone.
        return ctypes.get_last_error() == error_access_denied  # type: ignore[attr-defined]
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True  # cannot tell: rather refuse a second instance than risk one
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
