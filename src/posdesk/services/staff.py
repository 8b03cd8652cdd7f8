"""Staff accounts and signing in with a PIN.

PINs are hashed with Argon2id (argon2-cffi). Each hash carries its own salt and cost
parameters, so raising `PIN_HASHER`'s costs later re-hashes each PIN at its owner's next
sign-in. Wrong PINs in a row meet a growing delay, counted per account and per terminal
(walking through the accounts does not escape it); while a delay runs, no PIN is checked.

Every sign-in, refusal, approval and account change is audited through the one guard.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from posdesk.domain.messages import message, text
from posdesk.domain.roles import Permission, PermissionDenied, Role, StaffMember
from posdesk.services import guard
from posdesk.services.errors import InputError
from posdesk.services.guard import Guard
from posdesk.store.models import utcnow
from posdesk.store.staff import StaffRepository
from posdesk.store.staff_models import StaffAccountRecord

# OWASP's minimum for Argon2id (19 MiB, 2 passes): tens of milliseconds per sign-in. A PIN
# has few digits, so a stolen hash still falls in hours; the hashes stay inside the store
# and guessing at the till meets the growing delay.
PIN_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)

PIN_DIGITS = (4, 12)
NAME_LIMIT = 256
# Wrong PINs in a row allowed without waiting; then 5 s, 10 s, 20 s ... up to 15 minutes.
FREE_TRIES = 3
FIRST_DELAY_S = 5.0
LONGEST_DELAY_S = 15 * 60.0

MESSAGE_PIN_DIGITS = message(
    "staff.pin_digits", "A PIN is {low} to {high} digits."
)(low=PIN_DIGITS[0], high=PIN_DIGITS[1])
MESSAGE_PIN_TOO_SIMPLE = text(
    "staff.pin_too_simple",
    "This PIN is too easy to guess (one digit repeated, or digits in a row). Choose another.",
)
MESSAGE_NAME_REQUIRED = text("staff.name_required", "Enter the person's name.")
MESSAGE_NAME_TOO_LONG = message(
    "staff.name_too_long", "A staff member's name has at most {limit} characters."
)(limit=NAME_LIMIT)
MESSAGE_NAME_TAKEN = text(
    "staff.name_taken", "Someone on the staff already has this name. Add a surname or initial."
)
MESSAGE_WRONG_PIN = text("staff.wrong_pin", "Wrong PIN.")
MESSAGE_WAIT = message(
    "staff.wait", "Too many wrong PINs. Try again in {seconds} seconds."
)
MESSAGE_NO_ACCOUNT = text("staff.no_account", "This account does not exist or is switched off.")
MESSAGE_NOT_FIRST = text(
    "staff.not_first_manager",
    "This store already has staff: sign in, and a manager can add you.",
)
MESSAGE_LAST_MANAGER = text(
    "staff.last_manager",
    "The store must keep at least one active manager: make someone else a manager first.",
)
MESSAGE_NOT_A_MANAGER = text("staff.approver_not_manager", "Only a manager can approve this.")
MESSAGE_SELF_APPROVAL = text(
    "staff.self_approval", "Another person must approve: ask a manager for their PIN."
)


class SignInRefused(Exception):
    """A PIN was not accepted. `wait_s` is how long until the next try is taken (0: now)."""

    def __init__(self, words: str, wait_s: float = 0.0) -> None:
        super().__init__(words)
        self.message = words
        self.wait_s = wait_s


@dataclass(frozen=True, slots=True)
class StaffAccount:
    """What screens may know of an account (never its PIN hash)."""

    id: str
    name: str
    role: Role
    active: bool

    @property
    def member(self) -> StaffMember:
        return StaffMember(id=self.id, name=self.name, role=self.role)


@dataclass(frozen=True, slots=True)
class Approval:
    """A manager's PIN given for one operation of another person."""

    approver: StaffMember
    action: str
    target: str | None


def delay_after(failures: int) -> float:
    """Seconds before the next try after `failures` wrong PINs in a row."""
    if failures <= FREE_TRIES - 1:
        return 0.0
    return min(LONGEST_DELAY_S, FIRST_DELAY_S * 2 ** (failures - FREE_TRIES))


def check_pin(pin: str) -> str:
    """The PIN if it is acceptable as a new PIN; InputError otherwise."""
    if not (pin.isascii() and pin.isdigit()) or not (
        PIN_DIGITS[0] <= len(pin) <= PIN_DIGITS[1]
    ):
        raise InputError(MESSAGE_PIN_DIGITS)
    steps = {int(b) - int(a) for a, b in zip(pin, pin[1:], strict=False)}
    if steps in ({0}, {1}, {-1}):
        raise InputError(MESSAGE_PIN_TOO_SIMPLE)
    return pin


def check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InputError(MESSAGE_NAME_REQUIRED)
    if len(name) > NAME_LIMIT:
        raise InputError(MESSAGE_NAME_TOO_LONG)
    return name


def _account(record: StaffAccountRecord) -> StaffAccount:
    return StaffAccount(record.id, record.name, Role(record.role), record.active)


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite gives back naive datetimes; the store writes UTC.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


class StaffService:
    def __init__(
        self,
        repository: StaffRepository,
        guard_: Guard,
        terminal_id: str,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self.repository = repository
        self.guard = guard_
        self.terminal_id = terminal_id
        self.now = now

    # -- the first manager ------------------------------------------------------------------

    def needs_first_manager(self) -> bool:
        return self.repository.count() == 0

    def create_first_manager(self, name: str, pin: str) -> StaffMember:
        """The new store's first account, a manager, signed in. Refused once any exists."""
        record = self._new_record(check_name(name), Role.MANAGER, check_pin(pin))
        if not self.repository.add_first(record):
            raise InputError(MESSAGE_NOT_FIRST)
        member = _account(record).member
        self.guard.record(member, guard.CREATE_FIRST_MANAGER.action, member.id, "created")
        return member

    # -- signing in -------------------------------------------------------------------------

    def accounts(self) -> list[StaffAccount]:
        """The active accounts, by name: whom the sign-in screen offers."""
        return [_account(r) for r in self.repository.list()]

    def sign_in(self, staff_id: str, pin: str) -> StaffMember:
        """The member whose PIN this is; SignInRefused (audited) otherwise."""
        member = self._verify(staff_id, pin, guard.SIGN_IN.action)
        self.guard.record(member, guard.SIGN_IN.action, member.id, "signed_in")
        return member

    def record_sign_out(self, member: StaffMember, reason: str) -> None:
        """Audit a sign-out, a lock or a switch of user (`reason`)."""
        self.guard.record(member, guard.SIGN_OUT.action, member.id, reason)

    def approve(
        self, manager_id: str, pin: str, requester: StaffMember, action: str, target: str | None
    ) -> Approval:
        """A manager's PIN for `requester`'s `action`: checked with the same delays as a
        sign-in, audited under the manager's name."""
        if manager_id == requester.id:
            raise SignInRefused(MESSAGE_SELF_APPROVAL)
        manager = self._verify(manager_id, pin, guard.APPROVE.action)
        try:
            details = {"for": requester.id, "action": action}
            self.guard.check(manager, guard.APPROVE, target, details)
        except PermissionDenied:
            raise SignInRefused(MESSAGE_NOT_A_MANAGER) from None
        self.guard.record(
            manager, guard.APPROVE.action, target, "approved",
            {"for": requester.id, "for_name": requester.name, "action": action},
        )
        return Approval(manager, action, target)

    def _verify(self, staff_id: str, pin: str, action: str) -> StaffMember:
        now = self.now()
        record = self.repository.get(staff_id)
        wait = self._wait(record, now)
        unknown = StaffMember(id=staff_id[:64], name="", role=Role.CASHIER)
        if wait > 0:
            self.guard.record(
                _account(record).member if record else unknown, action, staff_id, "delayed",
                {"wait_s": round(wait)},
            )
            raise SignInRefused(MESSAGE_WAIT(seconds=max(1, round(wait))), wait)
        if record is None or not record.active:
            self._failed(None, now)
            self.guard.record(unknown, action, staff_id, "no_account")
            raise SignInRefused(MESSAGE_NO_ACCOUNT)
        member = _account(record).member
        try:
            PIN_HASHER.verify(record.pin_hash, pin)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            failures = self._failed(record.id, now)
            self.guard.record(member, action, member.id, "wrong_pin", {"in_a_row": failures})
            raise SignInRefused(MESSAGE_WRONG_PIN, delay_after(failures)) from None
        rehash = {}
        if PIN_HASHER.check_needs_rehash(record.pin_hash):
            rehash["pin_hash"] = PIN_HASHER.hash(pin)
        self.repository.record_success(record.id, self.terminal_id, **rehash)
        return member

    def _wait(self, record: StaffAccountRecord | None, now: datetime) -> float:
        blocks = [_aware(record.blocked_until) if record else None]
        terminal = self.repository.terminal_block(self.terminal_id)
        blocks.append(_aware(terminal.blocked_until) if terminal else None)
        return max([(b - now).total_seconds() for b in blocks if b is not None] + [0.0])

    def _failed(self, staff_id: str | None, now: datetime) -> int:
        account, terminal = self.repository.record_failure(
            staff_id, self.terminal_id, delay_after, now
        )
        return max(account, terminal)

    # -- managing staff (managers) ----------------------------------------------------------

    def all_accounts(self, actor: StaffMember) -> list[StaffAccount]:
        self.guard.check(actor, guard.LIST_STAFF, None)
        return [_account(r) for r in self.repository.list(include_inactive=True)]

    def add(self, actor: StaffMember, name: str, role: Role, pin: str) -> StaffAccount:
        name, pin = check_name(name), check_pin(pin)
        with self.guard.run(actor, guard.ADD_STAFF, None) as audited:
            self._name_free(name, None)
            record = self._new_record(name, role, pin)
            self.repository.add(record)
            audited.done("added", target=record.id, name=name, role=role.value)
        return _account(record)

    def update(
        self,
        actor: StaffMember,
        staff_id: str,
        *,
        name: str | None = None,
        role: Role | None = None,
        active: bool | None = None,
    ) -> StaffAccount:
        values: dict[str, object] = {}
        if name is not None:
            values["name"] = check_name(name)
        if role is not None:
            values["role"] = role.value
        if active is not None:
            values["active"] = active
        with self.guard.run(actor, guard.UPDATE_STAFF, staff_id) as audited:
            current = self.repository.get(staff_id)
            if current is None:
                raise InputError(MESSAGE_NO_ACCOUNT)
            if "name" in values:
                self._name_free(str(values["name"]), staff_id)
            losing_manager = current.role == Role.MANAGER.value and (
                values.get("role", Role.MANAGER.value) != Role.MANAGER.value
                or values.get("active", True) is False
            )
            if losing_manager and self._active_managers() <= 1 and current.active:
                raise InputError(MESSAGE_LAST_MANAGER)
            record = self.repository.update(staff_id, **values)
            assert record is not None
            audited.done("updated", **{k: str(v) for k, v in values.items()})
        return _account(record)

    def set_pin(self, actor: StaffMember, staff_id: str, pin: str) -> None:
        """A manager sets anyone's PIN; anyone may change their own."""
        pin = check_pin(pin)
        operation = guard.CHANGE_OWN_PIN if actor.id == staff_id else guard.SET_PIN
        with self.guard.run(actor, operation, staff_id) as audited:
            if self.repository.update(staff_id, pin_hash=PIN_HASHER.hash(pin)) is None:
                raise InputError(MESSAGE_NO_ACCOUNT)
            audited.done("changed")

    def _active_managers(self) -> int:
        return sum(1 for r in self.repository.list() if r.role == Role.MANAGER.value)

    def _name_free(self, name: str, except_id: str | None) -> None:
        folded = name.casefold()
        for record in self.repository.list(include_inactive=True):
            if record.id != except_id and record.name.casefold() == folded:
                raise InputError(MESSAGE_NAME_TAKEN)

    @staticmethod
    def _new_record(name: str, role: Role, pin: str) -> StaffAccountRecord:
        return StaffAccountRecord(
            id=str(uuid.uuid4()), name=name, role=role.value, pin_hash=PIN_HASHER.hash(pin)
        )


__all__ = [
    "Approval",
    "Permission",
    "SignInRefused",
    "StaffAccount",
    "StaffService",
    "check_pin",
    "delay_after",
]
