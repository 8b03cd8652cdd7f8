"""What the card page reports is worded from its type and codes: Stripe.js's message (written
for developers) is never the words, and a code without words of its own is named for the
details line."""

from __future__ import annotations

import pytest

from posdesk.card_page.protocol import PageError
from posdesk.domain import outcomes
from posdesk.domain.outcomes import unexplained_code
from posdesk.services.card_entry import failure_code, failure_wording

STRIPE_TEXT = "The provided PaymentMethod has failed authentication. You can provide " \
              "payment_method_data or a new PaymentMethod to attempt to fulfill this " \
              "PaymentIntent again."


@pytest.mark.parametrize(("error", "reason", "code"), [
    (PageError("invalid_request_error", "payment_intent_authentication_failure", None,
               STRIPE_TEXT), outcomes.REASON_AUTHENTICATION_FAILED, None),
    (PageError("card_error", "card_declined", "insufficient_funds", "Your card has "
               "insufficient funds."), outcomes.REASON_INSUFFICIENT_FUNDS, None),
    (PageError("card_error", "card_declined", "brand_new_decline", "Something new."),
     outcomes.REASON_DECLINED_GENERIC, "brand_new_decline"),
    (PageError("validation_error", "incomplete_number", None, "Your card number is "
               "incomplete."), outcomes.REASON_FORM_NUMBER, None),
    (PageError("validation_error", "invalid_expiry_year_past", None, "Your card's "
               "expiration year is in the past."), outcomes.REASON_FORM_EXPIRY, None),
    (PageError("validation_error", "something_else", None, "Odd."),
     outcomes.REASON_FORM_INCOMPLETE, "something_else"),
    (PageError("api_connection_error", None, None, "We could not reach the payment server."),
     outcomes.REASON_FORM_UNREACHABLE, None),
    (PageError("invalid_request_error", "parameter_invalid_integer", None,
               "Invalid integer: abc"), outcomes.REASON_FORM_FAILED,
     "parameter_invalid_integer"),
    (PageError("api_error", None, None, "An unknown error occurred"),
     outcomes.REASON_FORM_FAILED, None),
])
def test_page_failures_are_worded_from_codes_never_from_the_message(
    error: PageError, reason: str, code: str | None
) -> None:
    said, next_step = failure_wording(error)
    assert said == reason
    assert error.message not in (said, next_step)
    if error.type != "card_error":  # a decline says so by itself
        assert "nothing was charged" in (said + " " + next_step).lower()
    assert failure_code(error) == code


def test_codes_with_words_of_their_own_need_no_details_line() -> None:
    assert unexplained_code("card_declined", "insufficient_funds") is None
    assert unexplained_code("card_declined", None) is None  # "declined" says it all
    assert unexplained_code("card_declined", "brand_new") == "brand_new"
    assert unexplained_code("resource_missing", None) is None
    assert unexplained_code("parameter_unknown", None) == "parameter_unknown"
    assert unexplained_code(None, None) is None
