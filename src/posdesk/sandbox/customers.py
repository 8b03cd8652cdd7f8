"""Customers: create, retrieve, update, delete, list and search."""

from __future__ import annotations

import copy
from typing import Any

from . import payment_methods, search
from .context import Context, expand, merge_metadata, paginate
from .errors import invalid
from .lookups import live_customer
from .params import INT, LIST_SPEC, LIST_STR, META, STR, Schema
from .state import new_id

ADDRESS = {
    "city": STR,
    "country": STR,
    "line1": STR,
    "line2": STR,
    "postal_code": STR,
    "state": STR,
}
WRITABLE = {
    "name": STR,
    "email": STR,
    "phone": STR,
    "description": STR,
    "metadata": META,
    "address": ADDRESS,
    "invoice_settings": {"default_payment_method": STR},
    "preferred_locales": LIST_STR,
    "expand": LIST_STR,
}
CREATE = Schema({**WRITABLE, "payment_method": STR})
UPDATE = Schema(WRITABLE)
RETRIEVE = Schema({"expand": LIST_STR})
DELETE = Schema({})
LIST = Schema({**LIST_SPEC, "email": STR})
SEARCH = Schema({"query": STR, "limit": INT, "page": STR, "expand": LIST_STR}, required=("query",))


def new_customer(created: int, fields: dict[str, Any], customer_id: str | None = None) -> dict:
    return {
        "id": customer_id or new_id("cus"),
        "object": "customer",
        "address": fields.get("address"),
        "balance": 0,
        "created": created,
        "currency": None,
        "default_source": None,
        "delinquent": False,
        "description": fields.get("description"),
        "email": fields.get("email"),
        "invoice_prefix": new_id("x")[2:10].upper(),
        "invoice_settings": {
            "custom_fields": None,
            "default_payment_method": None,
            "footer": None,
            "rendering_options": None,
        },
        "livemode": False,
        "metadata": fields.get("metadata") or {},
        "name": fields.get("name"),
        "next_invoice_sequence": 1,
        "phone": fields.get("phone"),
        "preferred_locales": fields.get("preferred_locales") or [],
        "shipping": None,
        "tax_exempt": "none",
        "test_clock": None,
    }


def create(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    customer = new_customer(ctx.now(), p)
    pm_id = p.get("payment_method")
    default_pm = (p.get("invoice_settings") or {}).get("default_payment_method")
    pm = payment_methods.resolve(ctx, pm_id, "payment_method") if pm_id else None
    if pm is not None:
        payment_methods.check_attachable(ctx, pm, customer["id"])
    if default_pm and default_pm != pm_id:
        raise invalid(
            f"The customer does not have a payment method with the ID {default_pm}. The "
            "payment method must be attached to the customer.",
            "invoice_settings[default_payment_method]",
            "resource_missing",
        )
    ctx.state.add("customer", customer)
    ctx.emit("customer.created", customer)
    if pm is not None:
        payment_methods.attach_to(ctx, pm, customer)
    if default_pm:
        _set_default_pm(
            ctx, customer, default_pm if default_pm != pm_id or pm is None else pm["id"]
        )
    return expand(ctx, customer, p.get("expand"))


def _set_default_pm(ctx: Context, customer: dict[str, Any], pm_id: str | None) -> None:
    if pm_id:
        pm = ctx.get("payment_method", pm_id, "invoice_settings[default_payment_method]")
        if pm.get("customer") != customer["id"]:
            raise invalid(
                f"The customer does not have a payment method with the ID {pm_id}. The payment "
                "method must be attached to the customer.",
                "invoice_settings[default_payment_method]",
                "resource_missing",
            )
    customer["invoice_settings"]["default_payment_method"] = pm_id


def retrieve(ctx: Context, p: dict[str, Any], customer_id: str) -> dict[str, Any]:
    customer = ctx.get("customer", customer_id)
    if customer.get("deleted"):
        return {"id": customer_id, "object": "customer", "deleted": True}
    return expand(ctx, customer, p.get("expand"))


def update(ctx: Context, p: dict[str, Any], customer_id: str) -> dict[str, Any]:
    customer = live_customer(ctx, customer_id, "id")
    previous: dict[str, Any] = {}
    if "invoice_settings" in p and p["invoice_settings"] is not None:
        old_settings = copy.deepcopy(customer["invoice_settings"])
        new_default = p["invoice_settings"].get("default_payment_method")
        _set_default_pm(ctx, customer, new_default or None)
        if customer["invoice_settings"] != old_settings:
            previous["invoice_settings"] = old_settings
    for key in ("name", "email", "phone", "description", "address", "preferred_locales"):
        if key in p:
            value = p[key] if p[key] != "" else None
            if key == "preferred_locales":
                value = value or []
            if customer.get(key) != value:
                previous[key] = customer.get(key)
                customer[key] = value
    if "metadata" in p:
        merge_metadata(customer, p["metadata"], previous)
    if previous:
        ctx.state.dirty = True
        ctx.emit("customer.updated", customer, previous)
    return expand(ctx, customer, p.get("expand"))


def delete(ctx: Context, p: dict[str, Any], customer_id: str) -> dict[str, Any]:
    customer = live_customer(ctx, customer_id, "id")
    snapshot = copy.deepcopy(customer)
    # Stripe detaches the saved cards of a deleted customer.
    for pm in ctx.state.objects["payment_method"].values():
        if pm.get("customer") == customer_id:
            pm["customer"] = None
    customer.clear()
    customer.update({"id": customer_id, "object": "customer", "deleted": True})
    ctx.state.dirty = True
    ctx.emit("customer.deleted", snapshot)
    return {"id": customer_id, "object": "customer", "deleted": True}


def list_(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    rows = (c for c in ctx.state.newest_first("customer") if not c.get("deleted"))
    if "email" in p:
        rows = (c for c in rows if c.get("email") == p["email"])
    return expand(ctx, paginate(ctx, rows, p, "/v1/customers", "customer"), p.get("expand"))


def search_(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    rows = [c for c in ctx.state.newest_first("customer") if not c.get("deleted")]
    result = search.run(rows, p, "/v1/customers/search")
    return expand(ctx, result, p.get("expand"))
