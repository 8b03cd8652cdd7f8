"""Acceptance: a charge committed by one process (another till) appears in this process's open
customer page within a second on PostgreSQL (LISTEN/NOTIFY) and within two on a shared
SQLite file (polling). No sync engine runs here: the change feed is the only way the page
can learn of it."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from posdesk.domain.roles import Role
from posdesk.gui.payments.payment_table_model import PaymentTableModel
from posdesk.store.database import Store
from tests.gui.conftest import gui_app, make_context, shop  # noqa: F401
from tests.store.conftest import PG_URL

SCRIPT = Path(__file__).with_name("charge_on_another_till.py")
REPO_ROOT = Path(__file__).resolve().parents[2]
AMOUNTS = [1001, 1002, 1003, 1004, 1005]  # cents; one charge each, one after another
BOUND_S = {"postgresql": 1.0, "sqlite": 2.0}
TIMEOUT_MS = 30_000


@pytest.fixture
def window(qtbot: Any, gui_app: Any, store: Store, sandbox: Any, data_dir: Path,  # noqa: F811
           secret_key: str) -> Iterator[Any]:
    """The main window of this terminal on the store under test (no sync started)."""
    from posdesk.gui.shell.main_window import MainWindow

    context = make_context(data_dir=data_dir, store=store, api_base=sandbox.base_url,
                           secret_key=secret_key, role=Role.MANAGER)
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    try:
        yield win
    finally:
        win.close()


def paid_amounts(page: Any) -> set[str]:
    model = page.payment_model
    rows = range(model.rowCount())
    return {
        model.data(model.index(r, PaymentTableModel.AMOUNT))
        for r in rows
        if model.data(model.index(r, PaymentTableModel.STATE)) == "Paid"
    }


@pytest.mark.parametrize("store_url", [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(
        not PG_URL, reason="set POSDESK_TEST_DATABASE_URL to a PostgreSQL database")),
], indirect=True)
def test_a_charge_on_another_till_appears_on_the_open_page(
    qtbot: Any, window: Any, store: Store, store_url: str, sandbox: Any, secret_key: str,
    shop: Any, tmp_path: Path,  # noqa: F811
) -> None:
    page = window.customer_page
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT_MS):
        window.open_customer(shop.customer_id)
    feed = window.change_feed
    assert feed.ready.wait(10)
    assert feed.listens == (store.dialect == "postgresql")

    # When each amount first shows as paid on the page, by this process's clock.
    shown: dict[str, float] = {}

    def look() -> None:
        now = time.time()
        for amount in paid_amounts(page):
            shown.setdefault(amount, now)

    page.loaded.connect(look)

    env = {**os.environ, "POSDESK_TEST_SECRET_KEY": secret_key}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    errors = tmp_path / "child-stderr.txt"
    with errors.open("w") as stderr:
        child = subprocess.Popen(
            [sys.executable, str(SCRIPT), store_url, sandbox.base_url, shop.customer_id,
             shop.card_ids["4242"], ",".join(map(str, AMOUNTS))],
            env=env, stdout=subprocess.PIPE, stderr=stderr, text=True,
        )
    committed: dict[str, float] = {}

    def read_child() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            word, amount, moment = line.split()
            if word == "committed":
                committed[f"${int(amount) / 100:.2f}"] = float(moment)

    reader = threading.Thread(target=read_child, daemon=True)
    reader.start()
    try:
        qtbot.waitUntil(lambda: len(shown) == len(AMOUNTS), timeout=TIMEOUT_MS)
        assert child.wait(30) == 0, errors.read_text()
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
    reader.join(5)
    assert secret_key not in errors.read_text()

    assert set(committed) == set(shown)
    latencies = sorted(shown[amount] - committed[amount] for amount in committed)
    print(f"\n{store.dialect}: commit on another till -> row on this page: "
          f"p50 {statistics.median(latencies) * 1000:.0f} ms, "
          f"max {latencies[-1] * 1000:.0f} ms over {len(latencies)} charges")
    assert latencies[0] > 0
    assert latencies[-1] < BOUND_S[store.dialect]
