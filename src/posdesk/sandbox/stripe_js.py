"""`/js/v3/`: the sandbox's stand-in for Stripe.js and the frames it embeds.

The script runs on the merchant page; the card fields, the CVC field and the 3D Secure
challenge live in frames served from the sandbox origin, as Stripe's do from js.stripe.com,
so the merchant page never holds a card number. Files come from `sandbox/static/`."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .server import _Handler

PREFIX = "/js/v3"
# Path under /js/v3 -> (file in static/, content type).
FILES = {
    "": ("stripe.js", "text/javascript; charset=utf-8"),
    "/elements/payment.html": ("payment_frame.html", "text/html; charset=utf-8"),
    "/elements/cvc.html": ("cvc_frame.html", "text/html; charset=utf-8"),
    "/elements/frame.js": ("frame.js", "text/javascript; charset=utf-8"),
    "/elements/frame.css": ("frame.css", "text/css; charset=utf-8"),
    "/challenge.html": ("challenge_frame.html", "text/html; charset=utf-8"),
    "/frame.js": ("frame.js", "text/javascript; charset=utf-8"),
    "/frame.css": ("frame.css", "text/css; charset=utf-8"),
}
# The frames may sit in any page (like Stripe's), run only their own scripts and talk only to
# the sandbox.
FRAME_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; frame-src 'self'; img-src 'self' data:; base-uri 'none'; "
    "form-action 'none'; object-src 'none'; frame-ancestors *"
)


def handles(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/")


def _read(name: str) -> bytes:
    return (resources.files("posdesk.sandbox") / "static" / name).read_bytes()


def handle(req: _Handler, method: str, path: str) -> None:
    """Serve one file of the stand-in (GET/HEAD only; the path is already stripped of `/`)."""
    entry = FILES.get(path[len(PREFIX) :])
    if entry is None or method not in ("GET", "HEAD"):
        req.send_raw(404, b"Not found\n", {}, content_type="text/plain; charset=utf-8")
        return
    name, content_type = entry
    headers = {"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}
    if content_type.startswith("text/html"):
        headers["Content-Security-Policy"] = FRAME_POLICY
    req.send_raw(200, _read(name), headers, content_type=content_type)
