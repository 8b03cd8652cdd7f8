"""Stripe-Signature checking, as Stripe documents it (t=..., one or more v1=...)."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from posdesk.sync.signature import SignatureError, compute_signature, signature_header, verify

SECRET = "whsec_" + "k" * 32
OTHER = "whsec_" + "o" * 32
BODY = b'{"id": "evt_1", "object": "event"}'
NOW = 1_790_000_000


def test_matches_stripes_scheme() -> None:
    expected = hmac.new(SECRET.encode(), b"%d.%s" % (NOW, BODY), hashlib.sha256).hexdigest()
    assert compute_signature(SECRET, NOW, BODY) == expected
    assert signature_header(SECRET, BODY, NOW) == f"t={NOW},v1={expected}"
    assert verify(BODY, f"t={NOW},v1={expected}", SECRET, now=NOW) == NOW


def test_any_v1_may_match_and_other_schemes_are_ignored() -> None:
    good = compute_signature(SECRET, NOW, BODY)
    header = f"t={NOW}, v0=abc, v1={compute_signature(OTHER, NOW, BODY)}, v1={good}"
    assert verify(BODY, header, SECRET, now=NOW) == NOW
    # During a rotation on our side both secrets are accepted.
    assert verify(BODY, signature_header(OTHER, BODY, NOW), [SECRET, OTHER], now=NOW) == NOW


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (None, "Missing"),
        ("", "Missing"),
        ("v1=abc", "no timestamp"),
        (f"t={NOW}", "no v1"),
        (f"t={NOW},v0=abc", "no v1"),
        ("t=soon,v1=abc", "Malformed"),
        (f"t={NOW},v1=" + "0" * 64, "No signature matches"),
        (f"t={NOW},v1=ünïcode", "No signature matches"),
    ],
)
def test_bad_headers_are_refused(header: str | None, message: str) -> None:
    with pytest.raises(SignatureError, match=message):
        verify(BODY, header, SECRET, now=NOW)


def test_wrong_secret_or_changed_body_is_refused() -> None:
    with pytest.raises(SignatureError):
        verify(BODY, signature_header(OTHER, BODY, NOW), SECRET, now=NOW)
    with pytest.raises(SignatureError):
        verify(BODY + b" ", signature_header(SECRET, BODY, NOW), SECRET, now=NOW)
    with pytest.raises(SignatureError, match="No webhook signing secret"):
        verify(BODY, signature_header(SECRET, BODY, NOW), [], now=NOW)


def test_tolerance_is_300_seconds_by_default() -> None:
    header = signature_header(SECRET, BODY, NOW - 300)
    assert verify(BODY, header, SECRET, now=NOW) == NOW - 300
    with pytest.raises(SignatureError, match="tolerance"):
        verify(BODY, signature_header(SECRET, BODY, NOW - 301), SECRET, now=NOW)
    # A re-signed copy of an old event is fresh: the timestamp is what is signed.
    assert verify(BODY, signature_header(SECRET, BODY, NOW), SECRET, now=NOW + 299)
