"""A change to the store that a screen may show: what the change feed carries between
terminals (and between the sync engine and the screens of one terminal)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class ChangeKind(StrEnum):
    PAYMENT = "payment"
    CUSTOMER = "customer"
    PAYMENT_METHOD = "payment_method"
    REFUND = "refund"
    # A remote payment request (payment_requests): created, paid, expired.
    PAYMENT_REQUEST = "payment_request"


# The entity id of a bulk change: many things of the kind changed at once (a full refresh of
# the customer cache, a catch-up); whoever shows any of them reloads.
EVERY = "*"


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    entity_id: str  # the payment's local id, cus_..., pm_..., re_..., or EVERY
    # The customer it belongs to when the writer knows it (a customer change: itself).
    customer_id: str | None = None
    # The terminal that made the change when the writer knows it (sync: None).
    terminal_id: str | None = None
    # Position in the feed and commit time, set by the store; 0 and None on a change that
    # a writer is about to record.
    id: int = 0
    at: datetime | None = None

    @property
    def is_bulk(self) -> bool:
        return self.entity_id == EVERY

    def concerns_customer(self, customer_id: str) -> bool:
        """May change what a page showing this customer shows."""
        if self.customer_id == customer_id:
            return True
        return self.is_bulk and self.customer_id is None
