"""Exceptions the services raise for the GUI to show; str() is a sentence for the screen."""

from __future__ import annotations

MESSAGE_NOT_CONFIGURED = (
    "PosDesk is not connected to Stripe yet. Ask a manager to enter the keys in the settings."
)


class StripeNotConfigured(Exception):
    """A use case needs Stripe but no key is configured; nothing was changed."""

    def __init__(self, message: str = MESSAGE_NOT_CONFIGURED) -> None:
        super().__init__(message)
        self.message = message


class InputError(ValueError):
    """Input a service refuses before changing anything; the message says what to fix."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
