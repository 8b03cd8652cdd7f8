"""The `/v1` route table: method, path pattern, handler, and whether a publishable key may
call it (Stripe lets one create payment methods and use an intent with its client secret)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import (
    charges,
    customers,
    events,
    payment_intents,
    payment_methods,
    refunds,
    setup_intents,
    tokens,
)

ID = r"(?P<{}>[A-Za-z0-9_]+)"


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    handler: Callable[..., dict[str, Any]]
    publishable: bool = False
    resource: str = ""


def _r(method: str, path: str, handler: Callable[..., Any], publishable: bool = False) -> Route:
    regex = re.sub(r"\{(\w+)\}", lambda m: ID.format(m.group(1)), path)
    resource = path.split("/")[2]
    return Route(method, re.compile(f"^{regex}$"), handler, publishable, resource)


ROUTES: list[Route] = [
    _r("POST", "/v1/customers", customers.create),
    _r("GET", "/v1/customers", customers.list_),
    _r("GET", "/v1/customers/search", customers.search_),
    _r("GET", "/v1/customers/{customer_id}", customers.retrieve),
    _r("POST", "/v1/customers/{customer_id}", customers.update),
    _r("DELETE", "/v1/customers/{customer_id}", customers.delete),
    _r("GET", "/v1/customers/{customer_id}/payment_methods", payment_methods.list_),
    _r("POST", "/v1/payment_methods", payment_methods.create, publishable=True),
    _r("GET", "/v1/payment_methods", payment_methods.list_),
    _r("GET", "/v1/payment_methods/{pm_id}", payment_methods.retrieve),
    _r("POST", "/v1/payment_methods/{pm_id}", payment_methods.update),
    _r("POST", "/v1/payment_methods/{pm_id}/attach", payment_methods.attach),
    _r("POST", "/v1/payment_methods/{pm_id}/detach", payment_methods.detach),
    _r("POST", "/v1/payment_intents", payment_intents.create),
    _r("GET", "/v1/payment_intents", payment_intents.list_),
    _r("GET", "/v1/payment_intents/{pi_id}", payment_intents.retrieve, publishable=True),
    _r("POST", "/v1/payment_intents/{pi_id}", payment_intents.update),
    _r("POST", "/v1/payment_intents/{pi_id}/confirm", payment_intents.confirm, publishable=True),
    _r("POST", "/v1/payment_intents/{pi_id}/capture", payment_intents.capture),
    _r("POST", "/v1/payment_intents/{pi_id}/cancel", payment_intents.cancel),
    _r("POST", "/v1/setup_intents", setup_intents.create),
    _r("GET", "/v1/setup_intents", setup_intents.list_),
    _r("GET", "/v1/setup_intents/{si_id}", setup_intents.retrieve, publishable=True),
    _r("POST", "/v1/setup_intents/{si_id}", setup_intents.update),
    _r("POST", "/v1/setup_intents/{si_id}/confirm", setup_intents.confirm, publishable=True),
    _r("POST", "/v1/setup_intents/{si_id}/cancel", setup_intents.cancel),
    _r("POST", "/v1/tokens", tokens.create, publishable=True),
    _r("POST", "/v1/refunds", refunds.create),
    _r("GET", "/v1/refunds", refunds.list_),
    _r("GET", "/v1/refunds/{refund_id}", refunds.retrieve),
    _r("POST", "/v1/refunds/{refund_id}", refunds.update),
    _r("GET", "/v1/charges", charges.list_),
    _r("GET", "/v1/charges/{charge_id}", charges.retrieve),
    _r("GET", "/v1/events", events.list_),
    _r("GET", "/v1/events/{event_id}", events.retrieve),
]

# Restricted-key permission names Stripe quotes in its 403 message.
WRITE_PERMISSION = {
    "customers": "rak_customer_write",
    "payment_methods": "rak_payment_method_write",
    "payment_intents": "rak_payment_intent_write",
    "setup_intents": "rak_setup_intent_write",
    "refunds": "rak_refund_write",
}


def match(method: str, path: str) -> tuple[Route, dict[str, str]] | None:
    for route in ROUTES:
        if route.method != method:
            continue
        m = route.pattern.match(path)
        if m:
            return route, m.groupdict()
    return None
