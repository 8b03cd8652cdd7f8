"""The settings dialog's non-secret choices: the CVC before a saved-card charge, sync, this
terminal's name and the store's terminals, and switching the store to PostgreSQL."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from posdesk import __version__, paths
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.settings.settings_dialog import SettingsDialog
from posdesk.services.secret_store import STRIPE_SECRET_KEY
from posdesk.services.store_setup import data_counts
from posdesk.settings import Settings
from posdesk.store import day_closes
from posdesk.store.audit import AuditLog
from posdesk.store.customers import CustomerData, CustomerRepository
from posdesk.store.database import open_store
from posdesk.store.models import DayCloseRecord, TerminalRecord
from posdesk.store.staff import StaffRepository
from posdesk.store.terminals import TerminalRepository
from tests.conftest import PG_URL


@pytest.fixture
def runner(qapp):
    runner = TaskRunner()
    yield runner
    runner.wait_for_done(5000)


def open_dialog(qtbot, context, runner) -> SettingsDialog:
    dialog = SettingsDialog(context, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_cvc_choice_is_saved_with_the_other_settings(qtbot, gui_context, runner) -> None:
    settings_file = paths.settings_file(gui_context.data_dir)
    dialog = open_dialog(qtbot, gui_context, runner)
    check = dialog.recollect_cvc_check
    assert check.text() == (
        "Ask for the card's security code (CVC) before charging a saved card"
    )
    assert not check.isChecked()

    check.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Return)  # no key typed: only the choice
    assert gui_context.settings.recollect_cvc is True
    stored = Settings.load(settings_file)
    assert stored.recollect_cvc is True
    assert (stored.currency, stored.locale) == ("USD", "en_US")  # the rest kept as it was
    assert "sk_" not in settings_file.read_text(encoding="utf-8")  # keys never go there
    assert gui_context.secrets.get(STRIPE_SECRET_KEY) is None

    # Opened again it shows the saved choice; saving nothing new still asks for a key.
    again = open_dialog(qtbot, gui_context, runner)
    assert again.recollect_cvc_check.isChecked()
    before = settings_file.read_text(encoding="utf-8")
    qtbot.keyClick(again.secret_edit, Qt.Key.Key_Return)
    assert again.message_label.text() == "Enter the restricted or secret key."
    assert again.isVisible()
    assert settings_file.read_text(encoding="utf-8") == before

    again.recollect_cvc_check.setChecked(False)
    with qtbot.waitSignal(again.accepted, timeout=2000):
        qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert gui_context.settings.recollect_cvc is False
    assert json.loads(settings_file.read_text(encoding="utf-8"))["recollect_cvc"] is False


def test_unwritable_settings_file_changes_nothing(qtbot, gui_context, runner) -> None:
    paths.settings_file(gui_context.data_dir).mkdir()  # a folder where the file should be
    dialog = open_dialog(qtbot, gui_context, runner)
    dialog.recollect_cvc_check.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "settings file could not be written" in dialog.message_label.text()
    assert dialog.isVisible()
    assert gui_context.settings.recollect_cvc is False


def test_webhook_relay_choices_are_saved(qtbot, gui_context, runner) -> None:
    dialog = open_dialog(qtbot, gui_context, runner)
    assert not dialog.sync_webhooks_check.isChecked()
    assert dialog.relay_host_edit.text() == "127.0.0.1"
    dialog.sync_webhooks_check.setChecked(True)
    dialog.relay_host_edit.setText("192.168.1.20")
    dialog.relay_port_spin.setValue(9443)
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = Settings.load(paths.settings_file(gui_context.data_dir))
    assert (stored.sync_webhooks, stored.relay_host, stored.relay_port) == (
        True, "192.168.1.20", 9443
    )
    assert gui_context.settings.relay_host == "192.168.1.20"


def test_a_webhook_address_that_is_not_an_ip_changes_nothing(qtbot, gui_context, runner) -> None:
    settings_file = paths.settings_file(gui_context.data_dir)
    dialog = open_dialog(qtbot, gui_context, runner)
    dialog.relay_host_edit.setText("shop-pc.local")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "must be an IP address" in dialog.message_label.text()
    assert dialog.isVisible()
    assert gui_context.settings.relay_host == "127.0.0.1"
    assert not settings_file.exists()


def test_receipt_paper_and_printer_are_this_terminals_and_audited(
    qtbot, gui_context, runner
) -> None:
    gui_context.settings.receipt_printer = "Counter TM-T20"
    dialog = open_dialog(qtbot, gui_context, runner)
    page = dialog.receipts_page
    assert dialog.tabs.tabText(dialog.tabs.indexOf(page)) == "Receipts"
    assert page.paper_combo.currentData() == "thermal80"
    assert page.printer_label.text() == "Counter TM-T20"
    page.paper_combo.setCurrentIndex(page.paper_combo.findData("a4"))
    page.forget_button.click()
    assert page.printer_label.text() == "The system's default printer"
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = Settings.load(paths.settings_file(gui_context.data_dir))
    assert (stored.receipt_paper, stored.receipt_printer) == ("a4", "")
    assert gui_context.settings.receipt_paper == "a4"
    changes = {e.target: e for e in AuditLog(gui_context.store).list_recent(20)
               if e.action == "terminal_setting"}
    assert {"receipt_paper", "receipt_printer"} <= set(changes)

    # Reopened, the page shows the saved paper.
    again = open_dialog(qtbot, gui_context, runner)
    assert again.receipts_page.paper_combo.currentData() == "a4"
    assert not again.receipts_page.forget_button.isEnabled()


def test_the_language_is_chosen_per_terminal_and_applies_from_the_next_start(
    qtbot, gui_context, runner
) -> None:
    from posdesk.gui.common.resources import ui_locale

    dialog = open_dialog(qtbot, gui_context, runner)
    page = dialog.display_page
    assert page.language_combo.currentData() == ""  # the computer's, by default
    assert page.language_combo.itemText(2) == "简体中文"
    assert page.restart_label.isHidden()
    page.language_combo.setCurrentIndex(page.language_combo.findData("zh_CN"))
    assert not page.restart_label.isHidden()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert Settings.load(paths.settings_file(gui_context.data_dir)).language == "zh_CN"
    assert ui_locale(gui_context.settings.language).name() == "zh_CN"
    [changed] = [e for e in AuditLog(gui_context.store).list_recent(20)
                 if e.action == "terminal_setting" and e.target == "language"]
    assert changed.outcome == "changed"


def test_a_receipt_paper_the_service_does_not_know_is_refused(gui_context) -> None:
    from posdesk.services.errors import InputError

    with pytest.raises(InputError, match="80 mm roll, A4 or Letter"):
        gui_context.settings_service.save_terminal_settings(
            gui_context.staff, {"receipt_paper": "a3"})
    assert gui_context.settings.receipt_paper == "thermal80"


# --- this terminal and the store's terminals ----------------------------------------------------


def test_terminals_tab_lists_the_stores_terminals_and_names_this_one(
    qtbot, gui_context, runner
) -> None:
    gui_context.start_presence()
    try:
        seen = datetime.now(UTC) - timedelta(minutes=5)
        TerminalRepository(gui_context.store).register(TerminalRecord(
            id=str(uuid.uuid4()), name="Back office", host="office-pc", version="0.0.9",
            pid=1, started_at=seen, last_seen=seen,
        ))
        dialog = open_dialog(qtbot, gui_context, runner)
        dialog.tabs.setCurrentWidget(dialog.terminals_panel)
        model = dialog.terminals_panel.model
        qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)

        def row(n: int) -> list[str]:
            return [model.index(n, c).data() for c in range(model.columnCount())]

        host = gui_context.terminal.host
        assert row(0) == [f"{gui_context.terminal.name} (this terminal)", host, __version__,
                          "now", "Live"]
        assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
        assert row(1) == ["Back office", "office-pc", "0.0.9", "5 min ago", "Offline"]
        assert dialog.terminals_panel.name_edit.placeholderText() == host

        dialog.terminals_panel.name_edit.setText("  Till   1 ")
        with qtbot.waitSignal(dialog.accepted, timeout=2000):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert Settings.load(paths.settings_file(gui_context.data_dir)).terminal_name == "Till 1"
        repo = TerminalRepository(gui_context.store)
        qtbot.waitUntil(lambda: repo.get(gui_context.terminal.id).name == "Till 1", timeout=5000)
    finally:
        gui_context.stop_presence()


# --- the store ---------------------------------------------------------------------------------


def switch_to(qtbot, dialog: SettingsDialog, url: str) -> None:
    panel = dialog.store_panel
    dialog.tabs.setCurrentWidget(panel)
    panel.postgres_radio.setChecked(True)
    panel.url_edit.setText(url)
    qtbot.mouseClick(panel.switch_button, Qt.MouseButton.LeftButton)


def test_a_store_url_with_a_password_is_refused_and_nothing_saved(
    qtbot, gui_context, runner
) -> None:
    dialog = open_dialog(qtbot, gui_context, runner)
    switch_to(qtbot, dialog, "postgresql://posdesk:s3cret@db-server/posdesk")
    panel = dialog.store_panel
    assert "holds a password" in panel.message_label.text()
    assert "pgpass" in panel.message_label.text()
    assert not panel.busy
    assert not paths.settings_file(gui_context.data_dir).exists()
    assert gui_context.settings.database_url is None


def test_a_store_that_does_not_answer_is_explained_and_nothing_saved(
    qtbot, gui_context, runner
) -> None:
    dialog = open_dialog(qtbot, gui_context, runner)
    switch_to(qtbot, dialog, "postgresql://posdesk@127.0.0.1:1/posdesk")
    panel = dialog.store_panel
    qtbot.waitUntil(lambda: not panel.busy, timeout=15_000)
    assert panel.message_label.text().startswith("PostgreSQL did not accept the connection")
    assert panel.switch_button.isEnabled()
    assert gui_context.settings.database_url is None


needs_postgresql = pytest.mark.skipif(
    not PG_URL, reason="set POSDESK_TEST_DATABASE_URL to a PostgreSQL database"
)


def plain_postgres_url(url: str) -> str:
    """The schema's URL as a shop would type it (postgresql://, no driver)."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def fill(store) -> None:
    CustomerRepository(store).upsert(CustomerData("cus_ada", "Ada Lovelace"))
    AuditLog(store).append("staff-1", "Cory", "charge", "cus_ada", "succeeded")


@needs_postgresql
@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)
def test_switching_to_postgresql_copies_this_terminals_data_when_asked(
    qtbot, gui_context, runner, store_url
) -> None:
    fill(gui_context.store)
    # Besides the row `fill` wrote: the signed-in manager's account and sign-in entries.
    held = data_counts(gui_context.store)
    audited = held["audit_log"]
    assert held["staff"] == 1 and audited >= 3
    dialog = open_dialog(qtbot, gui_context, runner)
    panel = dialog.store_panel
    switch_to(qtbot, dialog, plain_postgres_url(store_url))
    qtbot.waitUntil(lambda: panel.copy_question is not None, timeout=15_000)
    assert f"customers: 1 · payments: 0 · audit entries: {audited}" in (
        panel.copy_question.informativeText()
    )
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=15_000)

    copied = sum(held.values())  # everything it held when asked, copied once
    assert panel.done_label.text().startswith(
        f"Rows copied: {copied}. Restart PosDesk to use")
    saved = Settings.load(paths.settings_file(gui_context.data_dir)).database_url
    assert saved == store_url  # with the psycopg driver, no password
    shared = open_store(saved)
    try:
        assert CustomerRepository(shared).get("cus_ada") is not None
        assert len(AuditLog(shared).list_recent()) == audited
        # Whoever signed in here can sign in at the shared store.
        assert [a.name for a in StaffRepository(shared).list()] == [
            a.name for a in StaffRepository(gui_context.store).list()]
    finally:
        shared.close()
    assert gui_context.store.dialect == "sqlite"  # the running app keeps its store


def closed_store_day(sales: int, by: str) -> DayCloseRecord:
    return DayCloseRecord(
        scope="store", business_date=date(2026, 11, 29), time_zone="Europe/London",
        closed_at=datetime(2026, 11, 29, 22, 0, tzinfo=UTC), closed_by=by,
        closed_by_name=by, currency="gbp", sales=sales, totals=f'{{"sales": {sales}}}',
    )


@needs_postgresql
@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)
def test_a_day_the_shared_store_closed_differently_is_named_as_not_copied(
    qtbot, gui_context, runner, store_url
) -> None:
    fill(gui_context.store)
    day_closes.close(gui_context.store, closed_store_day(1200, "staff-1"))
    shared = open_store(store_url)
    try:
        day_closes.close(shared, closed_store_day(800, "staff-2"))
    finally:
        shared.close()
    dialog = open_dialog(qtbot, gui_context, runner)
    panel = dialog.store_panel
    switch_to(qtbot, dialog, plain_postgres_url(store_url))
    qtbot.waitUntil(lambda: panel.copy_question is not None, timeout=15_000)
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=15_000)

    assert ("Rows not copied because the store holds a different row with the same "
            "payment, key or closed day: 1 (the log names them).") in panel.done_label.text()
    assert ("The PostgreSQL store had already closed these days differently and keeps its own "
            "Z reports: 2026-11-29 (the whole store).") in panel.done_label.text()
    shared = open_store(store_url)
    try:
        kept = day_closes.closed(shared, "store", date(2026, 11, 29))
        assert kept is not None and kept.sales == 800  # the shared store's own close
    finally:
        shared.close()


@needs_postgresql
@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)
def test_starting_fresh_on_postgresql_leaves_the_local_data_where_it_is(
    qtbot, gui_context, runner, store_url
) -> None:
    fill(gui_context.store)
    dialog = open_dialog(qtbot, gui_context, runner)
    panel = dialog.store_panel
    switch_to(qtbot, dialog, plain_postgres_url(store_url))
    qtbot.waitUntil(lambda: panel.copy_question is not None, timeout=15_000)
    qtbot.mouseClick(panel.fresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.done_label.isVisible(), timeout=5000)

    assert gui_context.settings.database_url == store_url
    shared = open_store(store_url)
    try:
        assert CustomerRepository(shared).count() == 0
    finally:
        shared.close()
    assert CustomerRepository(gui_context.store).count() == 1  # untouched

    # And back: SQLite on this computer, its data as it was left.
    panel.sqlite_radio.setChecked(True)
    qtbot.mouseClick(panel.switch_button, Qt.MouseButton.LeftButton)
    assert gui_context.settings.database_url is None
    assert "Restart PosDesk" in panel.done_label.text()
