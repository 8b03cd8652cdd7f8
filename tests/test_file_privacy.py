"""What PosDesk writes is readable by the user only: the data directory (0700), the
database with its WAL and shared-memory files, settings, the terminal id and logs (0600);
files an older version created readable by all are narrowed at start."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from posdesk import cli, paths
from posdesk.file_privacy import USER_ONLY_UMASK, restrict_data_dir
from posdesk.logging_setup import private_log_handler
from posdesk.settings import Settings
from posdesk.store.audit import AuditLog
from posdesk.store.database import default_database_url, open_store
from posdesk.store.this_terminal import load_terminal

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def everyday_umask() -> Iterator[None]:
    """The usual 022 (files readable by all): what PosDesk writes must not depend on it."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def write_everything(data_dir: Path) -> list[Path]:
    """Open the store and write to it, write settings, the terminal id and a log line; the
    database's -wal and -shm files are checked while it is open (a clean close removes them).
    """
    store = open_store(default_database_url(data_dir))
    try:
        AuditLog(store).append("staff-1", "Cory", "charge", "cus_1", "succeeded")
        db = data_dir / "posdesk.db"
        for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            assert mode(path) == 0o600, path
    finally:
        store.close()
    Settings(terminal_name="Till 1").save(paths.settings_file(data_dir))
    load_terminal(data_dir)
    handler = private_log_handler(paths.log_dir(data_dir) / "posdesk.log")
    try:
        handler.emit(logging.LogRecord("posdesk", logging.INFO, __file__, 1, "hello", (), None))
    finally:
        handler.close()
    return [
        db, data_dir / "settings.json", data_dir / "terminal-id",
        data_dir / "logs" / "posdesk.log",
    ]


def test_a_fresh_data_directory_is_the_users_alone(
    app_root: Path, monkeypatch: pytest.MonkeyPatch, everyday_umask: None
) -> None:
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(app_root / "fresh-private" / os.urandom(3).hex()))
    data_dir = paths.data_dir()

    files = write_everything(data_dir)

    assert mode(data_dir) == 0o700
    assert mode(data_dir / "logs") == 0o700
    for path in files:
        assert mode(path) == 0o600, path


def test_files_an_older_version_left_readable_are_narrowed(
    data_dir: Path, everyday_umask: None
) -> None:
    files = write_everything(data_dir)
    db = data_dir / "posdesk.db"
    companions = [Path(f"{db}-wal"), Path(f"{db}-shm")]
    for path in companions:
        path.touch()  # as a crash would leave them
    for path in [data_dir, data_dir / "logs", *files, *companions]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    (data_dir / "logs" / "posdesk.log.1").write_text("older log\n")  # a rotated log, 0644

    restrict_data_dir(data_dir)

    assert mode(data_dir) == 0o700
    assert mode(data_dir / "logs") == 0o700
    assert mode(data_dir / "logs" / "posdesk.log.1") == 0o600
    for path in [*files, *companions]:
        assert mode(path) == 0o600, path
    # Opening the store narrows its files by itself, whoever calls it.
    os.chmod(data_dir / "posdesk.db", 0o644)
    open_store(default_database_url(data_dir)).close()
    assert mode(data_dir / "posdesk.db") == 0o600


def test_posdesk_sets_a_user_only_umask_before_anything_else(
    monkeypatch: pytest.MonkeyPatch, everyday_umask: None
) -> None:
    monkeypatch.setattr(cli, "secrets_command", lambda action, name: 0)
    assert cli.main(["secrets", "status"]) == 0
    assert os.umask(0o022) == USER_ONLY_UMASK
