"""Charges a saved card and kills its own process part-way, for the crash-recovery tests.

    python charge_then_die.py DATABASE_URL API_BASE CUSTOMER_ID PAYMENT_METHOD MODE TERMINAL_ID

The key comes from POSDESK_TEST_SECRET_KEY (never on the command line). MODE:
- before-send: exit 17 right after the pending payment is committed, before any request;
- in-flight:   exit 18 half a second after the request went out (the test has the sandbox
               hold it), so the process dies while Stripe is still working on it.
Reaching the end means the kill did not happen: exit 0 tells the test so. TERMINAL_ID is the
terminal the process runs as (the test restarts "the same till" or settles from another).
"""

from __future__ import annotations

import os
import sys
import threading

from posdesk.domain.money import Money
from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.services.charges import ChargeService
from posdesk.store.database import open_store
from posdesk.store.models import PaymentRecord
from posdesk.store.this_terminal import Terminal


def main(argv: list[str]) -> int:
    database_url, api_base, customer_id, payment_method, mode, terminal_id = argv
    store = open_store(database_url)
    gateway = StripeGateway(os.environ["POSDESK_TEST_SECRET_KEY"], api_base, timeout=30)

    def die_now(record: PaymentRecord) -> None:
        os._exit(17)

    def die_while_in_flight(record: PaymentRecord) -> None:
        threading.Timer(0.5, lambda: os._exit(18)).start()

    hook = die_now if mode == "before-send" else die_while_in_flight
    terminal = Terminal(terminal_id, "till 1", "localhost")
    service = ChargeService(store, gateway, on_pending_written=hook, terminal=terminal)
    staff = StaffMember(id="staff-7", name="Cory Cashier", role=Role.CASHIER)
    service.charge_saved_card(staff, customer_id, payment_method, Money(1250, "USD"), "Crash")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
