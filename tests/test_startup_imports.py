"""Start-up loads only what the first window needs: Alembic, stripe's HTTP stack, the web
view and the certificate library load later (migrations, the first request to Stripe, the
first card page)."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys

import pytest

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
    # stripe picks an async HTTP client as it loads; PosDesk's requests are sync.
    assert "aiohttp" not in modules and "httpx" not in modules


def test_a_store_at_head_opens_without_alembic(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'posdesk.db'}"
    opening = f"from posdesk.store.database import open_store\nopen_store({url!r}).close()"
    assert "alembic" in modules_after(opening)  # a new database: migrated
    assert "alembic" not in modules_after(opening)  # at head: one query, no Alembic


# --- the window first, the store behind it ------------------------------------------------

# What the first window must not wait for: the store stack, the services, the screens.
STORE_STACK = ("sqlalchemy", "sqlmodel", "pydantic", "posdesk.backend", "posdesk.app_context",
               "posdesk.store.database", "posdesk.gui.shell.main_window")


def test_the_starting_window_shows_before_the_store_stack_loads() -> None:
    modules = modules_after(
        "from posdesk import cli\n"
        "assert cli._missing_system_libraries() is None\n"
        "from posdesk.gui import app\n"
        "window = app.show_starting_window()\n"
        "assert window.isVisible()\n"
    )
    assert [name for name in STORE_STACK if name in modules] == []


def test_start_up_on_a_current_store_loads_neither_alembic_nor_stripe(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'posdesk.db'}"
    modules_after(f"from posdesk.store.database import open_store\nopen_store({url!r}).close()")
    # As `posdesk` starts (cli.run_app): the starting window, the context built behind it
    # with keys set, the main window in its place.
    modules = modules_after(
        "from pathlib import Path\n"
        "from posdesk import cli\n"
        "from posdesk.gui import app\n"
        "from posdesk.services.secret_store import (STRIPE_PUBLISHABLE_KEY,\n"
        "    STRIPE_SECRET_KEY, SecretStore)\n"
        "app.show_starting_window()\n"
        "keys = SecretStore.in_memory()\n"
        "keys.set(STRIPE_SECRET_KEY, 'sk_test_' + 'x' * 24)\n"
        "keys.set(STRIPE_PUBLISHABLE_KEY, 'pk_test_' + 'x' * 24)\n"
        "def build():\n"
        "    from posdesk.app_context import build_context\n"
        f"    context = build_context(data_dir=Path({str(tmp_path)!r}), secrets=keys,\n"
        f"        database_url={url!r}, api_base='http://127.0.0.1:9')\n"
        "    cli._load_main_window()\n"
        "    return context\n"
        "context = app.build_while_showing(build)\n"
        "starting = app._starting\n"
        "window = app.start_gui(context)\n"
        "assert context.mode == 'test' and window.isVisible()\n"
        "assert not starting.isVisible() and window.geometry() == starting.geometry()\n"
    )
    assert [name for name in ("alembic", "mako", "pygments", "aiohttp", "httpx")
            if name in modules] == []
    assert modules.get("stripe") == "_LoadedOnFirstUse"  # no request to Stripe yet
    # Keys held in memory need no keyring library; printing loads Qt's print support.
    assert [name for name in ("keyring", "PySide6.QtPrintSupport") if name in modules] == []


def test_the_build_starts_after_the_first_paint_and_its_failure_is_raised_at_start() -> None:
    modules_after(
        "import threading\n"
        "from posdesk.gui import app\n"
        "window = app.show_starting_window()\n"
        "def build():\n"
        "    assert threading.current_thread() is not threading.main_thread()\n"
        "    return window.painted\n"
        "assert app.build_while_showing(build) is True\n"
        "def failing():\n"
        "    raise LookupError('no store')\n"
        "try:\n"
        "    app.build_while_showing(failing)\n"
        "except LookupError as exc:\n"
        "    assert str(exc) == 'no store'\n"
        "else:\n"
        "    raise AssertionError('the failure was lost')\n"
        "assert not app.start_abandoned()\n"
    )


def test_closing_the_starting_window_waits_for_the_build_and_says_so() -> None:
    modules_after(
        "import time\n"
        "from PySide6.QtCore import QTimer\n"
        "from posdesk.gui import app\n"
        "window = app.show_starting_window()\n"
        "QTimer.singleShot(100, window.close)\n"
        "def build():\n"
        "    time.sleep(0.5)\n"
        "    return 'built'\n"
        "assert app.build_while_showing(build) == 'built'  # for the caller to close\n"
        "assert app.start_abandoned()\n"
    )


def test_a_demo_store_is_copied_from_its_template_without_alembic(tmp_path) -> None:
    making = (
        "from pathlib import Path\n"
        "from posdesk.store.database import new_store_from_template, open_store\n"
        "def new_store(name):\n"
        f"    path = Path({str(tmp_path)!r}) / name\n"
        f"    new_store_from_template(path, Path({str(tmp_path / 'templates')!r}))\n"
        "    open_store(f'sqlite:///{path}').close()\n"
    )
    stale = tmp_path / "templates" / "empty-store-of-older-migrations.db"
    stale.parent.mkdir()
    stale.write_bytes(b"")
    assert "alembic" in modules_after(making + "new_store('first.db')")  # migrated, kept
    assert not stale.exists()  # the new template replaced the old
    assert "alembic" not in modules_after(making + "new_store('second.db')")  # a copy
    assert (tmp_path / "second.db").stat().st_mode & 0o077 == 0  # the user's alone


def test_a_thread_that_hashed_a_pin_gives_its_memory_back() -> None:
    """Argon2 takes 19 MiB per PIN hash; on a worker thread glibc would keep it resident
    (its threshold for own mappings grows to the largest block freed) unless start-up sets
    the threshold (process_memory.give_back_large_blocks)."""
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        pytest.skip("glibc's allocator only")
    hashing = (
        "import threading\n"
        "from posdesk import process_memory\n"
        "from posdesk.services.staff import PIN_HASHER\n"
        "def anon_kib():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('RssAnon:'):\n"
        "            return int(line.split()[1])\n"
        "{setup}\n"
        "PIN_HASHER.hash('2580')  # the first hash: glibc raises its threshold here\n"
        "before = anon_kib()\n"
        "worker = threading.Thread(target=lambda: [PIN_HASHER.hash('3690') for _ in 'ab'])\n"
        "worker.start(); worker.join()\n"
        "print(anon_kib() - before)\n"
    )

    def kept_kib(setup: str) -> int:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        done = subprocess.run([sys.executable, "-c", hashing.replace("{setup}", setup)],
                              capture_output=True, text=True, env=env, timeout=120, check=True)
        return int(done.stdout.splitlines()[-1])

    assert kept_kib("process_memory.give_back_large_blocks()") < 8 * 1024
    assert kept_kib("pass") > 16 * 1024  # without it: the hash's 19 MiB stays
