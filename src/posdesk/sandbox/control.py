"""`/_sandbox/…`: steering a running sandbox from outside (faults, latency, 3D Secure
challenges, refunds that stay pending and then succeed or fail, webhook target, counts, the
receipts Stripe would have emailed, the day's automatic payouts, the fee model).
Deliberately not under `/v1`: Stripe has no such API."""

from __future__ import annotations

import html
import json
from typing import Any, Protocol
from urllib.parse import parse_qsl

from .errors import SandboxError, invalid
from .faults import Fault, Faults
from .handler import RequestHandler
from .idempotency import IdempotencyStore
from .params import parse_form
from .state import State


class Steered(Protocol):
    """What the steering endpoints reach of the running sandbox (server.SandboxServer)."""

    base_url: str
    latency_ms: int
    state: State
    faults: Faults
    idempotency: IdempotencyStore

    def clear_faults(self) -> None: ...

    def set_latency(self, ms: int) -> None: ...

    def set_webhook(self, url: str | None, secret: str | None, *, chaos: bool = False) -> None: ...

    def count(self, kind: str) -> int: ...

    def complete_challenge(self, intent_id: str) -> dict[str, Any]: ...

    def fail_challenge(self, intent_id: str) -> dict[str, Any]: ...

    def hold_refunds_pending(self, count: int = 1) -> None: ...

    def age_authorisation(self, intent_id: str, seconds: int) -> dict[str, Any]: ...

    def settle_refund(self, refund_id: str, *, succeed: bool) -> dict[str, Any]: ...

    def run_payouts(self, now: int | None = None) -> list[dict[str, Any]]: ...

    def set_fees(self, **fees: int) -> dict[str, int]: ...


def _params(body: bytes, query: str, content_type: str) -> dict[str, Any]:
    text = body.decode("utf-8", errors="replace")
    if "json" in content_type and text.strip():
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise invalid("Invalid JSON body.") from exc
        if not isinstance(data, dict):
            raise invalid("The JSON body must be an object.")
        return data
    params: dict[str, Any] = dict(parse_qsl(query))
    params.update(parse_form(text))
    return params


def _int(params: dict[str, Any], name: str, default: int) -> int:
    try:
        return int(params.get(name, default))
    except (TypeError, ValueError) as exc:
        raise invalid(f"Invalid integer: {params.get(name)}", name) from exc


def _bool(params: dict[str, Any], name: str) -> bool:
    value = params.get(name, False)
    if isinstance(value, bool):
        return value
    if str(value).lower() in ("1", "true"):
        return True
    if str(value).lower() in ("", "0", "false"):
        return False
    raise invalid(f"Invalid boolean: {value}", name)


def _float(params: dict[str, Any], name: str, default: float) -> float:
    try:
        return float(params.get(name, default))
    except (TypeError, ValueError) as exc:
        raise invalid(f"Invalid number: {params.get(name)}", name) from exc


def handle(
    sandbox: Steered, req: RequestHandler, method: str, path: str, query: str, body: bytes
) -> None:
    try:
        status, result = _route(sandbox, req, method, path, query, body)
    except SandboxError as err:
        req.send_json(err.status, err.body())
        return
    if isinstance(result, str):
        req.send_raw(status, result.encode(), {}, content_type="text/html; charset=utf-8")
    else:
        req.send_json(status, result)


def _route(
    sandbox: Steered, req: RequestHandler, method: str, path: str, query: str, body: bytes
) -> tuple[int, Any]:
    parts = path.strip("/").split("/")[1:]
    params = _params(body, query, req.headers.get("Content-Type") or "")
    if parts == ["health"] and method == "GET":
        return 200, {"ok": True, "base_url": sandbox.base_url, **sandbox.idempotency.snapshot()}
    if parts == ["faults"] and method == "POST":
        kind = str(params.get("kind", "fail"))
        try:
            sandbox.faults.add(
                Fault(
                    kind,
                    _int(params, "count", 1),
                    params.get("path_prefix") or None,
                    status=_int(params, "status", 500),
                    seconds=_float(params, "seconds", 0.0),
                    processed=_bool(params, "processed"),
                )
            )
        except ValueError as exc:
            raise invalid(str(exc), "kind") from exc
        return 200, {"ok": True}
    if parts == ["faults"] and method == "DELETE":
        sandbox.clear_faults()
        return 200, {"ok": True}
    if parts == ["latency"] and method == "POST":
        sandbox.set_latency(_int(params, "ms", 0))
        return 200, {"ok": True, "latency_ms": sandbox.latency_ms}
    if parts == ["webhooks"] and method == "POST":
        chaos = str(params.get("chaos", "false")).lower() in ("1", "true")
        try:
            sandbox.set_webhook(params.get("url") or None, params.get("secret"), chaos=chaos)
        except ValueError as exc:
            raise invalid(str(exc), "secret") from exc
        return 200, {"ok": True}
    if len(parts) == 2 and parts[0] == "count" and method == "GET":
        if parts[1] not in sandbox.state.objects:
            raise invalid(f"Unknown kind: {parts[1]}", "kind")
        return 200, {"kind": parts[1], "count": sandbox.count(parts[1])}
    if len(parts) == 3 and parts[0] == "challenges" and method == "POST":
        if parts[2] not in ("complete", "fail"):
            raise invalid("Use /complete or /fail.")
        if parts[2] == "complete":
            return 200, sandbox.complete_challenge(parts[1])
        return 200, sandbox.fail_challenge(parts[1])
    if parts == ["refunds", "pending"] and method == "POST":
        # The next `count` refunds stay pending, as a card refund does while the balance is
        # short; then /refunds/{id}/succeed or /fail moves one on (refund.failed).
        sandbox.hold_refunds_pending(_int(params, "count", 1))
        return 200, {"ok": True}
    if len(parts) == 3 and parts[0] == "refunds" and method == "POST":
        if parts[2] not in ("succeed", "fail"):
            raise invalid("Use /succeed or /fail.")
        return 200, sandbox.settle_refund(parts[1], succeed=parts[2] == "succeed")
    if len(parts) == 3 and parts[0] == "authorisations" and parts[2] == "age" \
            and method == "POST":
        # An authorisation's capture_before comes `seconds` closer (past it, it lapses).
        return 200, sandbox.age_authorisation(parts[1], _int(params, "seconds", 0))
    if parts == ["payouts", "run"] and method == "POST":
        # The day's automatic payouts of what is available at `now` (default: the clock).
        now = _int(params, "now", 0) if "now" in params else None
        made = sandbox.run_payouts(now)
        return 200, {"object": "list", "data": made}
    if parts == ["fees"] and method == "POST":
        # The fee model of later balance transactions: percent_bp, fixed, refund_fixed.
        try:
            fees = sandbox.set_fees(**{k: _int(params, k, 0) for k in params})
        except ValueError as exc:
            raise invalid(str(exc), "fees") from exc
        return 200, fees
    if parts == ["receipts"] and method == "GET":
        # The outbox: the receipts Stripe would have emailed, oldest first.
        with sandbox.state.lock:
            return 200, {"object": "list", "data": [dict(r) for r in sandbox.state.receipts]}
    if len(parts) == 2 and parts[0] == "challenges" and method == "GET":
        return 200, _challenge_page(parts[1])
    raise SandboxError(404, "invalid_request_error", f"Unknown sandbox control {method} {path}.")


def _challenge_page(intent_id: str) -> str:
    """A stand-in for the bank's 3D Secure page: two buttons, no card data."""
    safe = html.escape(intent_id)
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>3D Secure test page</title></head>
<body>
<h1>3D Secure test authentication</h1>
<p>Intent <code>{safe}</code> is waiting for authentication.</p>
<button id="complete" onclick="finish('complete')">Complete authentication</button>
<button id="fail" onclick="finish('fail')">Fail authentication</button>
<p id="result"></p>
<script>
async function finish(action) {{
  const r = await fetch('/_sandbox/challenges/{safe}/' + action, {{method: 'POST'}});
  const body = await r.json();
  document.getElementById('result').textContent = body.status || 'error';
  const back = new URLSearchParams(location.search).get('return_url');
  if (!back) return;
  // Back to the merchant with what Stripe appends to a return URL.
  const url = new URL(back);
  const kind = '{safe}'.startsWith('seti_') ? 'setup_intent' : 'payment_intent';
  url.searchParams.set(kind, '{safe}');
  if (body.client_secret) url.searchParams.set(kind + '_client_secret', body.client_secret);
  const ok = ['succeeded', 'requires_capture', 'processing'].includes(body.status);
  url.searchParams.set('redirect_status', ok ? 'succeeded' : 'failed');
  location.href = url.toString();
}}
</script>
</body></html>"""
