"""The one check of what a payment request carries, before anything is written or sent.

Ids must look like Stripe's (they are stored in 64-character columns and sent in URLs);
a description is free text within Stripe's and our limits, without characters no database
can hold. Every failure is an InputError with a sentence for the screen.
"""

from __future__ import annotations

import re
import unicodedata

from posdesk.domain.messages import message, text
from posdesk.domain.money import (
    AMOUNT_NEGATIVE,
    AMOUNT_ZERO,
    MAX_AMOUNT,
    MAXIMUM_CHARGE,
    MINIMUM_CHARGE,
    THREE_DECIMAL_CURRENCIES,
    AmountError,
    Money,
    UnknownCurrency,
    check_currency,
    format_money,
    minimum_charge,
)
from posdesk.services.errors import InputError

DESCRIPTION_LIMIT = 1000
ID_LIMIT = 64

MESSAGE_NO_CUSTOMER = text("payment.no_customer", "Choose a customer first.")
MESSAGE_NO_CARD = text("payment.no_card", "Choose one of the customer's saved cards.")
MESSAGE_BAD_CUSTOMER = text(
    "payment.bad_customer",
    "This is not a Stripe customer. Open the customer again from the search.",
)
MESSAGE_BAD_CARD = text(
    "payment.bad_card", "This is not one of Stripe's saved cards. Open the customer again."
)
MESSAGE_DESCRIPTION_TOO_LONG = message(
    "payment.description_too_long",
    "The description is too long (at most {limit} characters).",
)(limit=DESCRIPTION_LIMIT)
MESSAGE_DESCRIPTION_CONTROL = text(
    "payment.description_control",
    "The description contains a control character that cannot be stored. Type it again.",
)
# Checking a typed amount shares the domain's sentences; this one has no example to give.
MESSAGE_AMOUNT_THIRD_DECIMAL = message(
    "amount.third_decimal", "{currency} amounts must end in 0 in the third decimal place."
)

_STRIPE_ID = re.compile(r"[A-Za-z0-9_]+")


def check_chargeable(amount: Money) -> None:
    """AmountError (with a sentence for the screen) unless Stripe would accept the amount."""
    try:
        code = check_currency(amount.currency)
    except UnknownCurrency as exc:  # a made-up code must never reach Stripe
        raise AmountError(exc.message) from None
    if amount.amount == 0:
        raise AmountError(AMOUNT_ZERO)
    if amount.amount < 0:
        raise AmountError(AMOUNT_NEGATIVE)
    if code in THREE_DECIMAL_CURRENCIES and amount.amount % 10:
        raise AmountError(MESSAGE_AMOUNT_THIRD_DECIMAL(currency=code))
    minimum = minimum_charge(code)
    if amount.amount < minimum.amount:
        raise AmountError(MINIMUM_CHARGE(currency=code, amount=format_money(minimum)))
    if amount.amount > MAX_AMOUNT:
        raise AmountError(
            MAXIMUM_CHARGE(currency=code, amount=format_money(Money(MAX_AMOUNT, code)))
        )


def _stripe_id(value: str, missing: str, bad: str) -> str:
    value = (value or "").strip()
    if not value:
        raise InputError(missing)
    if len(value) > ID_LIMIT or not _STRIPE_ID.fullmatch(value):
        raise InputError(bad)
    return value


def customer_id(value: str) -> str:
    return _stripe_id(value, MESSAGE_NO_CUSTOMER, MESSAGE_BAD_CUSTOMER)


def payment_method_id(value: str) -> str:
    return _stripe_id(value, MESSAGE_NO_CARD, MESSAGE_BAD_CARD)


def description(value: str) -> str:
    """Trimmed; line breaks and tabs allowed, other control characters (NUL) refused."""
    value = (value or "").strip()
    if len(value) > DESCRIPTION_LIMIT:
        raise InputError(MESSAGE_DESCRIPTION_TOO_LONG)
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in value):
        raise InputError(MESSAGE_DESCRIPTION_CONTROL)
    return value
