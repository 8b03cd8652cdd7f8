"""Cached summaries of customers' saved payment methods (brand, last4, expiry, wallet)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, fields

from sqlalchemy import delete
from sqlalchemy.orm import Session
from sqlmodel import col, select

from posdesk.domain.changes import Change, ChangeKind
from posdesk.domain.stripe_objects import PaymentMethodData
from posdesk.store import changes
from posdesk.store.database import Store
from posdesk.store.models import PaymentMethodRecord, utcnow
from posdesk.store.sync_state import dialect_insert


def _record(method: PaymentMethodData) -> PaymentMethodRecord:
    return PaymentMethodRecord(**asdict(method), synced_at=utcnow())


_FIELDS = tuple(f.name for f in fields(PaymentMethodData))


def card_changes(
    session: Session,
    upserts: Iterable[PaymentMethodData],
    removals: Iterable[str] = (),
    terminal_id: str | None = None,
) -> list[Change]:
    """What writing `upserts` and deleting `removals` changes, read before the write: a card
    that is new or differs (for its customer, and for the customer it moved away from), and
    a cached card removed."""
    wanted = {m.id: m for m in upserts}
    gone = set(removals) - wanted.keys()
    if not wanted and not gone:
        return []
    columns = [getattr(PaymentMethodRecord, name) for name in _FIELDS]
    query = select(*columns).where(col(PaymentMethodRecord.id).in_(wanted.keys() | gone))
    stored = {row[0]: tuple(row) for row in session.execute(query)}
    owner = _FIELDS.index("customer_id")

    def change(card_id: str, customer_id: str | None) -> Change:
        return Change(ChangeKind.PAYMENT_METHOD, card_id, customer_id, terminal_id)

    found: list[Change] = []
    for card_id, method in wanted.items():
        old = stored.get(card_id)
        if old is None or old != tuple(getattr(method, f) for f in _FIELDS):
            found.append(change(card_id, method.customer_id))
        if old is not None and old[owner] not in (None, method.customer_id):
            found.append(change(card_id, old[owner]))
    found.extend(change(card_id, stored[card_id][owner]) for card_id in gone if card_id in stored)
    return found


class PaymentMethodRepository:
    def __init__(
        self, store: Store, *, terminal_id: str | None = None, record_changes: bool = True
    ) -> None:
        self.store = store
        # Writes record their changes for the change feed, unless the caller records them
        # itself in the same transaction (the sync applier batches all of its own).
        self.terminal_id = terminal_id
        self.record_changes = record_changes

    def _changes(
        self, session: Session, upserts: Iterable[PaymentMethodData], removals: Iterable[str] = ()
    ) -> list[Change]:
        if not self.record_changes:
            return []
        return card_changes(session, upserts, removals, self.terminal_id)

    def replace_for_customer(self, customer_id: str, methods: list[PaymentMethodData]) -> None:
        """Make the cache hold exactly these methods for the customer (a fresh Stripe list)."""
        for method in methods:
            if method.customer_id != customer_id:
                raise ValueError(f"{method.id} belongs to {method.customer_id}, not {customer_id}")
        with self.store.session() as session:
            cached = select(PaymentMethodRecord.id).where(
                col(PaymentMethodRecord.customer_id) == customer_id
            )
            cached_ids = session.execute(cached).scalars() if self.record_changes else ()
            found = self._changes(session, methods, cached_ids)
            session.execute(
                delete(PaymentMethodRecord).where(
                    col(PaymentMethodRecord.customer_id) == customer_id
                )
            )
            # A method may have moved from another customer: replace it wherever it was.
            for method in methods:
                session.merge(_record(method))
            changes.record(session, found)

    def upsert(self, method: PaymentMethodData) -> None:
        self.upsert_many([method])

    def upsert_many(self, methods: Iterable[PaymentMethodData]) -> None:
        """Insert or refresh cards, in one statement (the sync applier's batches): merging
        them one by one read each card back first, a millisecond or two apiece."""
        wanted = list({m.id: m for m in methods}.values())  # the last of one card wins
        if not wanted:
            return
        now = utcnow()
        rows = [{**asdict(m), "synced_at": now} for m in wanted]
        with self.store.session() as session:
            found = self._changes(session, wanted)
            statement = dialect_insert(session)(PaymentMethodRecord)
            update = {name: statement.excluded[name] for name in rows[0] if name != "id"}
            session.execute(
                statement.on_conflict_do_update(index_elements=["id"], set_=update), rows
            )
            changes.record(session, found)

    def remove(self, payment_method_id: str) -> bool:
        with self.store.session() as session:
            found = self._changes(session, [], [payment_method_id])
            result = session.execute(
                delete(PaymentMethodRecord).where(col(PaymentMethodRecord.id) == payment_method_id)
            )
            changes.record(session, found)
            return bool(result.rowcount)

    def get(self, payment_method_id: str) -> PaymentMethodRecord | None:
        with self.store.session() as session:
            return session.get(PaymentMethodRecord, payment_method_id)

    def list_for_customer(self, customer_id: str) -> list[PaymentMethodRecord]:
        """Newest first (Stripe's order), id as tie-break so the order is stable."""
        with self.store.session() as session:
            query = (
                select(PaymentMethodRecord)
                .where(col(PaymentMethodRecord.customer_id) == customer_id)
                .order_by(col(PaymentMethodRecord.created).desc(), col(PaymentMethodRecord.id))
            )
            return list(session.exec(query))
