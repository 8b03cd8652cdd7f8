"""The history service on SQLite and PostgreSQL: a cashier sees only this terminal's
payments of today whatever the filter asks (pages, totals, choices, detail, and cannot
export); the export writes the filter as UTF-8 CSV with a BOM, plain decimal amounts and
ISO 8601 times, is audited, and can be canceled; the detail of a payment refunded
elsewhere (in Stripe, brought in by sync) shows the refund and the timeline.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert

from posdesk.domain.history import CSV_COLUMNS, HistoryQuery, SortOrder, TimelineKind
from posdesk.domain.money import Money
from posdesk.domain.roles import PermissionDenied, Role, StaffMember
from posdesk.services.charges import ChargeService
from posdesk.services.history import HistoryService
from posdesk.store.audit import AuditLog, decode_detail
from posdesk.store.database import Store, open_store
from posdesk.store.models import PaymentRecord
from posdesk.sync.applier import EventApplier
from tests.gateway.sandbox_api import call

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
TILL = "till-1"
CASHIER = StaffMember("staff-c", "Cory Cashier", Role.CASHIER)
SUPPORT = StaffMember("staff-s", "Sam Support", Role.SUPPORT)
MANAGER = StaffMember("staff-m", "Mo Manager", Role.MANAGER)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def history(store: Store) -> HistoryService:
    return HistoryService(store, TILL, now=lambda: NOW, zone=UTC)


def _row(i: int, *, terminal: str | None, at: datetime, state: str = "succeeded",
         amount: int = 1000, description: str | None = None, currency: str = "USD"
         ) -> dict[str, Any]:
    received = amount if state == "succeeded" else 0
    return {
        "id": f"pay-{i:04d}", "idempotency_key": f"k-{i}", "intent_id": f"pi_{i}",
        "customer_id": None, "payment_method_id": None, "amount": amount,
        "currency": currency, "description": description, "state": state,
        "staff_id": "staff-c", "staff_name": "Cory Cashier", "amount_received": received,
        "amount_refunded": 0, "livemode": False, "terminal_id": terminal,
        "created_at": at, "updated_at": at,
    }


@pytest.fixture
def payments(store: Store) -> list[dict[str, Any]]:
    today = NOW.replace(hour=9)
    rows = [
        # This till, today: 3 (one declined).
        _row(1, terminal=TILL, at=today, amount=1250, description="咖啡 coffee"),
        _row(2, terminal=TILL, at=today + timedelta(hours=1), state="declined", amount=900),
        _row(3, terminal=TILL, at=today + timedelta(hours=2), amount=4000,
             description="=HYPERLINK(\"http://x\")"),
        # This till, yesterday; another till, today; a payment made elsewhere today.
        _row(4, terminal=TILL, at=today - timedelta(days=1), amount=7000),
        _row(5, terminal="till-2", at=today, amount=5000),
        _row(6, terminal=None, at=today + timedelta(hours=3), amount=333, currency="EUR"),
    ]
    with store.engine.begin() as conn:
        conn.execute(insert(PaymentRecord.__table__), rows)  # type: ignore[attr-defined]
    return rows


def ids(rows: list[Any]) -> list[str]:
    return [r.id for r in rows]


def test_a_cashier_sees_only_this_terminals_day_whatever_the_filter(
    history: HistoryService, payments: list[dict[str, Any]]
) -> None:
    everything = HistoryQuery()
    assert ids(history.page(MANAGER, everything, None, 50)) == [
        "pay-0006", "pay-0003", "pay-0002", "pay-0005", "pay-0001", "pay-0004"]
    assert ids(history.page(SUPPORT, everything, None, 50)) == ids(
        history.page(MANAGER, everything, None, 50))
    assert ids(history.page(CASHIER, everything, None, 50)) == [
        "pay-0003", "pay-0002", "pay-0001"]
    # Asking for another till, or for yesterday, does not widen it.
    assert history.page(CASHIER, HistoryQuery(terminal_id="till-2"), None, 50) == []
    yesterday = HistoryQuery(start=NOW - timedelta(days=2), end=NOW.replace(hour=0))
    assert history.page(CASHIER, yesterday, None, 50) == []
    assert ids(history.page(MANAGER, yesterday, None, 50)) == ["pay-0004"]
    # Totals follow the same scope.
    [usd] = history.totals(CASHIER, everything)
    assert (usd.currency, usd.count, usd.gross, usd.answered, usd.declined) == (
        "USD", 3, 5250, 3, 1)
    assert usd.decline_rate == pytest.approx(1 / 3)
    manager_totals = {t.currency: t for t in history.totals(MANAGER, everything)}
    assert manager_totals["USD"].count == 5 and manager_totals["EUR"].gross == 333
    choices = history.choices(CASHIER)
    assert choices.limited and [t for t, _name in choices.terminals] == [TILL]
    assert not history.choices(MANAGER).limited


def test_a_cashier_may_open_only_this_terminals_payments_of_today(
    history: HistoryService, payments: list[dict[str, Any]], store: Store
) -> None:
    assert history.detail(CASHIER, "pay-0001").payment.id == "pay-0001"
    for other in ("pay-0004", "pay-0005"):
        with pytest.raises(PermissionDenied):
            history.detail(CASHIER, other)
    denied = [e for e in AuditLog(store).list_recent(10) if e.outcome == "denied"]
    assert {e.target for e in denied} == {"pay-0004", "pay-0005"}
    assert {e.action for e in denied} == {"view_payment_detail"}
    assert history.detail(MANAGER, "pay-0005").terminal_name == "till-2"


def _read_csv(path: Path) -> tuple[bytes, list[dict[str, str]]]:
    raw = path.read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    return raw, rows


def test_the_export_writes_the_filter_and_is_audited(
    history: HistoryService, payments: list[dict[str, Any]], store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "payments.csv"
    seen: list[tuple[int, int]] = []
    query = HistoryQuery(terminal_id=TILL, sort=SortOrder.OLDEST)
    result = history.export_csv(MANAGER, query, path, progress=lambda w, t: seen.append((w, t)))
    assert (result.rows, result.canceled) == (4, False)
    raw, rows = _read_csv(path)
    assert raw.startswith(b"\xef\xbb\xbf")
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert [r["payment_id"] for r in rows] == ["pay-0004", "pay-0001", "pay-0002", "pay-0003"]
    first = rows[1]
    assert (first["amount"], first["currency"], first["state"]) == ("12.50", "USD", "succeeded")
    assert first["created_at"] == "2026-11-30T09:00:00Z"
    assert first["description"] == "咖啡 coffee"
    assert rows[2]["amount_received"] == "0.00" and rows[3]["amount"] == "40.00"
    # A description a spreadsheet would run as a formula is kept as text.
    assert rows[3]["description"].startswith("'=HYPERLINK")
    assert seen and seen[-1] == (4, 4)
    [entry] = [e for e in AuditLog(store).list_recent(20) if e.action == "export_history"]
    detail = decode_detail(entry)
    assert entry.outcome == "exported" and detail is not None
    assert (detail["rows"], detail["filter_terminal"], detail["file"]) == (
        4, TILL, "payments.csv")


def test_a_canceled_export_keeps_no_file_and_is_audited(
    history: HistoryService, payments: list[dict[str, Any]], store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "stopped.csv"
    result = history.export_csv(MANAGER, HistoryQuery(), path, canceled=lambda: True)
    assert result.canceled and result.rows == 0
    assert not path.exists()
    [entry] = [e for e in AuditLog(store).list_recent(20) if e.action == "export_history"]
    assert entry.outcome == "canceled"


def test_export_needs_the_export_permission(
    history: HistoryService, payments: list[dict[str, Any]], tmp_path: Path
) -> None:
    for who in (CASHIER, SUPPORT):
        path = tmp_path / f"{who.role.value}.csv"
        with pytest.raises(PermissionDenied):
            history.export_csv(who, HistoryQuery(), path)
        assert not path.exists()


def test_the_detail_of_a_payment_refunded_elsewhere(
    store: Store, gateway: Any, sandbox: Any, secret_key: str, customer_id: str
) -> None:
    charges = ChargeService(store, gateway)
    paid = charges.charge_saved_card(MANAGER, customer_id, "pm_card_visa",
                                     Money(4000, "USD"), "Sale")
    history = HistoryService(store, TILL)
    intent_id = history.detail(MANAGER, paid.payment_id).payment.intent_id
    # A refund made in the Stripe Dashboard: this terminal hears of it through sync only.
    call(sandbox.base_url, secret_key, "POST", "/v1/refunds",
         {"payment_intent": intent_id, "amount": 1500, "reason": "duplicate"})
    found = call(sandbox.base_url, secret_key, "GET", "/v1/events?limit=100")["data"]
    EventApplier(store).apply(found)

    detail = history.detail(MANAGER, paid.payment_id)
    assert detail.payment.amount_refunded == 1500
    [refund] = detail.refunds
    assert (refund.amount, refund.state, refund.reason, refund.staff_name) == (
        1500, "succeeded", "duplicate", None)
    assert refund.refund_id and refund.refund_id.startswith("re_")
    events = [e for e in detail.timeline if e.kind is TimelineKind.EVENT]
    types = {e.title for e in events}
    assert "payment_intent.succeeded" in types and "refund.created" in types
    # Amounts as numbers with their currency: the screen formats them.
    assert any((e.amount, e.currency, e.status) == (1500, "USD", "succeeded")
               for e in events if e.title.startswith("refund."))
    audits = [e for e in detail.timeline if e.kind is TimelineKind.AUDIT]
    assert [(e.title, e.status, e.amount) for e in audits] == [("charge", "succeeded", None)]
    created = detail.timeline[0]
    assert (created.title, created.status, created.amount, created.currency) == (
        "created", "succeeded", 4000, "USD")
    seconds = [int(e.at.timestamp()) for e in detail.timeline]
    assert seconds == sorted(seconds) and detail.timeline[0].kind is TimelineKind.CREATED
    assert detail.can_refund and not detail.can_capture and detail.can_receipt
    # Support may refund and sees it too; a cashier on another terminal may not open it.
    assert history.detail(SUPPORT, paid.payment_id).can_refund
    with pytest.raises(PermissionDenied):
        HistoryService(store, "till-9").detail(CASHIER, paid.payment_id)
