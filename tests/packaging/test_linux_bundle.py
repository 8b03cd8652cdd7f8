"""The installers' recipe, built and run here: packaging/smoke-test.sh builds the Linux
folder bundle with the same PyInstaller spec as the Windows and macOS installers, then runs
the bundle as a user would (--version without a display, the sandbox, migrations on a fresh
data folder, the demo's window, a card-entry page loading). About two minutes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
]


@pytest.mark.timeout(1200)
def test_the_bundle_builds_and_runs(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHON": sys.executable, "RUNS": "1",
           "POSDESK_BUILD_DIR": str(tmp_path / "bundle"), "QT_QPA_PLATFORM": "offscreen",
           "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    env.pop("DISPLAY", None)
    done = subprocess.run([str(ROOT / "packaging" / "smoke-test.sh")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=1200)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-4000:]
    summary = re.findall(r"(\d+) passed, (\d+) failed", output)
    assert summary and summary[-1][1] == "0" and int(summary[-1][0]) >= 5, output[-2000:]
