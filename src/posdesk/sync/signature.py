"""Checking `Stripe-Signature` on a webhook delivery, without the stripe library.

Header: ``t=<unix seconds>,v1=<hex>[,v1=<hex>...][,v0=...]``; each ``v1`` is
HMAC-SHA256(secret, "<t>.<raw body>"). Several ``v1`` values appear while a secret rotates;
any one matching is enough. Deliveries older than the tolerance are refused (replays).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from collections.abc import Sequence

DEFAULT_TOLERANCE_S = 300
_TIMESTAMP = re.compile(r"[0-9]{1,12}")


class SignatureError(ValueError):
    """Why a delivery's signature was refused; the message is safe to send back."""


def compute_signature(secret: str, timestamp: int, payload: bytes) -> str:
    signed = f"{timestamp}.".encode() + payload
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signature_header(secret: str, payload: bytes, timestamp: int | None = None) -> str:
    """A header as Stripe would send it (for tests, the bench and forwarders)."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},v1={compute_signature(secret, timestamp, payload)}"


def parse_header(header: str) -> tuple[int, list[str]]:
    timestamp: int | None = None
    signatures: list[str] = []
    for item in header.split(","):
        key, sep, value = item.strip().partition("=")
        if not sep:
            continue
        if key == "t":
            # Unix seconds in digits: int() would also take "+5", " 5" or "5_0", and refuses
            # thousands of digits only after reading them.
            if not _TIMESTAMP.fullmatch(value):
                raise SignatureError("Malformed Stripe-Signature timestamp.")
            timestamp = int(value)
        elif key == "v1":
            signatures.append(value.strip())
    if timestamp is None:
        raise SignatureError("Stripe-Signature has no timestamp.")
    if not signatures:
        raise SignatureError("Stripe-Signature has no v1 signature.")
    return timestamp, signatures


def verify(
    payload: bytes,
    header: str | None,
    secrets: str | Sequence[str],
    *,
    tolerance_s: int = DEFAULT_TOLERANCE_S,
    now: float | None = None,
) -> int:
    """Return the signed timestamp, or raise SignatureError."""
    if not header:
        raise SignatureError("Missing Stripe-Signature header.")
    timestamp, signatures = parse_header(header)
    keys = [secrets] if isinstance(secrets, str) else [s for s in secrets if s]
    if not keys:
        raise SignatureError("No webhook signing secret is configured.")
    matched = False
    for key in keys:
        expected = compute_signature(key, timestamp, payload)
        for candidate in signatures:
            # Every comparison runs: timing says nothing about which (if any) matched.
            matched |= hmac.compare_digest(expected.encode(), candidate.encode())
    if not matched:
        raise SignatureError("No signature matches the payload.")
    current = time.time() if now is None else now
    if tolerance_s > 0 and timestamp < current - tolerance_s:
        raise SignatureError("The signature's timestamp is outside the tolerance.")
    return timestamp
