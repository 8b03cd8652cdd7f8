"""The one check of what a payment request carries, before anything is written or sent.

Ids must look like Stripe's (they are stored in 64-character columns and sent in URLs);
a description is free text within Stripe's and our limits, without characters no database
can hold. Every failure is an InputError with a sentence for the screen.
"""

from __future__ import annotations

import re
import unicodedata

from posdesk.services.errors import InputError

DESCRIPTION_LIMIT = 1000
ID_LIMIT = 64

MESSAGE_NO_CUSTOMER = "Choose a customer first."
MESSAGE_NO_CARD = "Choose one of the customer's saved cards."
MESSAGE_BAD_CUSTOMER = "This is not a Stripe customer. Open the customer again from the search."
MESSAGE_BAD_CARD = "This is not one of Stripe's saved cards. Open the customer again."
MESSAGE_DESCRIPTION_TOO_LONG = "The description is too long (at most 1000 characters)."
MESSAGE_DESCRIPTION_CONTROL = (
    "The description contains a control character that cannot be stored. Type it again."
)

_STRIPE_ID = re.compile(r"[A-Za-z0-9_]+")


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
