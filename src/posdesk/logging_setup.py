"""Logging for the app and the relay: every handler passes through the redaction filter."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from posdesk.services.log_redaction import RedactingFilter

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(
    log_file: Path | None, *, to_stderr: bool = True, debug: bool = False
) -> None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    # stripe-python logs every request at INFO; that belongs in a debug session only.
    logging.getLogger("stripe").setLevel(logging.DEBUG if debug else logging.WARNING)
    redact = RedactingFilter()
    handlers: list[logging.Handler] = []
    if log_file is not None:
        handlers.append(
            logging.handlers.RotatingFileHandler(
                log_file, maxBytes=5_000_000, backupCount=3, encoding="utf-8"
            )
        )
    if to_stderr:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        # On the handler, not the logger: filters on a logger miss records from child loggers.
        handler.addFilter(redact)
        root.addHandler(handler)
