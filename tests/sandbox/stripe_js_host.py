"""A throwaway merchant page for driving the sandbox's Stripe.js stand-in in QtWebEngine.

The page is served from its own local HTTP server with a policy shaped like the checkout
page's: scripts only with a nonce or from the sandbox, styles only with a nonce, frames and
requests only to the sandbox. Its script keeps a summary of what Stripe.js answered in
`window.outcome` (ids, statuses, error fields)."""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtTest import QTest
from PySide6.QtWebEngineCore import QWebEngineFrame, QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>merchant</title>
<style nonce="{nonce}">body {{ font-family: sans-serif; }} #element {{ width: 420px; }}</style>
<script nonce="{nonce}" src="{sandbox}/js/v3/"></script>
</head><body>
<h1>Merchant test page</h1>
<div id="element"></div>
<script nonce="{nonce}">
window.outcome = null;
window.events = [];
window.violations = [];
document.addEventListener('securitypolicyviolation', function (e) {{
  violations.push(e.violatedDirective + ' ' + e.blockedURI);
}});
function summary(r) {{
  var out = {{}};
  if (r.error) {{
    var e = r.error;
    var intent = e.payment_intent || e.setup_intent || null;
    out.error = {{ type: e.type || null, code: e.code || null,
                  decline_code: e.decline_code || null, message: e.message || null,
                  intent_id: intent ? intent.id : null,
                  intent_status: intent ? intent.status : null }};
  }}
  var found = r.paymentIntent || r.setupIntent || null;
  if (found) {{
    out.intent = {{ id: found.id, status: found.status,
                   payment_method: found.payment_method && (found.payment_method.id ||
                                                            found.payment_method) }};
  }}
  if (r.token) {{ out.token = {{ id: r.token.id, type: r.token.type }}; }}
  return JSON.stringify(out);
}}
function settle(p) {{
  window.outcome = null;
  p.then(function (r) {{ window.outcome = summary(r); }},
         function (e) {{ window.outcome = JSON.stringify({{ thrown: String(e) }}); }});
  return true;
}}
window.mount = function (pk, clientSecret, type) {{
  window.stripe = Stripe(pk);
  window.elements = clientSecret ? stripe.elements({{ clientSecret: clientSecret,
      appearance: {{ theme: 'stripe', variables: {{ colorPrimary: '#0a7c3a' }} }} }})
    : stripe.elements();
  window.element = elements.create(type);
  ['ready', 'change', 'focus', 'blur'].forEach(function (name) {{
    element.on(name, function (e) {{ window.events.push({{ name: name, event: e }}); }});
  }});
  element.mount('#element');
  return true;
}};
window.lastChange = function () {{
  var found = null;
  events.forEach(function (e) {{ if (e.name === 'change') {{ found = e.event; }} }});
  return found ? JSON.stringify(found) : null;
}};
window.seen = function (name) {{
  return events.some(function (e) {{ return e.name === name; }});
}};
window.returnUrl = location.origin + '/return';
</script>
</body></html>
"""


def policy(nonce: str, sandbox: str) -> str:
    n = f"'nonce-{nonce}'"
    return (
        f"default-src 'none'; script-src {n} {sandbox}; style-src {n}; frame-src {sandbox}; "
        f"connect-src {sandbox}; img-src {sandbox}; base-uri 'none'; form-action 'none'; "
        "object-src 'none'"
    )


@contextmanager
def host_server(sandbox_url: str) -> Iterator[str]:
    """Serve the merchant page at `/` (a fresh nonce per load); yields its URL."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - stdlib naming
            nonce = secrets.token_urlsafe(12)
            body = PAGE.format(nonce=nonce, sandbox=sandbox_url).encode()
            known = self.path.split("?")[0] in ("/", "/return")
            self.send_response(200 if known else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Content-Security-Policy", policy(nonce, sandbox_url))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


class _Page(QWebEnginePage):
    def __init__(self, parent: Any, sink: list[str]) -> None:
        super().__init__(parent)
        self.sink = sink

    def javaScriptConsoleMessage(  # noqa: N802 - Qt naming
        self, level: Any, message: str, line: int, source: str
    ) -> None:
        self.sink.append(f"{source}:{line}: {message}")


class Host:
    """The merchant page in an offscreen QWebEngineView, with helpers to run and await JS."""

    def __init__(self, qtbot: Any, url: str, timeout: float = 15.0) -> None:
        self.qtbot = qtbot
        self.timeout = timeout
        self.view = QWebEngineView()
        self.console: list[str] = []
        self.page = _Page(self.view, self.console)
        self.view.setPage(self.page)
        qtbot.addWidget(self.view)
        self.view.resize(640, 760)
        self.view.show()
        with qtbot.waitSignal(self.view.loadFinished, timeout=int(timeout * 1000)) as blocker:
            self.view.load(QUrl(url))
        assert blocker.args == [True]

    def close(self) -> None:
        # The page goes before the view and the profile, or QtWebEngine complains at exit.
        self.view.close()
        self.page.deleteLater()
        self.view.deleteLater()
        self.qtbot.wait(20)

    def js(self, code: str, frame: QWebEngineFrame | None = None) -> Any:
        box: list[Any] = []
        if frame is None:
            self.page.runJavaScript(code, 0, box.append)
        else:
            frame.runJavaScript(code, box.append)
        self.qtbot.waitUntil(lambda: bool(box), timeout=int(self.timeout * 1000))
        return box[0]

    def wait_js(self, code: str, frame: QWebEngineFrame | None = None) -> Any:
        """Poll `code` until it answers something truthy."""
        deadline = time.monotonic() + self.timeout
        while True:
            value = self.js(code, frame)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {code!r}; console: {self.console}")
            self.qtbot.wait(50)

    def mount(self, pk: str, client_secret: str | None, kind: str = "payment") -> None:
        secret = json.dumps(client_secret)
        assert self.js(f"mount({json.dumps(pk)}, {secret}, {json.dumps(kind)})") is True
        self.wait_js("seen('ready')")

    def violations(self) -> list[str]:
        """Content-Security-Policy violations on the merchant page so far."""
        return json.loads(self.js("JSON.stringify(violations)"))

    def outcome(self) -> dict[str, Any]:
        return json.loads(self.wait_js("window.outcome"))

    def frame_at(self, path: str) -> QWebEngineFrame:
        """The child frame showing `path` of the sandbox (waits until it has navigated)."""

        def find() -> QWebEngineFrame | None:
            for child in self.page.mainFrame().children():
                if child.url().path() == path:
                    return child
            return None

        self.qtbot.waitUntil(lambda: find() is not None, timeout=int(self.timeout * 1000))
        frame = find()
        assert frame is not None
        return frame

    def element_frame(self) -> QWebEngineFrame:
        return self.frame_at("/js/v3/elements/payment.html")

    def type_keys(self, text: str) -> None:
        """Real key events into whatever has focus inside the page."""
        target = self.view.focusProxy() or self.view
        QTest.keyClicks(target, text)

    def autofill(self, number: str | None = None, exp: str = "12/34", cvc: str = "123") -> None:
        card: dict[str, str] = {"exp": exp, "cvc": cvc}
        if number is not None:
            card["number"] = number
        assert self.js(f"__sandboxStripe.autofill({json.dumps(card)})") == 1
        self.wait_js("(function(){ var c = lastChange(); return c && JSON.parse(c).complete; })()")

    def challenge(self, action: str) -> None:
        self.wait_js("__sandboxStripe.challengeOpen()")
        visible = self.js(
            "(function(){ var m = document.getElementById('sandbox-3ds-modal');"
            " var r = m && m.getBoundingClientRect(); return !!r && r.width > 0; })()"
        )
        assert visible, "the 3D Secure challenge is not visible"
        assert self.js(f"__sandboxStripe.challenge({json.dumps(action)})") is True
