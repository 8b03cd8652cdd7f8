"""Customer use cases: type-ahead lookup, refreshing the cache, creating a customer, the
customer page with saved cards, and detaching a card.

Every method is synchronous and may block on the network or the database: the GUI calls
them from worker threads.

Filling the cache (`refresh_from_stripe`, at start-up and on F5)
----------------------------------------------------------------
The first import pages through every customer, newest first, and records after each stored
page where it stands (store/customer_import.py): the last customer stored, and the `created`
of the newest customer Stripe listed when the import began (the high-water mark). A quit or
crash resumes after the last stored page. Once the list is exhausted the import is complete,
and later launches ask Stripe only for `created[gte]=<high-water mark>` (usually one short
page), then raise the mark.

Why that is enough, and what catches what it cannot see:
- New customers: Stripe's `created` comes from Stripe's own clock and lists are ordered by
  it, so every customer the import did not list was created at or after the high-water
  mark. `gte`, not `gt`: a customer created in the same second as the mark but after the
  import read it would be missed by `gt` (the repeats of that second are upserted again,
  which changes nothing).
- Updates and deletions of customers already cached are not in that list. They arrive as
  `customer.updated` / `customer.deleted` events through the sync poller and its applier,
  which run on the store's syncing terminal whenever the app runs. That holds only while the
  poller's event stream has no gap: Stripe lists events for 30 days, and the poller keeps its
  cursor (with the event's `created`) in the store. So the catch-up is used only while that
  cursor exists and is younger than the retention; otherwise (the poller never caught up, or
  the app was closed longer than Stripe keeps events) this imports everything again.
  Changes made to already-stored pages while an import ran, or while it was paused, are
  covered the same way: either by events after the poller's cursor, or, when the poller had
  no usable cursor, by the poller's own full reconcile, and by the next launch re-importing.
- A changed key mode (test/live) or an explicit full refresh (`full=True`) imports afresh.
- Left to the poller: an import stores what Stripe lists and never marks a cached customer
  deleted because it is missing from the list; the poller's full reconcile does that (as the
  full refresh before this one never did). Another account's key of the same mode is not
  told apart from the first account's (the key's mode is, and starts a new import).
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from posdesk.domain.messages import text
from posdesk.domain.roles import StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.errors import GatewayError
from posdesk.services import customer_input, guard, payment_input
from posdesk.services.approval import Approvals
from posdesk.services.errors import InputError, StripeNotConfigured
from posdesk.services.staff import Approval
from posdesk.store.audit import AuditLog
from posdesk.store.customer_import import (
    COMPLETE,
    IMPORTING,
    POLLER_NO_EVENTS_YET,
    ImportProgress,
    ImportState,
)
from posdesk.store.customers import CustomerData, CustomerRepository
from posdesk.store.database import Store
from posdesk.store.maintenance import GrowthWatch
from posdesk.store.models import CustomerRecord, PaymentMethodRecord, PaymentRecord
from posdesk.store.payment_methods import PaymentMethodRepository
from posdesk.store.payments import PaymentRepository

log = logging.getLogger(__name__)

RECENT_PAYMENTS = 20
PAGE_SIZE = 100
# How long Stripe lists events: an event cursor older than this may have missed changes.
EVENT_RETENTION_S = 30 * 86400

MESSAGE_UNKNOWN_CUSTOMER = text("customer.unknown", "This customer is not known. Search again.")
MESSAGE_CARD_NOT_OF_CUSTOMER = text(
    "customer.card_not_of_customer",
    "This card is not saved for this customer. Open the customer again.",
)


@dataclass(frozen=True, slots=True)
class CardSummary:
    id: str
    brand: str | None
    last4: str | None
    exp_month: int | None
    exp_year: int | None
    expired: bool
    expires_soon: bool  # expires at the end of this month or next month
    is_default: bool
    wallet: str | None

    @property
    def expiry(self) -> str:
        """MM/YY, or empty when Stripe gave none."""
        if not self.exp_month or not self.exp_year:
            return ""
        return f"{self.exp_month:02d}/{self.exp_year % 100:02d}"


@dataclass(frozen=True, slots=True)
class CustomerPage:
    customer: CustomerRecord
    cards: list[CardSummary]
    recent_payments: list[PaymentRecord]
    # True when the cards were just read from Stripe; False when shown from the cache.
    cards_fresh: bool
    # Why the cards could not be refreshed (safe to show), or None.
    problem: str | None = None


def card_summary(
    method: PaymentMethodRecord, default_id: str | None, today: date
) -> CardSummary:
    expired = expires_soon = False
    if method.exp_month and method.exp_year:
        expiry = method.exp_year * 12 + (method.exp_month - 1)
        now = today.year * 12 + (today.month - 1)
        expired = expiry < now  # a card is valid through the end of its expiry month
        expires_soon = not expired and expiry <= now + 1
    return CardSummary(
        id=method.id,
        brand=method.brand,
        last4=method.last4,
        exp_month=method.exp_month,
        exp_year=method.exp_year,
        expired=expired,
        expires_soon=expires_soon,
        is_default=method.id == default_id,
        wallet=method.wallet,
    )


class CustomerService:
    def __init__(
        self,
        store: Store,
        gateway: StripeGateway | None,
        *,
        terminal_id: str | None = None,
        approvals: Approvals | None = None,
    ) -> None:
        self.store = store
        self.gateway = gateway
        self.customers = CustomerRepository(store, terminal_id=terminal_id)
        # An import grows the customer tables by the page: statistics kept up as it goes.
        self.growth = GrowthWatch(store)
        self.methods = PaymentMethodRepository(store, terminal_id=terminal_id)
        self.payments = PaymentRepository(store)
        self.audit = AuditLog(store, terminal_id)
        self.guard = guard.Guard(self.audit)
        self.approvals = approvals or Approvals.of_store(store, terminal_id)
        self.page_size = PAGE_SIZE
        self.import_progress = ImportProgress(store)
        self.clock: Callable[[], float] = time.time

    def _require_gateway(self) -> StripeGateway:
        if self.gateway is None:
            raise StripeNotConfigured()
        return self.gateway

    # --- lookup -----------------------------------------------------------------------------

    @guard.operation(guard.SEARCH_CUSTOMERS)
    def search(self, staff: StaffMember, text: str, limit: int = 20) -> list[CustomerRecord]:
        """Type-ahead over the local cache only: fast, works offline. Any text gets an
        answer (pasted text is cut, see customer_input.SEARCH_TEXT_LIMIT). PermissionDenied
        (audited) for a role that may not see customers; an allowed search is not audited."""
        self.guard.check(staff, guard.SEARCH_CUSTOMERS, None)
        return self.customers.search(customer_input.search_text(text), limit)

    def refresh_from_stripe(
        self,
        progress: Callable[[int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
        *,
        full: bool = False,
    ) -> int:
        """Bring the customer cache up to date with Stripe; returns how many customers this
        call stored. First time (or `full`, or when events cannot be trusted to have covered
        the time since, see the module docstring): a full import that resumes where a
        previous one stopped. Afterwards: only customers created since the last import.

        `progress` gets the count stored so far (a resumed import counts on from before).
        Raises GatewayError (safe message) when Stripe cannot be read; pages stored before
        the failure stay stored and the import resumes after them.
        """
        gateway = self._require_gateway()
        if should_stop is not None and should_stop():
            return 0
        state = self.import_progress.load()
        if full or state is None or state.mode != gateway.mode:
            state = self._new_import(gateway)
        elif state.phase == COMPLETE:
            why = self._catch_up_unsafe(state)
            if why is None:
                return self._catch_up(gateway, state, progress, should_stop)
            log.info("customer cache: importing everything again (%s)", why)
            state = self._new_import(gateway)
        else:
            log.info("customer cache: resuming the import after %d customers", state.count)
        return self._import(gateway, state, progress, should_stop)

    def _new_import(self, gateway: StripeGateway) -> ImportState:
        state = ImportState(
            phase=IMPORTING, started_at=int(self.clock()), high_water=None, mode=gateway.mode
        )
        self.import_progress.save(state)
        return state

    def _catch_up_unsafe(self, state: ImportState) -> str | None:
        """Why changes since the import may be missing from the cache, or None."""
        cursor, created = self.import_progress.poller_cursor()
        if cursor is None or created is None:
            return "the event poller has not caught up yet"
        if cursor != POLLER_NO_EVENTS_YET and created < self.clock() - EVENT_RETENTION_S:
            return "the event poller's cursor is older than Stripe keeps events"
        return None

    def _import(
        self,
        gateway: StripeGateway,
        state: ImportState,
        progress: Callable[[int], None] | None,
        should_stop: Callable[[], bool] | None,
    ) -> int:
        stored = 0
        for page, has_more in self._pages(gateway, self._resume_query(gateway, state)):
            if page:
                # The newest customer when the import began: what the catch-up starts from.
                high_water = state.high_water if state.high_water is not None else page[0].created
                self.customers.upsert_many(page)
                self.growth.wrote()
                stored += len(page)
                state = replace(
                    state, high_water=high_water, cursor=page[-1].id,
                    cursor_created=page[-1].created, count=state.count + len(page),
                )
            if not has_more:
                state = replace(
                    state, phase=COMPLETE, cursor=None, cursor_created=None,
                    completed_at=int(self.clock()),
                )
            self.import_progress.save(state)
            if progress is not None:
                progress(state.count)
            if not has_more or (should_stop is not None and should_stop()):
                break
        if state.phase == COMPLETE:
            log.info("customer import complete: %d customers", state.count)
        else:
            log.info("customer import paused after %d customers", state.count)
        return stored

    def _resume_query(self, gateway: StripeGateway, state: ImportState) -> dict[str, Any]:
        if state.cursor is None:
            return {}
        # Stripe pages on from an object it still lists; if the last stored customer was
        # deleted meanwhile, continue by its `created` instead (repeats of that second are
        # upserted again, harmlessly).
        try:
            still_listed = not gateway.retrieve_customer(state.cursor).deleted
        except GatewayError as exc:
            if exc.code != "resource_missing":
                raise
            still_listed = False
        if still_listed:
            return {"starting_after": state.cursor}
        return {"created_lte": state.cursor_created}

    def _catch_up(
        self,
        gateway: StripeGateway,
        state: ImportState,
        progress: Callable[[int], None] | None,
        should_stop: Callable[[], bool] | None,
    ) -> int:
        high_water = state.high_water or 0
        newest = high_water
        stored = 0
        finished = False
        for page, has_more in self._pages(gateway, {"created_gte": high_water}):
            if page:
                newest = max(newest, page[0].created)
                self.customers.upsert_many(page)
                self.growth.wrote()
                stored += len(page)
            if progress is not None:
                progress(stored)
            if not has_more:
                finished = True
                break
            if should_stop is not None and should_stop():
                break
        # Raised only when every page since the old mark is stored: a stopped catch-up
        # starts again from the old mark.
        if finished and newest != high_water:
            self.import_progress.save(replace(state, high_water=newest))
        log.info("customer cache caught up: %d new customers", stored)
        return stored

    def _pages(
        self, gateway: StripeGateway, query: dict[str, Any]
    ) -> Iterator[tuple[list[CustomerData], bool]]:
        """Customer pages for `query`, newest first, with whether more follow. The next page
        is read from Stripe while the caller stores this one (the network and the database
        overlap); a caller that stops early leaves at most one read unused."""
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="customer-pages")

        def fetch(**params: Any) -> tuple[list[CustomerData], bool]:
            return gateway.list_customers(limit=self.page_size, **params)

        try:
            pending: Future[tuple[list[CustomerData], bool]] | None = pool.submit(
                fetch, **query)
            while pending is not None:
                page, has_more = pending.result()
                has_more = has_more and bool(page)
                pending = None
                if has_more:
                    pending = pool.submit(fetch, **{**query, "starting_after": page[-1].id})
                yield page, has_more
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    # --- create -----------------------------------------------------------------------------

    @guard.operation(guard.CREATE_CUSTOMER)
    def create_customer(
        self, staff: StaffMember, name: str, email: str | None = None, phone: str | None = None
    ) -> CustomerRecord:
        """Create the customer in Stripe and cache it. InputError for bad input (nothing
        sent), GatewayError when Stripe refused or could not be reached."""
        with self.guard.run(staff, guard.CREATE_CUSTOMER, None) as audited:
            clean_name = customer_input.name(name)
            clean_email = customer_input.email(email)
            clean_phone = customer_input.phone(phone)
            gateway = self._require_gateway()
            created = gateway.create_customer(
                clean_name, clean_email, clean_phone, idempotency_key=str(uuid.uuid4())
            )
            self.customers.upsert(created)
            audited.done("succeeded", target=created.id,
                         name=clean_name, email=clean_email, phone=clean_phone)
        record = self.customers.get(created.id)
        assert record is not None
        return record

    # --- customer page ----------------------------------------------------------------------

    @guard.operation(guard.VIEW_CUSTOMER)
    def customer_page(
        self,
        staff: StaffMember,
        customer_id: str,
        *,
        today: date | None = None,
        from_stripe: bool = True,
    ) -> CustomerPage:
        """The customer with saved cards and recent payments. With Stripe configured the cards
        are read fresh; if that fails the cached cards are shown with the reason. With
        from_stripe=False only the store is read: a screen following the change feed reloads
        what another writer just committed there. PermissionDenied (audited) for a role that
        may not see customers; an allowed read is not audited."""
        self.guard.check(staff, guard.VIEW_CUSTOMER, customer_id or None)
        customer_id = payment_input.customer_id(customer_id)  # it goes into Stripe's URL
        today = today or date.today()
        problem: str | None = None
        fresh = False
        if self.gateway is not None and from_stripe:
            try:
                self._refresh_customer(self.gateway, customer_id)
                fresh = True
            except GatewayError as exc:
                problem = exc.message
        customer = self.customers.get(customer_id)
        if customer is None:
            raise InputError(problem or MESSAGE_UNKNOWN_CUSTOMER)
        cards = [
            card_summary(method, customer.default_payment_method, today)
            for method in self.methods.list_for_customer(customer_id)
        ]
        recent = self.payments.list_for_customer(customer_id, RECENT_PAYMENTS)
        return CustomerPage(customer, cards, recent, fresh, problem)

    def _refresh_customer(self, gateway: StripeGateway, customer_id: str) -> None:
        customer: CustomerData = gateway.retrieve_customer(customer_id)
        methods = gateway.list_payment_methods(customer_id)
        if customer.deleted:
            self.customers.mark_deleted(customer_id)
        else:
            self.customers.upsert(customer)
        self.methods.replace_for_customer(customer_id, methods)

    # --- detach -----------------------------------------------------------------------------

    @guard.operation(guard.DETACH_CARD)
    def detach_card(
        self,
        staff: StaffMember,
        customer_id: str,
        payment_method_id: str,
        approval: Approval | None = None,
    ) -> None:
        """Remove a saved card from the customer at Stripe and from the cache (audited).
        While the shop asks for it, only with a manager's `approval` (ApprovalRequired,
        audited, nothing sent)."""
        with self.guard.run(staff, guard.DETACH_CARD, payment_method_id) as audited:
            customer_id, payment_method_id, gateway = self._card_of_customer(
                customer_id, payment_method_id, audited
            )
            audited.details.update(self.approvals.check(
                self.guard, staff, guard.DETACH_CARD, payment_method_id, approval,
                details={"customer_id": customer_id}))
            gateway.detach_payment_method(payment_method_id, idempotency_key=str(uuid.uuid4()))
            self.methods.remove(payment_method_id)
            audited.done("succeeded")

    # --- default card -----------------------------------------------------------------------

    @guard.operation(guard.SET_DEFAULT_CARD)
    def set_default_card(
        self, staff: StaffMember, customer_id: str, payment_method_id: str
    ) -> None:
        """Make a saved card the customer's default at Stripe and in the cache (audited)."""
        with self.guard.run(staff, guard.SET_DEFAULT_CARD, payment_method_id) as audited:
            customer_id, payment_method_id, gateway = self._card_of_customer(
                customer_id, payment_method_id, audited
            )
            customer = self.customers.get(customer_id)
            # What it was, so the log tells how to put it back.
            audited.details["previous_default"] = (
                customer.default_payment_method if customer else None
            )
            updated = gateway.set_default_payment_method(
                customer_id, payment_method_id, idempotency_key=str(uuid.uuid4())
            )
            # Stripe's answer is the customer as it now stands: caching it whole keeps the
            # default in step, and the write records the change other terminals are told of.
            self.customers.upsert(updated)
            audited.done("succeeded")

    def _card_of_customer(
        self, customer_id: str, payment_method_id: str, audited: guard.Audited
    ) -> tuple[str, str, StripeGateway]:
        """The checked ids (both go into Stripe's URLs) and the gateway, for an operation on
        one of the customer's saved cards; the card as cached goes into its audit row."""
        customer_id = payment_input.customer_id(customer_id)
        payment_method_id = payment_input.payment_method_id(payment_method_id)
        cached = self.methods.get(payment_method_id)
        if cached is not None and cached.customer_id != customer_id:
            raise InputError(MESSAGE_CARD_NOT_OF_CUSTOMER)
        gateway = self._require_gateway()
        audited.details.update(
            customer_id=customer_id,
            brand=cached.brand if cached else None,
            last4=cached.last4 if cached else None,
        )
        return customer_id, payment_method_id, gateway
