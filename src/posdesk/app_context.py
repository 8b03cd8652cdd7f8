"""Composition root: builds the store, gateway and services the GUI and CLI work with."""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from posdesk import paths
from posdesk.backend import Mode
from posdesk.card_page.certificate import ensure_certificate
from posdesk.card_page.server import STRIPE_JS_URL, CheckoutServer
from posdesk.domain.roles import StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.events import StripeEventSource
from posdesk.services.approval import Approvals
from posdesk.services.audit_trail import AuditTrailService
from posdesk.services.captures import CaptureService
from posdesk.services.card_entry import CardEntryService
from posdesk.services.charges import ChargeService
from posdesk.services.customers import CustomerService
from posdesk.services.day_close import DayCloseService
from posdesk.services.guard import Guard
from posdesk.services.history import HistoryService
from posdesk.services.payment_requests import PaymentRequestService
from posdesk.services.receipts import ReceiptService
from posdesk.services.refunds import RefundService
from posdesk.services.secret_store import (
    STRIPE_PUBLISHABLE_KEY,
    STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET,
    KeyringUnavailable,
    SecretStore,
    mode_of_key,
)
from posdesk.services.session import DEFAULT_IDLE_LOCK_S, Session
from posdesk.services.settings_service import SettingsService
from posdesk.services.shop_settings import ShopSettings, ShopSettingsService, business_zone
from posdesk.services.staff import StaffService
from posdesk.services.start_guard import check_may_start
from posdesk.settings import Settings
from posdesk.store.audit import AuditLog
from posdesk.store.database import Store, default_database_url, open_store
from posdesk.store.maintenance import start_maintenance
from posdesk.store.models import PaymentRecord
from posdesk.store.payment_pages import PageKey, customer_payments_page
from posdesk.store.staff import StaffRepository
from posdesk.store.this_terminal import (
    Terminal,
    TerminalPresence,
    load_terminal,
    process_terminal,
)
from posdesk.sync.engine import SyncEngine
from posdesk.sync.feed import ChangeFeed
from posdesk.sync.status import MODE_RECONCILE, SyncObserver

if TYPE_CHECKING:
    from posdesk.backend import Backend

log = logging.getLogger(__name__)

__all__ = ["AppContext", "Mode", "build_context"]


@dataclass
class AppContext:
    """The real backend of the GUI: it has the `posdesk.backend.Backend` shape (checked
    below for type checkers, and by tests/gui/test_backend.py at run time)."""

    settings: Settings
    data_dir: Path
    store: Store
    secrets: SecretStore
    api_base: str | None
    demo: bool = False
    gateway: StripeGateway | None = None
    publishable_key: str | None = None
    # Set when the OS keyring cannot be used; the GUI explains what to install.
    keyring_problem: KeyringUnavailable | None = None
    # --debug: the checkout web view may open developer tools.
    debug: bool = False
    # This till or PC among the store's terminals (its id lives in the data directory).
    terminal: Terminal = field(default_factory=process_terminal)
    customers: CustomerService = field(init=False)
    charges: ChargeService = field(init=False)
    # Refunds on the ledger (the shop's refund limit asks for a manager's approval).
    refunds: RefundService = field(init=False)
    captures: CaptureService = field(init=False)
    # Receipts: printed, saved as PDF, emailed by Stripe.
    receipts: ReceiptService = field(init=False)
    # Close of day: X and Z reports of this terminal or the store (managers).
    day_close: DayCloseService = field(init=False)
    # Remote payments: requests paid on Stripe's hosted page, reusable payment links.
    payment_requests: PaymentRequestService = field(init=False)
    card_entry: CardEntryService = field(init=False)
    # The tamper-evident audit trail: viewing, verifying, exporting (managers).
    audit_trail: AuditTrailService = field(init=False)
    # The payment history (cashiers: this terminal's day only, narrowed by the service).
    history: HistoryService = field(init=False)
    # The shop's settings in the store (shared by its terminals), and changing this
    # terminal's set-up (keys, settings file, name, store) as a manager.
    shop_settings: ShopSettingsService = field(init=False)
    settings_service: SettingsService = field(init=False)
    # The store's staff accounts, and who is signed in at this terminal (`staff`).
    staff_accounts: StaffService = field(init=False)
    session: Session = field(init=False)
    _checkout_server: CheckoutServer | None = field(default=None, init=False, repr=False)
    _checkout_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _secret_key_mode: str | None = field(default=None, init=False, repr=False)
    # Kept for building the sync engine's event source; never shown (repr=False), never saved.
    _secret_key: str | None = field(default=None, init=False, repr=False)
    # One observer for the life of the app: the GUI attaches to it once, engines come and go.
    sync_observer: SyncObserver = field(default_factory=SyncObserver, init=False, repr=False)
    sync_engine: SyncEngine | None = field(default=None, init=False, repr=False)
    # Why the webhook relay is not running although the settings ask for it, or None.
    sync_relay_problem: str | None = field(default=None, init=False, repr=False)
    _sync_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    # What any terminal commits to the store, for the screens; the GUI starts it.
    change_feed: ChangeFeed = field(init=False, repr=False)
    # This terminal's row in the store, kept fresh while the app runs (start_presence).
    _presence: TerminalPresence | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        # First: every audit append on this store authenticates with this terminal's key.
        self.audit_trail = AuditTrailService(
            self.store, self.secrets, self.data_dir, self.terminal
        )
        # Before the services: they read the approval limits from the shop's settings.
        audit = AuditLog(self.store, self.terminal.id)
        self.shop_settings = ShopSettingsService(self.store, Guard(audit))
        self.shop_settings.on_change(self._shop_settings_changed)
        self.shop_settings.adopt(self.settings.currency, self.settings.locale)
        self.settings_service = SettingsService(
            self.settings, self.data_dir, lambda: self.secrets, self.store, Guard(audit),
            self.terminal.id,
        )
        self._build_services()
        self.history = HistoryService(
            self.store, self.terminal.id,
            zone=lambda: business_zone(self.shop_settings.get()))
        self.change_feed = ChangeFeed(self.store)
        # Built once: the session outlives new keys (reconfigure rebuilds the others).
        self.staff_accounts = StaffService(
            StaffRepository(self.store), Guard(AuditLog(self.store, self.terminal.id)),
            self.terminal.id,
        )
        self.session = Session(self.staff_accounts, self._idle_lock_s)

    @property
    def staff(self) -> StaffMember:
        """The member of staff signed in now; NotSignedIn while the till is locked."""
        return self.session.current()

    def _idle_lock_s(self) -> int:
        # The shop's setting where the store has shop settings, else the default.
        shop_settings = getattr(self, "shop_settings", None)
        if shop_settings is None:
            return DEFAULT_IDLE_LOCK_S
        return int(shop_settings.get().idle_lock_s)

    @property
    def mode(self) -> Mode:
        if self.demo:
            return "demo"
        if self.gateway is None or self._secret_key_mode is None:
            return "unconfigured"
        return "live" if self._secret_key_mode == "live" else "test"

    def _shop_settings_changed(self, shop: ShopSettings) -> None:
        # The store wins over settings.json: screens reading the currency and locale from
        # the settings see the shop's (kept in place, as Settings does for its own edits).
        self.settings.currency, self.settings.locale = shop.currency, shop.locale

    def _build_services(self) -> None:
        approvals = Approvals(self.shop_settings.get)
        self.customers = CustomerService(
            self.store, self.gateway, terminal_id=self.terminal.id, approvals=approvals
        )
        self.charges = ChargeService(
            self.store, self.gateway, terminal=self.terminal, approvals=approvals
        )
        self.refunds = RefundService(
            self.store, self.gateway, terminal=self.terminal, approvals=approvals
        )
        # On the charges' ledger: the same claims, and the same gateway when keys change.
        self.captures = CaptureService(
            self.store, self.charges.ledger, locale=lambda: self.shop_settings.get().locale
        )
        self.card_entry = CardEntryService(
            self.store, self.gateway, self.publishable_key, self.charges
        )
        self.receipts = ReceiptService(
            self.store, self.gateway, self.shop_settings.get, terminal_id=self.terminal.id
        )
        self.day_close = DayCloseService(
            self.store, self.gateway, self.shop_settings.get, terminal_id=self.terminal.id,
            time_zone=lambda: business_zone(self.shop_settings.get()),
        )
        self.payment_requests = PaymentRequestService(
            self.store, self.gateway, terminal_id=self.terminal.id
        )

    @property
    def stripe_js_url(self) -> str:
        """Stripe.js from Stripe; with another API base (the sandbox in demo and tests) its
        stand-in, served by that server."""
        if self.api_base and not self.api_base.startswith("https://api.stripe.com"):
            return f"{self.api_base.rstrip('/')}/js/v3/"
        return STRIPE_JS_URL

    def checkout_server(self) -> CheckoutServer:
        """The loopback HTTPS server of the card-entry page, started on first use with this
        install's certificate (kept in data_dir/tls)."""
        # One at a time: the warm-up (a customer was opened) and a card entry started right
        # after it both ask from worker threads, and must get the same server.
        with self._checkout_lock:
            server = self._checkout_server
            if server is None or server.stripe_js_url != self.stripe_js_url:
                if server is not None:
                    server.stop()
                server = CheckoutServer(
                    ensure_certificate(self.data_dir / "tls"), stripe_js_url=self.stripe_js_url
                )
                server.start()
                self._checkout_server = server
            return server

    def reconfigure(self, secret_key: str, publishable_key: str | None) -> None:
        """Switch to new keys (already checked and saved by the caller)."""
        self.gateway = StripeGateway(secret_key, self.api_base)
        self._secret_key_mode = mode_of_key(secret_key)
        self._secret_key = secret_key
        self.publishable_key = publishable_key
        self._build_services()

    def payments_page(
        self, customer_id: str, after: PageKey | None, limit: int
    ) -> list[PaymentRecord]:
        """One keyset page of a customer's payments, newest first (the payments table
        fetches more as the cashier scrolls)."""
        return customer_payments_page(self.store, customer_id, after, limit)

    # --- keeping the store in step with Stripe ----------------------------------------------

    def start_sync(self) -> SyncEngine | None:
        """(Re)build the sync engine for the current keys and start it; the old one, if any,
        is stopped first. Joins threads and may open a port: call it off the GUI thread.
        Returns None (sync stopped) while no key is configured."""
        with self._sync_lock:
            self._stop_sync_locked()
            if self.gateway is None or not self._secret_key:
                return None
            source = StripeEventSource(self._secret_key, self.api_base)
            webhook_secret = self._webhook_secret()
            self.sync_relay_problem = None
            # Start-up reconciliation comes first: the status bar says "catching up".
            self.sync_observer.update(mode=MODE_RECONCILE, error=None)
            engine = self._sync_engine(source, webhook_secret)
            try:
                engine.start()
            except OSError as exc:
                host, port = self.settings.relay_host, self.settings.relay_port
                log.warning("webhook relay cannot listen on %s:%s (%s); polling only",
                            host, port, exc.strerror)
                self.sync_relay_problem = f"{host}:{port}: {exc.strerror or 'unavailable'}"
                engine = self._sync_engine(source, None)
                engine.start()
            self.sync_engine = engine
            log.info("sync started: polling%s", " and webhooks" if engine.relay else "")
            return engine

    def _sync_engine(self, source: StripeEventSource, webhook_secret: str | None) -> SyncEngine:
        return SyncEngine(
            # Settling goes to the ledger itself: sync knows nothing of the services.
            self.store, source, self.charges.ledger,
            terminal=self.terminal,
            poll=True,
            webhook_secret=webhook_secret,
            host=self.settings.relay_host,
            port=int(self.settings.relay_port),
            interval_s=float(self.settings.sync_interval_s),
            observer=self.sync_observer,
            refund_ledger=self.refunds.ledger,
        )

    def _webhook_secret(self) -> str | None:
        if not self.settings.sync_webhooks:
            return None
        try:
            secret = self.secrets.get(STRIPE_WEBHOOK_SECRET)
        except KeyringUnavailable as exc:
            log.warning("webhook secret unreadable (%s); polling only", type(exc).__name__)
            return None
        if not secret:
            log.warning("sync_webhooks is on but no stripe-webhook-secret is set; polling only")
        return secret or None

    def stop_sync(self) -> None:
        """Stop polling and the relay; events already accepted stay for the next start."""
        with self._sync_lock:
            self._stop_sync_locked()

    def _stop_sync_locked(self) -> None:
        engine, self.sync_engine = self.sync_engine, None
        if engine is not None:
            engine.stop()

    # --- this terminal among the store's terminals -------------------------------------------

    def start_presence(self) -> None:
        """Register this terminal in the store and keep its last_seen fresh until close.

        Raises StartRefused (nothing registered) when this terminal already runs in another
        process, or when this SQLite file is in use on another computer. Claims left by an
        earlier run of this terminal are released: that run is over.
        """
        check_may_start(self.store, self.terminal)
        presence = TerminalPresence(self.store, self.terminal)
        presence.start()
        self._presence = presence
        released = self.charges.ledger.claims.release_stale()
        if released:
            log.info("released %d payment claims left by an earlier run", released)
        # Planner statistics kept fresh off the GUI thread (store/maintenance.py); the
        # schedule ends when the store closes. Also runs for `posdesk relay`.
        start_maintenance(self.store, self.terminal.id)

    def stop_presence(self) -> None:
        presence, self._presence = self._presence, None
        if presence is not None:
            presence.stop()

    def close(self) -> None:
        try:
            self.session.sign_out()
        except Exception as exc:  # noqa: BLE001 - closing goes on; the store may be gone
            log.warning("sign-out not recorded: %s", type(exc).__name__)
        self.change_feed.stop()
        self.stop_sync()
        if self._checkout_server is not None:
            self._checkout_server.stop()
            self._checkout_server = None
        self.stop_presence()
        self.store.close()


if TYPE_CHECKING:

    def _is_a_backend(context: AppContext) -> Backend:
        # A type checker fails here if AppContext ever loses a member of Backend's shape.
        return context


def build_context(
    *,
    data_dir: Path,
    secrets: SecretStore,
    demo: bool = False,
    api_base: str | None = None,
    database_url: str | None = None,
    relay: bool = False,
) -> AppContext:
    """Open the store and, when keys are in the keyring, the gateway. `relay`: the context of
    the headless `posdesk relay`, a terminal of its own beside the app."""
    settings = Settings.load(paths.settings_file(data_dir))
    api_base = os.environ.get(paths.ENV_API_BASE) or api_base or settings.api_base
    url = (
        database_url
        or os.environ.get(paths.ENV_DATABASE_URL)
        or settings.database_url
        or default_database_url(data_dir)
    )
    store = open_store(url)
    context = AppContext(
        settings=settings,
        data_dir=data_dir,
        store=store,
        secrets=secrets,
        api_base=api_base,
        demo=demo,
        terminal=load_terminal(data_dir, None if relay else settings.terminal_name, relay=relay),
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
