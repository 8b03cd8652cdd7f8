"""The local webhook relay: ``POST /webhooks/stripe`` for `stripe listen --forward-to` or a
shop's forwarder.

A delivery is answered 2xx only once it is committed to the inbox table; applying happens
right after on a worker thread, off the request path. Deliveries arriving together are
committed together (group commit), so a burst costs few transactions. Accepting never waits
on applying: the inbox commit takes no lock the applier holds (on SQLite the inbox is a file
of its own), and while deliveries arrive the applier keeps to a small share of the time.
At start-up whatever the inbox still holds (accepted before a crash) is applied first.

Answers, always JSON: 200 accepted (also for event types the app ignores), 400 missing/bad/
stale signature, a body that is not a well-formed event (sync/webhook_input.py), a missing,
repeated or malformed Content-Length or a body shorter than it, 404 other paths, 405 other
methods, 408 a body that stops arriving, 411 chunked bodies, 413 body above 1 MiB (judged from
Content-Length before reading), 503 when the store cannot take it (the sender retries).
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import socket
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from posdesk.domain.messages import text
from posdesk.store.database import Store
from posdesk.store.sync_state import WebhookInbox
from posdesk.sync.applier import ApplyStats, EventApplier
from posdesk.sync.signature import DEFAULT_TOLERANCE_S, SignatureError, verify
from posdesk.sync.status import MODE_WEBHOOKS, SyncObserver
from posdesk.sync.webhook_input import DeliveryRefused, read_event

log = logging.getLogger(__name__)

MESSAGE_NOT_SAVED_YET = text(
    "sync.webhook_not_saved",
    "Changes received from Stripe could not be saved yet; PosDesk tries again by itself.",
)

WEBHOOK_PATH = "/webhooks/stripe"
MAX_BODY = 1024 * 1024  # 1 MiB
_DRAIN_LIMIT = 16 * 1024 * 1024  # read and drop this much of a too-large body at most
_COMMIT_WAIT_S = 15.0
_GROUP_MAX = 500
_IDLE_TIMEOUT_S = 10.0
# Digits only: int() would also take "+5" or "5_0", which another parser on the way (a proxy)
# may read differently, and so disagree on where the body ends.
_CONTENT_LENGTH = re.compile(r"[0-9]{1,16}")
# Inbox rows applied per transaction. Accepting never waits for it: on SQLite the inbox is a
# file of its own (store/sync_state.py), on PostgreSQL an INSERT takes no lock the applier holds.
_APPLY_CHUNK = 100
# Request threads share one interpreter lock with the apply thread, so applying flat out
# would take CPU from accepting. While deliveries arrive, applying takes at most this share
# of the time (it pauses between chunks): a sender waiting for its 2xx comes first, what it
# sent is durable in the inbox and applied right after the burst.
APPLY_SHARE_WHILE_RECEIVING = 0.1
_RECEIVING_WITHIN_S = 0.1


@dataclass
class RelayCounters:
    accepted: int = 0
    rejected: int = 0
    applied: ApplyStats = field(default_factory=ApplyStats)


class _Pending:
    __slots__ = ("event_id", "type", "body", "done", "ok")

    def __init__(self, event_id: str, type_: str, body: str) -> None:
        self.event_id = event_id
        self.type = type_
        self.body = body
        self.done = threading.Event()
        self.ok = False


class WebhookRelay:
    def __init__(
        self,
        store: Store,
        applier: EventApplier,
        secrets: str | Sequence[str],
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        tolerance_s: int = DEFAULT_TOLERANCE_S,
        observer: SyncObserver | None = None,
        apply_delay_s: float = 0.05,
    ) -> None:
        self.store = store
        self.applier = applier
        self.inbox = WebhookInbox(store)
        self.secrets = [secrets] if isinstance(secrets, str) else list(secrets)
        if not any(self.secrets):
            raise ValueError("the relay needs the webhook signing secret")
        self.host = host
        self.port = port
        self.tolerance_s = tolerance_s
        self.observer = observer or SyncObserver()
        # Lets a burst gather before applying: larger batches, fewer turns at the write lock.
        self.apply_delay_s = apply_delay_s
        self.counters = RelayCounters()
        self._counter_lock = threading.Lock()
        self._httpd: _Server | None = None
        self._threads: list[threading.Thread] = []
        self._queue: list[_Pending] = []
        self._queue_lock = threading.Lock()
        self._commit_lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._last_delivery = 0.0  # time.monotonic() of the last accepted delivery
        self._apply_spent = 0.0  # seconds the last chunk of applying took

    # --- lifecycle ----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}{WEBHOOK_PATH}"

    def start(self) -> WebhookRelay:
        handler = type("RelayHandler", (_Handler,), {"relay": self})
        self._httpd = _Server((self.host, self.port), handler)
        self.host, self.port = self._httpd.server_address[:2]  # type: ignore[assignment]
        self._stopping.clear()
        self._threads = [
            threading.Thread(target=self._apply_loop, name="relay-apply", daemon=True),
            threading.Thread(
                target=self._httpd.serve_forever,
                kwargs={"poll_interval": 0.2},
                name="relay-http",
                daemon=True,
            ),
        ]
        for thread in self._threads:
            thread.start()
        self._wake.set()  # the backlog from before a crash goes first
        self.observer.update(mode=MODE_WEBHOOKS, error=None)
        return self

    def stop(self, drain_timeout_s: float = 10.0) -> None:
        """Stop accepting, finish requests in progress, apply what was accepted."""
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.close_idle_connections()
            httpd.server_close()  # waits for request threads: their commits finish first
        self._stopping.set()
        self._wake.set()
        deadline = time.monotonic() + drain_timeout_s
        for thread in self._threads:
            thread.join(max(0.1, deadline - time.monotonic()))
        self._threads = []

    def __enter__(self) -> WebhookRelay:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- accepting ----------------------------------------------------------------------------

    def accept(self, body: bytes, signature: str | None) -> tuple[int, dict[str, Any]]:
        """Judge one delivery; commit it to the inbox if good. Returns (status, answer)."""
        try:
            verify(body, signature, self.secrets, tolerance_s=self.tolerance_s)
        except SignatureError as exc:
            return self._reject(400, str(exc))
        try:
            event = read_event(body)
        except DeliveryRefused as exc:
            return self._reject(400, exc.message)
        pending = _Pending(event["id"], event["type"], body.decode("utf-8"))
        if not self._store(pending):
            return self._reject(503, "The event could not be stored; send it again.")
        with self._counter_lock:
            self.counters.accepted += 1
        self._last_delivery = time.monotonic()
        return 200, {"received": True}

    def _reject(self, status: int, message: str) -> tuple[int, dict[str, Any]]:
        with self._counter_lock:
            self.counters.rejected += 1
        log.info("webhook delivery refused (%s): %s", status, message)
        return status, {"error": message}

    def _store(self, pending: _Pending) -> bool:
        """Commit one delivery, together with any others waiting (group commit): whichever
        request thread gets the commit lock writes everything queued so far, its own
        delivery included; the others find theirs done when they get the lock."""
        with self._queue_lock:
            self._queue.append(pending)
        deadline = time.monotonic() + _COMMIT_WAIT_S
        while not pending.done.is_set():
            if not self._commit_lock.acquire(timeout=max(0.0, deadline - time.monotonic())):
                return False
            try:
                if pending.done.is_set():
                    break
                with self._queue_lock:
                    group = self._queue[:_GROUP_MAX]
                    del self._queue[:_GROUP_MAX]
                ok = False
                try:
                    self.inbox.add_many([(p.event_id, p.type, p.body) for p in group])
                    ok = True
                except Exception:
                    log.exception("could not store %d webhook deliveries", len(group))
                for item in group:
                    item.ok = ok
                    item.done.set()
            finally:
                self._commit_lock.release()
        self._wake.set()
        return pending.ok

    # --- applying -----------------------------------------------------------------------------

    def _apply_loop(self) -> None:
        failures = 0
        while True:
            self._wake.wait(1.0)
            stopping = self._stopping.is_set()
            self._wake.clear()
            if self.apply_delay_s and not stopping:
                time.sleep(self.apply_delay_s)
            try:
                self.drain()
                failures = 0
            except Exception:
                failures += 1
                log.exception("applying webhook events failed")
                self.observer.update(error=MESSAGE_NOT_SAVED_YET)
                if stopping:
                    return
                time.sleep(min(30.0, 0.5 * 2**failures))
                self._wake.set()
            if stopping:
                return

    def drain(self) -> ApplyStats:
        """Apply everything in the inbox now (also the backlog at start-up)."""
        total = ApplyStats()
        while True:
            self._yield_to_intake()
            started = time.monotonic()
            items = self.inbox.take(_APPLY_CHUNK)
            if not items:
                self._apply_spent = 0.0  # caught up: the next delivery is applied at once
                return total
            events: list[dict[str, Any]] = []
            for item in items:
                try:
                    events.append(json.loads(item.body))
                except json.JSONDecodeError:  # checked on the way in; never blocks the rest
                    log.error("inbox row %s is not JSON; dropped", item.id)
            stats = self.applier.apply(events)
            # Removed after the effect committed: a crash in between re-applies, and the
            # processed-event record makes that a no-op.
            self.inbox.remove(item.id for item in items)
            total.merge(stats)
            with self._counter_lock:
                self.counters.applied.merge(stats)
            self.observer.event_applied_at(stats.newest_created)
            self._apply_spent = time.monotonic() - started

    def _yield_to_intake(self) -> None:
        """While deliveries arrive, pause so applying takes at most its share of the time
        (at once when stopping: what was accepted is applied before the relay ends)."""
        if time.monotonic() - self._last_delivery > _RECEIVING_WITHIN_S:
            return
        share = APPLY_SHARE_WHILE_RECEIVING
        self._stopping.wait(self._apply_spent * (1 - share) / share)


def _content_length(values: list[str]) -> int:
    """The one Content-Length sent, or -1: missing, malformed, or several that disagree
    (which two parsers on the way could each read their own way)."""
    lengths = {value.strip() for value in values}
    if len(lengths) != 1:
        return -1
    (value,) = lengths
    return int(value) if _CONTENT_LENGTH.fullmatch(value) else -1


class _Server(ThreadingHTTPServer):
    # Request threads are joined on close: an accepted delivery's commit always finishes.
    daemon_threads = False
    block_on_close = True
    allow_reuse_address = True
    request_queue_size = 256

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(*args, **kwargs)

    def close_idle_connections(self) -> None:
        # Keep-alive connections waiting for a next request would hold close() up.
        with self.connections_lock:
            for conn in list(self.connections):
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RD)


class _Handler(BaseHTTPRequestHandler):
    relay: WebhookRelay
    protocol_version = "HTTP/1.1"
    timeout = _IDLE_TIMEOUT_S
    wbufsize = 64 * 1024
    disable_nagle_algorithm = True
    server_version = "posdesk-relay"
    sys_version = ""

    def setup(self) -> None:
        super().setup()
        server: _Server = self.server  # type: ignore[assignment]
        with server.connections_lock:
            server.connections.add(self.connection)

    def finish(self) -> None:
        server: _Server = self.server  # type: ignore[assignment]
        with server.connections_lock:
            server.connections.discard(self.connection)
        super().finish()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # request lines are logged by the relay itself, without bodies

    def _answer(self, status: int, body: dict[str, Any]) -> None:
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(payload)

    def do_POST(self) -> None:  # noqa: N802 - stdlib naming
        if self.path.split("?", 1)[0].rstrip("/") != WEBHOOK_PATH:
            self._drop_body()
            self._answer(404, {"error": "Not found."})
            return
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self.close_connection = True
            self._answer(411, {"error": "Send the body with a Content-Length."})
            return
        length = _content_length(self.headers.get_all("Content-Length") or [])
        if length < 0:
            self.close_connection = True
            self.relay._reject(400, "Missing or bad Content-Length.")
            self._answer(400, {"error": "Missing or bad Content-Length."})
            return
        if length > MAX_BODY:
            # Judged from the header alone; the body is never parsed or stored.
            self.close_connection = True
            self.relay._reject(413, "Body larger than 1 MiB.")
            self._answer(413, {"error": "The body is larger than 1 MiB."})
            self._discard(length)
            return
        try:
            body = self.rfile.read(length)
        except TimeoutError:
            self.close_connection = True
            self.relay._reject(408, "The body stopped arriving.")
            self._answer(408, {"error": "The body stopped arriving before its end."})
            return
        if len(body) != length:  # the sender closed its side early
            self.close_connection = True
            self.relay._reject(400, "Body shorter than its Content-Length.")
            self._answer(400, {"error": "The body is shorter than its Content-Length."})
            return
        status, answer = self.relay.accept(body, self.headers.get("Stripe-Signature"))
        self._answer(status, answer)

    def _drop_body(self) -> None:
        values = self.headers.get_all("Content-Length") or []
        length = _content_length(values) if values else 0
        if 0 < length <= MAX_BODY:
            try:
                if len(self.rfile.read(length)) == length:
                    return
            except TimeoutError:
                pass
        if length:  # unread, bad or short: the connection cannot carry another request
            self.close_connection = True

    def _discard(self, length: int) -> None:
        """Swallow what the sender still pushes, so it reads our answer instead of a reset."""
        self.connection.settimeout(2.0)
        left = min(length, _DRAIN_LIMIT)
        try:
            while left > 0:
                chunk = self.rfile.read1(min(left, 65536))  # type: ignore[attr-defined]
                if not chunk:
                    break
                left -= len(chunk)
        except OSError:
            pass

    def _not_allowed(self) -> None:
        self._drop_body()
        payload = b"" if self.command == "HEAD" else json.dumps(
            {"error": "Only POST is accepted here."}).encode()
        self.send_response(405)
        self.send_header("Allow", "POST")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def __getattr__(self, name: str) -> Any:
        # Every other method, in any spelling (GET, HEAD, OPTIONS, TRACE, CONNECT, "post"):
        # a 405 like the rest of our answers, not the standard library's 501 page.
        if name.startswith("do_"):
            return self._not_allowed
        raise AttributeError(name)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # A malformed request line or header: JSON as everywhere else, then hang up.
        self.close_connection = True
        try:
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = "Error"
        self._answer(code, {"error": phrase})
