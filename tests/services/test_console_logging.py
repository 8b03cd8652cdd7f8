"""The console is for the person who started PosDesk: PosDesk's own INFO lines and
everyone's warnings, not a library's progress reports (those stay in the log file)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from posdesk.logging_setup import ConsoleFilter

OPEN_A_STORE = """
import sys
from pathlib import Path
from posdesk.logging_setup import configure_logging
configure_logging(Path(sys.argv[1]) / "posdesk.log")
from posdesk.store.database import open_store
open_store("sqlite:///" + str(Path(sys.argv[1]) / "posdesk.db"))
import logging
logging.getLogger("posdesk.test").info("the app's own news")
"""


def record(name: str, level: int) -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, "message", None, None)


def test_console_filter_passes_posdesk_and_warnings_only() -> None:
    console = ConsoleFilter()
    assert console.filter(record("posdesk.sync.engine", logging.INFO))
    assert console.filter(record("alembic.runtime.migration", logging.WARNING))
    assert not console.filter(record("alembic.runtime.migration", logging.INFO))
    assert not console.filter(record("urllib3.connectionpool", logging.INFO))
    assert not console.filter(record("posdeskish", logging.INFO))


def test_migrations_at_start_print_nothing_but_go_to_the_log_file(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, [str(Path(__file__).resolve().parents[2] / "src"),
                      os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", OPEN_A_STORE, str(tmp_path)], env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    assert "alembic" not in done.stderr and "Running upgrade" not in done.stderr
    assert "the app's own news" in done.stderr
    logged = (tmp_path / "posdesk.log").read_text(encoding="utf-8")
    assert "Running upgrade" in logged  # still there for whoever reads the log
