"""The search query language subset: `field:'v'`, `field~'v'`, `metadata['k']:'v'`,
`created>N`, `-field:'v'`, joined by AND or OR (not both), with page tokens."""

from __future__ import annotations

import base64
import copy
import re
from collections.abc import Callable
from typing import Any

from .errors import invalid
from .params import check_limit

TOKEN = re.compile(
    r"""\s*(?P<neg>-)?(?P<field>metadata\[(?P<q>['"])(?P<mkey>.+?)(?P=q)\]|[a-z_]+)\s*"""
    r"""(?P<op>:|~|>=|<=|>|<)\s*(?:(?P<vq>['"])(?P<value>.*?)(?P=vq)|(?P<bare>[0-9A-Za-z_.+@-]+))\s*"""
)
STRING_FIELDS = {"email", "name", "phone", "description"}
Predicate = Callable[[dict[str, Any]], bool]


def _bad(query: str) -> Exception:
    return invalid(
        f"Invalid query: {query!r}. See https://stripe.com/docs/search#search-query-language "
        "for the supported syntax.",
        "query",
    )


def compile_query(query: str) -> Predicate:
    clauses: list[Predicate] = []
    joins: set[str] = set()
    pos = 0
    while True:
        m = TOKEN.match(query, pos)
        if not m:
            raise _bad(query)
        clauses.append(_clause(m, query))
        pos = m.end()
        if pos >= len(query):
            break
        j = re.match(r"(AND|OR)\s+", query[pos:])
        if not j:
            raise _bad(query)
        joins.add(j.group(1))
        pos += j.end()
    if len(joins) > 1:
        raise invalid("Queries cannot combine AND and OR.", "query")
    if joins == {"OR"}:
        return lambda obj: any(c(obj) for c in clauses)
    return lambda obj: all(c(obj) for c in clauses)


def _clause(m: re.Match[str], query: str) -> Predicate:
    field, op = m.group("field"), m.group("op")
    value = m.group("value") if m.group("value") is not None else m.group("bare")
    negate = bool(m.group("neg"))
    pred: Predicate
    if m.group("mkey") is not None:
        key = m.group("mkey")
        if op not in (":", "~"):
            raise _bad(query)
        pred = _text_pred(lambda o: (o.get("metadata") or {}).get(key), op, value, query)
    elif field == "created":
        if value is None or not value.isdigit() or op == "~":
            raise _bad(query)
        n = int(value)
        cmp = {
            ":": n.__eq__,
            ">": n.__lt__,
            ">=": n.__le__,
            "<": n.__gt__,
            "<=": n.__ge__,
        }[op]
        pred = lambda o: cmp(o.get("created", 0))  # noqa: E731
    elif field in STRING_FIELDS:
        if op not in (":", "~"):
            raise _bad(query)
        pred = _text_pred(lambda o: o.get(field), op, value, query)
    else:
        raise invalid(f"Field '{field}' is not a supported search field.", "query")
    return (lambda o: not pred(o)) if negate else pred


def _text_pred(get: Callable[[dict], Any], op: str, value: str, query: str) -> Predicate:
    if op == "~":
        if len(value) < 3:
            raise invalid("Substring queries (~) need at least 3 characters.", "query")
        needle = value.lower()
        return lambda o: needle in str(get(o) or "").lower()
    if value == "null":
        return lambda o: get(o) in (None, "")
    exact = value.lower()
    return lambda o: get(o) is not None and str(get(o)).lower() == exact


def run(rows: list[dict[str, Any]], p: dict[str, Any], url: str) -> dict[str, Any]:
    limit = check_limit(p)
    pred = compile_query(p["query"])
    matches = [r for r in rows if pred(r)]
    offset = 0
    if p.get("page"):
        try:
            offset = int(base64.urlsafe_b64decode(p["page"].encode()).decode())
        except (ValueError, UnicodeDecodeError) as exc:
            raise invalid("Invalid page token.", "page") from exc
    page = matches[offset : offset + limit]
    more = offset + limit < len(matches)
    return {
        "object": "search_result",
        "data": [copy.deepcopy(r) for r in page],
        "has_more": more,
        "next_page": base64.urlsafe_b64encode(str(offset + limit).encode()).decode()
        if more
        else None,
        "url": url,
    }
