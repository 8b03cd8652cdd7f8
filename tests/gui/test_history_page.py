"""The payment history window with real widgets on the app context: its filters combine
(checked against a direct SQL query), the totals match the payments, scrolling loads more
rows, the export writes what the filters select and can be canceled, a cashier sees only
this terminal's day, and Ctrl+H opens it from the main window."""

from __future__ import annotations

import csv
import io
import random
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import func, insert, select

from posdesk.app_context import AppContext
from posdesk.domain.history import HistoryQuery
from posdesk.domain.roles import Role
from posdesk.domain.stripe_objects import CustomerData, PaymentMethodData
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.history.history_page import HistoryPage
from posdesk.gui.history.history_table_model import HistoryTableModel
from posdesk.gui.payments.outcome_view import state_words
from posdesk.services import history as history_service
from posdesk.store.customers import CustomerRepository
from posdesk.store.history import HistoryRow
from posdesk.store.models import PaymentRecord
from posdesk.store.payment_methods import PaymentMethodRepository

pytestmark = pytest.mark.gui

TIMEOUT_MS = 15_000
PAYMENTS = PaymentRecord.__table__  # type: ignore[attr-defined]
N = 230


def seed(context: AppContext, n: int = N) -> None:
    """`n` payments of the last week: two tills (one of them this one), three people, two
    currencies, every usual state, customers and cards."""
    rng = random.Random(11)
    CustomerRepository(context.store).upsert_many([
        CustomerData(id="cus_ann", name="Ann Lee", email="ann@example.com"),
        CustomerData(id="cus_wang", name="王小明", email="wang@example.com"),
    ])
    cards = PaymentMethodRepository(context.store)
    cards.upsert(PaymentMethodData(id="pm_ann", customer_id="cus_ann", brand="visa",
                                   last4="4242"))
    cards.upsert(PaymentMethodData(id="pm_wang", customer_id="cus_wang", brand="mastercard",
                                   last4="4444"))
    now = datetime.now(UTC)
    rows = []
    for i in range(n):
        state = rng.choice(["succeeded"] * 5 + ["declined", "requires_capture", "canceled"])
        amount = rng.choice([500, 1250, 3000, 9900])
        customer = rng.choice(["cus_ann", "cus_wang", None])
        received = amount if state == "succeeded" else 0
        at = now - timedelta(minutes=rng.randrange(1, 60 * 24 * 6))
        if i % 50 == 0:  # some of today whatever the hour (a run just after midnight had none)
            at = now - timedelta(seconds=rng.randrange(1, 30))
        rows.append({
            "id": str(uuid.UUID(int=rng.getrandbits(128))), "idempotency_key": f"k{i}",
            "intent_id": f"pi_seed_{i}", "customer_id": customer,
            "payment_method_id": {"cus_ann": "pm_ann", "cus_wang": "pm_wang"}.get(
                customer or ""),
            "amount": amount, "currency": rng.choice(["USD", "USD", "EUR"]),
            "description": rng.choice([None, "Coffee", "咖啡豆", "Tea"]), "state": state,
            "staff_id": f"s{i % 3}", "staff_name": ["Ann", "Bo", "Cy"][i % 3],
            "amount_received": received,
            "amount_refunded": rng.choice([0, 0, received // 2]), "livemode": False,
            "terminal_id": rng.choice([context.terminal.id, "till-2"]),
            "created_at": at, "updated_at": at,
        })
    with context.store.engine.begin() as conn:
        conn.execute(insert(PAYMENTS), rows)


def open_page(qtbot: Any, context: AppContext) -> HistoryPage:
    page = HistoryPage(context, TaskRunner())
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.first_page_shown, timeout=TIMEOUT_MS):
        page.show()
    qtbot.waitUntil(lambda: page.choices is not None and page.totals is not None,
                    timeout=TIMEOUT_MS)
    return page


def apply(qtbot: Any, page: HistoryPage, change: Any) -> None:
    """Make a filter change and wait for its first page and totals."""
    with qtbot.waitSignals([page.first_page_shown, page.totals_shown], timeout=TIMEOUT_MS):
        change()
        page.filters.flush()


def load_all(qtbot: Any, page: HistoryPage) -> list[HistoryRow]:
    """Every row, fetched a page at a time (the view may have asked for one already)."""
    model = page.model

    def settled() -> bool:
        return not model._fetching  # noqa: SLF001 - a page on its way

    while True:
        qtbot.waitUntil(settled, timeout=TIMEOUT_MS)
        if not model.canFetchMore():
            return model.rows
        model.fetchMore()


def direct_ids(context: AppContext, *where: Any) -> list[str]:
    p = PAYMENTS.c
    with context.store.engine.connect() as conn:
        return [r[0] for r in conn.execute(
            select(p.id).where(*where).order_by(p.created_at.desc(), p.id.desc()))]


def test_filters_combine_and_match_a_direct_query_and_totals_match(
    qtbot: Any, gui_app: Any, gui_context: AppContext
) -> None:
    seed(gui_context)
    page = open_page(qtbot, gui_context)
    filters = page.filters
    assert page.model.rowCount() == HistoryTableModel.PAGE_SIZE
    p = PAYMENTS.c
    since = filters.query().start
    assert since is not None
    assert [r.id for r in load_all(qtbot, page)] == direct_ids(gui_context, p.created_at >= since)

    # State, then terminal, then free text (Chinese), then a card: each narrows the last.
    apply(qtbot, page, lambda: filters.choose(filters.state_box, "succeeded"))
    apply(qtbot, page, lambda: filters.choose(filters.terminal_box, gui_context.terminal.id))
    wanted = direct_ids(gui_context, p.created_at >= since, p.state == "succeeded",
                        p.terminal_id == gui_context.terminal.id)
    assert [r.id for r in load_all(qtbot, page)] == wanted and wanted
    apply(qtbot, page, lambda: filters.text_edit.setText("咖啡"))
    wanted = direct_ids(gui_context, p.created_at >= since, p.state == "succeeded",
                        p.terminal_id == gui_context.terminal.id, p.description == "咖啡豆")
    shown = load_all(qtbot, page)
    assert [r.id for r in shown] == wanted and wanted
    apply(qtbot, page, lambda: (filters.text_edit.clear(), filters.last4_edit.setText("4444")))
    wanted = direct_ids(gui_context, p.created_at >= since, p.state == "succeeded",
                        p.terminal_id == gui_context.terminal.id, p.customer_id == "cus_wang")
    shown = load_all(qtbot, page)
    assert [r.id for r in shown] == wanted and wanted
    assert page.model.text(shown[0], HistoryTableModel.CARD) == "Mastercard •••• 4444"
    assert page.model.text(shown[0], HistoryTableModel.CUSTOMER) == "王小明"

    # The totals of this filter, as the database adds them up.
    with gui_context.store.engine.connect() as conn:
        sums = {row[0]: row[1:] for row in conn.execute(
            select(p.currency, func.count(), func.sum(p.amount_received),
                   func.sum(p.amount_refunded))
            .where(p.id.in_(wanted)).group_by(p.currency))}
    assert {t.currency: (t.count, t.gross, t.refunded) for t in page.totals or []} == sums
    assert "payments" in page.totals_label.text()

    # Amount range and order: largest first within 10.00..50.00.
    apply(qtbot, page, lambda: (filters.last4_edit.clear(), filters.min_edit.setText("10"),
                                filters.max_edit.setText("50"),
                                page._header_clicked(HistoryTableModel.AMOUNT)))
    shown = load_all(qtbot, page)
    amounts = [r.amount for r in shown]
    assert amounts == sorted(amounts, reverse=True) and set(amounts) <= {1250, 3000}
    assert len(shown) == len(direct_ids(
        gui_context, p.created_at >= since, p.state == "succeeded",
        p.terminal_id == gui_context.terminal.id, p.amount >= 1000, p.amount <= 5000))


def test_scrolling_fetches_more_rows(qtbot: Any, gui_app: Any, gui_context: AppContext) -> None:
    seed(gui_context)
    page = open_page(qtbot, gui_context)
    model = page.model
    assert model.rowCount() == HistoryTableModel.PAGE_SIZE and model.canFetchMore()
    bar = page.table.verticalScrollBar()
    for target in (2, 3):
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda t=target: model.rowCount() >= t * HistoryTableModel.PAGE_SIZE,
                        timeout=TIMEOUT_MS)
    assert model.rowCount() >= 3 * HistoryTableModel.PAGE_SIZE
    created = [r.created_at for r in model.rows]
    assert created == sorted(created, reverse=True)
    assert len({r.id for r in model.rows}) == model.rowCount()



def test_times_amounts_and_states_are_shown_whole(
    qtbot: Any, gui_app: Any, gui_context: AppContext
) -> None:
    """The first rows size the When, Amount and State columns: no time, amount or state is
    cut short,
    whatever the font makes of them (fixed widths cut the time at the default font)."""
    seed(gui_context, n=40)
    page = open_page(qtbot, gui_context)
    for column in (HistoryTableModel.WHEN, HistoryTableModel.AMOUNT, HistoryTableModel.STATE,
                   HistoryTableModel.CARD):
        # What the view needs to show each loaded cell of the column whole (text and margins).
        assert page.table.columnWidth(column) >= page.table.sizeHintForColumn(column), column
    # The State column fits the longest state words, also those no loaded row shows yet.
    longest = max(state_words().values(), key=page.table.fontMetrics().horizontalAdvance)
    assert "authenticate" in longest or "captured" in longest
    width = page.table.columnWidth(HistoryTableModel.STATE)
    assert width > page.table.fontMetrics().horizontalAdvance(longest)


def _csv_ids(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8-sig")
    return [row["payment_id"] for row in csv.DictReader(io.StringIO(text, newline=""))]


def test_export_writes_the_filter_and_can_be_canceled(
    qtbot: Any, gui_app: Any, gui_context: AppContext, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seed(gui_context)
    page = open_page(qtbot, gui_context)
    apply(qtbot, page, lambda: page.filters.choose(page.filters.state_box, "declined"))
    path = tmp_path / "declined.csv"
    with qtbot.waitSignal(page.export_finished, timeout=TIMEOUT_MS) as done:
        page.export_to(str(path))
    result = done.args[0]
    p = PAYMENTS.c
    since = page.current_query().start
    wanted = direct_ids(gui_context, p.created_at >= since, p.state == "declined")
    assert not result.canceled and result.rows == len(wanted) > 0
    assert _csv_ids(path) == wanted
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")

    # A slow export (small batches, each taking a while) canceled from its progress dialog.
    monkeypatch.setattr(history_service, "EXPORT_BATCH", 10)
    slow = history_service.iterate_history

    def crawling(*args: Any, **kwargs: Any) -> Iterator[list[HistoryRow]]:
        for rows in slow(*args, **kwargs):
            time.sleep(0.05)
            yield rows

    monkeypatch.setattr(history_service, "iterate_history", crawling)
    apply(qtbot, page, lambda: page.filters.choose(page.filters.state_box, None))
    stopped = tmp_path / "everything.csv"
    page.export_to(str(stopped))
    progress = page.export_progress
    assert progress is not None
    qtbot.waitUntil(lambda: progress.value() > 0, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(page.export_finished, timeout=TIMEOUT_MS) as done:
        progress.findChild(QPushButton).click()  # the dialog's Cancel button
    assert done.args[0].canceled and done.args[0].rows < N
    assert not stopped.exists()
    assert "canceled" in page.status_label.text()
    outcomes = [e.outcome for e in gui_context.audit_trail.log.list_recent(20)
                if e.action == "export_history"]
    assert outcomes[:2] == ["canceled", "exported"]


@pytest.mark.parametrize("staff_role", [Role.CASHIER])
def test_a_cashier_sees_only_this_terminals_day(
    qtbot: Any, gui_app: Any, gui_context: AppContext
) -> None:
    seed(gui_context)
    page = open_page(qtbot, gui_context)
    assert page.scope_label.isVisible() and not page.export_button.isVisible()
    assert not page.filters.range_box.isEnabled()
    shown = load_all(qtbot, page)
    start = datetime.now().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    assert shown, "seeded payments of today on this till"
    assert {r.terminal_id for r in shown} == {gui_context.terminal.id}
    assert all(r.created_at >= start for r in shown)
    assert [r.id for r in shown] == [r.id for r in gui_context.history.page(
        gui_context.staff, HistoryQuery(), None, 1000)]


def test_ctrl_h_opens_the_history_and_enter_opens_a_payment(
    qtbot: Any, gui_app: Any, window: Any, gui_context: AppContext
) -> None:
    seed(gui_context, 60)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "history_page", None) is not None,
                    timeout=TIMEOUT_MS)
    page = window.history_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=TIMEOUT_MS)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.detail_dialog is not None
                    and page.detail_dialog.detail is not None, timeout=TIMEOUT_MS)
    assert page.detail_dialog.detail.payment.id == page.model.rows[0].id
    page.detail_dialog.close()
    page.close()
    QApplication.processEvents()


def test_the_chart_shows_each_days_volume_and_decline_rate_per_currency(
    qtbot: Any, gui_app: Any, gui_context: AppContext
) -> None:
    seed(gui_context)
    page = open_page(qtbot, gui_context)
    chart = page.chart
    assert chart is None  # QtCharts loads with the tab
    chart = page.show_chart()
    qtbot.waitUntil(lambda: bool(chart.points), timeout=TIMEOUT_MS)
    query = page.current_query()
    assert query.start is not None
    p = PAYMENTS.c
    with gui_context.store.engine.connect() as conn:
        usd = conn.execute(select(func.coalesce(func.sum(p.amount_received), 0), func.count())
                           .where(p.created_at >= query.start, p.currency == "USD")).one()
    assert chart.currency_combo.currentText() == "USD"  # the busier currency first
    series = chart.series_of("USD")
    assert sum(point.received for point in series) == usd[0]
    assert sum(point.count for point in series) == usd[1]
    assert len(series) >= 5  # six days of payments, by local day
    # Bars and the decline-rate line are on the chart, with three axes.
    assert len(chart.chart.series()) == 2 and len(chart.chart.axes()) == 3
    bars = chart.chart.series()[0].barSets()[0]
    assert [round(bars.at(i) * 100) for i in range(bars.count())] == [
        point.received for point in series]
    # Another filter redraws it.
    page.filters.choose(page.filters.state_box, "declined")
    qtbot.waitUntil(lambda: all(pt.decline_rate == 1.0 for pt in chart.series_of("USD")),
                    timeout=TIMEOUT_MS)
    chart.currency_combo.setCurrentText("EUR")
    assert chart.chart.series()[0].barSets()[0].label() == "Received (EUR)"
