"""Customer use cases: type-ahead lookup, refreshing the cache, creating a customer, the
customer page with saved cards, and detaching a card.

Every method is synchronous and may block on the network or the database: the GUI calls
them from worker threads.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from posdesk.domain.messages import text
from posdesk.domain.roles import StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.errors import GatewayError
from posdesk.services import customer_input, guard, payment_input
from posdesk.services.errors import InputError, StripeNotConfigured
from posdesk.store.audit import AuditLog
from posdesk.store.customers import CustomerData, CustomerRepository
from posdesk.store.database import Store
from posdesk.store.models import CustomerRecord, PaymentMethodRecord, PaymentRecord
from posdesk.store.payment_methods import PaymentMethodRepository
from posdesk.store.payments import PaymentRepository

log = logging.getLogger(__name__)

RECENT_PAYMENTS = 20
PAGE_SIZE = 100

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
        self, store: Store, gateway: StripeGateway | None, *, terminal_id: str | None = None
    ) -> None:
        self.store = store
        self.gateway = gateway
        self.customers = CustomerRepository(store, terminal_id=terminal_id)
        self.methods = PaymentMethodRepository(store, terminal_id=terminal_id)
        self.payments = PaymentRepository(store)
        self.audit = AuditLog(store, terminal_id)
        self.guard = guard.Guard(self.audit)
        self.page_size = PAGE_SIZE

    def _require_gateway(self) -> StripeGateway:
        if self.gateway is None:
            raise StripeNotConfigured()
        return self.gateway

    # --- lookup -----------------------------------------------------------------------------

    def search(self, text: str, limit: int = 20) -> list[CustomerRecord]:
        """Type-ahead over the local cache only: fast, works offline. Any text gets an
        answer (pasted text is cut, see customer_input.SEARCH_TEXT_LIMIT)."""
        return self.customers.search(customer_input.search_text(text), limit)

    def refresh_from_stripe(
        self,
        progress: Callable[[int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> int:
        """Page through every Stripe customer into the cache; returns how many were stored.

        Raises GatewayError (safe message) when Stripe cannot be read; pages stored before
        the failure stay stored.
        """
        gateway = self._require_gateway()
        stored = 0
        cursor: str | None = None
        while True:
            if should_stop is not None and should_stop():
                break
            page, has_more = gateway.list_customers_page(cursor, self.page_size)
            if page:
                stored += self.customers.upsert_many(page)
                cursor = page[-1].id
            if progress is not None:
                progress(stored)
            if not has_more or not page:
                break
        log.info("customer cache refreshed: %d customers", stored)
        return stored

    # --- create -----------------------------------------------------------------------------

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

    def customer_page(
        self, customer_id: str, *, today: date | None = None, from_stripe: bool = True
    ) -> CustomerPage:
        """The customer with saved cards and recent payments. With Stripe configured the cards
        are read fresh; if that fails the cached cards are shown with the reason. With
        from_stripe=False only the store is read: a screen following the change feed reloads
        what another writer just committed there."""
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

    def detach_card(self, staff: StaffMember, customer_id: str, payment_method_id: str) -> None:
        """Remove a saved card from the customer at Stripe and from the cache (audited)."""
        with self.guard.run(staff, guard.DETACH_CARD, payment_method_id) as audited:
            customer_id, payment_method_id, gateway = self._card_of_customer(
                customer_id, payment_method_id, audited
            )
            gateway.detach_payment_method(payment_method_id, idempotency_key=str(uuid.uuid4()))
            self.methods.remove(payment_method_id)
            audited.done("succeeded")

    # --- default card -----------------------------------------------------------------------

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
