"""Which payment method types an intent may be paid with, as the pinned version (endive) has it.

Endive (2026-09-30) removed `payment_method_types` as a writable parameter of PaymentIntent
create/update/confirm and SetupIntent create/update: passing it is a 400 with code
`payment_method_types_no_longer_supported`. The objects still return `payment_method_types`,
now computed: from `allowed_payment_method_types` (added 2026-07-29), which Stripe filters
silently to the types that can be used, or from dynamic payment methods. The sandbox's
"Dashboard" enables cards only, so that is what either way yields.
"""

from __future__ import annotations

from typing import Any

from .errors import invalid, payment_method_types_removed
from .params import BOOL, enum

SUPPORTED = ("card",)

# Names the version refuses with an error of their own (params.Schema.refused).
REFUSED = {"payment_method_types": payment_method_types_removed}

# `allowed_payment_method_types` is mutually exclusive with these (changelog 2026-07-29);
# endpoints that do not take one of them answer it as unknown first.
EXCLUSIVE = (
    (
        "allowed_payment_method_types",
        (
            "automatic_payment_methods",
            "excluded_payment_method_types",
            "payment_method_configuration",
        ),
    ),
)

AUTOMATIC = {"enabled": BOOL, "allow_redirects": enum("always", "never")}


def computed(allowed: list[str] | None) -> list[str]:
    """The `payment_method_types` an intent returns: the allowed types the sandbox can take,
    in the order given, or every type it can take when nothing narrows them."""
    if allowed is None:
        return list(SUPPORTED)
    usable = [kind for kind in dict.fromkeys(allowed) if kind in SUPPORTED]
    if not usable:
        # Stripe filters incompatible types silently; with none left there is nothing to pay
        # with. The sandbox's own wording: Stripe's answer for this case is not documented.
        raise invalid(
            "None of the allowed_payment_method_types can be used: the sandbox takes "
            f"{', '.join(SUPPORTED)} only.",
            "allowed_payment_method_types",
        )
    return usable


def automatic(given: dict[str, Any] | None) -> dict[str, Any] | None:
    """`automatic_payment_methods` as the intent returns it (None when not given)."""
    if given is None:
        return None
    if "enabled" not in given:
        raise invalid(
            "Missing required param: automatic_payment_methods[enabled].",
            "automatic_payment_methods[enabled]",
            "parameter_missing",
        )
    out: dict[str, Any] = {"enabled": given["enabled"]}
    if given["enabled"]:
        out["allow_redirects"] = given.get("allow_redirects", "always")
    return out
