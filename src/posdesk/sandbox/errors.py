"""Stripe-shaped error responses raised by the resource handlers."""

from __future__ import annotations

from typing import Any

DOC_BASE = "https://stripe.com/docs/error-codes/"


class SandboxError(Exception):
    """An answer with Stripe's error body `{"error": {...}}` and an HTTP status."""

    def __init__(
        self,
        status: int,
        type_: str,
        message: str,
        *,
        code: str | None = None,
        param: str | None = None,
        decline_code: str | None = None,
        extra: dict[str, Any] | None = None,
        saves_idempotent_result: bool | None = None,
        stripe_code: bool = True,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.type = type_
        self.message = message
        self.code = code
        self.param = param
        self.decline_code = decline_code
        self.extra = extra or {}
        # A code of the sandbox's own has no page among Stripe's error codes to point at.
        self.stripe_code = stripe_code
        # Stripe saves no idempotent result for requests that fail validation before running.
        if saves_idempotent_result is None:
            saves_idempotent_result = type_ not in ("invalid_request_error", "idempotency_error")
        self.saves_idempotent_result = saves_idempotent_result

    def body(self) -> dict[str, Any]:
        err: dict[str, Any] = {"type": self.type, "message": self.message}
        if self.code:
            err["code"] = self.code
            if self.stripe_code:
                err["doc_url"] = DOC_BASE + self.code.replace("_", "-")
        if self.param:
            err["param"] = self.param
        if self.decline_code:
            err["decline_code"] = self.decline_code
        err.update(self.extra)
        return {"error": err}


def invalid(message: str, param: str | None = None, code: str | None = None) -> SandboxError:
    return SandboxError(400, "invalid_request_error", message, param=param, code=code)


def missing_param(param: str) -> SandboxError:
    return invalid(f"Missing required param: {param}.", param, "parameter_missing")


def unknown_param(param: str) -> SandboxError:
    return invalid(f"Received unknown parameter: {param}", param, "parameter_unknown")


def not_supported_by_sandbox(param: str) -> SandboxError:
    """A parameter Stripe accepts on this endpoint that the sandbox does not implement: refused
    plainly, so a test never passes because the sandbox quietly ignored what it was asked."""
    return SandboxError(
        400,
        "invalid_request_error",
        f"The PosDesk sandbox does not support the parameter {param}. Stripe accepts it on this "
        "endpoint for this API version, but the sandbox does not implement it, so it refuses "
        "the request instead of ignoring the parameter.",
        code="parameter_not_supported_by_sandbox",
        param=param,
        stripe_code=False,
    )


def payment_method_types_removed(param: str = "payment_method_types") -> SandboxError:
    """Endive (2026-09-30) made `payment_method_types` read-only on PaymentIntents and
    SetupIntents. The code is Stripe's (changelog); the message is the sandbox's wording."""
    return invalid(
        f"The {param} parameter is no longer supported on this API version. Use "
        "allowed_payment_method_types, excluded_payment_method_types or dynamic payment "
        "methods instead; the object still returns payment_method_types.",
        param,
        "payment_method_types_no_longer_supported",
    )


def only_one_of(*params: str) -> SandboxError:
    """Mutually exclusive parameters; `param` names the last one, the one to drop."""
    return invalid(
        f"You may only specify one of these parameters: {', '.join(params)}.", params[-1]
    )


def no_such(kind: str, object_id: str, param: str = "id") -> SandboxError:
    return SandboxError(
        404,
        "invalid_request_error",
        f"No such {kind}: '{object_id}'",
        code="resource_missing",
        param=param,
    )


def unexpected_state(message: str) -> SandboxError:
    return invalid(message, code="payment_intent_unexpected_state")
