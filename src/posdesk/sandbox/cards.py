"""The test-card table: what each card number does when saved, set up or charged."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

# Behaviours
OK = "ok"
DECLINE = "decline"  # declines every charge (and attach/setup) with `code`/`decline_code`
AUTH_UNLESS_SETUP = "auth_unless_setup"  # 3155
AUTH_ALWAYS = "auth_always"  # 3184
AUTH_ON_SESSION = "auth_on_session"  # 0446: already set up, off-session succeeds
AUTH_THEN_DECLINE = "auth_then_decline"  # 3178, 1629
AUTH_THEN_OK = "auth_then_ok"  # 3220
CHARGE_FAILS = "charge_fails"  # 0341: attaching works, charging declines
CVC_FAIL = "cvc_fail"  # 0101


@dataclass(frozen=True)
class CardProfile:
    number: str
    brand: str
    funding: str = "credit"
    country: str = "US"
    behaviour: str = OK
    code: str | None = None  # error code on decline
    decline_code: str | None = None

    @property
    def last4(self) -> str:
        return self.number[-4:]

    @property
    def fingerprint(self) -> str:
        # Stable per number, and reveals nothing about it.
        return hashlib.sha256(b"posdesk-sandbox:" + self.number.encode()).hexdigest()[:16]


def _decline(number: str, code: str, decline_code: str) -> CardProfile:
    return CardProfile(number, "visa", behaviour=DECLINE, code=code, decline_code=decline_code)


TABLE: dict[str, CardProfile] = {
    p.number: p
    for p in [
        CardProfile("4242424242424242", "visa"),
        CardProfile("4000056655665556", "visa", funding="debit"),
        CardProfile("5555555555554444", "mastercard"),
        CardProfile("5200828282828210", "mastercard", funding="debit"),
        CardProfile("378282246310005", "amex"),
        CardProfile("6011111111111117", "discover"),
        CardProfile("3566002020360505", "jcb", country="JP"),
        CardProfile("4000002500003155", "visa", behaviour=AUTH_UNLESS_SETUP),
        CardProfile("4000002760003184", "visa", country="DE", behaviour=AUTH_ALWAYS),
        CardProfile("4000003800000446", "visa", country="GB", behaviour=AUTH_ON_SESSION),
        CardProfile(
            "4000008260003178",
            "visa",
            country="GB",
            behaviour=AUTH_THEN_DECLINE,
            code="card_declined",
            decline_code="insufficient_funds",
        ),
        CardProfile("4000000000003220", "visa", behaviour=AUTH_THEN_OK),
        CardProfile(
            "4000008400001629",
            "visa",
            behaviour=AUTH_THEN_DECLINE,
            code="card_declined",
            decline_code="generic_decline",
        ),
        _decline("4000000000000002", "card_declined", "generic_decline"),
        _decline("4000000000009995", "card_declined", "insufficient_funds"),
        _decline("4000000000009987", "card_declined", "lost_card"),
        _decline("4000000000009979", "card_declined", "stolen_card"),
        _decline("4000000000000069", "expired_card", "expired_card"),
        _decline("4000000000000127", "incorrect_cvc", "incorrect_cvc"),
        _decline("4000000000000119", "processing_error", "processing_error"),
        CardProfile(
            "4000000000000341",
            "visa",
            behaviour=CHARGE_FAILS,
            code="card_declined",
            decline_code="generic_decline",
        ),
        CardProfile("4000000000000101", "visa", behaviour=CVC_FAIL),
    ]
}

# `pm_card_*` test ids (Stripe also accepts a `visa_` infix on most of them).
TEST_PM_IDS: dict[str, str] = {
    "pm_card_visa": "4242424242424242",
    "pm_card_visa_debit": "4000056655665556",
    "pm_card_mastercard": "5555555555554444",
    "pm_card_mastercard_debit": "5200828282828210",
    "pm_card_amex": "378282246310005",
    "pm_card_discover": "6011111111111117",
    "pm_card_jcb": "3566002020360505",
    "pm_card_authenticationRequiredOnSetup": "4000002500003155",
    "pm_card_authenticationRequired": "4000002760003184",
    "pm_card_authenticationRequiredSetupForOffSession": "4000003800000446",
    "pm_card_authenticationRequiredChargeDeclinedInsufficientFunds": "4000008260003178",
    "pm_card_threeDSecure2Required": "4000000000003220",
    "pm_card_threeDSecureRequiredChargeDeclined": "4000008400001629",
    "pm_card_chargeDeclined": "4000000000000002",
    "pm_card_chargeDeclinedInsufficientFunds": "4000000000009995",
    "pm_card_chargeDeclinedLostCard": "4000000000009987",
    "pm_card_chargeDeclinedStolenCard": "4000000000009979",
    "pm_card_chargeDeclinedExpiredCard": "4000000000000069",
    "pm_card_chargeDeclinedIncorrectCvc": "4000000000000127",
    "pm_card_chargeDeclinedProcessingError": "4000000000000119",
    "pm_card_chargeCustomerFail": "4000000000000341",
    "pm_card_cvcCheckFail": "4000000000000101",
}


def test_pm_number(pm_id: str) -> str | None:
    if pm_id in TEST_PM_IDS:
        return TEST_PM_IDS[pm_id]
    if pm_id.startswith("pm_card_visa_"):
        return TEST_PM_IDS.get("pm_card_" + pm_id[len("pm_card_visa_") :])
    return None


def luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def brand_for(number: str) -> str:
    if number.startswith("4"):
        return "visa"
    if number[:2] in ("34", "37"):
        return "amex"
    if number[:2] in {"51", "52", "53", "54", "55"} or "2221" <= number[:4] <= "2720":
        return "mastercard"
    if number.startswith(("6011", "65")):
        return "discover"
    if number.startswith("35"):
        return "jcb"
    if number.startswith(("36", "30", "38")):
        return "diners"
    if number.startswith("62"):
        return "unionpay"
    return "unknown"


def profile_for(number: str) -> CardProfile | None:
    """The profile of a plausible card number, or None when it fails the Luhn check."""
    if number in TABLE:
        return TABLE[number]
    if not number.isdigit() or not 12 <= len(number) <= 19 or not luhn_ok(number):
        return None
    return CardProfile(number, brand_for(number))


def needs_auth_for_payment(profile: CardProfile, off_session: bool, set_up: bool) -> bool:
    """Whether a payment with this card asks for 3D Secure."""
    b = profile.behaviour
    if b == AUTH_ALWAYS or b in (AUTH_THEN_DECLINE, AUTH_THEN_OK):
        return True
    if b == AUTH_UNLESS_SETUP:
        return not (off_session and set_up)
    if b == AUTH_ON_SESSION:
        return not off_session
    return False


def needs_auth_for_setup(profile: CardProfile) -> bool:
    return profile.behaviour in (AUTH_UNLESS_SETUP, AUTH_ALWAYS, AUTH_THEN_DECLINE, AUTH_THEN_OK)


DECLINE_MESSAGES = {
    "generic_decline": "Your card was declined.",
    "insufficient_funds": "Your card has insufficient funds.",
    "lost_card": "Your card was declined.",
    "stolen_card": "Your card was declined.",
    "expired_card": "Your card has expired.",
    "incorrect_cvc": "Your card's security code is incorrect.",
    "processing_error": "An error occurred while processing your card. Try again in a little bit.",
    "authentication_required": "Your card was declined. This transaction requires authentication.",
}
