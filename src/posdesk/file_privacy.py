"""Files PosDesk writes are readable by the user only: the data directory, the database and
its companions, settings, the terminal id and logs (they name customers and payments).

New files get that from the process umask set at start (and from explicit modes where a file
is created); `restrict_data_dir` narrows what an older version created readable by others.
POSIX modes only: on Windows the per-user data folder's ACL is what protects the files.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

USER_ONLY_UMASK = 0o077
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600

# Directories below the data directory whose every file is private.
_PRIVATE_SUBDIRS = ("logs", "tls")
_PRIVATE_FILES = (
    "posdesk.db", "posdesk.db-wal", "posdesk.db-shm", "posdesk.db-journal",
    # The webhook inbox beside a SQLite store (store/sync_state.py).
    "posdesk-inbox.db", "posdesk-inbox.db-wal", "posdesk-inbox.db-shm",
    "posdesk-inbox.db-journal",
    "settings.json", "terminal-id", "relay-terminal-id",
)


def restrict_new_files() -> None:
    """Every file and directory this process creates from now on is the user's alone."""
    if os.name != "nt":
        os.umask(USER_ONLY_UMASK)


def restrict_data_dir(data_dir: Path) -> None:
    """Narrow the data directory and what lies in it to the user (0700 / 0600)."""
    if os.name == "nt":
        return
    data_dir = Path(data_dir)
    _restrict(data_dir, PRIVATE_DIR_MODE)
    for name in _PRIVATE_FILES:
        _restrict(data_dir / name, PRIVATE_FILE_MODE)
    for name in _PRIVATE_SUBDIRS:
        subdir = data_dir / name
        if not subdir.is_dir():
            continue
        _restrict(subdir, PRIVATE_DIR_MODE)
        for path in subdir.iterdir():
            if path.is_file() and not path.is_symlink():
                _restrict(path, PRIVATE_FILE_MODE)


def _restrict(path: Path, mode: int) -> None:
    try:
        current = path.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        log.warning("cannot read the permissions of %s: %s", path, exc.strerror)
        return
    if stat.S_ISLNK(current) or current & 0o077 == 0:
        return  # a link's target is not ours to judge; chmod would follow it
    try:
        os.chmod(path, mode)
    except OSError as exc:  # a file of another user, a share that ignores modes
        log.warning("cannot make %s private: %s", path, exc.strerror)
