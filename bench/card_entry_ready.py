"""Time from clicking "New card…" to Stripe's element saying ready, cold and warm.

    python bench/card_entry_ready.py              # 1 cold run and 5 warm runs
    python bench/card_entry_ready.py --warm-runs 10

Cold: a fresh process whose first web view is this card entry (no warm-up). Warm: a fresh
process that warmed the web view up the way the main window does after it shows, then
opens card entry several times. Each mode runs in its own process so "cold" really is cold.
Offscreen, against an in-process sandbox (its Stripe.js stand-in); the amount is filled in
by the bench, so the time is the app's, not the cashier's typing.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


def _wait(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("card entry did not get ready in time")
        QCoreApplication.processEvents()
        time.sleep(0.002)


def run_mode(mode: str, runs: int) -> list[float]:
    """In this process: open card entry `runs` times; seconds from click to ready."""
    import stripe
    from PySide6 import QtWebEngineWidgets  # noqa: F401 - before the QApplication

    from posdesk.app_context import build_context
    from posdesk.gui.app import prepare_application
    from posdesk.gui.payments import checkout_view
    from posdesk.gui.shell.main_window import MainWindow
    from posdesk.sandbox.server import SandboxServer
    from posdesk.services.secret_store import (
        STRIPE_PUBLISHABLE_KEY,
        STRIPE_SECRET_KEY,
        SecretStore,
    )

    prepare_application()
    data_dir = Path(tempfile.mkdtemp(prefix="posdesk-bench-"))
    server = SandboxServer(seed=None).start()
    keys = SecretStore.in_memory()
    secret = "sk_test_" + secrets.token_hex(16)
    keys.set(STRIPE_SECRET_KEY, secret)
    keys.set(STRIPE_PUBLISHABLE_KEY, "pk_test_" + secrets.token_hex(16))
    context = build_context(data_dir=data_dir, secrets=keys, api_base=server.base_url,
                            database_url=f"sqlite:///{data_dir / 'posdesk.db'}")
    times: list[float] = []
    try:
        client = stripe.StripeClient(secret, base_addresses={"api": server.base_url})
        customer = client.v1.customers.create({"name": "Bench Customer"})
        window = MainWindow(context)
        window.show()
        window.customer_refresh.refresh()
        _wait(lambda: not window.customer_refresh.running)
        window.open_customer(customer.id)
        _wait(lambda: window.customer_page.page is not None)
        if mode == "warm":
            window.warm_up.start()
            _wait(checkout_view.is_warm)
        page = window.customer_page
        for _ in range(runs):
            clicked = time.monotonic()
            page.new_card_button.click()
            dialog = page.card_entry_dialog
            assert dialog is not None
            dialog.amount_edit.setText("10.00")
            dialog.pay_button.click()
            _wait(lambda d=dialog: d.ready_at is not None)
            times.append(dialog.ready_at - clicked)
            dialog.reject()
            _wait(lambda d=dialog: not d.isVisible())
            if mode == "warm":  # the next card entry gets a fresh preloaded view
                _wait(checkout_view.is_warm)
        window.close()
    finally:
        context.close()
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warm-runs", type=int, default=5)
    parser.add_argument("--child", choices=("cold", "warm"), help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_mode(args.child, args.runs)))
        return 0
    results: dict[str, list[float]] = {}
    for mode, runs in (("cold", 1), ("warm", args.warm_runs)):
        out = subprocess.run(
            [sys.executable, __file__, "--child", mode, "--runs", str(runs)],
            check=True, capture_output=True, text=True,
        )
        results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
    cold = results["cold"][0]
    warm = results["warm"]
    print(f"New card → element ready, cold (first web view):  {cold * 1000:7.0f} ms")
    print(f"New card → element ready, warm (after warm-up):   {warm[0] * 1000:7.0f} ms "
          f"first, median {statistics.median(warm) * 1000:.0f} ms over {len(warm)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
