"""Close of day through the service: a seeded day (charges at two terminals by two staff
members, a partial refund, a decline) against the real sandbox over HTTP, the store on
SQLite and (with POSDESK_TEST_DATABASE_URL) PostgreSQL.

The report's totals are held to the sandbox's own balance transactions, read straight over
HTTP (not through the gateway under test); a Z report closes a day once; a second is refused
in words and audited; two terminals closing at once end with one close; a key without the
balance permission still gives the shop's totals, saying why the fees are missing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests as http
from sqlmodel import select

from posdesk.domain.day_close import ReportKind, Scope, StripeStatus
from posdesk.domain.money import Money
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import PermissionDenied, Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.services.approval import Approvals
from posdesk.services.captures import CaptureService
from posdesk.services.charges import ChargeService
from posdesk.services.day_close import DayAlreadyClosed, DayCloseService, day_bounds
from posdesk.services.errors import InputError
from posdesk.services.guard import Guard
from posdesk.services.refunds import RefundService
from posdesk.services.shop_settings import ShopSettingsService
from posdesk.store import day_closes
from posdesk.store.audit import AuditLog, decode_detail
from posdesk.store.database import Store, open_store
from posdesk.store.models import DayCloseRecord, TerminalRecord
from posdesk.store.terminals import TerminalRepository
from posdesk.store.this_terminal import Terminal
from tests.gateway.sandbox_api import call, new_customer

USD = "USD"
UTC_ZONE = ZoneInfo("UTC")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()


@dataclass
class Day:
    """The seeded day: what was taken where and by whom."""

    store: Store
    manager: StaffMember
    cashier: StaffMember
    till1: Terminal
    till2: Terminal
    settings: ShopSettingsService
    gateway: StripeGateway
    day: date
    payments: dict[str, str]


def _service(day: Day, gateway: StripeGateway | None, terminal: Terminal) -> DayCloseService:
    return DayCloseService(day.store, gateway, day.settings.get, terminal_id=terminal.id,
                           time_zone=lambda: UTC_ZONE)


@pytest.fixture
def seeded(store: Store, gateway: StripeGateway, customer_id: str) -> Day:
    manager = StaffMember("staff-mo", "Mo Manager", Role.MANAGER)
    cashier = StaffMember("staff-cory", "Cory Cashier", Role.CASHIER)
    settings = ShopSettingsService(store, Guard(AuditLog(store, "till-1")))
    settings.save(manager, replace(settings.get(), shop_name="Corner Shop",
                                   refund_approval_over=10_000))
    till1 = Terminal("11111111-1111-4111-8111-111111111111", "Till 1", "host1")
    till2 = Terminal("22222222-2222-4222-8222-222222222222", "Till 2", "host2")
    terminals = TerminalRepository(store)
    for till in (till1, till2):
        terminals.register(TerminalRecord(id=till.id, name=till.name, host=till.host))
    approvals = Approvals(settings.get)

    def charges(till: Terminal) -> ChargeService:
        return ChargeService(store, gateway, terminal=till, approvals=approvals)

    sale = charges(till1).charge_saved_card(cashier, customer_id, "pm_card_visa",
                                            Money(5000, USD), "Sale 1")
    small = charges(till1).charge_saved_card(manager, customer_id, "pm_card_visa",
                                             Money(2000, USD), "Sale 2")
    other = charges(till2).charge_saved_card(cashier, customer_id, "pm_card_visa",
                                             Money(3000, USD), "Sale 3")
    declined = charges(till2).charge_saved_card(cashier, customer_id, "pm_card_chargeDeclined",
                                                Money(4000, USD), "Sale 4")
    assert declined.state is PaymentState.DECLINED
    RefundService(store, gateway, terminal=till1, approvals=approvals).refund(
        cashier, sale.payment_id, Money(1500, USD))
    return Day(store, manager, cashier, till1, till2, settings, gateway,
               datetime.now(UTC).date(),
               {"sale": sale.payment_id, "small": small.payment_id, "other": other.payment_id,
                "declined": declined.payment_id})


def _sandbox_txns(sandbox, key: str) -> list[dict[str, Any]]:
    return call(sandbox.base_url, key, "GET", "/v1/balance_transactions?limit=100")["data"]


def _run_payouts(sandbox, now: int) -> list[dict[str, Any]]:
    response = http.post(sandbox.base_url + "/_sandbox/payouts/run", json={"now": now},
                         timeout=5)
    response.raise_for_status()
    return response.json()["data"]


def test_the_store_report_matches_the_sandboxs_balance_transactions(
    seeded: Day, sandbox, secret_key: str
) -> None:
    txns = _sandbox_txns(sandbox, secret_key)
    charges = [t for t in txns if t["type"] == "charge"]
    refunds = [t for t in txns if t["type"] == "refund"]
    service = _service(seeded, seeded.gateway, seeded.till1)
    report = service.x_report(seeded.manager, Scope.store(), seeded.day)
    assert report.kind is ReportKind.X and report.closed is None
    assert (report.shop_name, report.currency) == ("Corner Shop", USD)
    assert report.stripe.status is StripeStatus.OK
    # The shop's own records...
    assert (report.payments_count, report.sales) == (3, 10_000)
    assert (report.refunds_count, report.refunded, report.net) == (1, 1500, 8500)
    states = {line.state: (line.count, line.amount) for line in report.payment_states}
    assert states == {"succeeded": (3, 10_000), "declined": (1, 4000)}
    # ... and the sandbox's balance transactions agree, fee by fee.
    assert report.stripe.gross == sum(t["amount"] for t in charges) == 10_000
    assert report.stripe.refunded == -sum(t["amount"] for t in refunds) == 1500
    assert report.stripe.fees == sum(t["fee"] for t in txns) == 175 + 88 + 117
    assert report.stripe.net == sum(t["net"] for t in txns) == 10_000 - 380 - 1500
    assert (report.stripe.charges_count, report.stripe.refunds_count) == (3, 1)
    assert report.stripe.missing == 0 and report.matches_stripe
    assert report.stripe.pending == report.stripe.net  # not available before two days
    assert report.stripe.not_paid_out == report.stripe.net and report.stripe.payouts == ()
    staff = {line.name: (line.payments, line.sales, line.refunds, line.refunded)
             for line in report.by_staff}
    assert staff == {"Cory Cashier": (2, 8000, 1, 1500), "Mo Manager": (1, 2000, 0, 0)}
    tills = {line.name: (line.payments, line.sales, line.refunded, line.net)
             for line in report.by_terminal}
    assert tills == {"Till 1": (2, 7000, 1500, 5500), "Till 2": (1, 3000, 0, 3000)}
    [row] = [e for e in AuditLog(seeded.store).list_recent(50) if e.action == "x_report"]
    assert (row.outcome, row.target) == ("made", f"store:{seeded.day.isoformat()}")
    assert decode_detail(row)["net"] == 8500


def test_a_terminal_report_counts_only_that_terminal(seeded: Day) -> None:
    service = _service(seeded, seeded.gateway, seeded.till2)
    one = service.x_report(seeded.manager, Scope.terminal(seeded.till1.id), seeded.day)
    two = service.x_report(seeded.manager, Scope.terminal(seeded.till2.id), seeded.day)
    assert (one.scope_name, one.sales, one.refunded, one.stripe.fees) == (
        "Terminal Till 1", 7000, 1500, 175 + 88)
    assert (two.sales, two.refunded, two.stripe.fees, two.stripe.gross) == (3000, 0, 117, 3000)
    assert {line.state for line in two.payment_states} == {"succeeded", "declined"}
    assert one.matches_stripe and two.matches_stripe


def test_the_payout_the_days_money_landed_in(seeded: Day, sandbox, secret_key: str) -> None:
    txns = _sandbox_txns(sandbox, secret_key)
    [payout] = _run_payouts(sandbox, max(t["available_on"] for t in txns))
    report = _service(seeded, seeded.gateway, seeded.till1).x_report(
        seeded.manager, Scope.store(), seeded.day)
    [line] = report.stripe.payouts
    assert (line.payout_id, line.amount) == (payout["id"], payout["amount"])
    assert line.of_this_day == report.stripe.net == 8120
    assert report.stripe.not_paid_out == 0


def test_an_authorisation_captured_days_later_still_matches_its_day(
    seeded: Day, sandbox, secret_key: str
) -> None:
    charges = ChargeService(seeded.store, seeded.gateway, terminal=seeded.till2)
    held = charges.charge_saved_card(seeded.manager, new_customer(sandbox.base_url, secret_key),
                                     "pm_card_visa", Money(6000, USD), "Deposit",
                                     authorise_only=True)
    before = _service(seeded, seeded.gateway, seeded.till1).x_report(
        seeded.manager, Scope.store(), seeded.day)
    assert ("requires_capture", 1, 6000) in {
        (line.state, line.count, line.amount) for line in before.payment_states}
    assert before.sales == 10_000 and before.matches_stripe  # nothing taken yet
    now = time.time()
    sandbox.state.clock = lambda: now + 3 * 24 * 3600  # captured three days later
    CaptureService(seeded.store, charges.ledger).capture(seeded.manager, held.payment_id,
                                                         Money(4000, USD))
    after = _service(seeded, seeded.gateway, seeded.till1).x_report(
        seeded.manager, Scope.store(), seeded.day)
    assert after.sales == after.stripe.gross == 14_000
    assert after.stripe.fees == 380 + 146  # 116 + 30 on the 40.00 captured
    assert after.matches_stripe
    states = {line.state: (line.count, line.amount) for line in after.payment_states}
    assert states["succeeded"] == (4, 14_000)  # what the capture took, not what was held


def test_a_day_closes_once_and_a_second_z_is_refused(seeded: Day) -> None:
    service = _service(seeded, seeded.gateway, seeded.till1)
    closed = service.z_report(seeded.manager, Scope.store(), seeded.day)
    assert closed.kind is ReportKind.Z and closed.closed is not None
    assert closed.closed.number >= 1 and closed.closed.staff_name == "Mo Manager"
    with pytest.raises(DayAlreadyClosed) as refused:
        service.z_report(seeded.manager, Scope.store(), seeded.day)
    assert "already closed" in str(refused.value)
    assert f"no. {closed.closed.number}" in str(refused.value)
    # A terminal's own day is a separate close.
    till = service.z_report(seeded.manager, Scope.terminal(seeded.till1.id), seeded.day)
    assert till.closed and till.closed.number != closed.closed.number
    # An X report afterwards says the day is closed, and changes nothing.
    after = service.x_report(seeded.manager, Scope.store(), seeded.day)
    assert after.closed == closed.closed and after.sales == closed.sales
    with seeded.store.session() as session:
        rows = list(session.exec(select(DayCloseRecord)))
    assert len(rows) == 2
    store_row = next(r for r in rows if r.scope == "store")
    assert (store_row.sales, store_row.refunded, store_row.fees) == (10_000, 1500, 380)
    assert '"net": 8500' in store_row.totals and store_row.closed_by == seeded.manager.id
    outcomes = [(e.action, e.outcome) for e in reversed(AuditLog(seeded.store).list_recent(50))
                if e.action == "z_report"]
    assert outcomes == [("z_report", "closed"), ("z_report", "refused"), ("z_report", "closed")]


def test_a_closed_days_z_report_reads_back_as_it_was_made(
    seeded: Day, sandbox, secret_key: str
) -> None:
    service = _service(seeded, seeded.gateway, seeded.till1)
    assert service.closed_report(seeded.manager, Scope.store(), seeded.day) is None
    closed = service.z_report(seeded.manager, Scope.store(), seeded.day)
    # Later movements change an X report, never the Z the day was closed with.
    ChargeService(seeded.store, seeded.gateway, terminal=seeded.till1).charge_saved_card(
        seeded.manager, new_customer(sandbox.base_url, secret_key), "pm_card_visa",
        Money(900, USD), "Late sale")
    later = service.x_report(seeded.manager, Scope.store(), seeded.day)
    assert later.sales == 10_900
    copy = service.closed_report(seeded.manager, Scope.store(), seeded.day)
    assert copy is not None and copy.copy and copy.kind is ReportKind.Z
    assert copy == replace(closed, copy=True)  # every figure, line and payout as made
    [row] = [e for e in AuditLog(seeded.store).list_recent(50)
             if e.action == "x_report" and e.outcome == "copy"]
    assert decode_detail(row)["number"] == closed.closed.number


def test_two_terminals_closing_at_once_end_with_one_close(seeded: Day) -> None:
    services = [_service(seeded, seeded.gateway, till) for till in (seeded.till1, seeded.till2)]
    barrier = threading.Barrier(2)
    results: list[object] = []

    def close(service: DayCloseService) -> None:
        barrier.wait()
        try:
            results.append(service.z_report(seeded.manager, Scope.store(), seeded.day))
        except DayAlreadyClosed as error:
            results.append(error)

    threads = [threading.Thread(target=close, args=(s,)) for s in services]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(type(r).__name__ for r in results) == ["DayAlreadyClosed", "DayReport"]
    with seeded.store.session() as session:
        assert len(list(session.exec(select(DayCloseRecord)))) == 1


def test_the_unique_constraint_decides_between_two_closes(seeded: Day) -> None:
    def record(by: str) -> DayCloseRecord:
        return DayCloseRecord(scope="store", business_date=seeded.day, time_zone="UTC",
                              closed_by=by, currency=USD, totals="{}")

    first = day_closes.close(seeded.store, record("staff-a"))
    with pytest.raises(day_closes.AlreadyClosed) as lost:
        day_closes.close(seeded.store, record("staff-b"))
    assert lost.value.existing.number == first.number
    assert lost.value.existing.closed_by == "staff-a"


def test_only_managers_close_the_day(seeded: Day) -> None:
    service = _service(seeded, seeded.gateway, seeded.till1)
    with pytest.raises(PermissionDenied):
        service.z_report(seeded.cashier, Scope.store(), seeded.day)
    with pytest.raises(PermissionDenied):
        service.x_report(seeded.cashier, Scope.store(), seeded.day)
    denied = [e for e in AuditLog(seeded.store).list_recent(50) if e.outcome == "denied"]
    assert {e.action for e in denied} == {"x_report", "z_report"}


def test_a_day_not_begun_cannot_be_closed(seeded: Day) -> None:
    service = _service(seeded, seeded.gateway, seeded.till1)
    with pytest.raises(InputError):
        service.z_report(seeded.manager, Scope.store(), seeded.day + timedelta(days=2))


def test_a_key_without_the_balance_permission_still_gives_the_shops_totals(
    seeded: Day, sandbox
) -> None:
    restricted = StripeGateway("rk_test_nobalance_" + "b" * 24, sandbox.base_url, timeout=5)
    report = _service(seeded, restricted, seeded.till1).x_report(
        seeded.manager, Scope.store(), seeded.day)
    assert report.stripe.status is StripeStatus.NOT_PERMITTED
    assert str(report.stripe.problem).startswith("Fees unavailable with this key")
    assert (report.sales, report.refunded) == (10_000, 1500)
    no_key = _service(seeded, None, seeded.till1).x_report(seeded.manager, Scope.store(),
                                                           seeded.day)
    assert no_key.stripe.status is StripeStatus.NOT_CONFIGURED and no_key.sales == 10_000


def test_the_business_day_follows_the_shops_time_zone() -> None:
    start, end = day_bounds(date(2026, 3, 29), ZoneInfo("Europe/Berlin"))
    # The night the clocks go forward: 23 hours, from 23:00 UTC the day before.
    assert start == datetime(2026, 3, 28, 23, 0, tzinfo=UTC)
    assert end - start == timedelta(hours=23)
    start, end = day_bounds(date(2026, 11, 30), ZoneInfo("Asia/Shanghai"))
    assert start == datetime(2026, 11, 29, 16, 0, tzinfo=UTC) and end - start == timedelta(1)
