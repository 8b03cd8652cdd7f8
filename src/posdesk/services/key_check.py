"""Checking a Stripe key before it is saved: right shape, then one cheap call with it.

The answer is worded for the manager at the settings screen, not for a cashier at a charge:
"Stripe can't be reached" is not "the key was rejected", and nothing here says "charged".
"""

from __future__ import annotations

from dataclasses import replace

from posdesk.domain.messages import text
from posdesk.domain.outcomes import REASON_CONFIG_PERMISSION, OutcomeKind
from posdesk.gateway.client import KeyCheck, StripeGateway
from posdesk.services.secret_store import STRIPE_SECRET_KEY, validate_secret

__all__ = ["KeyCheck", "check_secret_key"]

MESSAGE_KEY_REJECTED = text(
    "key_check.rejected",
    "Stripe did not accept this key. Copy it again from the Stripe Dashboard, or create a "
    "new restricted key there. Nothing was saved.",
)
MESSAGE_KEY_NOT_ALLOWED = text(
    "key_check.not_allowed",
    "Stripe accepted this key, but it may not read customers. Give the restricted key access "
    "to Customers in the Stripe Dashboard. Nothing was saved.",
)
MESSAGE_UNREACHABLE = text(
    "key_check.unreachable",
    "The key could not be checked because Stripe can't be reached. Nothing was saved. Check "
    "the internet connection and try again.",
)
MESSAGE_BUSY = text(
    "key_check.busy",
    "The key could not be checked because Stripe is busy. Nothing was saved. Try again in a "
    "minute.",
)
MESSAGE_CHECK_FAILED = text(
    "key_check.failed",
    "The key could not be checked: Stripe refused the request. Nothing was saved. Try again; "
    "if it keeps happening, the details are in the log.",
)


def _problem(check: KeyCheck) -> str:
    if check.kind is OutcomeKind.CONFIGURATION_PROBLEM:
        if (check.problem or "").startswith(REASON_CONFIG_PERMISSION):
            return MESSAGE_KEY_NOT_ALLOWED
        return MESSAGE_KEY_REJECTED
    if check.kind is OutcomeKind.UNAVAILABLE:
        return MESSAGE_UNREACHABLE
    if check.kind is OutcomeKind.RATE_LIMITED:
        return MESSAGE_BUSY
    return MESSAGE_CHECK_FAILED


def check_secret_key(
    secret_key: str, api_base: str | None = None, *, timeout: float = 10.0
) -> KeyCheck:
    """KeyCheck(ok, mode, problem, kind): `problem` is a sentence for the settings screen,
    never the key; `kind` tells a rejected key (CONFIGURATION_PROBLEM) from an unreachable
    Stripe (UNAVAILABLE) or a busy one (RATE_LIMITED).

    Blocks on the network: call it from a worker thread."""
    try:
        key = validate_secret(STRIPE_SECRET_KEY, secret_key)
    except ValueError as exc:
        return KeyCheck(False, None, str(exc), OutcomeKind.CONFIGURATION_PROBLEM)
    check = StripeGateway(key, api_base, timeout=timeout).check_key()
    if check.ok:
        return check
    return replace(check, problem=_problem(check))
