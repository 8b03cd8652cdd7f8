"""Start-up reconciliation: every local payment or refund whose outcome at Stripe is not
final, or not known, is re-read and settled before (or while) events flow again.

Payments still pending, unconfirmed or processing go through the ledger's own settling
(the same idempotency key, or the intent by id: never a second charge), and so do refund
requests still being sent or unconfirmed (ledger/refunds.py: found by our metadata, or the
same request resent with the same key: never a second refund). Payments parked in
another open state (waiting for capture, for the customer to authenticate) and open refunds
are re-read and applied through the one applier, so its order rules hold here too.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlmodel import col, select

from posdesk.domain.payment_state import PaymentState
from posdesk.ledger.captures import CaptureRequests
from posdesk.ledger.payments import ChargeResult
from posdesk.ledger.refunds import RefundResult
from posdesk.store.database import Store
from posdesk.store.models import PaymentRecord
from posdesk.store.sync_state import RefundRepository
from posdesk.sync.applier import ApplyStats, EventApplier, ObjectFetcher

log = logging.getLogger(__name__)

# Open at Stripe, but not something the ledger settles: re-read through the applier.
REREAD_STATES = (PaymentState.REQUIRES_CAPTURE, PaymentState.AUTHENTICATION_REQUIRED)


class Settler(Protocol):
    """What reconciliation needs of the ledger (posdesk.ledger.payments.PaymentLedger)."""

    def settle_unconfirmed(self) -> list[ChargeResult]: ...


class RefundSettler(Protocol):
    """What reconciliation needs of the refund ledger (posdesk.ledger.refunds)."""

    def settle_unconfirmed(self) -> list[RefundResult]: ...


@dataclass
class ReconcileReport:
    settled: list[ChargeResult] = field(default_factory=list)
    refunds_settled: list[RefundResult] = field(default_factory=list)
    reread: ApplyStats = field(default_factory=ApplyStats)
    errors: int = 0

    @property
    def unsettled(self) -> int:
        return sum(1 for r in self.settled if r.outcome.retryable)


class StartupReconciler:
    def __init__(
        self,
        store: Store,
        ledger: Settler | None,
        fetcher: ObjectFetcher,
        applier: EventApplier,
        refund_ledger: RefundSettler | None = None,
    ) -> None:
        self.store = store
        self.ledger = ledger
        self.refund_ledger = refund_ledger
        self.fetcher = fetcher
        self.applier = applier
        self.refunds = RefundRepository(store)

    def run(self) -> ReconcileReport:
        report = ReconcileReport()
        if self.ledger is not None:
            report.settled = (self.ledger.settle_unconfirmed()
                              + CaptureRequests(self.ledger).settle())
        if self.refund_ledger is not None:
            report.refunds_settled = self.refund_ledger.settle_unconfirmed()
        read_at = int(time.time())
        objects: list[dict[str, Any]] = []
        for kind, object_id in self._open_objects():
            try:
                obj = self.fetcher.fetch(kind, object_id)
            except Exception as exc:  # try the others; the next start or the poller retries
                report.errors += 1
                log.warning("could not re-read %s %s (%s)", kind, object_id, type(exc).__name__)
                continue
            if obj is not None:
                objects.append(obj)
        if objects:
            report.reread = self.applier.apply_objects(objects, read_at)
        log.info(
            "start-up reconciliation: %d settled, %d re-read, %d errors",
            len(report.settled), len(objects), report.errors,
        )
        return report

    def _open_objects(self) -> list[tuple[str, str]]:
        states = [s.value for s in REREAD_STATES]
        query = (
            select(PaymentRecord.intent_id)
            .where(col(PaymentRecord.state).in_(states))
            .where(col(PaymentRecord.intent_id).is_not(None))
        )
        with self.store.session() as session:
            intents = [i for i in session.exec(query) if i]
        found = [("payment_intent", i) for i in intents]
        found += [("refund", r.id) for r in self.refunds.list_open()]
        return found
