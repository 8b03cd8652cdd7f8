"""Where the customer import stands, kept in the store's named values (`sync_state`).

One JSON value, written after every stored page, so a crash or a quit resumes at the page
after the last one stored; and, once an import finished, the high-water mark later launches
fetch new customers from. See services/customers.py for why catching up that way is safe.

Also reads the event poller's cursor (written by sync/poller.py under the names below): the
services may not import the sync layer, and whether the poller covers the time since the
import decides between catching up and importing afresh.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace

from posdesk.store.database import Store
from posdesk.store.sync_state import SyncValues

STATE_NAME = "customers.import"
# The poller's own names (sync/poller.py CURSOR, CURSOR_CREATED; a test keeps them equal).
POLLER_CURSOR = "poller.cursor"
POLLER_CURSOR_CREATED = "poller.cursor_created"
POLLER_NO_EVENTS_YET = ""

IMPORTING = "importing"
COMPLETE = "complete"


@dataclass(frozen=True, slots=True)
class ImportState:
    """`phase` IMPORTING: pages are being stored, newest first, and `cursor` (with its
    `created`) is the last customer stored. COMPLETE: every customer Stripe listed up to
    `high_water` is stored; later launches list only `created >= high_water`."""

    phase: str
    started_at: int  # this terminal's clock, unix seconds, when the import began
    high_water: int | None  # Stripe's `created` of the newest customer seen; None: none yet
    cursor: str | None = None
    cursor_created: int | None = None
    count: int = 0  # customers stored by this import so far (for progress after a resume)
    mode: str | None = None  # "test" / "live": another mode's customers need a new import
    completed_at: int | None = None


class ImportProgress:
    def __init__(self, store: Store) -> None:
        self.values = SyncValues(store)

    def load(self) -> ImportState | None:
        raw = self.values.get(STATE_NAME)
        if not raw:
            return None
        try:
            data = json.loads(raw)
            return ImportState(**data)
        except (ValueError, TypeError):  # written by a different version: start afresh
            return None

    def save(self, state: ImportState) -> None:
        raw = json.dumps(asdict(state), separators=(",", ":"))
        # The column holds 255 characters; ids and numbers keep it far below that.
        if len(raw) > 255:
            state = replace(state, cursor=None, cursor_created=None)
            raw = json.dumps(asdict(state), separators=(",", ":"))
        self.values.set(STATE_NAME, raw)

    def clear(self) -> None:
        self.values.set(STATE_NAME, None)

    def poller_cursor(self) -> tuple[str | None, int | None]:
        """The poller's cursor (None: it never caught up; "": Stripe had no events) and
        Stripe's `created` of that event."""
        created = self.values.get(POLLER_CURSOR_CREATED)
        try:
            created_s = int(created) if created else None
        except ValueError:
            created_s = None
        return self.values.get(POLLER_CURSOR), created_s
