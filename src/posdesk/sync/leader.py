"""Which terminal of a store syncs with Stripe: the one holding the `stripe-sync` lease.

Every sync engine asks for the lease every `RENEW_INTERVAL_S`; the holder's ask renews it,
the others' asks fail while it is live. A lease lapses `LEASE_TTL` after its last renewal,
so when the leader dies another terminal takes over within TTL plus one ask (a follower asks
again right when the lease it saw runs out, so in practice within the TTL). A clean stop
releases it at once.

The leader also keeps a deadline of its own: TTL after it *sent* its last successful ask, on
the monotonic clock. Past it, another terminal may hold the lease, so `leading` turns False
even when the renewing thread is stuck (a stalled store, a paused process) and the poller,
which checks it before each round, stops calling Stripe without waiting for that thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from posdesk.store.database import Store
from posdesk.store.terminals import LeaseRepository, TerminalRepository
from posdesk.store.this_terminal import Clock, utc_now

log = logging.getLogger(__name__)

SYNC_LEASE = "stripe-sync"
# Three renewals fit in a lease: one slow or failed renewal does not hand sync over.
LEASE_TTL = timedelta(seconds=6)
RENEW_INTERVAL_S = 2.0
# A follower asks this long after the lease it saw runs out (row written, clocks compared).
_AFTER_EXPIRY_S = 0.05


@dataclass(frozen=True, slots=True)
class LeaseHolder:
    """Who holds the lease now, as a follower sees it."""

    terminal_id: str
    name: str  # the terminal's name, or its id when it has no row
    expires_at: datetime


class Leadership:
    """This terminal's hold on one lease: `step` asks once (taking or renewing it), `leading`
    says whether it may act as the leader right now, `term` counts the unbroken spells of
    leadership, so a caller can tell a renewal from a fresh take-over."""

    def __init__(
        self,
        store: Store,
        holder: str,
        *,
        name: str = SYNC_LEASE,
        ttl: timedelta = LEASE_TTL,
        clock: Clock = utc_now,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.holder = holder
        self.name = name
        self.ttl = ttl
        self.term = 0
        self._leases = LeaseRepository(store)
        self._terminals = TerminalRepository(store)
        self._now = clock
        self._monotonic = monotonic
        self._deadline: float | None = None

    @property
    def leading(self) -> bool:
        deadline = self._deadline
        return deadline is not None and self._monotonic() < deadline

    def step(self) -> bool:
        """Ask for the lease once; True while this terminal holds it. When the store cannot
        be asked, a leader stays one until its deadline (no other terminal can take the lease
        before it runs out) and a follower stays a follower."""
        previous = self._deadline
        asked_at = self._monotonic()
        now = self._now()
        try:
            won = self._leases.acquire(self.name, self.holder, now + self.ttl, now)
        except Exception:
            log.warning("asking for the %s lease failed", self.name, exc_info=True)
            return self.leading
        if not won:
            self._deadline = None
            return False
        # Unbroken only if the renewal committed before the old deadline; otherwise another
        # terminal may have led in between and this is a new term (start-up work again).
        if previous is None or self._monotonic() >= previous:
            self.term += 1
        self._deadline = asked_at + self.ttl.total_seconds()
        return True

    def release(self) -> None:
        """Give the lease up at once (a clean stop) so a follower need not wait for it."""
        held, self._deadline = self._deadline, None
        if held is None:
            return
        try:
            self._leases.release(self.name, self.holder)
        except Exception:  # it lapses by itself within the TTL
            log.warning("releasing the %s lease failed", self.name, exc_info=True)

    def current_holder(self) -> LeaseHolder | None:
        """The live holder (maybe this terminal), or None while the lease is free."""
        record = self._leases.get(self.name)
        if record is None or record.expires_at <= self._now():
            return None
        terminal = self._terminals.get(record.holder)
        name = terminal.name if terminal is not None and terminal.name else record.holder
        return LeaseHolder(record.holder, name, record.expires_at)

    def next_ask_in(self, holder: LeaseHolder | None, interval_s: float) -> float:
        """Seconds until a follower should ask again: the usual interval, or sooner when the
        holder's lease runs out before that (a dead leader is replaced right away)."""
        if holder is None:
            return interval_s
        left = (holder.expires_at - self._now()).total_seconds() + _AFTER_EXPIRY_S
        return max(_AFTER_EXPIRY_S, min(interval_s, left))
