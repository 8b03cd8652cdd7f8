"""The shop's refund requests (store/refund_models.py) and what is left to refund of a payment.

What is left to refund is the amount received less every refund that takes money back or
may have: Stripe's refunds of the payment (`refunds`, by Stripe's id, whoever made them)
with a status that counts, and this shop's requests Stripe has not named yet (being sent,
unconfirmed). A request Stripe has named is counted once, through Stripe's refund.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, col, select

from posdesk.domain.changes import Change, ChangeKind
from posdesk.domain.refunds import COUNTED_STATUSES, RefundState, left_to_refund
from posdesk.store import changes
from posdesk.store.database import Store
from posdesk.store.models import PaymentRecord, utcnow
from posdesk.store.refund_models import (
    UNSETTLED_REFUND_STATES,
    UNSETTLED_REFUND_WHERE,
    RefundRequestRecord,
)
from posdesk.store.sync_models import RefundRecord
from posdesk.store.sync_state import dialect_insert

assert {s.value for s in RefundState if s.needs_settling} == set(UNSETTLED_REFUND_STATES)
_IMMUTABLE = frozenset({"id", "idempotency_key", "created_at", "payment_id"})


class RefundRequestNotFound(LookupError):
    pass


@dataclass(frozen=True, slots=True)
class RefundLine:
    """One refund of a payment as staff see it: this shop's request, Stripe's refund, or
    both (linked by Stripe's id)."""

    refund_id: str | None  # Stripe's re_..., None until Stripe names it
    request_id: str | None  # this shop's request, None for a refund made elsewhere
    amount: int
    currency: str
    state: RefundState
    reason: str | None
    note: str | None
    staff_name: str | None
    created: int  # unix seconds

    @property
    def counts(self) -> bool:
        return self.state.counts


@dataclass(frozen=True, slots=True)
class Refundable:
    """How much of a payment can still be refunded, and its refunds so far."""

    payment_id: str
    currency: str
    received: int
    refunded: int  # counted refunds (succeeded, pending, or not known yet)
    left: int
    lines: tuple[RefundLine, ...]


def refund_change(request: RefundRequestRecord) -> Change:
    return Change(ChangeKind.REFUND, request.stripe_refund_id or request.id,
                  request.customer_id, request.terminal_id)


class RefundRequestRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, record: RefundRequestRecord) -> RefundRequestRecord:
        """Persist a new request and commit at once: durable before Stripe is asked."""
        with self.store.session() as session:
            session.add(record)
            changes.record(session, [refund_change(record)])
        return self.get(record.id)  # type: ignore[return-value]

    def get(self, request_id: str) -> RefundRequestRecord | None:
        with self.store.session() as session:
            return session.get(RefundRequestRecord, request_id)

    def update(self, request_id: str, **fields: Any) -> RefundRequestRecord:
        """Change some fields and stamp updated_at; id, key, payment and creation time stay."""
        forbidden = _IMMUTABLE & fields.keys()
        if forbidden:
            raise ValueError(f"cannot change {', '.join(sorted(forbidden))} of a refund")
        with self.store.session() as session:
            record = self._update(session, request_id, fields)
        return record

    @staticmethod
    def _update(session: Session, request_id: str, fields: dict[str, Any]) -> RefundRequestRecord:
        record = session.get(RefundRequestRecord, request_id, with_for_update=True)
        if record is None:
            raise RefundRequestNotFound(request_id)
        for name, value in fields.items():
            if name not in RefundRequestRecord.model_fields:
                raise ValueError(f"unknown refund field: {name}")
            setattr(record, name, value.value if isinstance(value, RefundState) else value)
        record.updated_at = utcnow()
        session.add(record)
        changes.record(session, [refund_change(record)])
        return record

    def record_made(
        self,
        request_id: str,
        *,
        refund_id: str,
        status: str,
        amount: int,
        currency: str,
        reason: str | None,
        created: int,
    ) -> RefundRequestRecord:
        """Stripe made the refund: link the request to it and keep Stripe's refund row (the
        applier's, when an event got here first; else this answer's), in one transaction.
        The payment's refunded amount grows to what the store now counts."""
        with self.store.session() as session:
            record = self._update(session, request_id, {
                "stripe_refund_id": refund_id, "state": status[:32],
                "error_code": None, "error_message": None,
            })
            insert = dialect_insert(session)
            session.execute(
                insert(RefundRecord).on_conflict_do_nothing(index_elements=["id"]),
                [{"id": refund_id, "payment_intent_id": record.intent_id, "charge_id": None,
                  "amount": amount, "currency": currency.upper()[:3], "status": status[:32],
                  "reason": reason, "created": created, "synced_at": utcnow()}],
            )
            stored = session.get(RefundRecord, refund_id)
            if stored is not None and stored.status != record.state:
                # An event got here first with a newer status: the request says the same.
                record.state = stored.status
                session.add(record)
            payment = session.get(PaymentRecord, record.payment_id, with_for_update=True)
            if payment is not None:
                refunded = _counted(session, record.intent_id)
                if refunded > (payment.amount_refunded or 0):
                    payment.amount_refunded = refunded
                    payment.updated_at = utcnow()
                    session.add(payment)
                    changes.record(session, [changes.payment_change(payment, None)])
        return record

    def list_for_payment(self, payment_id: str) -> list[RefundRequestRecord]:
        query = (
            select(RefundRequestRecord)
            .where(col(RefundRequestRecord.payment_id) == payment_id)
            .order_by(col(RefundRequestRecord.created_at), col(RefundRequestRecord.id))
        )
        with self.store.session() as session:
            return list(session.exec(query))

    def list_unsettled(self) -> list[RefundRequestRecord]:
        """Requests whose outcome at Stripe is not known yet, oldest first."""
        query = (
            select(RefundRequestRecord)
            # The partial index's WHERE, literally (SQLite matches it only so).
            .where(text(UNSETTLED_REFUND_WHERE))
            .order_by(col(RefundRequestRecord.created_at), col(RefundRequestRecord.id))
        )
        with self.store.session() as session:
            return list(session.exec(query))

    def refundable(self, payment: PaymentRecord) -> Refundable:
        """What is left to refund of `payment`, with its refunds (oldest first)."""
        intent_id = payment.intent_id or ""
        with self.store.session() as session:
            requests = list(session.exec(
                select(RefundRequestRecord)
                .where(col(RefundRequestRecord.payment_id) == payment.id)
            ))
            stripe_refunds = list(session.exec(
                select(RefundRecord).where(col(RefundRecord.payment_intent_id) == intent_id)
            )) if intent_id else []
        by_refund = {r.stripe_refund_id: r for r in requests if r.stripe_refund_id}
        # In the order they were made: Stripe's times are whole seconds, so a request's own
        # time orders refunds made here within one second.
        order: dict[int, float] = {}
        lines: list[RefundLine] = []
        for refund in stripe_refunds:
            request = by_refund.get(refund.id)
            order[len(lines)] = _aware_ts(request.created_at) if request else refund.created
            lines.append(RefundLine(
                refund.id, request.id if request else None, refund.amount,
                refund.currency or payment.currency, _state(refund.status),
                refund.reason, request.note if request else None,
                request.staff_name if request else None, refund.created,
            ))
        known = {r.id for r in stripe_refunds}
        for request in requests:
            if request.stripe_refund_id in known:
                continue
            order[len(lines)] = _aware_ts(request.created_at)
            lines.append(RefundLine(
                request.stripe_refund_id, request.id, request.amount, request.currency,
                RefundState(request.state), request.reason, request.note, request.staff_name,
                int(_aware_ts(request.created_at)),
            ))
        lines = [line for _, line in sorted(enumerate(lines), key=lambda item: (
            order[item[0]], item[1].refund_id or item[1].request_id or ""))]
        in_flight = sum(line.amount for line in lines
                        if line.refund_id is None and line.state.needs_settling)
        # Stripe's own total (charge events) may know refunds older than this store's sync;
        # it never holds requests Stripe has not named yet.
        refunded = max(sum(line.amount for line in lines if line.counts),
                       (payment.amount_refunded or 0) + in_flight)
        received = payment.amount_received or 0
        return Refundable(payment.id, payment.currency, received, refunded,
                          left_to_refund(received, [refunded]), tuple(lines))


def _state(status: str | None) -> RefundState:
    try:
        return RefundState(status or "pending")
    except ValueError:
        return RefundState.PENDING


def _aware_ts(moment: datetime) -> float:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def _counted(session: Session, intent_id: str) -> int:
    """Stripe's refunds of the intent that take money back, as this store knows them."""
    return sum(
        amount for amount, status in session.execute(
            select(RefundRecord.amount, RefundRecord.status)
            .where(col(RefundRecord.payment_intent_id) == intent_id)
        ) if status in COUNTED_STATUSES
    )
