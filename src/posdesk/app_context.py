"""Composition root: builds the store, gateway and services the GUI and CLI work with."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from posdesk import paths
from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.services.charges import ChargeService
from posdesk.services.customers import CustomerService
from posdesk.services.secret_store import (
    STRIPE_PUBLISHABLE_KEY,
    STRIPE_SECRET_KEY,
    KeyringUnavailable,
    SecretStore,
    mode_of_key,
)
from posdesk.settings import Settings
from posdesk.store.database import Store, default_database_url, open_store

log = logging.getLogger(__name__)

Mode = Literal["demo", "test", "live", "unconfigured"]


@dataclass
class AppContext:
    settings: Settings
    data_dir: Path
    store: Store
    secrets: SecretStore
    staff: StaffMember
    api_base: str | None
    demo: bool = False
    gateway: StripeGateway | None = None
    publishable_key: str | None = None
    # Set when the OS keyring cannot be used; the GUI explains what to install.
    keyring_problem: KeyringUnavailable | None = None
    customers: CustomerService = field(init=False)
    charges: ChargeService = field(init=False)
    _secret_key_mode: str | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self._build_services()

    @property
    def mode(self) -> Mode:
        if self.demo:
            return "demo"
        if self.gateway is None or self._secret_key_mode is None:
            return "unconfigured"
        return "live" if self._secret_key_mode == "live" else "test"

    def _build_services(self) -> None:
        self.customers = CustomerService(self.store, self.gateway)
        self.charges = ChargeService(self.store, self.gateway)

    def reconfigure(self, secret_key: str, publishable_key: str | None) -> None:
        """Switch to new keys (already checked and saved by the caller)."""
        self.gateway = StripeGateway(secret_key, self.api_base)
        self._secret_key_mode = mode_of_key(secret_key)
        self.publishable_key = publishable_key
        self._build_services()

    def close(self) -> None:
        self.store.close()


def staff_from_settings(settings: Settings) -> StaffMember:
    try:
        role = Role(settings.staff_role)
    except ValueError:
        role = Role.CASHIER
    return StaffMember(id=settings.staff_id, name=settings.staff_name, role=role)


def build_context(
    *,
    data_dir: Path,
    secrets: SecretStore,
    demo: bool = False,
    api_base: str | None = None,
    database_url: str | None = None,
) -> AppContext:
    """Open the store and, when keys are in the keyring, the gateway."""
    settings = Settings.load(paths.settings_file(data_dir))
    api_base = os.environ.get(paths.ENV_API_BASE) or api_base or settings.api_base
    url = database_url or os.environ.get(paths.ENV_DATABASE_URL) or default_database_url(data_dir)
    store = open_store(url)
    context = AppContext(
        settings=settings,
        data_dir=data_dir,
        store=store,
        secrets=secrets,
        staff=staff_from_settings(settings),
        api_base=api_base,
        demo=demo,
    )
    try:
        secret_key = secrets.get(STRIPE_SECRET_KEY)
        publishable_key = secrets.get(STRIPE_PUBLISHABLE_KEY)
    except KeyringUnavailable as exc:
        log.warning("OS keyring unavailable: %s", exc)
        context.keyring_problem = exc
        return context
    if secret_key:
        context.reconfigure(secret_key, publishable_key)
    return context
