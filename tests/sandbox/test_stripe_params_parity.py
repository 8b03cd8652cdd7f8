"""Every route the sandbox serves, held to stripe-python's request type for its endpoint
(`stripe.params`, generated from Stripe's OpenAPI spec for the pinned API version).

Both ways: what the sandbox accepts must exist in the type (it never accepts a parameter the
version refuses), and what the type has that the sandbox does not implement is refused over
HTTP with a plain "not supported by the sandbox" 400, never silently ignored. The sandbox
knows the type's names from stripe_params.py, which must equal what
scripts/generate_sandbox_params.py makes from the installed stripe.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.util
import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlencode

import pytest
import stripe

from posdesk.sandbox import payment_intents, setup_intents, stripe_params
from posdesk.sandbox.params import ANY, LIST_STR, Known, Schema, spec_tree
from posdesk.sandbox.routes import ROUTES, STRIPE_JS_ONLY, Route, match
from posdesk.sandbox.server import SandboxServer
from posdesk.sandbox.state import DEFAULT_API_VERSION

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "scripts" / "generate_sandbox_params.py"
MADE_UP = "sandbox_made_up_param"
# Endive refuses `payment_method_types` on these with its own error code (changelog
# 2026-09-30 "Removes the payment method types parameter from Payment Intents and Setup
# Intents"); SetupIntent confirm never took it, so there it is simply unknown.
REMOVED_PMT = [
    ("POST", "/v1/payment_intents"),
    ("POST", "/v1/payment_intents/{pi_id}"),
    ("POST", "/v1/payment_intents/{pi_id}/confirm"),
    ("POST", "/v1/setup_intents"),
    ("POST", "/v1/setup_intents/{si_id}"),
]


def route_id(route: Route) -> str:
    return f"{route.method} {route.path}"


def route_for(method: str, path: str) -> Route:
    [route] = [r for r in ROUTES if (r.method, r.path) == (method, path)]
    return route


@functools.cache
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_sandbox_params", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def template(path: str) -> str:
    return re.sub(r"\{\w+\}", "{}", path)


@functools.cache
def service_types() -> dict[tuple[str, str], frozenset[str]]:
    """(METHOD, path with `{}` for ids) -> the params types stripe-python's v1 services take
    for it, read from the generated service modules' source."""
    root = Path(stripe.__file__).parent
    found: dict[tuple[str, str], set[str]] = {}
    for source in sorted(root.rglob("_*_service.py")):
        if "v2" in source.relative_to(root).parts:
            continue
        for method in re.split(r"\n    (?:async )?def ", source.read_text(encoding="utf-8")):
            request = re.search(r'self\._request(?:_async)?\(\s*"(\w+)",\s*"(/v1/[^"]*)"', method)
            params = re.search(r'params: (?:Optional\[)?"(\w+)"', method)
            if request and params:
                key = (request.group(1).upper(), template(request.group(2)))
                found.setdefault(key, set()).add(params.group(1))
    return {key: frozenset(types) for key, types in found.items()}


def stripe_accepts(params_type: str) -> Known:
    """Straight from stripe.params (not from the generated table)."""
    gen = generator()
    return gen.accepted(gen.params_class(params_type))


def _join(prefix: str, name: str) -> str:
    return f"{prefix}[{name}]" if prefix else name


def spec_problems(route: Route, ours: Known, theirs: Known, prefix: str = "") -> Iterator[str]:
    """What the sandbox accepts that Stripe's type does not have, at every depth."""
    for name, sub in sorted(ours.items()):
        full = _join(prefix, name)
        if full in STRIPE_JS_ONLY and route.publishable and name not in theirs:
            continue  # sent by Stripe.js with a publishable key; not in the server-side spec
        if name not in theirs:
            yield f"accepts {full}, which {route.params_type} does not have"
        elif sub is not None and theirs[name] is None:
            yield f"takes {full} as a hash; in {route.params_type} it is not one"
        elif sub is None and theirs[name]:
            yield f"takes any sub-parameters of {full}; {route.params_type} defines them"
        elif sub is not None:
            yield from spec_problems(route, sub, theirs[name], full)


def problems(route: Route, table: dict[str, Known]) -> list[str]:
    """Every way a route breaks the rule that binds the sandbox to stripe-python's types."""
    found: list[str] = []
    served = service_types().get((route.method, template(route.path)))
    if served is None:
        found.append("no StripeClient.v1 service method sends this method and path")
    elif route.params_type not in served:
        found.append(f"names {route.params_type}; stripe-python's service takes {sorted(served)}")
    known = table.get(route.params_type)
    if known is None:
        return [*found, f"{route.params_type} is missing from the generated table"]
    found += spec_problems(route, spec_tree(route.schema.spec), known)
    found += [
        f"refuses {name} as removed, but {route.params_type} accepts it"
        for name in route.schema.refused
        if name in known
    ]
    found += [
        f"requires {name}, which it does not accept"
        for name in route.schema.required
        if name not in route.schema.spec
    ]
    return found


def unsupported(ours: Known, theirs: Known, prefix: str = "", depth: int = 2) -> list[str]:
    """Names Stripe accepts that the sandbox does not implement: top level and one level into
    the hashes the sandbox implements."""
    names: list[str] = []
    for name, sub in sorted(theirs.items()):
        full = _join(prefix, name)
        if name not in ours:
            names.append(full)
        elif sub and ours[name] is not None and depth > 1:
            names += unsupported(ours[name], sub, full, depth - 1)
    return names


# --- the table --------------------------------------------------------------------------------


def test_the_table_is_what_the_generator_makes_from_the_installed_stripe() -> None:
    path = ROOT / "src" / "posdesk" / "sandbox" / "stripe_params.py"
    assert path.read_text(encoding="utf-8") == generator().generate(), (
        "stripe_params.py is stale: run python scripts/generate_sandbox_params.py"
    )
    assert stripe_params.STRIPE_PYTHON == stripe.VERSION
    assert stripe_params.API_VERSION == stripe.api_version == DEFAULT_API_VERSION


def test_the_table_holds_exactly_the_routes_params_types() -> None:
    assert sorted(stripe_params.PARAMS) == sorted({r.params_type for r in ROUTES})


def test_request_options_are_not_parameters() -> None:
    options = set(stripe.RequestOptions.__annotations__)
    assert {"api_key", "idempotency_key", "stripe_account"} <= options
    for params_type, known in stripe_params.PARAMS.items():
        assert not options & set(known), params_type


# --- each route against its type ---------------------------------------------------------------


@pytest.mark.parametrize("route", ROUTES, ids=route_id)
def test_route_accepts_only_what_its_stripe_type_has(route: Route) -> None:
    assert problems(route, stripe_params.PARAMS) == []
    # The same against stripe.params itself, not only the generated table.
    ours = spec_tree(route.schema.spec)
    assert list(spec_problems(route, ours, stripe_accepts(route.params_type))) == []
    assert match(route.method, route.path.format_map(_Ids())) == (route, _Ids.groups(route))


class _Ids(dict):
    """Fills a path template's `{name}` with an id-shaped value."""

    def __missing__(self, key: str) -> str:
        return f"x_{key}"

    @staticmethod
    def groups(route: Route) -> dict[str, str]:
        return {name: f"x_{name}" for name in re.findall(r"\{(\w+)\}", route.path)}


def _holds(tree: Known | None, path: list[str]) -> bool:
    for name in path:
        if not isinstance(tree, dict) or name not in tree:
            return False
        tree = tree[name]
    return True


def test_stripe_js_only_names_are_taken_only_by_publishable_routes() -> None:
    # Each exemption is in use, and only where a publishable key (Stripe.js) may call.
    for name in STRIPE_JS_ONLY:
        path = re.findall(r"[^\[\]]+", name)  # "payment_method_data[card]" -> both names
        beyond = [
            route
            for route in ROUTES
            if _holds(spec_tree(route.schema.spec), path)
            and not _holds(stripe_params.PARAMS[route.params_type], path)
        ]
        assert beyond, f"{name} is exempted but no route needs it"
        assert all(route.publishable for route in beyond), name


def test_the_rules_catch_planted_violations() -> None:
    table = stripe_params.PARAMS
    create = route_for("POST", "/v1/payment_intents")
    confirm = route_for("POST", "/v1/payment_intents/{pi_id}/confirm")
    balance = dataclasses.replace(
        create, method="GET", path="/v1/balance", params_type="BalanceRetrieveParams"
    )
    assert "BalanceRetrieveParams is missing from the generated table" in problems(balance, table)
    wrong = dataclasses.replace(create, params_type="PaymentIntentUpdateParams")
    assert any("service takes ['PaymentIntentCreateParams']" in p for p in problems(wrong, table))
    nowhere = dataclasses.replace(create, path="/v1/payment_intents/{pi_id}/teleport")
    assert any("no StripeClient.v1 service" in p for p in problems(nowhere, table))
    spec = create.schema.spec
    removed = dataclasses.replace(create, schema=Schema({**spec, "payment_method_types": LIST_STR}))
    assert problems(removed, table) == [
        "accepts payment_method_types, which PaymentIntentCreateParams does not have"
    ]
    wholesale = dataclasses.replace(create, schema=Schema({**spec, "payment_method_options": ANY}))
    assert problems(wholesale, table) == [
        "takes any sub-parameters of payment_method_options; PaymentIntentCreateParams defines them"
    ]
    secret_only = dataclasses.replace(confirm, publishable=False)
    assert "accepts client_secret, which PaymentIntentConfirmParams does not have" in problems(
        secret_only, table
    )
    with pytest.raises(LookupError):
        generator().table(["NoSuchParams"])


# --- over HTTP -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    srv = SandboxServer().start()
    try:
        yield srv
    finally:
        srv.stop()


KEY = "sk_test_" + "p" * 24


def send(server: SandboxServer, route: Route, params: list[tuple[str, str]]) -> tuple[int, dict]:
    path = route.path.format_map(_Ids())
    encoded = urlencode(params)
    if route.method == "POST":
        url, data = server.base_url + path, encoded.encode()
    else:
        url, data = f"{server.base_url}{path}?{encoded}", None
    req = urllib.request.Request(
        url, data=data, method=route.method, headers={"Authorization": f"Bearer {KEY}"}
    )
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def assert_error(answer: tuple[int, dict], code: str, param: str) -> dict[str, Any]:
    status, body = answer
    error = body.get("error") or {}
    assert (status, error.get("type"), error.get("code"), error.get("param")) == (
        400,
        "invalid_request_error",
        code,
        param,
    ), body
    return error


def lacking(route: Route) -> list[str]:
    """What the route's type has that the sandbox does not implement (removed names aside)."""
    names = unsupported(spec_tree(route.schema.spec), stripe_params.PARAMS[route.params_type])
    return [name for name in names if name not in route.schema.refused]


# Routes that implement every parameter of their type have nothing to refuse here.
@pytest.mark.parametrize("route", [r for r in ROUTES if lacking(r)], ids=route_id)
def test_what_stripe_accepts_but_the_sandbox_lacks_is_refused_plainly(
    server: SandboxServer, route: Route
) -> None:
    for name in lacking(route):
        error = assert_error(
            send(server, route, [(name, "1")]), "parameter_not_supported_by_sandbox", name
        )
        assert "sandbox does not support the parameter " + name in error["message"]
        assert "doc_url" not in error  # our own code: no Stripe page to point at


@pytest.mark.parametrize("route", ROUTES, ids=route_id)
def test_a_made_up_parameter_is_unknown_as_at_stripe(server: SandboxServer, route: Route) -> None:
    error = assert_error(send(server, route, [(MADE_UP, "1")]), "parameter_unknown", MADE_UP)
    assert error["message"] == f"Received unknown parameter: {MADE_UP}"
    for name, checker in sorted(spec_tree(route.schema.spec).items()):
        if checker is not None:  # a hash the sandbox implements: unknown names inside it too
            nested = f"{name}[{MADE_UP}]"
            error = assert_error(send(server, route, [(nested, "1")]), "parameter_unknown", nested)
            assert error["message"] == f"Received unknown parameter: {nested}"


@pytest.mark.parametrize(("method", "path"), REMOVED_PMT, ids=" ".join)
def test_payment_method_types_is_refused_as_endive_does(
    server: SandboxServer, method: str, path: str
) -> None:
    route = route_for(method, path)
    assert "payment_method_types" not in stripe_params.PARAMS[route.params_type]
    valid = [("amount", "1000"), ("currency", "usd")] if path == "/v1/payment_intents" else []
    for params in (
        [("payment_method_types[]", "card")],
        [*valid, ("payment_method_types[0]", "card")],
    ):
        error = assert_error(
            send(server, route, params),
            "payment_method_types_no_longer_supported",
            "payment_method_types",
        )
        assert "allowed_payment_method_types" in error["message"]


def test_setup_intent_confirm_follows_stripe_params_for_payment_method_types(
    server: SandboxServer,
) -> None:
    route = route_for("POST", "/v1/setup_intents/{si_id}/confirm")
    assert "payment_method_types" not in stripe_accepts("SetupIntentConfirmParams")
    assert "allowed_payment_method_types" in stripe_accepts("SetupIntentConfirmParams")
    error = assert_error(
        send(server, route, [("payment_method_types[]", "card")]),
        "parameter_unknown",
        "payment_method_types",
    )
    assert error["message"] == "Received unknown parameter: payment_method_types"


@pytest.mark.parametrize(
    ("module", "path"),
    [(payment_intents, "/v1/payment_intents"), (setup_intents, "/v1/setup_intents")],
    ids=["payment_intents", "setup_intents"],
)
@pytest.mark.parametrize(
    ("rival", "value"),
    [
        ("automatic_payment_methods[enabled]", "true"),
        ("excluded_payment_method_types[]", "link"),
        ("payment_method_configuration", "pmc_123"),
    ],
)
def test_allowed_payment_method_types_excludes_its_rivals_on_create(
    server: SandboxServer, module: ModuleType, path: str, rival: str, value: str
) -> None:
    route = route_for("POST", path)
    assert route.schema is module.CREATE
    top = rival.split("[")[0]
    assert top in stripe_params.PARAMS[route.params_type]
    params = [("allowed_payment_method_types[]", "card")]
    if module is payment_intents:
        params += [("amount", "1000"), ("currency", "usd")]
    error = assert_error(send(server, route, [*params, (rival, value)]), None, top)
    assert error["message"] == (
        f"You may only specify one of these parameters: allowed_payment_method_types, {top}."
    )
