"""Memory of the whole process tree (the app with its demo sandbox, Chromium's helpers): a bare
PySide6 window beside `posdesk --demo` as started, with a customer opened (the card page
warmed), and after the warmed page was left idle until it was released.

`posdesk --demo` runs its sandbox (the stand-in for Stripe's servers) on threads of its own
process (sandbox/in_process.py), so it holds what a real till does not: the sandbox's code
and seeded objects. The variant "a till, Stripe outside" joins one sandbox started by the
bench before the runs (`--demo --sandbox-url`), so its tree is what a till running against
Stripe holds: the app, and Chromium's helpers once card entry is used.

    python bench/memory.py               # 3 runs of each variant, interleaved
    python bench/memory.py --runs 5 --after 5
    python bench/memory.py --before /tmp/posdesk-head   # and an older tree's src/ (see
                                                        # bench/startup.py for making one)

RSS is summed over the tree from /proc (pages shared between processes count once per
process, as the issue's figures did); PSS (each shared page split between its users) is
printed beside it. Linux only.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parent))

from startup import BARE_WINDOW, ROOT, end_group, environment  # noqa: E402

# In the child: the idle time after which the warmed page is released, shortened so the
# bench need not wait the app's two minutes.
BENCH_IDLE_RELEASE_MS = 3000


def children_of() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        tree.setdefault(ppid, []).append(int(entry))
    return tree


# Set by --processes: each measurement also prints every process of the tree.
SHOW_PROCESSES = False


def process_name(pid: int) -> str:
    """What a process is: its program, and Chromium's --type= for the web engine's helpers."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = [a.decode(errors="replace") for a in f.read().split(b"\0") if a]
    except OSError:
        return "?"
    kind = next((a.split("=", 1)[1] for a in args if a.startswith("--type=")), None)
    words = " ".join(Path(a).name if i == 0 else a for i, a in enumerate(args[:4]))
    return f"{words} [{kind}]" if kind else words


def tree_memory(root: int) -> tuple[float, float, int]:
    """(RSS MB, PSS MB, processes) of `root` and all its descendants."""
    tree = children_of()
    pending, rss, pss, count = [root], 0, 0, 0
    while pending:
        pid = pending.pop()
        pending.extend(tree.get(pid, []))
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            continue
        one_rss = int(fields.get("Rss", "0 kB").split()[0])
        rss += one_rss
        pss += int(fields.get("Pss", "0 kB").split()[0])
        count += 1
        if SHOW_PROCESSES:
            print(f"    {one_rss / 1024:6.0f} MB RSS  {process_name(pid)[:90]}")
    return rss / 1024, pss / 1024, count


def child_main(mode: str) -> int:
    """Run `posdesk --demo` in this process; `open-customer` and `idle-release` open the
    first customer once the list shows one (which warms the card page) and say when it is
    warm (and when it is released) on stderr."""
    import posdesk.gui.app as gui_app
    from posdesk import cli

    start_gui = gui_app.start_gui

    def start_and_open(backend):  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QTimer

        from posdesk.gui.payments import checkout_view

        if mode == "idle-release":
            checkout_view.SPARE_IDLE_RELEASE_MS = BENCH_IDLE_RELEASE_MS
        window = start_gui(backend)
        said: set[str] = set()

        def first_customer() -> str | None:
            from sqlmodel import select

            from posdesk.store.models import CustomerRecord

            with backend.store.session() as session:
                record = session.exec(select(CustomerRecord).limit(1)).first()
            return record.id if record is not None else None

        def watch() -> None:
            # As a cashier would: open a customer once the store holds one.
            if "opened" not in said and (customer_id := first_customer()) is not None:
                said.add("opened")
                window.open_customer(customer_id)
            if checkout_view.is_warm() and "warm" not in said:
                said.add("warm")
                print(f"POSDESK_WARM {time.monotonic():.6f}", file=sys.stderr, flush=True)
            if "warm" in said and checkout_view._spare is None and "released" not in said:
                said.add("released")
                print(f"POSDESK_RELEASED {time.monotonic():.6f}", file=sys.stderr, flush=True)

        timer = QTimer(window)
        timer.timeout.connect(watch)
        timer.start(200)
        return window

    gui_app.start_gui = start_and_open
    return cli.main(["--demo"])


# Filled in by main(): the URL of the sandbox the "Stripe outside" variant joins.
SANDBOX_URL_PLACEHOLDER = "{sandbox_url}"

VARIANTS = {
    "bare PySide6 window": ([sys.executable, "-c", BARE_WINDOW], None),
    "posdesk --demo, no card page": ([sys.executable, "-m", "posdesk", "--demo"], None),
    "a till, Stripe outside (no card page)":
        ([sys.executable, "-m", "posdesk", "--demo", "--sandbox-url", SANDBOX_URL_PLACEHOLDER],
         None),
    "posdesk --demo, customer opened (card page warm)":
        ([sys.executable, str(HERE), "--child", "open-customer"], "POSDESK_WARM"),
    "posdesk --demo, warm page released when idle":
        ([sys.executable, str(HERE), "--child", "idle-release"], "POSDESK_RELEASED"),
}


def measure(cmd: list[str], wait_for: str | None, after: float, root: Path = ROOT,
            timeout: float = 90.0) -> tuple[float, float, int, float]:
    """(RSS MB, PSS MB, processes, seconds since launch) `after` seconds after launch, or
    after `wait_for` was printed (plus 2 s to settle), whichever is later."""
    with tempfile.TemporaryFile() as err:
        started = time.monotonic()
        process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err,
                                   env=environment(root), start_new_session=True)
        try:
            ready_at = started + after
            if wait_for is not None:
                deadline = started + timeout
                while True:
                    err.seek(0)
                    lines = err.read().decode(errors="replace").splitlines()
                    said = [line for line in lines if line.startswith(wait_for + " ")]
                    if said:
                        ready_at = max(ready_at, float(said[0].split()[1]) + 2.0)
                        break
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"{cmd[-1]}: no {wait_for}:\n" + "\n".join(lines[-20:]))
                    time.sleep(0.05)
            time.sleep(max(0.0, ready_at - time.monotonic()))
            rss, pss, count = tree_memory(process.pid)
            return rss, pss, count, time.monotonic() - started
        finally:
            end_group(process)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--after", type=float, default=5.0, help="seconds after launch")
    parser.add_argument("--child", choices=["open-customer", "idle-release"],
                        help=argparse.SUPPRESS)
    parser.add_argument("--before", type=Path, metavar="TREE", action="append", default=[],
                        help="also posdesk --demo from TREE/src (another version); may be "
                             "given more than once")
    parser.add_argument("--processes", action="store_true",
                        help="print each process of the tree with its RSS")
    args = parser.parse_args()
    global SHOW_PROCESSES
    SHOW_PROCESSES = args.processes
    if args.child:
        return child_main(args.child)
    sandbox = subprocess.Popen(
        [sys.executable, "-m", "posdesk", "sandbox", "--seed", "demo", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment(ROOT),
        start_new_session=True)
    try:
        assert sandbox.stdout is not None
        sandbox_url = sandbox.stdout.readline().decode().strip()
        if not sandbox_url.startswith("http"):
            raise SystemExit("the sandbox did not start")
        return run_variants(args, sandbox_url)
    finally:
        end_group(sandbox)


def run_variants(args: argparse.Namespace, sandbox_url: str) -> int:
    variants = {
        name: ([sandbox_url if a == SANDBOX_URL_PLACEHOLDER else a for a in cmd], wait_for, ROOT)
        for name, (cmd, wait_for) in VARIANTS.items()
    }
    for tree in args.before:
        variants[f"posdesk --demo ({tree.name})"] = (
            VARIANTS["posdesk --demo, no card page"][0], None, tree.resolve())
    results: dict[str, list[tuple[float, float, int, float]]] = {name: [] for name in variants}
    for run in range(args.runs):
        order = list(variants) if run % 2 == 0 else list(reversed(variants))
        for name in order:
            cmd, wait_for, root = variants[name]
            results[name].append(measure(cmd, wait_for, args.after, root))
            rss, pss, count, at = results[name][-1]
            print(f"run {run + 1}: {name}: RSS {rss:.0f} MB, PSS {pss:.0f} MB, "
                  f"{count} processes, at {at:.1f} s", flush=True)
    bare = statistics.median(r[0] for r in results["bare PySide6 window"])
    print()
    for name, values in results.items():
        rss = statistics.median(v[0] for v in values)
        pss = statistics.median(v[1] for v in values)
        count = max(v[2] for v in values)
        low, high = min(v[0] for v in values), max(v[0] for v in values)
        print(f"{name:50s} RSS {rss:6.0f} MB ({rss / bare:4.2f}x bare, range {low:.0f}-"
              f"{high:.0f})  PSS {pss:6.0f} MB  {count} processes")
    return 0


if __name__ == "__main__":
    if sys.platform != "linux":
        raise SystemExit("bench/memory.py reads /proc: Linux only")
    raise SystemExit(main())
