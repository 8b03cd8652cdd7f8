"""The payment timeline's words: every Stripe event type sync keeps for a payment and every
audit action that can be about a payment has a sentence (a new one fails here until it gets
one), every status and outcome of theirs reads in words, and a name this version does not
know still reads as something (never blank, never a crash)."""

from __future__ import annotations

import ast
import typing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from stripe import Charge, PaymentIntent
from stripe.params._webhook_endpoint_create_params import WebhookEndpointCreateParams

from posdesk.domain.captures import CaptureKind
from posdesk.domain.history import TimelineEntry, TimelineKind
from posdesk.domain.outcomes import OutcomeKind
from posdesk.domain.payment_requests import RequestState
from posdesk.domain.refunds import RefundState
from posdesk.gui.formatting import money_text
from posdesk.gui.history import timeline_words
from posdesk.gui.history.timeline_words import ACTION_SUBJECTS, Subject
from posdesk.services import guard
from posdesk.store.database import Store
from posdesk.store.history import payment_events
from posdesk.sync.applier import EventApplier
from tests.sync.conftest import event, intent

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
AT = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)

# Audit actions never about a payment, its refunds, its capture, its receipt or its payment
# request: their targets are customers, cards, staff, settings, reports or links.
NOT_ABOUT_A_PAYMENT = frozenset({
    "card_entry_setup", "save_card", "create_customer", "edit_customers", "detach_card",
    "set_default_card", "search_customers", "view_customer",
    "sign_in", "sign_out", "create_first_manager", "list_staff", "add_staff",
    "update_staff", "set_pin", "change_own_pin",
    "shop_setting", "check_stripe_key", "save_stripe_keys", "terminal_setting",
    "list_terminals", "rename_terminal", "switch_store",
    "view_audit", "verify_audit", "export_audit", "view_history", "export_history",
    "x_report", "z_report",
    "create_payment_link", "deactivate_payment_link", "view_payment_links",
})


# --- Stripe's events ---------------------------------------------------------------------------


def stripe_event_types() -> list[str]:
    """Every event type Stripe sends (stripe-python's list for webhook endpoints)."""
    listed = WebhookEndpointCreateParams.__annotations__["enabled_events"]
    return [t for t in typing.get_args(typing.get_args(listed)[0]) if t != "*"]


# Stripe names a nested object's events by its parent; the object itself is this.
NESTED_OBJECTS = {"charge.refund": "refund", "charge.dispute": "dispute",
                  "application_fee.refund": "fee_refund"}


def object_of(event_type: str) -> dict[str, Any]:
    """An object of the kind `event_type` is about, tied to the payment intent pi_T."""
    resource = event_type.rsplit(".", 1)[0]
    kind = NESTED_OBJECTS.get(resource, resource)
    if kind == "payment_intent":
        return intent("pi_T", "succeeded")
    common = {"payment_intent": "pi_T", "amount": 500, "currency": "usd", "metadata": {},
              "created": 1_790_000_000}
    if kind == "charge":
        return {**common, "id": "ch_T", "object": "charge", "status": "succeeded",
                "amount_refunded": 0, "captured": True, "refunded": False}
    if kind == "refund":
        return {**common, "id": "re_T", "object": "refund", "status": "succeeded"}
    return {**common, "id": f"{kind.replace('.', '_')}_T", "object": kind}


def test_stripe_sends_the_event_types_of_payments_this_test_knows() -> None:
    types = stripe_event_types()
    assert len(types) > 200 and "payment_intent.succeeded" in types
    assert "charge.refund.updated" in types and "refund.created" in types


def test_every_event_type_sync_keeps_for_a_timeline_has_words(tmp_store: Store) -> None:
    """Each of Stripe's event types goes through the real applier; every one it keeps for
    a payment's timeline must have a sentence."""
    applier = EventApplier(tmp_store)
    for offset, event_type in enumerate(stripe_event_types()):
        applier.apply([event(event_type, object_of(event_type), 1_790_000_000 + offset)])
    kept = {e.type for e in payment_events(tmp_store, "pi_T", limit=1000)}
    # The applier keeps the events about an intent, its charge and its refunds.
    assert {"payment_intent.succeeded", "charge.refunded", "refund.created",
            "charge.refund.updated"} <= kept
    assert not any(t.startswith("charge.dispute.") for t in kept)
    assert sorted(kept - set(timeline_words.event_words())) == []
    # And no words for a type Stripe does not send.
    assert sorted(set(timeline_words.event_words()) - set(stripe_event_types())) == []


def stripe_statuses(cls: type) -> set[str]:
    listed = typing.get_args(cls.__annotations__["status"])[0]
    return set(typing.get_args(listed))


@pytest.mark.parametrize("event_type, statuses", [
    ("payment_intent.succeeded", stripe_statuses(PaymentIntent)),
    ("charge.succeeded", stripe_statuses(Charge)),
    # Stripe types a refund's status as a plain string; these are the ones it documents.
    ("refund.updated", {"pending", "requires_action", "succeeded", "failed", "canceled"}),
])
def test_every_stripe_status_reads_in_words(event_type: str, statuses: set[str]) -> None:
    assert len(statuses) >= 3
    subject = timeline_words.event_subject(event_type)
    for status in statuses:
        shown = timeline_words.status_text(subject, status, stripe=True)
        assert shown and "_" not in shown and shown != status, status
    assert timeline_words.status_text(Subject.REFUND, "succeeded", stripe=True) == "Refunded"
    assert timeline_words.status_text(Subject.PAYMENT, "succeeded", stripe=True) == "Paid"


# --- audit actions -----------------------------------------------------------------------------


def guard_actions() -> set[str]:
    """Every action a guard operation is audited under (and refused under)."""
    found: set[str] = set()
    for value in vars(guard).values():
        if isinstance(value, guard.Operation):
            found.add(value.action)
            if value.denied_action:
                found.add(value.denied_action)
    return found


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def written_actions() -> set[str]:
    """The actions the services and the ledger write as literals, outside the guard's
    declarations: `_audit(session, "card_entry_start", …)`, `guard.record(staff, "…", …)`,
    `audit.append(id, name, "settle_refund", …)`, `audit_payment("settle_charge", …)`, and
    `action = {flow: "…"}`."""
    positions = {"_audit": 1, "record": 1, "append": 2, "audit_payment": 0}
    found: set[str] = set()
    for folder in ("services", "ledger"):
        for path in sorted((ROOT / "src" / "posdesk" / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                    index = positions.get(node.func.attr)
                    name = _literal(node.args[index]) if index is not None \
                        and len(node.args) > index else None
                    if name:
                        found.add(name)
                elif isinstance(node, ast.Assign) and any(
                        isinstance(t, ast.Name) and t.id == "action" for t in node.targets):
                    value = node.value  # `action = {…}` or `action = {…}[flow]`
                    value = value.value if isinstance(value, ast.Subscript) else value
                    if isinstance(value, ast.Dict):
                        found |= {v for v in map(_literal, value.values) if v}
    return found


def test_the_scans_find_the_actions_audit_rows_carry() -> None:
    assert {"charge", "refund", "capture", "release_authorisation", "print_receipt",
            "payment_request"} <= guard_actions()
    assert {"card_entry_start", "card_entry_payment", "authenticate_payment",
            "charge_with_cvc", "settle_charge", "settle_refund", "settle_capture",
            "save_card"} <= written_actions()


def test_every_action_about_a_payment_has_words() -> None:
    """A new action fails here: give it words in timeline_words, or name it above as not
    about a payment."""
    words = timeline_words.action_words()
    unnamed = sorted((guard_actions() | written_actions()) - set(words) - NOT_ABOUT_A_PAYMENT)
    assert unnamed == []
    assert set(words) == set(ACTION_SUBJECTS)
    assert not set(words) & NOT_ABOUT_A_PAYMENT
    assert sorted(set(words) - guard_actions() - written_actions()) == []
    assert all(w and "_" not in w for w in words.values())


@pytest.mark.parametrize("subject, outcomes", [
    (Subject.PAYMENT, [k.value for k in OutcomeKind]),
    (Subject.REFUND, [s.value for s in RefundState]),
    (Subject.CAPTURE, [k.value for k in CaptureKind]),
    (Subject.REQUEST, [s.value for s in RequestState]),
    (Subject.OTHER, ["denied", "approval_required", "confirmation_required", "made", "sent",
                     "started", "consented", "declined", "failed", "abandoned", "approved",
                     "wrong_pin", "no_account", "delayed"]),
])
def test_every_outcome_reads_in_words(subject: Subject, outcomes: list[str]) -> None:
    # Refusals and Stripe out of reach can end any operation.
    for outcome in [*outcomes, "denied", "approval_required", "unavailable", "bug"]:
        shown = timeline_words.status_text(subject, outcome)
        assert shown and "_" not in shown and shown != outcome, (subject, outcome)


# --- names without words -----------------------------------------------------------------------


def test_an_unknown_name_reads_as_itself_in_plain_words() -> None:
    assert timeline_words.event_title("payment_intent.partially_captured") == (
        "Stripe: payment intent partially captured")
    assert timeline_words.action_title("split_the_bill") == "Split the bill"
    assert timeline_words.status_text(Subject.PAYMENT, "requires_something_new") == (
        "Requires something new")
    assert timeline_words.status_text(Subject.REFUND, "on_hold", stripe=True) == "On hold"
    assert timeline_words.readable("") == "Unknown"
    assert timeline_words.readable("._") == "Unknown"


@pytest.mark.parametrize("entry", [
    TimelineEntry(AT, TimelineKind.EVENT, "treasury.new_thing", "weird_state", 100, "USD"),
    TimelineEntry(AT, TimelineKind.EVENT, "", "", None, ""),
    TimelineEntry(AT, TimelineKind.AUDIT, "brand_new_action", "odd_outcome"),
    TimelineEntry(AT, TimelineKind.AUDIT, "", ""),
    TimelineEntry(AT, TimelineKind.CREATED, "created", "a_future_state", 1250, "XYZ"),
])
def test_an_unknown_entry_never_blanks_or_breaks_a_row(entry: TimelineEntry) -> None:
    what = timeline_words.what_text(entry)
    assert what.strip() and "_" not in what
    details = timeline_words.details_text(entry, "en_US")
    assert "_" not in details
    if entry.status:
        assert details.strip()


def test_amounts_read_as_money_in_the_ui_locale() -> None:
    refund = TimelineEntry(AT, TimelineKind.EVENT, "refund.created", "succeeded", 1250, "USD")
    assert timeline_words.details_text(refund, "en_US") == "Refunded · $12.50"
    charge = TimelineEntry(AT, TimelineKind.EVENT, "charge.refunded", "succeeded", 1250, "EUR")
    assert timeline_words.details_text(charge, "de_DE") == (
        f"Paid · {money_text(1250, 'EUR', 'de_DE')} refunded in all")
    nothing_back = TimelineEntry(AT, TimelineKind.EVENT, "charge.succeeded", "succeeded", 0,
                                 "USD")
    assert timeline_words.details_text(nothing_back, "en_US") == "Paid"
    created = TimelineEntry(AT, TimelineKind.CREATED, "created", "requires_capture", 500, "JPY")
    assert timeline_words.details_text(created, "en_US") == (
        "Authorized, not yet captured · ¥500")
