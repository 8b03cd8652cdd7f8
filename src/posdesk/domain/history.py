"""The payment history as plain data: what a filter selects, the date ranges staff pick,
the sort orders, the totals per currency, a payment's timeline, and the CSV's cells.

No I/O here: the store (store/history.py) turns a `HistoryQuery` into SQL, the service
(services/history.py) narrows it for staff who may see only their terminal's day.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from enum import StrEnum

from posdesk.domain.money import currency_exponent


class SortOrder(StrEnum):
    NEWEST = "newest"
    OLDEST = "oldest"
    LARGEST = "largest"
    SMALLEST = "smallest"

    @property
    def by_amount(self) -> bool:
        return self in (SortOrder.LARGEST, SortOrder.SMALLEST)

    @property
    def descending(self) -> bool:
        return self in (SortOrder.NEWEST, SortOrder.LARGEST)


class DateRange(StrEnum):
    TODAY = "today"
    YESTERDAY = "yesterday"
    THIS_WEEK = "this_week"  # from Monday
    LAST_30_DAYS = "last_30_days"  # today and the 29 days before
    ALL = "all"
    CUSTOM = "custom"


def local_midnight(day: date, zone: tzinfo | None = None) -> datetime:
    """The start of `day` in local time (or `zone`), in UTC."""
    moment = datetime.combine(day, time())
    local = moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()
    return local.astimezone(UTC)


def date_range(
    choice: DateRange, now: datetime, *, first: date | None = None, last: date | None = None,
    zone: tzinfo | None = None,
) -> tuple[datetime | None, datetime | None]:
    """[start, end) in UTC of a date range picked at `now` (local days; `first`..`last`
    inclusive for CUSTOM, either may be open)."""
    today = now.astimezone(zone).date() if zone is not None else now.astimezone().date()
    tomorrow = local_midnight(today + timedelta(days=1), zone)
    if choice is DateRange.TODAY:
        return local_midnight(today, zone), tomorrow
    if choice is DateRange.YESTERDAY:
        return local_midnight(today - timedelta(days=1), zone), local_midnight(today, zone)
    if choice is DateRange.THIS_WEEK:
        return local_midnight(today - timedelta(days=today.weekday()), zone), tomorrow
    if choice is DateRange.LAST_30_DAYS:
        return local_midnight(today - timedelta(days=29), zone), tomorrow
    if choice is DateRange.CUSTOM:
        start = local_midnight(first, zone) if first is not None else None
        end = local_midnight(last + timedelta(days=1), zone) if last is not None else None
        return start, end
    return None, None


@dataclass(frozen=True, slots=True)
class HistoryQuery:
    """Which payments: every field set narrows them; they combine (AND).

    Time in [start, end) (UTC); amounts in minor units, inclusive; `customer` matches a
    customer id or the customer search (name, email, phone); `text` matches the description
    or the customer; `last4` the card's last four digits."""

    start: datetime | None = None
    end: datetime | None = None
    state: str | None = None
    staff_id: str | None = None
    terminal_id: str | None = None
    customer: str | None = None
    amount_min: int | None = None
    amount_max: int | None = None
    last4: str | None = None
    text: str | None = None
    sort: SortOrder = SortOrder.NEWEST

    def narrowed(self, terminal_id: str, start: datetime, end: datetime) -> HistoryQuery:
        """This query within one terminal and [start, end): what a cashier may see. Asking
        for another terminal then selects nothing (an empty time range)."""
        if self.terminal_id not in (None, terminal_id):
            return replace(self, terminal_id=terminal_id, start=start, end=start)
        return replace(
            self, terminal_id=terminal_id,
            start=max(self.start, start) if self.start is not None else start,
            end=min(self.end, end) if self.end is not None else end,
        )

    def details(self) -> dict[str, str]:
        """The filter for an audit row (set fields only)."""
        values = {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "state": self.state, "staff": self.staff_id, "terminal": self.terminal_id,
            "customer": self.customer, "amount_min": self.amount_min,
            "amount_max": self.amount_max, "last4": self.last4, "text": self.text,
        }
        return {f"filter_{k}": str(v) for k, v in values.items() if v not in (None, "")}


# States a card was asked in and answered: the decline rate's denominator.
ANSWERED_STATES = frozenset({"succeeded", "requires_capture", "declined"})
DECLINED_STATES = frozenset({"declined"})


@dataclass
class CurrencyTotals:
    """The totals of one currency for a filter. `gross` is what was received, `refunded`
    what went back (wherever refunded), `net` the difference."""

    currency: str
    count: int = 0
    gross: int = 0
    refunded: int = 0
    answered: int = 0
    declined: int = 0

    @property
    def net(self) -> int:
        return self.gross - self.refunded

    @property
    def decline_rate(self) -> float | None:
        """Declined among the payments a card was asked for; None when there were none."""
        return self.declined / self.answered if self.answered else None

    def add(self, state: str, count: int, received: int, refunded: int) -> None:
        self.count += count
        self.gross += received
        self.refunded += refunded
        if state in ANSWERED_STATES:
            self.answered += count
        if state in DECLINED_STATES:
            self.declined += count


def totals_by_currency(rows: list[tuple[str, str, int, int, int]]) -> list[CurrencyTotals]:
    """(currency, state, count, received, refunded) rows -> totals per currency, by code."""
    found: dict[str, CurrencyTotals] = {}
    for currency, state, count, received, refunded in rows:
        if not count and not received and not refunded:
            continue
        totals = found.setdefault(currency, CurrencyTotals(currency))
        totals.add(state, int(count), int(received or 0), int(refunded or 0))
    return [found[c] for c in sorted(found) if found[c].count]


def decimal_amount(amount: int, currency: str) -> str:
    """Minor units as a plain decimal, whatever the locale: 1250 USD -> "12.50"."""
    exponent = currency_exponent(currency)
    return str(Decimal(amount).scaleb(-exponent).quantize(Decimal(1).scaleb(-exponent)))


class TimelineKind(StrEnum):
    CREATED = "created"  # the payment record was written
    EVENT = "event"  # a Stripe event sync applied
    AUDIT = "audit"  # an audit entry about the payment, its intent or its refunds


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One line of a payment's timeline as stored names and numbers; the screen puts them
    in words (gui/history/timeline_words.py)."""

    at: datetime
    kind: TimelineKind
    title: str  # the Stripe event type, the audit action, "created"
    # The event's object's Stripe status, the audit outcome, the payment's state (created).
    status: str = ""
    # Minor units: the event object's amount (a charge's: what is refunded of it so far),
    # the payment's amount (created); None when there is none (audit).
    amount: int | None = None
    currency: str = ""
    who: str = ""  # staff name (audit, created), "Stripe" (events)


@dataclass(frozen=True, slots=True)
class HistoryRefund:
    """A refund of the payment: Stripe's (`refund_id`), this shop's request, or both."""

    amount: int
    currency: str
    state: str
    created_at: datetime | None
    refund_id: str | None = None
    request_id: str | None = None
    reason: str | None = None
    staff_name: str | None = None  # None: made elsewhere (Dashboard, another system)


@dataclass(frozen=True, slots=True)
class ExportResult:
    rows: int
    canceled: bool = False
    path: str = ""


CSV_COLUMNS = (
    "payment_id", "created_at", "amount", "currency", "state", "amount_received",
    "amount_refunded", "net", "customer_id", "customer_name", "card_brand", "card_last4",
    "description", "staff_id", "staff_name", "terminal_id", "terminal", "intent_id",
)


# --- the chart: volume and decline rate per day ------------------------------------------------

# A period longer than this is charted by month (a bar a day would be too thin to read).
CHART_DAYS_MAX = 92


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One bucket (a local day, or a month's first day) of one currency: what was received
    and the decline rate's parts (CurrencyTotals)."""

    day: date
    currency: str
    received: int
    count: int
    answered: int
    declined: int

    @property
    def decline_rate(self) -> float | None:
        return self.declined / self.answered if self.answered else None


def chart_points(rows: list[tuple[date, str, str, int, int]]) -> list[ChartPoint]:
    """(bucket, currency, state, count, received) rows -> one point per bucket and currency,
    by currency, then by bucket."""
    found: dict[tuple[str, date], list[int]] = {}
    for day, currency, state, count, received in rows:
        parts = found.setdefault((currency, day), [0, 0, 0, 0])
        parts[0] += int(received or 0)
        parts[1] += int(count)
        if state in ANSWERED_STATES:
            parts[2] += int(count)
        if state in DECLINED_STATES:
            parts[3] += int(count)
    return [ChartPoint(day, currency, *parts) for (currency, day), parts in sorted(found.items())]
