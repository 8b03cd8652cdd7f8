"""Remote payments: ask a customer to pay on Stripe's hosted page (a Checkout Session sent as
a link, a QR code or an email), follow it to the end, and keep the shop's reusable Payment
Links.

A request is written first (SENDING, with a fresh idempotency key), then the session is
created with that key (gateway/checkout.py) and the request becomes OPEN with Stripe's URL. A
lost answer leaves it SENDING: `settle` resends the same parameters with the same key, so a
retry never makes a second link. No money moves here: the customer pays on Stripe's page.

The payment is recorded once, by the event applier (sync/applier.py), as for any payment:
the session's `payment_intent_data[metadata]` carries `posdesk_payment_id` = the request's
id, so the intent's events make (or update) exactly one `payments` row with that id, and
`checkout.session.completed` / `.expired` / `.async_payment_*` end the request (PAID with
payment_id, EXPIRED, FAILED).

Remote authentication (`request_authentication`): an off-session charge that failed with
`authentication_required` while the customer is away. Stripe hosts no page that confirms an
existing PaymentIntent for us (the recovery it documents is bringing the customer back
on-session to confirm that intent on the merchant's own page, which PosDesk has only at the
counter), so the customer gets a Checkout Session for the same amount: Stripe's page runs
3D Secure itself. Once it is paid, the failed intent is canceled (`settle`, on the settle
timer; the applier then records the original payment as canceled), so exactly one payment
holds the money, linked to the original attempt by `retry_of`.

Who may: making, authenticating and expiring requests need CHARGE; Payment Links (standing
offers that anyone holding the link can pay) are managed with MANAGE_SETTINGS and read by
anyone who may look up customers. See services/guard.py.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from posdesk.domain.money import Money
from posdesk.domain.payment_requests import (
    DESCRIPTION_LIMIT,
    EXPIRY_SLACK,
    LINK_NAME_LIMIT,
    LINK_NAME_TOO_LONG,
    LINK_NO_NAME,
    MAX_EXPIRY,
    METADATA_REQUEST_ID,
    METADATA_RETRY_OF,
    MIN_EXPIRY,
    REQUEST_ALREADY_SENT,
    REQUEST_BAD_EXPIRY,
    REQUEST_DESCRIPTION_TOO_LONG,
    REQUEST_NO_DESCRIPTION,
    REQUEST_NOT_AUTHENTICATION,
    REQUEST_NOT_FOUND,
    REQUEST_NOT_OPEN,
    REQUEST_SAVE_NEEDS_CUSTOMER,
    CheckoutSessionData,
    PaymentLinkData,
    PaymentRequestView,
    RequestState,
)
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import StaffMember
from posdesk.gateway import checkout
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.errors import SERVER_ERRORS, GatewayError
from posdesk.ledger.payments import METADATA_PAYMENT_ID, METADATA_STAFF_ID
from posdesk.services import guard
from posdesk.services.errors import InputError, StripeNotConfigured
from posdesk.services.payment_input import check_chargeable
from posdesk.store.audit import AuditLog
from posdesk.store.database import Store
from posdesk.store.models import PaymentRequestRecord
from posdesk.store.payment_requests import PaymentRequestRepository, RetryAlreadyMade
from posdesk.store.payments import PaymentRepository
from posdesk.store.this_terminal import utc_now

log = logging.getLogger(__name__)


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def view_of(record: PaymentRequestRecord) -> PaymentRequestView:
    return PaymentRequestView(
        id=record.id, state=RequestState(record.state),
        amount=Money(record.amount, record.currency), description=record.description,
        customer_id=record.customer_id, url=record.url, expires_at=_utc(record.expires_at),
        payment_id=record.payment_id, retry_of=record.retry_of, save_card=record.save_card,
        staff_name=record.staff_name, created_at=_utc(record.created_at),
        error_message=record.error_message)


def request_metadata(record: PaymentRequestRecord) -> dict[str, str]:
    """What the session and its intent carry: the intent's payment row takes the request's
    id (one record per payment), and the request is found again from the session."""
    metadata = {METADATA_REQUEST_ID: record.id, METADATA_PAYMENT_ID: record.id,
                METADATA_STAFF_ID: record.staff_id}
    if record.retry_of:
        metadata[METADATA_RETRY_OF] = record.retry_of
    return metadata


class PaymentRequestService:
    def __init__(
        self,
        store: Store,
        gateway: StripeGateway | None,
        *,
        terminal_id: str,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.store = store
        self.gateway = gateway
        self.terminal_id = terminal_id
        self.requests = PaymentRequestRepository(store)
        self.payments = PaymentRepository(store)
        self.guard = guard.Guard(AuditLog(store, terminal_id))
        self._now = clock

    def _require_gateway(self) -> StripeGateway:
        if self.gateway is None:
            raise StripeNotConfigured()
        return self.gateway

    # --- making a request -----------------------------------------------------------------

    @guard.operation(guard.CREATE_PAYMENT_REQUEST)
    def create(
        self,
        staff: StaffMember,
        amount: Money,
        description: str,
        *,
        customer_id: str | None,
        expires_in: timedelta,
        save_card: bool = False,
    ) -> PaymentRequestView:
        """A link for the customer (or a walk-in, `customer_id` None) to pay `amount` on
        Stripe's page within `expires_in` (30 minutes to 24 hours); `save_card` keeps the
        card for later (a customer on file only). Raises PermissionDenied (audited),
        InputError, StripeNotConfigured; Stripe's refusal as a FAILED request (audited)."""
        with self.guard.run(staff, guard.CREATE_PAYMENT_REQUEST, customer_id,
                            {"amount": amount.amount, "currency": amount.currency}) as audited:
            self._require_gateway()
            check_chargeable(amount)
            description = self._check_description(description)
            self._check_expiry(expires_in)
            if save_card and not customer_id:
                raise InputError(REQUEST_SAVE_NEEDS_CUSTOMER)
            record = self._add(staff, amount, description, customer_id, expires_in, save_card)
            view = self._send(record)
            audited.done(view.state.value, target=record.id, customer_id=customer_id,
                         amount=amount.amount, currency=amount.currency,
                         save_card=save_card, session_id=self._session_of(record.id))
            return view

    @guard.operation(guard.REQUEST_AUTHENTICATION)
    def request_authentication(
        self, staff: StaffMember, payment_id: str, *, expires_in: timedelta
    ) -> PaymentRequestView:
        """Send the customer of an off-session payment that failed with
        `authentication_required` a link to pay the same amount on Stripe's page (3D Secure
        there). Once paid, the failed intent is canceled (`settle`)."""
        with self.guard.run(staff, guard.REQUEST_AUTHENTICATION, payment_id) as audited:
            self._require_gateway()
            self._check_expiry(expires_in)
            payment = self.payments.get(payment_id)
            if (payment is None or payment.state != PaymentState.AUTHENTICATION_REQUIRED.value
                    or not payment.customer_id or not payment.intent_id):
                raise InputError(REQUEST_NOT_AUTHENTICATION)
            description = (payment.description or "")[:DESCRIPTION_LIMIT] or payment_id
            try:
                record = self._add(
                    staff, Money(payment.amount, payment.currency), description,
                    payment.customer_id, expires_in, False,
                    retry_of=payment.id, retry_intent_id=payment.intent_id)
            except RetryAlreadyMade:
                # One is being made, open or paid, maybe from another terminal a moment ago:
                # decided where it is written, under the payment's lock.
                raise InputError(REQUEST_ALREADY_SENT) from None
            view = self._send(record)
            audited.done(view.state.value, target=record.id, retry_of=payment_id,
                         amount=payment.amount, currency=payment.currency,
                         session_id=self._session_of(record.id))
            return view

    def _check_description(self, description: str) -> str:
        description = " ".join((description or "").split())
        if not description:
            raise InputError(REQUEST_NO_DESCRIPTION)
        if len(description) > DESCRIPTION_LIMIT:
            raise InputError(REQUEST_DESCRIPTION_TOO_LONG(limit=DESCRIPTION_LIMIT))
        return description

    @staticmethod
    def _check_expiry(expires_in: timedelta) -> None:
        if not MIN_EXPIRY <= expires_in <= MAX_EXPIRY:
            raise InputError(REQUEST_BAD_EXPIRY(
                min=int(MIN_EXPIRY.total_seconds() // 60),
                max=int(MAX_EXPIRY.total_seconds() // 60)))

    def _add(
        self, staff: StaffMember, amount: Money, description: str, customer_id: str | None,
        expires_in: timedelta, save_card: bool, *, retry_of: str | None = None,
        retry_intent_id: str | None = None,
    ) -> PaymentRequestRecord:
        now = self._now()
        # Kept a minute inside Stripe's bounds: the request takes time to get there.
        expires_in = min(max(expires_in, MIN_EXPIRY + EXPIRY_SLACK), MAX_EXPIRY - EXPIRY_SLACK)
        add = self.requests.add if retry_of is None else self.requests.add_retry
        return add(PaymentRequestRecord(
            id=str(uuid.uuid4()), idempotency_key=f"checkout-{uuid.uuid4()}",
            amount=amount.amount, currency=amount.currency, description=description,
            customer_id=customer_id, save_card=save_card,
            expires_at=(now + expires_in).replace(microsecond=0),
            state=RequestState.SENDING.value, retry_of=retry_of,
            retry_intent_id=retry_intent_id, staff_id=staff.id, staff_name=staff.name,
            terminal_id=self.terminal_id, created_at=now, updated_at=now))

    def _send(self, record: PaymentRequestRecord) -> PaymentRequestView:
        """Create (or, with the same key, find again) the request's session and record it.
        A lost answer leaves the request SENDING for `settle`."""
        gateway = self._require_gateway()
        params = checkout.session_params(
            amount=Money(record.amount, record.currency), description=record.description,
            customer_id=record.customer_id, expires_at=_utc(record.expires_at),
            metadata=request_metadata(record), save_card=record.save_card)
        try:
            session = checkout.create_session(gateway, params, record.idempotency_key)
        except GatewayError as exc:
            if exc.retryable or exc.code in SERVER_ERRORS:
                log.info("payment request %s not answered (%s); settled later",
                         record.id, exc.kind.value)
                return view_of(self.requests.update(
                    record.id, error_code=exc.code, error_message=exc.message))
            return view_of(self.requests.update(
                record.id, state=RequestState.FAILED, error_code=exc.code,
                error_message=exc.message))
        return view_of(self._record_session(record.id, session))

    def _record_session(self, request_id: str, session: CheckoutSessionData) -> (
            PaymentRequestRecord):
        record = self.requests.get(request_id)
        if record is None:
            raise InputError(REQUEST_NOT_FOUND)
        fields: dict[str, object] = {"session_id": session.id, "error_code": None,
                                     "error_message": None}
        if session.url:
            fields["url"] = session.url
        if session.payment_intent:
            fields["intent_id"] = session.payment_intent
        if record.state == RequestState.SENDING.value:
            fields["state"] = RequestState.OPEN
        if not RequestState(record.state).is_final:
            # Events usually say this first; a read says it too (settling, expiring).
            if session.status == "expired":
                fields["state"] = RequestState.EXPIRED
            elif session.status == "complete" and session.payment_status == "paid":
                fields["state"] = RequestState.PAID
                fields["payment_id"] = record.id
        return self.requests.update(request_id, **fields)

    def _session_of(self, request_id: str) -> str | None:
        record = self.requests.get(request_id)
        return record.session_id if record else None

    # --- following requests ---------------------------------------------------------------

    @guard.operation(guard.EXPIRE_PAYMENT_REQUEST)
    def expire(self, staff: StaffMember, request_id: str) -> PaymentRequestView:
        """End an open request now: its link stops taking payments (Stripe's expire). One
        paid meanwhile comes back PAID."""
        with self.guard.run(staff, guard.EXPIRE_PAYMENT_REQUEST, request_id) as audited:
            gateway = self._require_gateway()
            record = self.requests.get(request_id)
            if record is None:
                raise InputError(REQUEST_NOT_FOUND)
            if RequestState(record.state).is_final or not record.session_id:
                raise InputError(REQUEST_NOT_OPEN)
            try:
                session = checkout.expire_session(gateway, record.session_id)
            except GatewayError:
                # Already complete or expired at Stripe: record what it says now.
                session = checkout.retrieve_session(gateway, record.session_id)
            view = view_of(self._record_session(request_id, session))
            audited.done(view.state.value, session_id=record.session_id)
            return view

    @guard.operation(guard.VIEW_PAYMENT_REQUESTS)
    def get(self, staff: StaffMember, request_id: str) -> PaymentRequestView:
        self.guard.check(staff, guard.VIEW_PAYMENT_REQUESTS, request_id)
        record = self.requests.get(request_id)
        if record is None:
            raise InputError(REQUEST_NOT_FOUND)
        return view_of(record)

    @guard.operation(guard.VIEW_PAYMENT_REQUESTS)
    def open_requests(self, staff: StaffMember) -> list[PaymentRequestView]:
        """Requests whose link may still be paid, soonest to expire first."""
        self.guard.check(staff, guard.VIEW_PAYMENT_REQUESTS, None)
        return [view_of(r) for r in self.requests.open_requests()]

    @guard.operation(guard.VIEW_PAYMENT_REQUESTS)
    def customer_requests(self, staff: StaffMember, customer_id: str) -> (
            list[PaymentRequestView]):
        self.guard.check(staff, guard.VIEW_PAYMENT_REQUESTS, customer_id)
        return [view_of(r) for r in self.requests.for_customer(customer_id)]

    def settle(self) -> int:
        """Housekeeping (start-up, settle timer): resend requests whose create lost its
        answer (same key: never a second link), read the sessions of requests past their
        expiry that no event ended, and cancel the failed intents of paid remote
        authentications. Returns how many requests changed."""
        if self.gateway is None:
            return 0
        changed = 0
        now = self._now()
        for record in self.requests.open_requests():
            try:
                if record.state == RequestState.SENDING.value:
                    self._send(record)
                    changed += 1
                elif record.session_id and _utc(record.expires_at) <= now:
                    session = checkout.retrieve_session(self.gateway, record.session_id)
                    before = record.state
                    if self._record_session(record.id, session).state != before:
                        changed += 1
            except Exception:  # one bad request must not block the others
                log.exception("settling payment request %s failed", record.id)
        for record in self.requests.paid_retries_to_cancel():
            try:
                changed += self._cancel_original(record)
            except Exception:
                log.exception("canceling the intent of request %s failed", record.id)
        return changed

    def _cancel_original(self, record: PaymentRequestRecord) -> int:
        """The customer paid the remote authentication: the failed intent must never be
        confirmed too. Cancel it (one already canceled answers as it stands)."""
        assert self.gateway is not None and record.retry_intent_id
        outcome = self.gateway.cancel_payment_intent(record.retry_intent_id)
        if outcome.stripe_status not in ("canceled", "succeeded"):
            return 0  # Stripe could not be asked: next round
        if outcome.stripe_status == "succeeded":
            log.error("payment request %s: the original intent %s succeeded too",
                      record.id, record.retry_intent_id)
        self.requests.update(record.id, retry_canceled_at=self._now())
        return 1

    # --- payment links --------------------------------------------------------------------

    @guard.operation(guard.CREATE_PAYMENT_LINK)
    def create_link(self, staff: StaffMember, name: str, amount: Money) -> PaymentLinkData:
        """A reusable link (and QR code) for a fixed item, e.g. "Deposit" for 50.00."""
        with self.guard.run(staff, guard.CREATE_PAYMENT_LINK, None,
                            {"amount": amount.amount, "currency": amount.currency}) as audited:
            gateway = self._require_gateway()
            name = " ".join((name or "").split())
            if not name:
                raise InputError(LINK_NO_NAME)
            if len(name) > LINK_NAME_LIMIT:
                raise InputError(LINK_NAME_TOO_LONG(limit=LINK_NAME_LIMIT))
            check_chargeable(amount)
            link = checkout.create_link(gateway, name, amount, f"link-{uuid.uuid4()}")
            audited.done("created", target=link.id, amount=amount.amount,
                         currency=amount.currency)
            return link

    @guard.operation(guard.VIEW_PAYMENT_LINKS)
    def links(self, staff: StaffMember) -> list[PaymentLinkData]:
        """The shop's active links, newest first."""
        self.guard.check(staff, guard.VIEW_PAYMENT_LINKS, None)
        return checkout.list_links(self._require_gateway(), active=True)

    @guard.operation(guard.DEACTIVATE_PAYMENT_LINK)
    def deactivate_link(self, staff: StaffMember, link_id: str) -> PaymentLinkData:
        """The link and its printed QR code take no more payments."""
        with self.guard.run(staff, guard.DEACTIVATE_PAYMENT_LINK, link_id) as audited:
            link = checkout.deactivate_link(self._require_gateway(), link_id)
            audited.done("deactivated")
            return link
