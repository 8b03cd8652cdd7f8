"""Background jobs answer on the GUI thread; type-ahead shows only the newest answer."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread

from posdesk.gui.common.workers import LatestOnly, TaskRunner

pytestmark = pytest.mark.gui


def test_result_error_and_progress_arrive_on_the_gui_thread(qtbot, qapp):
    runner = TaskRunner()
    gui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def work(job):
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        job.report(1)
        job.report(2)
        return "done"

    progress: list[object] = []

    def on_progress(value: object) -> None:
        assert QThread.currentThread() is gui_thread
        progress.append(value)

    def on_result(value: object) -> None:
        seen["result_on_gui"] = QThread.currentThread() is gui_thread
        seen["result"] = value

    job = runner.submit(work, wants_reporter=True, on_result=on_result, on_progress=on_progress)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert seen == {"worker": True, "result_on_gui": True, "result": "done"}
    assert progress == [1, 2]

    errors: list[BaseException] = []

    def fail() -> None:
        raise ValueError("no such customer")

    job = runner.submit(fail, on_error=errors.append)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert [str(e) for e in errors] == ["no such customer"]
    assert runner.wait_for_done(1000)


def test_latest_only_drops_stale_answers(qtbot, qapp):
    runner = TaskRunner()
    latest = LatestOnly(runner)
    release_first = threading.Event()
    calls: list[str] = []
    shown: list[str] = []

    def query(text: str):
        def run() -> str:
            calls.append(text)
            if text == "a":
                release_first.wait(5)  # the first keystroke's query is slow
            return text
        return run

    latest.submit(query("a"), shown.append)
    latest.submit(query("ad"), shown.append)
    latest.submit(query("ada"), shown.append)
    assert latest.busy
    release_first.set()
    qtbot.waitUntil(lambda: not latest.busy, timeout=5000)
    time.sleep(0.05)
    qapp.processEvents()
    # "ad" was superseded before it started, "a" answered too late: only "ada" is shown.
    assert shown == ["ada"]
    assert calls == ["a", "ada"]
