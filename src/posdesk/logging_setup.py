"""Logging for the app and the relay: every handler passes through the redaction filter.

The log file gets everything at INFO (DEBUG with --debug). The console is for the person who
started PosDesk: PosDesk's own INFO lines, and only warnings and errors from libraries
(Alembic announces every migration step at INFO, which belongs in the file)."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path
from typing import IO

from posdesk.services.log_redaction import RedactingFilter

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_FILE_MODE = 0o600
LOG_MAX_BYTES = 5_000_000
LOG_BACKUPS = 3


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file readable by the user only. Logs name customers and payments, so
    each file (the first and every one started by rotation) is created 0600 whatever the
    umask, and a file an older version left readable by others is narrowed when opened."""

    def _open(self) -> IO[str]:
        # O_BINARY (Windows): the text layer of fdopen translates newlines, the C runtime must not.
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
        fd = os.open(self.baseFilename, flags, LOG_FILE_MODE)
        if os.name != "nt":  # POSIX modes; on Windows the data folder's ACL protects it
            try:
                if os.fstat(fd).st_mode & 0o077:
                    os.fchmod(fd, LOG_FILE_MODE)
            except OSError:
                pass
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


class ConsoleFilter(logging.Filter):
    """Passes PosDesk's own records and libraries' warnings and errors."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or record.name.split(".")[0] == "posdesk"


def private_log_handler(log_file: Path) -> logging.Handler:
    return PrivateRotatingFileHandler(
        log_file, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )


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
        handlers.append(private_log_handler(log_file))
    if to_stderr:
        console = logging.StreamHandler()
        if not debug:  # --debug shows everything, libraries' chatter included
            console.addFilter(ConsoleFilter())
        handlers.append(console)
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        # On the handler, not the logger: filters on a logger miss records from child loggers.
        handler.addFilter(redact)
        root.addHandler(handler)
