"""Refunds on the ledger: the same order of steps as a payment (ledger/payments.py), for a
refund request.

1. Under the payment's claim (store/this_terminal.py `Claims`: one terminal at a time
   refunds a payment; another waits for it), what is left to refund is read again and the
   request written SENDING with a fresh idempotency key, and committed;
2. the refund create is sent with that key, carrying the request's id in its metadata;
3. Stripe's answer is recorded: the refund it made (linked to Stripe's refund row, which the
   event applier keeps up to date), a refusal (nothing refunded), or UNCONFIRMED.

Settling (start-up, the settle timer, reconciliation) takes each request still SENDING or
UNCONFIRMED under the same claim, first looks its refund up by our metadata (a list of the
intent's refunds holds a refund as soon as it is made) and only if there is none resends the
*same* request with the *same* key: Stripe replays its first answer, or runs a request that
never ran, once. A request answered with a server error that Stripe keeps replaying, and
whose refund no list shows, is closed as refused once SERVER_ERROR_WINDOW has passed.

Whichever comes first, our answer or Stripe's refund.created event, the request and
Stripe's refund end as one refund: the event applier links events by the metadata id.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from posdesk.domain.messages import Text, text_of
from posdesk.domain.money import Money
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.refunds import (
    SERVER_ERROR_NOT_REFUNDED,
    RefundAnswer,
    RefundAnswerKind,
    RefundState,
)
from posdesk.domain.roles import StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.errors import (
    IDEMPOTENCY_ERROR,
    SERVER_ERROR_REPLAYED,
    SERVER_ERRORS,
    GatewayError,
)
from posdesk.ledger.payments import (
    METADATA_PAYMENT_ID,
    METADATA_STAFF_ID,
    SERVER_ERROR_WINDOW,
    NoGateway,
)
from posdesk.store.audit import AuditLog
from posdesk.store.database import Store
from posdesk.store.models import PaymentRecord
from posdesk.store.payments import PaymentRepository
from posdesk.store.refund_models import RefundRequestRecord
from posdesk.store.refund_requests import Refundable, RefundRequestRepository
from posdesk.store.this_terminal import CLAIM_TTL, Claims, Terminal, process_terminal, utc_now

log = logging.getLogger(__name__)

# The local refund id a refund carries in its metadata: settling finds it by this, and the
# event applier links Stripe's refund events to the request.
METADATA_REFUND_ID = "posdesk_refund_id"
# How long a refund waits for another terminal refunding the same payment to finish.
CLAIM_WAIT = timedelta(seconds=15)
_CLAIM_POLL_S = 0.1

# The request that moves a refund's money (step 2), built from the record alone.
SendRefund = Callable[[StripeGateway, RefundRequestRecord], RefundAnswer]


@dataclass(frozen=True, slots=True)
class RefundResult:
    request_id: str
    payment_id: str
    amount: Money
    state: RefundState
    refund_id: str | None = None
    reason: Text | None = None  # why it was refused or is not confirmed, for staff
    left: Money | None = None  # what is left to refund of the payment afterwards


class NotRefundable(Exception):
    """The payment cannot be refunded (not paid, unknown to Stripe). Nothing was sent."""

    def __init__(self, payment: PaymentRecord | None) -> None:
        super().__init__(payment.id if payment else "unknown payment")
        self.payment = payment


class NotEnoughLeft(Exception):
    """More than is left to refund (read under the payment's claim). Nothing was sent."""

    def __init__(self, refundable: Refundable) -> None:
        super().__init__(f"{refundable.left} left")
        self.refundable = refundable


class PaymentBusy(Exception):
    """Another terminal kept the payment's claim for longer than CLAIM_WAIT."""


def refund_metadata(record: RefundRequestRecord) -> dict[str, str]:
    return {
        METADATA_REFUND_ID: record.id,
        METADATA_PAYMENT_ID: record.payment_id,
        METADATA_STAFF_ID: record.staff_id,
    }


def refund_request(gateway: StripeGateway, record: RefundRequestRecord) -> RefundAnswer:
    """The refund create of a request: the ledger sends it and settling resends it. Every
    retry sends exactly these parameters with this key (the note stays in the store)."""
    return gateway.create_refund(
        payment_intent_id=record.intent_id,
        amount=record.amount,
        reason=record.reason,
        metadata=refund_metadata(record),
        idempotency_key=record.idempotency_key,
    )


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class RefundLedger:
    """Pending -> send -> record -> settle for the refunds of one store, from one terminal."""

    def __init__(
        self,
        store: Store,
        gateway: StripeGateway | None,
        *,
        clock: Callable[[], datetime] | None = None,
        server_error_window: timedelta = SERVER_ERROR_WINDOW,
        terminal: Terminal | None = None,
        claim_ttl: timedelta = CLAIM_TTL,
        claim_wait: timedelta = CLAIM_WAIT,
        send: SendRefund = refund_request,
    ) -> None:
        self.store = store
        self.gateway = gateway
        self._now = clock or utc_now
        self.server_error_window = server_error_window
        self.terminal = terminal or process_terminal()
        # A refund holds its payment's claim: one terminal at a time reads what is left and
        # refunds, and settling leaves a request alone while its terminal is deciding it.
        self.claims = Claims(store, self.terminal, ttl=claim_ttl, clock=self._now)
        self.claim_wait = claim_wait
        self.payments = PaymentRepository(store)
        self.requests = RefundRequestRepository(store)
        self.audit = AuditLog(store, self.terminal.id)
        self.send_refund = send
        # One refund or settling round at a time in this process (they share the claim).
        self._local = threading.Lock()

    def _require_gateway(self) -> StripeGateway:
        if self.gateway is None:
            raise NoGateway()
        return self.gateway

    # --- the payment's claim ------------------------------------------------------------------

    @contextmanager
    def payment_held(self, payment_id: str, *, wait: bool) -> Iterator[bool]:
        """Hold the payment for refunding; with `wait`, wait up to `claim_wait` for another
        terminal (or this process) to finish with it. Yields whether it was had."""
        deadline = time.monotonic() + (self.claim_wait.total_seconds() if wait else 0)
        got = (self._local.acquire(timeout=self.claim_wait.total_seconds()) if wait
               else self._local.acquire(blocking=False))
        if not got:
            yield False
            return
        try:
            had = self.claims.hold(payment_id)
            while not had and wait and time.monotonic() < deadline:
                time.sleep(_CLAIM_POLL_S)
                had = self.claims.hold(payment_id)
            try:
                yield had
            finally:
                if had:
                    self.claims.release(payment_id)
        finally:
            self._local.release()

    # --- reading ----------------------------------------------------------------------------

    def refundable(self, payment_id: str) -> Refundable:
        payment = self.payments.get(payment_id)
        if payment is None:
            raise NotRefundable(None)
        return self.requests.refundable(payment)

    @staticmethod
    def is_refundable(payment: PaymentRecord | None) -> bool:
        return (
            payment is not None
            and payment.state == PaymentState.SUCCEEDED
            and bool(payment.intent_id)
            and (payment.amount_received or 0) > 0
        )

    # --- steps 1 to 3 -------------------------------------------------------------------------

    def refund(
        self,
        staff: StaffMember,
        payment_id: str,
        amount: int | None,
        reason: str | None,
        note: str | None,
        *,
        approved_by: str | None = None,
        before_send: Callable[[RefundRequestRecord], None] | None = None,
    ) -> RefundResult:
        """Refund `amount` (None: what is left) of a payment. Raises PaymentBusy,
        NotRefundable or NotEnoughLeft (nothing written or sent); every other result,
        a lost answer included, comes back as a RefundResult with a recorded request."""
        gateway = self._require_gateway()
        with self.payment_held(payment_id, wait=True) as had:
            if not had:
                raise PaymentBusy(payment_id)
            payment = self.payments.get(payment_id)
            if payment is None or not self.is_refundable(payment):
                raise NotRefundable(payment)
            refundable = self.requests.refundable(payment)
            wanted = refundable.left if amount is None else amount
            if wanted <= 0 or wanted > refundable.left:
                raise NotEnoughLeft(refundable)
            record = self.requests.add(RefundRequestRecord(
                id=str(uuid.uuid4()),
                payment_id=payment.id,
                intent_id=payment.intent_id or "",
                customer_id=payment.customer_id,
                amount=wanted,
                currency=payment.currency,
                reason=reason,
                note=note or None,
                idempotency_key=str(uuid.uuid4()),
                state=RefundState.SENDING.value,
                staff_id=staff.id,
                staff_name=staff.name,
                approved_by=approved_by,
                terminal_id=self.terminal.id,
            ))
            if before_send is not None:
                before_send(record)
            answer = self.send_refund(gateway, record)
            return self.record(record, answer)

    def record(self, record: RefundRequestRecord, answer: RefundAnswer) -> RefundResult:
        """Step 3: keep Stripe's answer on the request (and Stripe's refund row)."""
        if answer.kind is RefundAnswerKind.MADE and answer.refund_id:
            self.requests.record_made(
                record.id, refund_id=answer.refund_id, status=answer.status or "pending",
                amount=answer.amount or record.amount,
                currency=answer.currency or record.currency, reason=record.reason,
                created=answer.created or int(time.time()),
            )
        else:
            fields: dict[str, object] = {
                "state": answer.state, "error_code": answer.code,
                "error_message": answer.reason,
            }
            if answer.code in SERVER_ERRORS and record.server_error_at is None:
                fields["server_error_at"] = self._now()
            self.requests.update(record.id, **fields)
        return self.result_of(record.id, answer.reason)

    def result_of(self, request_id: str, reason: Text | None = None) -> RefundResult:
        current = self.requests.get(request_id)
        assert current is not None
        payment = self.payments.get(current.payment_id)
        left = self.requests.refundable(payment).left if payment is not None else 0
        state = RefundState(current.state)
        if reason is None and current.error_message and not state.counts:
            reason = text_of(current.error_message)  # the stored sentence, with its id
        return RefundResult(
            current.id, current.payment_id, Money(current.amount, current.currency), state,
            current.stripe_refund_id, reason, Money(left, current.currency),
        )

    # --- settling -----------------------------------------------------------------------------

    def settle_unconfirmed(self) -> list[RefundResult]:
        """Find out what happened to every request still being sent or unconfirmed (start-up,
        timer). Requests another terminal (or this one) is deciding are left alone."""
        results: list[RefundResult] = []
        if self.gateway is None:
            return results
        for request in self.requests.list_unsettled():
            try:
                with self.payment_held(request.payment_id, wait=False) as had:
                    if had:
                        results.append(self._settle_current(request.id))
            except Exception:  # one bad request must not block settling the others
                log.exception("settling refund %s failed", request.id)
        return results

    def _settle_current(self, request_id: str) -> RefundResult:
        current = self.requests.get(request_id)
        assert current is not None
        if not RefundState(current.state).needs_settling:
            return self.result_of(current.id)
        gateway = self._require_gateway()
        answer = self._ask_stripe(gateway, current)
        if answer is None:  # cannot tell yet
            if current.state == RefundState.SENDING:
                self.requests.update(current.id, state=RefundState.UNCONFIRMED)
            log.info("refund %s not settled yet", current.id)
            return self.result_of(current.id)
        result = self.record(current, answer)
        if result.state is not RefundState(current.state):
            self.audit.append(
                current.staff_id, current.staff_name, "settle_refund",
                result.refund_id or current.id, result.state.value,
                {"refund_request_id": current.id, "payment_id": current.payment_id,
                 "amount": current.amount, "currency": current.currency,
                 "code": answer.code},
            )
        return result

    def _ask_stripe(
        self, gateway: StripeGateway, record: RefundRequestRecord
    ) -> RefundAnswer | None:
        """What became of the request; None while that cannot be told."""
        try:
            found = gateway.find_refund_by_metadata(record.intent_id, METADATA_REFUND_ID,
                                                    record.id)
        except GatewayError as exc:
            log.info("refund %s: Stripe cannot be asked now (%s)", record.id, exc.kind.value)
            return None
        if found is not None:
            return found
        # No refund carries our id: the same request with the same key is safe to send.
        answer = self.send_refund(gateway, record)
        if answer.kind is RefundAnswerKind.UNCONFIRMED:
            if answer.code == IDEMPOTENCY_ERROR:
                return None
            if answer.code == SERVER_ERROR_REPLAYED:
                started = _utc(record.server_error_at or self._now())
                if self._now() - started >= self.server_error_window:
                    return RefundAnswer(RefundAnswerKind.REFUSED,
                                        reason=SERVER_ERROR_NOT_REFUNDED, code=answer.code)
            if record.server_error_at is None and answer.code in SERVER_ERRORS:
                self.requests.update(record.id, server_error_at=self._now())
            return None
        return answer
