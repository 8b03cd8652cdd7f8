"""One wording per payment state: both payment dialogs take their words from
gui.payments.outcome_view, so the same payment reads the same in each."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from posdesk.backend import (
    FLOW_PAYMENT,
    CardEntryResult,
    CardSummary,
    CustomerRecord,
    PaymentRecord,
    outcome_for_record,
)
from posdesk.domain.money import Money
from posdesk.domain.outcomes import ChargeOutcome, OutcomeKind
from posdesk.domain.payment_state import PaymentState
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.payments import outcome_view
from posdesk.gui.payments.card_entry_dialog import CardEntryDialog
from posdesk.gui.payments.charge_dialog import ChargeDialog

pytestmark = pytest.mark.gui

AMOUNT = Money(4250, "USD")
CUSTOMER = CustomerRecord(id="cus_words", name="Ada Lovelace")
CARD = CardSummary(id="pm_words", brand="visa", last4="4242", exp_month=12, exp_year=2040,
                   expired=False, expires_soon=False, is_default=True, wallet=None)


def record_in(state: PaymentState) -> PaymentRecord:
    return PaymentRecord(id=f"pay-{state}", idempotency_key=f"key-{state}", amount=4250,
                         currency="usd", state=state.value, staff_id="staff-test",
                         created_at=datetime.now(UTC))


@pytest.fixture
def dialogs(qtbot, gui_app, gui_context):
    runner = TaskRunner()
    charge = ChargeDialog(gui_context, runner, CUSTOMER, CARD)
    entry = CardEntryDialog(gui_context, runner, CUSTOMER)
    for dialog in (charge, entry):
        qtbot.addWidget(dialog)
    return charge, entry


def test_every_payment_state_has_exactly_one_wording(gui_app) -> None:
    words = outcome_view.state_words()
    assert set(words) == set(PaymentState)
    assert all(words[state] for state in PaymentState)
    assert len(set(words.values())) == len(PaymentState)  # no two states read alike
    assert outcome_view.state_text("some_future_state") == "some_future_state"


@pytest.mark.parametrize("state", list(PaymentState))
def test_both_dialogs_say_the_same_for_a_state(dialogs, state: PaymentState) -> None:
    charge, entry = dialogs
    outcome = outcome_for_record(record_in(state))
    in_charge = charge.view_for(outcome, AMOUNT, state=state)
    in_entry = entry.view_for(CardEntryResult(flow=FLOW_PAYMENT, outcome=outcome,
                                              payment_id="pay", amount=AMOUNT, state=state))
    same = ("tone", "icon", "title", "amount", "details", "settling")
    assert {f: getattr(in_charge, f) for f in same} == {f: getattr(in_entry, f) for f in same}
    if outcome.kind is OutcomeKind.AUTHENTICATION_REQUIRED:
        # Off-session, the charge dialog adds what that means without the customer: the
        # shared words come first, unchanged.
        assert in_charge.body.startswith(in_entry.body)
        assert in_charge.next_step.startswith(in_entry.next_step)
    else:
        assert (in_charge.body, in_charge.next_step) == (in_entry.body, in_entry.next_step)
    # And the screen shows exactly that.
    charge._show(in_charge)
    entry._show(in_entry)
    assert charge.result_title.text() == entry.result_panel.title.text() == in_charge.title


def test_an_authorized_payment_reads_alike_in_both_dialogs(dialogs) -> None:
    # Card entry used to call it "Processing"; the charge dialog, what it is.
    charge, entry = dialogs
    outcome = ChargeOutcome.of(OutcomeKind.REQUIRES_CAPTURE)
    assert charge.view_for(outcome, AMOUNT).title == "Authorized, not yet captured"
    assert entry.view_for(CardEntryResult(flow=FLOW_PAYMENT, outcome=outcome, amount=AMOUNT,
                                          state=PaymentState.REQUIRES_CAPTURE)).title == (
        "Authorized, not yet captured")
    assert outcome_view.state_text("requires_capture") == "Authorized, not yet captured"


def test_one_card_label_and_one_amount_text(gui_app) -> None:
    assert outcome_view.card_label(CARD) == "Visa •••• 4242"
    amex = CardSummary(id="pm", brand="amex", last4="0005", exp_month=None, exp_year=None,
                       expired=False, expires_soon=False, is_default=False, wallet="apple_pay")
    assert outcome_view.card_label(amex) == "American Express •••• 0005 (Apple Pay)"
    # Every screen names a brand as the card does: "JCB", not "Jcb" (history once did).
    assert outcome_view.card_label_of("jcb", "0505") == "JCB •••• 0505"
    assert outcome_view.card_label_of("eftpos_au", "0001") == "eftpos Australia •••• 0001"
    assert outcome_view.card_label_of("cartes_bancaires", "1001") == "Cartes Bancaires •••• 1001"
    assert outcome_view.card_label_of(None, None) == ""
    assert outcome_view.amount_text(AMOUNT, "en_US", charged=True) == "$42.50 charged"
    assert outcome_view.amount_text(AMOUNT, "en_US", charged=False) == "$42.50 not charged"
    assert outcome_view.amount_text(AMOUNT, "xx_NOWHERE", charged=None) == "$42.50"
