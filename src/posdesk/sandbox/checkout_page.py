"""The Stripe-hosted payment page of Checkout Sessions and Payment Links, as the sandbox
serves it (Stripe's is checkout.stripe.com/c/pay/cs_…, a link's buy.stripe.com/…).

`GET /c/pay/{cs_id}`: the page (what is paid, then the stand-in Stripe.js card fields; a
session that is no longer open says so and takes no payment). The page's own calls:
`POST /c/pay/{cs_id}/start` makes (once) the session's PaymentIntent and answers its client
secret; the page confirms it with Stripe.js (3D Secure included); `POST
/c/pay/{cs_id}/done` then completes the session once its intent succeeded (a page closed
before saying so is completed at the next read: checkout.refresh). `GET /b/{plink_id}`: a
visit of a payment link, a new session, redirected to its page.

Language: the session's `locale`, else (`auto`, as Stripe's default) the browser's
Accept-Language; the words come from `words.py` (English where it has none), and the card
fields follow (`Stripe(pk, {locale})`).

Test hooks are Stripe.js's (`__sandboxStripe.autofill`, `.challenge`), plus
`body[data-state]`: `ready`, `paying`, `paid`, `closed` (expired or complete before the visit)
or `error` (with `#message`).
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from typing import Any, Protocol

from . import checkout
from .context import SECRET, Context
from .errors import SandboxError
from .handler import RequestHandler, dump
from .money import ZERO_DECIMAL
from .state import State
from .words import language_of, say

PAGE = re.compile(r"^/c/pay/(?P<cs>cs_[A-Za-z0-9_]+)(?P<action>/start|/done)?$")
LINK = re.compile(r"^/b/(?P<plink>plink_[A-Za-z0-9_]+)$")
# The page's publishable key: the sandbox accepts any well-formed test key.
PAGE_KEY = "pk_test_sandboxhostedcheckout"
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; frame-src 'self'; img-src 'self' data:; base-uri 'none'; "
    "form-action 'none'; object-src 'none'"
)


class Hosting(Protocol):
    base_url: str
    state: State


def handles(path: str) -> bool:
    return bool(PAGE.match(path) or LINK.match(path)) or path == "/c/checkout_page.js"


def handle(sandbox: Hosting, req: RequestHandler, method: str, path: str) -> None:
    if path == "/c/checkout_page.js":
        script = (resources.files("posdesk.sandbox") / "static" / "checkout_page.js")
        req.send_raw(200, script.read_bytes(), {"Cache-Control": "no-cache"},
                     content_type="text/javascript; charset=utf-8")
        return
    ctx = Context(sandbox.state, base_url=sandbox.base_url, key_kind=SECRET)
    link = LINK.match(path)
    language = language_of(req.headers.get("Accept-Language"))
    try:
        with sandbox.state.lock:
            if link is not None and method == "GET":
                payment_link = ctx.get("payment_link", link.group("plink"))
                if not payment_link["active"]:
                    raise SandboxError(410, "invalid_request_error",
                                       "This payment link is no longer active.")
                session = checkout.session_for_link(ctx, payment_link)
                req.send_raw(303, b"", {"Location": session["url"]},
                             content_type="text/plain")
                return
            found = PAGE.match(path)
            if found is None:
                raise SandboxError(404, "invalid_request_error", "No such page.")
            session = ctx.get("checkout_session", found.group("cs"))
            action = found.group("action")
            if action is None and method == "GET":
                checkout.refresh(ctx, session)
                if session.get("locale") not in (None, "", "auto"):
                    language = language_of(str(session["locale"]))
                body = _page(ctx, session, language).encode()
                req.send_raw(200, body, {"Content-Security-Policy": POLICY,
                                         "Cache-Control": "no-store"},
                             content_type="text/html; charset=utf-8")
                return
            if action == "/start" and method == "POST":
                intent = checkout.start_payment(ctx, session)
                req.send_json(200, {"client_secret": intent["client_secret"],
                                    "publishable_key": PAGE_KEY})
                return
            if action == "/done" and method == "POST":
                checkout.refresh(ctx, session)
                req.send_json(200, _finish(ctx, session))
                return
            raise SandboxError(405, "invalid_request_error", "Method not allowed.")
    except SandboxError as err:
        if path.endswith(("/start", "/done")):
            req.send_raw(err.status, dump(err.body()), {})
        else:
            req.send_raw(err.status,
                         _closed_page(say(err.message, language), language).encode(),
                         {"Content-Security-Policy": POLICY},
                         content_type="text/html; charset=utf-8")


def _finish(ctx: Context, session: dict[str, Any]) -> dict[str, Any]:
    after = checkout.detail(ctx, session["id"]).get("after_completion") or {}
    redirect = session.get("success_url") or (after.get("redirect") or {}).get("url")
    message = (after.get("hosted_confirmation") or {}).get("custom_message")
    return {"status": session["status"], "payment_status": session["payment_status"],
            "redirect": redirect if session["status"] == "complete" else None,
            "message": message}


def _amount(session: dict[str, Any]) -> str:
    currency = session["currency"].upper()
    amount = session["amount_total"]
    if currency.lower() in ZERO_DECIMAL:
        return f"{amount} {currency}"
    return f"{amount / 100:.2f} {currency}"


def _items(ctx: Context, session: dict[str, Any]) -> str:
    rows = []
    for item in checkout.detail(ctx, session["id"]).get("line_items") or []:
        rows.append(f"<li>{html.escape(str(item['description']))} × {item['quantity']}</li>")
    return "".join(rows)


# Both pages: the sandbox's CJK font after the platforms' own, for a machine with none.
_STYLE = """<style>
@font-face { font-family: "Sandbox CJK"; src: url("/js/v3/fonts/cjk.ttf") format("truetype");
  unicode-range: U+2E80-9FFF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF; font-display: block; }
body { font-family: system-ui, sans-serif, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC",
  "Sandbox CJK"; max-width: 28rem; margin: 2rem auto; padding: 0 1rem; }
#pay { width: 100%; padding: .8rem; font: inherit; font-size: 1.1rem; margin-top: 1rem; }
#message { margin-top: 1rem; font-weight: bold; }
.test { background: #ffe08a; padding: .3rem .6rem; display: inline-block; }
</style>"""


def _page(ctx: Context, session: dict[str, Any], language: str | None) -> str:
    config = json.dumps({"session": session["id"], "status": session["status"],
                         "locale": language or "en"})
    state = "loading" if session["status"] == "open" else "closed"
    closed = {
        "complete": "This payment is complete. Thank you!",
        "expired": "This payment link has expired. Ask the shop for a new one.",
    }.get(session["status"], "")
    pay = html.escape(say("Pay %1", language).replace("%1", _amount(session)))
    return f"""<!doctype html>
<html lang="{language or 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{pay}</title>
{_STYLE}</head>
<body data-state="{state}">
<main id="page" hidden>
<p class="test">{html.escape(say("Sandbox: test mode", language))}</p>
<h1 id="amount">{html.escape(_amount(session))}</h1>
<ul id="items">{_items(ctx, session)}</ul>
<form id="form" hidden>
<div id="payment-element"></div>
<button id="pay" type="submit">{pay}</button>
</form>
<p id="message" role="status">{html.escape(say(closed, language))}</p>
</main>
<script id="config" type="application/json">{html.escape(config, quote=False)}</script>
<script src="/js/v3/words.js"></script>
<script src="/js/v3/"></script>
<script src="/c/checkout_page.js"></script>
</body></html>
"""


def _closed_page(message: str, language: str | None) -> str:
    """A link that cannot be paid (unknown, or refused): its message only, shown as the
    page's own words are, once the font that draws them has loaded (checkout_page.js)."""
    config = json.dumps({"status": "closed", "locale": language or "en"})
    return f"""<!doctype html>
<html lang="{language or 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(say("Payment", language))}</title>
{_STYLE}</head>
<body data-state="closed">
<main id="page" hidden><p id="message" role="status">{html.escape(message)}</p></main>
<script id="config" type="application/json">{html.escape(config, quote=False)}</script>
<script src="/c/checkout_page.js"></script>
</body></html>
"""
