"""Time from launch to the first paint of the main window: `posdesk --demo` beside a bare
PySide6 window (QApplication + QMainWindow), run interleaved so both see the same load.

    python bench/startup.py              # 5 runs of each, then -X importtime top offenders
    python bench/startup.py --runs 9 --no-importtime
    python bench/startup.py --before /tmp/posdesk-head   # and an older tree's src/

An older tree needs the first-paint hook of gui/app.py (ShownReporter) to be timed, e.g.:
    mkdir /tmp/posdesk-head && git archive HEAD src | tar -x -C /tmp/posdesk-head
    git diff HEAD -- src/posdesk/gui/app.py | patch -d /tmp/posdesk-head -p1

The clock starts just before Popen; each process prints `POSDESK_SHOWN <time.monotonic()>`
on stderr at its window's first paint (posdesk: POSDESK_REPORT_SHOWN=1, see gui/app.py).
CLOCK_MONOTONIC is one clock for every process on the machine, so the two subtract. The
whole process group (the demo's sandbox, web engine helpers) is ended after each run.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class Shown(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"POSDESK_SHOWN {time.monotonic():.6f}", file=sys.stderr, flush=True)
            watched.removeEventFilter(self)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 760)
shown = Shown(window)
window.installEventFilter(shown)
window.show()
app.exec()
"""

VARIANTS: dict[str, list[str]] = {
    "bare PySide6 window": [sys.executable, "-c", BARE_WINDOW],
    "posdesk --demo": [sys.executable, "-m", "posdesk", "--demo"],
}


def environment(root: Path = ROOT) -> dict[str, str]:
    """The children's environment; `root`: the tree whose src/ they import posdesk from."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    env["POSDESK_REPORT_SHOWN"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(root / "src"), env.get("PYTHONPATH", "")) if p)
    return env


def end_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def time_to_window(cmd: list[str], root: Path = ROOT, timeout: float = 60.0) -> float:
    """Seconds from just before Popen to the window's first paint."""
    with tempfile.TemporaryFile() as err:
        started = time.monotonic()
        process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err,
                                   env=environment(root), start_new_session=True)
        try:
            deadline = started + timeout
            while time.monotonic() < deadline:
                err.seek(0)
                for line in err.read().decode(errors="replace").splitlines():
                    if line.startswith("POSDESK_SHOWN "):
                        return float(line.split()[1]) - started
                if process.poll() is not None:
                    err.seek(0)
                    tail = err.read().decode(errors="replace")[-2000:]
                    raise RuntimeError(f"{cmd[-1]} ended ({process.returncode}):\n{tail}")
                time.sleep(0.01)
            raise TimeoutError(f"{cmd[-1]}: no window within {timeout} s")
        finally:
            end_group(process)


def import_offenders(top: int = 12) -> list[tuple[str, float]]:
    """The heaviest top-level packages on the start path, by -X importtime (cumulative)."""
    code = "import posdesk.cli, posdesk.demo, posdesk.gui.app"
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", code],
                            capture_output=True, text=True, env=environment(), check=True)
    totals: dict[str, float] = {}
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = (part.strip() for part in line[len("import time:"):].split("|"))
        if not cumulative.isdigit():
            continue
        if "." not in name.strip() or name.strip().startswith("posdesk."):
            totals[name.strip()] = max(totals.get(name.strip(), 0.0), int(cumulative) / 1e6)
    return sorted(totals.items(), key=lambda kv: -kv[1])[:top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-importtime", action="store_true")
    parser.add_argument("--before", type=Path, metavar="TREE", action="append", default=[],
                        help="also time posdesk --demo from TREE/src (another version with "
                             "the first-paint hook); may be given more than once")
    args = parser.parse_args()
    variants = {name: (cmd, ROOT) for name, cmd in VARIANTS.items()}
    for tree in args.before:
        variants[f"posdesk --demo ({tree.name})"] = (VARIANTS["posdesk --demo"], tree.resolve())
    times: dict[str, list[float]] = {name: [] for name in variants}
    for run in range(args.runs):
        # Alternate which goes first, so neither always runs on a warmer page cache.
        order = list(variants) if run % 2 == 0 else list(reversed(variants))
        for name in order:
            cmd, root = variants[name]
            times[name].append(time_to_window(cmd, root))
        print(f"run {run + 1}: " + ", ".join(f"{n} {times[n][-1]:.3f} s" for n in variants),
              flush=True)
    bare = statistics.median(times["bare PySide6 window"])
    print()
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:30s} median {median:.3f} s  min {min(values):.3f} s  "
              f"({median / bare:.2f}x the bare window)")
    if not args.no_importtime:
        print("\n-X importtime, start path (posdesk.cli, posdesk.demo, posdesk.gui.app):")
        for name, seconds in import_offenders():
            print(f"  {seconds:6.3f} s  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
