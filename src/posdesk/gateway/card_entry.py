"""Stripe calls for taking a card with the customer present (the checkout web view).

The intents created here are confirmed by Stripe.js in the page, never by the app; the app
only creates them, adjusts them before confirmation and reads back what Stripe says. A
client secret lets a page confirm one intent: it travels in a `ClientSecret`, whose repr and
str never show it, so a log line or an exception message cannot leak it by accident.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import stripe

from posdesk.domain.outcomes import ChargeOutcome
from posdesk.gateway.client import CARD_ONLY, StripeGateway, intent_params
from posdesk.gateway.convert import as_dict
from posdesk.gateway.errors import GatewayError

log = logging.getLogger(__name__)


class ClientSecret:
    """An intent's client secret. `reveal()` is the only way to the value: it goes to the
    bridge of the checkout page and nowhere else (not the DB, not a log)."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if "_secret_" not in value:
            raise ValueError("not an intent client secret")
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "ClientSecret([REDACTED])"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ClientSecret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True)
class OpenIntent:
    """An intent the page can confirm: its id, status and the secret for Stripe.js."""

    id: str
    status: str
    client_secret: ClientSecret
    payment_method: str | None = None  # the card the intent will be confirmed with, if any
    customer: str | None = None


@dataclass(frozen=True)
class IntentState:
    """What Stripe says about a payment intent after the page is done."""

    outcome: ChargeOutcome
    payment_method: str | None
    customer: str | None
    setup_future_usage: str | None
    metadata: dict[str, str]


@dataclass(frozen=True)
class SetupState:
    """What Stripe says about a setup intent."""

    id: str
    status: str
    payment_method: str | None
    customer: str | None
    error_code: str | None = None
    decline_code: str | None = None

    @property
    def succeeded(self) -> bool:
        return self.status == "succeeded"


def _id_of(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("id")
    return value if isinstance(value, str) else None


def _open_intent(obj: stripe.StripeObject | dict[str, Any]) -> OpenIntent:
    data = as_dict(obj)
    error = data.get("last_payment_error") or data.get("last_setup_error") or {}
    method = _id_of(data.get("payment_method")) or _id_of(error.get("payment_method"))
    return OpenIntent(
        id=data["id"],
        status=data.get("status") or "",
        client_secret=ClientSecret(data["client_secret"]),
        payment_method=method,
        customer=_id_of(data.get("customer")),
    )


class CardEntryGateway:
    """Intent calls for the checkout page. Every request goes through `StripeGateway`: one
    client, API version and retry policy, and one place where Stripe's errors are mapped."""

    def __init__(self, gateway: StripeGateway) -> None:
        self.gateway = gateway

    @property
    def livemode(self) -> bool:
        return self.gateway.livemode

    # --- payment intents ----------------------------------------------------------------------

    def create_payment_intent(
        self,
        *,
        amount: int,
        currency: str,
        customer_id: str,
        description: str | None,
        metadata: Mapping[str, str],
        idempotency_key: str,
        authorise_only: bool = False,
    ) -> OpenIntent:
        """An unconfirmed card PaymentIntent for the page to confirm. Moves no money by
        itself; the key still makes a retry after a lost answer return the same intent.
        `authorise_only`: `capture_method=manual`, so the page's confirmation only holds
        the amount (the intent stops at `requires_capture`). Raises GatewayError (safe
        message)."""
        options: stripe.params.PaymentIntentCreateParams = (
            {"capture_method": "manual"} if authorise_only else {})
        params = intent_params(
            amount=amount, currency=currency, customer_id=customer_id, metadata=metadata,
            description=description, **options,
        )
        intent = self.gateway.request(
            "payment intent create",
            lambda v1: v1.payment_intents.create(params, {"idempotency_key": idempotency_key}),
        )
        return _open_intent(intent)

    def set_save_card(self, intent_id: str, save: bool) -> None:
        """Set (customer consented) or clear `setup_future_usage=off_session` before the
        page confirms. Raises GatewayError."""
        self.gateway.request(
            "payment intent update",
            lambda v1: v1.payment_intents.update(
                intent_id, {"setup_future_usage": "off_session" if save else ""}
            ),
        )

    def open_payment_intent(self, intent_id: str) -> OpenIntent:
        """An existing intent with its client secret (to finish it on-session). Raises
        GatewayError."""
        intent = self.gateway.request(
            "payment intent lookup", lambda v1: v1.payment_intents.retrieve(intent_id)
        )
        return _open_intent(intent)

    def payment_intent_state(self, intent_id: str) -> IntentState:
        """The intent as Stripe has it now. A failed read comes back as a retryable outcome."""
        data, outcome = self.gateway.payment_intent_data(intent_id)
        if data is None:
            return IntentState(outcome, None, None, None, {})
        error = data.get("last_payment_error") or {}
        return IntentState(
            outcome=outcome,
            payment_method=_id_of(data.get("payment_method"))
            or _id_of(error.get("payment_method")),
            customer=_id_of(data.get("customer")),
            setup_future_usage=data.get("setup_future_usage"),
            metadata=dict(data.get("metadata") or {}),
        )

    def cancel_payment_intent(self, intent_id: str) -> ChargeOutcome:
        """Cancel an intent the customer walked away from, so no page can confirm it later.
        An intent that already succeeded (or is canceled) is answered as it stands."""
        return self.gateway.cancel_payment_intent(intent_id)

    # --- setup intents --------------------------------------------------------------------------

    def create_setup_intent(
        self, *, customer_id: str, metadata: Mapping[str, str], idempotency_key: str
    ) -> OpenIntent:
        """A SetupIntent to save a card for later off-session charges. Raises GatewayError."""
        params: dict[str, Any] = {
            "customer": customer_id,
            "usage": "off_session",
            "allowed_payment_method_types": list(CARD_ONLY),
            "metadata": dict(metadata),
        }
        intent = self.gateway.request(
            "setup intent create",
            lambda v1: v1.setup_intents.create(params, {"idempotency_key": idempotency_key}),
        )
        return _open_intent(intent)

    def setup_intent_state(self, setup_intent_id: str) -> SetupState:
        """The setup intent as Stripe has it now. Raises GatewayError."""
        intent = self.gateway.request(
            "setup intent lookup", lambda v1: v1.setup_intents.retrieve(setup_intent_id)
        )
        data = as_dict(intent)
        error = data.get("last_setup_error") or {}
        return SetupState(
            id=data["id"],
            status=data.get("status") or "",
            payment_method=_id_of(data.get("payment_method")),
            customer=_id_of(data.get("customer")),
            error_code=error.get("code"),
            decline_code=error.get("decline_code"),
        )

    def cancel_setup_intent(self, setup_intent_id: str) -> None:
        """Best effort: an abandoned setup intent cannot be confirmed later."""
        try:
            self.gateway.request(
                "setup intent cancel", lambda v1: v1.setup_intents.cancel(setup_intent_id)
            )
        except GatewayError as exc:
            log.info("setup intent cancel not done: %s", exc.kind.value)


__all__ = [
    "CardEntryGateway",
    "ClientSecret",
    "IntentState",
    "OpenIntent",
    "SetupState",
]
