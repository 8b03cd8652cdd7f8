"""The loopback HTTPS server that serves the checkout page to the embedded web view.

Every page load needs a one-time token minted by `new_page_url`; anything else is a 404 but
the page's CJK font (`FONT_PATH`, public, no token). The page is one response whose inline
script and style carry a per-load CSP nonce, so no other script of ours is ever
addressable. Request lines are never logged: Stripe appends the client
secret to the return URL of redirect-based payment methods."""

from __future__ import annotations

import html
import http.server
import json
import re
import secrets
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from posdesk.card_page.certificate import CertificateFiles

STRIPE_JS_URL = "https://js.stripe.com/v3/"
FLOWS = ("payment", "setup", "authenticate", "cvc")
DEFAULT_TOKEN_TTL = 600.0  # seconds an unused page or return URL stays valid
# The CJK font PosDesk carries (resources/fonts), for a Chinese page on a machine without a
# CJK font of its own: Chromium in the web view never sees fonts registered with Qt.
# checkout.css names it in an @font-face, and the page hands it to Stripe's frames too.
FONT_PATH = "/fonts/posdesk-cjk.ttf"
_FONT_FILE = ("fonts", "ReceiptCJK.ttf")

# Intent ids only; a client secret (`pi_…_secret_…`) never matches because of its underscores.
_INTENT_ID_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
# What a page's theme may say (the app's colors; checked again where the page applies them).
_THEME_NAME = re.compile(r"[a-z][a-z0-9-]*")
_THEME_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class ContentSources:
    """Origins the checkout page may use, per CSP directive."""

    script: tuple[str, ...]
    frame: tuple[str, ...]
    connect: tuple[str, ...]
    img: tuple[str, ...]

    def all_origins(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for origin in (*self.script, *self.frame, *self.connect, *self.img):
            seen.setdefault(origin, None)
        return tuple(seen)


# Stripe's published CSP requirements for Stripe.js and Elements (docs.stripe.com/security/guide),
# minus https://maps.googleapis.com, which only the Address Element's autocomplete needs.
STRIPE_SOURCES = ContentSources(
    script=("https://js.stripe.com", "https://*.js.stripe.com"),
    frame=("https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"),
    connect=("https://api.stripe.com",),
    img=("https://*.stripe.com",),
)


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url!r}")
    return f"{parts.scheme}://{parts.netloc}"


def sources_for(stripe_js_url: str) -> ContentSources:
    """Stripe's origins for the real Stripe.js; otherwise (the sandbox's stand-in in demo and
    tests) only that server's origin, so the demo page cannot reach Stripe at all."""
    origin = origin_of(stripe_js_url)
    if origin == origin_of(STRIPE_JS_URL):
        return STRIPE_SOURCES
    one = (origin,)
    return ContentSources(script=one, frame=one, connect=one, img=one)


def content_security_policy(sources: ContentSources, nonce: str) -> str:
    """The page's policy: nothing by default; our own inline script only with this load's
    nonce; Stripe.js, its frames, its API and its images from their origins.

    Styles are allowed inline: Stripe.js writes inline styles onto the elements it mounts in
    the host page, and a nonce-only style-src blocks them (reported by integrators, e.g.
    mozilla/fxa#2138, bitwarden/clients#15057), which would only show on the first live
    sale because the sandbox's stand-in styles through the CSSOM. A nonce beside
    'unsafe-inline' would make browsers ignore 'unsafe-inline', so there is none here; inline
    style cannot run script, and img-src still limits what CSS may load."""
    n = f"'nonce-{nonce}'"
    directives = [
        ("default-src", ["'none'"]),
        ("script-src", [n, *sources.script]),
        ("style-src", ["'unsafe-inline'"]),
        ("frame-src", list(sources.frame)),
        ("connect-src", list(sources.connect)),
        ("img-src", list(sources.img)),
        ("font-src", ["'self'"]),
        ("base-uri", ["'none'"]),
        ("form-action", ["'none'"]),
        ("frame-ancestors", ["'none'"]),
        ("object-src", ["'none'"]),
    ]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives)


@dataclass(frozen=True)
class ReturnNotice:
    """A redirect-based payment method came back to the return URL (what the app may learn
    from it; the client secret in Stripe's query string is dropped)."""

    page_token: str
    intent_id: str | None
    redirect_status: str | None


@dataclass
class _PageToken:
    flow: str
    expires_at: float
    used: bool = False
    theme: dict[str, Any] | None = None


def checked_theme(theme: dict[str, Any]) -> dict[str, Any]:
    """`theme` if it is what the page understands: {"scheme": "light" | "dark", "colors":
    {name: "#rrggbb"}, "appearance": {...}} (Stripe's Elements appearance, JSON)."""
    if theme.get("scheme") not in ("light", "dark"):
        raise ValueError("a page theme's scheme is light or dark")
    colours = theme.get("colors")
    if not isinstance(colours, dict) or not all(
        isinstance(k, str) and _THEME_NAME.fullmatch(k)
        and isinstance(v, str) and _THEME_COLOUR.fullmatch(v) for k, v in colours.items()
    ):
        raise ValueError("a page theme's colors are names and #rrggbb values")
    if not isinstance(theme.get("appearance", {}), dict):
        raise ValueError("a page theme's appearance is an object")
    json.dumps(theme)  # JSON only
    return theme


@dataclass
class _ReturnToken:
    page_token: str
    expires_at: float


def _read_static(name: str) -> str:
    return (resources.files("posdesk.card_page") / "static" / name).read_text(encoding="utf-8")


def _read_font() -> bytes | None:
    """The bundled CJK font's bytes (read per request: 1.3 MB is not worth keeping in an
    idle till's memory), or None when the install lacks it."""
    node = resources.files("posdesk.resources")
    for part in _FONT_FILE:
        node = node / part
    try:
        return node.read_bytes()
    except (FileNotFoundError, ModuleNotFoundError):
        return None


class CheckoutServer:
    """Serves `/checkout?token=…&flow=…` (once per token) and `/return?token=…` over TLS on
    127.0.0.1. Thread-safe; `start()` returns once the socket listens."""

    def __init__(
        self,
        cert: CertificateFiles,
        *,
        stripe_js_url: str = STRIPE_JS_URL,
        sources: ContentSources | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        token_ttl: float = DEFAULT_TOKEN_TTL,
        on_return: Callable[[ReturnNotice], None] | None = None,
    ) -> None:
        self.cert = cert
        self.stripe_js_url = stripe_js_url
        self.sources = sources if sources is not None else sources_for(stripe_js_url)
        self._host = host
        self._port = port
        self._token_ttl = token_ttl
        self._on_return = on_return
        self._lock = threading.Lock()
        self._pages: dict[str, _PageToken] = {}
        self._returns: dict[str, _ReturnToken] = {}
        self._httpd: _TlsHttpServer | None = None
        self._thread: threading.Thread | None = None
        self._page_template = _read_static("checkout.html")
        self._page_script = _read_static("checkout.js")
        self._page_style = _read_static("checkout.css")

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        if self._httpd is not None:
            return
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.load_cert_chain(self.cert.cert_path, self.cert.key_path)
        httpd = _TlsHttpServer((self._host, self._port), _Handler, context, self)
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
            name="posdesk-checkout-server", daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        httpd, thread = self._httpd, self._thread
        self._httpd = self._thread = None
        if httpd is None:
            return
        httpd.shutdown()
        httpd.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> CheckoutServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the checkout server is not running")
        return int(self._httpd.server_address[1])

    @property
    def origin(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    # -- URLs ------------------------------------------------------------------------------

    def new_page_url(self, flow: str, *, theme: dict[str, Any] | None = None) -> str:
        """A checkout page URL that loads exactly once (and expires unused after the TTL).
        `theme` (see `checked_theme`): the page's colors, in the page from its first paint
        and on its return page; without one the page uses the browser's own colors."""
        if flow not in FLOWS:
            raise ValueError(f"unknown checkout flow {flow!r}; expected one of {FLOWS}")
        if theme is not None:
            theme = checked_theme(theme)
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._prune()
            self._pages[token] = _PageToken(flow, time.monotonic() + self._token_ttl,
                                            theme=theme)
        return f"{self.origin}/checkout?{urlencode({'token': token, 'flow': flow})}"

    def return_url(self, page_token: str) -> str:
        """The one-time URL Stripe sends the customer back to after a redirect-based payment
        method, for the page minted with `page_token` (see `page_token_of`)."""
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._prune()
            if page_token not in self._pages:
                raise KeyError("unknown or expired checkout page token")
            self._returns[token] = _ReturnToken(page_token, time.monotonic() + self._token_ttl)
        return f"{self.origin}/return?{urlencode({'token': token})}"

    @staticmethod
    def page_token_of(url: str) -> str:
        values = parse_qs(urlsplit(url).query).get("token", [])
        if len(values) != 1:
            raise ValueError("the URL carries no checkout token")
        return values[0]

    def is_checkout_url(self, url: str) -> bool:
        """Whether `url` is on this server (for the web view's navigation filter)."""
        parts = urlsplit(url)
        return (
            parts.scheme == "https" and parts.hostname == "127.0.0.1"
            and self._httpd is not None and parts.port == self.port
            and parts.path in ("/checkout", "/return")
        )

    def revoke(self, page_token: str) -> None:
        """Forget a page and its return URLs (the dialog closed)."""
        with self._lock:
            self._pages.pop(page_token, None)
            for token in [t for t, r in self._returns.items() if r.page_token == page_token]:
                del self._returns[token]

    # -- request handling (called on the server's worker threads) ----------------------------

    def _claim_page(self, token: str, flow: str) -> _PageToken | None:
        with self._lock:
            page = self._pages.get(token)
            if page is None or page.used or page.flow != flow:
                return None
            if page.expires_at < time.monotonic():
                del self._pages[token]
                return None
            page.used = True  # kept (used) so return_url() still works for this page
            return page

    def _claim_return(self, token: str) -> str | None:
        with self._lock:
            entry = self._returns.pop(token, None)
            if entry is None or entry.expires_at < time.monotonic():
                return None
            return entry.page_token

    def _theme_of(self, page_token: str) -> dict[str, Any] | None:
        with self._lock:
            page = self._pages.get(page_token)
            return page.theme if page is not None else None

    def _prune(self) -> None:
        now = time.monotonic()
        for token in [t for t, p in self._pages.items() if not p.used and p.expires_at < now]:
            del self._pages[token]
        for token in [t for t, r in self._returns.items() if r.expires_at < now]:
            del self._returns[token]

    def render_page(self, nonce: str, theme: dict[str, Any] | None = None) -> str:
        # The theme rides in an attribute the page's script reads before the first paint.
        return (
            self._page_template
            .replace("__NONCE__", nonce)
            .replace("__THEME__", html.escape(json.dumps(theme or {}), quote=True))
            .replace("__STRIPE_JS_URL__", html.escape(self.stripe_js_url, quote=True))
            .replace("/*__CHECKOUT_CSS__*/", self._page_style)
            .replace("/*__CHECKOUT_JS__*/", self._page_script)
        )

    def render_return(self, nonce: str, notice: ReturnNotice) -> str:
        colours = (self._theme_of(notice.page_token) or {}).get("colors", {})
        return _RETURN_PAGE.format(
            nonce=nonce,
            # Checked #rrggbb values (checked_theme), else the browser's own colors.
            page=colours.get("page", "Canvas"), ink=colours.get("ink", "CanvasText"),
            intent_id=html.escape(notice.intent_id or "", quote=True),
            redirect_status=html.escape(notice.redirect_status or "", quote=True),
        )

    def _notify_return(self, notice: ReturnNotice) -> None:
        if self._on_return is not None:
            self._on_return(notice)


def _intent_id(query: dict[str, list[str]]) -> str | None:
    for name in ("payment_intent", "setup_intent"):
        values = query.get(name, [])
        if len(values) == 1:
            prefix, _, rest = values[0].partition("_")
            if prefix in ("pi", "seti") and rest and set(rest) <= _INTENT_ID_CHARS:
                return values[0]
    return None


def _redirect_status(query: dict[str, list[str]]) -> str | None:
    values = query.get("redirect_status", [])
    if len(values) == 1 and values[0] in ("succeeded", "failed", "processing", "canceled"):
        return values[0]
    return None


# The redirect-back page: tells the bridge and drops Stripe's query (it holds the client
# secret) from the history. qwebchannel.js is injected by the web view, as on the main page.
_RETURN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Returning to PosDesk</title>
<style nonce="{nonce}">html{{background:{page};color:{ink}}}
body{{font:20px system-ui,sans-serif;margin:3em}}</style>
</head><body data-intent-id="{intent_id}" data-redirect-status="{redirect_status}">
<p role="status">Returning to the checkout…</p>
<script nonce="{nonce}">
(function () {{
  "use strict";
  var body = document.body;
  var message = JSON.stringify({{
    state: "redirect_returned",
    intent_id: body.dataset.intentId || null,
    redirect_status: body.dataset.redirectStatus || null
  }});
  history.replaceState(null, "", "/return");
  var tries = 0;
  function send() {{
    if (typeof QWebChannel === "undefined" || typeof qt === "undefined") {{
      if (++tries < 200) {{ setTimeout(send, 25); }}
      return;
    }}
    new QWebChannel(qt.webChannelTransport, function (channel) {{
      channel.objects.bridge.report(message);
    }});
  }}
  send();
}})();
</script></body></html>
"""


class _TlsHttpServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[http.server.BaseHTTPRequestHandler],
        context: ssl.SSLContext,
        owner: CheckoutServer,
    ) -> None:
        self.tls = context
        self.owner = owner
        super().__init__(address, handler)

    def get_request(self) -> tuple[socket.socket, Any]:
        sock, address = self.socket.accept()
        sock.settimeout(10)
        # The handshake runs in the worker thread (first read), so one slow or hostile client
        # cannot stall the accept loop.
        return self.tls.wrap_socket(sock, server_side=True, do_handshake_on_connect=False), address

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Failed handshakes (a client that does not trust us) and dropped connections are
        # normal here; printing tracebacks to stderr would only add noise.
        return


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _TlsHttpServer
    server_version = "PosDesk"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        self.request.do_handshake()
        super().setup()

    def log_message(self, format: str, *args: Any) -> None:
        # Never log request lines: return URLs carry Stripe's client secret in the query.
        return

    def do_GET(self) -> None:
        owner = self.server.owner
        parts = urlsplit(self.path)
        if parts.path == FONT_PATH and not parts.query:
            self._send_font()
            return
        query = parse_qs(parts.query)
        token = query.get("token", [""])
        if len(token) != 1 or not token[0]:
            self._not_found()
            return
        if parts.path == "/checkout":
            flow = query.get("flow", [""])
            page = owner._claim_page(token[0], flow[0]) if len(flow) == 1 else None
            if page is None:
                self._not_found()
                return
            nonce = secrets.token_urlsafe(18)
            self._send(200, owner.render_page(nonce, page.theme),
                       content_security_policy(owner.sources, nonce))
            return
        if parts.path == "/return":
            page_token = owner._claim_return(token[0])
            if page_token is None:
                self._not_found()
                return
            notice = ReturnNotice(page_token, _intent_id(query), _redirect_status(query))
            nonce = secrets.token_urlsafe(18)
            self._send(200, owner.render_return(nonce, notice), _return_policy(nonce))
            owner._notify_return(notice)
            return
        self._not_found()

    def do_HEAD(self) -> None:
        self._not_found()

    def do_POST(self) -> None:
        self._not_found()

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_POST

    def _not_found(self) -> None:
        self._send(404, "Not found\n", "default-src 'none'; frame-ancestors 'none'",
                   content_type="text/plain; charset=utf-8")

    def _send_font(self) -> None:
        data = _read_font()
        if data is None:
            self._not_found()
            return
        # Stripe's card frames load it from their own origin: a font fetch is CORS-mode, so
        # it needs Allow-Origin (the font is public; nothing else is served this way). It
        # never changes within a version, so the web view may keep it.
        self._send_bytes(200, data, "default-src 'none'", "font/ttf", {
            "Access-Control-Allow-Origin": "*",
            "Cross-Origin-Resource-Policy": "cross-origin",
            "Cache-Control": "public, max-age=86400",
        })

    def _send(
        self, status: int, body: str, csp: str, *, content_type: str = "text/html; charset=utf-8"
    ) -> None:
        self._send_bytes(status, body.encode("utf-8"), csp, content_type, {
            "Cache-Control": "no-store", "X-Frame-Options": "DENY",
        })

    def _send_bytes(
        self, status: int, data: bytes, csp: str, content_type: str, extra: dict[str, str]
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Content-Security-Policy", csp)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


def _return_policy(nonce: str) -> str:
    n = f"'nonce-{nonce}'"
    return (
        f"default-src 'none'; script-src {n}; style-src {n}; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'; object-src 'none'"
    )


__all__ = [
    "FLOWS", "FONT_PATH", "STRIPE_JS_URL", "STRIPE_SOURCES", "CheckoutServer", "ContentSources",
    "ReturnNotice", "checked_theme", "content_security_policy", "origin_of", "sources_for",
]
