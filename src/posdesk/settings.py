"""Non-secret settings, stored as JSON beside the data. Secrets never go here (keyring only)."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

log = logging.getLogger(__name__)


# What a receipt can be laid out for (gui/receipts/receipt_document.py Paper): an 80 mm
# thermal roll, or an A4 or Letter sheet.
RECEIPT_PAPERS = ("thermal80", "a4", "letter")
# The UI languages PosDesk has (resources/i18n); "" follows the computer's.
LANGUAGES = ("", "en_US", "zh_CN")


@dataclass
class Settings:
    currency: str = "USD"
    locale: str = "en_US"
    # Who acts is never read from here: staff sign in with a PIN (services/session.py).
    # Files from before that still carry staff_id, staff_name and staff_role; `load`
    # ignores them, as any key it does not know.
    # Stripe API base; None means Stripe itself. POSDESK_STRIPE_API_BASE overrides it.
    api_base: str | None = None
    # Re-collect the CVC before charging a saved card (card-entry feature).
    recollect_cvc: bool = False
    # In-app sync with Stripe: the poller always runs (it needs only the key); with
    # sync_webhooks on and a signing secret in the keyring, a webhook relay listens too.
    sync_webhooks: bool = False
    relay_host: str = "127.0.0.1"  # a LAN address lets a store's forwarder reach it
    relay_port: int = 8780
    sync_interval_s: float = 2.0  # seconds between polls of Stripe's events
    # This terminal's name among the store's terminals; empty means the computer's host name.
    terminal_name: str = ""
    # The store: None means SQLite in the data directory (one computer); a PostgreSQL URL
    # without a password (that lives in ~/.pgpass or PGPASSWORD) lets several terminals
    # share one store. POSDESK_DATABASE_URL overrides it.
    database_url: str | None = None
    # Receipts: the printer chosen last (its name; empty: the system's default) and the
    # paper they are laid out for ("thermal80", "a4" or "letter").
    receipt_printer: str = ""
    receipt_paper: str = "thermal80"
    # The UI language (LANGUAGES); "" follows the computer's. Read at start.
    language: str = ""

    @classmethod
    def load(cls, path: Path) -> Settings:
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable (%s); using defaults", path, exc)
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known})

    def save(self, path: Path) -> None:
        tmp = path.with_suffix(".tmp")
        # Readable by the user only from its creation (it names the shop's store); a leftover
        # temporary file would keep its old mode, so it goes first.
        tmp.unlink(missing_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(tmp, flags, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(json.dumps(asdict(self), indent=2))
        tmp.replace(path)
