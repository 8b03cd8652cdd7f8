"""What the screens receive: the typed backend, and the service types they work with.

The GUI imports from posdesk only `posdesk.gui.*`, `posdesk.domain.*` and this module
(tests/gui/test_backend.py checks it). Keeping one doorway means a screen can be driven by
anything that has the `Backend` shape, and the layers below can move (the ledger, the store,
the sync engine) without the screens following them: only the re-exports here change.

`AppContext` (posdesk.app_context) is the real backend; it satisfies `Backend` structurally.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

from posdesk import paths
from posdesk.card_page.certificate import fingerprint, fingerprint_matches
from posdesk.card_page.protocol import PageError, PageReport, ReportError, parse_report
from posdesk.card_page.server import STRIPE_JS_URL, CheckoutServer, origin_of
from posdesk.domain.roles import StaffMember
from posdesk.gateway.errors import GatewayError
from posdesk.process_memory import return_free_memory
from posdesk.services.audit_trail import (
    AuditFilter,
    AuditPageKey,
    AuditTrailService,
    AuditVerification,
    FilterChoices,
    VerifyStatus,
    audit_page_key,
)
from posdesk.services.captures import CaptureService
from posdesk.services.card_entry import (
    FLOW_AUTHENTICATE,
    FLOW_CVC,
    FLOW_PAYMENT,
    FLOW_SETUP,
    CardEntryResult,
    CardEntryService,
    CardEntrySession,
    failure_code,
    failure_wording,
    is_authentication_failure,
)
from posdesk.services.charges import ChargeResult, ChargeService, outcome_for_record
from posdesk.services.customers import RECENT_PAYMENTS, CardSummary, CustomerService
from posdesk.services.customers import CustomerPage as CustomerPageData
from posdesk.services.day_close import DayAlreadyClosed, DayCloseService
from posdesk.services.errors import InputError, StripeNotConfigured
from posdesk.services.history import HistoryChoices, HistoryService, PaymentDetail
from posdesk.services.key_check import KeyCheck, check_secret_key
from posdesk.services.payment_requests import PaymentRequestService
from posdesk.services.receipts import (
    EMAIL_LIMIT,
    Receipt,
    ReceiptKind,
    ReceiptRefund,
    ReceiptService,
)
from posdesk.services.refunds import (
    NOTE_LIMIT,
    Refundable,
    RefundLine,
    RefundRefused,
    RefundResult,
    RefundService,
)
from posdesk.services.secret_store import (
    STRIPE_PUBLISHABLE_KEY,
    STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET,
    KeyringUnavailable,
    SecretStore,
    is_restricted_key,
    mode_of_key,
    validate_secret,
)
from posdesk.services.session import (
    DEFAULT_IDLE_LOCK_S,
    ENDED_IDLE,
    ENDED_LOCKED,
    ENDED_SIGNED_OUT,
    ENDED_SWITCHED,
    NotSignedIn,
    Session,
    SignedIn,
)
from posdesk.services.settings_service import SettingsService
from posdesk.services.shop_settings import ShopSettings, ShopSettingsService
from posdesk.services.staff import PIN_DIGITS, Approval, SignInRefused, StaffAccount, StaffService
from posdesk.services.start_guard import EXIT_START_REFUSED, StartRefused
from posdesk.services.store_setup import (
    STEP_CONNECTING,
    STEP_COPYING,
    STEP_MIGRATING,
    TABLE_AUDIT_LOG,
    TABLE_CUSTOMERS,
    TABLE_DAY_CLOSES,
    TABLE_PAYMENT_METHODS,
    TABLE_PAYMENT_REQUESTS,
    TABLE_PAYMENTS,
    TABLE_REFUND_REQUESTS,
    TABLE_REFUNDS,
    TABLE_SHOP_SETTINGS,
    TABLE_STAFF,
    TABLE_TERMINALS,
    URL_EMPTY,
    URL_HAS_PASSWORD,
    URL_NO_DATABASE,
    URL_NOT_POSTGRES,
    CopyResult,
    Progress,
    StoreSwitch,
    StoreUnreachable,
    StoreUrlProblem,
    display_url,
    local_store_url,
    postgres_url,
    prepare_switch,
    same_store,
)
from posdesk.services.terminal_roster import (
    TERMINAL_NAME_MAX,
    TerminalEntry,
    clean_terminal_name,
    rename_terminal,
    terminals_of_store,
)
from posdesk.settings import Settings
from posdesk.store.database import Store
from posdesk.store.history import HistoryKey, HistoryRow, history_key
from posdesk.store.models import (
    AuditEntry,
    CustomerRecord,
    PaymentMethodRecord,
    PaymentRecord,
)
from posdesk.store.payment_pages import PageKey, page_key
from posdesk.store.this_terminal import LIVE_WITHIN, Terminal
from posdesk.sync.engine import SyncEngine
from posdesk.sync.feed import ChangeFeed
from posdesk.sync.status import SyncObserver

# What the mode banner and the connection label tell apart.
Mode = Literal["demo", "test", "live", "unconfigured"]


@runtime_checkable
class Backend(Protocol):
    """Everything a screen may use. Attributes that settings replace at run time (the
    services after new keys) are read from the backend each time, never kept by a screen."""

    settings: Settings
    data_dir: Path
    store: Store
    secrets: SecretStore
    api_base: str | None
    demo: bool
    # --debug: the card-entry web view may open developer tools.
    debug: bool
    # Set when the OS keyring cannot be used; the GUI explains what to install.
    keyring_problem: KeyringUnavailable | None
    terminal: Terminal
    customers: CustomerService
    charges: ChargeService
    # Refunds, full or partial, and what is left to refund of a payment.
    refunds: RefundService
    # Authorise now, capture later: capture (all or part), release, the open ones.
    captures: CaptureService
    # Receipts of a payment or a refund: printed, saved as PDF, emailed by Stripe.
    receipts: ReceiptService
    # Close of day: X reports and the Z report that closes a day (managers).
    day_close: DayCloseService
    # Remote payments: requests paid on Stripe's hosted page (link, QR code, email), their
    # state, remote authentication, and the shop's reusable payment links.
    payment_requests: PaymentRequestService
    card_entry: CardEntryService
    # The audit trail for managers: pages with filters, verification, export.
    audit_trail: AuditTrailService
    # The payment history: pages with filters, totals, a payment's detail, export
    # (cashiers see only this terminal's day: the service narrows).
    history: HistoryService
    # The shop's settings (store-wide: name, address, currency, locale, idle lock, approval
    # limits), and changing this terminal's set-up as a manager (keys, settings file, store).
    shop_settings: ShopSettingsService
    settings_service: SettingsService
    # The store's staff accounts, and who is signed in at this terminal.
    staff_accounts: StaffService
    session: Session
    # Sync news for the status bar, and what any terminal commits, for the screens.
    sync_observer: SyncObserver
    change_feed: ChangeFeed
    # Why the webhook relay is not running although the settings ask for it, or None.
    sync_relay_problem: str | None

    @property
    def staff(self) -> StaffMember:
        """The member signed in now, read at the moment a screen acts; NotSignedIn while
        the till is locked (the window then shows only the sign-in page)."""
        ...

    @property
    def mode(self) -> Mode: ...

    @property
    def stripe_js_url(self) -> str: ...

    def checkout_server(self) -> CheckoutServer:
        """The card page's loopback server, started on first use (blocks: off the GUI
        thread)."""
        ...

    def reconfigure(self, secret_key: str, publishable_key: str | None) -> None:
        """Switch to new keys, already checked and saved."""
        ...

    def start_sync(self) -> SyncEngine | None:
        """(Re)start sync for the current keys; joins threads, so off the GUI thread."""
        ...

    def stop_sync(self) -> None: ...

    def start_presence(self) -> None:
        """Register this terminal in the store; raises StartRefused."""
        ...

    def payments_page(
        self, customer_id: str, after: PageKey | None, limit: int
    ) -> list[PaymentRecord]:
        """One page of a customer's payments, newest first, after `after` (keyset)."""
        ...

    def close(self) -> None: ...


__all__ = [
    "DEFAULT_IDLE_LOCK_S",
    "EMAIL_LIMIT",
    "ENDED_IDLE",
    "ENDED_LOCKED",
    "ENDED_SIGNED_OUT",
    "ENDED_SWITCHED",
    "EXIT_START_REFUSED",
    "FLOW_AUTHENTICATE",
    "FLOW_CVC",
    "FLOW_PAYMENT",
    "FLOW_SETUP",
    "GatewayError",
    "LIVE_WITHIN",
    "PIN_DIGITS",
    "RECENT_PAYMENTS",
    "STEP_CONNECTING",
    "STEP_COPYING",
    "STEP_MIGRATING",
    "STRIPE_JS_URL",
    "STRIPE_PUBLISHABLE_KEY",
    "STRIPE_SECRET_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "TABLE_AUDIT_LOG",
    "TABLE_CUSTOMERS",
    "TABLE_DAY_CLOSES",
    "TABLE_PAYMENTS",
    "TABLE_PAYMENT_METHODS",
    "TABLE_PAYMENT_REQUESTS",
    "TABLE_REFUNDS",
    "TABLE_REFUND_REQUESTS",
    "TABLE_SHOP_SETTINGS",
    "TABLE_STAFF",
    "TABLE_TERMINALS",
    "TERMINAL_NAME_MAX",
    "URL_EMPTY",
    "URL_HAS_PASSWORD",
    "URL_NOT_POSTGRES",
    "URL_NO_DATABASE",
    "Approval",
    "AuditEntry",
    "AuditFilter",
    "AuditPageKey",
    "AuditTrailService",
    "AuditVerification",
    "Backend",
    "HistoryChoices",
    "HistoryKey",
    "HistoryRow",
    "HistoryService",
    "PaymentDetail",
    "history_key",
    "CardEntryResult",
    "CardEntryService",
    "CardEntrySession",
    "CardSummary",
    "ChangeFeed",
    "ChargeResult",
    "ChargeService",
    "CheckoutServer",
    "CopyResult",
    "CustomerPageData",
    "CustomerRecord",
    "CustomerService",
    "DayAlreadyClosed",
    "DayCloseService",
    "FilterChoices",
    "InputError",
    "KeyCheck",
    "KeyringUnavailable",
    "NOTE_LIMIT",
    "Mode",
    "NotSignedIn",
    "PageError",
    "PageKey",
    "PageReport",
    "PaymentMethodRecord",
    "PaymentRequestService",
    "PaymentRecord",
    "Progress",
    "Receipt",
    "ReceiptKind",
    "ReceiptRefund",
    "ReceiptService",
    "RefundLine",
    "RefundRefused",
    "RefundResult",
    "RefundService",
    "CaptureService",
    "Refundable",
    "ReportError",
    "SecretStore",
    "Session",
    "Settings",
    "SettingsService",
    "ShopSettings",
    "ShopSettingsService",
    "SignInRefused",
    "SignedIn",
    "StaffAccount",
    "StaffMember",
    "StaffService",
    "StartRefused",
    "Store",
    "StoreSwitch",
    "StoreUnreachable",
    "StoreUrlProblem",
    "StripeNotConfigured",
    "SyncEngine",
    "SyncObserver",
    "Terminal",
    "TerminalEntry",
    "VerifyStatus",
    "audit_page_key",
    "check_secret_key",
    "clean_terminal_name",
    "display_url",
    "failure_code",
    "failure_wording",
    "fingerprint",
    "fingerprint_matches",
    "is_authentication_failure",
    "is_restricted_key",
    "local_store_url",
    "mode_of_key",
    "origin_of",
    "outcome_for_record",
    "page_key",
    "parse_report",
    "paths",
    "postgres_url",
    "prepare_switch",
    "rename_terminal",
    "return_free_memory",
    "same_store",
    "terminals_of_store",
    "validate_secret",
]
