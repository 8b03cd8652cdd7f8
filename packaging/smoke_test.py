"""Run a built Linux bundle the way a user would and check it (packaging/smoke-test.sh):

1. `posdesk --version` with no display: PosDesk's version, Qt never loaded.
2. `posdesk sandbox` answers a Stripe-shaped request on a loopback port.
3. Migrations: `posdesk audit verify` on a fresh data folder creates the store at the newest
   revision in src/posdesk/store/migrations/versions.
4. `posdesk --demo` offscreen shows its starting window and then the main window (the
   POSDESK_SHOWN / POSDESK_READY markers of gui/app.py); timed from launch, beside the
   development install's `python -m posdesk --demo` run the same way.
5. The card-entry page loads in the bundle's web engine (posdesk-smoke-probe: the real main
   window, "New card…", the card page's Stripe element ready), Help > About shows the
   bundle's versions and its THIRD-PARTY-LICENSES file, the history's chart draws, and a
   receipt in Chinese is saved as a PDF and printed to a PDF file (read back with pdftotext
   when poppler is installed).

    python packaging/smoke_test.py BUNDLE_DIR [--runs N]
Standard library only; prints one line per check and `N passed, N failed`."""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC_VERSION = re.search(r'__version__ = "([^"]+)"',
                        (ROOT / "src" / "posdesk" / "__init__.py").read_text()).group(1)
MIGRATIONS = ROOT / "src" / "posdesk" / "store" / "migrations" / "versions"


def headless_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(extra)
    return env


def gui_env(data_dir: Path) -> dict[str, str]:
    return headless_env(QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1",
                        POSDESK_REPORT_SHOWN="1", POSDESK_DATA_DIR=str(data_dir))


def check_version(bundle: Path) -> str:
    done = subprocess.run([str(bundle / "posdesk"), "--version"], env=headless_env(),
                          capture_output=True, text=True, timeout=60)
    out = done.stdout.strip()
    if done.returncode != 0 or out != f"PosDesk {SRC_VERSION}":
        raise AssertionError(f"exit {done.returncode}, printed {out!r} {done.stderr[-500:]!r}")
    return out


def check_sandbox(bundle: Path) -> str:
    process = subprocess.Popen(
        [str(bundle / "posdesk"), "sandbox", "--host", "127.0.0.1", "--port", "0",
         "--exit-with-parent"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        env=headless_env(), text=True)
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise AssertionError(f"printed {url!r} instead of its URL")
        key = base64.b64encode(b"sk_test_smoketestsmoketest:").decode()
        request = urllib.request.Request(
            f"{url}/v1/customers", data=b"name=Smoke+Test",
            headers={"Authorization": f"Basic {key}"})
        with urllib.request.urlopen(request, timeout=20) as answer:
            customer = json.load(answer)
        if customer.get("object") != "customer" or customer.get("name") != "Smoke Test":
            raise AssertionError(f"answered {customer!r}")
        return f"{url} created {customer['id']}"
    finally:
        process.terminate()
        process.wait(10)


def newest_revision() -> str:
    found = [re.search(r'^revision(?:: str)? = "([^"]+)"', path.read_text(), re.MULTILINE)
             for path in MIGRATIONS.glob("[0-9]*.py")]
    return max(match.group(1) for match in found if match)


def check_migrations(bundle: Path) -> str:
    with tempfile.TemporaryDirectory(prefix="posdesk-smoke-data-") as folder:
        data_dir = Path(folder) / "data"
        done = subprocess.run([str(bundle / "posdesk"), "audit", "verify"], capture_output=True,
                              text=True, timeout=120,
                              env=headless_env(POSDESK_DATA_DIR=str(data_dir)))
        stores = list(data_dir.rglob("*.db"))
        if not stores:
            raise AssertionError(f"no store created (exit {done.returncode}: "
                                 f"{(done.stdout + done.stderr)[-800:]})")
        with sqlite3.connect(stores[0]) as db:
            (revision,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
            tables = db.execute("SELECT count(*) FROM sqlite_master WHERE type='table'")
            (table_count,) = tables.fetchone()
        if revision != newest_revision():
            raise AssertionError(f"store at {revision}, newest is {newest_revision()}")
        return (f"{stores[0].name} at revision {revision}, {table_count} tables "
                f"(audit verify exit {done.returncode})")


def time_to_window(command: list[str], timeout: float = 90.0) -> tuple[float, float]:
    """Seconds from launch to the first window's paint and to the main window's."""
    with tempfile.TemporaryDirectory(prefix="posdesk-smoke-run-") as folder:
        started = time.monotonic()
        process = subprocess.Popen(command, env=gui_env(Path(folder)), stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   text=True, start_new_session=True)
        marks: dict[str, float] = {}
        try:
            assert process.stderr is not None
            deadline = started + timeout
            for line in process.stderr:
                name, _, value = line.strip().partition(" ")
                if name in ("POSDESK_SHOWN", "POSDESK_READY"):
                    marks[name] = float(value) - started
                if "POSDESK_READY" in marks or time.monotonic() > deadline:
                    break
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    if "POSDESK_READY" not in marks:
        raise AssertionError(f"no main window within {timeout:.0f} s (seen: {marks})")
    return marks.get("POSDESK_SHOWN", marks["POSDESK_READY"]), marks["POSDESK_READY"]


def describe(label: str, runs: list[tuple[float, float]]) -> str:
    shown = statistics.median(r[0] for r in runs)
    ready = statistics.median(r[1] for r in runs)
    return (f"{label}: first window {shown * 1000:.0f} ms, main window {ready * 1000:.0f} ms "
            f"(median of {len(runs)})")


def check_demo(bundle: Path, runs: int, dev_python: Path | None) -> str:
    """Bundle and development install interleaved, so both see the same machine load."""
    variants = {"bundle": [str(bundle / "posdesk"), "--demo"]}
    if dev_python is not None and dev_python.exists():
        variants["development install"] = [str(dev_python), "-m", "posdesk", "--demo"]
    timings: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, command in variants.items():
            timings[name].append(time_to_window(command))
    return "; ".join(describe(name, runs_) for name, runs_ in timings.items())


def check_card_entry(bundle: Path) -> str:
    probe = bundle / "posdesk-smoke-probe"
    if not probe.exists():
        raise AssertionError("no posdesk-smoke-probe: build with POSDESK_SMOKE_PROBE=1")
    done = subprocess.run([str(probe)], capture_output=True, text=True, timeout=180,
                          env=headless_env(QT_QPA_PLATFORM="offscreen",
                                           QTWEBENGINE_DISABLE_SANDBOX="1"))
    last = (done.stdout.strip().splitlines() or [""])[-1]
    if done.returncode != 0 or not last.startswith("CARD-ENTRY-READY"):
        raise AssertionError(f"exit {done.returncode}: {last} {done.stderr[-800:]}")
    return f"card page's Stripe element ready {last.split()[1]} ms after New card…"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--runs", type=int, default=3, help="demo start-up runs of each")
    parser.add_argument("--dev-python", type=Path, default=ROOT / ".venv" / "bin" / "python",
                        help="the development install to time beside the bundle")
    args = parser.parse_args(argv)
    bundle = args.bundle.resolve()
    checks: list[tuple[str, Callable[[], str]]] = [
        ("posdesk --version (no display)", lambda: check_version(bundle)),
        ("posdesk sandbox answers", lambda: check_sandbox(bundle)),
        ("migrations on a fresh data folder", lambda: check_migrations(bundle)),
        ("posdesk --demo shows its window", lambda: check_demo(bundle, args.runs,
                                                               args.dev_python)),
        ("card-entry page loads, About shows the licenses, receipts make PDFs",
         lambda: check_card_entry(bundle)),
    ]
    passed = failed = 0
    for name, check in checks:
        started = time.monotonic()
        try:
            detail = check()
        except Exception as exc:  # each check reports and the rest still run
            failed += 1
            print(f"FAIL {name}: {type(exc).__name__}: {exc}", flush=True)
        else:
            passed += 1
            print(f"ok   {name} ({time.monotonic() - started:.1f} s): {detail}", flush=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
