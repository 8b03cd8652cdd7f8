"""Time from launch to the first paint of PosDesk's window (and of its main window):
`posdesk --demo` beside a bare PySide6 window (QApplication + QMainWindow), run interleaved
so both see the same load.

    python bench/startup.py              # 5 runs of each, then -X importtime top offenders
    python bench/startup.py --runs 9 --no-importtime
    python bench/startup.py --before /tmp/posdesk-head   # and an older tree's src/

An older tree needs the first-paint hook of gui/app.py (ShownReporter) to be timed; commits
since 1ae8c57 have it:
    mkdir /tmp/posdesk-head && git archive HEAD src | tar -x -C /tmp/posdesk-head

The clock starts just before Popen; each process prints `POSDESK_SHOWN <time.monotonic()>`
on stderr at its window's first paint (posdesk: POSDESK_REPORT_SHOWN=1, see gui/app.py).
PosDesk shows a starting window first and then the main window in its place: it also prints
`POSDESK_READY <time>` at the main window's first paint (the sign-in screen), timed as
"main window". An older tree without the starting window prints only POSDESK_SHOWN, at its
main window: both figures are that one.
CLOCK_MONOTONIC is one clock for every process on the machine, so the two subtract. The
whole process group (the web engine's helpers) is ended after each run.
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


SHOWN, READY = "POSDESK_SHOWN", "POSDESK_READY"


def time_to_window(cmd: list[str], root: Path = ROOT, timeout: float = 60.0) -> float:
    """Seconds from just before Popen to the window's first paint."""
    return time_to_marks(cmd, (SHOWN,), root, timeout)[SHOWN]


def time_to_marks(cmd: list[str], marks: tuple[str, ...], root: Path = ROOT,
                  timeout: float = 60.0) -> dict[str, float]:
    """Seconds from just before Popen to each of `marks` printed by the process."""
    with tempfile.TemporaryFile() as err:
        started = time.monotonic()
        process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err,
                                   env=environment(root), start_new_session=True)
        try:
            deadline = started + timeout
            while time.monotonic() < deadline:
                err.seek(0)
                said = {}
                for line in err.read().decode(errors="replace").splitlines():
                    mark, _, at = line.partition(" ")
                    if mark in marks and mark not in said:
                        said[mark] = float(at.split()[0]) - started
                if len(said) == len(marks):
                    return said
                if process.poll() is not None:
                    err.seek(0)
                    tail = err.read().decode(errors="replace")[-2000:]
                    raise RuntimeError(f"{cmd[-1]} ended ({process.returncode}):\n{tail}")
                time.sleep(0.01)
            raise TimeoutError(f"{cmd[-1]}: no window within {timeout} s")
        finally:
            end_group(process)


# What posdesk imports before its first window, and then behind it (on a worker thread).
BEFORE_WINDOW = "import posdesk.cli, posdesk.gui.app"
BEHIND_WINDOW = "import posdesk.demo, posdesk.gui.shell.main_window"


def import_offenders(code: str, top: int = 12) -> list[tuple[str, float]]:
    """The heaviest top-level packages `code` imports, by -X importtime (cumulative)."""
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
    bare, posdesk = "bare PySide6 window", "posdesk --demo"
    # name -> (command, tree, the marks it prints)
    variants = {bare: (VARIANTS[bare], ROOT, (SHOWN,)),
                posdesk: (VARIANTS[posdesk], ROOT, (SHOWN, READY))}
    for tree in args.before:
        variants[f"posdesk --demo ({tree.name})"] = (VARIANTS[posdesk], tree.resolve(), (SHOWN,))
    times: dict[str, list[float]] = {name: [] for name in variants}
    # The main window's first paint where a starting window came first.
    ready: dict[str, list[float]] = {name: [] for name in variants if name != bare}
    for run in range(args.runs):
        # Alternate which goes first, so neither always runs on a warmer page cache.
        order = list(variants) if run % 2 == 0 else list(reversed(variants))
        for name in order:
            cmd, root, marks = variants[name]
            said = time_to_marks(cmd, marks, root)
            times[name].append(said[SHOWN])
            if name in ready:
                ready[name].append(said.get(READY, said[SHOWN]))
        print(f"run {run + 1}: " + ", ".join(
            f"{n} {times[n][-1]:.3f} s" + (f" (main window {ready[n][-1]:.3f} s)"
                                           if n in ready else "") for n in variants),
              flush=True)
    bare_median = statistics.median(times[bare])
    print("\nfirst window painted:")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:30s} median {median:.3f} s  range {min(values):.3f}-{max(values):.3f} s"
              f"  ({median / bare_median:.2f}x the bare window)")
    print("main window painted (sign-in screen):")
    for name, values in ready.items():
        median = statistics.median(values)
        print(f"  {name:30s} median {median:.3f} s  range {min(values):.3f}-{max(values):.3f} s"
              f"  ({median / bare_median:.2f}x the bare window)")
    if not args.no_importtime:
        for title, code in (("before the first window", BEFORE_WINDOW),
                            ("behind it, on the start-up worker", BEHIND_WINDOW)):
            print(f"\n-X importtime, {title} ({code}):")
            for name, seconds in import_offenders(code):
                print(f"  {seconds:6.3f} s  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
