"""In-memory object store: every object keyed by id in creation order, the events, and the
card details kept out of the API objects. Guarded by one lock; optionally saved to JSON.

An event's `data` (the object's snapshot, the previous attributes) is kept packed, as
compressed JSON: events were half of what the demo's seeded sandbox held (4 MB of 8 as dicts;
1 MB packed) and only a page of them is read at a time. Its id, type and time stay plain for
the filters; `unpacked()` gives the whole event.
"""

from __future__ import annotations

import json
import os
import random
import secrets
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

KINDS = (
    "customer",
    "payment_method",
    "payment_intent",
    "setup_intent",
    "charge",
    "refund",
    "event",
    "balance_transaction",
    "payout",
    # Remote payments (checkout.py): hosted sessions, reusable links, the prices and
    # products their line items make, and each session's details kept out of the object.
    "checkout_session",
    "payment_link",
    "price",
    "product",
    "checkout_detail",
)
PREFIX = {
    "customer": "cus",
    "payment_method": "pm",
    "payment_intent": "pi",
    "setup_intent": "seti",
    "charge": "ch",
    "refund": "re",
    "event": "evt",
    "balance_transaction": "txn",
    "payout": "po",
    "checkout_session": "cs",
    "payment_link": "plink",
    "price": "price",
    "product": "prod",
}
KIND_BY_PREFIX = {v: k for k, v in PREFIX.items()}
DEFAULT_API_VERSION = "2026-10-28.endive"
# Stripe keeps events for 30 days: neither listed nor retrieved after that.
EVENT_RETENTION_S = 30 * 86400


def events_kept_since(now: int) -> int:
    """The oldest `created` of an event Stripe still keeps at `now`."""
    return now - EVENT_RETENTION_S
# The fee model of new balance transactions, described in balance.py.
DEFAULT_FEES = {"percent_bp": 290, "fixed": 30, "refund_fixed": 0}


class PackedData:
    """An event's `data` as compressed JSON (not JSON-serialisable: unpack first)."""

    __slots__ = ("compressed",)

    def __init__(self, data: dict[str, Any]) -> None:
        # Serialising also takes the snapshot: later changes to the object do not reach it.
        text = json.dumps(data, separators=(",", ":"))
        self.compressed = zlib.compress(text.encode("utf-8"), 1)

    def unpack(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(zlib.decompress(self.compressed))
        return data


def unpacked(event: dict[str, Any]) -> dict[str, Any]:
    """A stored event with its data unpacked (a new dict; the stored one stays packed)."""
    data = event["data"]
    return {**event, "data": data.unpack()} if isinstance(data, PackedData) else event


_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# Seeding swaps in a seeded generator so demo data gets the same ids on every run.
_id_random: random.Random | None = None


def token(length: int = 24) -> str:
    source = _id_random or secrets.SystemRandom()
    return "".join(source.choice(_ALPHABET) for _ in range(length))


def new_id(prefix: str) -> str:
    return f"{prefix}_{token()}"


@contextmanager
def deterministic_ids(rng: random.Random) -> Iterator[None]:
    global _id_random
    previous, _id_random = _id_random, rng
    try:
        yield
    finally:
        _id_random = previous


class State:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._save_lock = threading.Lock()  # one writer of the state file at a time
        self.objects: dict[str, dict[str, dict[str, Any]]] = {k: {} for k in KINDS}
        # Per payment method, never shown: the card number and whether it was authenticated
        # for later off-session use.
        self.card_numbers: dict[str, str] = {}
        self.set_up_for_off_session: set[str] = set()
        # Detached payment methods: Stripe never lets them pay or be attached again.
        self.detached: set[str] = set()
        # When each intent entered requires_action (it falls back after an hour).
        self.action_since: dict[str, int] = {}
        # Steering (control.py): how many of the next refunds stay `pending` (as a card
        # refund does while the balance is short) instead of succeeding at once.
        self.refunds_pending_next = 0
        # Receipts Stripe would have emailed (receipt_email set on a paid intent), oldest first.
        self.receipts: list[dict[str, Any]] = []
        # The fee model of new balance transactions (balance.py), and which automatic payout
        # paid out each balance transaction (Stripe keeps that link out of the object).
        self.fees: dict[str, int] = dict(DEFAULT_FEES)
        self.paid_out_in: dict[str, str] = {}
        self.listeners: list[Callable[[dict[str, Any]], None]] = []
        self.clock: Callable[[], float] = time.time
        self.dirty = False

    def now(self) -> int:
        return int(self.clock())

    # --- objects ------------------------------------------------------------------------------

    def add(self, kind: str, obj: dict[str, Any]) -> dict[str, Any]:
        self.objects[kind][obj["id"]] = obj
        self.dirty = True
        return obj

    def get(self, kind: str, object_id: str) -> dict[str, Any] | None:
        return self.objects[kind].get(object_id)

    def newest_first(self, kind: str) -> list[dict[str, Any]]:
        return list(reversed(self.objects[kind].values()))

    def count(self, kind: str) -> int:
        with self.lock:
            if kind == "customer":
                return sum(1 for c in self.objects[kind].values() if not c.get("deleted"))
            return len(self.objects[kind])

    # --- events -------------------------------------------------------------------------------

    def emit(
        self,
        type_: str,
        obj: dict[str, Any],
        previous: dict[str, Any] | None = None,
        request: dict[str, Any] | None = None,
        api_version: str = DEFAULT_API_VERSION,
    ) -> None:
        data: dict[str, Any] = {"object": obj}
        if previous:
            data["previous_attributes"] = previous
        stored = {
            "id": new_id("evt"),
            "object": "event",
            "api_version": api_version,
            "created": self.now(),
            "data": PackedData(data),
            "livemode": False,
            "pending_webhooks": 1 if self.listeners else 0,
            "request": request or {"id": None, "idempotency_key": None},
            "type": type_,
        }
        self.add("event", stored)
        if self.listeners:
            event = unpacked(stored)
            for listener in self.listeners:
                listener(event)

    def forget_old_events(self, now: int) -> None:
        """Drop the events Stripe no longer keeps at `now`."""
        cutoff = events_kept_since(now)
        with self.lock:
            # Not by position: a seeded history's events are not in time order.
            self.objects["event"] = {
                key: event for key, event in self.objects["event"].items()
                if event["created"] >= cutoff
            }

    # --- persistence --------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        with self.lock:
            objects = {**self.objects, "event": {
                key: unpacked(event) for key, event in self.objects["event"].items()
            }}
            return {
                "version": 1,
                "objects": objects,
                "card_numbers": self.card_numbers,
                "set_up_for_off_session": sorted(self.set_up_for_off_session),
                "detached": sorted(self.detached),
                "action_since": self.action_since,
                "fees": self.fees,
                "paid_out_in": self.paid_out_in,
            }

    def load_json(self, data: dict[str, Any]) -> None:
        with self.lock:
            for kind in KINDS:
                self.objects[kind] = dict(data.get("objects", {}).get(kind, {}))
            for event in self.objects["event"].values():
                event["data"] = PackedData(event["data"])
            self.card_numbers = dict(data.get("card_numbers", {}))
            self.set_up_for_off_session = set(data.get("set_up_for_off_session", []))
            self.detached = set(data.get("detached", []))
            self.action_since = dict(data.get("action_since", {}))
            self.fees = {**DEFAULT_FEES, **data.get("fees", {})}
            self.paid_out_in = dict(data.get("paid_out_in", {}))

    def save(self, path: Path) -> None:
        with self._save_lock:
            with self.lock:
                text = json.dumps(self.to_json(), separators=(",", ":"))
                self.dirty = False
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)

    def load(self, path: Path) -> bool:
        if not path.exists():
            return False
        self.load_json(json.loads(path.read_text(encoding="utf-8")))
        return True
