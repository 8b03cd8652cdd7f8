"""The one exception for input refused before anything changed.

It lives in the domain so that every layer can raise it: the services check what people
type, and the store turns a value the database itself refuses into the same error (a last
resort, for whatever the checks above it missed). `posdesk.services.errors` re-exports it.
"""

from __future__ import annotations


class InputError(ValueError):
    """Input refused before anything changed; the message says what to fix.

    Raise it with a `Text` (domain/messages.py) so the screen can say it in the UI language;
    a plain str still shows, but only in English."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
