"""What a refund request that raised says: refused (nothing refunded, in words) only when
Stripe provably made no refund; otherwise unconfirmed, for settling."""

from __future__ import annotations

import pytest
import stripe

from posdesk.domain.refunds import (
    NOT_CONFIRMED,
    STRIPE_ALREADY_REFUNDED,
    STRIPE_BUSY,
    STRIPE_CONFIGURATION,
    STRIPE_MORE_THAN_LEFT,
    STRIPE_REFUSED,
    RefundAnswerKind,
    RefundState,
)
from posdesk.gateway.errors import SERVER_ERROR, SERVER_ERROR_REPLAYED, answer_for_refund_error


def _body(code: str | None = None, param: str | None = None) -> dict[str, object]:
    return {"error": {"type": "invalid_request_error", "code": code, "param": param,
                      "message": "refused"}}


@pytest.mark.parametrize(
    ("error", "kind", "reason"),
    [
        (stripe.InvalidRequestError("too much", "amount", "amount_too_large",
                                    json_body=_body("amount_too_large", "amount"),
                                    http_status=400),
         RefundAnswerKind.REFUSED, STRIPE_MORE_THAN_LEFT),
        (stripe.InvalidRequestError("done", "charge", "charge_already_refunded",
                                    json_body=_body("charge_already_refunded", "charge"),
                                    http_status=400),
         RefundAnswerKind.REFUSED, STRIPE_ALREADY_REFUNDED),
        (stripe.InvalidRequestError("odd", None, "parameter_unknown",
                                    json_body=_body("parameter_unknown"), http_status=400),
         RefundAnswerKind.REFUSED, STRIPE_REFUSED),
        (stripe.RateLimitError("slow", http_status=429), RefundAnswerKind.REFUSED, STRIPE_BUSY),
        (stripe.AuthenticationError("key", http_status=401), RefundAnswerKind.REFUSED,
         STRIPE_CONFIGURATION),
        (stripe.PermissionError("rak", http_status=403), RefundAnswerKind.REFUSED,
         STRIPE_CONFIGURATION),
        (stripe.APIError("busy key", http_status=409), RefundAnswerKind.UNCONFIRMED,
         NOT_CONFIRMED),
        (stripe.IdempotencyError("other params", http_status=400),
         RefundAnswerKind.UNCONFIRMED, NOT_CONFIRMED),
        (stripe.APIConnectionError("reset"), RefundAnswerKind.UNCONFIRMED, NOT_CONFIRMED),
    ],
)
def test_each_error_is_refused_only_when_nothing_can_have_been_refunded(
    error: stripe.StripeError, kind: RefundAnswerKind, reason: str
) -> None:
    answer = answer_for_refund_error(error)
    assert (answer.kind, answer.reason) == (kind, reason)
    assert answer.state is (RefundState.REFUSED if kind is RefundAnswerKind.REFUSED
                            else RefundState.UNCONFIRMED)


@pytest.mark.parametrize(("replayed", "code"), [(False, SERVER_ERROR),
                                                (True, SERVER_ERROR_REPLAYED)])
def test_a_server_error_is_unconfirmed_and_says_whether_it_was_replayed(
    replayed: bool, code: str
) -> None:
    headers = {"Idempotent-Replayed": "true"} if replayed else {}
    answer = answer_for_refund_error(stripe.APIError("boom", http_status=500, headers=headers))
    assert (answer.kind, answer.code) == (RefundAnswerKind.UNCONFIRMED, code)
