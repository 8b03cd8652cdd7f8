"""What the checkout page and the app say to each other over QWebChannel.

The web view registers one object named `bridge` with:
- slot `config() -> str`: the JSON from `page_config(...)`, asked once per page load;
- slot `report(str)`: the page's JSON messages, read with `parse_report`;
- signal `proceed(str)`: the app's answer to a `confirm_requested` report, JSON
  `{"ok": true}` or `{"ok": false, "message": "…"}` (the page shows the message);
- signal `restyle(str)`: the app's scheme switched; JSON `{"scheme", "colors",
  "appearance"}`, the same theme the page was served with (server.checked_theme), which the
  page applies to its own colors and to Stripe's Elements (unless `appearance` is set here).

Report states:
- `ready`: the element (or, for `authenticate`, the intent) is loaded; the customer can act.
- `confirm_requested` (payment flow with `allow_save`): the customer pressed Pay; `save_card`
  says whether they ticked the consent box. The app sets or clears `setup_future_usage`
  on the intent server-side, then emits `proceed`; the page refreshes the element and confirms.
- `processing`: confirmation sent to Stripe (a 3D Secure challenge may show now).
- `succeeded`: Stripe.js says `succeeded` (or `requires_capture`); `intent_id`, `status`,
  `payment_method`. The app still retrieves the intent through the gateway before recording.
- `failed`: `error` = {type, code, decline_code, message}; the customer may try again.
  Page-level problems use type `page_error` (codes `stripe_js_unavailable`, `bad_config`,
  `bad_key`, `element_load_failed`, `intent_unavailable`, `page_error`).
- `requires_action`: still needs the customer after confirmation (rare; the page allows a retry).
- `cvc_token` (cvc flow): `token_id` of the `cvc_update` token for
  `payment_method_options[card][cvc_token]`.
- `redirect_returned` (from the return page): `intent_id`, `redirect_status`.
Every report carries `flow` (null on the return page)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from posdesk.card_page.server import FLOWS

STATES = (
    "ready", "confirm_requested", "processing", "succeeded", "failed", "requires_action",
    "cvc_token", "redirect_returned",
)
_SECRET_KEY_PREFIXES = ("sk_", "rk_")


class ReportError(ValueError):
    """The page sent something that is not a checkout report."""


@dataclass(frozen=True)
class PageError:
    type: str | None
    code: str | None
    decline_code: str | None
    message: str


@dataclass(frozen=True)
class PageReport:
    state: str
    flow: str | None = None
    intent_id: str | None = None
    status: str | None = None
    payment_method: str | None = None
    save_card: bool | None = None
    token_id: str | None = None
    redirect_status: str | None = None
    error: PageError | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


def page_config(
    *,
    flow: str,
    publishable_key: str,
    client_secret: str | None,
    return_url: str,
    amount_label: str | None = None,
    allow_save: bool = False,
    payment_method: str | None = None,
    card_label: str | None = None,
    title: str | None = None,
    description: str | None = None,
    submit_label: str | None = None,
    locale: str | None = None,
    appearance: dict[str, Any] | None = None,
    texts: Mapping[str, str] | None = None,
) -> str:
    """The JSON the bridge's `config()` slot returns. Refuses anything but a publishable key,
    and a flow without the client secret it needs (the cvc flow needs none). `texts`: the
    page's sentences in the staff's language, by their English."""
    if flow not in FLOWS:
        raise ValueError(f"unknown checkout flow {flow!r}")
    if publishable_key.startswith(_SECRET_KEY_PREFIXES) or not publishable_key.startswith("pk_"):
        # Never echo the value: it may be a secret key.
        raise ValueError("the checkout page only accepts a publishable key (pk_…)")
    if flow != "cvc" and not client_secret:
        raise ValueError(f"the {flow} flow needs the intent's client secret")
    if client_secret and "_secret_" not in client_secret:
        raise ValueError("that is not an intent client secret")
    config: dict[str, Any] = {
        "flow": flow,
        "publishable_key": publishable_key,
        "client_secret": client_secret,
        "return_url": return_url,
        "allow_save": bool(allow_save and flow == "payment"),
    }
    optional = {
        "amount_label": amount_label, "payment_method": payment_method, "card_label": card_label,
        "title": title, "description": description, "submit_label": submit_label,
        "locale": locale, "appearance": appearance,
        "texts": dict(texts) if texts else None,
    }
    config.update({k: v for k, v in optional.items() if v is not None})
    return json.dumps(config)


def _text(data: dict[str, Any], name: str) -> str | None:
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 500:
        raise ReportError(f"report field {name} is not a short string")
    if "_secret_" in value:
        raise ReportError(f"report field {name} looks like a client secret")
    return value


def parse_report(text: str) -> PageReport:
    """Read one message from the page, strictly: unknown states and odd types are refused."""
    try:
        data = json.loads(text)
    except (TypeError, ValueError) as exc:
        raise ReportError("the report is not JSON") from exc
    if not isinstance(data, dict) or data.get("state") not in STATES:
        raise ReportError("the report has no known state")
    error = None
    if data.get("error") is not None:
        raw = data["error"]
        if not isinstance(raw, dict):
            raise ReportError("report field error is not an object")
        error = PageError(
            type=_text(raw, "type"), code=_text(raw, "code"),
            decline_code=_text(raw, "decline_code"),
            message=_text(raw, "message") or "The payment could not be completed.",
        )
    save_card = data.get("save_card")
    if save_card is not None and not isinstance(save_card, bool):
        raise ReportError("report field save_card is not a boolean")
    flow = _text(data, "flow")
    if flow is not None and flow not in FLOWS:
        raise ReportError("the report names an unknown flow")
    known = {"state", "flow", "intent_id", "status", "payment_method", "save_card", "token_id",
             "redirect_status", "error"}
    return PageReport(
        state=data["state"], flow=flow, intent_id=_text(data, "intent_id"),
        status=_text(data, "status"), payment_method=_text(data, "payment_method"),
        save_card=save_card, token_id=_text(data, "token_id"),
        redirect_status=_text(data, "redirect_status"), error=error,
        extra={k: v for k, v in data.items() if k not in known},
    )
