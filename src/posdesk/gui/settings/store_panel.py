"""Settings, Store: where this terminal keeps its data, and switching it.

SQLite on this computer serves one computer; PostgreSQL lets several terminals share one
store. "Test and switch" connects, brings the schema up to date (off the GUI thread, with its
progress shown), then asks whether to copy this terminal's local data in or start fresh, and
saves the choice. The store in use stays until PosDesk restarts: services, sync and claims all
hold it, and swapping it under a running charge is not worth the risk.
"""

from __future__ import annotations

import logging
import os
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import (
    STEP_CONNECTING,
    STEP_COPYING,
    STEP_MIGRATING,
    TABLE_AUDIT_LOG,
    TABLE_CUSTOMERS,
    TABLE_DAY_CLOSES,
    TABLE_PAYMENT_METHODS,
    TABLE_PAYMENT_REQUESTS,
    TABLE_PAYMENTS,
    TABLE_REFUND_REQUESTS,
    TABLE_REFUNDS,
    TABLE_SHOP_SETTINGS,
    TABLE_STAFF,
    TABLE_TERMINALS,
    URL_EMPTY,
    URL_HAS_PASSWORD,
    URL_NO_DATABASE,
    URL_NOT_POSTGRES,
    Backend,
    CopyResult,
    Progress,
    StoreSwitch,
    StoreUnreachable,
    StoreUrlProblem,
    display_url,
    local_store_url,
    paths,
    postgres_url,
    same_store,
)
from posdesk.domain.day_close import Scope
from posdesk.domain.roles import PermissionDenied
from posdesk.gui.common.workers import Job, TaskRunner
from posdesk.gui.formatting import sentences

log = logging.getLogger(__name__)

# What a whole-store close is recorded under (domain.day_close.Scope.key).
STORE_SCOPE = Scope.store().key


class StorePanel(QWidget):
    switched = Signal(str)  # the display form of the store used after a restart

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._job: Job | None = None
        self._switch: StoreSwitch | None = None
        # The copy-or-fresh question, open while it waits for an answer (tests click these).
        self.copy_question: QMessageBox | None = None
        self.copy_button: QAbstractButton | None = None
        self.fresh_button: QAbstractButton | None = None
        self.cancel_button: QAbstractButton | None = None

        self.current_label = QLabel(self)
        self.current_label.setWordWrap(True)
        self.current_label.setText(self._current_text())
        self.override_label = QLabel(self)
        self.override_label.setObjectName("hint")
        self.override_label.setWordWrap(True)
        if os.environ.get(paths.ENV_DATABASE_URL):
            self.override_label.setText(self.tr(
                "POSDESK_DATABASE_URL is set on this computer: it chooses the store while it "
                "is set, whatever is chosen here."))
        else:
            self.override_label.hide()

        self.sqlite_radio = QRadioButton(self.tr("SQLite on this computer (one terminal)"), self)
        self.postgres_radio = QRadioButton(
            self.tr("PostgreSQL, shared by several terminals"), self
        )
        self._choice = QButtonGroup(self)
        self._choice.addButton(self.sqlite_radio)
        self._choice.addButton(self.postgres_radio)
        saved = backend.settings.database_url
        self.url_edit = QLineEdit(display_url(saved) if saved else "", self)
        self.url_edit.setPlaceholderText("postgresql://posdesk@db-server/posdesk")
        self.url_edit.setAccessibleName(self.tr("PostgreSQL URL"))
        (self.postgres_radio if saved else self.sqlite_radio).setChecked(True)
        url_hint = QLabel(
            self.tr("No password in the URL: settings are a plain file. Put the password in "
                    "~/.pgpass (on Windows %APPDATA%\\postgresql\\pgpass.conf) or in the "
                    "PGPASSWORD environment variable; PostgreSQL finds it there."),
            self,
        )
        url_hint.setObjectName("hint")
        url_hint.setWordWrap(True)
        self._url_row = QWidget(self)
        url_layout = QVBoxLayout(self._url_row)
        url_layout.setContentsMargins(24, 0, 0, 0)  # under its radio button
        url_layout.addWidget(self.url_edit)
        url_layout.addWidget(url_hint)

        self.switch_button = QPushButton(self.tr("Test and switch"), self)
        self.switch_button.setAutoDefault(False)  # Enter in the dialog still means "save"
        self.switch_button.clicked.connect(self.test_and_switch)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("busyLabel")
        self.progress_label.setWordWrap(True)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("fieldError")
        self.message_label.setWordWrap(True)
        self.done_label = QLabel(self)
        self.done_label.setObjectName("cardSummary")
        self.done_label.setWordWrap(True)
        for label in (self.progress_label, self.message_label, self.done_label):
            label.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current_label)
        layout.addWidget(self.override_label)
        layout.addWidget(self.sqlite_radio)
        layout.addWidget(self.postgres_radio)
        layout.addWidget(self._url_row)
        layout.addLayout(buttons)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.done_label)
        layout.addStretch(1)

        self.postgres_radio.toggled.connect(self._url_row.setEnabled)
        self._url_row.setEnabled(self.postgres_radio.isChecked())
        if backend.demo:
            # The demo's store is chosen with `posdesk --demo --store URL`, its data thrown away.
            for widget in (self.sqlite_radio, self.postgres_radio, self._url_row,
                           self.switch_button):
                widget.setEnabled(False)
            self.override_label.setText(self.tr(
                "In the demo, choose the store on the command line: "
                "posdesk --demo --store postgresql://…"))
            self.override_label.show()

    def _say(self, label: QLabel, text: str) -> None:
        # Empty status lines take no room, so the one that speaks sits under the button.
        label.setText(text)
        label.setVisible(bool(text))

    @property
    def busy(self) -> bool:
        return self._job is not None or self._switch is not None

    def _current_url(self) -> str:
        return self._backend.store.engine.url.render_as_string(hide_password=False)

    def _current_text(self) -> str:
        url = self._current_url()
        if self._backend.store.dialect == "sqlite":
            return self.tr("This terminal uses: SQLite on this computer (%1)").replace(
                "%1", display_url(url))
        return self.tr("This terminal uses: PostgreSQL at %1").replace("%1", display_url(url))

    # --- switching ------------------------------------------------------------------------------

    def test_and_switch(self) -> None:
        if self.busy:
            return
        self._say(self.message_label, "")
        self._say(self.done_label, "")
        if self.sqlite_radio.isChecked():
            self._switch_to_local()
            return
        try:
            url = postgres_url(self.url_edit.text())
        except StoreUrlProblem as problem:
            self._say(self.message_label, self._url_problem_text(problem.reason))
            return
        if same_store(url, self._current_url()):
            self._say(self.message_label, self.tr("This terminal already uses this store."))
            return
        self._set_busy(True)
        service, actor, store = (self._backend.settings_service, self._backend.staff,
                                 self._backend.store)
        self._job = self._runner.progress_op(
            lambda job: service.prepare_store_switch(actor, url, store, job.report)
        ).progress(self._show_progress).success(self._prepared).failure(self._failed).run()

    def _switch_to_local(self) -> None:
        local = local_store_url(self._backend.data_dir)
        if self._backend.settings.database_url is None and same_store(local, self._current_url()):
            self._say(self.message_label, self.tr("This terminal already uses this store."))
            return
        # Data in the shared store stays there; this computer's file is used as it was left.
        self._save_choice(None, self.tr("SQLite on this computer"))

    def _show_progress(self, progress: Progress) -> None:
        self._say(self.progress_label, self._progress_text(progress))

    def _prepared(self, switch: StoreSwitch) -> None:
        self._job = None
        self._switch = switch
        self._say(self.progress_label, "")
        if not switch.local_has_data:
            self._finish(None)
            return
        self._ask_copy_or_fresh(switch.local_counts)

    def _ask_copy_or_fresh(self, counts: dict[str, int]) -> None:
        question = QMessageBox(self)
        question.setIcon(QMessageBox.Icon.Question)
        question.setWindowTitle(self.tr("This terminal's data"))
        question.setText(self.tr("Copy this terminal's data into the PostgreSQL store?"))
        held = (
            self.tr("customers: %1 · payments: %2 · audit entries: %3")
            .replace("%1", str(counts.get(TABLE_CUSTOMERS, 0)))
            .replace("%2", str(counts.get(TABLE_PAYMENTS, 0)))
            .replace("%3", str(counts.get(TABLE_AUDIT_LOG, 0)))
        )
        question.setInformativeText("\n\n".join((
            self.tr("This computer's store holds") + "\n" + held,
            self.tr("Copy: they are added to the PostgreSQL store; what it already holds is "
                    "kept as it is, and nothing is copied twice."),
            self.tr("Start fresh: the PostgreSQL store is used as it is; this computer's data "
                    "stays in its local file, untouched."),
        )))
        self.copy_button = question.addButton(
            self.tr("Copy this terminal's data"), QMessageBox.ButtonRole.AcceptRole
        )
        self.fresh_button = question.addButton(
            self.tr("Start fresh"), QMessageBox.ButtonRole.ActionRole
        )
        self.cancel_button = question.addButton(QMessageBox.StandardButton.Cancel)
        question.setDefaultButton(self.copy_button)
        question.setEscapeButton(self.cancel_button)
        question.buttonClicked.connect(self._answered)
        self.copy_question = question
        question.open()

    def _answered(self, button: QAbstractButton) -> None:
        switch = self._switch
        self.copy_question = None
        if switch is None:
            return
        if button is self.copy_button:
            self._job = self._runner.progress_op(
                lambda job: switch.copy_local_data(job.report)
            ).progress(self._show_progress).success(self._finish).failure(self._failed).run()
        elif button is self.fresh_button:
            self._finish(None)
        else:
            self._say(self.progress_label, "")
            self._say(self.message_label, self.tr("Nothing was changed."))
            self._close_switch()
            self._set_busy(False)

    def _finish(self, copied: CopyResult | None) -> None:
        self._job = None
        switch = self._switch
        self._close_switch()
        self._set_busy(False)
        self._say(self.progress_label, "")
        if switch is None:
            return
        done = ""
        if copied is not None:
            done = self.tr("Rows copied: %1.").replace("%1", str(copied.total_copied))
            if copied.conflicts:
                done = sentences(done, self.tr(
                    "Rows not copied because the store holds a different row with the same "
                    "payment, key or closed day: %1 (the log names them).").replace(
                        "%1", str(len(copied.conflicts))))
            if copied.closes_kept:
                done = sentences(done, self.tr(
                    "The PostgreSQL store had already closed these days differently and keeps "
                    "its own Z reports: %1.").replace("%1", self._days_text(copied.closes_kept)))
        self._save_choice(switch.url, display_url(switch.url), done)

    def _days_text(self, days: list[tuple[str, date]]) -> str:
        """Closed days (scope key, business day) as "2026-11-29 (the whole store), …"."""
        whole, one = self.tr("the whole store"), self.tr("one terminal")
        return ", ".join(
            f"{day.isoformat()} ({whole if scope == STORE_SCOPE else one})" for scope, day in days
        )

    def _save_choice(self, url: str | None, shown: str, done: str = "") -> None:
        try:
            # A manager only; audited, with the old and new store (passwords masked).
            self._backend.settings_service.choose_store(self._backend.staff, url)
        except OSError as exc:
            log.warning("settings file not written: %s", type(exc).__name__)
            self._say(self.message_label, self.tr(
                "The settings file could not be written, so the store was not changed. Check "
                "that the disk is not full or read-only."))
            return
        log.info("store chosen for the next start: %s", shown)
        restart = self.tr(
            "Restart PosDesk to use %1. Until then this window keeps using the store it "
            "started with.").replace("%1", shown)
        self._say(self.done_label, sentences(done, restart))
        self.switched.emit(shown)

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        self._close_switch()
        self._set_busy(False)
        self._say(self.progress_label, "")
        if isinstance(exc, StoreUnreachable):
            self._say(self.message_label, self.tr(
                "PostgreSQL did not accept the connection: %1").replace("%1", exc.detail))
            return
        if isinstance(exc, PermissionDenied):
            self._say(self.message_label, self.tr(
                "Only a manager can change the store. Nothing was changed."))
            return
        log.warning("switching the store failed: %s: %s", type(exc).__name__, exc)
        self._say(self.message_label, self.tr(
            "The store could not be prepared (see the log). Nothing was changed."))

    def _close_switch(self) -> None:
        switch, self._switch = self._switch, None
        if switch is not None:
            try:
                switch.close()
            except Exception:  # closing connections we no longer need: nothing to tell
                log.warning("closing the prepared store failed", exc_info=True)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.sqlite_radio, self.postgres_radio, self.switch_button):
            widget.setEnabled(not busy)
        self._url_row.setEnabled(not busy and self.postgres_radio.isChecked())

    # --- words ----------------------------------------------------------------------------------

    def _url_problem_text(self, reason: str) -> str:
        texts = {
            URL_EMPTY: self.tr(
                "Enter the store's URL, such as postgresql://posdesk@db-server/posdesk."),
            URL_NOT_POSTGRES: self.tr(
                "This is not a PostgreSQL URL: write it as postgresql://user@host/database."),
            URL_HAS_PASSWORD: self.tr(
                "The URL holds a password: leave it out, and put it in ~/.pgpass or "
                "PGPASSWORD as described above."),
            URL_NO_DATABASE: self.tr(
                "Name the database at the end: postgresql://user@host/database."),
        }
        return texts.get(reason, texts[URL_NOT_POSTGRES])

    def _progress_text(self, progress: Progress) -> str:
        if progress.step == STEP_CONNECTING:
            return self.tr("Connecting to PostgreSQL…")
        if progress.step == STEP_MIGRATING:
            return self.tr("Bringing the store's tables up to date…")
        if progress.step == STEP_COPYING:
            tables = {
                TABLE_CUSTOMERS: self.tr("customers"),
                TABLE_PAYMENT_METHODS: self.tr("saved cards"),
                TABLE_PAYMENTS: self.tr("payments"),
                TABLE_REFUNDS: self.tr("refunds"),
                TABLE_REFUND_REQUESTS: self.tr("refund requests"),
                TABLE_PAYMENT_REQUESTS: self.tr("payment links"),
                TABLE_AUDIT_LOG: self.tr("audit log"),
                TABLE_TERMINALS: self.tr("terminals"),
                TABLE_STAFF: self.tr("staff accounts"),
                TABLE_SHOP_SETTINGS: self.tr("shop settings"),
                TABLE_DAY_CLOSES: self.tr("Z reports"),
            }
            return (
                self.tr("Copying %1: %2 of %3…")
                .replace("%1", tables.get(progress.table or "", progress.table or ""))
                .replace("%2", str(progress.done))
                .replace("%3", str(progress.total))
            )
        return ""

    def stop(self) -> None:
        """The dialog closes: a question still open is answered "cancel"."""
        if self.copy_question is not None:
            self.copy_question.close()
            self.copy_question = None
        if self._job is None:
            self._close_switch()
