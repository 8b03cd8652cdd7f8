"""`GET /v1/events`: newest first, filtered by `type` (with `*` wildcards), `types[]`,
`created` and cursors."""

from __future__ import annotations

import fnmatch
from typing import Any

from . import checkout
from .context import Context, expand, paginate, require_secret
from .errors import no_such
from .params import LIST_SPEC, LIST_STR, STR, Schema
from .state import events_kept_since, unpacked

RETRIEVE = Schema({"expand": LIST_STR})
LIST = Schema({**LIST_SPEC, "type": STR, "types": LIST_STR}, exclusive=(("type", ("types",)),))


def retrieve(ctx: Context, p: dict[str, Any], event_id: str) -> dict[str, Any]:
    require_secret(ctx)
    event = ctx.get("event", event_id)
    if event["created"] < events_kept_since(ctx.now()):  # as if gone, as at Stripe
        raise no_such("event", event_id, "id")
    return expand(ctx, unpacked(event), p.get("expand"))


def list_(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    require_secret(ctx)
    # Sessions past their expiry end now, so a poller hears of it (Stripe sends it unasked).
    checkout.sweep(ctx)
    rows = ctx.state.newest_first("event")
    if "type" in p:
        rows = [e for e in rows if fnmatch.fnmatchcase(e["type"], p["type"])]
    if "types" in p:
        wanted = set(p["types"])
        rows = [e for e in rows if e["type"] in wanted]
    kept_since = events_kept_since(ctx.now())
    rows = [e for e in rows if e["created"] >= kept_since]
    page = paginate(ctx, rows, p, "/v1/events", "event")
    page["data"] = [unpacked(event) for event in page["data"]]  # only the page's events
    return expand(ctx, page, p.get("expand"))
