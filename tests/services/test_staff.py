"""Staff accounts and PIN sign-in: the first manager, growing delays per account and per
terminal, approvals, and managing staff (on SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher

from posdesk.domain.roles import PermissionDenied, Role, StaffMember
from posdesk.services import staff as staff_module
from posdesk.services.errors import InputError
from posdesk.services.guard import Guard
from posdesk.services.staff import SignInRefused, StaffService, check_pin, delay_after
from posdesk.store.audit import AuditLog
from posdesk.store.staff import StaffRepository
from tests.store.conftest import open_test_store, store  # noqa: F401


class Clock:
    def __init__(self) -> None:
        self.at = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.at

    def advance(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def service(store, clock, terminal: str = "till-1") -> StaffService:  # noqa: F811
    return StaffService(StaffRepository(store), Guard(AuditLog(store, terminal)), terminal, clock)


def outcomes(store, action: str) -> list[str]:  # noqa: F811
    return [e.outcome for e in reversed(AuditLog(store).list_recent(500)) if e.action == action]


def test_a_new_store_asks_for_its_first_manager_once(store, clock) -> None:  # noqa: F811
    staff = service(store, clock)
    assert staff.needs_first_manager()
    mo = staff.create_first_manager("  Mo   Manager ", "2580")
    assert mo.role == Role.MANAGER and mo.name == "Mo Manager"
    assert not staff.needs_first_manager()
    with pytest.raises(InputError):
        staff.create_first_manager("Eve Intruder", "9517")
    assert [a.name for a in staff.accounts()] == ["Mo Manager"]
    assert outcomes(store, "create_first_manager") == ["created"]


def test_the_pin_is_kept_only_as_an_argon2id_hash(store, clock) -> None:  # noqa: F811
    staff = service(store, clock)
    mo = staff.create_first_manager("Mo Manager", "2580")
    record = StaffRepository(store).get(mo.id)
    assert record is not None and "2580" not in record.pin_hash
    assert record.pin_hash.startswith("$argon2id$") and "m=19456,t=2,p=1" in record.pin_hash


def test_sign_in_with_the_right_pin_and_refused_with_a_wrong_one(store, clock) -> None:  # noqa: F811
    staff = service(store, clock)
    mo = staff.create_first_manager("Mo Manager", "2580")
    assert staff.sign_in(mo.id, "2580") == mo
    with pytest.raises(SignInRefused) as refused:
        staff.sign_in(mo.id, "0852")
    assert refused.value.wait_s == 0 and "Wrong PIN" in refused.value.message
    assert outcomes(store, "sign_in") == ["signed_in", "wrong_pin"]


@pytest.mark.parametrize("pin", ["123", "12a4", "1111", "1234", "9876", "1" * 13, "１２３９"])
def test_simple_or_malformed_pins_are_refused(pin: str) -> None:
    with pytest.raises(InputError):
        check_pin(pin)


def test_delays_grow_after_wrong_pins_and_end_with_the_right_one(store, clock) -> None:  # noqa: F811
    staff = service(store, clock)
    mo = staff.create_first_manager("Mo Manager", "2580")
    waits = []
    for _ in range(6):
        with pytest.raises(SignInRefused) as refused:
            staff.sign_in(mo.id, "0000")
        waits.append(refused.value.wait_s)
        clock.advance(refused.value.wait_s)
    assert waits == [0, 0, 5, 10, 20, 40]
    assert [delay_after(n) for n in (1, 2, 3, 4, 20)] == [0, 0, 5, 10, 15 * 60]
    # While a delay runs no PIN is checked, the right one neither.
    clock.advance(-1)
    with pytest.raises(SignInRefused) as refused:
        staff.sign_in(mo.id, "2580")
    assert refused.value.wait_s == 1 and "1 seconds" in refused.value.message
    clock.advance(1)
    assert staff.sign_in(mo.id, "2580") == mo
    with pytest.raises(SignInRefused) as refused:
        staff.sign_in(mo.id, "0000")
    assert refused.value.wait_s == 0  # the count started again
    assert outcomes(store, "sign_in").count("delayed") == 1


def test_walking_through_accounts_meets_the_terminal_delay(store, clock) -> None:  # noqa: F811
    staff = service(store, clock)
    mo = staff.create_first_manager("Mo Manager", "2580")
    people = [staff.add(mo, f"Person {i}", Role.CASHIER, "3690") for i in range(4)]
    waits = []
    for person in people:
        clock.advance(waits[-1] if waits else 0)
        with pytest.raises(SignInRefused) as refused:
            staff.sign_in(person.id, "0000")
        waits.append(refused.value.wait_s)
    assert waits == [0, 0, 5, 10]  # one wrong PIN per account, four on this terminal
    # Another terminal is not slowed by this one, but the accounts are.
    other = service(store, clock, "till-2")
    assert other.sign_in(people[0].id, "3690").id == people[0].id
    with pytest.raises(SignInRefused):
        staff.sign_in(people[0].id, "3690")


def test_unknown_and_switched_off_accounts_cannot_sign_in(store, clock) -> None:  # noqa: F811
    staff = service(store, clock)
    mo = staff.create_first_manager("Mo Manager", "2580")
    cory = staff.add(mo, "Cory Cashier", Role.CASHIER, "3690")
    staff.update(mo, cory.id, active=False)
    assert [a.name for a in staff.accounts()] == ["Mo Manager"]
    for who in (cory.id, "nobody"):
        with pytest.raises(SignInRefused):
            staff.sign_in(who, "3690")


def test_a_raised_hash_cost_rehashes_at_the_next_sign_in(store, clock, monkeypatch) -> None:  # noqa: F811
    staff = service(store, clock)
    mo = staff.create_first_manager("Mo Manager", "2580")
    stronger = PasswordHasher(time_cost=3, memory_cost=19 * 1024, parallelism=1)
    monkeypatch.setattr(staff_module, "PIN_HASHER", stronger)
    staff.sign_in(mo.id, "2580")
    record = StaffRepository(store).get(mo.id)
    assert record is not None and "t=3" in record.pin_hash
    assert staff.sign_in(mo.id, "2580") == mo


def test_managers_manage_staff_and_others_are_refused(store, clock) -> None:  # noqa: F811
    staff = service(store, clock)
    mo = staff.create_first_manager("Mo Manager", "2580")
    cory = staff.add(mo, "Cory Cashier", Role.CASHIER, "3690").member
    for call in (
        lambda: staff.add(cory, "Eve", Role.MANAGER, "3690"),
        lambda: staff.update(cory, cory.id, role=Role.MANAGER),
        lambda: staff.set_pin(cory, mo.id, "7531"),
        lambda: staff.all_accounts(cory),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert StaffRepository(store).get(cory.id).role == Role.CASHIER.value
    staff.set_pin(cory, cory.id, "7531")  # one's own PIN
    assert staff.sign_in(cory.id, "7531") == cory
    with pytest.raises(InputError):
        staff.add(mo, "cory cashier", Role.SUPPORT, "3690")  # the same name
    with pytest.raises(InputError):
        staff.update(mo, mo.id, role=Role.CASHIER)  # the last manager
    updated = staff.update(mo, cory.id, role=Role.SUPPORT, name="Cory Support")
    assert (updated.role, updated.name) == (Role.SUPPORT, "Cory Support")
    assert "denied" in outcomes(store, "add_staff")


def test_a_managers_pin_approves_another_persons_operation(store, clock) -> None:  # noqa: F811
    staff = service(store, clock)
    mo = staff.create_first_manager("Mo Manager", "2580")
    cory = staff.add(mo, "Cory Cashier", Role.CASHIER, "3690").member
    sam = staff.add(mo, "Sam Support", Role.SUPPORT, "1470").member
    approval = staff.approve(mo.id, "2580", cory, "refund", "pi_1")
    assert approval.approver == mo and approval.action == "refund"
    with pytest.raises(SignInRefused):
        staff.approve(sam.id, "1470", cory, "refund", "pi_1")  # not a manager
    with pytest.raises(SignInRefused):
        staff.approve(mo.id, "0000", cory, "refund", "pi_1")
    with pytest.raises(SignInRefused):
        staff.approve(mo.id, "2580", mo, "refund", "pi_1")  # not oneself
    assert outcomes(store, "approve") == ["approved", "denied", "wrong_pin"]


def test_two_terminals_creating_the_first_manager_at_once_make_one(
    open_test_store, clock  # noqa: F811
) -> None:
    import threading

    stores = [open_test_store(), open_test_store()]
    results: list[StaffMember | Exception] = []

    def create(i: int) -> None:
        try:
            results.append(service(stores[i], clock, f"till-{i}").create_first_manager(
                f"Manager {i}", "2580"))
        except InputError as exc:
            results.append(exc)

    threads = [threading.Thread(target=create, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(type(r).__name__ for r in results) == ["InputError", "StaffMember"]
    assert StaffRepository(stores[0]).count() == 1
