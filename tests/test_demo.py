"""`posdesk --demo`: a seeded sandbox on threads of the demo's own process, the main
window showing its customers, and nothing left in the user's keyring or data directory; with
--store and --sandbox-url, several demo terminals on one store and one sandbox."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtCore import Qt

from posdesk.demo import demo_context
from posdesk.sandbox import in_process
from posdesk.services.store_setup import same_store
from posdesk.services.terminal_roster import terminals_of_store

pytestmark = pytest.mark.gui


def test_demo_opens_the_main_window_with_seeded_customers(
    qtbot: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from posdesk.gui.app import start_gui

    def no_keyring(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("the demo must not touch the OS keyring")

    monkeypatch.setattr(keyring, "get_password", no_keyring)
    monkeypatch.setattr(keyring, "set_password", no_keyring)

    with demo_context(data_dir) as context:
        assert context.mode == "demo"
        window = start_gui(context)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.refresh_finished, timeout=30_000) as refreshed:
            pass
        assert refreshed.args[0] >= 200  # the demo seed has a few hundred customers
        assert window.banner.isVisible() and window.banner.text().startswith("DEMO")

        # The demo starts at the sign-in page, its people's PINs shown; the manager signs in.
        page = window.till.screen.sign_in_page
        qtbot.waitUntil(lambda: window.till.screen.loaded, timeout=5000)
        assert window.till.is_locked and "Morgan Manager: 2580" in page.demo_hint.text()
        page.choose(next(a for a in page.accounts if a.name == "Morgan Manager"))
        qtbot.keyClicks(page.pad, "2580")
        qtbot.keyClick(page.pad, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not window.till.is_locked, timeout=10_000)

        qtbot.keyClicks(window.search.search_edit, "mar")
        model = window.search.model
        qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=5000)
        names = [model.customer_at(i).name for i in range(model.rowCount())]
        assert all("mar" in (n or "").casefold() for n in names[:3]), names
        window.close()
    assert (data_dir / "posdesk.db").exists()


def test_two_demo_terminals_share_the_store_and_sandbox_they_are_given(
    tmp_path: Path, sandbox: Any, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_sandbox(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("a demo given --sandbox-url joins it instead of starting one")

    monkeypatch.setattr(in_process, "SeedingSandbox", no_sandbox)
    with (
        demo_context(tmp_path / "till-1", store_url=store_url, sandbox_url=sandbox.base_url)
        as first,
        demo_context(tmp_path / "till-2", store_url=store_url, sandbox_url=sandbox.base_url)
        as second,
    ):
        for context in (first, second):
            assert context.mode == "demo"
            assert context.api_base == sandbox.base_url
            assert same_store(context.store.engine.url.render_as_string(False), store_url)
            context.start_presence()  # same computer, two terminals: both may run
        assert first.terminal.id != second.terminal.id
        assert first.terminal.name.startswith("Demo terminal ")
        listed = terminals_of_store(first.store, first.terminal.id)
        assert {t.id for t in listed if t.live} == {first.terminal.id, second.terminal.id}
    assert not (tmp_path / "till-1" / "posdesk.db").exists()  # the store was the one given
