"""Captures an authorisation and kills its own process part-way, for the capture crash tests.

    python capture_then_die.py DATABASE_URL API_BASE PAYMENT_ID MODE TERMINAL_ID

The key comes from POSDESK_TEST_SECRET_KEY (never on the command line). MODE:
- before-send: exit 17 right after the capture's key is committed, before any request;
- in-flight:   exit 18 half a second after the request went out (the test has the sandbox
               hold it), so the process dies while Stripe is still working on it;
- unrecorded:  exit 19 once Stripe answered, before the answer is recorded.
Reaching the end means the kill did not happen: exit 0 tells the test so.
"""

from __future__ import annotations

import os
import sys
import threading

from posdesk.domain.money import Money
from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.errors import IntentAnswer
from posdesk.ledger.captures import CaptureRequests
from posdesk.services.captures import CaptureService
from posdesk.services.charges import ChargeService
from posdesk.store.database import open_store
from posdesk.store.models import PaymentRecord
from posdesk.store.this_terminal import Terminal


def main(argv: list[str]) -> int:
    database_url, api_base, payment_id, mode, terminal_id = argv
    store = open_store(database_url)
    gateway = StripeGateway(os.environ["POSDESK_TEST_SECRET_KEY"], api_base, timeout=30)
    send = CaptureRequests.send

    def dying_send(self: CaptureRequests, payment: PaymentRecord) -> IntentAnswer:
        if mode == "before-send":
            os._exit(17)
        if mode == "in-flight":
            threading.Timer(0.5, lambda: os._exit(18)).start()
        answer = send(self, payment)
        os._exit(19)
        return answer

    CaptureRequests.send = dying_send  # type: ignore[method-assign]
    terminal = Terminal(terminal_id, "till 1", "localhost")
    charges = ChargeService(store, gateway, terminal=terminal)
    manager = StaffMember(id="staff-9", name="Mo Manager", role=Role.MANAGER)
    CaptureService(store, charges.ledger).capture(manager, payment_id, Money(1500, "USD"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
