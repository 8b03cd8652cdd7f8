"""The one check of what a cashier types about a customer, before anything is written or sent.

A new customer's name, email and phone must fit their columns (and Stripe's limits), hold
no character a database cannot keep or a screen cannot show on one line, and look roughly
like what they are. Search text is capped rather than refused: a type-ahead answers every
keystroke. Every refusal is an InputError with a sentence for the screen.
"""

from __future__ import annotations

import re
import unicodedata

from posdesk.domain.messages import message, text
from posdesk.domain.search_folding import fold_for_search
from posdesk.services.errors import InputError

NAME_LIMIT = 256  # the name column, and Stripe's own limit
# The longest address mail can be delivered to (RFC 5321 allows a 256-octet path, brackets
# included); Stripe and our column would take longer ones, no mailbox would.
EMAIL_LIMIT = 254
PHONE_LIMIT = 40
PHONE_DIGITS = (3, 20)  # E.164 numbers have at most 15 digits; room for an extension
# Search text beyond this is cut. It covers a whole name (256) and any deliverable email
# address (254), so an exact match of a whole field is never cut; only pasted text is that
# long. Cutting keeps every match of the full text among the results (each matches its
# start), where sending it all once made SQLite refuse the pattern as too complex.
SEARCH_TEXT_LIMIT = 256

MESSAGE_NAME_REQUIRED = text("customer.name_required", "Enter the customer's name.")
MESSAGE_NAME_TOO_LONG = message(
    "customer.name_too_long", "The name is too long (at most {limit} characters)."
)(limit=NAME_LIMIT)
MESSAGE_NAME_CONTROL = text(
    "customer.name_control",
    "The name contains a control character or a line break. Type it again on one line.",
)
MESSAGE_BAD_EMAIL = text(
    "customer.bad_email",
    "This email address does not look right. Check it or leave it empty.",
)
MESSAGE_BAD_PHONE = text(
    "customer.bad_phone",
    "This phone number does not look right. Use digits, spaces, + and -.",
)

# Loosely an address: something, one @, a domain with a dot; no spaces, no second @.
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
_PHONE = re.compile(r"\+?[0-9 ().\-/]+")
# Control characters, lone surrogates, line and paragraph separators: no database keeps the
# first two everywhere, and none belongs on one line of a form.
_UNSTORABLE = frozenset({"Cc", "Cs", "Zl", "Zp"})


def _has_unstorable(value: str) -> bool:
    return any(unicodedata.category(ch) in _UNSTORABLE for ch in value)


def _trimmed(value: str | None) -> str:
    return value.strip() if isinstance(value, str) else ""


def name(value: str | None) -> str:
    """The name as typed, trimmed; required."""
    value = _trimmed(value)
    if len(value) > NAME_LIMIT:
        raise InputError(MESSAGE_NAME_TOO_LONG)
    if _has_unstorable(value):
        raise InputError(MESSAGE_NAME_CONTROL)
    if not fold_for_search(value):  # empty, or only invisible marks (a zero-width space)
        raise InputError(MESSAGE_NAME_REQUIRED)
    return value


def email(value: str | None) -> str | None:
    """The address as typed, trimmed, or None when left empty."""
    value = _trimmed(value)
    if not value:
        return None
    if len(value) > EMAIL_LIMIT or _has_unstorable(value) or not _EMAIL.fullmatch(value):
        raise InputError(MESSAGE_BAD_EMAIL)
    return value


def phone(value: str | None) -> str | None:
    """The number with full-width or other-script digits and look-alike dashes made plain
    ('０３‐１２３４' -> '03-1234'), or None when left empty."""
    value = _trimmed(value)
    if not value:
        return None
    if _has_unstorable(value):
        raise InputError(MESSAGE_BAD_PHONE)
    # Folding for search lower-cases too, which changes nothing a valid number holds.
    plain = fold_for_search(value)
    digits = sum(ch.isdigit() for ch in plain)
    if (
        len(plain) > PHONE_LIMIT
        or not _PHONE.fullmatch(plain)
        or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]
    ):
        raise InputError(MESSAGE_BAD_PHONE)
    return plain


def search_text(value: str | None) -> str:
    """What to search for: any text is accepted, cut at SEARCH_TEXT_LIMIT characters."""
    return value[:SEARCH_TEXT_LIMIT] if isinstance(value, str) else ""
