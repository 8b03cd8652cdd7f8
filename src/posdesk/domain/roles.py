"""Staff roles and what each may do. Services check these; the GUI only mirrors them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from posdesk.domain.messages import Text, message, text


class Permission(StrEnum):
    VIEW_CUSTOMERS = "view_customers"
    EDIT_CUSTOMERS = "edit_customers"
    CHARGE = "charge"
    DETACH_CARD = "detach_card"
    REFUND = "refund"
    CAPTURE = "capture"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_STAFF = "manage_staff"
    VIEW_AUDIT = "view_audit"
    EXPORT = "export"
    RESEND_RECEIPT = "resend_receipt"
    # The whole payment history; without it, only this terminal's payments of today.
    VIEW_HISTORY = "view_history"
    # Give a manager's PIN for another person's over-limit operation.
    APPROVE = "approve"
    # The close of day: X reports, and the Z report that closes a day (managers).
    CLOSE_DAY = "close_day"


class Role(StrEnum):
    CASHIER = "cashier"
    SUPPORT = "support"
    MANAGER = "manager"

    def allows(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self]


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    # Cashiers and support refund too: above the shop's refund limit (or, with none set,
    # always) a manager approves on the spot (services/approval.py).
    Role.CASHIER: frozenset(
        {Permission.VIEW_CUSTOMERS, Permission.EDIT_CUSTOMERS, Permission.CHARGE,
         Permission.REFUND}
    ),
    Role.SUPPORT: frozenset(
        {
            Permission.VIEW_CUSTOMERS,
            Permission.EDIT_CUSTOMERS,
            Permission.DETACH_CARD,
            Permission.REFUND,
            Permission.RESEND_RECEIPT,
            Permission.VIEW_HISTORY,
        }
    ),
    Role.MANAGER: frozenset(Permission),
}


PERMISSION_DENIED = message("staff.permission_denied", "{name} ({role}) may not {action}")

# A role and a permission as staff read them (the sentences above take them translated).
ROLE_NAMES: dict[Role, Text] = {
    Role.CASHIER: text("role.cashier", "Cashier"),
    Role.SUPPORT: text("role.support", "Support"),
    Role.MANAGER: text("role.manager", "Manager"),
}
PERMISSION_ACTIONS: dict[Permission, Text] = {
    Permission.VIEW_CUSTOMERS: text("permission.view_customers", "look up customers"),
    Permission.EDIT_CUSTOMERS: text("permission.edit_customers", "add or change customers"),
    Permission.CHARGE: text("permission.charge", "take payments"),
    Permission.DETACH_CARD: text("permission.detach_card", "remove saved cards"),
    Permission.REFUND: text("permission.refund", "refund payments"),
    Permission.CAPTURE: text("permission.capture", "capture or release authorizations"),
    Permission.MANAGE_SETTINGS: text("permission.manage_settings", "change the settings"),
    Permission.MANAGE_STAFF: text("permission.manage_staff", "manage staff accounts"),
    Permission.VIEW_AUDIT: text("permission.view_audit", "read the audit trail"),
    Permission.EXPORT: text("permission.export", "export data"),
    Permission.RESEND_RECEIPT: text("permission.resend_receipt", "resend receipts"),
    Permission.VIEW_HISTORY: text("permission.view_history",
                                  "see the whole store's payment history"),
    Permission.APPROVE: text("permission.approve", "approve others' operations"),
    Permission.CLOSE_DAY: text("permission.close_day", "close the day"),
}


class PermissionDenied(Exception):
    """Raised by a service when the acting staff member lacks a permission."""

    def __init__(self, staff: StaffMember, permission: Permission) -> None:
        super().__init__(PERMISSION_DENIED(
            name=staff.name, role=ROLE_NAMES[staff.role], action=PERMISSION_ACTIONS[permission]))
        self.staff = staff
        self.permission = permission


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: str
    name: str
    role: Role

    def require(self, permission: Permission) -> None:
        if not self.role.allows(permission):
            raise PermissionDenied(self, permission)
