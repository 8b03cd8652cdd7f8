"""What a resource handler sees of one request, plus list paging and `expand[]`."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .errors import SandboxError, invalid, no_such
from .params import check_limit
from .state import DEFAULT_API_VERSION, KIND_BY_PREFIX, State

SECRET = "secret"
PUBLISHABLE = "publishable"
KIND_NAMES = {
    "customer": "customer",
    "payment_method": "PaymentMethod",
    "payment_intent": "payment_intent",
    "setup_intent": "setup_intent",
    "charge": "charge",
    "refund": "refund",
    "event": "event",
    "balance_transaction": "balance_transaction",
    "payout": "payout",
    "checkout_session": "checkout.session",
    "payment_link": "payment_link",
    "price": "price",
    "product": "product",
}
# Fields that `expand[]` may turn from an id into the object, and the kind they hold.
EXPANDABLE = {
    "customer": "customer",
    "payment_method": "payment_method",
    "latest_charge": "charge",
    "payment_intent": "payment_intent",
    "charge": "charge",
    "default_payment_method": "payment_method",
    "invoice_settings.default_payment_method": "payment_method",
    "balance_transaction": "balance_transaction",
    "source": "charge",  # a balance transaction's: ch_, re_ or po_ (found by prefix)
}


@dataclass
class Context:
    state: State
    base_url: str = ""
    request_id: str | None = None
    idempotency_key: str | None = None
    key_kind: str = SECRET
    api_version: str = DEFAULT_API_VERSION
    path: str = ""
    challenge_hook: Callable[[str], None] | None = field(default=None, repr=False)

    @property
    def request(self) -> dict[str, Any]:
        return {"id": self.request_id, "idempotency_key": self.idempotency_key}

    def emit(self, type_: str, obj: dict[str, Any], previous: dict[str, Any] | None = None) -> None:
        self.state.emit(type_, obj, previous, self.request, self.api_version)

    def now(self) -> int:
        return self.state.now()

    def get(self, kind: str, object_id: str, param: str = "id") -> dict[str, Any]:
        obj = self.state.get(kind, object_id) if isinstance(object_id, str) else None
        if obj is None:
            raise no_such(KIND_NAMES[kind], str(object_id), param)
        return obj


def created_matches(created: int, flt: Any) -> bool:
    if flt is None:
        return True
    if isinstance(flt, int):
        return created == flt
    ops = {
        "gt": created.__gt__,
        "gte": created.__ge__,
        "lt": created.__lt__,
        "lte": created.__le__,
    }
    return all(ops[k](v) for k, v in flt.items())


def paginate(
    ctx: Context,
    items: Iterable[dict[str, Any]],
    params: dict[str, Any],
    url: str,
    kind: str,
) -> dict[str, Any]:
    """Stripe list: newest first, `limit`, `starting_after` / `ending_before`, `created`."""
    limit = check_limit(params)
    rows = [o for o in items if created_matches(o.get("created", 0), params.get("created"))]
    ids = [o["id"] for o in rows]
    after, before = params.get("starting_after"), params.get("ending_before")
    if after is not None and before is not None:
        raise invalid(
            "You may only specify one of these parameters: ending_before, starting_after."
        )
    if after is not None:
        ctx.get(kind, after, "starting_after")
        start = ids.index(after) + 1 if after in ids else len(ids)
        page = rows[start : start + limit]
        has_more = start + limit < len(rows)
    elif before is not None:
        ctx.get(kind, before, "ending_before")
        end = ids.index(before) if before in ids else 0
        page = rows[max(0, end - limit) : end]
        has_more = end - limit > 0
    else:
        page = rows[:limit]
        has_more = limit < len(rows)
    return {
        "object": "list",
        "data": [copy.deepcopy(o) for o in page],
        "has_more": has_more,
        "url": url,
    }


def expand(ctx: Context, body: dict[str, Any], paths: list[str] | None) -> dict[str, Any]:
    """Replace ids by objects along each `expand[]` path (`data.` prefix for lists)."""
    if not paths:
        return body
    body = copy.deepcopy(body)
    for path in paths:
        if body.get("object") in ("list", "search_result"):
            if not path.startswith("data."):
                raise invalid(f"This property cannot be expanded ({path}).", "expand")
            for item in body["data"]:
                _expand_one(ctx, item, path[len("data.") :])
        else:
            _expand_one(ctx, body, path)
    return body


def _expand_one(ctx: Context, obj: dict[str, Any], path: str) -> None:
    head, _, rest = path.partition(".")
    if head == "invoice_settings" and rest.startswith("default_payment_method"):
        head, rest = (
            "invoice_settings.default_payment_method",
            rest[len("default_payment_method") :],
        )
        rest = rest.lstrip(".")
    kind = EXPANDABLE.get(head)
    if kind is None:
        raise invalid(f"This property cannot be expanded ({path}).", "expand")
    container, key = obj, head
    if head == "invoice_settings.default_payment_method":
        container, key = obj.get("invoice_settings") or {}, "default_payment_method"
    value = container.get(key)
    if isinstance(value, str):
        target = ctx.state.get(KIND_BY_PREFIX.get(value.split("_")[0], kind), value)
        if target is not None:
            value = copy.deepcopy(target)
            container[key] = value
    if rest and isinstance(value, dict):
        _expand_one(ctx, value, rest)


def require_secret(ctx: Context) -> None:
    if ctx.key_kind != SECRET:
        raise SandboxError(
            401,
            "invalid_request_error",
            "This API call cannot be made with a publishable API key. Please use a secret API "
            "key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.",
        )


def merge_metadata(obj: dict[str, Any], new: Any, previous: dict[str, Any]) -> None:
    """Stripe semantics: keys merge, an empty value deletes a key, "" clears everything."""
    old = dict(obj.get("metadata") or {})
    if new is None:
        merged: dict[str, str] = {}
    else:
        merged = dict(old)
        for k, v in new.items():
            if v == "":
                merged.pop(k, None)
            else:
                merged[k] = v
    if merged != old:
        previous["metadata"] = old
        obj["metadata"] = merged
