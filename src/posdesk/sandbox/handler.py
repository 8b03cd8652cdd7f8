"""The HTTP request handler every sandbox endpoint answers through: reading a bounded body,
CORS for the stand-in Stripe.js, answering in one write, dropping a connection.

It knows no endpoint: server.py subclasses it with the routing (`route`), and the endpoint
modules (control.py, stripe_js.py) answer through it, so none of them imports the server."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import urlsplit

from .errors import invalid

MAX_BODY = 1_000_000


def dump(obj: Any) -> bytes:
    return json.dumps(obj, indent=2).encode()


class RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body leave in one write; otherwise Nagle plus delayed ACKs cost ~40 ms a call.
    wbufsize = 64 * 1024
    disable_nagle_algorithm = True
    server_version = "posdesk-sandbox"
    sys_version = ""

    def route(self, method: str, path: str, query: str, body: bytes) -> None:
        """Answer one request (`path` without its trailing `/`)."""
        raise NotImplementedError

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # quiet: request lines could carry client secrets in query strings

    def _read_body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self.send_raw(
                413 if length > MAX_BODY else 400,
                dump(invalid("Invalid request: bad Content-Length.").body()),
                {},
            )
            self.close_connection = True
            return None
        return self.rfile.read(length) if length else b""

    def _dispatch(self, method: str) -> None:
        body = self._read_body()
        if body is None:
            return
        parts = urlsplit(self.path)
        path = parts.path.rstrip("/") or "/"
        try:
            self.route(method, path, parts.query, body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_DELETE(self) -> None:  # noqa: N802
        self._dispatch("DELETE")

    def do_PUT(self) -> None:  # noqa: N802
        self._dispatch("PUT")

    def do_PATCH(self) -> None:  # noqa: N802
        self._dispatch("PATCH")

    def do_OPTIONS(self) -> None:  # noqa: N802 - CORS preflight for the stand-in Stripe.js
        self._read_body()
        self.send_response(204)
        self._cors()
        self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS")
        self.send_header(
            "Access-Control-Allow-Headers",
            "Authorization, Content-Type, Idempotency-Key, Stripe-Version",
        )

    def send_json(self, status: int, obj: Any, headers: dict[str, str] | None = None) -> None:
        self.send_raw(status, dump(obj), headers or {})

    def send_raw(
        self,
        status: int,
        payload: bytes,
        headers: dict[str, str],
        content_type: str = "application/json",
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self._cors()
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def drop(self) -> None:
        """Close the connection without answering (the work is already done)."""
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(2)
        except OSError:
            pass
