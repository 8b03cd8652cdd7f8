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
    ) -> None:
        super().__init__(message)
        self.status = status
        self.type = type_
        self.message = message
        self.code = code
        self.param = param
        self.decline_code = decline_code
        self.extra = extra or {}
        # Stripe saves no idempotent result for requests that fail validation before running.
        if saves_idempotent_result is None:
            saves_idempotent_result = type_ not in ("invalid_request_error", "idempotency_error")
        self.saves_idempotent_result = saves_idempotent_result

    def body(self) -> dict[str, Any]:
        err: dict[str, Any] = {"type": self.type, "message": self.message}
        if self.code:
            err["code"] = self.code
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
