"""A manager's approval: when an operation asks for one, and the refusal that says so."""

from __future__ import annotations

from posdesk.domain.messages import Text, message, text

CHARGE_NEEDS_APPROVAL = message(
    "approval.charge_over_limit",
    "A charge over {limit} needs a manager's approval. Nothing was charged.",
)
REFUND_NEEDS_APPROVAL = message(
    "approval.refund_over_limit",
    "A refund over {limit} needs a manager's approval. Nothing was refunded.",
)
REFUND_ALWAYS_NEEDS_APPROVAL = text(
    "approval.refund_no_limit",
    "The shop has no refund limit set, so a refund needs a manager's approval. Nothing was "
    "refunded.",
)
REMOVE_CARD_NEEDS_APPROVAL = text(
    "approval.remove_card",
    "Removing a saved card needs a manager's approval. The card was not removed.",
)


class ApprovalRequired(Exception):
    """The operation is above the shop's limit and no manager approved it: nothing was sent
    or written. A manager approves `action` on `target` (StaffService.approve), and the same
    call is made again with that approval."""

    def __init__(self, action: str, target: str | None, words: Text) -> None:
        super().__init__(words)
        self.action = action
        self.target = target
        self.message = words


CONFIRM_AMOUNT_NEEDED = message(
    "approval.confirm_amount",
    "A charge over {limit} needs its amount typed again to confirm it. Nothing was charged.",
)

# Asked before anything is sent (the charge dialogs), where "nothing was charged" is no news.
CONFIRM_AMOUNT_ASKED = message(
    "approval.confirm_amount_ask",
    "Charges over {limit} are checked by typing the amount a second time.",
)


class ConfirmationRequired(Exception):
    """The charge is above the shop's "confirm amounts over" setting and its amount was not
    typed again (nor approved by a manager for this amount): nothing was sent or written.
    The same call is made again with the retyped amount."""

    def __init__(self, action: str, words: Text) -> None:
        super().__init__(words)
        self.action = action
        self.message = words
