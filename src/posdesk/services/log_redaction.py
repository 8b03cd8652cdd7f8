"""A logging filter that blanks anything shaped like a Stripe key or secret.

Keys should never reach a log call in the first place; this is the net under that rule, for
messages from libraries (stripe's own error text can echo part of a key) and for mistakes.
"""

from __future__ import annotations

import logging
import re

REDACTED = "[REDACTED]"

# Secret, restricted and publishable keys; webhook signing secrets; intent client secrets.
# Stripe ids are [A-Za-z0-9]; keys are long, so a short tail (e.g. "sk_test_") still matches
# to catch partial echoes like "sk_test_****1234".
SECRET_PATTERN = re.compile(
    r"""
    (?:sk|rk|pk)_(?:test|live)_[A-Za-z0-9_*]*     # API keys (also half-masked ones)
    | whsec_[A-Za-z0-9+/=_]+                      # webhook signing secrets
    | (?:pi|seti)_[A-Za-z0-9]+_secret_[A-Za-z0-9]+  # client secrets of intents
    """,
    re.VERBOSE,
)


def redact(text: str) -> str:
    return SECRET_PATTERN.sub(REDACTED, text)


class RedactingFilter(logging.Filter):
    """Rewrites the record in place so every handler and formatter sees the redacted text."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep what we can, redacted
            message = f"{record.msg!s} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            # Format once, redacted, and drop the live exception so no formatter re-renders it.
            formatter = logging.Formatter()
            record.exc_text = redact(formatter.formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def install_redaction(logger: logging.Logger | None = None) -> RedactingFilter:
    """Attach the filter to a logger and all its current handlers (the root logger by default).

    Filters on a logger do not see records propagated from child loggers, so the handlers get
    it too; handlers added later should be given the returned filter.
    """
    target = logger or logging.getLogger()
    redacting = RedactingFilter()
    target.addFilter(redacting)
    for handler in target.handlers:
        handler.addFilter(redacting)
    return redacting
