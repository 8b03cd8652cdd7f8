"""The start-up / F5 customer refresh: off the GUI thread, progress on the status line, and
the explicit full refresh."""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.shell.customer_refresh import CustomerRefresh


class Customers:
    def __init__(self) -> None:
        self.calls: list[tuple[bool, bool]] = []  # (full, on the GUI thread)

    def refresh_from_stripe(
        self,
        progress: Callable[[int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
        *,
        full: bool = False,
    ) -> int:
        self.calls.append((full, threading.current_thread() is threading.main_thread()))
        assert progress is not None and should_stop is not None
        progress(100)
        return 100


def test_refresh_runs_off_the_gui_thread_and_full_refresh_asks_for_everything(
    qtbot: Any, gui_app: Any
) -> None:
    customers = Customers()
    backend = SimpleNamespace(mode="test", customers=customers)
    refresh = CustomerRefresh(backend, TaskRunner())  # type: ignore[arg-type]
    messages: list[str] = []
    refresh.message.connect(messages.append)
    with qtbot.waitSignal(refresh.finished, timeout=10_000):
        refresh.refresh()
    with qtbot.waitSignal(refresh.finished, timeout=10_000):
        refresh.refresh_everything()
    assert customers.calls == [(False, False), (True, False)]
    assert "Updating customers from Stripe… 100" in messages
    assert messages[-1] == "Customers updated from Stripe: 100."


def test_shift_f5_reads_every_customer_again_and_f5_only_what_is_new(
    qtbot: Any, window: Any, shop: Any, monkeypatch: Any
) -> None:
    service = window.backend.customers
    asked: list[bool] = []
    original = service.refresh_from_stripe

    def recording(*args: Any, full: bool = False, **kwargs: Any) -> int:
        asked.append(full)
        return original(*args, full=full, **kwargs)

    monkeypatch.setattr(service, "refresh_from_stripe", recording)
    for action in (window.refresh_action, window.refresh_all_action):
        qtbot.waitUntil(lambda: not window.customer_refresh.running, timeout=30_000)
        with qtbot.waitSignal(window.refresh_finished, timeout=30_000):
            action.trigger()
    assert asked[-2:] == [False, True]
    assert window.refresh_all_action.shortcut().toString() == "Shift+F5"
    assert window.backend.customers.customers.get(shop.customer_id) is not None
