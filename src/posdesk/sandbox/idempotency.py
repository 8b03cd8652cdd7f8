"""Idempotent POSTs: the first result for a key is saved and replayed; other parameters under
the same key are refused; a concurrent request with a key still in flight gets 409."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from .errors import SandboxError

MAX_KEY_LENGTH = 255
TTL_SECONDS = 24 * 3600


@dataclass
class Saved:
    fingerprint: str
    status: int
    body: bytes
    saved_at: float


class IdempotencyStore:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._saved: dict[str, Saved] = {}
        self._in_flight: dict[str, str] = {}

    def begin(self, key: str, fingerprint: str) -> Saved | None:
        """Claim `key`; return a saved result to replay instead, or raise 400/409."""
        if len(key) > MAX_KEY_LENGTH:
            raise SandboxError(
                400,
                "invalid_request_error",
                f"Idempotency keys must be at most {MAX_KEY_LENGTH} characters long.",
                param="Idempotency-Key",
            )
        with self._lock:
            self._prune()
            saved = self._saved.get(key)
            if saved is not None:
                if saved.fingerprint != fingerprint:
                    raise mismatch(key)
                return saved
            if key in self._in_flight:
                raise SandboxError(
                    409,
                    "idempotency_error",
                    "There is currently another in-progress request using this Idempotent Key "
                    "(that probably means you submitted twice, and the other request is still "
                    f"going through): {key}. Please try again later.",
                )
            self._in_flight[key] = fingerprint
            return None

    def finish(self, key: str, status: int, body: bytes, save: bool) -> None:
        with self._lock:
            fingerprint = self._in_flight.pop(key, None)
            if save and fingerprint is not None:
                self._saved[key] = Saved(fingerprint, status, body, time.time())

    def _prune(self) -> None:
        cutoff = time.time() - TTL_SECONDS
        for key in [k for k, v in self._saved.items() if v.saved_at < cutoff]:
            del self._saved[key]

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {"saved": len(self._saved), "in_flight": len(self._in_flight)}


def mismatch(key: str) -> SandboxError:
    return SandboxError(
        400,
        "idempotency_error",
        "Keys for idempotent requests can only be used with the same parameters they were first "
        f"used with. Try using a key other than '{key}' if you meant to execute a different "
        "request.",
    )
