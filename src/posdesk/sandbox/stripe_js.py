"""`/js/v3/`: the sandbox's stand-in for Stripe.js and the frames it embeds.

The script runs on the merchant page; the card fields, the CVC field and the 3D Secure
challenge live in frames served from the sandbox origin, as Stripe's do from js.stripe.com,
so the merchant page never holds a card number. Files come from `sandbox/static/`.

Supported: ``Stripe(pk[, options])``; ``stripe.elements({clientSecret, appearance, fonts,
allowedPaymentMethodTypes})`` (``fonts``: CustomFontSource objects with an https ``src``,
loaded in the frames) (also without a client secret, for ``cardCvc``; as on endive,
``paymentMethodTypes`` there or in ``elements.update`` throws an IntegrationError);
``elements.create('payment' | 'cardCvc')``, ``elements.getElement``,
``elements.fetchUpdates()``, ``elements.submit()``, ``elements.update({appearance})`` (the
mounted Payment Element restyles at once);
``element.mount(selectorOrNode)``, ``on/once/off('ready' | 'change' | 'focus' | 'blur' |
'loaderror')``, ``update({readOnly, style})``, ``focus()``, ``blur()``, ``clear()``,
``unmount()``, ``destroy()``; ``stripe.confirmPayment`` / ``confirmSetup`` (``{elements}`` or
``{clientSecret, confirmParams: {payment_method}}``, ``redirect: 'if_required'``),
``retrievePaymentIntent``, ``retrieveSetupIntent``, ``handleNextAction({clientSecret})``,
``createToken('cvc_update', cvcElement)``. Results are ``{paymentIntent}`` / ``{setupIntent}``
/ ``{token}`` or ``{error}`` with Stripe's fields (``type``, ``code``, ``decline_code``,
``message``, ``payment_intent`` / ``setup_intent``). Field problems are ``validation_error``s
(``incomplete_number``, ``invalid_number`` for a failed Luhn check, ``incomplete_expiry``,
``invalid_expiry_year_past``, ``invalid_expiry_month_past``, ``incomplete_cvc``), shown
under the field and answered without calling the API.

Language: ``Stripe(pk, {locale})`` (``'auto'``: the browser's) sets the frames' words, the
card form's and the 3D Secure page's, from ``sandbox/words.py`` (English where it has none).

Appearance, as Stripe documents it: the Payment Element follows ``appearance.theme``
(``'stripe'``, ``'night'``, ``'flat'``: the sandbox's likeness of Stripe's themes, not their
exact colors) and ``appearance.variables`` (``colorPrimary``, ``colorBackground``,
``colorText``, ``colorTextSecondary``, ``colorTextPlaceholder``, ``colorDanger``,
``fontFamily``, ``fontSizeBase``, ``borderRadius``); borders and secondary words are derived
from text and background. ``cardCvc`` ignores ``appearance`` (Stripe's Appearance API does
not reach single card Elements) and takes the Style object (``style.base``: ``color``,
``fontSize``, ``fontFamily``, ``iconColor``, ``'::placeholder'``; ``style.invalid.color``);
like Stripe's, it draws only its text on a transparent frame, the page draws the field.

Frames: iframes are named ``__privateStripeFrame<n>``. The payment frame
(``/js/v3/elements/payment.html``) has ``input#cardnumber``, ``#exp-date`` (MM / YY),
``#cvc`` and an optional ``#postal``, each with a ``<label>`` and an error line
``#<id>-error``; the CVC frame (``/js/v3/elements/cvc.html``) has ``#cvc``. When a payment
needs 3D Secure the merchant page shows ``div#sandbox-3ds-modal`` holding
``iframe#sandbox-3ds-frame`` (``/js/v3/challenge.html``) with ``button#complete-auth``
("Complete") and ``button#fail-auth`` ("Fail"). Every frame sets ``body[data-ready=true]``
once it listens. Typing works with real key events (``element.focus()`` puts the caret in the
first field; completed fields move on to the next).

Test-only hooks on the merchant page (real Stripe.js has none; card data still reaches the
frames only by a message from their parent page):

- ``__sandboxStripe.autofill({number, exp: 'MM/YY', cvc, postal})`` fills every mounted
  element frame; answers how many frames it addressed.
- ``__sandboxStripe.challengeOpen()``; ``__sandboxStripe.challenge('complete' | 'fail')``
  (alias ``__sandboxChallenge``) presses that button in the open challenge; answers False
  when none is open.
"""

from __future__ import annotations

from importlib import resources

from .handler import RequestHandler
from .words import words_script

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
# A CJK font for the frames' Chinese words (frame.css), where the machine has none.
FONT_PATH = "/fonts/cjk.ttf"
# The frames' words in the languages the sandbox speaks (sandbox/words.py), beside them.
WORDS_PATHS = ("/words.js", "/elements/words.js")
# The frames may sit in any page (like Stripe's), run only their own scripts and talk only to
# the sandbox.
FRAME_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; frame-src 'self'; img-src 'self' data:; font-src 'self' https:; "
    "base-uri 'none'; "
    "form-action 'none'; object-src 'none'; frame-ancestors *"
)


def handles(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/")


def _font() -> bytes | None:
    """The CJK font PosDesk carries (resources/fonts), for the frames' Chinese words; read,
    not imported: the sandbox imports nothing of the app."""
    try:
        return (resources.files("posdesk.resources") / "fonts" / "ReceiptCJK.ttf").read_bytes()
    except (FileNotFoundError, ModuleNotFoundError):
        return None


def _read(name: str) -> bytes:
    return (resources.files("posdesk.sandbox") / "static" / name).read_bytes()


def handle(req: RequestHandler, method: str, path: str) -> None:
    """Serve one file of the stand-in (GET/HEAD only; the path is already stripped of `/`)."""
    if path[len(PREFIX) :] == FONT_PATH and method in ("GET", "HEAD"):
        font = _font()
        if font is not None:
            req.send_raw(200, font, {"Cache-Control": "public, max-age=86400",
                                     "Access-Control-Allow-Origin": "*",
                                     "X-Content-Type-Options": "nosniff"},
                         content_type="font/ttf")
            return
    if path[len(PREFIX) :] in WORDS_PATHS and method in ("GET", "HEAD"):
        req.send_raw(200, words_script(), {"Cache-Control": "no-cache",
                                           "X-Content-Type-Options": "nosniff"},
                     content_type="text/javascript; charset=utf-8")
        return
    entry = FILES.get(path[len(PREFIX) :])
    if entry is None or method not in ("GET", "HEAD"):
        req.send_raw(404, b"Not found\n", {}, content_type="text/plain; charset=utf-8")
        return
    name, content_type = entry
    headers = {"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}
    if content_type.startswith("text/html"):
        headers["Content-Security-Policy"] = FRAME_POLICY
    req.send_raw(200, _read(name), headers, content_type=content_type)
