"""HTTP plumbing of the sandbox: auth, routing, idempotency, latency and faults for `/v1`,
and the steering endpoints under `/_sandbox/` (outside Stripe's API surface)."""

from __future__ import annotations

import secrets
import sys
import threading
import time
import traceback
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from . import (
    auth,
    checkout,
    checkout_page,
    control,
    payment_intents,
    payouts,
    refunds,
    setup_intents,
    stripe_js,
    stripe_params,
)
from .context import PUBLISHABLE, Context
from .errors import SandboxError, invalid
from .faults import Fault, Faults
from .handler import RequestHandler, dump
from .idempotency import IdempotencyStore
from .params import parse_form
from .routes import READ_PERMISSION, WRITE_PERMISSION, Route, match
from .state import DEFAULT_API_VERSION, State
from .webhooks import WebhookSender


class SandboxServer:
    """A Stripe-compatible test server on a background thread."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        seed: str | None = None,
        latency_ms: int = 0,
        webhook_url: str | None = None,
        webhook_secret: str | None = None,
        state_file: str | Path | None = None,
        webhook_chaos: bool = False,
    ) -> None:
        if seed not in (None, "demo"):
            raise ValueError(f"unknown seed {seed!r} (only 'demo')")
        if webhook_url and not webhook_secret:
            raise ValueError("webhook_url needs webhook_secret")
        self.host = host
        self.port = port
        self.seed = seed
        self.latency_ms = latency_ms
        self.state_file = Path(state_file) if state_file else None
        self.state = State()
        self.faults = Faults()
        self.idempotency = IdempotencyStore()
        self.webhooks: WebhookSender | None = None
        self._webhook_config = (webhook_url, webhook_secret, webhook_chaos)
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._saver: threading.Thread | None = None
        self._stopping = threading.Event()
        self.base_url = ""

    # --- lifecycle ----------------------------------------------------------------------------

    def start(self) -> SandboxServer:
        loaded = self.state.load(self.state_file) if self.state_file else False
        if not loaded and self.seed == "demo":
            from .seed import seed_demo

            seed_demo(self.state)
        url, secret, chaos = self._webhook_config
        if url and secret:
            self.set_webhook(url, secret, chaos=chaos)
        handler = type("BoundHandler", (_Handler,), {"sandbox": self})
        self._httpd = _Server((self.host, self.port), handler)
        host, port = self._httpd.server_address[:2]
        self.port = port
        self.base_url = f"http://{host}:{port}"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.1},
            daemon=True,
            name="sandbox-http",
        )
        self._thread.start()
        if self.state_file:
            self._saver = threading.Thread(target=self._save_loop, daemon=True, name="sandbox-save")
            self._saver.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self.webhooks is not None:
            self.webhooks.stop()
        if self._saver is not None:
            self._saver.join(timeout=5)
            self._saver = None
        if self.state_file:
            self.state.save(self.state_file)

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _save_loop(self) -> None:
        while not self._stopping.wait(0.5):
            if self.state.dirty and self.state_file:
                try:
                    self.state.save(self.state_file)
                except OSError as exc:  # keep serving; report once per failure
                    print(f"sandbox: could not save state: {exc}", file=sys.stderr)

    # --- steering -----------------------------------------------------------------------------

    def fail_next(
        self,
        count: int,
        status: int = 500,
        path_prefix: str | None = None,
        *,
        processed: bool = False,
    ) -> None:
        """Answer the next `count` matching requests with `status`, as Stripe would (faults.py):
        429/502/503 on arrival, saving nothing; a 500 once the request executes, saved for an
        idempotent POST and replayed to its retries. `processed=True`: the handler runs first
        (the objects exist, the events went out), only the answer is the 500."""
        self.faults.add(Fault("fail", count, path_prefix, status=status, processed=processed))

    def drop_after_processing(self, count: int = 1, path_prefix: str | None = None) -> None:
        self.faults.add(Fault("drop", count, path_prefix))

    def hold(self, seconds: float, count: int = 1, path_prefix: str | None = None) -> None:
        self.faults.add(Fault("hold", count, path_prefix, seconds=seconds))

    def clear_faults(self) -> None:
        self.faults.clear()

    def set_latency(self, ms: int) -> None:
        self.latency_ms = max(0, int(ms))

    def set_webhook(self, url: str | None, secret: str | None, *, chaos: bool = False) -> None:
        """Point webhook delivery at `url` (None turns it off)."""
        if self.webhooks is not None:
            self.webhooks.stop()
            self.state.listeners.remove(self.webhooks.enqueue)
            self.webhooks = None
        if url:
            if not secret:
                raise ValueError("a webhook needs its signing secret")
            self.webhooks = WebhookSender(url, secret, chaos=chaos)
            self.state.listeners.append(self.webhooks.enqueue)

    def complete_challenge(self, intent_id: str) -> dict[str, Any]:
        return self._challenge(intent_id, complete=True)

    def fail_challenge(self, intent_id: str) -> dict[str, Any]:
        return self._challenge(intent_id, complete=False)

    def _challenge(self, intent_id: str, *, complete: bool) -> dict[str, Any]:
        ctx = Context(self.state, base_url=self.base_url)
        with self.state.lock:
            if intent_id.startswith("seti_"):
                si = ctx.get("setup_intent", intent_id)
                fn = setup_intents.complete_challenge if complete else setup_intents.fail_challenge
                return dict(fn(ctx, si))
            pi = ctx.get("payment_intent", intent_id)
            fn = payment_intents.complete_challenge if complete else payment_intents.fail_challenge
            return dict(fn(ctx, pi))

    def count(self, kind: str) -> int:
        return self.state.count(kind)

    def sweep_checkout(self) -> None:
        """Expire the Checkout Sessions past their `expires_at` now (and complete any whose
        payment went through), as Stripe does on its own schedule."""
        ctx = Context(self.state, base_url=self.base_url)
        with self.state.lock:
            checkout.sweep(ctx)

    def age_authorisation(self, intent_id: str, seconds: int) -> dict[str, Any]:
        """Bring an authorisation's `capture_before` `seconds` closer; past it, it lapses."""
        ctx = Context(self.state, base_url=self.base_url)
        with self.state.lock:
            pi = ctx.get("payment_intent", intent_id)
            return dict(payment_intents.age_authorisation(ctx, pi, seconds))

    def hold_refunds_pending(self, count: int = 1) -> None:
        """The next `count` refunds stay `pending` until settle_refund moves them on."""
        with self.state.lock:
            self.state.refunds_pending_next = max(0, int(count))

    def settle_refund(self, refund_id: str, *, succeed: bool) -> dict[str, Any]:
        """A pending refund succeeds, or fails (refund.failed), as Stripe reports later."""
        ctx = Context(self.state, base_url=self.base_url)
        with self.state.lock:
            return dict(refunds.settle(ctx, refund_id, succeed=succeed))

    def run_payouts(self, now: int | None = None) -> list[dict[str, Any]]:
        """The day's automatic payouts of what is available at `now` (payouts.py)."""
        ctx = Context(self.state, base_url=self.base_url)
        with self.state.lock:
            return [dict(p) for p in payouts.run_daily(ctx, now)]

    def set_fees(self, **fees: int) -> dict[str, int]:
        """Change the fee model of later balance transactions (balance.py)."""
        with self.state.lock:
            for name, value in fees.items():
                if name not in self.state.fees or int(value) < 0:
                    raise ValueError(f"Unknown or negative fee: {name}")
                self.state.fees[name] = int(value)
            return dict(self.state.fees)

    # --- request handling ---------------------------------------------------------------------

    def handle_api(
        self, req: RequestHandler, method: str, path: str, query: str, body: bytes
    ) -> None:
        request_id = "req_" + secrets.token_hex(7)
        headers = {"Request-Id": request_id, "Stripe-Version": DEFAULT_API_VERSION}
        if self.latency_ms:
            time.sleep(self.latency_ms / 1000)
        taken = self.faults.on_arrival(path)
        if "fail" in taken:  # 429/502/503: in front of the idempotency layer, nothing saved
            req.send_json(*_fault_body(taken["fail"].status), headers)
            return
        idem_key = req.headers.get("Idempotency-Key")
        claimed = False
        drop = "drop" in taken
        status, payload = 500, b""
        try:
            kind, key = auth.classify(req.headers.get("Authorization"))
            found = match(method, path)
            if found is None:
                raise SandboxError(
                    404,
                    "invalid_request_error",
                    f"Unrecognized request URL ({method}: {path}). Please see "
                    "https://stripe.com/docs or we can help at https://support.stripe.com/.",
                )
            route, groups = found
            if kind == PUBLISHABLE and not route.publishable:
                raise auth.publishable_not_allowed()
            if key.startswith(auth.NO_BALANCE_PREFIX) and route.resource in READ_PERMISSION:
                raise auth.permission_error(key, READ_PERMISSION[route.resource])
            if method != "GET" and key.startswith(auth.READ_ONLY_PREFIX):
                raise auth.permission_error(key, WRITE_PERMISSION.get(route.resource, "rak_write"))
            try:
                text = (body if method == "POST" else query.encode()).decode("utf-8")
            except UnicodeDecodeError as exc:
                raise invalid("Invalid request: the body is not valid UTF-8.") from exc
            params = parse_form(text)
            if method == "POST" and idem_key is not None:
                fingerprint = f"{method} {path} {sorted(parse_qsl(text, keep_blank_values=True))}"
                saved = self.idempotency.begin(idem_key, fingerprint)
                if saved is not None:
                    headers["Idempotent-Replayed"] = "true"
                    headers["Idempotency-Key"] = idem_key
                    status, payload = saved.status, saved.body
                    raise _Replay
                claimed = True
                headers["Idempotency-Key"] = idem_key
            if "hold" in taken:
                time.sleep(taken["hold"].seconds)
            ctx = Context(
                self.state,
                base_url=self.base_url,
                request_id=request_id,
                idempotency_key=idem_key,
                key_kind=kind,
                api_version=req.headers.get("Stripe-Version") or DEFAULT_API_VERSION,
                path=path,
            )
            status, payload, save = self._execute(route, ctx, params, groups)
            if claimed:
                self.idempotency.finish(idem_key or "", status, payload, save)
                claimed = False
        except _Replay:
            pass
        except SandboxError as err:
            status, payload = err.status, dump(err.body())
        finally:
            if claimed:
                self.idempotency.finish(idem_key or "", status, payload, False)
        if drop:
            req.drop()
            return
        req.send_raw(status, payload, headers)

    def _execute(
        self, route: Route, ctx: Context, raw: dict[str, Any], groups: dict[str, str]
    ) -> tuple[int, bytes, bool]:
        """Validate, then run the handler: (status, body, whether an idempotent POST saves it).

        Parameters are checked against the route's schema before anything runs, so a request
        that fails validation saves nothing, as at Stripe; from then on the request is
        executing, and its result (a 500 included) is what its idempotency key replays."""
        try:
            params = route.schema.validate(raw, stripe_params.PARAMS.get(route.params_type))
        except SandboxError as err:
            return err.status, dump(err.body()), False
        crash = self.faults.in_execution(ctx.path)
        if crash is not None and not crash.processed:
            return 500, dump(_fault_body(500)[1]), True
        try:
            with self.state.lock:
                result = route.handler(ctx, params, **groups)
            status, payload, save = 200, dump(result), True
        except SandboxError as err:
            status, payload, save = err.status, dump(err.body()), err.saves_idempotent_result
        except Exception:  # never let one request take the server down
            traceback.print_exc(file=sys.stderr)
            status, payload, save = 500, dump(_fault_body(500)[1]), True
        if crash is not None and save:
            # The work is done (objects made, events sent) but the answer is lost to a 500.
            # An error that saves nothing never began executing: Stripe answers it as is.
            return 500, dump(_fault_body(500)[1]), True
        return status, payload, save


class _Replay(Exception):
    pass


def _fault_body(status: int) -> tuple[int, dict[str, Any]]:
    if status == 429:
        return 429, {
            "error": {
                "code": "rate_limit",
                "message": "Request rate limit exceeded. Learn more about rate limits here "
                "https://stripe.com/docs/rate-limits.",
                "type": "invalid_request_error",
                "doc_url": "https://stripe.com/docs/error-codes/rate-limit",
            }
        }
    return status, {
        "error": {
            "message": "An unknown error occurred",
            "type": "api_error",
        }
    }


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client hanging up mid-request is normal (timeouts, dropped connections).
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class _Handler(RequestHandler):
    """Routes a request to the steering endpoints, the API or the Stripe.js stand-in."""

    sandbox: SandboxServer

    def route(self, method: str, path: str, query: str, body: bytes) -> None:
        if path.startswith("/_sandbox/") or path == "/_sandbox":
            control.handle(self.sandbox, self, method, path, query, body)
        elif path.startswith("/v1/") or path == "/v1":
            self.sandbox.handle_api(self, method, path, query, body)
        elif stripe_js.handles(path):
            stripe_js.handle(self, method, path)
        elif checkout_page.handles(path):
            checkout_page.handle(self.sandbox, self, method, path)
        else:
            err = SandboxError(
                404,
                "invalid_request_error",
                f"Unrecognized request URL ({method}: {path}). Please see "
                "https://stripe.com/docs or we can help at https://support.stripe.com/.",
            )
            self.send_raw(404, dump(err.body()), {})
