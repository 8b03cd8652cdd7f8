"""A payment's timeline in words (the payment detail's Timeline table).

The history service hands over stored names: the Stripe event types sync kept for the
payment (sync/applier.py `_note_for_timeline`: events about a payment intent, its charge or
a refund), the audit actions about the payment, its intent, its refunds or its payment
request, and their statuses and outcomes. Here each known name has one sentence; a name this
version does not know reads as itself with its underscores and dots as spaces, so a new
one still shows something readable.

A payment's and a refund's states read as everywhere else (gui/payments/outcome_view.py);
this module only decides which of them a Stripe status or an audit outcome is.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from posdesk.domain.history import TimelineEntry, TimelineKind
from posdesk.domain.payment_requests import REQUEST_STATE_WORDS, RequestState
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.refunds import RefundState
from posdesk.gui.formatting import money_text
from posdesk.gui.messages import words
from posdesk.gui.payments.outcome_view import refund_state_text, state_text

# lupdate reads the literal context and text of each call.
translate = QCoreApplication.translate


class Subject(StrEnum):
    """What a status or an outcome is about: it decides whose words it takes."""

    PAYMENT = "payment"
    REFUND = "refund"
    CAPTURE = "capture"
    REQUEST = "request"
    OTHER = "other"


# --- what happened ------------------------------------------------------------------------------


def event_words() -> dict[str, str]:
    """Every Stripe event type about a payment intent, its charge or a refund (what sync
    keeps for the timeline), as staff read it."""
    return {
        "payment_intent.created": translate("TimelineWords", "Stripe: payment created"),
        "payment_intent.processing": translate("TimelineWords", "Stripe: payment processing"),
        "payment_intent.requires_action": translate(
            "TimelineWords", "Stripe: customer must authenticate"),
        "payment_intent.amount_capturable_updated": translate(
            "TimelineWords", "Stripe: payment authorized"),
        "payment_intent.partially_funded": translate(
            "TimelineWords", "Stripe: payment partly funded"),
        "payment_intent.succeeded": translate("TimelineWords", "Stripe: payment succeeded"),
        "payment_intent.payment_failed": translate("TimelineWords", "Stripe: payment failed"),
        "payment_intent.canceled": translate("TimelineWords", "Stripe: payment canceled"),
        "charge.pending": translate("TimelineWords", "Stripe: charge pending"),
        "charge.succeeded": translate("TimelineWords", "Stripe: card charged"),
        "charge.failed": translate("TimelineWords", "Stripe: charge failed"),
        "charge.captured": translate("TimelineWords", "Stripe: payment captured"),
        "charge.expired": translate("TimelineWords", "Stripe: authorization expired"),
        "charge.updated": translate("TimelineWords", "Stripe: charge updated"),
        "charge.refunded": translate("TimelineWords", "Stripe: payment refunded"),
        "charge.refund.updated": translate("TimelineWords", "Stripe: refund updated"),
        "refund.created": translate("TimelineWords", "Stripe: refund created"),
        "refund.updated": translate("TimelineWords", "Stripe: refund updated"),
        "refund.failed": translate("TimelineWords", "Stripe: refund failed"),
    }


# Every audit action that can be about a payment, its intent, its refunds, its capture, its
# receipt or its payment request (services/guard.py's operations, and the actions card
# entry and settling write), and what its outcome is about.
ACTION_SUBJECTS: dict[str, Subject] = {
    "charge": Subject.PAYMENT,
    "charge_with_cvc": Subject.PAYMENT,
    "card_entry_start": Subject.PAYMENT,
    "card_entry_save_consent": Subject.OTHER,
    "card_entry_attempt": Subject.PAYMENT,
    "card_entry_check": Subject.PAYMENT,
    "card_entry_abandon": Subject.PAYMENT,
    "card_entry_payment": Subject.PAYMENT,
    "card_entry_authenticate": Subject.PAYMENT,
    "authenticate_payment": Subject.PAYMENT,
    "card_entry_cvc": Subject.PAYMENT,
    "settle_charge": Subject.PAYMENT,
    "view_payment_detail": Subject.OTHER,
    "refund": Subject.REFUND,
    "settle_refund": Subject.REFUND,
    "view_refunds": Subject.OTHER,
    "approve": Subject.OTHER,
    "capture": Subject.CAPTURE,
    "release_authorisation": Subject.CAPTURE,
    "settle_capture": Subject.PAYMENT,  # its outcome is the payment's, as Stripe tells it
    "view_authorisations": Subject.OTHER,
    "view_receipt": Subject.OTHER,
    "print_receipt": Subject.OTHER,
    "save_receipt_pdf": Subject.OTHER,
    "email_receipt": Subject.OTHER,
    "resend_receipt": Subject.OTHER,
    "payment_request": Subject.REQUEST,
    "payment_request_authenticate": Subject.REQUEST,
    "expire_payment_request": Subject.REQUEST,
    "view_payment_requests": Subject.OTHER,
}


def action_words() -> dict[str, str]:
    """Every action of ACTION_SUBJECTS as staff read it."""
    return {
        "charge": translate("TimelineWords", "Charged a saved card"),
        "charge_with_cvc": translate(
            "TimelineWords", "Charged a saved card with its security code"),
        "card_entry_start": translate("TimelineWords", "Card entry opened"),
        "card_entry_save_consent": translate("TimelineWords", "Asked to save the card"),
        "card_entry_attempt": translate("TimelineWords", "Card tried at the counter"),
        "card_entry_check": translate("TimelineWords", "Card entry checked with Stripe"),
        "card_entry_abandon": translate("TimelineWords", "Card entry closed"),
        "card_entry_payment": translate("TimelineWords", "Card payment at the counter"),
        "card_entry_authenticate": translate(
            "TimelineWords", "Customer authentication opened"),
        "authenticate_payment": translate("TimelineWords", "Customer authentication"),
        "card_entry_cvc": translate("TimelineWords", "Security code entry opened"),
        "settle_charge": translate("TimelineWords", "Payment checked with Stripe"),
        "view_payment_detail": translate("TimelineWords", "Payment opened"),
        "refund": translate("TimelineWords", "Refund requested"),
        "settle_refund": translate("TimelineWords", "Refund checked with Stripe"),
        "view_refunds": translate("TimelineWords", "Refunds looked up"),
        "approve": translate("TimelineWords", "Manager approval"),
        "capture": translate("TimelineWords", "Capture"),
        "release_authorisation": translate("TimelineWords", "Authorization release"),
        "settle_capture": translate("TimelineWords", "Capture checked with Stripe"),
        "view_authorisations": translate("TimelineWords", "Open authorizations looked up"),
        "view_receipt": translate("TimelineWords", "Receipt preview"),
        "print_receipt": translate("TimelineWords", "Receipt printed"),
        "save_receipt_pdf": translate("TimelineWords", "Receipt saved as PDF"),
        "email_receipt": translate("TimelineWords", "Receipt emailed"),
        "resend_receipt": translate("TimelineWords", "Receipt emailed again"),
        "payment_request": translate("TimelineWords", "Payment request created"),
        "payment_request_authenticate": translate(
            "TimelineWords", "Sent as a link to authenticate"),
        "expire_payment_request": translate("TimelineWords", "Payment request ended"),
        "view_payment_requests": translate("TimelineWords", "Payment request looked up"),
    }


def created_words() -> str:
    return translate("TimelineWords", "Payment recorded here")


def readable(name: str) -> str:
    """A name without words of its own: "partially_captured" -> "Partially captured"."""
    spaced = " ".join(name.replace("_", " ").replace(".", " ").split())
    if not spaced:
        return translate("TimelineWords", "Unknown")
    return spaced[0].upper() + spaced[1:]


def event_title(event_type: str) -> str:
    known = event_words().get(event_type)
    if known is not None:
        return known
    return translate("TimelineWords", "Stripe: %1").replace("%1", readable(event_type).lower())


def action_title(action: str) -> str:
    return action_words().get(action) or readable(action)


# --- statuses and outcomes ------------------------------------------------------------------


def event_subject(event_type: str) -> Subject:
    """A refund's events carry the refund's status and amount; the others the payment's."""
    if event_type.startswith(("refund.", "charge.refund.")):
        return Subject.REFUND
    return Subject.PAYMENT


def _stripe_payment_states() -> dict[str, PaymentState]:
    """A payment intent's or charge's Stripe status -> the payment state it reads as."""
    return {
        "succeeded": PaymentState.SUCCEEDED,
        "processing": PaymentState.PROCESSING,
        "pending": PaymentState.PROCESSING,  # a charge Stripe is still finishing
        "requires_capture": PaymentState.REQUIRES_CAPTURE,
        "requires_action": PaymentState.AUTHENTICATION_REQUIRED,
        "canceled": PaymentState.CANCELED,
        "failed": PaymentState.FAILED,
    }


def _stripe_only_words() -> dict[str, str]:
    """A payment intent's statuses that no payment state here stands for."""
    return {
        "requires_payment_method": translate("TimelineWords", "Waiting for a card"),
        "requires_confirmation": translate("TimelineWords", "Waiting to be confirmed"),
    }


def _capture_words() -> dict[str, str]:
    """The outcomes of a capture or release (domain.captures.CaptureKind)."""
    return {
        "captured": translate("TimelineWords", "Captured"),
        "released": translate("TimelineWords", "Released, nothing taken"),
        "unconfirmed": translate("TimelineWords", "Not confirmed yet"),
    }


def _outcome_words() -> dict[str, str]:
    """Outcomes any action may have (the guard's refusals, Stripe out of reach, …)."""
    return {
        "denied": translate("TimelineWords", "Not allowed"),
        "approval_required": translate("TimelineWords", "Needed a manager's approval"),
        "confirmation_required": translate("TimelineWords", "Needed a confirmation"),
        "approved": translate("TimelineWords", "Approved"),
        "refused": translate("TimelineWords", "Refused"),
        "started": translate("TimelineWords", "Started"),
        "consented": translate("TimelineWords", "Customer agreed"),
        "declined": translate("TimelineWords", "Declined"),
        "failed": translate("TimelineWords", "Failed"),
        "abandoned": translate("TimelineWords", "Abandoned"),
        "canceled": translate("TimelineWords", "Canceled"),
        "made": translate("TimelineWords", "Done"),
        "sent": translate("TimelineWords", "Sent"),
        "unavailable": translate("TimelineWords", "Stripe could not be reached"),
        "rate_limited": translate("TimelineWords", "Stripe was busy"),
        "configuration_problem": translate("TimelineWords", "Stripe set-up problem"),
        "bug": translate("TimelineWords", "Stripe refused the request"),
        "wrong_pin": translate("TimelineWords", "Wrong PIN"),
        "no_account": translate("TimelineWords", "No such staff account"),
        "delayed": translate("TimelineWords", "Too many tries: had to wait"),
    }


def _is_value(kind: type[StrEnum], value: str) -> bool:
    return value in {member.value for member in kind}


def status_text(subject: Subject, status: str, *, stripe: bool = False) -> str:
    """A status or outcome in words. `stripe`: a Stripe object's own status (an event's),
    not one of PosDesk's states or outcomes."""
    if not status:
        return ""
    if subject is Subject.PAYMENT:
        found = _stripe_payment_states().get(status) if stripe else None
        if found is None and _is_value(PaymentState, status):
            found = PaymentState(status)
        if found is not None:
            return state_text(found.value)
        only = _stripe_only_words().get(status)
        if only is not None:
            return only
    elif subject is Subject.REFUND and _is_value(RefundState, status):
        return refund_state_text(RefundState(status))
    elif subject is Subject.REQUEST and _is_value(RequestState, status):
        return words(REQUEST_STATE_WORDS[RequestState(status)])
    elif subject is Subject.CAPTURE and status in _capture_words():
        return _capture_words()[status]
    return _outcome_words().get(status) or readable(status)


# --- one row --------------------------------------------------------------------------------


def what_text(entry: TimelineEntry) -> str:
    if entry.kind is TimelineKind.CREATED:
        return created_words()
    if entry.kind is TimelineKind.EVENT:
        return event_title(entry.title)
    return action_title(entry.title)


def details_text(entry: TimelineEntry, locale: str) -> str:
    """The status in words, and the amount as money in the UI's locale."""
    if entry.kind is TimelineKind.AUDIT:
        subject = ACTION_SUBJECTS.get(entry.title, Subject.OTHER)
        return status_text(subject, entry.status)
    if entry.kind is TimelineKind.CREATED:
        status = status_text(Subject.PAYMENT, entry.status)
    else:
        status = status_text(event_subject(entry.title), entry.status, stripe=True)
    return " · ".join(w for w in (status, _amount_text(entry, locale)) if w)


def _amount_text(entry: TimelineEntry, locale: str) -> str:
    if entry.amount is None or not entry.currency:
        return ""
    money = money_text(entry.amount, entry.currency, locale)
    if entry.kind is TimelineKind.EVENT and entry.title.startswith("charge.") \
            and event_subject(entry.title) is Subject.PAYMENT:
        # A charge's amount is what is refunded of it so far (sync/applier.py).
        if not entry.amount:
            return ""
        return translate("TimelineWords", "%1 refunded in all").replace("%1", money)
    return money


__all__ = [
    "ACTION_SUBJECTS",
    "Subject",
    "action_title",
    "action_words",
    "created_words",
    "details_text",
    "event_title",
    "event_words",
    "readable",
    "status_text",
    "what_text",
]
