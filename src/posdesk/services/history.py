"""The payment history: every payment of the store with filters, totals per currency, one
payment's detail (refunds, timeline, what the signed-in person may do with it), and an
export of a filter to CSV.

Who sees what is decided here, not on the screen: staff with Permission.VIEW_HISTORY
(managers, support) see every payment; anyone else (cashiers) sees only this terminal's
payments of today, whatever filter the screen sends (`scoped`). Reading is checked on every
call and audited only when refused; an export needs Permission.EXPORT and is audited with
its filter, the rows written, or its cancellation.

The CSV is UTF-8 with a byte-order mark (spreadsheet programs then read Chinese text
right), amounts are plain decimals ("12.50") with the currency in its own column, times
ISO 8601 in UTC, and a cell a spreadsheet would run as a formula is written behind a '.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from posdesk.domain.history import (
    CHART_DAYS_MAX,
    CSV_COLUMNS,
    ChartPoint,
    CurrencyTotals,
    DateRange,
    ExportResult,
    HistoryQuery,
    HistoryRefund,
    TimelineEntry,
    TimelineKind,
    date_range,
    decimal_amount,
)
from posdesk.domain.input_error import InputError
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import Permission, PermissionDenied, StaffMember
from posdesk.services import guard
from posdesk.services.receipts import UNKNOWN_PAYMENT
from posdesk.store.audit import AuditLog
from posdesk.store.customers import CustomerRepository
from posdesk.store.database import Store
from posdesk.store.history import (
    HistoryKey,
    HistoryRow,
    audit_entries,
    history_page,
    iterate_history,
    payment_events,
    payment_refunds,
    staff_choices,
    terminal_ids,
)
from posdesk.store.history_totals import chart_rows, history_totals
from posdesk.store.models import CustomerRecord, PaymentMethodRecord, PaymentRecord
from posdesk.store.payment_methods import PaymentMethodRepository
from posdesk.store.payments import PaymentRepository

EXPORT_BATCH = 2000
# A cell a spreadsheet would run as a formula starts with one of these.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    words = "" if value is None else str(value)
    return "'" + words if words.startswith(_FORMULA_STARTS) else words


@dataclass(frozen=True, slots=True)
class HistoryChoices:
    """What the filters offer, and whether the person sees only this terminal's day."""

    staff: tuple[tuple[str, str], ...]
    terminals: tuple[tuple[str, str], ...]
    states: tuple[str, ...]
    limited: bool


@dataclass(frozen=True, slots=True)
class PaymentDetail:
    """Everything known about one payment, and what the person asking may do with it."""

    payment: PaymentRecord
    customer: CustomerRecord | None
    card: PaymentMethodRecord | None
    terminal_name: str
    refunds: tuple[HistoryRefund, ...]
    timeline: tuple[TimelineEntry, ...]
    can_refund: bool
    can_capture: bool
    can_receipt: bool


def iso_utc(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z: 2026-11-30T04:16:43.123456Z."""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


class HistoryService:
    def __init__(
        self, store: Store, terminal_id: str, *,
        now: Callable[[], datetime] | None = None,
        zone: Callable[[], tzinfo | None] | tzinfo | None = None,
    ) -> None:
        """`zone`: where the shop's day begins (the shop settings' time zone, read each
        time), or None for this computer's."""
        self.store = store
        self.terminal_id = terminal_id
        self.log = AuditLog(store, terminal_id)
        self.guard = guard.Guard(self.log)
        self._now = now or (lambda: datetime.now(UTC))
        self._zone_of: Callable[[], tzinfo | None] = (
            zone if callable(zone) else (lambda: zone))  # type: ignore[assignment,return-value]

    # --- who sees what ---------------------------------------------------------------------

    @staticmethod
    def sees_everything(staff: StaffMember) -> bool:
        return staff.role.allows(Permission.VIEW_HISTORY)

    def _today(self) -> tuple[datetime, datetime]:
        start, end = date_range(DateRange.TODAY, self._now(), zone=self._zone_of())
        assert start is not None and end is not None
        return start, end

    def _scoped(self, staff: StaffMember, query: HistoryQuery) -> HistoryQuery:
        if self.sees_everything(staff):
            return query
        start, end = self._today()
        return query.narrowed(self.terminal_id, start, end)

    @guard.operation(guard.VIEW_HISTORY)
    def scoped(self, staff: StaffMember, query: HistoryQuery) -> HistoryQuery:
        """The query as the service will run it for `staff` (narrowed for a cashier)."""
        self.guard.check(staff, guard.VIEW_HISTORY, None)
        return self._scoped(staff, query)

    # --- reading -----------------------------------------------------------------------------

    @guard.operation(guard.VIEW_HISTORY)
    def page(
        self, staff: StaffMember, query: HistoryQuery, after: HistoryKey | None, limit: int
    ) -> list[HistoryRow]:
        """One keyset page of the payments `query` selects, in its order."""
        self.guard.check(staff, guard.VIEW_HISTORY, None)
        return history_page(self.store, self._scoped(staff, query), after, limit)

    @guard.operation(guard.VIEW_HISTORY)
    def totals(self, staff: StaffMember, query: HistoryQuery) -> list[CurrencyTotals]:
        """Count, gross, refunded, net and decline rate per currency for `query`."""
        self.guard.check(staff, guard.VIEW_HISTORY, None)
        return history_totals(self.store, self._scoped(staff, query))

    @guard.operation(guard.VIEW_HISTORY)
    def chart(self, staff: StaffMember, query: HistoryQuery) -> list[ChartPoint]:
        """Volume and decline rate per local day of what `query` selects (per month for a
        period longer than CHART_DAYS_MAX days; an open period shows its last year)."""
        self.guard.check(staff, guard.VIEW_HISTORY, None)
        scoped = self._scoped(staff, query)
        end = scoped.end or self._now()
        start = scoped.start if scoped.start is not None else end - timedelta(days=365)
        scoped = replace(scoped, start=start, end=end)
        zone = self._zone_of()
        offset = end.astimezone(zone).utcoffset() if zone is not None \
            else end.astimezone().utcoffset()
        minutes = int(offset.total_seconds() // 60) if offset is not None else 0
        return chart_rows(self.store, scoped, minutes,
                          by_month=end - start > timedelta(days=CHART_DAYS_MAX))

    @guard.operation(guard.VIEW_HISTORY)
    def choices(self, staff: StaffMember) -> HistoryChoices:
        """Staff and terminals to filter by (only this terminal for a cashier)."""
        self.guard.check(staff, guard.VIEW_HISTORY, None)
        names = self.log.terminal_names()
        limited = not self.sees_everything(staff)
        if limited:
            terminals: tuple[tuple[str, str], ...] = (
                (self.terminal_id, names.get(self.terminal_id) or self.terminal_id),)
        else:
            known = {t: names.get(t) or t for t in (*names, *terminal_ids(self.store))}
            terminals = tuple(sorted(known.items(), key=lambda t: (t[1].casefold(), t[0])))
        return HistoryChoices(
            staff=tuple(staff_choices(self.store)), terminals=terminals,
            states=tuple(s.value for s in PaymentState), limited=limited,
        )

    @guard.operation(guard.VIEW_HISTORY)
    def terminal_names(self, staff: StaffMember) -> dict[str, str]:
        self.guard.check(staff, guard.VIEW_HISTORY, None)
        return self.log.terminal_names()

    @guard.operation(guard.VIEW_PAYMENT_DETAIL)
    def detail(self, staff: StaffMember, payment_id: str) -> PaymentDetail:
        """One payment with its refunds and timeline (Stripe events applied, audit entries).
        A cashier asking for a payment outside this terminal's day is refused (audited)."""
        self.guard.check(staff, guard.VIEW_PAYMENT_DETAIL, payment_id or None)
        payment = PaymentRepository(self.store).get((payment_id or "").strip()) \
            if payment_id else None
        if payment is None:
            raise InputError(UNKNOWN_PAYMENT)
        if not self.sees_everything(staff):
            start, end = self._today()
            if payment.terminal_id != self.terminal_id or not (
                    start <= payment.created_at < end):
                self.guard.record(staff, guard.VIEW_PAYMENT_DETAIL.action, payment.id,
                                  "denied", {"reason": "outside_own_day"})
                raise PermissionDenied(staff, Permission.VIEW_HISTORY)
        customer = CustomerRepository(self.store).get(payment.customer_id) \
            if payment.customer_id else None
        card = PaymentMethodRepository(self.store).get(payment.payment_method_id) \
            if payment.payment_method_id else None
        refunds = payment_refunds(self.store, payment)
        timeline = self._timeline(payment, refunds)
        paid = payment.amount_received or 0
        state = payment.state
        return PaymentDetail(
            payment=payment, customer=customer, card=card,
            terminal_name=self.log.terminal_names().get(payment.terminal_id or "", "")
            or (payment.terminal_id or ""),
            refunds=tuple(refunds), timeline=tuple(timeline),
            can_refund=staff.role.allows(Permission.REFUND)
            and state == PaymentState.SUCCEEDED.value and payment.amount_refunded < paid,
            can_capture=staff.role.allows(Permission.CAPTURE)
            and state == PaymentState.REQUIRES_CAPTURE.value,
            can_receipt=state == PaymentState.SUCCEEDED.value,
        )

    def _timeline(self, payment: PaymentRecord, refunds: list[HistoryRefund]
                  ) -> list[TimelineEntry]:
        entries = [TimelineEntry(payment.created_at, TimelineKind.CREATED, "created",
                                 payment.state, payment.amount, payment.currency,
                                 payment.staff_name or payment.staff_id)]
        for event in payment_events(self.store, payment.intent_id):
            known = event.amount is not None and bool(event.currency)
            entries.append(TimelineEntry(
                datetime.fromtimestamp(event.created, UTC), TimelineKind.EVENT, event.type,
                event.status or "", event.amount if known else None,
                (event.currency or "") if known else "", "Stripe"))
        targets = [payment.id, payment.intent_id or ""]
        for refund in refunds:
            targets += [refund.refund_id or "", refund.request_id or ""]
        for entry in audit_entries(self.store, targets):
            entries.append(TimelineEntry(entry.at, TimelineKind.AUDIT, entry.action,
                                         entry.outcome, who=entry.staff_name or entry.staff_id))
        # Stripe's times are whole seconds: within one second the record comes first, then
        # what staff did, then what Stripe reported (in the order it was applied).
        rank = {TimelineKind.CREATED: 0, TimelineKind.AUDIT: 1, TimelineKind.EVENT: 2}
        return sorted(entries, key=lambda e: (int(e.at.timestamp()), rank[e.kind]))

    # --- export --------------------------------------------------------------------------------

    @guard.operation(guard.EXPORT_HISTORY)
    def export_csv(
        self, staff: StaffMember, query: HistoryQuery, path: Path,
        progress: Callable[[int, int], None] | None = None,
        canceled: Callable[[], bool] | None = None,
    ) -> ExportResult:
        """Write the payments `query` selects, in its order, to a CSV file at `path`
        (readable by the user only). `progress(written, total)` after each batch;
        `canceled()` true stops it and removes the file. Audited either way."""
        scoped = self._scoped(staff, query)
        with self.guard.run(staff, guard.EXPORT_HISTORY, None) as audited:
            total = sum(t.count for t in history_totals(self.store, scoped))
            names = self.log.terminal_names()
            written, stopped = 0, False
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as out:
                    writer = csv.writer(out)
                    writer.writerow(CSV_COLUMNS)
                    for rows in iterate_history(self.store, scoped, EXPORT_BATCH):
                        if canceled is not None and canceled():
                            stopped = True
                            break
                        writer.writerows(_csv_row(row, names) for row in rows)
                        written += len(rows)
                        if progress is not None:
                            progress(written, max(total, written))
            except BaseException:
                Path(path).unlink(missing_ok=True)
                raise
            details = {"file": Path(path).name, **scoped.details()}
            if stopped:
                Path(path).unlink(missing_ok=True)
                audited.done("canceled", rows=written, **details)
                return ExportResult(written, canceled=True, path=str(path))
            audited.done("exported", rows=written, **details)
        return ExportResult(written, path=str(path))


def _csv_row(row: HistoryRow, terminals: dict[str, str]) -> list[str]:
    currency = row.currency
    values: list[object] = [
        row.id, iso_utc(row.created_at), decimal_amount(row.amount, currency), currency,
        row.state, decimal_amount(row.amount_received, currency),
        decimal_amount(row.amount_refunded, currency),
        decimal_amount(row.amount_received - row.amount_refunded, currency),
        row.customer_id, row.customer_name, row.card_brand, row.card_last4, row.description,
        row.staff_id, row.staff_name, row.terminal_id,
        terminals.get(row.terminal_id or "", ""), row.intent_id,
    ]
    # Amounts may be negative (net of an over-refund): those are numbers, not formulas.
    return [str(v) if i in (2, 5, 6, 7) else _cell(v) for i, v in enumerate(values)]


__all__ = ["HistoryChoices", "HistoryService", "PaymentDetail", "iso_utc"]
