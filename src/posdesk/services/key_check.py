"""Checking a Stripe key before it is saved: right shape, then one cheap call with it."""

from __future__ import annotations

from posdesk.domain.outcomes import OutcomeKind
from posdesk.gateway.client import KeyCheck, StripeGateway
from posdesk.services.secret_store import STRIPE_SECRET_KEY, validate_secret

__all__ = ["KeyCheck", "check_secret_key"]


def check_secret_key(
    secret_key: str, api_base: str | None = None, *, timeout: float = 10.0
) -> KeyCheck:
    """KeyCheck(ok, mode, problem): `problem` is a sentence for the screen, never the key.

    Blocks on the network: call it from a worker thread."""
    try:
        key = validate_secret(STRIPE_SECRET_KEY, secret_key)
    except ValueError as exc:
        return KeyCheck(False, None, str(exc), OutcomeKind.CONFIGURATION_PROBLEM)
    return StripeGateway(key, api_base, timeout=timeout).check_key()
