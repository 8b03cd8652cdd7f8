"""The one event applier: webhook relay, poller and reconciliation all go through it.

Guarantees:
- once: an event id is recorded in ``sync_processed_events`` in the same transaction as its
  effect; a delivery of an id already recorded (or seen earlier in the batch) is skipped;
- order: each object keeps a version (the ``created`` time and status of the newest event or
  read applied). An older event never overwrites a newer one, a final status (succeeded,
  canceled, deleted, detached, ...) is never left again, and when two events of one second
  disagree the object is re-read from Stripe through the fetcher;
- speed: events are applied in batches, one transaction each, with the rows they touch read
  up front and written back in bulk.

Events for objects the store does not know are handled, never fatal: a payment intent made
elsewhere (another terminal, the Dashboard) becomes a new payment record; a customer or card
appears in the cache; a charge or deletion of something unknown is recorded and ignored.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, Protocol, cast

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlmodel import Session, col

from posdesk.domain.changes import Change, ChangeKind
from posdesk.domain.input_error import InputError
from posdesk.domain.payment_requests import METADATA_REQUEST_ID, RequestState
from posdesk.domain.payment_state import AWAITING_ANSWER, FINAL_STATUSES
from posdesk.domain.sync_status import ApplyStats
from posdesk.gateway.convert import customer_data, outcome_for_intent, payment_method_data
from posdesk.ledger.outcomes import state_for
from posdesk.ledger.payments import METADATA_PAYMENT_ID
from posdesk.ledger.refunds import METADATA_REFUND_ID
from posdesk.store import changes
from posdesk.store.customers import (
    CustomerData,
    CustomerRepository,
    changed_customer_ids,
    newly_deleted_ids,
)
from posdesk.store.database import Store
from posdesk.store.maintenance import GrowthWatch
from posdesk.store.models import (
    PaymentEvent,
    PaymentMethodRecord,
    PaymentRecord,
    PaymentRequestRecord,
    utcnow,
)
from posdesk.store.payment_methods import (
    PaymentMethodData,
    PaymentMethodRepository,
    card_changes,
)
from posdesk.store.payment_requests import apply_session_event
from posdesk.store.refund_models import RefundRequestRecord
from posdesk.store.sync_models import ObjectVersion, ProcessedEvent, RefundRecord
from posdesk.store.sync_state import TransactionScope, dialect_insert, write_session

log = logging.getLogger(__name__)

BATCH_SIZE = 500
# A batch that meets another writer's newer snapshot (SQLite) is simply run again.
_LOCK_RETRIES = 8

STAFF_ID_STRIPE = "stripe"
STAFF_NAME_STRIPE = "Stripe"

# Progress order of intent statuses, used only when a re-read is impossible.
_INTENT_RANK = {
    "requires_payment_method": 0,
    "requires_confirmation": 1,
    "requires_action": 2,
    "processing": 3,
    "requires_capture": 4,
    "succeeded": 5,
    "canceled": 5,
}
_PAYMENT_FIELDS = (
    "intent_id",
    "state",
    "stripe_status",
    "error_code",
    "decline_code",
    "error_message",
    "amount_received",
    "amount_refunded",
    "livemode",
)

# Refunds that take money back (Stripe's amount_refunded counts pending ones too).
_COUNTED_REFUNDS = frozenset({"pending", "requires_action", "succeeded"})

APPLY, STALE, DOUBT = "apply", "stale", "doubt"


def _claimed(row: dict[str, Any]) -> bool:
    """A live terminal holds a claim on this payment row."""
    expires = row.get("claim_expires_at")
    if not row.get("claimed_by") or expires is None:
        return False
    return (expires if expires.tzinfo else expires.replace(tzinfo=UTC)) > utcnow()


class ObjectFetcher(Protocol):
    """Reads the current state of one Stripe object (a plain dict), or None if it is gone.
    Raises on a failure to ask (network, rate limit)."""

    def fetch(self, object_type: str, object_id: str) -> dict[str, Any] | None: ...


def id_of(value: Any) -> str | None:
    """An id whether Stripe sent it bare or expanded into an object."""
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) else None


def event_object(event: dict[str, Any]) -> dict[str, Any] | None:
    data = event.get("data")
    obj = data.get("object") if isinstance(data, dict) else None
    return obj if isinstance(obj, dict) and isinstance(obj.get("id"), str) else None


def is_well_formed(event: Any) -> bool:
    return (
        isinstance(event, dict)
        and isinstance(event.get("id"), str)
        and bool(event["id"])
        and isinstance(event.get("type"), str)
        and isinstance(event.get("created", 0), int)
        and event_object(event) is not None
    )


def _timestamp(value: Any) -> datetime:
    try:
        return datetime.fromtimestamp(int(value), UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return utcnow()


class EventApplier:
    def __init__(
        self,
        store: Store,
        fetcher: ObjectFetcher | None = None,
        *,
        batch_size: int = BATCH_SIZE,
        on_applied: Callable[[ApplyStats], None] | None = None,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.batch_size = batch_size
        # Observers (the relay CLI's log, the GUI bridge) learn what changed after commit.
        self.listeners: list[Callable[[ApplyStats], None]] = []
        if on_applied is not None:
            self.listeners.append(on_applied)
        # A backlog grows the payment and event tables by the batch: statistics kept up.
        self.growth = GrowthWatch(store)

    def apply(self, events: Sequence[dict[str, Any]]) -> ApplyStats:
        """Apply Stripe events (any order, duplicates allowed); returns what happened."""
        total = ApplyStats()
        for start in range(0, len(events), self.batch_size):
            total.merge(self._run_batch(events[start : start + self.batch_size], snapshot_at=None))
            self.growth.wrote()
        self._notify(total)
        return total

    def apply_objects(
        self, objects: Sequence[dict[str, Any]], read_at: int | None = None
    ) -> ApplyStats:
        """Apply objects just read from Stripe (reconciliation): each counts as an event
        created at ``read_at`` (default now) without an event id to record."""
        read_at = int(time.time()) if read_at is None else read_at
        events = [
            {
                "id": None,
                "type": f"{obj.get('object')}.read",
                "created": read_at,
                "data": {"object": obj},
            }
            for obj in objects
            if isinstance(obj, dict) and isinstance(obj.get("id"), str)
        ]
        total = ApplyStats()
        for start in range(0, len(events), self.batch_size):
            total.merge(
                self._run_batch(events[start : start + self.batch_size], snapshot_at=read_at)
            )
            self.growth.wrote()
        self._notify(total)
        return total

    def _notify(self, stats: ApplyStats) -> None:
        if not stats.received:
            return
        for listener in list(self.listeners):
            try:
                listener(stats)
            except Exception:  # an observer must not undo or block applying
                log.exception("sync observer failed")

    def _run_batch(self, events: Sequence[dict[str, Any]], snapshot_at: int | None) -> ApplyStats:
        """One batch in one transaction. An event the store cannot take (a signed event with
        values no Stripe object has: an amount of 10**20, a text where a number belongs) must
        not block every event after it: the batch is split, and the one event that still
        fails on its own is set aside (recorded as processed, logged, never retried)."""
        try:
            return self._run_one_transaction(events, snapshot_at)
        except _UNAPPLICABLE as exc:
            if len(events) > 1:
                total = ApplyStats()
                for event in events:
                    total.merge(self._run_batch([event], snapshot_at))
                return total
            return self._set_aside(events[0], exc)

    def _set_aside(self, event: dict[str, Any], exc: Exception) -> ApplyStats:
        event_id = event.get("id")
        log.warning("sync set aside event %s (%s): the store cannot hold its values",
                    str(event_id)[:64], type(exc).__name__)
        stats = ApplyStats(received=1, malformed=1)
        if isinstance(event_id, str):
            with write_session(self.store) as session:
                insert = dialect_insert(session)
                session.execute(
                    insert(ProcessedEvent).on_conflict_do_nothing(index_elements=["event_id"]),
                    [{"event_id": event_id[:64], "type": str(event.get("type"))[:128],
                      "created": 0, "applied_at": utcnow()}],
                )
        return stats

    def _run_one_transaction(
        self, events: Sequence[dict[str, Any]], snapshot_at: int | None
    ) -> ApplyStats:
        # Objects re-read from Stripe for this batch; kept across re-runs of the batch.
        fetched: dict[tuple[str, str], object] = {}
        rereads = 0
        attempt = 0
        while True:
            try:
                with write_session(self.store) as session:
                    batch = _Batch(self, session, fetched, snapshot=snapshot_at is not None)
                    stats = batch.run(events)
                stats.rereads = rereads
                return stats
            except _NeedsReread as need:
                # Read with no transaction open: a slow Stripe never holds the write lock.
                rereads += 1
                fetched[need.key] = self._fetch(*need.key)
            except (OperationalError, IntegrityError) as exc:
                # Another writer got there first: on SQLite it committed since this batch
                # read (database is locked); on PostgreSQL it recorded the same event or
                # created the same payment (unique violation). Run again: the batch then
                # sees that work and skips it.
                retry = isinstance(exc, IntegrityError) or "locked" in str(exc).lower()
                attempt += 1
                if attempt >= _LOCK_RETRIES or not retry:
                    raise
                log.info("sync batch met a concurrent write; retrying")
                time.sleep(0.05 * attempt)

    def _fetch(self, kind: str, object_id: str) -> object:
        if self.fetcher is None:
            return _UNREADABLE
        try:
            return self.fetcher.fetch(kind, object_id)
        except Exception as exc:  # decided without it; see _Batch._settle_doubt
            log.warning("could not re-read %s %s (%s)", kind, object_id, type(exc).__name__)
            return _UNREADABLE


class _NeedsReread(Exception):
    """Raised inside a batch that needs an object from Stripe first (see _Batch._reread)."""

    def __init__(self, key: tuple[str, str]) -> None:
        super().__init__(key)
        self.key = key


_UNREADABLE = object()  # a re-read that failed: decide from what the store knows

# What an event whose values the store cannot hold raises while it is applied (a database
# refusing the value, or our own conversion of it); lock contention is handled apart.
_UNAPPLICABLE = (DataError, InputError, ValueError, TypeError, OverflowError)


# Refunds as _Batch keeps them: intent, id, amount, status.
_REFUNDS_OF = select(
    RefundRecord.payment_intent_id, RefundRecord.id, RefundRecord.amount, RefundRecord.status
)


class _Batch:
    """One transaction: reads what the events touch, decides, writes back in bulk."""

    def __init__(
        self,
        applier: EventApplier,
        session: Session,
        fetched: dict[tuple[str, str], object],
        *,
        snapshot: bool,
    ) -> None:
        self.applier = applier
        self.session = session
        self.fetched = fetched
        self.snapshot = snapshot
        self.stats = ApplyStats()
        self.versions: dict[str, tuple[int, str | None]] = {}
        self.dirty_versions: dict[str, tuple[str, int, str | None]] = {}
        self.by_intent: dict[str, dict[str, Any]] = {}
        self.by_id: dict[str, dict[str, Any]] = {}
        self.dirty_payments: set[str] = set()
        self.new_payments: set[str] = set()
        self.customers: dict[str, CustomerData] = {}
        self.deleted_customers: set[str] = set()
        self.cards: dict[str, PaymentMethodData] = {}
        self.removed_cards: set[str] = set()
        self.refunds: dict[str, dict[str, Any]] = {}
        # Per intent: the refunds the store held (id -> amount, status), read once for the
        # batch under its write lock, so they stay true until it writes; and the ids of the
        # refunds this batch wrote.
        self.stored_refunds: dict[str, dict[str, tuple[int, str]]] = {}
        self.batch_refunds: dict[str, set[str]] = {}
        # This shop's refund requests named by a refund's metadata: request id -> refund.
        self.refund_links: dict[str, tuple[str, str]] = {}
        self.processed: list[dict[str, Any]] = []
        # The payments' timeline (payment_events, shown by the history's payment detail).
        self.timeline: list[dict[str, Any]] = []
        # Remote payment requests whose Checkout Session ended: request id -> (state,
        # session id, intent id, event time), oldest event first (a final state stays).
        self.request_ends: list[tuple[str, RequestState, str, str | None, int]] = []

    # --- driver -----------------------------------------------------------------------------

    def run(self, events: Sequence[dict[str, Any]]) -> ApplyStats:
        stats = self.stats
        stats.received = len(events)
        good = []
        for event in events:
            if (self.snapshot and event_object(event) is not None) or is_well_formed(event):
                good.append(event)
            else:
                stats.malformed += 1
        ids = [e["id"] for e in good if e["id"]]
        done = self._already_processed(ids)
        fresh: list[dict[str, Any]] = []
        seen: set[str] = set()
        for event in good:
            event_id = event["id"]
            if event_id and (event_id in done or event_id in seen):
                stats.duplicates += 1
                continue
            if event_id:
                seen.add(event_id)
            fresh.append(event)
        # Oldest first: fewer doubts to settle; the version check covers the rest.
        fresh.sort(key=lambda e: int(e.get("created") or 0))
        self._preload(fresh)
        for event in fresh:
            created = int(event.get("created") or 0)
            stats.newest_created = max(stats.newest_created, created)
            outcome = self._dispatch(event, cast(dict[str, Any], event_object(event)), created)
            if outcome == APPLY:
                stats.applied += 1
            elif outcome == STALE:
                stats.stale += 1
            else:
                stats.ignored += 1
            if event["id"]:
                self._note_for_timeline(event, created)
                self.processed.append(
                    {
                        "event_id": event["id"],
                        "type": event["type"][:128],
                        "created": created,
                        "applied_at": utcnow(),
                    }
                )
        self._flush()
        return stats

    # --- the payments' timeline (history page) -------------------------------------------
    # One row per event about a payment intent, its charge or a refund, keyed by the intent
    # (a refund event may come before its payment is known), written with the batch.

    def _note_for_timeline(self, event: dict[str, Any], created: int) -> None:
        obj = cast(dict[str, Any], event_object(event))
        kind = obj.get("object")
        if kind not in ("payment_intent", "charge", "refund"):
            return
        intent_id = obj["id"] if kind == "payment_intent" else id_of(obj.get("payment_intent"))
        if not intent_id:
            return
        amount = obj.get("amount_refunded" if kind == "charge" else "amount")
        self.timeline.append({
            "event_id": str(event["id"])[:64], "intent_id": intent_id[:64],
            "type": str(event.get("type") or "")[:128], "created": created,
            "object_id": str(obj["id"])[:64],
            "status": str(obj["status"])[:32] if obj.get("status") else None,
            "amount": int(amount) if isinstance(amount, int) else None,
            "currency": str(obj.get("currency") or "").upper()[:3] or None,
            "applied_at": utcnow(),
        })

    def _already_processed(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        query = select(ProcessedEvent.event_id).where(col(ProcessedEvent.event_id).in_(ids))
        return set(self.session.execute(query).scalars())

    def _preload(self, events: Iterable[dict[str, Any]]) -> None:
        object_ids: set[str] = set()
        intent_ids: set[str] = set()
        payment_ids: set[str] = set()
        for event in events:
            obj = cast(dict[str, Any], event_object(event))
            object_ids.add(obj["id"])
            kind = obj.get("object")
            if kind == "payment_intent":
                intent_ids.add(obj["id"])
                local = (obj.get("metadata") or {}).get(METADATA_PAYMENT_ID)
                if isinstance(local, str):
                    payment_ids.add(local)
            elif kind in ("charge", "refund"):
                intent = id_of(obj.get("payment_intent"))
                if intent:
                    intent_ids.add(intent)
        if object_ids:
            query = select(
                ObjectVersion.object_id, ObjectVersion.created, ObjectVersion.status
            ).where(col(ObjectVersion.object_id).in_(object_ids))
            for object_id, created, status in self.session.execute(query):
                self.versions[object_id] = (created, status)
        table = PaymentRecord.__table__  # type: ignore[attr-defined]
        if intent_ids:
            for row in self.session.execute(select(table).where(table.c.intent_id.in_(intent_ids))):
                self._remember(dict(row._mapping))
            # One query for the batch: a query per new payment (the refunds that came before
            # it) was a third of the applier's time.
            self.stored_refunds.update((intent_id, {}) for intent_id in intent_ids)
            for intent_id, refund_id, amount, status in self.session.execute(
                _REFUNDS_OF.where(col(RefundRecord.payment_intent_id).in_(intent_ids))
            ):
                self.stored_refunds[intent_id][refund_id] = (amount, status)
        if payment_ids:
            for row in self.session.execute(select(table).where(table.c.id.in_(payment_ids))):
                self._remember(dict(row._mapping))

    def _remember(self, row: dict[str, Any]) -> None:
        self.by_id[row["id"]] = row
        if row["intent_id"]:
            self.by_intent[row["intent_id"]] = row

    def _dispatch(self, event: dict[str, Any], obj: dict[str, Any], created: int) -> str:
        kind = obj.get("object")
        type_ = str(event.get("type") or "")
        if kind == "payment_intent":
            return self._intent(obj, created)
        if kind == "charge":
            return self._charge(obj, created)
        if kind == "refund":
            return self._refund(obj, created)
        if kind == "customer" and (type_.startswith("customer.") or self.snapshot):
            deleted = type_ == "customer.deleted" or bool(obj.get("deleted"))
            return self._customer(obj, created, deleted)
        if kind == "payment_method":
            return self._card(obj, created, detached=type_ == "payment_method.detached")
        if kind == "setup_intent":
            return self._setup_intent(obj, created)
        if kind == "checkout.session":
            return self._checkout_session(type_, obj, created)
        return "ignored"  # a type this app has no use for: recorded, nothing else

    # --- remote payment requests (Checkout Sessions) ---------------------------------------

    def _checkout_session(self, type_: str, obj: dict[str, Any], created: int) -> str:
        """A session of one of this shop's payment requests (its metadata names the request)
        was paid, failed or expired. The payment itself is the intent's own record (made by
        `_intent` under the request's id): this only ends the request."""
        request_id = (obj.get("metadata") or {}).get(METADATA_REQUEST_ID)
        if not isinstance(request_id, str) or not request_id:
            return "ignored"  # a payment link's session, or one made elsewhere
        status, paid = obj.get("status"), obj.get("payment_status")
        if type_ == "checkout.session.async_payment_failed":
            state = RequestState.FAILED
        elif status == "expired":
            state = RequestState.EXPIRED
        elif status == "complete" and paid in ("paid", "no_payment_required"):
            state = RequestState.PAID
        else:
            return "ignored"  # complete but an async payment still pending: wait
        self.request_ends.append(
            (request_id[:36], state, obj["id"], id_of(obj.get("payment_intent")), created))
        return APPLY

    # --- ordering ---------------------------------------------------------------------------

    def _decide(
        self,
        kind: str,
        object_id: str,
        created: int,
        status: str | None,
        fallback: tuple[int, str | None] | None = None,
        same_content: bool = True,
    ) -> str:
        current = self.versions.get(object_id, fallback)
        if current is None:
            return APPLY
        seen_created, seen_status = current
        final = FINAL_STATUSES[kind]
        if seen_status in final:
            # A final state is never left; a repeat of it may refresh details.
            return APPLY if status == seen_status and created >= seen_created else STALE
        if status in final or created > seen_created:
            return APPLY
        if created < seen_created:
            return STALE
        if status == seen_status and same_content:
            return APPLY
        return DOUBT  # same second, different story: ask Stripe

    def _version(self, kind: str, object_id: str, created: int, status: str | None) -> None:
        old = self.versions.get(object_id)
        created = max(created, old[0]) if old else created
        self.versions[object_id] = (created, status)
        self.dirty_versions[object_id] = (kind, created, status)

    def _reread(self, kind: str, object_id: str) -> dict[str, Any] | None:
        """Stripe's current state of the object, read before this batch's transaction.
        The first time, the batch is rolled back, the object read with no lock held, and
        the batch run again."""
        key = (kind, object_id)
        if key not in self.fetched:
            raise _NeedsReread(key)
        value = self.fetched[key]
        if value is _UNREADABLE:
            raise LookupError(f"{kind} {object_id} could not be read")
        return value  # type: ignore[return-value]

    def _settle_doubt(
        self, kind: str, obj: dict[str, Any], prefer: Callable[[dict[str, Any]], bool]
    ) -> dict[str, Any] | None:
        """The object to apply after a same-second disagreement: Stripe's current state, or
        when Stripe cannot be asked, the incoming one only if ``prefer`` says it is ahead."""
        try:
            return self._reread(kind, obj["id"])
        except LookupError as exc:  # network down, rate limited: decide without it
            log.warning(
                "could not re-read %s %s (%s); deciding locally",
                kind,
                obj["id"],
                type(exc).__name__,
            )
            return obj if prefer(obj) else None

    # --- payment intents --------------------------------------------------------------------

    def _payment_for(self, intent: dict[str, Any]) -> dict[str, Any] | None:
        row = self.by_intent.get(intent["id"])
        if row is None:
            local = (intent.get("metadata") or {}).get(METADATA_PAYMENT_ID)
            candidate = self.by_id.get(local) if isinstance(local, str) else None
            if candidate is not None and candidate["intent_id"] in (None, intent["id"]):
                row = candidate
        return row

    def _intent(self, obj: dict[str, Any], created: int) -> str:
        row = self._payment_for(obj)
        status = obj.get("status")
        fallback = (0, row["stripe_status"]) if row and row["stripe_status"] else None
        error = (obj.get("last_payment_error") or {}).get("code")
        same = row is None or row["error_code"] == error
        decision = self._decide("payment_intent", obj["id"], created, status, fallback, same)
        if decision == STALE:
            return STALE
        if decision == DOUBT:
            seen = self.versions.get(obj["id"], fallback) or (0, None)

            def ahead(o: dict[str, Any]) -> bool:
                rank = _INTENT_RANK.get(str(o.get("status")), 0)
                return rank > _INTENT_RANK.get(str(seen[1]), 0) or bool(
                    rank == _INTENT_RANK.get(str(seen[1]), 0) and error
                )

            current = self._settle_doubt("payment_intent", obj, ahead)
            if current is None:
                return STALE
            obj, status = current, current.get("status")
        outcome = outcome_for_intent(obj)
        fields: dict[str, Any] = {
            "intent_id": obj["id"],
            "state": state_for(outcome).value,
            "stripe_status": status,
            "error_code": outcome.code,
            "decline_code": outcome.decline_code,
            "error_message": None if outcome.charged else outcome.reason,
            "amount_received": int(obj.get("amount_received") or 0),
            "livemode": bool(obj.get("livemode", False)),
        }
        no_outcome_yet = status == "requires_confirmation" or (
            status == "requires_payment_method" and not obj.get("last_payment_error")
        )
        if row is not None and no_outcome_yet and row["state"] in AWAITING_ANSWER:
            # The intent exists but says nothing about the charge yet: the payment stays
            # open for the ledger to settle rather than looking finished.
            for name in ("state", "error_code", "decline_code", "error_message"):
                del fields[name]
        if row is not None and _claimed(row):
            # A terminal is deciding this payment right now (a customer at its card form
            # may still try another card): it records the outcome itself. Only link the
            # intent, so whoever settles the payment later finds it.
            fields = {"intent_id": obj["id"]} if not row["intent_id"] else {}
        if row is None:
            row = self._new_payment(obj)
        row.update(fields)
        self._remember(row)
        self.dirty_payments.add(row["id"])
        self.stats.payments.add(row["id"])
        self._version("payment_intent", obj["id"], created, status)
        return APPLY

    def _new_payment(self, intent: dict[str, Any]) -> dict[str, Any]:
        """A payment made elsewhere (Dashboard, another till): recorded as Stripe's."""
        metadata = intent.get("metadata") or {}
        local = metadata.get(METADATA_PAYMENT_ID)
        payment_id = local if isinstance(local, str) and local not in self.by_id else None
        staff = (STAFF_ID_STRIPE, STAFF_NAME_STRIPE)
        request_id = metadata.get(METADATA_REQUEST_ID)
        if isinstance(request_id, str) and request_id:
            # Paid on the hosted page of one of this shop's requests: the request's staff.
            request = self.session.get(PaymentRequestRecord, request_id[:36])
            if request is not None:
                staff = (request.staff_id, request.staff_name)
        row = {
            "id": payment_id or str(uuid.uuid4()),
            # Never sent to Stripe: this app did not create the intent.
            "idempotency_key": f"stripe:{intent['id']}",
            "customer_id": id_of(intent.get("customer")),
            "payment_method_id": id_of(intent.get("payment_method")),
            "amount": int(intent.get("amount") or 0),
            "currency": str(intent.get("currency") or "").upper()[:3],
            "description": (intent.get("description") or None),
            "staff_id": staff[0],
            "staff_name": staff[1],
            # Refund events may have come before the payment's own.
            "amount_refunded": self._refunded_total(intent["id"]),
            "created_at": _timestamp(intent.get("created")),
        }
        if row["description"]:
            row["description"] = str(row["description"])[:1000]
        self.new_payments.add(row["id"])
        return row

    # --- charges and refunds ----------------------------------------------------------------

    def _charge(self, obj: dict[str, Any], created: int) -> str:
        intent_id = id_of(obj.get("payment_intent"))
        row = self.by_intent.get(intent_id) if intent_id else None
        seen = self.versions.get(obj["id"])
        if row is None:
            # The intent's own events record the payment (counting the refunds stored by
            # then); the version keeps an older charge event that comes later from
            # turning the refunded amount back.
            if seen is None or created > seen[0]:
                self._version("charge", obj["id"], created, None)
            return "ignored"
        refunded = int(obj.get("amount_refunded") or 0)
        if seen is not None and created < seen[0]:
            return STALE
        if seen is not None and created == seen[0]:
            refunded = max(refunded, row["amount_refunded"])  # same second: refunds only grow
        if refunded == row["amount_refunded"]:
            self._version("charge", obj["id"], created, None)
            return "ignored"
        row["amount_refunded"] = refunded
        self.dirty_payments.add(row["id"])
        self.stats.payments.add(row["id"])
        self._version("charge", obj["id"], created, None)
        return APPLY

    def _refund(self, obj: dict[str, Any], created: int) -> str:
        status = str(obj.get("status") or "pending")
        decision = self._decide("refund", obj["id"], created, status)
        if decision == STALE:
            return STALE
        if decision == DOUBT:
            current = self._settle_doubt("refund", obj, lambda o: o.get("status") != "pending")
            if current is None:
                return STALE
            obj, status = current, str(current.get("status") or "pending")
        previous = self._refund_status(obj["id"], id_of(obj.get("payment_intent")))
        self.refunds[obj["id"]] = {
            "id": obj["id"],
            "payment_intent_id": id_of(obj.get("payment_intent")),
            "charge_id": id_of(obj.get("charge")),
            "amount": int(obj.get("amount") or 0),
            "currency": str(obj.get("currency") or "").upper()[:3],
            "status": status[:32],
            "reason": (str(obj["reason"])[:64] if obj.get("reason") else None),
            "created": int(obj.get("created") or 0),
            "synced_at": utcnow(),
        }
        self.stats.refunds.add(obj["id"])
        refund_intent = self.refunds[obj["id"]]["payment_intent_id"]
        if refund_intent:
            self.batch_refunds.setdefault(refund_intent, set()).add(obj["id"])
        local = (obj.get("metadata") or {}).get(METADATA_REFUND_ID)
        if isinstance(local, str) and local:
            # Made by a terminal of this shop: the event and the request are one refund,
            # whichever reached the store first.
            self.refund_links[local[:36]] = (obj["id"], status[:32])
        row = self.by_intent.get(id_of(obj.get("payment_intent")) or "")
        if row is not None:
            self.stats.payments.add(row["id"])
            # Refunds read without their charge events (a reconcile) still count.
            refunded = self._refunded_total(row["intent_id"])
            if refunded > row["amount_refunded"]:
                row["amount_refunded"] = refunded
                self.dirty_payments.add(row["id"])
            elif previous in _COUNTED_REFUNDS and status not in _COUNTED_REFUNDS:
                # A refund that counted failed or was canceled: its money stays paid.
                amount = int(obj.get("amount") or 0)
                row["amount_refunded"] = max(0, row["amount_refunded"] - amount)
                self.dirty_payments.add(row["id"])
        self._version("refund", obj["id"], created, status)
        return APPLY

    def _refund_status(self, refund_id: str, intent_id: str | None) -> str | None:
        """The refund's status as this batch or the store last had it."""
        if refund_id in self.refunds:
            return str(self.refunds[refund_id]["status"])
        if intent_id and (stored_refund := self._stored_refunds(intent_id).get(refund_id)):
            return stored_refund[1]
        stored = self.session.get(RefundRecord, refund_id)
        return stored.status if stored is not None else None

    def _stored_refunds(self, intent_id: str) -> dict[str, tuple[int, str]]:
        """The refunds the store held for an intent (_preload reads the batch's at once)."""
        if intent_id not in self.stored_refunds:
            query = _REFUNDS_OF.where(col(RefundRecord.payment_intent_id) == intent_id)
            self.stored_refunds[intent_id] = {
                refund_id: (amount, status)
                for _, refund_id, amount, status in self.session.execute(query)
            }
        return self.stored_refunds[intent_id]

    def _refunded_total(self, intent_id: str) -> int:
        known = dict(self._stored_refunds(intent_id))
        for rid in self.batch_refunds.get(intent_id, ()):
            refund = self.refunds[rid]
            known[rid] = (refund["amount"], refund["status"])
        return sum(amount for amount, status in known.values() if status in _COUNTED_REFUNDS)

    # --- customers and cards ----------------------------------------------------------------

    def _customer(self, obj: dict[str, Any], created: int, deleted: bool) -> str:
        status = "deleted" if deleted else "active"
        decision = self._decide("customer", obj["id"], created, status)
        if decision == STALE:
            return STALE
        if decision == DOUBT:
            current = self._settle_doubt("customer", obj, lambda o: False)
            if current is None:
                # Gone at Stripe (or cannot tell): deletion is the safe reading only if seen.
                return STALE
            obj, deleted = current, bool(current.get("deleted"))
            status = "deleted" if deleted else "active"
        if deleted:
            self.customers.pop(obj["id"], None)
            self.deleted_customers.add(obj["id"])
        else:
            self.customers[obj["id"]] = customer_data(obj)
        self.stats.customers.add(obj["id"])
        self._version("customer", obj["id"], created, status)
        return APPLY

    def _card(self, obj: dict[str, Any], created: int, *, detached: bool) -> str:
        customer = id_of(obj.get("customer"))
        detached = detached or customer is None
        status = "detached" if detached else "attached"
        if obj.get("type", "card") != "card":
            return "ignored"
        decision = self._decide("payment_method", obj["id"], created, status)
        if decision == STALE:
            return STALE
        if decision == DOUBT:
            current = self._settle_doubt("payment_method", obj, lambda o: False)
            if current is None:
                return STALE
            obj, customer = current, id_of(current.get("customer"))
            detached = customer is None
            status = "detached" if detached else "attached"
        if detached:
            self.cards.pop(obj["id"], None)
            self.removed_cards.add(obj["id"])
            cached = self.session.get(PaymentMethodRecord, obj["id"])
            if cached is not None and cached.customer_id:
                self.stats.customers.add(cached.customer_id)
        else:
            self.cards[obj["id"]] = payment_method_data(obj)
            self.removed_cards.discard(obj["id"])
            self.stats.customers.add(cast(str, customer))
        self._version("payment_method", obj["id"], created, status)
        return APPLY

    def _setup_intent(self, obj: dict[str, Any], created: int) -> str:
        status = obj.get("status")
        decision = self._decide("setup_intent", obj["id"], created, status)
        if decision == STALE:
            return STALE
        if decision == DOUBT:
            current = self._settle_doubt("setup_intent", obj, lambda o: False)
            if current is None:
                return STALE
            obj, status = current, current.get("status")
        self._version("setup_intent", obj["id"], created, status)
        pm_id = id_of(obj.get("payment_method"))
        customer = id_of(obj.get("customer"))
        if status != "succeeded" or not pm_id or not customer:
            return APPLY
        # The card it saved; its own payment_method.attached event may come later or never
        # (poller started after it): make sure the card is in the cache.
        if pm_id in self.cards or self.session.get(PaymentMethodRecord, pm_id) is not None:
            return APPLY
        try:
            pm = self._reread("payment_method", pm_id)
        except LookupError as exc:
            log.warning(
                "could not read card of setup intent %s (%s)", obj["id"], type(exc).__name__
            )
            return APPLY
        if pm is not None and id_of(pm.get("customer")) and pm.get("type", "card") == "card":
            return self._card(pm, created, detached=False)
        return APPLY

    # --- writing ----------------------------------------------------------------------------

    def _changes(self) -> list[Change]:
        """What this batch changes for the change feed, read before it writes: payments,
        customers, cards and refunds that are new or differ from the store (a catch-up that
        re-reads unchanged objects changes nothing a screen shows). Recorded without a
        terminal: what sync brings in is news to every terminal's screens, this one's too."""
        session = self.session
        table = PaymentRecord.__table__  # type: ignore[attr-defined]
        payments = set(self.new_payments)
        known = self.dirty_payments - self.new_payments
        if known:
            columns = [table.c.id, *(table.c[f] for f in _PAYMENT_FIELDS)]
            for row in session.execute(select(*columns).where(table.c.id.in_(known))):
                current = self.by_id[row[0]]
                if tuple(row[1:]) != tuple(current[f] for f in _PAYMENT_FIELDS):
                    payments.add(row[0])
        found = [
            Change(ChangeKind.PAYMENT, pid, self.by_id[pid]["customer_id"])
            for pid in sorted(payments)
        ]
        customer_ids = changed_customer_ids(session, self.customers.values())
        customer_ids += newly_deleted_ids(session, self.deleted_customers)
        found += [changes.customer_change(customer_id) for customer_id in customer_ids]
        found += card_changes(session, self.cards.values(), self.removed_cards)
        if self.refunds:
            query = select(RefundRecord.id, RefundRecord.status, RefundRecord.amount).where(
                col(RefundRecord.id).in_(self.refunds)
            )
            stored = {rid: (status, amount) for rid, status, amount in session.execute(query)}
            for rid, refund in self.refunds.items():
                if stored.get(rid) != (refund["status"], refund["amount"]):
                    payment = self.by_intent.get(refund["payment_intent_id"] or "")
                    owner = payment["customer_id"] if payment is not None else None
                    found.append(Change(ChangeKind.REFUND, rid, owner))
        return found

    def _flush(self) -> None:
        session = self.session
        table = PaymentRecord.__table__  # type: ignore[attr-defined]
        now = utcnow()
        # One INSERT of change rows for the whole batch, in its transaction (the repositories
        # below are told not to record their own).
        found = self._changes()
        if self.new_payments:
            rows = []
            for payment_id in self.new_payments:
                row = dict(self.by_id[payment_id])
                row["updated_at"] = now
                rows.append(row)
            session.execute(table.insert(), rows)
        updates = [
            {
                "b_id": pid,
                "b_updated_at": now,
                **{f"b_{f}": self.by_id[pid][f] for f in _PAYMENT_FIELDS},
            }
            for pid in self.dirty_payments - self.new_payments
        ]
        if updates:
            stmt = (
                update(table)
                .where(table.c.id == bindparam("b_id"))
                .values({f: bindparam(f"b_{f}") for f in (*_PAYMENT_FIELDS, "updated_at")})
            )
            session.connection().execute(stmt, updates)
        scope = cast(Store, TransactionScope(self.applier.store, session))
        if self.customers:
            CustomerRepository(scope, record_changes=False).upsert_many(self.customers.values())
        if self.deleted_customers:
            customers = CustomerRepository(scope, record_changes=False)
            for customer_id in self.deleted_customers:
                customers.mark_deleted(customer_id)
        if self.cards or self.removed_cards:
            cards = PaymentMethodRepository(scope, record_changes=False)
            for card_id in self.removed_cards:
                cards.remove(card_id)
            cards.upsert_many(self.cards.values())
        insert = dialect_insert(session)
        if self.refunds:
            stmt = insert(RefundRecord)
            keep = {k: stmt.excluded[k] for k in next(iter(self.refunds.values())) if k != "id"}
            session.execute(
                stmt.on_conflict_do_update(index_elements=["id"], set_=keep),
                list(self.refunds.values()),
            )
        for request_id, (refund_id, status) in self.refund_links.items():
            request = self.session.get(RefundRequestRecord, request_id)
            if request is None or request.stripe_refund_id not in (None, refund_id):
                continue
            request.stripe_refund_id, request.state = refund_id, status
            request.error_code = request.error_message = None
            request.updated_at = now
            session.add(request)
        if self.dirty_versions:
            stmt = insert(ObjectVersion)
            session.execute(
                stmt.on_conflict_do_update(
                    index_elements=["object_id"],
                    set_={"created": stmt.excluded.created, "status": stmt.excluded.status},
                ),
                [
                    {"object_id": oid, "object_type": kind, "created": created, "status": status}
                    for oid, (kind, created, status) in self.dirty_versions.items()
                ],
            )
        if self.processed:
            session.execute(insert(ProcessedEvent), self.processed)
        for request_id, state, session_id, intent_id, created in self.request_ends:
            change = apply_session_event(session, request_id, state=state,
                                         session_id=session_id, intent_id=intent_id,
                                         at=_timestamp(created))
            if change is not None:
                found.append(change)
        if self.timeline:  # the payments' timeline (see _note_for_timeline)
            session.execute(
                insert(PaymentEvent).on_conflict_do_nothing(index_elements=["event_id"]),
                self.timeline,
            )
        changes.record(session, found)
