"""One PosDesk terminal as a real process, driven line by line for the multi-terminal tests.

    python terminal_process.py DATABASE_URL API_BASE TERMINAL_ID CLAIM_TTL_S

The secret key comes from POSDESK_TEST_SECRET_KEY. Each line on standard input is a JSON
command; each answer is one JSON line on standard output:
- {"cmd": "start_payment", "customer": "cus_...", "amount": 2000}: a new-card payment at
  this terminal's card form -> {"payment_id", "intent_id", "client_secret"}
- {"cmd": "finish"}: the page reported done -> {"state"}
- {"cmd": "charge", "customer": "cus_...", "card": "pm_...", "amount": 1250}: a saved-card
  charge -> {"state", "payment_id"}
- {"cmd": "refund", "payment": "...", "amount": 3000 or null}: a manager's refund (null: all
  that is left) -> {"state", "refund_id", "amount"} or {"refused": "the words"}
- {"cmd": "capture", "payment": "...", "amount": 1500 or null}: a manager's capture of an
  authorisation (null: all of it) -> {"kind", "captured"} or {"refused": "the words"}
- {"cmd": "request_authentication", "payment": "..."}: send the customer of a payment that
  needs authentication a link -> {"request_id", "state", "session_id"} or {"refused"}
- {"cmd": "settle_requests"}: the settle timer's round over payment requests -> {"changed"}
The test kills the process with SIGKILL to play a till that dies mid-flow.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import timedelta

from sqlalchemy.exc import SQLAlchemyError

from posdesk.domain.money import Money
from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.services.captures import CaptureService
from posdesk.services.card_entry import CardEntryService, CardEntrySession
from posdesk.services.charges import ChargeService
from posdesk.services.errors import InputError
from posdesk.services.payment_requests import PaymentRequestService
from posdesk.services.refunds import RefundRefused, RefundService
from posdesk.store.database import open_store
from posdesk.store.this_terminal import Terminal

STAFF = StaffMember(id="staff-a", name="Ann at till A", role=Role.CASHIER)
MANAGER = StaffMember(id="staff-m", name="Mo at till A", role=Role.MANAGER)


def main(argv: list[str]) -> int:
    database_url, api_base, terminal_id, claim_ttl = argv
    store = open_store(database_url)
    gateway = StripeGateway(os.environ["POSDESK_TEST_SECRET_KEY"], api_base, timeout=30)
    terminal = Terminal(terminal_id, "till A", "localhost")
    charges = ChargeService(store, gateway, terminal=terminal,
                            claim_ttl=timedelta(seconds=float(claim_ttl)))
    card_entry = CardEntryService(store, gateway, "pk_test_terminal", charges)
    refunds = RefundService(store, gateway, terminal=terminal,
                            claim_ttl=timedelta(seconds=float(claim_ttl)))
    captures = CaptureService(store, charges.ledger)
    payment_requests = PaymentRequestService(store, gateway, terminal_id=terminal_id)
    session: CardEntrySession | None = None
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        answer: dict[str, object]
        if command["cmd"] == "start_payment":
            session = card_entry.start_payment(
                STAFF, command["customer"], Money(command["amount"], "USD")
            )
            answer = {"payment_id": session.payment_id, "intent_id": session.intent_id,
                      "client_secret": session.client_secret.reveal()
                      if session.client_secret else None}
        elif command["cmd"] == "finish" and session is not None:
            answer = {"state": str(card_entry.finish(session).state)}
        elif command["cmd"] == "charge":
            result = charges.charge_saved_card(
                STAFF, command["customer"], command["card"], Money(command["amount"], "USD")
            )
            answer = {"state": str(result.state), "payment_id": result.payment_id}
        elif command["cmd"] == "refund":
            amount = command.get("amount")
            try:
                refund = refunds.refund(MANAGER, command["payment"],
                                        Money(amount, "USD") if amount else None)
                answer = {"state": str(refund.state), "refund_id": refund.refund_id,
                          "amount": refund.amount.amount}
            except RefundRefused as exc:
                answer = {"refused": str(exc)}
        elif command["cmd"] == "capture":
            amount = command.get("amount")
            try:
                captured = captures.capture(MANAGER, command["payment"],
                                            Money(amount, "USD") if amount else None)
                answer = {"kind": str(captured.kind), "reason": str(captured.reason or ""),
                          "captured": captured.captured.amount if captured.captured else None}
            except InputError as exc:
                answer = {"refused": str(exc)}
        elif command["cmd"] == "request_authentication":
            try:
                view = payment_requests.request_authentication(
                    STAFF, command["payment"], expires_in=timedelta(hours=1))
                answer = {"request_id": view.id, "state": str(view.state),
                          "session_id": payment_requests.requests.get(view.id).session_id}
            except InputError as exc:
                answer = {"refused": str(exc)}
            except SQLAlchemyError as exc:  # what a lost race would look like without the lock
                answer = {"error": type(exc).__name__}
        elif command["cmd"] == "settle_requests":
            answer = {"changed": payment_requests.settle()}
        else:
            answer = {"error": f"unknown command {command['cmd']}"}
        print(json.dumps(answer), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
