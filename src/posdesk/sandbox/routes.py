"""The `/v1` route table: method, path pattern, handler, what the endpoint accepts (a
params.Schema, which the server checks before the handler runs), stripe-python's request type
for the endpoint, and whether a publishable key may call it (Stripe lets one create payment
methods and use an intent with its client secret).

`params_type` is the class in `stripe.params` that stripe-python's `StripeClient.v1` service
method for this method and path takes (e.g. `PaymentIntentCreateParams`): the list of what the
pinned API version accepts. stripe_params.py holds those names, generated from stripe-python
(the sandbox never imports stripe); tests/sandbox/test_stripe_params_parity.py holds every
route to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import (
    balance,
    charges,
    checkout,
    customers,
    events,
    payment_intents,
    payment_methods,
    payouts,
    refunds,
    setup_intents,
    tokens,
)
from .params import Schema

ID = r"(?P<{}>[A-Za-z0-9_]+)"

# Parameters Stripe.js sends with a publishable key that the server-side API reference, and so
# stripe.params, leaves out: the intent's client secret, and raw card details, which only
# Stripe's own card fields may send. Only publishable routes may accept them.
STRIPE_JS_ONLY: frozenset[str] = frozenset({"client_secret", "payment_method_data[card]"})


@dataclass(frozen=True)
class Route:
    method: str
    path: str  # the template, e.g. "/v1/payment_intents/{pi_id}"
    pattern: re.Pattern[str]
    handler: Callable[..., dict[str, Any]]  # (ctx, validated params, **path ids)
    schema: Schema
    params_type: str
    publishable: bool = False
    resource: str = ""


def _r(
    method: str,
    path: str,
    handler: Callable[..., Any],
    schema: Schema,
    params_type: str,
    publishable: bool = False,
) -> Route:
    regex = re.sub(r"\{(\w+)\}", lambda m: ID.format(m.group(1)), path)
    resource = path.split("/")[2]
    return Route(
        method, path, re.compile(f"^{regex}$"), handler, schema, params_type, publishable, resource
    )


PI, SI, PM = payment_intents, setup_intents, payment_methods
ROUTES: list[Route] = [
    _r("POST", "/v1/customers", customers.create, customers.CREATE, "CustomerCreateParams"),
    _r("GET", "/v1/customers", customers.list_, customers.LIST, "CustomerListParams"),
    _r(
        "GET",
        "/v1/customers/search",
        customers.search_,
        customers.SEARCH,
        "CustomerSearchParams",
    ),
    _r(
        "GET",
        "/v1/customers/{customer_id}",
        customers.retrieve,
        customers.RETRIEVE,
        "CustomerRetrieveParams",
    ),
    _r(
        "POST",
        "/v1/customers/{customer_id}",
        customers.update,
        customers.UPDATE,
        "CustomerUpdateParams",
    ),
    _r(
        "DELETE",
        "/v1/customers/{customer_id}",
        customers.delete,
        customers.DELETE,
        "CustomerDeleteParams",
    ),
    _r(
        "GET",
        "/v1/customers/{customer_id}/payment_methods",
        PM.list_,
        PM.LIST_FOR_CUSTOMER,
        "CustomerPaymentMethodListParams",
    ),
    _r("POST", "/v1/payment_methods", PM.create, PM.CREATE, "PaymentMethodCreateParams", True),
    _r("GET", "/v1/payment_methods", PM.list_, PM.LIST, "PaymentMethodListParams"),
    _r(
        "GET",
        "/v1/payment_methods/{pm_id}",
        PM.retrieve,
        PM.RETRIEVE,
        "PaymentMethodRetrieveParams",
    ),
    _r("POST", "/v1/payment_methods/{pm_id}", PM.update, PM.UPDATE, "PaymentMethodUpdateParams"),
    _r(
        "POST",
        "/v1/payment_methods/{pm_id}/attach",
        PM.attach,
        PM.ATTACH,
        "PaymentMethodAttachParams",
    ),
    _r(
        "POST",
        "/v1/payment_methods/{pm_id}/detach",
        PM.detach,
        PM.DETACH,
        "PaymentMethodDetachParams",
    ),
    _r("POST", "/v1/payment_intents", PI.create, PI.CREATE, "PaymentIntentCreateParams"),
    _r("GET", "/v1/payment_intents", PI.list_, PI.LIST, "PaymentIntentListParams"),
    _r(
        "GET",
        "/v1/payment_intents/{pi_id}",
        PI.retrieve,
        PI.RETRIEVE,
        "PaymentIntentRetrieveParams",
        True,
    ),
    _r("POST", "/v1/payment_intents/{pi_id}", PI.update, PI.UPDATE, "PaymentIntentUpdateParams"),
    _r(
        "POST",
        "/v1/payment_intents/{pi_id}/confirm",
        PI.confirm,
        PI.CONFIRM,
        "PaymentIntentConfirmParams",
        True,
    ),
    _r(
        "POST",
        "/v1/payment_intents/{pi_id}/capture",
        PI.capture,
        PI.CAPTURE,
        "PaymentIntentCaptureParams",
    ),
    _r(
        "POST",
        "/v1/payment_intents/{pi_id}/cancel",
        PI.cancel,
        PI.CANCEL,
        "PaymentIntentCancelParams",
    ),
    _r("POST", "/v1/setup_intents", SI.create, SI.CREATE, "SetupIntentCreateParams"),
    _r("GET", "/v1/setup_intents", SI.list_, SI.LIST, "SetupIntentListParams"),
    _r(
        "GET",
        "/v1/setup_intents/{si_id}",
        SI.retrieve,
        SI.RETRIEVE,
        "SetupIntentRetrieveParams",
        True,
    ),
    _r("POST", "/v1/setup_intents/{si_id}", SI.update, SI.UPDATE, "SetupIntentUpdateParams"),
    _r(
        "POST",
        "/v1/setup_intents/{si_id}/confirm",
        SI.confirm,
        SI.CONFIRM,
        "SetupIntentConfirmParams",
        True,
    ),
    _r(
        "POST",
        "/v1/setup_intents/{si_id}/cancel",
        SI.cancel,
        SI.CANCEL,
        "SetupIntentCancelParams",
    ),
    _r("POST", "/v1/tokens", tokens.create, tokens.CREATE, "TokenCreateParams", True),
    _r("POST", "/v1/refunds", refunds.create, refunds.CREATE, "RefundCreateParams"),
    _r("GET", "/v1/refunds", refunds.list_, refunds.LIST, "RefundListParams"),
    _r(
        "GET",
        "/v1/refunds/{refund_id}",
        refunds.retrieve,
        refunds.RETRIEVE,
        "RefundRetrieveParams",
    ),
    _r(
        "POST",
        "/v1/refunds/{refund_id}",
        refunds.update,
        refunds.UPDATE,
        "RefundUpdateParams",
    ),
    _r("GET", "/v1/charges", charges.list_, charges.LIST, "ChargeListParams"),
    _r(
        "GET",
        "/v1/charges/{charge_id}",
        charges.retrieve,
        charges.RETRIEVE,
        "ChargeRetrieveParams",
    ),
    _r("GET", "/v1/events", events.list_, events.LIST, "EventListParams"),
    _r(
        "GET",
        "/v1/events/{event_id}",
        events.retrieve,
        events.RETRIEVE,
        "EventRetrieveParams",
    ),
    _r(
        "GET",
        "/v1/balance_transactions",
        balance.list_,
        balance.LIST,
        "BalanceTransactionListParams",
    ),
    _r(
        "GET",
        "/v1/balance_transactions/{txn_id}",
        balance.retrieve,
        balance.RETRIEVE,
        "BalanceTransactionRetrieveParams",
    ),
    _r("GET", "/v1/payouts", payouts.list_, payouts.LIST, "PayoutListParams"),
    _r(
        "GET",
        "/v1/payouts/{payout_id}",
        payouts.retrieve,
        payouts.RETRIEVE,
        "PayoutRetrieveParams",
    ),
    # Remote payments (checkout.py): hosted Checkout Sessions and reusable Payment Links.
    _r("POST", "/v1/checkout/sessions", checkout.create, checkout.CREATE,
       "SessionCreateParams"),
    _r("GET", "/v1/checkout/sessions", checkout.list_, checkout.LIST, "SessionListParams"),
    _r("GET", "/v1/checkout/sessions/{cs_id}", checkout.retrieve, checkout.RETRIEVE,
       "SessionRetrieveParams"),
    _r("POST", "/v1/checkout/sessions/{cs_id}/expire", checkout.expire, checkout.EXPIRE,
       "SessionExpireParams"),
    _r("POST", "/v1/payment_links", checkout.link_create, checkout.LINK_CREATE,
       "PaymentLinkCreateParams"),
    _r("GET", "/v1/payment_links", checkout.link_list, checkout.LINK_LIST,
       "PaymentLinkListParams"),
    _r("GET", "/v1/payment_links/{plink_id}", checkout.link_retrieve, checkout.LINK_RETRIEVE,
       "PaymentLinkRetrieveParams"),
    _r("POST", "/v1/payment_links/{plink_id}", checkout.link_update, checkout.LINK_UPDATE,
       "PaymentLinkUpdateParams"),
]

# Restricted-key permission names Stripe quotes in its 403 message.
WRITE_PERMISSION = {
    "customers": "rak_customer_write",
    "payment_methods": "rak_payment_method_write",
    "payment_intents": "rak_payment_intent_write",
    "setup_intents": "rak_setup_intent_write",
    "refunds": "rak_refund_write",
}


# Reading these needs a restricted key's balance permissions (auth.NO_BALANCE_PREFIX keys
# lack them, to exercise "fees unavailable with this key").
READ_PERMISSION = {
    "balance_transactions": "rak_balance_transaction_source_read",
    "payouts": "rak_payout_read",
}


def match(method: str, path: str) -> tuple[Route, dict[str, str]] | None:
    for route in ROUTES:
        if route.method != method:
            continue
        m = route.pattern.match(path)
        if m:
            return route, m.groupdict()
    return None
