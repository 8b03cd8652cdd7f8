"""Another till, in a process of its own: charges a saved card several times and says when
each successful charge was committed to the store, for the cross-process change-feed test.

    python charge_on_another_till.py DATABASE_URL API_BASE CUSTOMER_ID PAYMENT_METHOD AMOUNTS

AMOUNTS is a comma-separated list of amounts in cents, charged one after another with a
pause between them. For each, a line `committed <amount> <unix time>` is printed right after
the transaction recording Stripe's approval has committed. The key comes from
POSDESK_TEST_SECRET_KEY (never on the command line).
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from typing import Any

from posdesk.domain.money import Money
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.services.charges import ChargeService
from posdesk.store.database import open_store
from posdesk.store.models import PaymentRecord
from posdesk.store.payments import PaymentRepository
from posdesk.store.this_terminal import Terminal

PAUSE_S = 0.8  # longer than the page's settle delay: each charge is its own reload


class TimedPayments(PaymentRepository):
    """Says when a payment's approval was committed (update returns after the commit)."""

    def update(self, payment_id: str, **fields: Any) -> PaymentRecord:
        record = super().update(payment_id, **fields)
        if fields.get("state") in (PaymentState.SUCCEEDED, PaymentState.SUCCEEDED.value):
            print(f"committed {record.amount} {time.time():.6f}", flush=True)
        return record


def main(argv: list[str]) -> int:
    database_url, api_base, customer_id, payment_method, amounts = argv
    store = open_store(database_url)
    gateway = StripeGateway(os.environ["POSDESK_TEST_SECRET_KEY"], api_base, timeout=30)
    till = Terminal(str(uuid.uuid4()), "till 2", "localhost")
    service = ChargeService(store, gateway, terminal=till)
    service.payments = TimedPayments(store)
    staff = StaffMember(id="staff-2", name="Till Two", role=Role.CASHIER)
    for amount in amounts.split(","):
        time.sleep(PAUSE_S)
        result = service.charge_saved_card(
            staff, customer_id, payment_method, Money(int(amount), "USD"), "Till 2"
        )
        if result.state is not PaymentState.SUCCEEDED:
            print(f"failed {amount} {result.state.value}", flush=True)
            return 1
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
