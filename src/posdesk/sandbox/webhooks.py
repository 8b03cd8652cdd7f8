"""Webhook delivery: every event POSTed to the configured endpoint, signed as Stripe signs
(`Stripe-Signature: t=<unix>,v1=<HMAC-SHA256(secret, "<t>.<body>")>`), at least once, retried
with backoff. Chaos mode delivers each event twice and shuffles batches on purpose."""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from typing import Any


def sign(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


@dataclass
class _Delivery:
    event: dict[str, Any]
    attempt: int = 0
    due: float = field(default_factory=time.monotonic)


class WebhookSender:
    """A daemon thread draining a queue of events to one endpoint."""

    def __init__(
        self,
        url: str,
        secret: str,
        *,
        chaos: bool = False,
        max_attempts: int = 8,
        backoff_s: float = 0.2,
        max_backoff_s: float = 30.0,
        timeout_s: float = 5.0,
    ) -> None:
        self.url = url
        self.secret = secret
        self.chaos = chaos
        self.max_attempts = max_attempts
        self.backoff_s = backoff_s
        self.max_backoff_s = max_backoff_s
        self.timeout_s = timeout_s
        self._queue: deque[_Delivery] = deque()
        self._cond = threading.Condition()
        self._stopped = False
        self._random = random.Random(7)
        self.delivered = 0
        self.failed_attempts = 0
        self._thread = threading.Thread(target=self._run, name="sandbox-webhooks", daemon=True)
        self._thread.start()

    def enqueue(self, event: dict[str, Any]) -> None:
        with self._cond:
            self._queue.append(_Delivery(event))
            if self.chaos:
                self._queue.append(_Delivery(event))
            self._cond.notify()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify()
        self._thread.join(timeout=2)

    def pending(self) -> int:
        with self._cond:
            return len(self._queue)

    def _next_batch(self) -> list[_Delivery]:
        with self._cond:
            while not self._stopped:
                now = time.monotonic()
                ready = [d for d in self._queue if d.due <= now]
                if ready:
                    if self.chaos:
                        # Gather a little more so there is something to put out of order.
                        self._cond.wait(0.1)
                        ready = [d for d in self._queue if d.due <= time.monotonic()]
                        ready = self._disorder(ready)
                    for d in ready:
                        self._queue.remove(d)
                    return ready
                wait = min((d.due for d in self._queue), default=now + 1) - now
                self._cond.wait(max(0.01, min(wait, 1.0)))
            return []

    def _disorder(self, batch: list[_Delivery]) -> list[_Delivery]:
        """Shuffle, making sure events first arrive out of creation order when they can."""
        original = list(dict.fromkeys(d.event["id"] for d in batch))
        self._random.shuffle(batch)
        seen = list(dict.fromkeys(d.event["id"] for d in batch))
        if len(original) > 1 and seen == original:
            first = [d for d in batch if d.event["id"] == original[0]]
            batch = [d for d in batch if d.event["id"] != original[0]] + first
        return batch

    def _run(self) -> None:
        while True:
            batch = self._next_batch()
            if not batch:
                return
            for delivery in batch:
                if self._send(delivery.event):
                    self.delivered += 1
                    continue
                self.failed_attempts += 1
                delivery.attempt += 1
                if delivery.attempt >= self.max_attempts:
                    continue
                delay = min(self.max_backoff_s, self.backoff_s * (2 ** (delivery.attempt - 1)))
                delivery.due = time.monotonic() + delay
                with self._cond:
                    self._queue.append(delivery)

    def _send(self, event: dict[str, Any]) -> bool:
        body = json.dumps(event, indent=2).encode()
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
            "Stripe-Signature": sign(self.secret, int(time.time()), body),
        }
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                return 200 <= response.status < 300
        except (urllib.error.URLError, OSError, ValueError):
            return False
