"""`GET /v1/events`: newest first, filtered by `type` (with `*` wildcards), `types[]`,
`created` and cursors."""

from __future__ import annotations

import fnmatch
from typing import Any

from .context import Context, paginate, require_secret
from .errors import invalid
from .params import LIST_SPEC, LIST_STR, STR, validate


def retrieve(ctx: Context, raw: dict[str, Any], event_id: str) -> dict[str, Any]:
    require_secret(ctx)
    validate(raw, {"expand": LIST_STR})
    return ctx.get("event", event_id)


def list_(ctx: Context, raw: dict[str, Any]) -> dict[str, Any]:
    require_secret(ctx)
    p = validate(raw, {**LIST_SPEC, "type": STR, "types": LIST_STR, "delivery_success": STR})
    if "type" in p and "types" in p:
        raise invalid("You may only specify one of these parameters: type, types.", "types")
    rows = ctx.state.newest_first("event")
    if "type" in p:
        rows = [e for e in rows if fnmatch.fnmatchcase(e["type"], p["type"])]
    if "types" in p:
        wanted = set(p["types"])
        rows = [e for e in rows if e["type"] in wanted]
    thirty_days_ago = ctx.now() - 30 * 86400
    rows = [e for e in rows if e["created"] >= thirty_days_ago]
    return paginate(ctx, rows, p, "/v1/events", "event")
