"""Small text helpers shared by the screens: money, dates, outcomes and codes, in words.

Payment states and outcomes read as gui.payments.outcome_view says (one wording each)."""

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
from posdesk.domain.roles import ROLE_NAMES, Role


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


def outcome_text(text: str) -> str:
    """A sentence from the domain or the services (a message id with parameters, or its
    stored English) in the UI language; see gui/messages.py."""
    from posdesk.gui.messages import words  # here: the rest of this module is another area's

    return words(text)


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
    from posdesk.gui.messages import words  # here: the rest of this module is another area's

    message = getattr(exc, "message", None)
    return words(message) if isinstance(message, str) and message else fallback


def role_words(role: Role) -> str:
    """A role as staff read it, in the UI language (one wording: domain.roles.ROLE_NAMES)."""
    return outcome_text(ROLE_NAMES[role])


def sentences(*parts: str) -> str:
    """Sentences one after the other, as the UI language writes them: English puts a space
    between them, Chinese none (the joining pattern is in the catalogue)."""
    joined = ""
    for part in parts:
        if not part:
            continue
        joined = part if not joined else QCoreApplication.translate(
            "Sentences", "%1 %2", "two sentences one after the other").replace(
                "%1", joined, 1).replace("%2", part, 1)
    return joined
