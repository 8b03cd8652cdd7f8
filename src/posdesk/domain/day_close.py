"""Close of day: what Stripe's balance says (balance transactions, payouts) as plain data, and
the X / Z report of one business day for one terminal or the whole store.

An X report can be made at any time and changes nothing; a Z report is the same report made
once per business day and scope, and marks that day closed (services/day_close.py). Both
count the shop's own records (payments and refund requests) of the business day in the
shop's time zone, and set beside them what Stripe's balance transactions say of the same
payments and refunds: Stripe's fees, the net, and the payouts the money landed in.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from posdesk.domain.messages import message, text


class ScopeKind(StrEnum):
    TERMINAL = "terminal"
    STORE = "store"


@dataclass(frozen=True, slots=True)
class Scope:
    """One terminal's takings, or the whole store's."""

    kind: ScopeKind
    terminal_id: str | None = None

    @classmethod
    def store(cls) -> Scope:
        return cls(ScopeKind.STORE)

    @classmethod
    def terminal(cls, terminal_id: str) -> Scope:
        return cls(ScopeKind.TERMINAL, terminal_id)

    @property
    def key(self) -> str:
        """What a closed day is recorded under: "store", or "terminal:<id>"."""
        if self.kind is ScopeKind.STORE:
            return "store"
        return f"terminal:{self.terminal_id}"


# --- what Stripe says -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BalanceTxn:
    """A balance transaction as Stripe describes it (amounts in minor units; `amount` is
    negative when money leaves, `net` = amount - fee)."""

    id: str
    type: str  # charge, refund, refund_failure, payout, ...
    source: str | None  # ch_..., re_..., po_...
    amount: int
    fee: int
    net: int
    currency: str  # upper case, as the shop's records keep it
    created: int
    available_on: int
    status: str  # pending / available
    reporting_category: str
    # The payment (pi_...) of a charge's transaction, when its source was read with it.
    payment_intent: str | None = None


@dataclass(frozen=True, slots=True)
class PayoutData:
    """A payout to the shop's bank account."""

    id: str
    amount: int
    currency: str
    arrival_date: int
    created: int
    status: str  # pending / in_transit / paid / failed / canceled
    automatic: bool


class StripeStatus(StrEnum):
    OK = "ok"
    NOT_PERMITTED = "not_permitted"  # a restricted key without the balance permission
    UNAVAILABLE = "unavailable"  # Stripe could not be asked (offline, refused, ...)
    NOT_CONFIGURED = "not_configured"  # no Stripe key on this terminal


FEES_NOT_PERMITTED = text(
    "day_close.fees_not_permitted",
    "Fees unavailable with this key: it may not read the Stripe balance.",
)
FEES_NOT_CONFIGURED = text(
    "day_close.fees_not_configured", "Fees unavailable: Stripe is not set up on this terminal."
)
FEES_UNAVAILABLE = message("day_close.fees_unavailable", "Fees unavailable: {reason}")
ALREADY_CLOSED = message(
    "day_close.already_closed",
    "{scope} was already closed for {day} (Z report no. {number}, by {staff} at {at}). "
    "Nothing was changed.",
)
SCOPE_STORE = text("day_close.scope_store", "The whole store")
SCOPE_TERMINAL = message("day_close.scope_terminal", "Terminal {name}")
DAY_IN_FUTURE = text("day_close.day_in_future", "A day that has not begun cannot be closed.")
UNKNOWN_TERMINAL = text("day_close.unknown_terminal", "This terminal is not one of the store's.")


@dataclass(frozen=True, slots=True)
class PayoutLine:
    """A payout that holds some of the day's money: how much of the day's net is in it."""

    payout_id: str
    amount: int  # the payout's whole amount
    of_this_day: int  # the net of this day's transactions paid out in it
    arrival_date: int
    status: str


@dataclass(frozen=True, slots=True)
class StripeFigures:
    """The day's payments and refunds as Stripe's balance has them (or why not)."""

    status: StripeStatus
    problem: str | None = None  # a sentence for staff when not OK
    charges_count: int = 0
    gross: int = 0  # what the day's charges brought in (before fees)
    refunds_count: int = 0
    refunded: int = 0  # what the day's refunds took back, as a positive amount
    fees: int = 0  # Stripe's fees on them
    net: int = 0  # what reaches the balance: gross - refunded - fees (+ failed refunds)
    pending: int = 0  # of `net`, not available yet
    not_paid_out: int = 0  # of `net`, in no payout yet
    # The day's payments and refunds Stripe has no balance transaction for (yet).
    missing: int = 0
    payouts: tuple[PayoutLine, ...] = ()


# --- the report -------------------------------------------------------------------------------


class ReportKind(StrEnum):
    X = "X"
    Z = "Z"


@dataclass(frozen=True, slots=True)
class StateLine:
    state: str  # a PaymentState or RefundState value
    count: int
    amount: int


@dataclass(frozen=True, slots=True)
class SplitLine:
    """One staff member's or one terminal's part of the day."""

    id: str
    name: str
    payments: int  # payments that went through
    sales: int
    refunds: int
    refunded: int

    @property
    def net(self) -> int:
        return self.sales - self.refunded


@dataclass(frozen=True, slots=True)
class Closed:
    """Who closed the day, when, and the Z report's number."""

    number: int
    closed_at: datetime  # UTC
    staff_id: str
    staff_name: str


@dataclass(frozen=True, slots=True)
class DayReport:
    kind: ReportKind
    shop_name: str
    shop_address: tuple[str, ...]
    locale: str
    scope: Scope
    scope_name: str
    business_date: date
    time_zone: str  # the zone the day is counted in, e.g. "Europe/Berlin" or "UTC+01:00"
    starts_at: datetime  # UTC, inclusive
    ends_at: datetime  # UTC, exclusive
    made_at: datetime  # UTC
    made_by: str  # the staff member's name
    currency: str
    payment_states: tuple[StateLine, ...]  # every payment of the day by state
    payments_count: int  # that went through (SUCCEEDED)
    sales: int  # what they brought in (amount received)
    refund_states: tuple[StateLine, ...]
    refunds_count: int  # that take money back (or may)
    refunded: int
    by_staff: tuple[SplitLine, ...]
    by_terminal: tuple[SplitLine, ...]
    stripe: StripeFigures
    # Payments in another currency than the shop's, not in the totals.
    other_currency: int = 0
    closed: Closed | None = None
    # A Z report read back from the store (printed again): says COPY.
    copy: bool = False

    @property
    def net(self) -> int:
        return self.sales - self.refunded

    @property
    def matches_stripe(self) -> bool:
        """Stripe's balance has exactly the day's sales and refunds."""
        return (self.stripe.status is StripeStatus.OK and self.stripe.missing == 0
                and self.stripe.gross == self.sales and self.stripe.refunded == self.refunded)


def _plain(value: object) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def report_json(report: DayReport) -> str:
    """The report's figures as JSON (what a Z report keeps in the store)."""
    data = _plain(asdict(report))
    data["net"] = report.net
    data["matches_stripe"] = report.matches_stripe
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def report_from_json(data: str) -> DayReport:
    """A report kept by `report_json` (a Z report in the store), as it was made."""
    d = json.loads(data)
    s = d["stripe"]
    closed = d.get("closed")
    return DayReport(
        kind=ReportKind(d["kind"]),
        shop_name=d["shop_name"],
        shop_address=tuple(d["shop_address"]),
        locale=d["locale"],
        scope=Scope(ScopeKind(d["scope"]["kind"]), d["scope"]["terminal_id"]),
        scope_name=d["scope_name"],
        business_date=date.fromisoformat(d["business_date"]),
        time_zone=d["time_zone"],
        starts_at=datetime.fromisoformat(d["starts_at"]),
        ends_at=datetime.fromisoformat(d["ends_at"]),
        made_at=datetime.fromisoformat(d["made_at"]),
        made_by=d["made_by"],
        currency=d["currency"],
        payment_states=tuple(StateLine(**line) for line in d["payment_states"]),
        payments_count=d["payments_count"],
        sales=d["sales"],
        refund_states=tuple(StateLine(**line) for line in d["refund_states"]),
        refunds_count=d["refunds_count"],
        refunded=d["refunded"],
        by_staff=tuple(SplitLine(**line) for line in d["by_staff"]),
        by_terminal=tuple(SplitLine(**line) for line in d["by_terminal"]),
        stripe=StripeFigures(
            **{k: v for k, v in s.items() if k not in ("status", "payouts")},
            status=StripeStatus(s["status"]),
            payouts=tuple(PayoutLine(**line) for line in s["payouts"]),
        ),
        other_currency=d.get("other_currency", 0),
        closed=Closed(closed["number"], datetime.fromisoformat(closed["closed_at"]),
                      closed["staff_id"], closed["staff_name"]) if closed else None,
        copy=bool(d.get("copy", False)),
    )
