"""`posdesk --demo`: a seeded sandbox started through PosDesk's own entry point, the main
window showing its customers, and nothing left in the user's keyring or data directory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring
import pytest

from posdesk.demo import demo_context

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

        qtbot.keyClicks(window.search.search_edit, "mar")
        model = window.search.model
        qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=5000)
        names = [model.customer_at(i).name for i in range(model.rowCount())]
        assert all("mar" in (n or "").casefold() for n in names[:3]), names
        window.close()
    assert (data_dir / "posdesk.db").exists()
