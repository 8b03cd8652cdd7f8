"""The terminals of a store as Settings lists them: who they are, when each was last seen,
which are live, and which one is this terminal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from posdesk.store.database import Store
from posdesk.store.terminals import TerminalRepository
from posdesk.store.this_terminal import (  # noqa: F401  (TERMINAL_NAME_MAX: used by screens)
    LIVE_WITHIN,
    TERMINAL_NAME_MAX,
    clean_terminal_name,
    utc_now,
)


@dataclass(frozen=True, slots=True)
class TerminalEntry:
    id: str
    name: str
    host: str
    version: str
    last_seen: datetime  # UTC
    live: bool
    this: bool  # the terminal asking


def terminals_of_store(
    store: Store, this_terminal_id: str, *, now: datetime | None = None
) -> list[TerminalEntry]:
    """This terminal first, then the live ones, then the rest; most recently seen first."""
    now = now or utc_now()
    entries = [
        TerminalEntry(
            id=row.id, name=row.name, host=row.host, version=row.version,
            last_seen=row.last_seen, live=row.last_seen >= now - LIVE_WITHIN,
            this=row.id == this_terminal_id,
        )
        for row in TerminalRepository(store).list_all()
    ]
    entries.sort(key=lambda e: (not e.this, not e.live, -e.last_seen.timestamp()))
    return entries


def rename_terminal(store: Store, terminal_id: str, name: str) -> None:
    """Show the new name to the other terminals now (the next start registers it anyway)."""
    TerminalRepository(store).rename(terminal_id, clean_terminal_name(name))
