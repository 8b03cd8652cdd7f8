"""Exceptions the services raise for the GUI to show; str() is a sentence for the screen."""

from __future__ import annotations

# Defined in the domain so the store can raise it too; imported from here everywhere above.
from posdesk.domain.input_error import InputError
from posdesk.domain.messages import text

__all__ = ["InputError", "MESSAGE_NOT_CONFIGURED", "StripeNotConfigured"]

MESSAGE_NOT_CONFIGURED = text(
    "stripe.not_configured",
    "PosDesk is not connected to Stripe yet. Ask a manager to enter the keys in the settings.",
)


class StripeNotConfigured(Exception):
    """A use case needs Stripe but no key is configured; nothing was changed."""

    def __init__(self, message: str = MESSAGE_NOT_CONFIGURED) -> None:
        super().__init__(message)
        self.message = message
