"""Fault injection for the next N requests whose path starts with a prefix: answer 500, 502,
503 or 429, drop the connection after processing, or hold the request.

Where a fault strikes follows Stripe's idempotency model (docs.stripe.com/error-low-level):

- 429, 502 and 503 are answered on arrival, in front of the idempotency layer (as Stripe's
  rate limiter and load balancers are): nothing is saved, a retry with the same key runs.
- 500 strikes once the request has begun executing: after its key is claimed and its
  parameters validated. With `processed` the handler has run (objects made, events sent)
  before the 500; without, it has not run at all. Either way the 500 is the saved result of
  an idempotent POST, replayed to every retry with that key. A request that never reaches
  execution (refused key, replay, conflict, invalid parameters) leaves the fault pending.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

FAIL_STATUSES = (500, 502, 503, 429)


@dataclass
class Fault:
    kind: str  # "fail" | "drop" | "hold"
    count: int
    path_prefix: str | None = None
    status: int = 500
    seconds: float = 0.0
    processed: bool = False  # a 500 only: the handler runs first

    def matches(self, path: str) -> bool:
        return self.count > 0 and (self.path_prefix is None or path.startswith(self.path_prefix))

    @property
    def in_execution(self) -> bool:
        """A 500: it strikes while the request executes, not on arrival."""
        return self.kind == "fail" and self.status == 500


class Faults:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        if fault.kind not in ("fail", "drop", "hold"):
            raise ValueError(f"unknown fault kind {fault.kind!r}")
        if fault.kind == "fail" and fault.status not in FAIL_STATUSES:
            raise ValueError("fail status must be 500, 502, 503 or 429")
        if fault.processed and not fault.in_execution:
            raise ValueError("processed applies to a 500 fault only")
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def on_arrival(self, path: str) -> dict[str, Fault]:
        """Consume at most one fault of each kind that strikes on arrival."""
        taken: dict[str, Fault] = {}
        fail_seen = False  # fail faults strike in the order added: a pending 500 keeps its place
        with self._lock:
            for fault in self._faults:
                if fault.kind in taken or not fault.matches(path):
                    continue
                if fault.kind == "fail":
                    if fail_seen:
                        continue
                    fail_seen = True
                    if fault.in_execution:
                        continue  # strikes later, through in_execution()
                fault.count -= 1
                taken[fault.kind] = fault
            self._prune()
        return taken

    def in_execution(self, path: str) -> Fault | None:
        """Consume the first pending 500 for a request that has begun executing."""
        with self._lock:
            for fault in self._faults:
                if fault.in_execution and fault.matches(path):
                    fault.count -= 1
                    self._prune()
                    return fault
        return None

    def _prune(self) -> None:
        self._faults = [f for f in self._faults if f.count > 0]
