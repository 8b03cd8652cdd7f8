"""Customers and saved cards as Stripe describes them: what the gateway reads, the event
applier applies and the store caches. Plain data, so the gateway needs no store types."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CustomerData:
    """A customer as Stripe describes it, ready to cache."""

    id: str
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    default_payment_method: str | None = None
    created: int = 0
    deleted: bool = False


@dataclass(frozen=True)
class PaymentMethodData:
    """What Stripe exposes about a saved card; there is deliberately no number or CVC."""

    id: str
    customer_id: str | None
    type: str = "card"
    brand: str | None = None
    last4: str | None = None
    exp_month: int | None = None
    exp_year: int | None = None
    funding: str | None = None
    country: str | None = None
    wallet: str | None = None
    created: int = 0
