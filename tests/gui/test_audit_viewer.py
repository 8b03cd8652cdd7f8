"""The audit viewer: a manager reads the trail page by page with filters, sees whether it
passed verification (or which entry is the first bad one), and exports what the filters
select; a cashier is refused by the service."""

from __future__ import annotations

import csv
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate

from posdesk.app_context import AppContext
from posdesk.domain.roles import Role
from posdesk.gui.audit.audit_viewer import AuditTableModel, AuditViewer
from posdesk.gui.common.workers import TaskRunner
from posdesk.store.audit import AuditLog

SHOTS = Path(os.environ.get("POSDESK_SHOTS_DIR", "/tmp/shots"))


def seed(context: AppContext, charges: int = 240) -> None:
    till_1 = AuditLog(context.store, context.terminal.id)
    till_2 = AuditLog(context.store, "till-2")
    start = datetime.now(UTC) - timedelta(days=3)
    till_2.append_copies([
        {"at": start + timedelta(minutes=i), "staff_id": "s-ann", "staff_name": "Ann",
         "action": "charge", "target": f"pi_{i}", "outcome": "declined" if i % 5 == 0
         else "succeeded", "detail": f'{{"amount": {1000 + i}, "currency": "USD"}}',
         "terminal_id": "till-2"}
        for i in range(charges)
    ])
    till_1.append("s-bob", "Bob", "detach_card", "pm_1", "denied", {"customer_id": "cus_1"})
    till_1.append("s-bob", "Bob", "create_customer", "cus_2", "succeeded")


def open_viewer(qtbot: Any, context: AppContext) -> AuditViewer:
    viewer = AuditViewer(context, TaskRunner())
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitUntil(lambda: viewer.verification is not None, timeout=10_000)
    qtbot.waitUntil(lambda: viewer.model.rowCount() > 0, timeout=10_000)
    return viewer


def choose(box: Any, value: str) -> None:
    index = box.findData(value)
    assert index > 0, value
    box.setCurrentIndex(index)


def test_a_manager_reads_filters_and_sees_the_trail_pass(
    qtbot: Any, gui_app: Any, gui_context: AppContext
) -> None:
    seed(gui_context)
    viewer = open_viewer(qtbot, gui_context)
    assert viewer.banner.property("state") == "intact", viewer.banner.text()
    assert "Audit trail intact" in viewer.banner.text()
    # Newest first, one page now, the rest as the view scrolls.
    model = viewer.model
    assert model.rowCount() == AuditTableModel.PAGE_SIZE
    assert model.canFetchMore()
    qtbot.waitUntil(lambda: viewer.staff_box.count() > 2, timeout=5000)

    choose(viewer.action_box, "charge")
    qtbot.waitUntil(lambda: model.rowCount() == AuditTableModel.PAGE_SIZE
                    and model.entry_at(0).action == "charge", timeout=5000)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 2 * AuditTableModel.PAGE_SIZE, timeout=5000)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 240, timeout=5000)
    assert not model.canFetchMore()
    seqs = [model.entry_at(i).seq for i in range(model.rowCount())]
    assert seqs == sorted(seqs, reverse=True)

    choose(viewer.outcome_box, "declined")
    qtbot.waitUntil(lambda: model.rowCount() == 48, timeout=5000)
    viewer.action_box.setCurrentIndex(0)
    viewer.outcome_box.setCurrentIndex(0)
    choose(viewer.staff_box, "s-bob")
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
    assert model.data(model.index(1, AuditTableModel.OUTCOME)) == "denied"
    assert viewer.staff_box.currentText() == "Bob"
    viewer.staff_box.setCurrentIndex(0)
    choose(viewer.terminal_box, "till-2")
    qtbot.waitUntil(lambda: model.rowCount() == AuditTableModel.PAGE_SIZE
                    and model.entry_at(0).terminal_id == "till-2", timeout=5000)

    # A date range of one day: the charges made on it only (days in local time).
    viewer.terminal_box.setCurrentIndex(0)
    first = (datetime.now(UTC) - timedelta(days=3)).astimezone()
    day = QDate(first.year, first.month, first.day)
    viewer.from_edit.setDate(day)
    viewer.to_edit.setDate(day)
    query = viewer.current_filter()
    assert query.start is not None and query.end == query.start + timedelta(days=1)
    local_day = (day.year(), day.month(), day.day())
    qtbot.waitUntil(lambda: model.rowCount() > 0 and all(
        _local_day(model.entry_at(i).at) == local_day for i in range(model.rowCount())
    ), timeout=5000)

    viewer.from_edit.setDate(viewer.from_edit.minimumDate())
    viewer.to_edit.setDate(viewer.to_edit.minimumDate())
    assert viewer.from_edit.text() == "any"
    qtbot.waitUntil(lambda: model.rowCount() == AuditTableModel.PAGE_SIZE
                    and model.entry_at(0).staff_id != "s-ann", timeout=5000)
    viewer.resize(1180, 620)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert viewer.grab().save(str(SHOTS / "audit_viewer.png"))


def _local_day(at: datetime) -> tuple[int, int, int]:
    local = at.astimezone()
    return (local.year, local.month, local.day)


def test_the_banner_names_the_first_bad_entry(
    qtbot: Any, gui_app: Any, gui_context: AppContext
) -> None:
    seed(gui_context, charges=30)
    store = gui_context.store
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.exec_driver_sql("UPDATE audit_log SET outcome = 'succeeded' WHERE target = 'pi_5'")
        bad = conn.exec_driver_sql("SELECT seq FROM audit_log WHERE target = 'pi_5'").scalar()
    viewer = open_viewer(qtbot, gui_context)
    assert viewer.banner.property("state") == "tampered"
    assert f"entry seq {bad} " in viewer.banner.text()
    assert viewer.verification is not None and viewer.verification.first_bad_seq == bad


def test_export_writes_what_the_filters_select(
    qtbot: Any, gui_app: Any, gui_context: AppContext, data_dir: Path
) -> None:
    seed(gui_context, charges=30)
    viewer = open_viewer(qtbot, gui_context)
    qtbot.waitUntil(lambda: viewer.outcome_box.count() > 2, timeout=5000)
    choose(viewer.outcome_box, "declined")
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 6, timeout=5000)
    path = data_dir / "audit-export.csv"
    viewer.export_to(str(path))
    qtbot.waitUntil(lambda: viewer.exported is not None, timeout=5000)
    assert viewer.exported == 6
    with path.open(encoding="utf-8", newline="") as exported:
        rows = list(csv.DictReader(exported))
    assert [r["outcome"] for r in rows] == ["declined"] * 6
    assert rows[0]["terminal_id"] == "till-2" and rows[0]["entry_hash"]
    if os.name != "nt":
        assert path.stat().st_mode & 0o077 == 0
    # The export itself is audited.
    [entry] = AuditLog(gui_context.store).page(
        viewer.current_filter().__class__(action="export_audit"))
    assert entry.outcome == "exported" and '"entries": 6' in (entry.detail or "")


@pytest.mark.parametrize("staff_role", [Role.CASHIER])
def test_a_cashier_is_refused(qtbot: Any, gui_app: Any, gui_context: AppContext) -> None:
    seed(gui_context, charges=3)
    failures: list[BaseException] = []
    runner = TaskRunner()
    runner.present_failure = lambda exc, fallback=None: failures.append(exc)  # type: ignore[method-assign]
    viewer = AuditViewer(gui_context, runner)
    qtbot.addWidget(viewer)
    qtbot.waitUntil(lambda: len(failures) >= 3, timeout=5000)
    assert viewer.model.rowCount() == 0
    assert viewer.banner.property("state") != "intact"
    assert {type(exc).__name__ for exc in failures} == {"PermissionDenied"}


def test_the_main_window_opens_the_viewer(qtbot: Any, window: Any) -> None:
    window.audit_action.trigger()
    viewer = window.audit_viewer
    qtbot.waitUntil(lambda: viewer.verification is not None, timeout=10_000)
    assert viewer.isVisible()
    viewer.close()
