"""Small text helpers shared by the screens: money, dates, payment states, in words."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from posdesk.domain.money import Money, format_money
from posdesk.domain.outcomes import (
    REASON_BUG,
    REASON_DECLINED_GENERIC,
    ChargeOutcome,
    unexplained_code,
)
from posdesk.domain.payment_state import PaymentState


def money_text(amount: int, currency: str, locale: str) -> str:
    try:
        return format_money(Money(amount, currency), locale)
    except ValueError:  # unknown locale in settings: still show the amount
        return format_money(Money(amount, currency), "en_US")


def local_time_text(moment: datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:  # SQLite hands back naive datetimes; they were written in UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def state_text(state: str) -> str:
    """A payment state in words a cashier uses."""
    translate = QCoreApplication.translate
    words = {
        PaymentState.PENDING: translate("PaymentState", "Sending to Stripe"),
        PaymentState.UNCONFIRMED: translate("PaymentState", "Checking with Stripe"),
        PaymentState.WAITING: translate("PaymentState", "Waiting for the customer"),
        PaymentState.SUCCEEDED: translate("PaymentState", "Paid"),
        PaymentState.PROCESSING: translate("PaymentState", "Processing"),
        PaymentState.REQUIRES_CAPTURE: translate("PaymentState", "Authorized, not captured"),
        PaymentState.DECLINED: translate("PaymentState", "Declined"),
        PaymentState.AUTHENTICATION_REQUIRED: translate(
            "PaymentState", "Needs customer to authenticate"
        ),
        PaymentState.FAILED: translate("PaymentState", "Failed, not charged"),
        PaymentState.CANCELED: translate("PaymentState", "Canceled"),
    }
    try:
        return words[PaymentState(state)]
    except ValueError:
        return state


def outcome_text(text: str) -> str:
    """Outcome wording comes from domain.outcomes in English; translations may map it under
    the "ChargeOutcome" context without the domain knowing about Qt."""
    return QCoreApplication.translate("ChargeOutcome", text) if text else ""


def outcome_code(outcome: ChargeOutcome) -> str | None:
    """The Stripe code to name under an outcome told in generic words ("The card was
    declined."), when PosDesk has no words of its own for it."""
    if outcome.reason not in (REASON_DECLINED_GENERIC, REASON_BUG):
        return None
    return unexplained_code(outcome.code, outcome.decline_code)


def code_details(code: str | None) -> str:
    """The details line for a code without words of its own: the code itself, which a
    manager can look up (Stripe's message never shows; it is written for developers)."""
    if not code:
        return ""
    return QCoreApplication.translate("ResultPanel", "Stripe code: %1").replace("%1", code)


def error_text(exc: BaseException, fallback: str) -> str:
    """The screen sentence a service error carries (`message`), else `fallback`.

    Only PosDesk's own exceptions carry `message`, and theirs are written to be shown; any
    other exception's text stays in the log.
    """
    message = getattr(exc, "message", None)
    return outcome_text(message) if isinstance(message, str) and message else fallback
