"""Reading Stripe for the sync layer: pages of events, single objects for re-reads, and the
list endpoints for a full reconcile. Everything comes back as plain dicts; no stripe object
leaves this module.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import stripe

from posdesk.gateway.client import API_VERSION, DEFAULT_TIMEOUT
from posdesk.gateway.convert import as_dict
from posdesk.gateway.errors import GatewayError, gateway_error

log = logging.getLogger(__name__)

PAGE_LIMIT = 100


class EventCursorUnknown(Exception):
    """Stripe no longer knows the event the poller stopped at (older than 30 days, or the
    account changed): catch up through the list endpoints instead."""


@dataclass(frozen=True, slots=True)
class EventPage:
    events: list[dict[str, Any]]  # newest first, as Stripe lists them
    has_more: bool


class StripeEventSource:
    """Stripe reads for the poller and the applier (``fetch`` is its ObjectFetcher)."""

    def __init__(
        self, api_key: str, api_base: str | None = None, *, timeout: float = DEFAULT_TIMEOUT
    ) -> None:
        self.api_base = api_base.rstrip("/") if api_base else None
        self._client = stripe.StripeClient(
            api_key.strip(),
            stripe_version=API_VERSION,
            base_addresses={"api": self.api_base} if self.api_base else None,
            max_network_retries=0,
            http_client=stripe.RequestsClient(timeout=timeout),
        )

    def __repr__(self) -> str:  # never the key
        return f"StripeEventSource(api_base={self.api_base!r})"

    # --- events -------------------------------------------------------------------------------

    def events_after(self, event_id: str, limit: int = PAGE_LIMIT) -> EventPage:
        """The events right after ``event_id`` (up to ``limit``), newest first; ``has_more``
        says whether even newer ones exist."""
        params: dict[str, Any] = {"limit": limit, "ending_before": event_id}
        try:
            page = self._client.v1.events.list(params)
        except stripe.InvalidRequestError as exc:
            if exc.http_status == 404 or getattr(exc, "code", None) == "resource_missing":
                raise EventCursorUnknown(event_id) from None
            raise gateway_error(exc, "event list") from None
        except stripe.StripeError as exc:
            raise gateway_error(exc, "event list") from None
        return EventPage([as_dict(e) for e in page.data], bool(page.has_more))

    def newest_event(self) -> dict[str, Any] | None:
        try:
            page = self._client.v1.events.list({"limit": 1})
        except stripe.StripeError as exc:
            raise gateway_error(exc, "event list") from None
        return as_dict(page.data[0]) if page.data else None

    # --- single objects -----------------------------------------------------------------------

    def fetch(self, object_type: str, object_id: str) -> dict[str, Any] | None:
        """The object as Stripe has it now; None if Stripe says it does not exist."""
        services = {
            "payment_intent": self._client.v1.payment_intents,
            "setup_intent": self._client.v1.setup_intents,
            "customer": self._client.v1.customers,
            "payment_method": self._client.v1.payment_methods,
            "refund": self._client.v1.refunds,
            "charge": self._client.v1.charges,
        }
        service = services.get(object_type)
        if service is None:
            raise ValueError(f"cannot read objects of type {object_type!r}")
        try:
            obj = service.retrieve(object_id)  # type: ignore[attr-defined]
        except stripe.InvalidRequestError as exc:
            if exc.http_status == 404:
                return None
            raise gateway_error(exc, f"{object_type} lookup") from None
        except stripe.StripeError as exc:
            raise gateway_error(exc, f"{object_type} lookup") from None
        return as_dict(obj)

    # --- lists for a full reconcile -----------------------------------------------------------

    def iter_objects(self, object_type: str, **params: Any) -> Iterator[dict[str, Any]]:
        """Every object of a list endpoint (customers, payment_intents, refunds, events,
        payment_methods with ``customer=``), newest first, page by page."""
        services = {
            "customer": self._client.v1.customers,
            "payment_intent": self._client.v1.payment_intents,
            "refund": self._client.v1.refunds,
            "payment_method": self._client.v1.payment_methods,
            "event": self._client.v1.events,
        }
        service = services.get(object_type)
        if service is None:
            raise ValueError(f"cannot list objects of type {object_type!r}")
        query: dict[str, Any] = {"limit": PAGE_LIMIT, **params}
        while True:
            try:
                page = service.list(query)  # type: ignore[attr-defined]
            except stripe.StripeError as exc:
                raise gateway_error(exc, f"{object_type} list") from None
            for obj in page.data:
                yield as_dict(obj)
            if not page.has_more or not page.data:
                return
            query["starting_after"] = page.data[-1].id


__all__ = ["EventCursorUnknown", "EventPage", "GatewayError", "StripeEventSource"]
