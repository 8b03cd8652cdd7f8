"""Staff roles and what each may do. Services check these; the GUI only mirrors them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from posdesk.domain.messages import message


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
    # Give a manager's PIN for another person's over-limit operation.
    APPROVE = "approve"


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
        }
    ),
    Role.MANAGER: frozenset(Permission),
}


PERMISSION_DENIED = message("staff.permission_denied", "{name} ({role}) may not {action}")


class PermissionDenied(Exception):
    """Raised by a service when the acting staff member lacks a permission."""

    def __init__(self, staff: StaffMember, permission: Permission) -> None:
        action = permission.value.replace("_", " ")
        super().__init__(
            PERMISSION_DENIED(name=staff.name, role=staff.role.value, action=action)
        )
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
