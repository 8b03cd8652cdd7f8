"""The words a cashier sees for each Stripe answer."""

from __future__ import annotations

import pytest

from posdesk.domain import outcomes
from posdesk.domain.outcomes import (
    DECLINE_WORDING,
    DEFAULT_WORDING,
    GENERIC_DECLINE,
    ChargeOutcome,
    OutcomeKind,
    decline_wording,
)

JARGON = ("decline_code", "issuer", "api", "http", "stripe error", "card_error", "_")


def test_every_kind_has_wording_and_retry_flag() -> None:
    assert set(DEFAULT_WORDING) == set(OutcomeKind)
    retryable = {k for k in OutcomeKind if ChargeOutcome.of(k).retryable}
    assert retryable == {OutcomeKind.UNAVAILABLE, OutcomeKind.RATE_LIMITED, OutcomeKind.UNCONFIRMED}


@pytest.mark.parametrize(
    "code",
    ["generic_decline", "insufficient_funds", "lost_card", "stolen_card", "expired_card",
     "incorrect_cvc", "processing_error", "incorrect_number", "authentication_required",
     "do_not_honor", "fraudulent", "pickup_card", "card_velocity_exceeded"],
)
def test_common_codes_have_plain_wording(code: str) -> None:
    wording = DECLINE_WORDING[code]
    for text in (wording.reason, wording.next_step):
        assert text.endswith(".")
        assert not any(word in text.lower() for word in JARGON), text


@pytest.mark.parametrize("code", ["lost_card", "stolen_card", "pickup_card", "fraudulent"])
def test_sensitive_declines_read_as_generic(code: str) -> None:
    wording = decline_wording("card_declined", code)
    assert wording == GENERIC_DECLINE
    text = (wording.reason + wording.next_step).lower()
    assert not any(word in text for word in ("lost", "stolen", "fraud", "police", "keep"))


def test_decline_code_wins_over_error_code_and_unknown_falls_back() -> None:
    assert decline_wording("card_declined", "insufficient_funds").reason == (
        outcomes.REASON_INSUFFICIENT_FUNDS
    )
    assert decline_wording("expired_card", None).reason == outcomes.REASON_EXPIRED_CARD
    assert decline_wording("card_declined", "something_new") == GENERIC_DECLINE
    assert decline_wording(None, None) == GENERIC_DECLINE


def test_wording_is_module_level_strings_for_translation() -> None:
    constants = {
        name: value for name, value in vars(outcomes).items()
        if name.startswith(("REASON_", "NEXT_STEP_"))
    }
    used = {w.reason for w in DECLINE_WORDING.values()} | {
        w.next_step for w in DECLINE_WORDING.values()
    } | {text for pair in DEFAULT_WORDING.values() for text in pair}
    assert used <= set(constants.values())
