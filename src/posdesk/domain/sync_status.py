"""What keeping up with Stripe reports: a batch of events applied, and the sync status the
relay's log and the GUI's status bar show. Plain data shared by sync/ and gui/."""

from __future__ import annotations

from dataclasses import dataclass, field

MODE_POLL = "poll"
MODE_WEBHOOKS = "webhooks"
MODE_RECONCILE = "reconcile"
MODE_STOPPED = "stopped"
# Another terminal of the store holds the sync lease; this one reads what it applies.
MODE_FOLLOW = "follow"


@dataclass(frozen=True, slots=True)
class SyncStatus:
    mode: str  # how events arrive: poll, webhooks, reconcile (catching up), follow, stopped
    last_event_at: float | None = None  # Stripe's `created` of the newest event applied
    lag_seconds: float | None = None  # how far behind Stripe the store was at that moment
    error: str | None = None  # plain words, None when healthy
    retry_at: float | None = None  # wall-clock time of the next attempt after an error
    caught_up_at: float | None = None  # when a catch-up through the list endpoints finished
    leader: str | None = None  # following: the name of the terminal that syncs, if any holds it


@dataclass
class ApplyStats:
    received: int = 0
    applied: int = 0  # changed the store
    duplicates: int = 0  # already applied before, or twice in one batch
    stale: int = 0  # older than what the store holds
    ignored: int = 0  # unknown type, unknown object or nothing to do
    malformed: int = 0  # no id/type/object: not recorded
    rereads: int = 0  # objects re-read from Stripe to settle a doubt
    newest_created: int = 0
    payments: set[str] = field(default_factory=set)  # local payment ids changed
    customers: set[str] = field(default_factory=set)  # customers (or their cards) changed
    refunds: set[str] = field(default_factory=set)

    def merge(self, other: ApplyStats) -> None:
        for name in (
            "received",
            "applied",
            "duplicates",
            "stale",
            "ignored",
            "malformed",
            "rereads",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.newest_created = max(self.newest_created, other.newest_created)
        self.payments |= other.payments
        self.customers |= other.customers
        self.refunds |= other.refunds

    @property
    def changed(self) -> bool:
        return bool(self.payments or self.customers or self.refunds)
