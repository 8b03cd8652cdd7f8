"""Start-up loads only what the first window needs: Alembic, stripe's HTTP stack, the web
view and the certificate library load later (migrations, the first request to Stripe, the
first card page)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# Imported by `posdesk` on the way to its first window (cli.run_app, the demo, gui.app).
START_PATH = "import posdesk.cli, posdesk.demo, posdesk.app_context, posdesk.gui.app"
LOADED_LATER = ("alembic", "aiohttp", "requests", "stripe._http_client",
                "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "cryptography")


def modules_after(code: str) -> dict[str, str]:
    """The modules a fresh interpreter holds after `code`: name -> type of the module."""
    script = (f"{code}\nimport json, sys\n"
              "print(json.dumps({n: type(m).__name__ for n, m in sys.modules.items()}))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # Without the test session's contract recorder (tests/contract_site/sitecustomize.py),
    # which imports stripe into every child process to watch its requests.
    env.pop("POSDESK_CONTRACT_LOG", None)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and "contract_site" not in p)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=120, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_the_start_path_does_not_import_what_is_needed_later() -> None:
    modules = modules_after(START_PATH)
    assert [name for name in LOADED_LATER if name in modules] == []
    # `stripe` itself is only the stand-in until the gateway first uses it.
    assert modules.get("stripe", "_LoadedOnFirstUse") == "_LoadedOnFirstUse"


def test_stripe_loads_at_its_first_use_and_the_gateway_works_with_it() -> None:
    modules = modules_after(
        f"{START_PATH}\n"
        "from posdesk.gateway.client import StripeGateway\n"
        "gateway = StripeGateway('sk_test_' + 'x' * 24, 'http://127.0.0.1:9')\n"
        "import sys\n"
        "assert 'stripe._http_client' not in sys.modules  # built, not used yet\n"
        "assert gateway.mode == 'test' and gateway.api_base == 'http://127.0.0.1:9'\n"
        "from posdesk.gateway import errors\n"
        "assert issubclass(errors.stripe.CardError, errors.stripe.StripeError)\n"
    )
    assert modules["stripe"] == "module" and "stripe._http_client" in modules


def test_a_store_at_head_opens_without_alembic(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'posdesk.db'}"
    opening = f"from posdesk.store.database import open_store\nopen_store({url!r}).close()"
    assert "alembic" in modules_after(opening)  # a new database: migrated
    assert "alembic" not in modules_after(opening)  # at head: one query, no Alembic
