"""Checkout Sessions and Payment Links: the Stripe-hosted page a customer pays on away from
the counter. Typed against stripe-python's `stripe.params.checkout.SessionCreateParams` and
`PaymentLinkCreateParams` for the pinned version (endive).

Creating a session moves no money (the customer pays on Stripe's page), but it still goes
with an idempotency key the caller persisted first, so a retry after a lost answer finds the
same session instead of making a second link. Every request here is a plain read or write
through `StripeGateway.request` (Stripe's errors become GatewayError).

Parameters, checked against Stripe's API reference for sessions and links:
- `mode=payment` with one line item made from `price_data` (no Price object to manage);
- cards only with `allowed_payment_method_types` (endive removed `payment_method_types`
  from Checkout Session create; PaymentIntents make the same choice in gateway/client.py);
- `payment_intent_data[metadata]` carries our ids to the PaymentIntent the session makes,
  which is how the event applier links the payment to the request;
- `payment_intent_data[setup_future_usage]=off_session` with a `customer` saves the card to
  that customer once paid (Checkout tells the customer so on the page);
- `expires_at`: 30 minutes to 24 hours ahead (Stripe's bounds).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import stripe

from posdesk.domain.money import Money
from posdesk.domain.payment_requests import (
    METADATA_LINK_AMOUNT,
    METADATA_LINK_NAME,
    CheckoutSessionData,
    PaymentLinkData,
)
from posdesk.gateway.client import CARD_ONLY, StripeGateway
from posdesk.gateway.convert import as_dict

PAGE = 100


def session_data(obj: stripe.StripeObject | dict[str, Any]) -> CheckoutSessionData:
    data = as_dict(obj)
    intent = data.get("payment_intent")
    return CheckoutSessionData(
        id=str(data["id"]),
        url=data.get("url"),
        status=str(data.get("status") or ""),
        payment_status=str(data.get("payment_status") or ""),
        payment_intent=intent.get("id") if isinstance(intent, dict) else intent,
        customer=data.get("customer") if isinstance(data.get("customer"), str) else None,
        expires_at=int(data.get("expires_at") or 0),
        amount_total=int(data.get("amount_total") or 0),
        currency=str(data.get("currency") or "").upper(),
        metadata={str(k): str(v) for k, v in (data.get("metadata") or {}).items()},
    )


def link_data(obj: stripe.StripeObject | dict[str, Any]) -> PaymentLinkData:
    data = as_dict(obj)
    metadata = data.get("metadata") or {}
    amount: Money | None = None
    raw = str(metadata.get(METADATA_LINK_AMOUNT) or "")
    value, _, currency = raw.partition(" ")
    if value.isdigit() and len(currency) == 3:
        amount = Money(int(value), currency.upper())
    return PaymentLinkData(
        id=str(data["id"]), url=str(data.get("url") or ""), active=bool(data.get("active")),
        name=str(metadata.get(METADATA_LINK_NAME) or data["id"]), amount=amount)


def session_params(
    *,
    amount: Money,
    description: str,
    customer_id: str | None,
    expires_at: datetime,
    metadata: Mapping[str, str],
    save_card: bool,
) -> stripe.params.checkout.SessionCreateParams:
    """The create parameters of a request's session, rebuilt from the stored request
    alone: a retry with the same key must send exactly the same."""
    intent_data: stripe.params.checkout.SessionCreateParamsPaymentIntentData = {
        "description": description,
        "metadata": dict(metadata),
    }
    params: stripe.params.checkout.SessionCreateParams = {
        "mode": "payment",
        "line_items": [{
            "price_data": {
                "currency": amount.currency.lower(),
                "unit_amount": amount.amount,
                "product_data": {"name": description},
            },
            "quantity": 1,
        }],
        "allowed_payment_method_types": list(CARD_ONLY),
        "expires_at": int(expires_at.timestamp()),
        "metadata": dict(metadata),
    }
    if customer_id:
        params["customer"] = customer_id
        if save_card:
            intent_data["setup_future_usage"] = "off_session"
    params["payment_intent_data"] = intent_data
    return params


def create_session(
    gateway: StripeGateway,
    params: stripe.params.checkout.SessionCreateParams,
    idempotency_key: str,
) -> CheckoutSessionData:
    session = gateway.request(
        "checkout session",
        lambda v1: v1.checkout.sessions.create(params, {"idempotency_key": idempotency_key}))
    return session_data(session)


def retrieve_session(gateway: StripeGateway, session_id: str) -> CheckoutSessionData:
    return session_data(gateway.request(
        "checkout session", lambda v1: v1.checkout.sessions.retrieve(session_id)))


def expire_session(gateway: StripeGateway, session_id: str) -> CheckoutSessionData:
    """End an open session now: its link stops working (an open intent of it is canceled)."""
    return session_data(gateway.request(
        "expire checkout session", lambda v1: v1.checkout.sessions.expire(session_id)))


def find_session(
    gateway: StripeGateway, key: str, value: str, created_after: datetime
) -> CheckoutSessionData | None:
    """The session whose metadata[key] == value (a create whose answer was lost), or None.
    Raises GatewayError when Stripe cannot be asked."""
    params: stripe.params.checkout.SessionListParams = {
        "limit": PAGE, "created": {"gte": int(created_after.timestamp()) - 60}}
    while True:
        page = gateway.request("checkout session search",
                               lambda v1: v1.checkout.sessions.list(params))
        for session in page.data:
            found = session_data(session)
            if found.metadata.get(key) == value:
                return found
        if not page.has_more or not page.data:
            return None
        params["starting_after"] = page.data[-1].id


def create_link(
    gateway: StripeGateway, name: str, amount: Money, idempotency_key: str
) -> PaymentLinkData:
    """A reusable link for one fixed item (a deposit); Stripe's own confirmation page."""
    params: stripe.params.PaymentLinkCreateParams = {
        "line_items": [{
            "price_data": {
                "currency": amount.currency.lower(),
                "unit_amount": amount.amount,
                "product_data": {"name": name},
            },
            "quantity": 1,
        }],
        "after_completion": {"type": "hosted_confirmation"},
        "payment_intent_data": {"description": name},
        "metadata": {METADATA_LINK_NAME: name,
                     METADATA_LINK_AMOUNT: f"{amount.amount} {amount.currency}"},
    }
    link = gateway.request(
        "payment link",
        lambda v1: v1.payment_links.create(params, {"idempotency_key": idempotency_key}))
    return link_data(link)


def list_links(gateway: StripeGateway, *, active: bool | None = True) -> list[PaymentLinkData]:
    params: stripe.params.PaymentLinkListParams = {"limit": PAGE}
    if active is not None:
        params["active"] = active
    found: list[PaymentLinkData] = []
    while True:
        page = gateway.request("payment links", lambda v1: v1.payment_links.list(params))
        found += [link_data(link) for link in page.data]
        if not page.has_more or not page.data:
            return found
        params["starting_after"] = page.data[-1].id


def deactivate_link(gateway: StripeGateway, link_id: str) -> PaymentLinkData:
    """A deactivated link (and its QR code) takes no more payments."""
    params: stripe.params.PaymentLinkUpdateParams = {"active": False}
    return link_data(gateway.request(
        "deactivate payment link", lambda v1: v1.payment_links.update(link_id, params)))
