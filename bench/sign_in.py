"""Time of one PIN sign-in (`Session.sign_in`: the account read, Argon2id verify, the success
and the audit row written) beside two baselines in the same run: a plain SHA-256 of the PIN
(what hashing costs without a KDF) and `PIN_HASHER.verify` alone (the KDF without the
store), so the share of the KDF in a sign-in reads off directly.

    python bench/sign_in.py                   # 30 samples of each, a SQLite store
    python bench/sign_in.py --samples 100
    python bench/sign_in.py --database-url postgresql+psycopg://postgres@127.0.0.1/test

Each sample of each variant is taken in turn (interleaved), so all three see the same load.
A sign-in is what the GUI runs off its thread after OK; the figure is the wait a cashier has
before the till opens.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from posdesk.services.guard import Guard  # noqa: E402
from posdesk.services.session import Session  # noqa: E402
from posdesk.services.staff import PIN_HASHER, StaffService  # noqa: E402
from posdesk.store.audit import AuditLog  # noqa: E402
from posdesk.store.database import open_store  # noqa: E402
from posdesk.store.staff import StaffRepository  # noqa: E402

PIN = "2580"
TERMINAL = "bench-terminal"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def run(samples: int, database_url: str | None) -> dict[str, list[float]]:
    data_dir = Path(tempfile.mkdtemp(prefix="posdesk-bench-sign-in-"))
    store = open_store(database_url or f"sqlite:///{data_dir / 'posdesk.db'}")
    try:
        staff = StaffService(StaffRepository(store), Guard(AuditLog(store, TERMINAL)), TERMINAL)
        member = staff.create_first_manager("Bench Manager", PIN)
        session = Session(staff)
        stored_hash = StaffRepository(store).get(member.id).pin_hash  # type: ignore[union-attr]
        variants: dict[str, Callable[[], object]] = {
            "sha256 of the PIN": lambda: hashlib.sha256(PIN.encode()).hexdigest(),
            "argon2id verify alone": lambda: PIN_HASHER.verify(stored_hash, PIN),
            "sign-in (Session.sign_in)": lambda: session.sign_in(member.id, PIN),
        }
        for fn in variants.values():  # warm-up: imports, the first connection, caches
            fn()
        times: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(samples):
            for name, fn in variants.items():
                times[name].append(timed(fn))
        return times
    finally:
        store.close()
        shutil.rmtree(data_dir, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--database-url", help="a PostgreSQL URL (default: a SQLite file)")
    args = parser.parse_args()
    if args.samples < 20:
        parser.error("take at least 20 samples: a p95 needs them")
    times = run(args.samples, args.database_url)
    print(f"argon2id parameters: time_cost={PIN_HASHER.time_cost} "
          f"memory_cost={PIN_HASHER.memory_cost} KiB parallelism={PIN_HASHER.parallelism}; "
          f"{args.samples} samples each\n")
    sign_in = statistics.median(times["sign-in (Session.sign_in)"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:28s} median {median * 1000:9.3f} ms  p95 "
              f"{percentile(values, 0.95) * 1000:9.3f} ms  max {max(values) * 1000:9.3f} ms  "
              f"({median / sign_in:6.1%} of a sign-in)")
    kdf = statistics.median(times["argon2id verify alone"])
    print(f"\nthe KDF is {kdf / sign_in:.0%} of a sign-in; the store and the audit row "
          f"the rest ({(sign_in - kdf) * 1000:.1f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
