"""Changing this terminal's set-up: the Stripe keys, its settings file (asking for the CVC,
sync, its name), its name among the store's terminals, and which store it uses.

Every change needs MANAGE_SETTINGS and is audited through the one guard: keys by name and
mode only (never a value), each changed setting with its old and new value. Reading the list
of terminals needs the same permission; it is checked, and audited only when refused.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Callable, Mapping
from pathlib import Path

from posdesk import paths
from posdesk.domain.messages import text
from posdesk.domain.roles import StaffMember
from posdesk.gateway.client import KeyCheck
from posdesk.services import guard
from posdesk.services.errors import InputError
from posdesk.services.guard import Guard
from posdesk.services.key_check import check_secret_key
from posdesk.services.secret_store import (
    STRIPE_PUBLISHABLE_KEY,
    STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET,
    SecretStore,
    mode_of_key,
    validate_secret,
)
from posdesk.services.store_setup import Report, StoreSwitch, display_url, prepare_switch
from posdesk.services.terminal_roster import (
    TerminalEntry,
    clean_terminal_name,
    rename_terminal,
    terminals_of_store,
)
from posdesk.settings import LANGUAGES, RECEIPT_PAPERS, Settings
from posdesk.store.database import Store

log = logging.getLogger(__name__)

# The settings-file entries Settings changes through `save_terminal_settings`.
TERMINAL_SETTINGS = ("recollect_cvc", "sync_webhooks", "relay_host", "relay_port",
                     "terminal_name", "receipt_paper", "receipt_printer", "language")

MESSAGE_RELAY_HOST = text(
    "settings.relay_host",
    "The webhook address must be an IP address of this computer, such as 127.0.0.1 or "
    "192.168.1.20.",
)
MESSAGE_RELAY_PORT = text("settings.relay_port", "The webhook port is a number from 1024 to 65535.")
MESSAGE_NOT_A_SETTING = text("settings.unknown", "This is not a setting of this terminal.")
MESSAGE_RECEIPT_PAPER = text(
    "settings.receipt_paper", "Receipts are laid out for an 80 mm roll, A4 or Letter.")
MESSAGE_KEY_MODES = text(
    "settings.key_modes",
    "The secret and publishable keys must both be test keys or both be live keys.",
)


def _clean(name: str, value: object) -> object:
    if name in ("recollect_cvc", "sync_webhooks"):
        if not isinstance(value, bool):
            raise InputError(MESSAGE_NOT_A_SETTING)
        return value
    if name == "relay_host":
        try:
            return str(ipaddress.ip_address(str(value).strip()))
        except ValueError:
            raise InputError(MESSAGE_RELAY_HOST) from None
    if name == "relay_port":
        if isinstance(value, bool) or not isinstance(value, int) or not 1024 <= value <= 65535:
            raise InputError(MESSAGE_RELAY_PORT)
        return value
    if name == "terminal_name":
        return clean_terminal_name(str(value))
    if name == "receipt_printer":  # a printer's name as the system lists it; "" the default
        if not isinstance(value, str) or len(value) > 256:
            raise InputError(MESSAGE_NOT_A_SETTING)
        return value.strip()
    if name == "language":
        if value not in LANGUAGES:
            raise InputError(MESSAGE_NOT_A_SETTING)
        return value
    if name == "receipt_paper":
        if value not in RECEIPT_PAPERS:
            raise InputError(MESSAGE_RECEIPT_PAPER)
        return value
    raise InputError(MESSAGE_NOT_A_SETTING)


class SettingsService:
    def __init__(
        self,
        settings: Settings,
        data_dir: Path,
        secrets: Callable[[], SecretStore],
        store: Store,
        guard_: Guard,
        terminal_id: str,
    ) -> None:
        self.settings = settings
        self.data_dir = data_dir
        self._secrets = secrets
        self.store = store
        self.guard = guard_
        self.terminal_id = terminal_id

    # --- Stripe keys -------------------------------------------------------------------------

    @guard.operation(guard.CHECK_STRIPE_KEY)
    def check_key(self, actor: StaffMember, secret_key: str, api_base: str | None) -> KeyCheck:
        """key_check.check_secret_key for someone who may change the keys (blocks on the
        network: off the GUI thread)."""
        self.guard.check(actor, guard.CHECK_STRIPE_KEY, None)
        return check_secret_key(secret_key, api_base)

    @guard.operation(guard.SAVE_STRIPE_KEYS)
    def save_keys(
        self,
        actor: StaffMember,
        *,
        secret_key: str | None = None,
        publishable_key: str | None = None,
        webhook_secret: str | None = None,
    ) -> None:
        """Keep the given keys in the OS keyring (the secret key already checked with
        Stripe by the caller). Audited by name and mode, never by value. Raises
        PermissionDenied (audited), InputError or KeyringUnavailable (nothing saved)."""
        self.guard.check(actor, guard.SAVE_STRIPE_KEYS, None)
        given = {STRIPE_SECRET_KEY: secret_key, STRIPE_PUBLISHABLE_KEY: publishable_key,
                 STRIPE_WEBHOOK_SECRET: webhook_secret}
        keys: dict[str, str] = {}
        for name, value in given.items():
            if value:
                try:
                    keys[name] = validate_secret(name, value)
                except ValueError as exc:
                    raise InputError(str(exc)) from None
        if not keys:
            return
        secret, publishable = keys.get(STRIPE_SECRET_KEY), keys.get(STRIPE_PUBLISHABLE_KEY)
        if secret and publishable and mode_of_key(secret) != mode_of_key(publishable):
            raise InputError(MESSAGE_KEY_MODES)
        secrets = self._secrets()
        for name, value in keys.items():
            secrets.set(name, value)
        details: dict[str, object] = {"keys": sorted(keys)}
        if secret:
            details["mode"] = mode_of_key(secret)
        self.guard.record(actor, guard.SAVE_STRIPE_KEYS.action, None, "saved", details)

    # --- this terminal's settings file ----------------------------------------------------

    @guard.operation(guard.SAVE_TERMINAL_SETTINGS)
    def save_terminal_settings(
        self, actor: StaffMember, values: Mapping[str, object]
    ) -> list[str]:
        """Change settings-file entries (TERMINAL_SETTINGS) in place and write the file;
        returns the names changed, each audited with its old and new value. Raises
        PermissionDenied (audited), InputError, or OSError (the file could not be written:
        the running settings are left as they were)."""
        self.guard.check(actor, guard.SAVE_TERMINAL_SETTINGS, None)
        clean = {name: _clean(name, value) for name, value in values.items()}
        old = {name: getattr(self.settings, name) for name in clean}
        changed = [name for name in clean if clean[name] != old[name]]
        if not changed:
            return []
        for name in changed:
            setattr(self.settings, name, clean[name])
        try:
            self.settings.save(paths.settings_file(self.data_dir))
        except OSError:
            for name in changed:
                setattr(self.settings, name, old[name])
            raise
        for name in changed:
            self.guard.record(actor, guard.SAVE_TERMINAL_SETTINGS.action, name, "changed",
                              {"old": old[name], "new": clean[name]})
        return changed

    # --- the store's terminals -------------------------------------------------------------------

    @guard.operation(guard.LIST_TERMINALS)
    def terminals(self, actor: StaffMember) -> list[TerminalEntry]:
        self.guard.check(actor, guard.LIST_TERMINALS, None)
        return terminals_of_store(self.store, self.terminal_id)

    @guard.operation(guard.RENAME_TERMINAL)
    def rename_terminal(self, actor: StaffMember, name: str) -> None:
        """Show this terminal's new name to the other terminals now."""
        with self.guard.run(actor, guard.RENAME_TERMINAL, self.terminal_id) as audited:
            clean = clean_terminal_name(name)
            rename_terminal(self.store, self.terminal_id, clean)
            audited.done("renamed", name=clean)

    # --- which store ---------------------------------------------------------------------------

    @guard.operation(guard.SWITCH_STORE)
    def prepare_store_switch(
        self, actor: StaffMember, url: str, current: Store, report: Report
    ) -> StoreSwitch:
        """store_setup.prepare_switch for someone who may change the store."""
        self.guard.check(actor, guard.SWITCH_STORE, None)
        return prepare_switch(url, self.data_dir, current, report)

    @guard.operation(guard.SWITCH_STORE)
    def choose_store(self, actor: StaffMember, url: str | None) -> None:
        """Use this store from the next start (None: SQLite in the data directory). Raises
        OSError (nothing changed) when the settings file cannot be written."""
        self.guard.check(actor, guard.SWITCH_STORE, None)
        previous = self.settings.database_url
        self.settings.database_url = url
        try:
            self.settings.save(paths.settings_file(self.data_dir))
        except OSError:
            self.settings.database_url = previous
            raise
        self.guard.record(
            actor, guard.SWITCH_STORE.action, None, "chosen",
            {"old": display_url(previous) if previous else None,
             "new": display_url(url) if url else None},
        )


__all__ = ["TERMINAL_SETTINGS", "SettingsService"]
