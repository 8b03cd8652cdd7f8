"""The one guard of the services: each operation declares here the permission it needs, and
the guard checks it, audits a refusal, and audits (and logs) what the operation came to.

An audit row says who (the staff member's id and name), on which terminal (the AuditLog's),
what (action, target, details) and the outcome. Refusals are audited before anything is
read, written or sent; bad input and a missing Stripe key are not audited (nothing was
attempted). Reads checked with `check` alone (a customer search) write nothing when allowed.

Every public service method declares the operation(s) it runs with `@operation(...)`;
tests/services/test_permissions.py fails for one that does not, and checks every operation
declared here against every role. When an operation needs a manager's approval above the
shop's limits is said in services/approval.py.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

from posdesk.domain.roles import Permission, PermissionDenied, StaffMember
from posdesk.gateway.errors import GatewayError
from posdesk.store.audit import AuditLog

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Operation:
    """A service operation as the audit trail names it, and the permission it needs."""

    action: str
    permission: Permission
    # The action a refusal is audited as, where it is not `action`: customer edits have
    # always been refused under the permission's name.
    denied_action: str | None = None


# --- every guarded operation, declared once --------------------------------------------------

CHARGE_SAVED_CARD = Operation("charge", Permission.CHARGE)
CARD_ENTRY_PAYMENT = Operation("card_entry_payment", Permission.CHARGE)
CARD_ENTRY_SETUP = Operation("card_entry_setup", Permission.CHARGE)
CARD_ENTRY_AUTHENTICATE = Operation("card_entry_authenticate", Permission.CHARGE)
CARD_ENTRY_CVC = Operation("card_entry_cvc", Permission.CHARGE)
CREATE_CUSTOMER = Operation(
    "create_customer", Permission.EDIT_CUSTOMERS, Permission.EDIT_CUSTOMERS.value
)
DETACH_CARD = Operation("detach_card", Permission.DETACH_CARD)
SET_DEFAULT_CARD = Operation(
    "set_default_card", Permission.EDIT_CUSTOMERS, Permission.EDIT_CUSTOMERS.value
)

# Staff and signing in. Signing in and approving need no permission (the PIN is the proof);
# they are declared for their audit action.
SIGN_IN = Operation("sign_in", Permission.VIEW_CUSTOMERS)
SIGN_OUT = Operation("sign_out", Permission.VIEW_CUSTOMERS)
APPROVE = Operation("approve", Permission.APPROVE)
CREATE_FIRST_MANAGER = Operation("create_first_manager", Permission.MANAGE_STAFF)
LIST_STAFF = Operation("list_staff", Permission.MANAGE_STAFF)
ADD_STAFF = Operation("add_staff", Permission.MANAGE_STAFF)
UPDATE_STAFF = Operation("update_staff", Permission.MANAGE_STAFF)
SET_PIN = Operation("set_pin", Permission.MANAGE_STAFF)
CHANGE_OWN_PIN = Operation("change_own_pin", Permission.VIEW_CUSTOMERS)

# Reading customers: checked on every read, audited only when refused (a search per
# keystroke must not write an audit row).
SEARCH_CUSTOMERS = Operation("search_customers", Permission.VIEW_CUSTOMERS)
VIEW_CUSTOMER = Operation("view_customer", Permission.VIEW_CUSTOMERS)

# Refunds (services/refunds.py). Reading what is left to refund of a payment is audited
# only when refused, as reading a customer is.
REFUND = Operation("refund", Permission.REFUND)
VIEW_REFUNDS = Operation("view_refunds", Permission.VIEW_CUSTOMERS)

# Receipts (services/receipts.py). Printing and saving one as PDF: anyone who may view
# customers (each is audited, and counted for COPY); a preview is audited only when
# refused. Emailing at the sale needs CHARGE; re-sending later needs RESEND_RECEIPT.
VIEW_RECEIPT = Operation("view_receipt", Permission.VIEW_CUSTOMERS)
PRINT_RECEIPT = Operation("print_receipt", Permission.VIEW_CUSTOMERS)
SAVE_RECEIPT_PDF = Operation("save_receipt_pdf", Permission.VIEW_CUSTOMERS)
EMAIL_RECEIPT = Operation("email_receipt", Permission.CHARGE)
RESEND_RECEIPT = Operation("resend_receipt", Permission.RESEND_RECEIPT)

# Authorise now, capture later (services/captures.py): capturing and releasing are a
# manager's (Permission.CAPTURE; cashiers may authorise, as they may charge). The list of
# open authorisations is read by anyone who may see customers, audited only when refused.
CAPTURE = Operation("capture", Permission.CAPTURE)
RELEASE_AUTHORISATION = Operation("release_authorisation", Permission.CAPTURE)
VIEW_AUTHORISATIONS = Operation("view_authorisations", Permission.VIEW_CUSTOMERS)

# The shop's and this terminal's settings.
SAVE_SHOP_SETTINGS = Operation("shop_setting", Permission.MANAGE_SETTINGS)
CHECK_STRIPE_KEY = Operation("check_stripe_key", Permission.MANAGE_SETTINGS)
SAVE_STRIPE_KEYS = Operation("save_stripe_keys", Permission.MANAGE_SETTINGS)
SAVE_TERMINAL_SETTINGS = Operation("terminal_setting", Permission.MANAGE_SETTINGS)
LIST_TERMINALS = Operation("list_terminals", Permission.MANAGE_SETTINGS)
RENAME_TERMINAL = Operation("rename_terminal", Permission.MANAGE_SETTINGS)
SWITCH_STORE = Operation("switch_store", Permission.MANAGE_SETTINGS)

# The audit trail (services/audit_trail.py): reading it is audited only when refused; a
# verification and an export are audited with what they found and wrote.
VIEW_AUDIT_TRAIL = Operation("view_audit", Permission.VIEW_AUDIT)
VERIFY_AUDIT_TRAIL = Operation("verify_audit", Permission.VIEW_AUDIT)
EXPORT_AUDIT_TRAIL = Operation("export_audit", Permission.EXPORT)

# The payment history (services/history.py): everyone may read it (checked on every read,
# audited only when refused), but staff without Permission.VIEW_HISTORY see only their
# terminal's payments of today, narrowed by the service; an export needs Permission.EXPORT
# and is audited with its filter and what it wrote.
VIEW_HISTORY = Operation("view_history", Permission.VIEW_CUSTOMERS)
VIEW_PAYMENT_DETAIL = Operation("view_payment_detail", Permission.VIEW_CUSTOMERS)
EXPORT_HISTORY = Operation("export_history", Permission.EXPORT)

# Close of day (services/day_close.py): an X report (any time, changes nothing) and the Z
# report that closes a business day; managers (Permission.CLOSE_DAY). Both are audited with
# their totals; a second Z of a closed day is audited as refused.
X_REPORT = Operation("x_report", Permission.CLOSE_DAY)
Z_REPORT = Operation("z_report", Permission.CLOSE_DAY)

# Remote payments (services/payment_requests.py). A request moves money only when the
# customer pays on Stripe's page, so making one (or sending a failed off-session payment as
# a link to authenticate) needs CHARGE, as taking the payment at the counter does; expiring
# one too. Payment Links are standing offers anyone with the link can pay, like the shop's
# prices: creating and deactivating them is a manager's (MANAGE_SETTINGS, no new permission);
# reading requests and links is audited only when refused.
CREATE_PAYMENT_REQUEST = Operation("payment_request", Permission.CHARGE)
REQUEST_AUTHENTICATION = Operation("payment_request_authenticate", Permission.CHARGE)
EXPIRE_PAYMENT_REQUEST = Operation("expire_payment_request", Permission.CHARGE)
VIEW_PAYMENT_REQUESTS = Operation("view_payment_requests", Permission.VIEW_CUSTOMERS)
CREATE_PAYMENT_LINK = Operation("create_payment_link", Permission.MANAGE_SETTINGS)
DEACTIVATE_PAYMENT_LINK = Operation("deactivate_payment_link", Permission.MANAGE_SETTINGS)
VIEW_PAYMENT_LINKS = Operation("view_payment_links", Permission.VIEW_CUSTOMERS)

_Method = TypeVar("_Method", bound=Callable[..., object])


def operation(*operations: Operation) -> Callable[[_Method], _Method]:
    """Declares which operation(s) a public service method runs through the guard; the
    method itself is unchanged. tests/services/test_permissions.py reads the declaration and
    fails for a public service method without one."""

    def declare(method: _Method) -> _Method:
        method.__operations__ = operations  # type: ignore[attr-defined]
        return method

    return declare


def operations_of(method: object) -> tuple[Operation, ...]:
    """What `operation` declared for a method (empty: nothing)."""
    return tuple(getattr(method, "__operations__", ()))


@dataclass
class Audited:
    """One guarded operation under way: what its audit row will say. The block sets the
    target and details as it learns them and ends with `done`; a GatewayError leaving the
    block is audited with its kind and code."""

    guard: Guard
    staff: StaffMember
    action: str
    target: str | None
    details: dict[str, object] = field(default_factory=dict)
    finished: bool = False

    def done(self, outcome: str, *, target: str | None = None, **details: object) -> None:
        """Audit the outcome; `target` and `details` add to what the block set so far."""
        if target is not None:
            self.target = target
        self.details.update(details)
        self.guard.record(self.staff, self.action, self.target, outcome, self.details)
        self.finished = True


class Guard:
    def __init__(self, audit: AuditLog) -> None:
        self.audit = audit

    def check(
        self,
        staff: StaffMember,
        operation: Operation,
        target: str | None,
        details: Mapping[str, object] | None = None,
    ) -> None:
        """Raise PermissionDenied, audited as "denied" (with `details`), unless the staff
        member may run the operation."""
        try:
            staff.require(operation.permission)
        except PermissionDenied:
            action = operation.denied_action or operation.action
            self.record(staff, action, target, "denied", details)
            raise

    @contextmanager
    def run(
        self,
        staff: StaffMember,
        operation: Operation,
        target: str | None,
        denied_details: Mapping[str, object] | None = None,
    ) -> Iterator[Audited]:
        """`check`, then the operation's block; its outcome is audited by `done`, or as
        the GatewayError's kind when Stripe refused or could not be reached."""
        self.check(staff, operation, target, denied_details)
        audited = Audited(self, staff, operation.action, target)
        try:
            yield audited
        except GatewayError as exc:
            if not audited.finished:
                audited.done(exc.kind.value, code=exc.code)
            raise

    def record(
        self,
        staff: StaffMember,
        action: str,
        target: str | None,
        outcome: str,
        details: Mapping[str, object] | None = None,
    ) -> None:
        """Write one audit row (and its log line; ids only, never card data or keys)."""
        self.audit.append(
            staff.id, staff.name, action, target, outcome, dict(details) if details else None
        )
        log.info("%s %s by %s: %s", action, target or "-", staff.id, outcome)
