"""Stripe's form encoding: bracket nesting (`a[b][c]=v`, `a[]=v`, `a[0]=v`) and a small
schema check that answers unknown, missing or wrongly typed parameters the way Stripe does."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from .errors import SandboxError, invalid, missing_param, unknown_param

_KEY_RE = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])*)$")


def parse_form(body: str) -> dict[str, Any]:
    """Decode a form body or query string into nested dicts and lists."""
    root: dict[str, Any] = {}
    try:
        pairs = parse_qsl(body, keep_blank_values=True, strict_parsing=False, max_num_fields=5000)
    except ValueError as exc:
        raise invalid("Invalid request body: too many parameters.") from exc
    for raw_key, value in pairs:
        match = _KEY_RE.match(raw_key)
        if not match:
            raise invalid(f"Invalid parameter name: {raw_key[:100]}", raw_key[:100])
        parts = [match.group(1)] + re.findall(r"\[([^\[\]]*)\]", match.group(2))
        _insert(root, parts, value, raw_key)
    return _listify(root)


def _insert(node: dict[str, Any], parts: list[str], value: str, raw_key: str) -> None:
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "":
            # `a[]=v`: append to a list kept under a private marker until listified.
            holder = node.setdefault("\0list", [])
            if not isinstance(holder, list):
                raise invalid(f"Invalid array: {raw_key[:100]}", raw_key[:100])
            if not last:
                child: dict[str, Any] = {}
                holder.append(child)
                node = child
                continue
            holder.append(value)
            return
        if last:
            if isinstance(node.get(part), dict):
                raise invalid(f"Invalid hash: {raw_key[:100]}", raw_key[:100])
            node[part] = value
            return
        child_node = node.setdefault(part, {})
        if not isinstance(child_node, dict):
            raise invalid(f"Invalid hash: {raw_key[:100]}", raw_key[:100])
        node = child_node


def _listify(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    if "\0list" in node:
        if len(node) > 1:
            raise invalid("Invalid array: mixed array and hash parameters.")
        return [_listify(v) for v in node["\0list"]]
    if node and all(k.isdigit() for k in node):
        return [_listify(node[k]) for k in sorted(node, key=int)]
    return {k: _listify(v) for k, v in node.items()}


# --- schema -----------------------------------------------------------------------------------

Spec = dict[str, Any]
Checker = Callable[[Any, str], Any]


def _show(value: Any) -> str:
    return str(value)[:100]


def STR(value: Any, name: str) -> str:  # noqa: N802 - reads like a type in specs
    if not isinstance(value, str):
        raise invalid(f"Invalid string: {_show(value)}", name, "parameter_invalid_string")
    return value


def INT(value: Any, name: str) -> int:  # noqa: N802
    if isinstance(value, str) and re.fullmatch(r"-?\d{1,18}", value.strip()):
        return int(value)
    raise invalid(f"Invalid integer: {_show(value)}", name, "parameter_invalid_integer")


def BOOL(value: Any, name: str) -> bool:  # noqa: N802
    if value in ("true", "True", "1"):
        return True
    if value in ("false", "False", "0"):
        return False
    raise invalid(f"Invalid boolean: {_show(value)}", name)


def META(value: Any, name: str) -> dict[str, str] | None:  # noqa: N802
    """Metadata: a hash of short strings; an empty string clears it (None)."""
    if value == "":
        return None
    if not isinstance(value, dict):
        raise invalid("Invalid object", name)
    if len(value) > 50:
        raise invalid("Metadata can have at most 50 keys.", name)
    out: dict[str, str] = {}
    for key, item in value.items():
        if not isinstance(item, str):
            raise invalid(f"Invalid string: {_show(item)}", f"{name}[{key}]")
        if len(key) > 40:
            raise invalid("Metadata keys can be at most 40 characters.", f"{name}[{key}]")
        if len(item) > 500:
            raise invalid("Metadata values can be at most 500 characters.", f"{name}[{key}]")
        out[key] = item
    return out


def LIST_STR(value: Any, name: str) -> list[str]:  # noqa: N802
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise invalid("Invalid array", name)
    return value


def ANY(value: Any, name: str) -> Any:  # noqa: N802
    return value


def enum(*choices: str) -> Checker:
    def check(value: Any, name: str) -> str:
        if value not in choices:
            raise invalid(
                f"Invalid {name}: must be one of {', '.join(choices)}",
                name,
                "parameter_invalid_string" if not isinstance(value, str) else None,
            )
        return value

    return check


def one_of_int_or_hash(value: Any, name: str) -> Any:
    """`created` filters: an integer or a hash of gt/gte/lt/lte integers."""
    if isinstance(value, dict):
        return validate(value, {"gt": INT, "gte": INT, "lt": INT, "lte": INT}, prefix=name)
    return INT(value, name)


def validate(params: Any, spec: Spec, *, required: tuple[str, ...] = (), prefix: str = "") -> dict:
    """Check `params` against `spec` ({name: checker or nested spec}); return typed values."""
    if not isinstance(params, dict):
        raise invalid("Invalid object", prefix or None)
    out: dict[str, Any] = {}
    for key, value in params.items():
        full = f"{prefix}[{key}]" if prefix else key
        if key not in spec:
            raise unknown_param(full)
        checker = spec[key]
        if isinstance(checker, dict):
            if value == "":
                out[key] = None
                continue
            out[key] = validate(value, checker, prefix=full)
        else:
            out[key] = checker(value, full)
    for key in required:
        if out.get(key) in (None, ""):
            raise missing_param(key)
    return out


LIST_SPEC: Spec = {
    "limit": INT,
    "starting_after": STR,
    "ending_before": STR,
    "created": one_of_int_or_hash,
    "expand": LIST_STR,
}


def check_limit(params: dict[str, Any]) -> int:
    limit = params.get("limit", 10)
    if not 1 <= limit <= 100:
        raise SandboxError(
            400,
            "invalid_request_error",
            "This value must be greater than or equal to 1 and less than or equal to 100.",
            param="limit",
        )
    return limit
