"""Opening the card form prints no Chromium certificate errors: the checkout profile trusts
the install's own certificate, so the loopback page's TLS handshake succeeds. A certificate
that is not the install's still fails, and Chromium still says so (the control run)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

LOAD_THE_CARD_FORM = """
import os, sys, time
from pathlib import Path
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
from PySide6 import QtWebEngineWidgets  # noqa: F401  (before the QApplication)
from PySide6.QtWidgets import QApplication
from posdesk.card_page.certificate import ensure_certificate
from posdesk.card_page.protocol import page_config
from posdesk.card_page.server import CheckoutServer
from posdesk.gui.payments.checkout_view import CheckoutView

app = QApplication(sys.argv[:1])
data = Path(sys.argv[1])
other = ensure_certificate(data / "other-tls") if sys.argv[2] == "other" else None
with CheckoutServer(ensure_certificate(data / "tls"),
                    stripe_js_url="http://127.0.0.1:9/js/v3/") as server:
    view = CheckoutView(server, stripe_js_url="http://127.0.0.1:9/js/v3/",
                        pinned_fingerprint=other.sha256_fingerprint if other else None)
    view.resize(640, 600)
    view.show()
    seen = []
    view.reported.connect(seen.append)
    view.certificate_rejected.connect(seen.append)
    view.start("payment", lambda url: page_config(
        flow="payment", publishable_key="pk_test_" + "0" * 24,
        client_secret="pi_1_secret_2", return_url=url))
    deadline = time.monotonic() + 30
    while not seen and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    print("OUTCOME", "rejected" if seen and isinstance(seen[0], str) else
          "loaded" if seen else "nothing", flush=True)
    view.stop_page()
    del view
"""


def load(tmp_path: Path, certificate: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, [str(Path(__file__).resolve().parents[2] / "src"),
                      os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-c", LOAD_THE_CARD_FORM, str(tmp_path),
                           certificate], env=env, capture_output=True, text=True,
                          timeout=120)


def test_the_card_form_loads_without_chromium_certificate_errors(tmp_path: Path) -> None:
    done = load(tmp_path, "own")
    assert "OUTCOME loaded" in done.stdout, done.stderr[-2000:]
    assert "handshake failed" not in done.stderr
    assert "net_error -202" not in done.stderr


def test_another_certificate_is_still_refused_and_chromium_says_so(tmp_path: Path) -> None:
    done = load(tmp_path, "other")
    assert "OUTCOME rejected" in done.stdout, done.stderr[-2000:]
    assert "net_error -202" in done.stderr  # the console is not silenced wholesale
