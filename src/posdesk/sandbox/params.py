"""Stripe's form encoding: bracket nesting (`a[b][c]=v`, `a[]=v`, `a[0]=v`) and a small
schema check that answers unknown, missing or wrongly typed parameters the way Stripe does,
and refuses plainly what Stripe accepts but the sandbox does not implement."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from .errors import (
    SandboxError,
    invalid,
    missing_param,
    not_supported_by_sandbox,
    only_one_of,
    unknown_param,
)

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


@dataclass(frozen=True)
class IntOrHash:
    """An integer or a hash of the names in `spec`: `created=…` or `created[gte]=…`."""

    spec: Spec


@dataclass(frozen=True)
class ListOf:
    """A list of hashes of the names in `spec` (`line_items[0][quantity]=1`)."""

    spec: Spec


# What Stripe accepts for one endpoint (from stripe_params.py): each name maps to the names
# of its hash, or to None for anything else (a scalar, a list, a free-form hash like metadata).
Known = dict[str, Any]


def _join(prefix: str, key: str) -> str:
    return f"{prefix}[{key}]" if prefix else key


def _below(known: Known | None, key: str) -> Known | None:
    child = known.get(key) if known is not None else None
    return child if isinstance(child, dict) else None


def check_names(
    params: dict[str, Any],
    spec: Spec,
    known: Known | None,
    prefix: str = "",
    *,
    unknown_only: bool = False,
) -> None:
    """Answer a name outside `spec` as Stripe would: a name Stripe does not accept here is
    unknown; one it accepts but the sandbox does not implement is refused as unsupported
    (never silently ignored). Without `known`, every such name is unknown."""
    extra = [key for key in params if key not in spec]
    for key in extra:
        if known is None or key not in known:
            raise unknown_param(_join(prefix, key))
    if extra and not unknown_only:
        raise not_supported_by_sandbox(_join(prefix, extra[0]))


def validate(
    params: Any,
    spec: Spec,
    *,
    required: tuple[str, ...] = (),
    prefix: str = "",
    known: Known | None = None,
) -> dict[str, Any]:
    """Check `params` against `spec` ({name: checker, nested spec or IntOrHash}); return typed
    values. `known` is what Stripe accepts at this level, to tell unknown from unsupported."""
    if not isinstance(params, dict):
        raise invalid("Invalid object", prefix or None)
    check_names(params, spec, known, prefix)
    out: dict[str, Any] = {}
    for key, value in params.items():
        out[key] = _check(spec[key], value, _join(prefix, key), _below(known, key))
    for key in required:
        if out.get(key) in (None, ""):
            raise missing_param(key)
    return out


def _check(checker: Any, value: Any, name: str, known: Known | None) -> Any:
    if isinstance(checker, dict):
        # An empty string clears a hash (`address=`), as at Stripe.
        return None if value == "" else validate(value, checker, prefix=name, known=known)
    if isinstance(checker, IntOrHash):
        if isinstance(value, dict):
            return validate(value, checker.spec, prefix=name, known=known)
        return INT(value, name)
    if isinstance(checker, ListOf):
        if isinstance(value, dict):
            # Names without an index (`line_items[x]=1`): judged as Stripe judges a name,
            # then refused as a hash where a list belongs.
            validate(value, checker.spec, prefix=name, known=known)
        if not isinstance(value, list):
            raise invalid("Invalid array", name)
        return [validate(item, checker.spec, prefix=f"{name}[{index}]", known=known)
                for index, item in enumerate(value)]
    return checker(value, name)


Refusal = Callable[[str], SandboxError]


@dataclass(frozen=True, eq=False)
class Schema:
    """Everything one endpoint accepts, in one place the server and the parity test both read:
    the names the sandbox implements (`spec`), the ones it requires, names the pinned API
    version refuses with an error of their own (`refused`), and mutually exclusive names
    (`exclusive`: a name and the names it cannot be sent with)."""

    spec: Spec
    required: tuple[str, ...] = ()
    refused: Mapping[str, Refusal] = field(default_factory=dict)
    exclusive: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def validate(self, raw: Any, known: Known | None = None) -> dict[str, Any]:
        """Stripe's order: removed names, unknown names, conflicts, then every value."""
        if isinstance(raw, dict):
            for name in raw:
                if name in self.refused:
                    raise self.refused[name](name)
            check_names(raw, self.spec, known, unknown_only=True)
            for name, rivals in self.exclusive:
                if name in raw:
                    for rival in rivals:
                        if rival in raw:
                            raise only_one_of(name, rival)
        return validate(raw, self.spec, required=self.required, known=known)


def spec_tree(spec: Spec) -> Known:
    """The names a spec accepts, shaped like stripe_params.PARAMS: a hash maps to its names,
    anything else to None."""
    out: Known = {}
    for key, checker in spec.items():
        if isinstance(checker, dict):
            out[key] = spec_tree(checker)
        elif isinstance(checker, IntOrHash | ListOf):
            out[key] = spec_tree(checker.spec)
        else:
            out[key] = None
    return out


PAGE_SPEC: Spec = {
    "limit": INT,
    "starting_after": STR,
    "ending_before": STR,
    "expand": LIST_STR,
}
LIST_SPEC: Spec = {
    **PAGE_SPEC,
    "created": IntOrHash({"gt": INT, "gte": INT, "lt": INT, "lte": INT}),
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
