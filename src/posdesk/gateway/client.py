"""The one place the app talks to Stripe.

`StripeGateway` wraps a `stripe.StripeClient` with a pinned API version, a configurable base
address (the sandbox in demo mode and tests) and no library retries: the services choose and
persist idempotency keys themselves so a retry after a crash reuses the same key.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import stripe

from posdesk.domain.outcomes import ChargeOutcome, OutcomeKind
from posdesk.gateway.convert import (
    as_dict,
    customer_data,
    outcome_for_intent,
    payment_method_data,
)
from posdesk.gateway.errors import (
    GatewayError,
    gateway_error,
    outcome_for_charge_error,
    outcome_for_read_error,
)
from posdesk.store.customers import CustomerData
from posdesk.store.payment_methods import PaymentMethodData

log = logging.getLogger(__name__)

# The version stripe-python 16.1 was generated against; requests and the objects we read
# are shaped by it, so it changes only together with a reviewed library upgrade.
API_VERSION = "2026-10-28.endive"

DEFAULT_TIMEOUT = 20.0

MESSAGE_KEY_SHAPE = "This is not a Stripe secret or restricted key (sk_ or rk_)."


@dataclass(frozen=True, slots=True)
class KeyCheck:
    ok: bool
    mode: str | None  # "test" / "live" from the key's prefix
    problem: str | None = None  # plain-language, safe to show; None when ok
    kind: OutcomeKind | None = None  # why it failed (configuration problem, unavailable, ...)


def _mode_of(api_key: str) -> str | None:
    for prefix in ("sk_", "rk_"):
        if api_key.startswith(prefix + "test_"):
            return "test"
        if api_key.startswith(prefix + "live_"):
            return "live"
    return None


class StripeGateway:
    def __init__(
        self, api_key: str, api_base: str | None = None, *, timeout: float = DEFAULT_TIMEOUT
    ) -> None:
        api_key = api_key.strip()
        self.mode = _mode_of(api_key)
        self.api_base = api_base.rstrip("/") if api_base else None
        self._client = stripe.StripeClient(
            api_key,
            stripe_version=API_VERSION,
            base_addresses={"api": self.api_base} if self.api_base else None,
            max_network_retries=0,
            http_client=stripe.RequestsClient(timeout=timeout),
        )

    def __repr__(self) -> str:  # never the key
        return f"StripeGateway(mode={self.mode!r}, api_base={self.api_base!r})"

    @property
    def livemode(self) -> bool:
        return self.mode == "live"

    # --- account ----------------------------------------------------------------------------

    def check_key(self) -> KeyCheck:
        """A cheap read that proves the key works (and can read customers)."""
        if self.mode is None:
            return KeyCheck(False, None, MESSAGE_KEY_SHAPE, OutcomeKind.CONFIGURATION_PROBLEM)
        try:
            self._client.v1.customers.list({"limit": 1})
        except stripe.StripeError as exc:
            error = gateway_error(exc, "key check")
            return KeyCheck(False, self.mode, error.message, error.kind)
        return KeyCheck(True, self.mode)

    # --- customers --------------------------------------------------------------------------

    def list_customers_page(
        self, starting_after: str | None = None, limit: int = 100
    ) -> tuple[list[CustomerData], bool]:
        params: dict[str, Any] = {"limit": max(1, min(limit, 100))}
        if starting_after:
            params["starting_after"] = starting_after
        try:
            page = self._client.v1.customers.list(params)
        except stripe.StripeError as exc:
            raise gateway_error(exc, "customer list") from None
        return [customer_data(c) for c in page.data], bool(page.has_more)

    def retrieve_customer(self, customer_id: str) -> CustomerData:
        try:
            customer = self._client.v1.customers.retrieve(customer_id)
        except stripe.StripeError as exc:
            raise gateway_error(exc, "customer lookup") from None
        return customer_data(customer)

    def create_customer(
        self,
        name: str,
        email: str | None,
        phone: str | None,
        idempotency_key: str,
    ) -> CustomerData:
        params: dict[str, Any] = {"name": name}
        if email:
            params["email"] = email
        if phone:
            params["phone"] = phone
        try:
            customer = self._client.v1.customers.create(
                params, {"idempotency_key": idempotency_key}
            )
        except stripe.StripeError as exc:
            raise gateway_error(exc, "customer create") from None
        return customer_data(customer)

    # --- payment methods --------------------------------------------------------------------

    def list_payment_methods(self, customer_id: str) -> list[PaymentMethodData]:
        methods: list[PaymentMethodData] = []
        params: dict[str, Any] = {"customer": customer_id, "type": "card", "limit": 100}
        try:
            while True:
                page = self._client.v1.payment_methods.list(params)
                methods.extend(payment_method_data(pm) for pm in page.data)
                if not page.has_more or not page.data:
                    break
                params["starting_after"] = page.data[-1].id
        except stripe.StripeError as exc:
            raise gateway_error(exc, "payment method list") from None
        return methods

    def detach_payment_method(self, payment_method_id: str, idempotency_key: str) -> None:
        try:
            self._client.v1.payment_methods.detach(
                payment_method_id, None, {"idempotency_key": idempotency_key}
            )
        except stripe.StripeError as exc:
            raise gateway_error(exc, "card detach") from None

    # --- payments ---------------------------------------------------------------------------

    def charge_off_session(
        self,
        *,
        amount: int,
        currency: str,
        customer_id: str,
        payment_method_id: str,
        description: str | None,
        metadata: Mapping[str, str],
        idempotency_key: str,
    ) -> ChargeOutcome:
        """Create and confirm a PaymentIntent for a saved card with the customer absent.

        Calling again with the same key and arguments is safe: Stripe replays the first answer.
        """
        params: dict[str, Any] = {
            "amount": amount,
            "currency": currency.lower(),
            "customer": customer_id,
            "payment_method": payment_method_id,
            "payment_method_types": ["card"],
            "confirm": True,
            "off_session": True,
            "metadata": dict(metadata),
        }
        if description:
            params["description"] = description
        try:
            intent = self._client.v1.payment_intents.create(
                params, {"idempotency_key": idempotency_key}
            )
        except stripe.StripeError as exc:
            return outcome_for_charge_error(exc)
        return outcome_for_intent(intent)

    def retrieve_payment_intent(self, intent_id: str) -> ChargeOutcome:
        try:
            intent = self._client.v1.payment_intents.retrieve(intent_id)
        except stripe.StripeError as exc:
            return outcome_for_read_error(exc)
        return outcome_for_intent(intent)

    def find_payment_intent_by_metadata(
        self,
        customer_id: str,
        key: str,
        value: str,
        created_after: datetime | None = None,
    ) -> ChargeOutcome | None:
        """The customer's intent whose metadata[key] == value, or None if there is none.

        Used to settle a payment whose idempotency key may have been pruned (older than a day).
        Raises GatewayError when Stripe cannot be asked, so "not found" is never a guess.
        """
        params: dict[str, Any] = {"customer": customer_id, "limit": 100}
        if created_after is not None:
            # A minute of slack for clock differences between this machine and Stripe.
            params["created"] = {"gte": int(created_after.timestamp()) - 60}
        try:
            while True:
                page = self._client.v1.payment_intents.list(params)
                for intent in page.data:
                    metadata = as_dict(intent).get("metadata") or {}
                    if metadata.get(key) == value:
                        return outcome_for_intent(intent)
                if not page.has_more or not page.data:
                    return None
                params["starting_after"] = page.data[-1].id
        except stripe.StripeError as exc:
            raise gateway_error(exc, "payment search") from None


__all__ = [
    "API_VERSION",
    "GatewayError",
    "KeyCheck",
    "StripeGateway",
]
