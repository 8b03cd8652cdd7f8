"""Stripe objects to the app's own types: store dataclasses and charge outcomes."""

from __future__ import annotations

from typing import Any

import stripe

from posdesk.domain.outcomes import (
    NEXT_STEP_NEW_PAYMENT,
    REASON_CANCELED,
    REASON_STILL_OPEN,
    ChargeOutcome,
    OutcomeKind,
    decline_wording,
)
from posdesk.domain.stripe_objects import CustomerData, PaymentMethodData


def as_dict(obj: stripe.StripeObject | dict[str, Any]) -> dict[str, Any]:
    return obj.to_dict() if isinstance(obj, stripe.StripeObject) else dict(obj)


def _id_of(value: Any) -> str | None:
    """An id whether Stripe sent it bare or expanded into an object."""
    if isinstance(value, dict):
        return value.get("id")
    return value if isinstance(value, str) else None


def customer_data(obj: stripe.StripeObject | dict[str, Any]) -> CustomerData:
    data = as_dict(obj)
    invoice_settings = data.get("invoice_settings") or {}
    return CustomerData(
        id=data["id"],
        name=data.get("name"),
        email=data.get("email"),
        phone=data.get("phone"),
        default_payment_method=_id_of(invoice_settings.get("default_payment_method")),
        created=int(data.get("created") or 0),
        deleted=bool(data.get("deleted", False)),
    )


def payment_method_data(obj: stripe.StripeObject | dict[str, Any]) -> PaymentMethodData:
    # Only what Stripe exposes about a card; the number and CVC never exist here.
    data = as_dict(obj)
    card = data.get("card") or {}
    wallet = card.get("wallet") or {}
    return PaymentMethodData(
        id=data["id"],
        customer_id=_id_of(data.get("customer")),
        type=data.get("type") or "card",
        brand=card.get("brand"),
        last4=card.get("last4"),
        exp_month=card.get("exp_month"),
        exp_year=card.get("exp_year"),
        funding=card.get("funding"),
        country=card.get("country"),
        wallet=wallet.get("type") if isinstance(wallet, dict) else None,
        created=int(data.get("created") or 0),
    )


def outcome_for_intent(obj: stripe.StripeObject | dict[str, Any]) -> ChargeOutcome:
    """What a PaymentIntent's current status means for the shop."""
    intent = as_dict(obj)
    status = intent.get("status")
    common: dict[str, Any] = {
        "intent_id": intent.get("id"),
        "stripe_status": status,
        "amount_received": int(intent.get("amount_received") or 0),
        "livemode": bool(intent.get("livemode", False)),
    }
    error = intent.get("last_payment_error") or {}
    code = error.get("code")
    decline_code = error.get("decline_code")
    if status == "succeeded":
        return ChargeOutcome.of(OutcomeKind.SUCCEEDED, **common)
    if status == "processing":
        return ChargeOutcome.of(OutcomeKind.PROCESSING, **common)
    if status == "requires_capture":
        return ChargeOutcome.of(OutcomeKind.REQUIRES_CAPTURE, **common)
    if status == "canceled":
        # Before the authentication check: a canceled intent can no longer be authenticated,
        # whatever its last error was (a remote authentication paid another way).
        return ChargeOutcome.of(
            OutcomeKind.DECLINED, reason=REASON_CANCELED, next_step=NEXT_STEP_NEW_PAYMENT,
            code=code, decline_code=decline_code, **common,
        )
    if status == "requires_action" or "authentication_required" in (code, decline_code):
        return ChargeOutcome.of(
            OutcomeKind.AUTHENTICATION_REQUIRED, code=code, decline_code=decline_code, **common
        )
    if code or decline_code:
        wording = decline_wording(code, decline_code)
        return ChargeOutcome.of(
            OutcomeKind.DECLINED, reason=wording.reason, next_step=wording.next_step,
            code=code, decline_code=decline_code, **common,
        )
    # requires_payment_method / requires_confirmation without an error: never completed.
    return ChargeOutcome.of(
        OutcomeKind.DECLINED, reason=REASON_STILL_OPEN, next_step=NEXT_STEP_NEW_PAYMENT, **common
    )
