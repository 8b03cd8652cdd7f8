"""Fault injection: answer 500/429, drop the connection after processing, or hold requests,
for the next N requests whose path starts with a prefix."""

from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass
class Fault:
    kind: str  # "fail" | "drop" | "hold"
    count: int
    path_prefix: str | None = None
    status: int = 500
    seconds: float = 0.0

    def matches(self, path: str) -> bool:
        return self.count > 0 and (self.path_prefix is None or path.startswith(self.path_prefix))


class Faults:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        if fault.kind not in ("fail", "drop", "hold"):
            raise ValueError(f"unknown fault kind {fault.kind!r}")
        if fault.kind == "fail" and fault.status not in (500, 502, 503, 429):
            raise ValueError("fail status must be 500, 502, 503 or 429")
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def take(self, path: str) -> dict[str, Fault]:
        """Consume at most one fault of each kind that applies to this request."""
        taken: dict[str, Fault] = {}
        with self._lock:
            for fault in self._faults:
                if fault.kind not in taken and fault.matches(path):
                    fault.count -= 1
                    taken[fault.kind] = fault
            self._faults = [f for f in self._faults if f.count > 0]
        return taken
