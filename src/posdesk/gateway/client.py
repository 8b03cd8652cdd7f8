"""The one place the app talks to Stripe.

`StripeGateway` wraps a `stripe.StripeClient` with a pinned API version, a configurable base
address (the sandbox in demo mode and tests) and no library retries: the services choose and
persist idempotency keys themselves so a retry after a crash reuses the same key.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import stripe

from posdesk.domain.messages import text
from posdesk.domain.outcomes import ChargeOutcome, OutcomeKind
from posdesk.domain.refunds import RefundAnswer, RefundAnswerKind
from posdesk.domain.stripe_objects import CustomerData, PaymentMethodData
from posdesk.gateway.convert import (
    as_dict,
    customer_data,
    outcome_for_intent,
    payment_method_data,
)
from posdesk.gateway.errors import (
    GatewayError,
    IntentAnswer,
    answer_for_intent_error,
    answer_for_refund_error,
    gateway_error,
    outcome_for_charge_error,
    outcome_for_read_error,
)

log = logging.getLogger(__name__)

# The version stripe-python 16.1 was generated against; requests and the objects we read
# are shaped by it, so it changes only together with a reviewed library upgrade.
API_VERSION = "2026-10-28.endive"

DEFAULT_TIMEOUT = 20.0

MESSAGE_KEY_SHAPE = text(
    "gateway.key_shape", "This is not a Stripe secret or restricted key (sk_ or rk_)."
)

T = TypeVar("T")

# What every intent PosDesk creates may be paid with. Sent as `allowed_payment_method_types`
# (added 2026-07-29): dynamic payment methods would take the set from the Dashboard, where
# a redirect-based method would make server-side confirmation ask for a return_url.
CARD_ONLY: tuple[str, ...] = ("card",)


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


def intent_params(
    *,
    amount: int,
    currency: str,
    customer_id: str,
    metadata: Mapping[str, str],
    description: str | None,
    payment_method_id: str | None = None,
    **options: Any,
) -> dict[str, Any]:
    """The parameters of a card PaymentIntent create; `options` for how it is confirmed
    (confirm, off_session, a CVC token). A retry must rebuild them exactly, or Stripe
    answers the reused idempotency key with an error."""
    params: dict[str, Any] = {
        "amount": amount,
        "currency": currency.lower(),
        "customer": customer_id,
    }
    if payment_method_id:
        params["payment_method"] = payment_method_id
    # Cards only, and no redirect-based method can sneak in: the pinned version (endive)
    # refuses `payment_method_types` on intents; `allowed_payment_method_types` replaces it.
    params["allowed_payment_method_types"] = list(CARD_ONLY)
    params.update(options)
    params["metadata"] = dict(metadata)
    if description:
        params["description"] = description
    return params


class StripeGateway:
    def __init__(
        self, api_key: str, api_base: str | None = None, *, timeout: float = DEFAULT_TIMEOUT
    ) -> None:
        api_key = api_key.strip()
        self.mode = _mode_of(api_key)
        self.api_base = api_base.rstrip("/") if api_base else None
        self._timeout = timeout
        self._api_key = api_key
        self._client_lock = threading.Lock()
        self._built: stripe.StripeClient | None = None

    @property
    def _client(self) -> stripe.StripeClient:
        """Built at first use (a request, off the GUI thread): building it loads stripe's
        HTTP stack, which start-up need not wait for."""
        with self._client_lock:
            if self._built is None:
                self._built = stripe.StripeClient(
                    self._api_key,
                    stripe_version=API_VERSION,
                    base_addresses={"api": self.api_base} if self.api_base else None,
                    max_network_retries=0,
                    http_client=stripe.RequestsClient(timeout=self._timeout),
                )
            return self._built

    def __repr__(self) -> str:  # never the key
        return f"StripeGateway(mode={self.mode!r}, api_base={self.api_base!r})"

    @property
    def livemode(self) -> bool:
        return self.mode == "live"

    # --- requests: where Stripe's errors are mapped ---------------------------------------------

    def request(self, what: str, call: Callable[[Any], T]) -> T:
        """Run a request that moves no money. `call` gets the client's v1 services (same API
        version, timeout, no library retries for the whole app); a Stripe error becomes a
        GatewayError with a safe message, `what` names the call in the log."""
        try:
            return call(self._client.v1)
        except stripe.StripeError as exc:
            raise gateway_error(exc, what) from None

    def create_confirmed_intent(
        self, params: Mapping[str, Any], idempotency_key: str
    ) -> ChargeOutcome:
        """Create and confirm a PaymentIntent: money may move. A lost answer comes back
        UNCONFIRMED, to be settled with the same key, never sent afresh."""
        try:
            intent = self._client.v1.payment_intents.create(
                dict(params), {"idempotency_key": idempotency_key}
            )
        except stripe.StripeError as exc:
            return outcome_for_charge_error(exc)
        return outcome_for_intent(intent)

    def payment_intent_data(
        self, intent_id: str
    ) -> tuple[dict[str, Any] | None, ChargeOutcome]:
        """The intent as Stripe has it now and its outcome; (None, a retryable outcome)
        when it cannot be read."""
        try:
            intent = self._client.v1.payment_intents.retrieve(intent_id)
        except stripe.StripeError as exc:
            return None, outcome_for_read_error(exc)
        data = as_dict(intent)
        return data, outcome_for_intent(data)

    # --- account ----------------------------------------------------------------------------

    def check_key(self) -> KeyCheck:
        """A cheap read that proves the key works (and can read customers)."""
        if self.mode is None:
            return KeyCheck(False, None, MESSAGE_KEY_SHAPE, OutcomeKind.CONFIGURATION_PROBLEM)
        try:
            self.request("key check", lambda v1: v1.customers.list({"limit": 1}))
        except GatewayError as error:
            return KeyCheck(False, self.mode, error.message, error.kind)
        return KeyCheck(True, self.mode)

    # --- customers --------------------------------------------------------------------------

    def list_customers_page(
        self, starting_after: str | None = None, limit: int = 100
    ) -> tuple[list[CustomerData], bool]:
        params: dict[str, Any] = {"limit": max(1, min(limit, 100))}
        if starting_after:
            params["starting_after"] = starting_after
        page = self.request("customer list", lambda v1: v1.customers.list(params))
        return [customer_data(c) for c in page.data], bool(page.has_more)

    def list_customers(
        self,
        *,
        starting_after: str | None = None,
        created_gte: int | None = None,
        created_lte: int | None = None,
        limit: int = 100,
    ) -> tuple[list[CustomerData], bool]:
        """One page of customers, newest first, optionally only those created in a window
        (`created[gte]` / `created[lte]`, Stripe's seconds): the customer import resumes and
        catches up with it. Returns the page and whether older ones follow."""
        params: dict[str, Any] = {"limit": max(1, min(limit, 100))}
        if starting_after:
            params["starting_after"] = starting_after
        created: dict[str, int] = {}
        if created_gte is not None:
            created["gte"] = int(created_gte)
        if created_lte is not None:
            created["lte"] = int(created_lte)
        if created:
            params["created"] = created
        page = self.request("customer list", lambda v1: v1.customers.list(params))
        return [customer_data(c) for c in page.data], bool(page.has_more)

    def retrieve_customer(self, customer_id: str) -> CustomerData:
        customer = self.request(
            "customer lookup", lambda v1: v1.customers.retrieve(customer_id)
        )
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
        customer = self.request(
            "customer create",
            lambda v1: v1.customers.create(params, {"idempotency_key": idempotency_key}),
        )
        return customer_data(customer)

    def set_default_payment_method(
        self, customer_id: str, payment_method_id: str, idempotency_key: str
    ) -> CustomerData:
        """Make a card already saved on the customer their default; returns the customer as
        Stripe now has it. Stripe refuses a card that is not attached to this customer."""
        # invoice_settings is where Stripe keeps the default card of a customer (the legacy
        # `default_source` is for Sources and Cards, not PaymentMethods).
        params: dict[str, Any] = {
            "invoice_settings": {"default_payment_method": payment_method_id}
        }
        customer = self.request(
            "customer default card",
            lambda v1: v1.customers.update(
                customer_id, params, {"idempotency_key": idempotency_key}
            ),
        )
        return customer_data(customer)

    # --- payment methods --------------------------------------------------------------------

    def list_payment_methods(self, customer_id: str) -> list[PaymentMethodData]:
        methods: list[PaymentMethodData] = []
        params: dict[str, Any] = {"customer": customer_id, "type": "card", "limit": 100}
        while True:
            page = self.request(
                "payment method list", lambda v1: v1.payment_methods.list(params)
            )
            methods.extend(payment_method_data(pm) for pm in page.data)
            if not page.has_more or not page.data:
                return methods
            params["starting_after"] = page.data[-1].id

    def detach_payment_method(self, payment_method_id: str, idempotency_key: str) -> None:
        self.request(
            "card detach",
            lambda v1: v1.payment_methods.detach(
                payment_method_id, None, {"idempotency_key": idempotency_key}
            ),
        )

    # --- payments ---------------------------------------------------------------------------

    def charge_saved_card(
        self,
        *,
        amount: int,
        currency: str,
        customer_id: str,
        payment_method_id: str,
        description: str | None,
        metadata: Mapping[str, str],
        idempotency_key: str,
        cvc_token: str | None = None,
        authorise_only: bool = False,
    ) -> ChargeOutcome:
        """Create and confirm a PaymentIntent for a saved card.

        `authorise_only`: `capture_method=manual`, the amount is held on the card (the intent
        stops at `requires_capture`) until `capture_payment_intent` or
        `release_payment_intent`.

        Without `cvc_token` the customer is absent (`off_session`). With a freshly collected
        CVC (`cvc_update` token) the customer is present, so the confirmation is on-session: a
        bank that wants 3D Secure answers `requires_action`, finished in the page on the same
        intent. Calling again with the same key and arguments is safe: Stripe replays the
        first answer.
        """
        confirmation: dict[str, Any] = (
            {"payment_method_options": {"card": {"cvc_token": cvc_token}}}
            if cvc_token
            else {"off_session": True}
        )
        if authorise_only:
            capture: stripe.params.PaymentIntentCreateParams = {"capture_method": "manual"}
            confirmation.update(capture)
        params = intent_params(
            amount=amount, currency=currency, customer_id=customer_id,
            payment_method_id=payment_method_id, metadata=metadata, description=description,
            confirm=True, **confirmation,
        )
        return self.create_confirmed_intent(params, idempotency_key)

    def retrieve_payment_intent(self, intent_id: str) -> ChargeOutcome:
        return self.payment_intent_data(intent_id)[1]

    def set_receipt_email(self, intent_id: str, email: str) -> None:
        """Set the payment's `receipt_email`: Stripe emails its own receipt of a payment
        that went through to that address (each time it is set). Moves no money."""
        # PaymentIntentUpdateParams: what StripeClient's payment_intents.update takes (the
        # same fields as the resource-style PaymentIntentModifyParams).
        params: stripe.params.PaymentIntentUpdateParams = {"receipt_email": email}
        self.request("payment receipt email",
                     lambda v1: v1.payment_intents.update(intent_id, params))

    def cancel_payment_intent(self, intent_id: str) -> ChargeOutcome:
        """Cancel an intent nobody is to confirm any more. One that already succeeded (or is
        canceled) is answered as it stands."""
        try:
            intent = self._client.v1.payment_intents.cancel(intent_id)
        except stripe.InvalidRequestError as exc:
            if exc.code == "payment_intent_unexpected_state":
                return self.retrieve_payment_intent(intent_id)
            return outcome_for_read_error(exc)
        except stripe.StripeError as exc:
            return outcome_for_read_error(exc)
        return outcome_for_intent(intent)

    # --- authorisations: capture later, or release -------------------------------------------

    def capture_payment_intent(
        self, intent_id: str, *, amount_to_capture: int | None, idempotency_key: str
    ) -> IntentAnswer:
        """Capture an authorisation (`requires_capture`): all of it, or `amount_to_capture`
        (Stripe releases the rest). Money moves: a lost answer comes back `lost`, to be
        settled by reading the intent or resending with the same key."""
        params: stripe.params.PaymentIntentCaptureParams = {}
        if amount_to_capture is not None:
            params["amount_to_capture"] = amount_to_capture
        return self._intent_post(
            "capture",
            lambda v1: v1.payment_intents.capture(
                intent_id, params, {"idempotency_key": idempotency_key}))

    def release_payment_intent(
        self, intent_id: str, *, reason: str, idempotency_key: str
    ) -> IntentAnswer:
        """Release an authorisation: cancel its intent with a `cancellation_reason`
        (duplicate, fraudulent, requested_by_customer or abandoned); nothing is taken."""
        params: stripe.params.PaymentIntentCancelParams = {"cancellation_reason": reason}
        return self._intent_post(
            "release",
            lambda v1: v1.payment_intents.cancel(
                intent_id, params, {"idempotency_key": idempotency_key}))

    def authorisation_of(self, intent_id: str) -> dict[str, Any]:
        """The intent with its latest charge expanded: the charge's
        `payment_method_details.card.capture_before` says when its authorisation lapses."""
        params: stripe.params.PaymentIntentRetrieveParams = {"expand": ["latest_charge"]}
        intent = self.request("authorisation",
                              lambda v1: v1.payment_intents.retrieve(intent_id, params))
        return as_dict(intent)

    def _intent_post(self, what: str, call: Callable[[Any], Any]) -> IntentAnswer:
        try:
            return IntentAnswer(as_dict(call(self._client.v1)))
        except stripe.StripeError as exc:
            return answer_for_intent_error(exc, what)

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
        while True:
            page = self.request("payment search", lambda v1: v1.payment_intents.list(params))
            for intent in page.data:
                metadata = as_dict(intent).get("metadata") or {}
                if metadata.get(key) == value:
                    return outcome_for_intent(intent)
            if not page.has_more or not page.data:
                return None
            params["starting_after"] = page.data[-1].id

    # --- refunds ----------------------------------------------------------------------------

    def create_refund(
        self,
        *,
        payment_intent_id: str,
        amount: int,
        reason: str | None,
        metadata: Mapping[str, str],
        idempotency_key: str,
    ) -> RefundAnswer:
        """Refund `amount` of a PaymentIntent: money moves. Calling again with the same key
        and arguments is safe (Stripe replays its first answer); a lost answer comes back
        UNCONFIRMED, to be settled with the same key, never sent afresh."""
        params: stripe.params.RefundCreateParams = {
            "payment_intent": payment_intent_id,
            "amount": amount,
            "metadata": dict(metadata),
        }
        if reason:
            params["reason"] = reason
        try:
            refund = self._client.v1.refunds.create(params, {"idempotency_key": idempotency_key})
        except stripe.StripeError as exc:
            return answer_for_refund_error(exc)
        return refund_answer(refund)

    def retrieve_refund(self, refund_id: str) -> RefundAnswer:
        """The refund as Stripe has it now. Raises GatewayError when it cannot be read."""
        refund = self.request("refund lookup", lambda v1: v1.refunds.retrieve(refund_id))
        return refund_answer(refund)

    def find_refund_by_metadata(
        self, payment_intent_id: str, key: str, value: str
    ) -> RefundAnswer | None:
        """The intent's refund whose metadata[key] == value, or None if it has none (a list
        read, not a search: it holds every refund as soon as it is made). Raises
        GatewayError when Stripe cannot be asked, so "not found" is never a guess."""
        params: stripe.params.RefundListParams = {
            "payment_intent": payment_intent_id, "limit": 100,
        }
        while True:
            page = self.request("refund search", lambda v1: v1.refunds.list(params))
            for refund in page.data:
                if (as_dict(refund).get("metadata") or {}).get(key) == value:
                    return refund_answer(refund)
            if not page.has_more or not page.data:
                return None
            params["starting_after"] = page.data[-1].id


def refund_answer(refund: Any) -> RefundAnswer:
    data = as_dict(refund)
    return RefundAnswer(
        RefundAnswerKind.MADE,
        refund_id=str(data.get("id") or ""),
        status=str(data.get("status") or "pending"),
        amount=int(data.get("amount") or 0),
        currency=str(data.get("currency") or "").upper(),
        created=int(data.get("created") or 0),
    )


__all__ = [
    "API_VERSION",
    "GatewayError",
    "KeyCheck",
    "StripeGateway",
    "intent_params",
]
