"""API keys as Stripe judges them: secret/restricted test keys, publishable keys where
allowed, a read-only restricted key for exercising permission errors, 401 for the rest."""

from __future__ import annotations

import base64
import binascii

from .context import PUBLISHABLE, SECRET
from .errors import SandboxError

NO_KEY = (
    "You did not provide an API key. You need to provide your API key in the Authorization "
    "header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See "
    "https://stripe.com/docs/api#authentication for details, or we can help at "
    "https://support.stripe.com/."
)
READ_ONLY_PREFIX = "rk_test_readonly"
# A restricted key without the balance permissions: balance transactions and payouts 403.
NO_BALANCE_PREFIX = "rk_test_nobalance"
ACCOUNT = "acct_1PosDeskSandbox0"


def mask(key: str) -> str:
    """Stripe echoes a key with everything but its prefix and last four characters hidden."""
    prefix = key[: key.find("_", 3) + 1] if key.count("_") >= 2 else ""
    tail = key[-4:] if len(key) > len(prefix) + 4 else ""
    return prefix + "*" * max(0, len(key) - len(prefix) - len(tail)) + tail


def key_from_header(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, value = header.strip().partition(" ")
    if scheme.lower() == "bearer":
        return value.strip() or None
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            return ""
        return decoded.partition(":")[0]
    return ""


def classify(header: str | None) -> tuple[str, str]:
    """(key kind, key) for a valid test key, else a 401 SandboxError."""
    key = key_from_header(header)
    if key is None:
        raise SandboxError(401, "invalid_request_error", NO_KEY)
    for prefix, kind in (("sk_test_", SECRET), ("rk_test_", SECRET), ("pk_test_", PUBLISHABLE)):
        well_formed = key.isascii() and all(ch.isalnum() or ch == "_" for ch in key)
        if key.startswith(prefix) and len(key) >= len(prefix) + 8 and well_formed:
            return kind, key
    raise SandboxError(401, "invalid_request_error", f"Invalid API Key provided: {mask(key)}")


def permission_error(key: str, permission: str) -> SandboxError:
    return SandboxError(
        403,
        "invalid_request_error",
        f"The provided key '{mask(key)}' does not have the required permissions for this "
        f"endpoint on account '{ACCOUNT}'. Having the '{permission}' permission would allow "
        "this request to continue.",
    )


def publishable_not_allowed() -> SandboxError:
    return SandboxError(
        401,
        "invalid_request_error",
        "This API call cannot be made with a publishable API key. Please use a secret API key. "
        "You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.",
    )
