"""`posdesk --version`: PosDesk's version, printed without a display and without Qt."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import posdesk
from posdesk import cli


def test_version_flag_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"PosDesk {posdesk.__version__}"


def test_version_needs_no_display_and_loads_no_qt() -> None:
    # A fresh interpreter: no display, no platform plugin named, and Qt must not be imported
    # (a headless server or an installer's check runs it).
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    probe = (
        "import sys\n"
        "from posdesk.cli import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print('QT-MODULES', loaded, 'EXIT', code)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                          text=True, timeout=60, check=True)
    lines = done.stdout.strip().splitlines()
    assert lines[0] == f"PosDesk {posdesk.__version__}"
    assert lines[-1] == "QT-MODULES [] EXIT 0"
