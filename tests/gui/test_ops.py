"""Background work through `op`: answers on the GUI thread, failures to one presenter unless
the screen handles them itself."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow

from posdesk.backend import InputError
from posdesk.domain.roles import Permission, PermissionDenied, Role, StaffMember
from posdesk.gui.common.error_words import ErrorPresenter, error_words
from posdesk.gui.common.workers import TaskRunner, run_op

pytestmark = pytest.mark.gui


def fail(exc: BaseException):
    def work() -> None:
        raise exc
    return work


@pytest.fixture
def window(qtbot, gui_app):
    win = QMainWindow()
    qtbot.addWidget(win)
    return win


@pytest.fixture
def runner(window):
    runner = TaskRunner(window)
    runner.presenter = ErrorPresenter(window, window.statusBar())
    return runner


def test_success_reaches_the_screen(qtbot, runner) -> None:
    got: list[int] = []
    job = runner.op(lambda: 6 * 7).success(got.append).run()
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    assert got == [42]


def test_a_failure_nobody_handles_goes_to_the_status_bar(qtbot, window, runner) -> None:
    presenter = runner.presenter
    assert isinstance(presenter, ErrorPresenter)
    with qtbot.waitSignal(presenter.shown, timeout=5000) as shown:
        runner.op(fail(InputError("That amount is too large."))).run()
    assert shown.args == ["That amount is too large."]
    assert window.statusBar().currentMessage() == "That amount is too large."


def test_an_unexpected_failure_reads_as_the_fallback(qtbot, runner) -> None:
    presenter = runner.presenter
    assert isinstance(presenter, ErrorPresenter)
    with qtbot.waitSignal(presenter.shown, timeout=5000) as shown:
        runner.op(fail(RuntimeError("secret detail"))).fallback("Could not load it.").run()
    assert shown.args == ["Could not load it."]  # the exception's text stays in the log


def test_a_screen_may_handle_its_failures_itself(qtbot, runner) -> None:
    presenter = runner.presenter
    assert isinstance(presenter, ErrorPresenter)
    handled: list[BaseException] = []
    shown: list[str] = []
    presenter.shown.connect(shown.append)
    job = run_op(runner, fail(ValueError("x")), on_failure=handled.append)
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    assert [type(e) for e in handled] == [ValueError] and shown == []


def test_error_words_sorts_errors_once(gui_app) -> None:
    staff = StaffMember(id="s", name="Sam", role=Role.CASHIER)
    denied = error_words(PermissionDenied(staff, Permission.CHARGE),
                         fallback="?", not_allowed="Your role (%1) may not take payments.")
    assert denied.denied and denied.text == "Your role (Cashier) may not take payments."
    refused = error_words(InputError("Enter an amount."), fallback="?")
    assert refused.refused and refused.text == "Enter an amount."
    other = error_words(OSError("disk details"), fallback="Try again.")
    assert other.unexpected and other.text == "Try again."
