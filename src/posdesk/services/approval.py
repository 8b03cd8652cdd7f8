"""When an operation needs a manager's approval, in one place.

The rules read the limits from the shop's settings (services/shop_settings.py):
- a charge (a saved card, a card typed in, a saved card with its CVC) above
  `charge_approval_over`;
- a refund above `refund_approval_over`, and every refund while no such limit is set;
- removing a saved card while `remove_card_needs_approval` is on.

A service checks its permission first (the guard), then its input, then `Approvals.check`,
and only then opens a payment or calls Stripe. Without a valid approval the attempt is
audited as "approval_required" and ApprovalRequired is raised: nothing was sent or written.
A manager's own operation needs no one else's approval (their row names them as approver).

Separately, a charge above `confirm_amount_over` is confirmed before it is sent: its amount
typed again (`confirmed`, equal to the amount), or a manager's valid approval of this charge
when the approval rule applied too. Without either the attempt is audited as
"confirmation_required" and ConfirmationRequired is raised: nothing was sent or written. This
holds for everyone, managers included: it guards against a mistyped amount, not a role.
Otherwise a valid approval was given by someone else than the requester, who may approve
(Permission.APPROVE), for this action on this target (`approval_target`: for amounts, the
amount too, so an approval for 50.00 does not cover 5,000.00). The operation's own audit row
then names the approver (`approved_by`, `approved_by_name`); StaffService.approve audited the
manager's side when the PIN was given.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from posdesk.domain.approval import (
    CHARGE_NEEDS_APPROVAL,
    CONFIRM_AMOUNT_ASKED,
    CONFIRM_AMOUNT_NEEDED,
    REFUND_ALWAYS_NEEDS_APPROVAL,
    REFUND_NEEDS_APPROVAL,
    REMOVE_CARD_NEEDS_APPROVAL,
    ApprovalRequired,
    ConfirmationRequired,
)
from posdesk.domain.messages import Text
from posdesk.domain.money import Money, format_money
from posdesk.domain.roles import Permission, StaffMember
from posdesk.services import guard
from posdesk.services.guard import Guard, Operation
from posdesk.services.shop_settings import ShopSettings, ShopSettingsService
from posdesk.services.staff import Approval
from posdesk.store.audit import AuditLog
from posdesk.store.database import Store

# What a rule says: the words for staff when an approval is needed, else None.
Rule = Callable[[ShopSettings, Money | None], Text | None]


def _over(limit: int | None, amount: Money | None, settings: ShopSettings) -> bool:
    if limit is None or amount is None:
        return False
    if amount.currency != settings.currency:
        # A limit in the shop's currency cannot be compared with another: ask.
        return True
    return amount.amount > limit


def _limit_words(limit: int, settings: ShopSettings) -> str:
    return format_money(Money(limit, settings.currency), settings.locale)


def charge_rule(settings: ShopSettings, amount: Money | None) -> Text | None:
    limit = settings.charge_approval_over
    if limit is None or not _over(limit, amount, settings):
        return None
    return CHARGE_NEEDS_APPROVAL(limit=_limit_words(limit, settings))


def refund_rule(settings: ShopSettings, amount: Money | None) -> Text | None:
    limit = settings.refund_approval_over
    if limit is None:
        # No limit set: money going back always has a manager's eye on it (a manager's own
        # refund needs nobody else's).
        return REFUND_ALWAYS_NEEDS_APPROVAL
    if not _over(limit, amount, settings):
        return None
    return REFUND_NEEDS_APPROVAL(limit=_limit_words(limit, settings))


def remove_card_rule(settings: ShopSettings, amount: Money | None) -> Text | None:
    return REMOVE_CARD_NEEDS_APPROVAL if settings.remove_card_needs_approval else None


# Every operation that may need an approval, and its rule.
RULES: Mapping[Operation, Rule] = {
    guard.CHARGE_SAVED_CARD: charge_rule,
    guard.CARD_ENTRY_PAYMENT: charge_rule,
    guard.CARD_ENTRY_CVC: charge_rule,
    guard.REFUND: refund_rule,
    guard.DETACH_CARD: remove_card_rule,
}


# The charges whose amount is confirmed above the shop's `confirm_amount_over`.
CONFIRMED_CHARGES: frozenset[Operation] = frozenset(
    {guard.CHARGE_SAVED_CARD, guard.CARD_ENTRY_PAYMENT, guard.CARD_ENTRY_CVC})


def confirm_rule(
    settings: ShopSettings, amount: Money | None, *, asking: bool = False
) -> Text | None:
    limit = settings.confirm_amount_over
    if limit is None or not _over(limit, amount, settings):
        return None
    words = CONFIRM_AMOUNT_ASKED if asking else CONFIRM_AMOUNT_NEEDED
    return words(limit=_limit_words(limit, settings))


def approval_target(target: str | None, amount: Money | None = None) -> str | None:
    """What a manager approves: the operation's target, with the amount when there is one."""
    if amount is None:
        return target
    return f"{target or '-'} {amount.amount} {amount.currency}"


def is_valid(
    approval: Approval | None, requester: StaffMember, action: str, target: str | None
) -> bool:
    return (
        approval is not None
        and approval.approver.id != requester.id
        and approval.approver.role.allows(Permission.APPROVE)
        and approval.action == action
        and approval.target == target
    )


class Approvals:
    def __init__(self, settings: Callable[[], ShopSettings]) -> None:
        self.settings = settings

    @classmethod
    def of_store(cls, store: Store, terminal_id: str | None = None) -> Approvals:
        """The rules with the limits this store's shop settings say."""
        shop = ShopSettingsService(store, Guard(AuditLog(store, terminal_id)))
        return cls(shop.get)

    def needed(self, operation: Operation, amount: Money | None = None) -> Text | None:
        """Why `operation` needs a manager's approval now, or None."""
        rule = RULES.get(operation)
        return rule(self.settings(), amount) if rule is not None else None

    def check(
        self,
        guard_: Guard,
        staff: StaffMember,
        operation: Operation,
        target: str | None,
        approval: Approval | None,
        *,
        amount: Money | None = None,
        details: Mapping[str, object] | None = None,
    ) -> dict[str, object]:
        """The approver's details for the operation's audit row ({} when none is needed).
        Raises ApprovalRequired, audited, when one is needed and `approval` is not valid."""
        words = self.needed(operation, amount)
        if words is None:
            return {}
        if staff.role.allows(Permission.APPROVE):
            # Someone who may approve needs nobody else's PIN for their own operation; the
            # audit row says they approved it themselves.
            return {"approved_by": staff.id, "approved_by_name": staff.name}
        subject = approval_target(target, amount)
        if is_valid(approval, staff, operation.action, subject):
            assert approval is not None
            return {"approved_by": approval.approver.id,
                    "approved_by_name": approval.approver.name}
        refused: dict[str, object] = {**(details or {}), "approval_target": subject}
        if approval is not None:
            refused["approval_refused_from"] = approval.approver.id
        guard_.record(staff, operation.action, target, "approval_required", refused)
        raise ApprovalRequired(operation.action, subject, words)

    def confirmation_needed(self, operation: Operation, amount: Money | None) -> Text | None:
        """Why `operation` of `amount` must have its amount typed again, or None."""
        if operation not in CONFIRMED_CHARGES:
            return None
        return confirm_rule(self.settings(), amount)

    def charge_confirmation(self, staff: StaffMember, amount: Money | None) -> Text | None:
        """What a charge dialog asks before sending a charge of `amount` by `staff`: why the
        amount must be typed again, or None. None too when a manager's approval will be asked
        for this charge anyway (the approval confirms the amount)."""
        settings = self.settings()
        words = confirm_rule(settings, amount, asking=True)
        if words is None:
            return None
        if (charge_rule(settings, amount) is not None
                and not staff.role.allows(Permission.APPROVE)):
            return None
        return words

    def check_confirmed(
        self,
        guard_: Guard,
        staff: StaffMember,
        operation: Operation,
        target: str | None,
        amount: Money,
        confirmed: Money | None,
        approval: Approval | None,
        *,
        details: Mapping[str, object] | None = None,
    ) -> dict[str, object]:
        """The confirmation's details for the operation's audit row ({} when none is
        needed). Raises ConfirmationRequired, audited, when the amount is above the shop's
        `confirm_amount_over` and was neither typed again (`confirmed` equal to `amount`) nor
        approved by a manager for this amount."""
        words = self.confirmation_needed(operation, amount)
        if words is None:
            return {}
        if confirmed is not None and confirmed == amount:
            return {"amount_confirmed": "retyped"}
        if is_valid(approval, staff, operation.action, approval_target(target, amount)):
            return {"amount_confirmed": "approved"}
        refused: dict[str, object] = {**(details or {})}
        if confirmed is not None:
            refused["confirmed_amount"] = confirmed.amount
            refused["confirmed_currency"] = confirmed.currency
        guard_.record(staff, operation.action, target, "confirmation_required", refused)
        raise ConfirmationRequired(operation.action, words)


__all__ = [
    "CONFIRMED_CHARGES",
    "RULES",
    "ApprovalRequired",
    "Approvals",
    "ConfirmationRequired",
    "approval_target",
    "is_valid",
]
