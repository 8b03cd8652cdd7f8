"""Close of day: the X report (any time, changes nothing) and the Z report (once per business
day and scope; it marks the day closed) of one terminal or the whole store.

A report counts the shop's own records of the business day, midnight to midnight in the
shop's time zone: payments by state (what went through, what was declined, what waits for
capture...), refund requests by state, the sales (amount received), the refunds that take
money back or may (domain.refunds COUNTING), the net, and each staff member's and each
terminal's part. Only the shop's currency is added up; payments in another are counted
apart. Payments count on the day they were taken; refunds on the day they were asked for.

Beside those, what Stripe's balance says of the same payments and refunds (gateway/balance.py):
each payment's `charge` and each refund's `refund` transaction, matched by Stripe's ids (the
payment's intent, the refund's id), read over the day with a day's slack before and eight
after (an authorisation captured later has its transaction on the capture's day); their
fees, net, what is still pending, and the automatic payouts they landed in (payouts made from
the day on, for PAYOUT_SEARCH_DAYS). A report matches Stripe when every payment and refund
has its transaction and the gross and refunded amounts agree. A restricted key without the
balance permission, no key, or Stripe out of reach: the report is made all the same and says
why the fees are missing.

Who may: managers (Permission.CLOSE_DAY); both reports are audited (services/guard.py). A
Z report of a day and scope already closed is refused, audited as refused; two terminals
closing at once end with one close (store/day_closes.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import NoReturn

from posdesk.domain.day_close import (
    ALREADY_CLOSED,
    DAY_IN_FUTURE,
    FEES_NOT_CONFIGURED,
    FEES_NOT_PERMITTED,
    FEES_UNAVAILABLE,
    SCOPE_STORE,
    SCOPE_TERMINAL,
    UNKNOWN_TERMINAL,
    BalanceTxn,
    Closed,
    DayReport,
    PayoutData,
    PayoutLine,
    ReportKind,
    Scope,
    ScopeKind,
    SplitLine,
    StateLine,
    StripeFigures,
    StripeStatus,
    report_from_json,
    report_json,
)
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.refunds import COUNTING
from posdesk.domain.roles import StaffMember
from posdesk.gateway import balance
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.errors import GatewayError
from posdesk.services import guard
from posdesk.services.errors import InputError
from posdesk.services.shop_settings import ShopSettings
from posdesk.store import day_closes
from posdesk.store.audit import AuditLog
from posdesk.store.database import Store
from posdesk.store.day_closes import AlreadyClosed, Tally
from posdesk.store.models import DayCloseRecord

log = logging.getLogger(__name__)

__all__ = ["DayAlreadyClosed", "DayCloseService", "day_bounds"]

PAID = (PaymentState.SUCCEEDED.value,)
REFUNDS_THAT_COUNT = tuple(sorted(s.value for s in COUNTING))
SLACK = timedelta(days=1)
# An authorisation captured later has its charge's transaction on the day of the capture:
# up to the longest authorisation window (7 days) after the day.
SLACK_AFTER = timedelta(days=8)
PAYOUT_SEARCH_DAYS = 30


class DayAlreadyClosed(InputError):
    """A Z report of a day and scope that has one already; nothing was changed."""


def day_bounds(day: date, zone: tzinfo | None) -> tuple[datetime, datetime]:
    """[start, end) of the business day in UTC: midnight to midnight in `zone` (None: this
    machine's time zone, with its daylight-saving rules for that date)."""

    def midnight(d: date) -> datetime:
        moment = datetime.combine(d, time())
        local = moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()
        return local.astimezone(UTC)

    return midnight(day), midnight(day + timedelta(days=1))


def zone_name(day: date, zone: tzinfo | None) -> str:
    moment = datetime.combine(day, time(12))
    local = moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()
    key = getattr(zone, "key", None)
    offset = local.strftime("%z")
    return f"{key or local.tzname() or 'local'} (UTC{offset[:3]}:{offset[3:]})"


class DayCloseService:
    def __init__(
        self,
        store: Store,
        gateway: StripeGateway | None,
        shop_settings: Callable[[], ShopSettings],
        *,
        terminal_id: str | None = None,
        time_zone: Callable[[], tzinfo | None] = lambda: None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.store = store
        self.gateway = gateway
        self.shop_settings = shop_settings
        self.terminal_id = terminal_id
        self.time_zone = time_zone
        self.clock = clock
        self.guard = guard.Guard(AuditLog(store, terminal_id))

    # --- the operations ----------------------------------------------------------------------

    @guard.operation(guard.X_REPORT)
    def x_report(self, staff: StaffMember, scope: Scope, day: date) -> DayReport:
        """The day's report as it stands; changes nothing but the audit trail. Says when the
        day was closed already (its Z report's number)."""
        with self.guard.run(staff, guard.X_REPORT, _target(scope, day)) as audited:
            report = self._report(ReportKind.X, staff, scope, day)
            existing = day_closes.closed(self.store, scope.key, day)
            if existing is not None:
                report = _with_closed(report, existing)
            audited.done("made", sales=report.sales, refunded=report.refunded,
                         net=report.net, fees=report.stripe.fees,
                         stripe=report.stripe.status.value)
        return report

    @guard.operation(guard.X_REPORT)
    def closed_report(self, staff: StaffMember, scope: Scope, day: date) -> DayReport | None:
        """The Z report the day was closed with, as it was made (figures kept in the store),
        marked COPY to print again; None when the day is not closed. Audited as an X
        report ("copy")."""
        with self.guard.run(staff, guard.X_REPORT, _target(scope, day)) as audited:
            existing = day_closes.closed(self.store, scope.key, day)
            if existing is None:
                audited.done("not_closed")
                return None
            report = replace(_with_closed(report_from_json(existing.totals), existing),
                             copy=True)
            audited.done("copy", number=existing.number)
        return report

    @guard.operation(guard.Z_REPORT)
    def z_report(self, staff: StaffMember, scope: Scope, day: date) -> DayReport:
        """Close the day: the report, kept in the store with its number. Raises
        DayAlreadyClosed (audited as refused) when the day and scope were closed before,
        here or at another terminal at the same moment."""
        with self.guard.run(staff, guard.Z_REPORT, _target(scope, day)) as audited:
            existing = day_closes.closed(self.store, scope.key, day)
            if existing is not None:
                self._refuse(audited, scope, existing)
            if day_bounds(day, self.time_zone())[0] > self.clock():
                raise InputError(DAY_IN_FUTURE)
            report = self._report(ReportKind.Z, staff, scope, day)
            record = DayCloseRecord(
                scope=scope.key, terminal_id=scope.terminal_id, business_date=day,
                time_zone=report.time_zone[:64], closed_at=report.made_at,
                closed_by=staff.id, closed_by_name=staff.name, closed_on=self.terminal_id,
                currency=report.currency, sales=report.sales, refunded=report.refunded,
                fees=report.stripe.fees if report.stripe.status is StripeStatus.OK else None,
                totals=report_json(report),
            )
            try:
                record = day_closes.close(self.store, record)
            except AlreadyClosed as lost:
                self._refuse(audited, scope, lost.existing)
            report = _with_closed(report, record)
            audited.done("closed", number=record.number, sales=report.sales,
                         refunded=report.refunded, net=report.net, fees=record.fees,
                         stripe=report.stripe.status.value)
        return report

    def _refuse(self, audited: guard.Audited, scope: Scope,
                existing: DayCloseRecord) -> NoReturn:
        audited.done("refused", reason="already_closed", number=existing.number)
        raise DayAlreadyClosed(ALREADY_CLOSED(
            scope=self._scope_name(scope), day=existing.business_date.isoformat(),
            number=existing.number or 0, staff=existing.closed_by_name,
            at=_utc(existing.closed_at).strftime("%Y-%m-%d %H:%M UTC")))

    # --- building the report -----------------------------------------------------------------

    def _scope_name(self, scope: Scope) -> str:
        if scope.kind is ScopeKind.STORE:
            return SCOPE_STORE
        names = day_closes.terminal_names(self.store)
        return SCOPE_TERMINAL(name=names.get(scope.terminal_id or "",
                                             (scope.terminal_id or "")[:8]))

    def _report(self, kind: ReportKind, staff: StaffMember, scope: Scope,
                day: date) -> DayReport:
        names = day_closes.terminal_names(self.store)
        if (scope.kind is ScopeKind.TERMINAL and scope.terminal_id not in names
                and scope.terminal_id != self.terminal_id):
            raise InputError(UNKNOWN_TERMINAL)
        shop = self.shop_settings()
        currency = shop.currency.upper()
        zone = self.time_zone()
        start, end = day_bounds(day, zone)
        terminal = scope.terminal_id if scope.kind is ScopeKind.TERMINAL else None
        payments = day_closes.payment_tallies(self.store, start, end, terminal)
        refunds = day_closes.refund_tallies(self.store, start, end, terminal)
        ours = [t for t in payments if t.currency == currency]
        our_refunds = [t for t in refunds if t.currency == currency]
        paid = [t for t in ours if t.state in PAID]
        counted = [t for t in our_refunds if t.state in REFUNDS_THAT_COUNT]
        stripe = self._stripe(start, end, currency, terminal)
        return DayReport(
            kind=kind,
            shop_name=shop.shop_name,
            shop_address=tuple(line for line in shop.shop_address.splitlines() if line),
            locale=shop.locale,
            scope=scope,
            scope_name=self._scope_name(scope),
            business_date=day,
            time_zone=zone_name(day, zone),
            starts_at=start,
            ends_at=end,
            made_at=self.clock(),
            made_by=staff.name,
            currency=currency,
            payment_states=_by_state(ours),
            payments_count=sum(t.count for t in paid),
            sales=sum(t.received for t in paid),
            refund_states=_by_state(our_refunds),
            refunds_count=sum(t.count for t in counted),
            refunded=sum(t.amount for t in counted),
            by_staff=_split(paid, counted, lambda t: t.staff_id,
                            lambda t: t.staff_name or t.staff_id),
            by_terminal=_split(
                paid, counted, lambda t: t.terminal_id or "",
                lambda t: names.get(t.terminal_id or "", (t.terminal_id or "-")[:8])),
            stripe=stripe,
            other_currency=sum(t.count for t in payments if t.currency != currency),
        )

    def _stripe(self, start: datetime, end: datetime, currency: str,
                terminal: str | None) -> StripeFigures:
        if self.gateway is None:
            return StripeFigures(StripeStatus.NOT_CONFIGURED, FEES_NOT_CONFIGURED)
        intents = day_closes.paid_intents(self.store, start, end, PAID, currency, terminal)
        refund_ids, unnamed = day_closes.refund_ids(self.store, start, end,
                                                    REFUNDS_THAT_COUNT, currency, terminal)
        try:
            txns = balance.balance_transactions(
                self.gateway, created_gte=int((start - SLACK).timestamp()),
                created_lt=int((end + SLACK_AFTER).timestamp()))
            charges = [t for t in txns if t.type == "charge" and t.payment_intent in intents]
            backs = [t for t in txns
                     if t.type in ("refund", "refund_failure") and t.source in refund_ids]
            matched = charges + backs
            links: dict[str, str] = {}
            lines: tuple[PayoutLine, ...] = ()
            if matched:
                found = balance.payouts(
                    self.gateway, created_gte=int(start.timestamp()),
                    created_lt=int((end + timedelta(days=PAYOUT_SEARCH_DAYS)).timestamp()))
                automatic = [p for p in found if p.automatic and p.currency == currency]
                links = balance.paid_out_in(self.gateway, [p.id for p in automatic])
                lines = _payout_lines(matched, links, {p.id: p for p in automatic})
        except balance.BalanceNotPermitted:
            return StripeFigures(StripeStatus.NOT_PERMITTED, FEES_NOT_PERMITTED)
        except GatewayError as error:
            return StripeFigures(StripeStatus.UNAVAILABLE, FEES_UNAVAILABLE(reason=error.message))
        refunds_seen = {t.source for t in backs if t.type == "refund"}
        return StripeFigures(
            StripeStatus.OK,
            charges_count=len(charges),
            gross=sum(t.amount for t in charges),
            refunds_count=len(refunds_seen),
            refunded=-sum(t.amount for t in backs),
            fees=sum(t.fee for t in matched),
            net=sum(t.net for t in matched),
            pending=sum(t.net for t in matched if t.status != "available"),
            not_paid_out=sum(t.net for t in matched if t.id not in links),
            missing=(len(intents - {t.payment_intent for t in charges})
                     + len(refund_ids - refunds_seen) + unnamed),
            payouts=lines,
        )


def _target(scope: Scope, day: date) -> str:
    return f"{scope.key}:{day.isoformat()}"


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _with_closed(report: DayReport, record: DayCloseRecord) -> DayReport:
    return replace(report, closed=Closed(record.number or 0, _utc(record.closed_at),
                                         record.closed_by, record.closed_by_name))


def _by_state(tallies: list[Tally]) -> tuple[StateLine, ...]:
    """Count and amount per state: what came in for a payment that went through (a partial
    capture took less than was asked), what was asked for any other."""
    states: dict[str, tuple[int, int]] = {}
    for t in tallies:
        count, amount = states.get(t.state, (0, 0))
        states[t.state] = (count + t.count,
                           amount + (t.received if t.state in PAID else t.amount))
    return tuple(StateLine(s, c, a) for s, (c, a) in sorted(states.items()))


def _split(paid: list[Tally], refunds: list[Tally], key: Callable[[Tally], str],
           name: Callable[[Tally], str]) -> tuple[SplitLine, ...]:
    parts: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    for t in paid:
        part = parts.setdefault(key(t), [0, 0, 0, 0])
        part[0] += t.count
        part[1] += t.received
        names.setdefault(key(t), name(t))
    for t in refunds:
        part = parts.setdefault(key(t), [0, 0, 0, 0])
        part[2] += t.count
        part[3] += t.amount
        names.setdefault(key(t), name(t))
    return tuple(sorted((SplitLine(k, names[k], *v) for k, v in parts.items()),
                        key=lambda line: (line.name.casefold(), line.id)))


def _payout_lines(matched: list[BalanceTxn], links: dict[str, str],
                  payouts: dict[str, PayoutData]) -> tuple[PayoutLine, ...]:
    of_day: dict[str, int] = {}
    for t in matched:
        if t.id in links:
            of_day[links[t.id]] = of_day.get(links[t.id], 0) + t.net
    return tuple(
        PayoutLine(pid, payouts[pid].amount, amount, payouts[pid].arrival_date,
                   payouts[pid].status)
        for pid, amount in sorted(of_day.items(), key=lambda kv: payouts[kv[0]].arrival_date)
    )

