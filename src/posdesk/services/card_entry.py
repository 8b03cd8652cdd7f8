"""Taking a card with the customer present, through Stripe's Payment Element in the checkout
page: pay with a new card (optionally saving it), save a card without charging, finish a
payment that needed the customer's authentication, and charge a saved card with a freshly
collected CVC.

The page only ever gets the publishable key and one client secret. Whatever it reports, the
outcome recorded here is what Stripe says when asked afterwards through the gateway.

Money safety: a payment is written (PENDING, with its idempotency key) before its intent is
created, and carries `posdesk_payment_id` in the intent's metadata, so a crash at any point
is settled by the ledger (posdesk.ledger.payments) into exactly one record. While the dialog
is open the payment is held from that settling, which would otherwise read the intent the
customer is still typing into as "not completed". Writing, holding, sending and recording are
the ledger's; this module only runs the card form's flows on it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from posdesk.card_page.protocol import PageError, page_config
from posdesk.domain.messages import message, text
from posdesk.domain.money import Money
from posdesk.domain.outcomes import (
    DECLINE_WORDING,
    FORM_INCOMPLETE,
    FORM_WORDING,
    NEXT_STEP_AUTHENTICATION_FAILED,
    NEXT_STEP_FORM_RETRY,
    REASON_AUTHENTICATION_FAILED,
    REASON_FORM_FAILED,
    REASON_FORM_UNREACHABLE,
    ChargeOutcome,
    OutcomeKind,
    decline_wording,
    unexplained_code,
)
from posdesk.domain.payment_state import PaymentState
from posdesk.domain.roles import StaffMember
from posdesk.gateway.card_entry import CardEntryGateway, ClientSecret, IntentState, SetupState
from posdesk.gateway.client import StripeGateway
from posdesk.gateway.errors import GatewayError
from posdesk.ledger.payments import METADATA_STAFF_ID, intent_metadata
from posdesk.services import guard, payment_input
from posdesk.services.approval import Approvals
from posdesk.services.charges import ChargeService, charge_request, payment_ledger
from posdesk.services.errors import InputError, StripeNotConfigured
from posdesk.services.payment_input import check_chargeable
from posdesk.services.staff import Approval
from posdesk.store.audit import AuditLog
from posdesk.store.database import Store
from posdesk.store.models import PaymentMethodRecord
from posdesk.store.payment_methods import PaymentMethodRepository

log = logging.getLogger(__name__)

METADATA_SETUP_ID = "posdesk_setup_id"

MESSAGE_NO_PUBLISHABLE_KEY = text(
    "card_entry.no_publishable_key",
    "Card entry needs Stripe's publishable key (pk_…). Ask a manager to add it in the settings.",
)
MESSAGE_NOT_AWAITING_AUTHENTICATION = text(
    "card_entry.not_awaiting_authentication",
    "This payment is not waiting for the customer to authenticate. Open the customer again.",
)
MESSAGE_NO_CARD_ON_INTENT = text(
    "card_entry.no_card_on_intent", "This payment has no card the customer could confirm."
)
MESSAGE_SESSION_OVER = text(
    "card_entry.session_over", "This card entry is already finished. Start a new one."
)
MESSAGE_HELD_ELSEWHERE = text(
    "card_entry.held_elsewhere",
    "Another terminal is handling this payment right now. Finish it there, or try again in a "
    "minute.",
)

FLOW_PAYMENT = "payment"
FLOW_SETUP = "setup"
FLOW_AUTHENTICATE = "authenticate"
FLOW_CVC = "cvc"

# Stripe.js's code when the customer fails (or cancels) a 3D Secure challenge.
AUTHENTICATION_FAILURE = "payment_intent_authentication_failure"
SETUP_AUTHENTICATION_FAILURE = "setup_intent_authentication_failure"
REASON_CARD_SAVED = text("card_entry.card_saved", "The card is saved for future purchases.")
REASON_CARD_NOT_SAVED = text("card_entry.card_not_saved", "The card was not saved.")
# ... followed by why, as the decline wording says it.
REASON_CARD_NOT_SAVED_BECAUSE = message(
    "card_entry.card_not_saved_because", "The card was not saved. {reason}"
)


@dataclass
class CardEntrySession:
    """One card entry in one dialog. Holds the client secret in a `ClientSecret` (never
    printed); `finished` once the outcome is recorded."""

    flow: str
    staff: StaffMember
    customer_id: str
    intent_id: str | None = None
    client_secret: ClientSecret | None = field(default=None, repr=False)
    payment_id: str | None = None
    amount: Money | None = None
    description: str | None = None
    payment_method: str | None = None
    allow_save: bool = False
    save_card: bool = False
    finished: bool = False
    # The manager who approved this payment (approved_by, approved_by_name), for its audit.
    approved: dict[str, object] = field(default_factory=dict)

    def config_json(
        self,
        publishable_key: str,
        return_url: str,
        *,
        amount_label: str | None = None,
        card_label: str | None = None,
        description: str | None = None,
        locale: str | None = None,
        texts: Mapping[str, str] | None = None,
    ) -> str:
        """What the bridge's `config()` hands the page: the publishable key and this
        session's one client secret, nothing else that is secret (and the page's words)."""
        return page_config(
            flow=self.flow,
            publishable_key=publishable_key,
            client_secret=self.client_secret.reveal() if self.client_secret else None,
            return_url=return_url,
            amount_label=amount_label,
            allow_save=self.allow_save,
            payment_method=self.payment_method if self.flow == FLOW_AUTHENTICATE else None,
            card_label=card_label,
            description=description,
            locale=locale,
            texts=texts,
        )


@dataclass(frozen=True)
class CardEntryResult:
    """What Stripe says once the page is done (or the dialog closed)."""

    flow: str
    outcome: ChargeOutcome
    payment_id: str | None = None
    amount: Money | None = None
    state: PaymentState | None = None
    saved_card: PaymentMethodRecord | None = None
    # The intent still needs the customer (CVC charge that asked for 3D Secure): the dialog
    # continues with the authenticate flow for this payment.
    needs_authentication: bool = False


def failure_wording(error: PageError | None) -> tuple[str, str]:
    """Reason and next step for a failure the page reported (decline, failed challenge, form
    details refused), from its type and codes only: the message Stripe.js carries is written
    for developers and never shown."""
    if error is None or error.code in (AUTHENTICATION_FAILURE, SETUP_AUTHENTICATION_FAILURE):
        return REASON_AUTHENTICATION_FAILED, NEXT_STEP_AUTHENTICATION_FAILED
    if error.type == "validation_error":
        wording = FORM_WORDING.get(error.code or "", FORM_INCOMPLETE)
        return wording.reason, wording.next_step
    if error.type == "card_error" or error.decline_code or error.code in DECLINE_WORDING:
        wording = decline_wording(error.code, error.decline_code)
        return wording.reason, wording.next_step
    if error.type == "api_connection_error":
        return REASON_FORM_UNREACHABLE, NEXT_STEP_FORM_RETRY
    return REASON_FORM_FAILED, NEXT_STEP_FORM_RETRY


def failure_code(error: PageError | None) -> str | None:
    """The code of a page failure that `failure_wording` has no words of its own for (the
    screen names it on a details line), else None."""
    if error is None or error.type == "page_error":
        return None
    return unexplained_code(error.code, error.decline_code)


class CardEntryService:
    def __init__(
        self,
        store: Store,
        gateway: StripeGateway | None,
        publishable_key: str | None,
        charges: ChargeService | None = None,
        approvals: Approvals | None = None,
    ) -> None:
        self.store = store
        self.gateway = CardEntryGateway(gateway) if gateway is not None else None
        self.publishable_key = publishable_key
        # The charges' ledger, so that both hold and settle payments as one terminal.
        self.ledger = charges.ledger if charges is not None else payment_ledger(store, gateway)
        self.payments = self.ledger.payments
        self.methods = PaymentMethodRepository(store)
        self.audit = AuditLog(store, charges.terminal.id if charges is not None else None)
        self.guard = guard.Guard(self.audit)
        self.approvals = approvals or (
            charges.approvals if charges is not None else Approvals.of_store(store))

    # --- helpers ------------------------------------------------------------------------------

    def _require_gateway(self) -> CardEntryGateway:
        if self.gateway is None:
            raise StripeNotConfigured()
        if not self.publishable_key or not self.publishable_key.startswith("pk_"):
            raise StripeNotConfigured(MESSAGE_NO_PUBLISHABLE_KEY)
        return self.gateway

    def _audit(
        self, session: CardEntrySession, action: str, target: str | None, outcome: str,
        **detail: object,
    ) -> None:
        # Every row of a card entry carries the session's customer, flow and payment.
        base: dict[str, object] = {"customer_id": session.customer_id, "flow": session.flow}
        if session.payment_id:
            base["payment_id"] = session.payment_id
        if session.amount is not None:
            base.update(amount=session.amount.amount, currency=session.amount.currency)
        base.update(session.approved)
        base.update({k: v for k, v in detail.items() if v is not None})
        self.guard.record(session.staff, action, target, outcome, base)

    def _release(self, payment_id: str | None) -> None:
        if payment_id:
            self.ledger.release(payment_id)

    @staticmethod
    def _clean(customer_id: str, description: str) -> tuple[str, str]:
        return payment_input.customer_id(customer_id), payment_input.description(description)

    # --- starting ------------------------------------------------------------------------------

    @guard.operation(guard.CARD_ENTRY_PAYMENT)
    def start_payment(
        self,
        staff: StaffMember,
        customer_id: str,
        amount: Money,
        description: str = "",
        *,
        allow_save: bool = True,
        approval: Approval | None = None,
        confirmed: Money | None = None,
        authorise_only: bool = False,
    ) -> CardEntrySession:
        """Flow 1: an intent for a new card the customer types in. Raises PermissionDenied
        (audited), AmountError/InputError (nothing written), StripeNotConfigured,
        ApprovalRequired or ConfirmationRequired (audited, nothing written; `confirmed` is
        the amount typed again), or GatewayError (the payment is recorded as failed, nothing
        charged). `authorise_only`: the page only holds the amount (capture_method=manual);
        a manager captures or releases it later (services/captures.py)."""
        self.guard.check(staff, guard.CARD_ENTRY_PAYMENT, customer_id or None)
        check_chargeable(amount)
        customer_id, description = self._clean(customer_id, description)
        gateway = self._require_gateway()
        approved = self.approvals.check(
            self.guard, staff, guard.CARD_ENTRY_PAYMENT, customer_id, approval, amount=amount,
            details={"amount": amount.amount, "currency": amount.currency})
        approved = {**approved, **self.approvals.check_confirmed(
            self.guard, staff, guard.CARD_ENTRY_PAYMENT, customer_id, amount, confirmed,
            approval, details={"amount": amount.amount, "currency": amount.currency})}
        # Held from settling from its insert on, until the form is done or given up.
        record = self.ledger.open(staff, customer_id, amount, description, None,
                                  livemode=gateway.livemode, authorise_only=authorise_only,
                                  customer_present=True)
        session = CardEntrySession(
            FLOW_PAYMENT, staff, customer_id, payment_id=record.id, amount=amount,
            description=description or None, allow_save=allow_save, approved=approved,
        )
        try:
            intent = gateway.create_payment_intent(
                amount=amount.amount, currency=amount.currency, customer_id=customer_id,
                description=description or None, metadata=intent_metadata(record),
                idempotency_key=record.idempotency_key, authorise_only=authorise_only,
            )
        except GatewayError as exc:
            # An unconfirmed intent moves no money: whatever happened, nothing was charged.
            self.ledger.record_not_created(record.id, exc)
            self._audit(session, "card_entry_start", record.id, exc.kind.value, code=exc.code)
            raise
        self.ledger.record_waiting(record.id, intent.id, intent.status)
        session.intent_id, session.client_secret = intent.id, intent.client_secret
        self._audit(session, "card_entry_start", intent.id, "started",
                    authorise_only=True if authorise_only else None)
        return session

    @guard.operation(guard.CARD_ENTRY_SETUP)
    def start_setup(self, staff: StaffMember, customer_id: str) -> CardEntrySession:
        """Flow 2: save a card without charging (SetupIntent, usage=off_session)."""
        self.guard.check(staff, guard.CARD_ENTRY_SETUP, customer_id or None)
        customer_id, _ = self._clean(customer_id, "")
        gateway = self._require_gateway()
        session = CardEntrySession(FLOW_SETUP, staff, customer_id)
        setup_id = str(uuid.uuid4())
        try:
            intent = gateway.create_setup_intent(
                customer_id=customer_id,
                metadata={METADATA_SETUP_ID: setup_id, METADATA_STAFF_ID: staff.id},
                idempotency_key=setup_id,
            )
        except GatewayError as exc:
            self._audit(session, "card_entry_start", customer_id, exc.kind.value, code=exc.code)
            raise
        session.intent_id, session.client_secret = intent.id, intent.client_secret
        self._audit(session, "card_entry_start", intent.id, "started")
        return session

    @guard.operation(guard.CARD_ENTRY_AUTHENTICATE)
    def start_authenticate(self, staff: StaffMember, payment_id: str) -> CardEntrySession:
        """Flow 3: the customer is here to confirm a payment that failed off-session with
        `authentication_required`: the same intent, with its card."""
        self.guard.check(staff, guard.CARD_ENTRY_AUTHENTICATE, payment_id or None)
        record = self.payments.get(payment_id)
        if record is None or not record.intent_id or record.state not in (
            PaymentState.AUTHENTICATION_REQUIRED.value,
        ):
            raise InputError(MESSAGE_NOT_AWAITING_AUTHENTICATION)
        gateway = self._require_gateway()
        intent = gateway.open_payment_intent(record.intent_id)
        method = intent.payment_method or record.payment_method_id
        session = CardEntrySession(
            FLOW_AUTHENTICATE, staff, record.customer_id or "", intent_id=intent.id,
            client_secret=intent.client_secret, payment_id=record.id,
            amount=Money(record.amount, record.currency), description=record.description,
            payment_method=method,
        )
        if intent.status in ("succeeded", "processing", "requires_capture", "canceled"):
            # Already settled at Stripe: nothing for the customer to do; record it.
            session.client_secret = None
            self._audit(session, "card_entry_start", intent.id, intent.status)
            return session
        if not method:
            raise InputError(MESSAGE_NO_CARD_ON_INTENT)
        if not self.ledger.hold(record.id):
            raise InputError(MESSAGE_HELD_ELSEWHERE)
        self._audit(session, "card_entry_start", intent.id, "started",
                    payment_method_id=method)
        return session

    @guard.operation(guard.CARD_ENTRY_CVC)
    def start_cvc(
        self,
        staff: StaffMember,
        customer_id: str,
        payment_method_id: str,
        amount: Money,
        description: str = "",
        approval: Approval | None = None,
        confirmed: Money | None = None,
    ) -> CardEntrySession:
        """Flow 5, step 1: the page collects the CVC of a saved card (no intent yet). Above
        the shop's limit it needs a manager's `approval` (ApprovalRequired, audited), above
        its "confirm amounts over" the amount typed again (`confirmed`, else
        ConfirmationRequired, audited), asked before the customer types anything."""
        self.guard.check(staff, guard.CARD_ENTRY_CVC, customer_id or None)
        check_chargeable(amount)
        customer_id, description = self._clean(customer_id, description)
        payment_method_id = payment_input.payment_method_id(payment_method_id)
        self._require_gateway()
        approved = self.approvals.check(
            self.guard, staff, guard.CARD_ENTRY_CVC, customer_id, approval, amount=amount,
            details={"amount": amount.amount, "currency": amount.currency,
                     "payment_method_id": payment_method_id})
        approved = {**approved, **self.approvals.check_confirmed(
            self.guard, staff, guard.CARD_ENTRY_CVC, customer_id, amount, confirmed, approval,
            details={"amount": amount.amount, "currency": amount.currency,
                     "payment_method_id": payment_method_id})}
        return CardEntrySession(
            FLOW_CVC, staff, customer_id, amount=amount, description=description or None,
            payment_method=payment_method_id.strip(), approved=approved,
        )

    # --- while the page runs ---------------------------------------------------------------------

    def set_save_card(self, session: CardEntrySession, save: bool) -> None:
        """The customer pressed Pay: set or clear saving on the intent before the page
        confirms it. Raises GatewayError (the page shows the message, nothing confirmed)."""
        if session.finished or session.flow != FLOW_PAYMENT or not session.intent_id:
            raise InputError(MESSAGE_SESSION_OVER)
        save = bool(save and session.allow_save)
        gateway = self._require_gateway()
        gateway.set_save_card(session.intent_id, save)
        session.save_card = save
        self._audit(session, "card_entry_save_consent", session.intent_id,
                    "consented" if save else "declined")

    def note_failure(self, session: CardEntrySession, error: PageError | None) -> None:
        """The page reported a failed attempt (decline, failed challenge). The customer may
        try again in the same page, so nothing is recorded as final yet; it is audited."""
        self._audit(
            session, "card_entry_attempt", session.intent_id or session.customer_id, "failed",
            code=error.code if error else None,
            decline_code=error.decline_code if error else None,
        )

    # --- finishing -------------------------------------------------------------------------------

    def finish(self, session: CardEntrySession) -> CardEntryResult:
        """The page says done: ask Stripe and record what it says."""
        if session.flow == FLOW_SETUP:
            return self._finish_setup(session)
        if session.flow == FLOW_CVC:
            raise InputError(MESSAGE_SESSION_OVER)
        return self._finish_payment(session, abandoning=False)

    def abandon(self, session: CardEntrySession) -> CardEntryResult | None:
        """The dialog closed before the page finished. A payment the customer completed
        anyway is recorded as paid; an open one is canceled at Stripe so no page can
        confirm it later."""
        if session.finished:
            return None
        try:
            if session.flow == FLOW_SETUP:
                result = self._finish_setup(session, abandoning=True)
                return result
            if session.flow in (FLOW_PAYMENT, FLOW_AUTHENTICATE) and session.intent_id:
                return self._finish_payment(session, abandoning=True)
            session.finished = True
            return None
        finally:
            self._release(session.payment_id)

    def _finish_payment(self, session: CardEntrySession, *, abandoning: bool) -> CardEntryResult:
        gateway = self._require_gateway()
        assert session.intent_id and session.payment_id
        state: IntentState = gateway.payment_intent_state(session.intent_id)
        outcome = state.outcome
        if outcome.kind in (OutcomeKind.UNAVAILABLE, OutcomeKind.RATE_LIMITED,
                            OutcomeKind.CONFIGURATION_PROBLEM, OutcomeKind.BUG):
            # Stripe could not be asked: leave the payment for settling, never guess.
            if session.flow == FLOW_PAYMENT:
                self.ledger.record_unanswered(session.payment_id)
            session.finished = abandoning
            if abandoning:  # else the customer is still at the form: keep it claimed
                self._release(session.payment_id)
            return CardEntryResult(
                session.flow, outcome, session.payment_id, session.amount,
                PaymentState.UNCONFIRMED if session.flow == FLOW_PAYMENT else None,
            )
        settled = outcome.kind in (
            OutcomeKind.SUCCEEDED, OutcomeKind.PROCESSING, OutcomeKind.REQUIRES_CAPTURE
        )
        if abandoning and not settled and session.flow == FLOW_PAYMENT:
            outcome = gateway.cancel_payment_intent(session.intent_id)
            settled = outcome.kind in (
                OutcomeKind.SUCCEEDED, OutcomeKind.PROCESSING, OutcomeKind.REQUIRES_CAPTURE
            )
        if abandoning and not settled and session.flow == FLOW_AUTHENTICATE:
            # The off-session payment keeps its "customer must authenticate" record.
            session.finished = True
            self._audit(session, "card_entry_abandon", session.intent_id, outcome.kind.value)
            return CardEntryResult(session.flow, outcome, session.payment_id, session.amount,
                                   PaymentState.AUTHENTICATION_REQUIRED)
        if not settled and not abandoning:
            # Done was reported but Stripe disagrees: the page is not trusted; keep it open.
            self._audit(session, "card_entry_check", session.intent_id, outcome.kind.value)
            return CardEntryResult(session.flow, outcome, session.payment_id, session.amount,
                                   PaymentState.WAITING)
        extra: dict[str, object] = {}
        if state.payment_method:
            extra["payment_method_id"] = state.payment_method
        payment_state = self.ledger.record(session.payment_id, outcome, **extra)
        session.finished = True
        self._release(session.payment_id)
        saved = None
        if settled and session.flow == FLOW_PAYMENT and session.save_card and state.payment_method:
            saved = self._refresh_cards(session.customer_id, state.payment_method)
        action = {
            FLOW_PAYMENT: "card_entry_payment", FLOW_AUTHENTICATE: "authenticate_payment",
        }[session.flow]
        self._audit(
            session, action, session.intent_id, outcome.kind.value,
            payment_method_id=state.payment_method, code=outcome.code,
            decline_code=outcome.decline_code, saved_card=saved.id if saved else None,
            abandoned=abandoning or None,
        )
        return CardEntryResult(session.flow, outcome, session.payment_id, session.amount,
                               payment_state, saved)

    def _finish_setup(
        self, session: CardEntrySession, *, abandoning: bool = False
    ) -> CardEntryResult:
        gateway = self._require_gateway()
        assert session.intent_id
        state: SetupState = gateway.setup_intent_state(session.intent_id)
        if not state.succeeded and abandoning:
            gateway.cancel_setup_intent(session.intent_id)
        if not state.succeeded:
            wording = decline_wording(state.error_code, state.decline_code)
            outcome = ChargeOutcome.of(
                OutcomeKind.DECLINED, reason=REASON_CARD_NOT_SAVED_BECAUSE(reason=wording.reason),
                next_step=wording.next_step, intent_id=state.id, stripe_status=state.status,
                code=state.error_code, decline_code=state.decline_code,
            )
            if abandoning:
                session.finished = True
                self._audit(session, "save_card", state.id, "abandoned")
            return CardEntryResult(session.flow, outcome)
        saved = None
        if state.payment_method:
            saved = self._refresh_cards(session.customer_id, state.payment_method)
        session.finished = True
        outcome = ChargeOutcome.of(
            OutcomeKind.SUCCEEDED, reason=REASON_CARD_SAVED, intent_id=state.id,
            stripe_status=state.status,
        )
        self._audit(session, "save_card", state.id, "succeeded",
                    payment_method_id=state.payment_method,
                    brand=saved.brand if saved else None, last4=saved.last4 if saved else None)
        return CardEntryResult(session.flow, outcome, saved_card=saved)

    def _refresh_cards(
        self, customer_id: str, payment_method_id: str
    ) -> PaymentMethodRecord | None:
        """Read the customer's cards from Stripe so the new one shows on their page."""
        assert self.gateway is not None
        try:
            methods = self.gateway.gateway.list_payment_methods(customer_id)
        except GatewayError as exc:
            log.warning("cards of %s not refreshed: %s", customer_id, exc.message)
            return None
        self.methods.replace_for_customer(customer_id, methods)
        return self.methods.get(payment_method_id)

    # --- flow 5: charge a saved card with the CVC just collected ---------------------------------

    def charge_with_cvc(self, session: CardEntrySession, cvc_token: str) -> CardEntryResult:
        """Charge the saved card on-session with the page's `cvc_update` token. A bank that
        wants 3D Secure leaves the payment waiting for authentication, which the dialog
        finishes with the authenticate flow on the same intent."""
        if session.flow != FLOW_CVC or session.finished or session.amount is None:
            raise InputError(MESSAGE_SESSION_OVER)
        if not cvc_token.strip():
            raise InputError(MESSAGE_SESSION_OVER)
        gateway = self._require_gateway()
        assert session.payment_method
        # The token is stored with the payment until Stripe answers, so that settling a lost
        # answer or a crash resends this exact request (charges.charge_request).
        record = self.ledger.open(
            session.staff, session.customer_id, session.amount, session.description or "",
            session.payment_method, livemode=gateway.livemode, cvc_token=cvc_token.strip(),
        )
        session.payment_id = record.id
        session.finished = True
        result = self.ledger.send(record, charge_request)
        outcome, state = result.outcome, result.state
        needs_authentication = (
            outcome.kind is OutcomeKind.AUTHENTICATION_REQUIRED
            and outcome.stripe_status == "requires_action"
        )
        self._audit(session, "charge_with_cvc", outcome.intent_id or record.id,
                    outcome.kind.value, payment_method_id=session.payment_method,
                    code=outcome.code, decline_code=outcome.decline_code)
        return CardEntryResult(FLOW_CVC, outcome, record.id, session.amount, state,
                               needs_authentication=needs_authentication)


def is_authentication_failure(error: PageError | None) -> bool:
    return error is not None and error.code in (AUTHENTICATION_FAILURE,
                                                SETUP_AUTHENTICATION_FAILURE)


__all__ = [
    "CardEntryResult",
    "CardEntryService",
    "CardEntrySession",
    "failure_code",
    "failure_wording",
    "is_authentication_failure",
]
