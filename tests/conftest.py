"""Fixtures shared by the whole suite: offscreen Qt, an isolated data root that the final
secret scan reads, a fresh in-process sandbox per test, and a real store."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt: no display in CI, and QtWebEngine refuses root without this.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

import pytest  # noqa: E402

# QtWebEngine must be loaded before the QApplication exists (pytest-qt creates it lazily).
from PySide6 import QtWebEngineWidgets  # noqa: E402, F401
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.exc import DBAPIError  # noqa: E402

from tests.stripe_contract import ChildLog  # noqa: E402

# Real-looking keys, generated per run: the secret scan looks for exactly these shapes.
TEST_SECRET_KEY = "sk_test_" + secrets.token_hex(16)
TEST_PUBLISHABLE_KEY = "pk_test_" + secrets.token_hex(16)
TEST_WEBHOOK_SECRET = "whsec_" + secrets.token_hex(16)

SECRET_SCAN_TEST = "test_no_secret_in_app_files"
CONTRACT_SUMMARY_TEST = "test_the_suite_checked_the_gateways_requests"
RUN_LAST = (CONTRACT_SUMMARY_TEST, SECRET_SCAN_TEST)


@pytest.fixture(scope="session")
def app_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every data directory, log and settings file the app writes during the suite lives here."""
    return tmp_path_factory.getbasetemp() / "posdesk-app-files"


@pytest.fixture(scope="session", autouse=True)
def _isolate_app_files(app_root: Path) -> Iterator[None]:
    # Nothing in the suite may touch the real user data directory; the app's own log goes
    # through the app's own logging set-up, so the scan judges what users would have on disk.
    app_root.mkdir(parents=True, exist_ok=True)
    (app_root / "default").mkdir(exist_ok=True)
    (app_root / "logs").mkdir(exist_ok=True)
    previous = os.environ.get("POSDESK_DATA_DIR")
    os.environ["POSDESK_DATA_DIR"] = str(app_root / "default")
    from posdesk.logging_setup import configure_logging

    configure_logging(app_root / "logs" / "posdesk.log", to_stderr=False, debug=True)
    yield
    if previous is None:
        os.environ.pop("POSDESK_DATA_DIR", None)
    else:
        os.environ["POSDESK_DATA_DIR"] = previous


@pytest.fixture(scope="session", autouse=True)
def _record_gateway_requests(app_root: Path) -> Iterator[ChildLog]:
    # Every request the gateway sends while the suite runs, in this process or a child one
    # (tests/contract_site/sitecustomize.py), is checked against stripe-python's request
    # type for its endpoint (tests/stripe_contract.py).
    from tests.stripe_contract import RECORDER, ChildLog

    app_root.mkdir(parents=True, exist_ok=True)
    log = ChildLog(app_root / "gateway-requests.jsonl")
    saved = {name: os.environ.get(name) for name in ("POSDESK_CONTRACT_LOG", "PYTHONPATH")}
    os.environ["POSDESK_CONTRACT_LOG"] = str(log.path)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(Path(__file__).parent / "contract_site"), saved["PYTHONPATH"]])
    )
    RECORDER.install()
    yield log
    RECORDER.uninstall()
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(autouse=True)
def _gateway_requests_match_the_pinned_api(_record_gateway_requests: ChildLog) -> Iterator[None]:
    """Fails the test whose code sent a request the pinned API version does not accept."""
    from tests.stripe_contract import RECORDER, violations

    RECORDER.take()
    _record_gateway_requests.read_new()
    yield
    sent = RECORDER.take()
    children, found_in_children = _record_gateway_requests.read_new()
    RECORDER.checked += len(sent) + children
    found = [str(v) for v in violations(sent)] + found_in_children
    if found:
        pytest.fail(
            "the gateway sent parameters the pinned Stripe API version does not accept:\n"
            + "\n".join(f"  {v}" for v in found[:20]),
            pytrace=False,
        )


@pytest.fixture
def data_dir(app_root: Path, request: pytest.FixtureRequest) -> Path:
    """A fresh data directory for one test, inside the scanned app root."""
    safe = "".join(c if c.isalnum() else "_" for c in request.node.name)[:80]
    path = app_root / "data" / f"{safe}-{secrets.token_hex(3)}"
    path.mkdir(parents=True)
    return path


@pytest.fixture
def sandbox():
    """A fresh, empty sandbox on a free port (posdesk.sandbox.server.SandboxServer)."""
    from posdesk.sandbox.server import SandboxServer

    server = SandboxServer(host="127.0.0.1", port=0)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def secret_key() -> str:
    return TEST_SECRET_KEY


@pytest.fixture
def tmp_store(data_dir: Path):
    from posdesk.store.database import default_database_url, open_store

    store = open_store(default_database_url(data_dir))
    try:
        yield store
    finally:
        store.close()


# --- the database under test: SQLite always, PostgreSQL too when POSDESK_TEST_DATABASE_URL is set
# Each PostgreSQL test gets its own schema (dropped afterwards), so runs are independent and
# can share one server.

PG_URL = os.environ.get("POSDESK_TEST_DATABASE_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


def _with_search_path(url: str, schema: str) -> str:
    # pg_trgm may already live in public; keep it visible after the test schema.
    parsed = make_url(url)
    query = dict(parsed.query)
    query["options"] = f"-csearch_path={schema},public"
    return parsed.set(query=query).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def _pg_admin() -> Iterator[object]:
    assert PG_URL
    engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    # Installed once in public so schemas dropped after each test do not take it along.
    # Without the privilege the store falls back to plain LIKE; that must work too.
    with engine.connect() as conn, contextlib.suppress(DBAPIError):
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
    yield engine
    engine.dispose()


@contextlib.contextmanager
def empty_database(request: pytest.FixtureRequest, backend: str, folder: Path) -> Iterator[str]:
    """A database URL to an empty database of `backend`: a SQLite file in `folder`, or a
    PostgreSQL schema of its own, dropped afterwards."""
    if backend == "sqlite":
        from posdesk.store.database import default_database_url

        yield default_database_url(folder)
        return
    admin = request.getfixturevalue("_pg_admin")
    schema = "t_" + secrets.token_hex(6)
    with admin.connect() as conn:  # type: ignore[attr-defined]
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _with_search_path(PG_URL or "", schema)
    finally:
        with admin.connect() as conn:  # type: ignore[attr-defined]
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[str]:
    """A database URL to an empty database of the backend under test."""
    with empty_database(request, request.param, data_dir) as url:
        yield url


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The secret scan judges the files every other test left behind, and the contract summary
    # counts the requests every other test sent, so they run last.
    last = sorted(
        (item for item in items if item.name in RUN_LAST), key=lambda i: RUN_LAST.index(i.name)
    )
    items[:] = [item for item in items if item.name not in RUN_LAST] + last


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests.stripe_contract import RECORDER

    if RECORDER.checked:
        terminalreporter.write_line(
            f"stripe contract: {RECORDER.checked} gateway requests (this process and its "
            "children) checked against stripe-python's types for the pinned API version"
        )
