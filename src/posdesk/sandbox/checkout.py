"""Checkout Sessions and Payment Links: the Stripe-hosted page a customer pays on, away from
the counter (`mode=payment`, cards only), as far as PosDesk uses them.

Sessions: create (line items with `price_data`, `customer`, `payment_intent_data`
description / metadata / setup_future_usage, `saved_payment_method_options`, `expires_at`
30 minutes to 24 hours ahead, `success_url` / `return_url`), retrieve, list (customer,
payment_intent, payment_link, status), expire. As at Stripe, the session's PaymentIntent is
made only when the customer pays on the hosted page (checkout_page.py); the session
completes when that intent succeeds (`checkout.session.completed`, payment_status `paid`)
and expires at `expires_at` or on demand (`checkout.session.expired`; an open intent of it
is canceled, so an expired link refuses payment).

Payment Links: create (line items with `price_data`, `after_completion`,
`payment_intent_data`, `restrictions[completed_sessions][limit]`, metadata), retrieve, list,
update (`active`, metadata). Each visit of an active link's URL makes a new session.

Prices and products are made from `price_data` (Stripe makes them too); no route reads them.
"""

from __future__ import annotations

import copy
from typing import Any

from . import method_types, payment_intents
from .context import SECRET, Context, expand, merge_metadata, paginate, require_secret
from .errors import invalid, unexpected_state
from .lookups import live_customer
from .money import check_amount, check_currency
from .params import BOOL, INT, LIST_SPEC, LIST_STR, META, STR, ListOf, Schema, enum
from .state import new_id

# Stripe: "The value must be between 30 minutes and 24 hours after the current time";
# the default is 24 hours (docs.stripe.com/payments/checkout/managing-limited-inventory).
MIN_EXPIRY_S = 30 * 60
MAX_EXPIRY_S = 24 * 3600

PRICE_DATA = {
    "currency": STR,
    "unit_amount": INT,
    "product_data": {"name": STR, "description": STR, "metadata": META},
}
LINE_ITEM = ListOf({"price_data": PRICE_DATA, "quantity": INT})
INTENT_DATA = {
    "description": STR,
    "metadata": META,
    "setup_future_usage": enum("off_session", "on_session"),
}
CREATE = Schema(
    {
        "mode": enum("payment", "setup", "subscription"),
        "line_items": LINE_ITEM,
        "customer": STR,
        "customer_email": STR,
        "customer_creation": enum("always", "if_required"),
        "client_reference_id": STR,
        "payment_intent_data": INTENT_DATA,
        "saved_payment_method_options": {"payment_method_save": enum("disabled", "enabled")},
        "allowed_payment_method_types": LIST_STR,
        "expires_at": INT,
        "success_url": STR,
        "cancel_url": STR,
        "return_url": STR,
        "locale": STR,  # stripe-python: Literal['auto', …, 'zh', 'zh-HK', 'zh-TW'] | str
        "metadata": META,
        "expand": LIST_STR,
    },
    # Endive removed it from Checkout Session create too (stripe-facts.md, changelog
    # 2026-09-30): its own error code, not "unknown".
    refused=method_types.REFUSED,
)
RETRIEVE = Schema({"expand": LIST_STR})
EXPIRE = Schema({"expand": LIST_STR})
LIST = Schema(
    {
        **LIST_SPEC,
        "customer": STR,
        "payment_intent": STR,
        "payment_link": STR,
        "status": enum("complete", "expired", "open"),
    }
)

AFTER_COMPLETION = {
    "type": enum("hosted_confirmation", "redirect"),
    "hosted_confirmation": {"custom_message": STR},
    "redirect": {"url": STR},
}
LINK_CREATE = Schema(
    {
        "line_items": LINE_ITEM,
        "after_completion": AFTER_COMPLETION,
        "payment_intent_data": INTENT_DATA,
        "restrictions": {"completed_sessions": {"limit": INT}},
        "metadata": META,
        "expand": LIST_STR,
    },
    required=("line_items",),
)
LINK_UPDATE = Schema({"active": BOOL, "metadata": META, "expand": LIST_STR})
LINK_RETRIEVE = Schema({"expand": LIST_STR})
LINK_LIST = Schema({"limit": INT, "starting_after": STR, "ending_before": STR,
                    "expand": LIST_STR, "active": BOOL})


# --- prices and line items -------------------------------------------------------------------


def _line_items(ctx: Context, given: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """Line items as Stripe lists them, each with the price (and product) made from its
    `price_data`. One currency for all."""
    if not given:
        raise invalid("line_items is required in payment mode.", "line_items",
                      "parameter_missing")
    items: list[dict[str, Any]] = []
    for index, item in enumerate(given):
        name = f"line_items[{index}]"
        data = item.get("price_data")
        if data is None:
            raise invalid("Each line item needs price_data.", f"{name}[price_data]",
                          "parameter_missing")
        for field in ("currency", "unit_amount", "product_data"):
            if data.get(field) in (None, ""):
                raise invalid(f"Missing required param: {name}[price_data][{field}].",
                              f"{name}[price_data][{field}]", "parameter_missing")
        if not (data["product_data"] or {}).get("name"):
            raise invalid(f"Missing required param: {name}[price_data][product_data][name].",
                          f"{name}[price_data][product_data][name]", "parameter_missing")
        currency = check_currency(data["currency"])
        quantity = item.get("quantity", 1)
        if quantity < 1:
            raise invalid("quantity must be at least 1.", f"{name}[quantity]")
        check_amount(data["unit_amount"] * quantity, currency, f"{name}[price_data][unit_amount]")
        product = {
            "id": new_id("prod"), "object": "product", "active": True,
            "created": ctx.now(), "name": data["product_data"]["name"],
            "description": data["product_data"].get("description"),
            "metadata": data["product_data"].get("metadata") or {}, "livemode": False,
        }
        ctx.state.add("product", product)
        price = {
            "id": new_id("price"), "object": "price", "active": False,  # made by price_data
            "created": ctx.now(), "currency": currency, "product": product["id"],
            "type": "one_time", "unit_amount": data["unit_amount"], "livemode": False,
            "metadata": {},
        }
        ctx.state.add("price", price)
        items.append({
            "id": new_id("li"), "object": "item", "currency": currency,
            "description": product["name"], "quantity": quantity, "price": price,
            "amount_subtotal": data["unit_amount"] * quantity,
            "amount_total": data["unit_amount"] * quantity,
        })
    if len({i["currency"] for i in items}) > 1:
        raise invalid("All line items must have the same currency.", "line_items")
    return items


# --- sessions --------------------------------------------------------------------------------


def create(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    require_secret(ctx)
    session = new_session(ctx, p)
    return expand(ctx, session, p.get("expand"))


def new_session(
    ctx: Context, p: dict[str, Any], link: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A session from validated create params (or a payment link's), stored, with its
    hidden details (line items, intent data) beside it."""
    mode = p.get("mode")
    if link is None and mode is None:
        raise invalid("Missing required param: mode.", "mode", "parameter_missing")
    if mode not in (None, "payment"):
        raise invalid("The sandbox takes mode=payment only.", "mode")
    items = _line_items(ctx, p.get("line_items"))
    customer_id = p.get("customer")
    if customer_id:
        live_customer(ctx, customer_id)
        if p.get("customer_creation"):
            raise invalid("You may only specify one of these parameters: customer, "
                          "customer_creation.", "customer_creation")
    if p.get("allowed_payment_method_types") is not None:
        method_types.computed(p["allowed_payment_method_types"])
    now = ctx.now()
    expires_at = p.get("expires_at", now + MAX_EXPIRY_S)
    if not now + MIN_EXPIRY_S <= expires_at <= now + MAX_EXPIRY_S:
        raise invalid(
            "The `expires_at` timestamp must be between 30 minutes and 24 hours from "
            "Checkout Session creation.", "expires_at")
    intent_data = dict(p.get("payment_intent_data") or {})
    if intent_data.get("setup_future_usage") and not customer_id and (
            p.get("customer_creation") != "always"):
        # Nothing to save it to; Stripe then leaves the card unattached. Kept simple here.
        pass
    total = sum(i["amount_total"] for i in items)
    session_id = new_id("cs_test")
    session = {
        "id": session_id,
        "object": "checkout.session",
        "after_expiration": None,
        "amount_subtotal": total,
        "amount_total": total,
        "cancel_url": p.get("cancel_url"),
        "client_reference_id": p.get("client_reference_id"),
        "created": now,
        "currency": items[0]["currency"],
        "customer": customer_id,
        "customer_creation": None if customer_id else p.get("customer_creation",
                                                               "if_required"),
        "customer_details": None,
        "customer_email": p.get("customer_email"),
        "expires_at": expires_at,
        "livemode": False,
        "locale": p.get("locale"),  # the hosted page's language (None: the browser's)
        "metadata": p.get("metadata") or {},
        "mode": "payment",
        "payment_intent": None,
        "payment_link": link["id"] if link else None,
        "payment_method_types": ["card"],
        "payment_status": "unpaid",
        "return_url": p.get("return_url"),
        "saved_payment_method_options": p.get("saved_payment_method_options"),
        "status": "open",
        "success_url": p.get("success_url"),
        "ui_mode": "hosted_page",
        "url": f"{ctx.base_url}/c/pay/{session_id}",
    }
    ctx.state.add("checkout_session", session)
    ctx.state.add("checkout_detail", {
        "id": session_id, "line_items": items, "payment_intent_data": intent_data,
        "after_completion": (link or {}).get("after_completion"),
    })
    return session


def detail(ctx: Context, session_id: str) -> dict[str, Any]:
    return ctx.state.get("checkout_detail", session_id) or {}


def sweep(ctx: Context) -> None:
    """Bring every open session up to date: expire those past `expires_at`, complete those
    whose intent succeeded (the page may have closed before telling)."""
    for session in list(ctx.state.objects["checkout_session"].values()):
        refresh(ctx, session)


def refresh(ctx: Context, session: dict[str, Any]) -> dict[str, Any]:
    if session["status"] != "open":
        return session
    intent = ctx.state.get("payment_intent", session.get("payment_intent") or "")
    if intent is not None and intent["status"] == "succeeded":
        complete(ctx, session)
    elif ctx.now() >= session["expires_at"]:
        _expire(ctx, session)
    return session


def complete(ctx: Context, session: dict[str, Any]) -> None:
    """The session's intent succeeded: the session is complete and paid."""
    intent = ctx.get("payment_intent", session["payment_intent"])
    if session["status"] != "open" or intent["status"] != "succeeded":
        return
    previous = {"status": "open", "payment_status": "unpaid"}
    session.update(status="complete", payment_status="paid",
                   customer=session["customer"] or intent.get("customer"))
    ctx.state.dirty = True
    ctx.emit("checkout.session.completed", session, previous)


def _expire(ctx: Context, session: dict[str, Any]) -> None:
    intent = ctx.state.get("payment_intent", session.get("payment_intent") or "")
    if intent is not None and intent["status"] in payment_intents.CANCELABLE:
        payment_intents.cancel(_secret(ctx), {}, intent["id"])
    session.update(status="expired", url=None)
    ctx.state.dirty = True
    ctx.emit("checkout.session.expired", session, {"status": "open"})


def _secret(ctx: Context) -> Context:
    """The same request as the server itself (the hosted page acts with Stripe's rights)."""
    return Context(ctx.state, base_url=ctx.base_url, request_id=ctx.request_id,
                   key_kind=SECRET, api_version=ctx.api_version, path=ctx.path)


def retrieve(ctx: Context, p: dict[str, Any], cs_id: str) -> dict[str, Any]:
    require_secret(ctx)
    session = refresh(ctx, ctx.get("checkout_session", cs_id))
    return expand(ctx, session, p.get("expand"))


def expire(ctx: Context, p: dict[str, Any], cs_id: str) -> dict[str, Any]:
    require_secret(ctx)
    session = refresh(ctx, ctx.get("checkout_session", cs_id))
    if session["status"] != "open":
        raise unexpected_state(
            f"This Checkout Session is already in a terminal state ({session['status']}): "
            "only an open session can be expired.")
    _expire(ctx, session)
    return expand(ctx, session, p.get("expand"))


def list_(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    require_secret(ctx)
    sweep(ctx)
    rows = ctx.state.newest_first("checkout_session")
    for name in ("customer", "payment_intent", "payment_link", "status"):
        if name in p:
            rows = [r for r in rows if r.get(name) == p[name]]
    return expand(ctx, paginate(ctx, rows, p, "/v1/checkout/sessions", "checkout_session"),
                  p.get("expand"))


def start_payment(ctx: Context, session: dict[str, Any]) -> dict[str, Any]:
    """The hosted page's "pay": the session's PaymentIntent, made at the first attempt with
    the session's amount, customer and payment_intent_data (as Stripe makes it)."""
    refresh(ctx, session)
    if session["status"] != "open":
        raise unexpected_state(f"This Checkout Session is {session['status']}.")
    intent = ctx.state.get("payment_intent", session.get("payment_intent") or "")
    if intent is not None:
        return intent
    data = detail(ctx, session["id"]).get("payment_intent_data") or {}
    params: dict[str, Any] = {
        "amount": session["amount_total"],
        "currency": session["currency"],
        "allowed_payment_method_types": ["card"],
        "metadata": dict(data.get("metadata") or {}),
    }
    for name in ("description", "setup_future_usage"):
        if data.get(name):
            params[name] = data[name]
    if session.get("customer"):
        params["customer"] = session["customer"]
    made = payment_intents.create(_secret(ctx), params)
    session["payment_intent"] = made["id"]
    ctx.state.dirty = True
    return ctx.get("payment_intent", made["id"])


# --- payment links -------------------------------------------------------------------------------


def link_create(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    require_secret(ctx)
    items = _line_items(ctx, p.get("line_items"))
    after = p.get("after_completion") or {"type": "hosted_confirmation"}
    if after.get("type") == "redirect" and not (after.get("redirect") or {}).get("url"):
        raise invalid("Missing required param: after_completion[redirect][url].",
                      "after_completion[redirect][url]", "parameter_missing")
    link_id = new_id("plink")
    link = {
        "id": link_id,
        "object": "payment_link",
        "active": True,
        "after_completion": {
            "type": after.get("type", "hosted_confirmation"),
            "hosted_confirmation": after.get("hosted_confirmation")
            or {"custom_message": None},
            "redirect": after.get("redirect"),
        },
        "currency": items[0]["currency"],
        "livemode": False,
        "locale": p.get("locale"),  # the hosted page's language (None: the browser's)
        "metadata": p.get("metadata") or {},
        "payment_intent_data": p.get("payment_intent_data"),
        "restrictions": p.get("restrictions"),
        "url": f"{ctx.base_url}/b/{link_id}",
    }
    ctx.state.add("payment_link", link)
    ctx.state.add("checkout_detail", {"id": link_id, "line_items": items})
    return expand(ctx, link, p.get("expand"))


def link_retrieve(ctx: Context, p: dict[str, Any], plink_id: str) -> dict[str, Any]:
    require_secret(ctx)
    return expand(ctx, ctx.get("payment_link", plink_id), p.get("expand"))


def link_update(ctx: Context, p: dict[str, Any], plink_id: str) -> dict[str, Any]:
    require_secret(ctx)
    link = ctx.get("payment_link", plink_id)
    previous: dict[str, Any] = {}
    if "active" in p and p["active"] != link["active"]:
        previous["active"] = link["active"]
        link["active"] = p["active"]
    if "metadata" in p:
        merge_metadata(link, p["metadata"], previous)
    ctx.state.dirty = True
    return expand(ctx, link, p.get("expand"))


def link_list(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    require_secret(ctx)
    rows = ctx.state.newest_first("payment_link")
    if "active" in p:
        rows = [r for r in rows if r["active"] == p["active"]]
    return expand(ctx, paginate(ctx, rows, p, "/v1/payment_links", "payment_link"),
                  p.get("expand"))


def session_for_link(ctx: Context, link: dict[str, Any]) -> dict[str, Any]:
    """A visit of an active link: a new session with the link's items and settings."""
    if not link["active"]:
        raise unexpected_state("This payment link is no longer active.")
    limit = ((link.get("restrictions") or {}).get("completed_sessions") or {}).get("limit")
    if limit is not None:
        done = [s for s in ctx.state.objects["checkout_session"].values()
                if s.get("payment_link") == link["id"] and s["status"] == "complete"]
        if len(done) >= limit:
            raise unexpected_state("This payment link has reached its limit of payments.")
    items = copy.deepcopy(ctx.state.get("checkout_detail", link["id"]) or {}).get(
        "line_items") or []
    params = {
        "mode": "payment",
        "line_items": [
            {"price_data": {"currency": i["currency"], "unit_amount": i["price"]["unit_amount"],
                            "product_data": {"name": i["description"]}},
             "quantity": i["quantity"]}
            for i in items
        ],
        "payment_intent_data": link.get("payment_intent_data") or {},
        "metadata": dict(link.get("metadata") or {}),
    }
    return new_session(_secret(ctx), params, link)
