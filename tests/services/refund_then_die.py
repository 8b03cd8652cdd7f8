"""Refunds a payment and kills its own process part-way, for the refund crash tests.

    python refund_then_die.py DATABASE_URL API_BASE PAYMENT_ID MODE TERMINAL_ID

The key comes from POSDESK_TEST_SECRET_KEY (never on the command line). MODE:
- before-send: exit 17 right after the refund request is committed, before any request;
- in-flight:   exit 18 half a second after the request went out (the test has the sandbox
               hold it), so the process dies while Stripe is still working on it.
Reaching the end means the kill did not happen: exit 0 tells the test so.
"""

from __future__ import annotations

import os
import sys
import threading

from posdesk.domain.money import Money
from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.services.refunds import RefundService
from posdesk.store.database import open_store
from posdesk.store.refund_models import RefundRequestRecord
from posdesk.store.this_terminal import Terminal


def main(argv: list[str]) -> int:
    database_url, api_base, payment_id, mode, terminal_id = argv
    store = open_store(database_url)
    gateway = StripeGateway(os.environ["POSDESK_TEST_SECRET_KEY"], api_base, timeout=30)

    def die_now(record: RefundRequestRecord) -> None:
        os._exit(17)

    def die_while_in_flight(record: RefundRequestRecord) -> None:
        threading.Timer(0.5, lambda: os._exit(18)).start()

    hook = die_now if mode == "before-send" else die_while_in_flight
    terminal = Terminal(terminal_id, "till 1", "localhost")
    service = RefundService(store, gateway, on_pending_written=hook, terminal=terminal)
    staff = StaffMember(id="staff-9", name="Mo Manager", role=Role.MANAGER)
    service.refund(staff, payment_id, Money(700, "USD"), "requested_by_customer", "crash")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
