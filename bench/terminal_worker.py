"""One till for bench/terminals.py: charges saved cards on the shared store until told to
stop or killed. Started again with the same terminal id after a kill, it first drops its
earlier run's claims and settles what that run left, as the app does at start-up.

    python bench/terminal_worker.py DATABASE_URL API_BASE TERMINAL_ID CUSTOMERS_JSON SECONDS

The key comes from POSDESK_BENCH_SECRET_KEY. Prints one JSON line per charge:
{"ms": latency, "state": ..., "payment_id": ...}.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time

from posdesk.domain.money import Money
from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.services.charges import ChargeService
from posdesk.store.database import open_store
from posdesk.store.this_terminal import Terminal


def main(argv: list[str]) -> int:
    database_url, api_base, terminal_id, customers_json, seconds = argv
    customers: list[tuple[str, str]] = json.loads(customers_json)
    store = open_store(database_url)
    gateway = StripeGateway(os.environ["POSDESK_BENCH_SECRET_KEY"], api_base, timeout=30)
    terminal = Terminal(terminal_id, terminal_id[:8], "bench")
    charges = ChargeService(store, gateway, terminal=terminal)
    charges.claims.release_stale()
    charges.settle_unconfirmed()
    staff = StaffMember(id=f"staff-{terminal_id[:8]}", name="Bench", role=Role.CASHIER)
    deadline = time.monotonic() + float(seconds)
    while time.monotonic() < deadline:
        customer, card = random.choice(customers)
        started = time.perf_counter()
        result = charges.charge_saved_card(staff, customer, card, Money(1250, "USD"), "bench")
        elapsed = (time.perf_counter() - started) * 1000
        print(json.dumps({"ms": round(elapsed, 2), "state": str(result.state),
                          "payment_id": result.payment_id}), flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
